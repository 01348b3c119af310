use quarry_ui_tests::schema::*;

fn main() {
    // Grouped by author: `title` differs inside a group.
    let _ = posts::table.group_by(posts::user_id).select(posts::title);
}
