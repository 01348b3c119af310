//! The conformance suite: one body of tests, written once, that every backend runs against its
//! own database. Each backend crate compiles this directory into a test binary beside a
//! `harness` module of its own (`backends/*/tests/conformance.rs`), which provides:
//!
//! - `TestBackend` / `TestConnection`: the backend and its connection type;
//! - `connect() -> Option<TestConnection>`: a connection to a database that holds the schema of
//!   [`schema`] (created by the backend's DDL, filled by [`schema::SEED`]) and that no other
//!   test sees; `None` after printing `SKIPPED: …` when the backend's server is not configured;
//! - `sql(&query)`: the SQL the backend generates, with placeholders written `?` so one
//!   expected string serves every backend;
//! - `raw(sql)`: raw SQL written with `?` placeholders, in the backend's placeholder syntax;
//! - `constraint(name)`: the constraint name the backend reports for a constraint of the
//!   schema, given as `table.column` (unique/not-null) or the CHECK expression;
//! - `Dialect` constants for the few places where backends legitimately differ.
//!
//! The tests of features that only some backends have live beside this module and are
//! compiled in by the harnesses of the backends that have them: `returning.rs` (RETURNING) and
//! `on_conflict.rs` (ON CONFLICT upserts). A backend without them could not even compile those
//! tests: the features are rejected at compile time there. `chinook.rs` is the Chinook query
//! set, for the backends whose tests load the Chinook sample database.

#![allow(clippy::bool_assert_comparison)]

/// A connection for one test, or an early `return Ok(())` when the backend is not configured
/// (the harness has printed why).
macro_rules! conn {
    () => {
        match crate::suite::connect() {
            Some(c) => c,
            None => return Ok(()),
        }
    };
}
// The suite's modules reach the macro by textual scope; the path form is for a harness's own
// test modules, which may not use it.
#[allow(unused_imports)]
pub(crate) use conn;

mod schema;

mod changesets;
mod insert;
mod raw_sql;
mod select_features;
mod statement_cache;
mod transactions;
mod update_delete;
mod values;

pub use crate::harness::{connect, constraint, raw, sql, TestBackend, TestConnection, DIALECT};
pub use schema::*;

/// How a backend legitimately differs from the others, for the tests that must know.
#[derive(Debug, Clone, Copy)]
pub struct Dialect {
    /// Integer division by zero yields NULL (SQLite, MySQL) instead of an error (PostgreSQL).
    pub division_by_zero_is_null: bool,
    /// Text values may contain NUL bytes (not on PostgreSQL, whose text type refuses them).
    pub text_holds_nul: bool,
    /// `IN` lists compile to one statement whatever their length (`= ANY($1)` on PostgreSQL),
    /// rather than one statement per list length.
    pub in_list_is_one_statement: bool,
    /// Constraints can be `DEFERRABLE INITIALLY DEFERRED` (checked at COMMIT); not on MySQL.
    pub deferred_constraints: bool,
}
