//! Selecting a column of a table that is not in the FROM clause.
use quarry_error_cases::*;

fn main() {
    let mut conn = conn();
    let _ = users::table.select(posts::title).load::<String>(&mut conn);
}
