use quarry_ui_tests::schema::*;

quarry::alias!(users::table as author);

fn main() {
    // `author` is an alias of `users`: it has no `posts.title`.
    let _ = users::table
        .inner_join(author.on(author.field(users::id).eq(users::id)))
        .select(author.field(posts::title));
}
