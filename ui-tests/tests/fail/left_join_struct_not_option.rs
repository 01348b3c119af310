use quarry_ui_tests::schema::*;

fn main() {
    let mut conn = conn();
    // The right side of a LEFT JOIN may be missing: it must load into `Option<Post>`.
    let _: Vec<(User, Post)> = users::table.left_join(posts::table).load(&mut conn).unwrap();
}
