use quarry_ui_tests::schema::*;

fn main() {
    // `users.name` is TEXT, `users.id` is INTEGER.
    let _ = update(users::table).set(users::name.eq(users::id));
}
