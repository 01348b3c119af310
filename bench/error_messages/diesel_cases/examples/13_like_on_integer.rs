//! LIKE on an integer column.
use diesel_error_cases::*;

fn main() {
    let mut conn = conn();
    let _ = users::table.filter(users::id.like("1%")).select(users::name).load::<String>(&mut conn);
}
