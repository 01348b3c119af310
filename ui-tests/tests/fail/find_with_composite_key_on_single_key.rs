use quarry_ui_tests::schema::*;

fn main() {
    // `users` has a one-column primary key.
    let _ = users::table.find((1, 2));
}
