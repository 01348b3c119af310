use quarry::query_builder::debug_sql;
use quarry_ui_tests::schema::*;

// The counterpart of the fail cases `returning_on_backend_without_returning` and
// `upsert_on_backend_without_on_conflict`: the same statements without RETURNING / ON CONFLICT
// compile for `NoReturningBackend`, so what those cases reject is the missing backend feature
// and nothing else. Only SQL text is produced; nothing runs on this backend.
fn main() {
    let delete_stmt = delete(users::table.filter(users::id.eq(1)));
    assert_eq!(
        debug_sql::<NoReturningBackend, _>(&delete_stmt),
        "DELETE FROM `users` WHERE `users`.`id` = $1"
    );
    let insert_stmt = insert_into(tags::table).values(tags::label.eq("rust"));
    assert_eq!(
        debug_sql::<NoReturningBackend, _>(&insert_stmt),
        "INSERT INTO `tags` (`label`) VALUES ($1)"
    );
    let update_stmt = update(users::table).set(users::name.eq("Ada")).filter(users::id.eq(1));
    assert_eq!(
        debug_sql::<NoReturningBackend, _>(&update_stmt),
        "UPDATE `users` SET `name` = $1 WHERE `users`.`id` = $2"
    );
}
