use quarry_ui_tests::schema::*;

fn main() {
    // `posts` is read by the subquery only, not by the outer query.
    let _ = users::table
        .filter(users::id.in_subquery(posts::table.select(posts::user_id)))
        .select(posts::title);
}
