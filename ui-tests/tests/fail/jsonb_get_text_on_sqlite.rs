use quarry_ui_tests::schema::*;

quarry::table! {
    events (id) {
        id -> Integer,
        payload -> Jsonb,
    }
}

// `->>` is PostgreSQL's: it cannot be written as SQL for SQLite.
fn main() {
    let mut conn = conn();
    let _ = events::table
        .select(events::id)
        .filter(events::payload.get_text("kind").eq("login"))
        .load::<i32>(&mut conn);
}
