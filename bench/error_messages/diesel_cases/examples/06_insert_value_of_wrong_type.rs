//! Inserting an integer into a text column.
use diesel_error_cases::*;

fn main() {
    let mut conn = conn();
    let _ = diesel::insert_into(users::table).values(users::name.eq(42)).execute(&mut conn);
}
