//! Summing a text column.
use diesel_error_cases::*;

fn main() {
    let mut conn = conn();
    let _ = users::table.select(diesel::dsl::sum(users::name)).load::<Option<i64>>(&mut conn);
}
