use quarry_ui_tests::schema::*;

fn main() {
    // The ON condition may use `users` and `posts`, not `comments`.
    let _ = users::table.inner_join(posts::table.on(comments::post_id.eq(posts::id)));
}
