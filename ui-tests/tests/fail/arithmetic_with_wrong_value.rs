use quarry_ui_tests::schema::*;

fn main() {
    // `users.id` is an INTEGER: adding a float needs a cast.
    let _ = users::table.select(users::id + 1.5);
}
