//! Tests of what only the MySQL backend has, or does its own way: its types, its connection
//! handling and errors, its transactions and locks. Each test gets a database of its own from
//! the harness (`empty_database()`, or `connect()` for the suite's schema).

pub(crate) mod chinook;
mod connection;
mod dialect;
mod locking;
mod transactions;
mod types;
mod upserts;

use crate::harness::{empty_database, IsolatedConnection};

/// A connection to a new database with `ddl` run in it, or an early return when
/// `QUARRY_MYSQL_URL` is not set.
macro_rules! db_with {
    ($ddl:expr) => {
        match crate::mysql_only::with_tables($ddl) {
            Some(c) => c,
            None => return Ok(()),
        }
    };
}
pub(crate) use db_with;

pub(crate) fn with_tables(ddl: &str) -> Option<IsolatedConnection> {
    use quarry::connection::Connection;
    let mut conn = empty_database()?;
    conn.batch_execute(ddl).expect("create the test's tables");
    Some(conn)
}
