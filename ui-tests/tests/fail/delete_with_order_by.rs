use quarry_ui_tests::schema::*;

fn main() {
    // DELETE takes `table` or `table.filter(...)`: ORDER BY does not apply.
    let _ = delete(users::table.filter(users::id.gt(1)).order_by(users::id));
}
