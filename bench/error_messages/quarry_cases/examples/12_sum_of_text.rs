//! Summing a text column.
use quarry_error_cases::*;

fn main() {
    let mut conn = conn();
    let _ = users::table.select(sum(users::name)).load::<Option<i64>>(&mut conn);
}
