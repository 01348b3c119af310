use quarry_ui_tests::schema::*;

fn main() {
    // The same mistake inside a tuple: `posts` is not in FROM.
    let _ = users::table.select((users::name, posts::title));
}
