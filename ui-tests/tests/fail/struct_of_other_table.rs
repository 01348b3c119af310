use quarry_ui_tests::schema::*;

fn main() {
    let mut conn = conn();
    // `posts::table` returns the columns of `posts`, not of `users`.
    let _: Vec<User> = posts::table.load(&mut conn).unwrap();
}
