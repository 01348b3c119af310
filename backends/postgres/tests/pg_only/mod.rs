//! Tests of what only PostgreSQL has, beside the conformance suite.

pub use crate::suite::*;

pub(crate) mod chinook;
mod connection;
mod statements;
mod streaming;
mod transactions;

/// A connection holding the suite's schema and rows, or `None` when `QUARRY_PG_URL` is unset.
pub fn connect() -> Option<TestConnection> {
    crate::harness::connect()
}
