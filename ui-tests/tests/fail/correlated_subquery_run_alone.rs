use quarry::prelude::*;
use quarry_ui_tests::schema::*;

fn main() {
    let mut conn = conn();
    // A correlated subquery refers to `users`, which it does not read: it cannot run alone.
    let _ = posts::table
        .correlate(users::table)
        .filter(posts::user_id.eq(users::id))
        .load::<Post>(&mut conn);
}
