//! Named prepared statements: one per cached query, deallocated on the server when evicted.

use super::*;
use quarry::prelude::*;
use quarry::sql_types::BigInt;
use quarry::QueryResult;

#[derive(QueryableByName)]
struct Count {
    #[quarry(sql_type = BigInt)]
    n: i64,
}

/// How many prepared statements the server holds for this session.
fn server_statements(c: &mut TestConnection) -> QueryResult<i64> {
    let rows: Vec<Count> = sql_query("SELECT COUNT(*) AS n FROM pg_prepared_statements").load(c)?;
    Ok(rows.first().map_or(0, |r| r.n))
}

#[test]
fn evicted_statements_are_deallocated_on_the_server() -> QueryResult<()> {
    let Some(mut c) = connect() else { return Ok(()) };
    for id in 1..=4 {
        let _: String = users::table.find(id).select(users::name).first(&mut c)?;
    }
    assert_eq!(c.cached_statements(), 1);
    c.set_statement_cache_capacity(1);
    let _: Vec<i32> = users::table.select(users::id).load(&mut c)?;
    let _: Vec<i32> = users::table.select(users::age).load(&mut c)?;
    assert_eq!(c.cached_statements(), 1);
    // Each statement evicted from the cache is deallocated on the server before the next query
    // runs. The counting query is itself cached (capacity 1): it evicts the last DSL statement,
    // which is still there while it runs, and gone once the next query starts.
    assert_eq!(server_statements(&mut c)?, 2);
    assert_eq!(server_statements(&mut c)?, 1);
    Ok(())
}
