use quarry_ui_tests::schema::*;

// `NoReturningBackend` has no ON CONFLICT at all, so not the constraint form either.
fn main() {
    let stmt = insert_into(tags::table)
        .values(tags::label.eq("rust"))
        .on_conflict_on_constraint("tags_label_key")
        .do_update()
        .set(tags::label.eq(excluded(tags::label)));
    let _ = quarry::query_builder::debug_sql::<NoReturningBackend, _>(&stmt);
}
