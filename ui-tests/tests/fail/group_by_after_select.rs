use quarry_ui_tests::schema::*;

fn main() {
    // Counting posts per user: GROUP BY must come before the select list.
    let _ = posts::table.select(count_star()).group_by(posts::user_id);
}
