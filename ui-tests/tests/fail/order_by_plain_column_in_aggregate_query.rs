use quarry::prelude::*;
use quarry_ui_tests::schema::*;

fn main() {
    // COUNT(*) without GROUP BY returns one row: there is no per-row name to order it by.
    let _ = users::table.select(count_star()).order_by(users::name);
}
