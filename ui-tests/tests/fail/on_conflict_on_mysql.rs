use quarry_ui_tests::schema::*;

// MySQL spells upserts ON DUPLICATE KEY UPDATE.
fn add(conn: &mut quarry_mysql::MysqlConnection) {
    let _ = insert_into(tags::table)
        .values((tags::id.eq(1), tags::label.eq("rust")))
        .on_conflict(tags::label)
        .do_nothing()
        .execute(conn);
}

fn main() {}
