use quarry_ui_tests::schema::*;

fn main() {
    // A text column is not a condition.
    let _ = users::table.filter(users::name);
}
