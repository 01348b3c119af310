//! Ordering by a column of a table that is not in the FROM clause.
use quarry_error_cases::*;

fn main() {
    let mut conn = conn();
    let _ = users::table.order_by(posts::id).select(users::name).load::<String>(&mut conn);
}
