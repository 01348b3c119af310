use quarry_ui_tests::schema::*;

fn main() {
    // The primary key `users.id` is an integer.
    let _ = users::table.find("Ada");
}
