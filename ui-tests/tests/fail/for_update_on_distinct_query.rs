use quarry_ui_tests::schema::*;

fn main() {
    let _ = users::table.select(users::name).distinct().for_update();
}
