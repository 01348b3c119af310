use quarry_ui_tests::schema::*;

// ON DUPLICATE KEY UPDATE is MySQL's upsert: SQLite spells it ON CONFLICT.
fn main() {
    let mut conn = conn();
    let _ = insert_into(tags::table)
        .values((tags::id.eq(1), tags::label.eq("rust")))
        .on_duplicate_key_update(tags::label.eq(inserted(tags::label)))
        .execute(&mut conn);
}
