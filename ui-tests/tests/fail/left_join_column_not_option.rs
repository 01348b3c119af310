use quarry_ui_tests::schema::*;

fn main() {
    let mut conn = conn();
    // A user without posts has NULL for `posts.title`: it must load into `Option<String>`.
    let _: Vec<(String, String)> = users::table
        .left_join(posts::table)
        .select((users::name, posts::title))
        .load(&mut conn)
        .unwrap();
}
