use quarry_ui_tests::schema::*;

// A compile-time proof, not a run-time mock: `NoReturningBackend` (ui-tests/src/lib.rs) is a
// real `quarry::backend::Backend` that does not implement `SupportsOnConflict`, so an upsert
// cannot be written as SQL for it. The same INSERT without `.on_conflict(...)` compiles for it
// (tests/pass/no_returning_backend.rs).
fn main() {
    let stmt = insert_into(tags::table)
        .values(tags::label.eq("rust"))
        .on_conflict(tags::label)
        .do_nothing();
    let _ = quarry::query_builder::debug_sql::<NoReturningBackend, _>(&stmt);
}
