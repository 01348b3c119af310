use quarry_ui_tests::schema::*;

// MySQL has no RETURNING: read the generated key with `last_insert_id()` instead.
fn add(conn: &mut quarry_mysql::MysqlConnection) {
    let _ = insert_into(users::table)
        .values(users::name.eq("Ada"))
        .returning(users::id)
        .get_result::<i32>(conn);
}

fn main() {}
