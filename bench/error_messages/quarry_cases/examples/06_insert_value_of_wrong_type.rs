//! Inserting an integer into a text column.
use quarry_error_cases::*;

fn main() {
    let mut conn = conn();
    let _ = insert_into(users::table).values(users::name.eq(42)).execute(&mut conn);
}
