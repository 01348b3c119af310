use quarry_ui_tests::schema::*;

fn main() {
    let _ = posts::table.select(posts::user_id).having(count_star().gt(1));
}
