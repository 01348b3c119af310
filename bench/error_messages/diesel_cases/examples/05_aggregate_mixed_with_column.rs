//! Selecting a plain column next to an aggregate without GROUP BY.
use diesel_error_cases::*;

fn main() {
    let mut conn = conn();
    let _ = users::table.select((users::name, diesel::dsl::count_star())).load::<(String, i64)>(&mut conn);
}
