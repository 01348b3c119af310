use quarry_ui_tests::schema::*;

fn main() {
    let _ = posts::table.group_by(count_star());
}
