use quarry_ui_tests::schema::*;

fn main() {
    // `posts` is not in FROM: only `users` is read.
    let _ = users::table.select(posts::title);
}
