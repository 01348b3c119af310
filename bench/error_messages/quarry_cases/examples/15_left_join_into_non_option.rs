//! Reading the nullable side of a LEFT JOIN into a plain struct.
use quarry_error_cases::*;

fn main() {
    let mut conn = conn();
    let _ = users::table.left_join(posts::table).load::<(User, Post)>(&mut conn);
}
