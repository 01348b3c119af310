use quarry_ui_tests::schema::*;

fn main() {
    // `users.id` is an integer, the subquery returns titles.
    let _ = users::table.filter(users::id.in_subquery(posts::table.select(posts::title)));
}
