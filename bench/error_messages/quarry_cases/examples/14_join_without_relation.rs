//! Joining two tables no foreign key relates, without an ON clause.
use quarry_error_cases::*;

fn main() {
    let mut conn = conn();
    let _ = users::table.inner_join(comments::table).select(users::name).load::<String>(&mut conn);
}
