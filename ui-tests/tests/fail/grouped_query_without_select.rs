use quarry_ui_tests::schema::*;

fn main() {
    let mut conn = conn();
    // A grouped query has no meaningful default selection: say what it selects.
    let _: Vec<Post> = posts::table.group_by(posts::user_id).load(&mut conn).unwrap();
}
