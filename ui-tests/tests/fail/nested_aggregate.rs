use quarry_ui_tests::schema::*;

fn main() {
    let _ = posts::table.select(count(max(posts::id)));
}
