//! Reading a text column into an i32.
use diesel_error_cases::*;

fn main() {
    let mut conn = conn();
    let _ = users::table.select(users::name).load::<i32>(&mut conn);
}
