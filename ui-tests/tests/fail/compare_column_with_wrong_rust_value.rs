use quarry_ui_tests::schema::*;

fn main() {
    let _ = users::table.filter(users::id.eq("1"));
}
