//! Setting a column of another table in an UPDATE.
use diesel_error_cases::*;

fn main() {
    let mut conn = conn();
    let _ = diesel::update(users::table.filter(users::id.eq(1))).set(posts::title.eq("Engines")).execute(&mut conn);
}
