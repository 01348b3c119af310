use quarry_ui_tests::schema::*;

// ILIKE is PostgreSQL's: the query builds, but cannot be written as SQL for SQLite.
fn main() {
    let mut conn = conn();
    let _ = users::table
        .select(users::name)
        .filter(users::name.ilike("a%"))
        .load::<String>(&mut conn);
}
