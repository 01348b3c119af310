use quarry_ui_tests::schema::*;

fn main() {
    // The column list is (TEXT), but the query returns (INTEGER).
    let _ = insert_into(tags::table).from_select(tags::label, users::table.select(users::id));
}
