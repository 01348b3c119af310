//! Comparing a text column with an integer column.
use diesel_error_cases::*;

fn main() {
    let mut conn = conn();
    let _ = users::table.filter(users::name.eq(users::id)).select(users::name).load::<String>(&mut conn);
}
