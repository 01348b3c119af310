use quarry_ui_tests::schema::*;

// A compile-time proof, not a run-time mock: `NoReturningBackend` (ui-tests/src/lib.rs) is a
// real `quarry::backend::Backend` that does not implement `SupportsReturning`, so a statement
// with RETURNING cannot be written as SQL for it. The same DELETE without `.returning(...)`
// compiles for it (tests/pass/no_returning_backend.rs).
fn main() {
    let stmt = delete(users::table.filter(users::id.eq(1))).returning(users::id);
    let _ = quarry::query_builder::debug_sql::<NoReturningBackend, _>(&stmt);
}
