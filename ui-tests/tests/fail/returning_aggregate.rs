use quarry::prelude::*;
use quarry_ui_tests::schema::*;

fn main() {
    let _ = delete(users::table).returning(count_star());
}
