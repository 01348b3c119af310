use quarry::prelude::*;
use quarry_ui_tests::schema::*;

fn main() {
    let _ = users::table.order_by(users::name).count();
}
