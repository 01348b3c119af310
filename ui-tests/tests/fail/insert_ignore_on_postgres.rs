use quarry_ui_tests::schema::*;

// PostgreSQL has no INSERT IGNORE: it skips conflicting rows with ON CONFLICT DO NOTHING.
fn add(conn: &mut quarry_postgres::PgConnection) {
    let _ = insert_ignore_into(tags::table)
        .values(tags::label.eq("rust"))
        .execute(conn);
}

fn main() {}
