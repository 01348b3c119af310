use quarry_ui_tests::schema::*;

fn main() {
    // `posts.title` is not a column of `users`.
    let _ = insert_into(users::table).values((users::name.eq("Ada"), posts::title.eq("Engines")));
}
