//! Tests of what only SQLite has (its storage classes, its locking modes, its SQL text), beside
//! the conformance suite.

pub use crate::suite::*;

mod chrono_types;
mod errors_and_values;
mod ignore_and_replace;
mod sql_text;
mod transactions;
mod wide_table;

/// A fresh in-memory database holding the suite's schema and rows.
pub fn conn() -> TestConnection {
    crate::harness::connect().expect("SQLite needs no server")
}
