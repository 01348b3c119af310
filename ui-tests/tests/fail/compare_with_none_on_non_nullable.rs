use quarry_ui_tests::schema::*;

fn main() {
    // `users.name` is NOT NULL: comparing it with `None` is meaningless.
    let _ = users::table.filter(users::name.eq(None::<&str>));
}
