use quarry_ui_tests::schema::*;

fn main() {
    let mut conn = conn();
    let _: Vec<i32> = users::table.select(users::name).load(&mut conn).unwrap();
}
