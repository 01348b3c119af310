use quarry::prelude::*;
use quarry_ui_tests::schema::*;

fn main() {
    // Rows are not grouped: ordering them by COUNT(*) mixes an aggregate with per-row values.
    let _ = users::table.select(users::name).order_by(count_star());
}
