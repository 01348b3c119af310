use quarry_ui_tests::schema::*;

fn main() {
    let _ = users::table.count().for_share();
}
