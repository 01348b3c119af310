use quarry_ui_tests::schema::*;

fn main() {
    // The subquery uses `users.id` without `.correlate(users::table)`.
    let _ = users::table.filter(exists(posts::table.filter(posts::user_id.eq(users::id))));
}
