use quarry_ui_tests::schema::*;

fn main() {
    // `posts.title` is not a column of `users`.
    let _ = update(users::table.filter(users::id.eq(1))).set(posts::title.eq("Engines"));
}
