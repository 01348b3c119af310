use quarry_ui_tests::schema::*;

fn main() {
    // DELETE takes `table` or `table.filter(...)`: LIMIT does not apply.
    let _ = delete(users::table.limit(1));
}
