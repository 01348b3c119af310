use quarry_ui_tests::schema::*;

quarry::table! {
    docs (id) {
        id -> Integer,
        tags -> Array<Text>,
        wanted -> Array<Text>,
    }
}

// Array operators are PostgreSQL's: `@>` cannot be written as SQL for SQLite.
fn main() {
    let mut conn = conn();
    let _ = docs::table
        .select(docs::id)
        .filter(docs::tags.contains(docs::wanted))
        .load::<i32>(&mut conn);
}
