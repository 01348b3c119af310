use quarry_ui_tests::schema::*;

fn main() {
    let _ = users::table.select(case_when(users::id.eq(1), "first").otherwise(2));
}
