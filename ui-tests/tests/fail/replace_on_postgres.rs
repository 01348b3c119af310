use quarry_ui_tests::schema::*;

// PostgreSQL has no REPLACE INTO.
fn put(conn: &mut quarry_postgres::PgConnection) {
    let _ = replace_into(tags::table)
        .values((tags::id.eq(1), tags::label.eq("rust")))
        .execute(conn);
}

fn main() {}
