use quarry::prelude::*;
use quarry_ui_tests::schema::*;

fn main() {
    // `hair_color` may be NULL; `name` may not.
    let _ = update(users::table).set(users::name.eq(users::hair_color));
}
