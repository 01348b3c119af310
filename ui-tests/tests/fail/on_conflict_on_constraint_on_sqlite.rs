use quarry_ui_tests::schema::*;

// SQLite has ON CONFLICT (columns), but not ON CONFLICT ON CONSTRAINT name.
fn main() {
    let mut conn = conn();
    let _ = insert_into(tags::table)
        .values(tags::label.eq("rust"))
        .on_conflict_on_constraint("tags_label_key")
        .do_nothing()
        .execute(&mut conn);
}
