use quarry_ui_tests::schema::*;

#[derive(Queryable)]
struct NameAndId {
    name: String,
    // `posts.title` is TEXT, not an integer.
    title: i32,
}

fn main() {
    let mut conn = conn();
    let _: Vec<NameAndId> = users::table
        .inner_join(posts::table)
        .select((users::name, posts::title))
        .load(&mut conn)
        .unwrap();
}
