use quarry_ui_tests::schema::*;

fn main() {
    let _ = users::table.filter(users::name.eq(users::id));
}
