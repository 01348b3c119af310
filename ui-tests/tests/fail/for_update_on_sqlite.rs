use quarry_ui_tests::schema::*;

// SQLite has no row locks: FOR UPDATE cannot be written as SQL for it.
fn main() {
    let mut conn = conn();
    let _ = users::table
        .select(users::id)
        .filter(users::id.eq(1))
        .for_update()
        .skip_locked()
        .load::<i32>(&mut conn);
}
