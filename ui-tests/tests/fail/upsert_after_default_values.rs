use quarry::prelude::*;
use quarry_ui_tests::schema::*;

fn main() {
    let _ = insert_into(tags::table).default_values().on_conflict(tags::id).do_nothing();
}
