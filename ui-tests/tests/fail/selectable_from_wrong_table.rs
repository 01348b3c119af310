use quarry_ui_tests::schema::*;

fn main() {
    // `User` selects columns of `users`, which this query does not read.
    let _ = posts::table.select(User::as_select());
}
