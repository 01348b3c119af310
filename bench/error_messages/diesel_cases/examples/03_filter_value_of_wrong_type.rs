//! Comparing an integer column with a string.
use diesel_error_cases::*;

fn main() {
    let mut conn = conn();
    let _ = users::table.filter(users::id.eq("1")).select(users::name).load::<String>(&mut conn);
}
