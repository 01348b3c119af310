use quarry_ui_tests::schema::*;

// DISTINCT ON is PostgreSQL's: the query builds, but cannot be written as SQL for SQLite.
fn main() {
    let mut conn = conn();
    let _ = posts::table
        .select((posts::user_id, posts::title))
        .distinct_on(posts::user_id)
        .order_by((posts::user_id, posts::id.desc()))
        .load::<(i32, String)>(&mut conn);
}
