use quarry_ui_tests::schema::*;

fn main() {
    let _ = users::table.filter(users::id.between("a", "z"));
}
