//! Filtering on a column of a table that was never joined (the missing join).
use quarry_error_cases::*;

fn main() {
    let mut conn = conn();
    let _ = users::table.filter(posts::title.eq("Engines")).select(users::name).load::<String>(&mut conn);
}
