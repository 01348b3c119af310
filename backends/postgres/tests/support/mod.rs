//! What every PostgreSQL integration test starts from: a connection to `QUARRY_PG_URL` working in
//! a schema of its own (so tests run in parallel without seeing each other's rows), dropped when
//! the test ends. Without the variable, tests print `SKIPPED: QUARRY_PG_URL not set` and return.
#![allow(dead_code)]

use std::ops::{Deref, DerefMut};
use std::sync::atomic::{AtomicUsize, Ordering};

use quarry::prelude::*;
use quarry_postgres::PgConnection;

/// A connection whose `search_path` is a fresh schema; the schema is dropped on drop.
pub struct TestDb {
    conn: PgConnection,
    /// The schema's name (unquoted; letters, digits and `_` only).
    pub schema: String,
}

impl Deref for TestDb {
    type Target = PgConnection;
    fn deref(&self) -> &PgConnection {
        &self.conn
    }
}

impl DerefMut for TestDb {
    fn deref_mut(&mut self) -> &mut PgConnection {
        &mut self.conn
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        // A test that left the connection broken (terminated backend…) gets a fresh one.
        if self.conn.batch_execute("ROLLBACK").is_err() {
            if let Some(url) = url() {
                if let Ok(conn) = PgConnection::establish(&url) {
                    self.conn = conn;
                }
            }
        }
        let _ = self
            .conn
            .batch_execute(&format!("DROP SCHEMA IF EXISTS {} CASCADE", self.schema));
    }
}

/// `QUARRY_PG_URL`, or `None` after printing that the test is skipped.
pub fn url() -> Option<String> {
    match std::env::var("QUARRY_PG_URL") {
        Ok(url) => Some(url),
        Err(_) => {
            skipped();
            None
        }
    }
}

/// Prints the skip notice straight to stderr (libtest's capture would hide `eprintln!` output
/// of a passing test).
pub fn skipped() {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "SKIPPED: QUARRY_PG_URL not set");
}

/// A connection in a new schema named after `test`, with `ddl` run in it. `None` (after the skip
/// notice) when `QUARRY_PG_URL` is not set.
pub fn test_db(test: &str, ddl: &str) -> Option<TestDb> {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let url = url()?;
    let mut conn = PgConnection::establish(&url).expect("connect to QUARRY_PG_URL");
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let clean: String = test
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect();
    let schema = format!("quarry_t{}_{n}_{clean}", std::process::id());
    conn.batch_execute(&format!(
        "DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}; SET search_path TO {schema};"
    ))
    .expect("create the test schema");
    let mut db = TestDb { conn, schema };
    db.batch_execute(ddl).expect("run the test's DDL");
    Some(db)
}
