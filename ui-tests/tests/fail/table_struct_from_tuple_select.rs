use quarry_ui_tests::schema::*;

fn main() {
    let mut conn = conn();
    // `User` is bound to `users` and maps columns by name: select it with `User::as_select()`.
    let _: Vec<User> = users::table
        .select((users::id, users::name, users::hair_color))
        .load(&mut conn)
        .unwrap();
}
