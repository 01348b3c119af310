//! Connection failures come back as typed errors, and a lost connection can be re-established.

use super::*;
use quarry::prelude::*;
use quarry::sql_types::{BigInt, Integer};
use quarry::{Error, QueryResult};

#[derive(QueryableByName, Debug, PartialEq)]
struct One {
    #[quarry(sql_type = Integer)]
    n: i32,
}

#[derive(QueryableByName)]
struct Pid {
    #[quarry(sql_type = BigInt)]
    pid: i64,
}

fn connection_error(r: QueryResult<TestConnection>) -> String {
    match r {
        Err(Error::Connection(message)) => message,
        other => panic!("expected a connection error, got {:?}", other.map(|_| ())),
    }
}

#[test]
fn refused_unknown_database_and_unknown_role_are_connection_errors() {
    let Some(url) = crate::harness::url() else { return };
    // Nothing listens on port 1.
    let refused = connection_error(TestConnection::establish("postgres://postgres@127.0.0.1:1/test"));
    assert!(
        refused.contains("refused") || refused.contains("connect"),
        "{refused}"
    );
    let base = url.rsplit_once('/').map_or(url.as_str(), |(base, _)| base);
    let unknown_db = connection_error(TestConnection::establish(&format!("{base}/quarry_no_such_db")));
    assert!(unknown_db.contains("quarry_no_such_db"), "{unknown_db}");
    let unknown_role = connection_error(TestConnection::establish(
        "host=127.0.0.1 port=5432 user=quarry_no_such_role dbname=test",
    ));
    assert!(unknown_role.contains("quarry_no_such_role"), "{unknown_role}");
    // A malformed URL is an error too, not a panic.
    let malformed = connection_error(TestConnection::establish("postgres://[::1"));
    assert!(!malformed.is_empty());
}

#[test]
fn a_lost_connection_is_an_error_and_can_be_re_established() -> QueryResult<()> {
    let Some(mut c) = connect() else { return Ok(()) };
    let Some(url) = crate::harness::url() else {
        return Ok(());
    };
    let pid: Vec<Pid> = sql_query("SELECT CAST(pg_backend_pid() AS BIGINT) AS pid").load(&mut c)?;
    let pid = pid.first().map(|p| p.pid).unwrap_or_default();
    let mut killer = TestConnection::establish(&url)?;
    sql_query("SELECT pg_terminate_backend(CAST($1 AS INTEGER))")
        .bind::<BigInt, _>(pid)
        .execute(&mut killer)?;
    let lost = sql_query("SELECT 1 AS n").load::<One>(&mut c);
    assert!(matches!(lost, Err(Error::Connection(_))), "{lost:?}");
    // Still an error, never a panic, until reconnected.
    assert!(sql_query("SELECT 1 AS n").load::<One>(&mut c).is_err());
    c.reconnect()?;
    assert_eq!(sql_query("SELECT 1 AS n").load::<One>(&mut c)?, [One { n: 1 }]);
    // Transactions start from scratch on the new session.
    assert_eq!(c.transaction_depth(), 0);
    c.transaction(|c| sql_query("SELECT 1 AS n").load::<One>(c).map(drop))?;
    Ok(())
}

#[test]
fn a_connection_lost_inside_a_transaction_resets_the_transaction_state() -> QueryResult<()> {
    let Some(mut c) = connect() else { return Ok(()) };
    let Some(url) = crate::harness::url() else {
        return Ok(());
    };
    let result: QueryResult<()> = c.transaction(|c| {
        let pid: Vec<Pid> = sql_query("SELECT CAST(pg_backend_pid() AS BIGINT) AS pid").load(c)?;
        let pid = pid.first().map(|p| p.pid).unwrap_or_default();
        let mut killer = TestConnection::establish(&url)?;
        sql_query("SELECT pg_terminate_backend(CAST($1 AS INTEGER))")
            .bind::<BigInt, _>(pid)
            .execute(&mut killer)?;
        sql_query("SELECT 1 AS n").load::<One>(c).map(drop)
    });
    assert!(matches!(result, Err(Error::Connection(_))), "{result:?}");
    c.reconnect()?;
    assert_eq!(c.transaction_depth(), 0);
    assert_eq!(sql_query("SELECT 1 AS n").load::<One>(&mut c)?.len(), 1);
    Ok(())
}
