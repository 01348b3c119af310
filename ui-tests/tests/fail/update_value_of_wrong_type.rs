use quarry_ui_tests::schema::*;

fn main() {
    // `users.name` is TEXT: an integer cannot be assigned to it.
    let _ = update(users::table.filter(users::id.eq(1))).set(users::name.eq(42));
}
