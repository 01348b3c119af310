//! # quarry-postgres: the PostgreSQL backend for Quarry
//!
//! Binds libpq through `pq-sys`. Parameters and results use the binary format; statements are
//! prepared with names and cached like on the other backends.
//!
//! Status: connection, execution, the statement cache, transactions, the integer, float,
//! text, bytea and bool types, and the PostgreSQL-only DSL (ILIKE, DISTINCT ON, row locking,
//! ON CONFLICT ON CONSTRAINT, array and JSON operators; see [`dialect`]). The rest of the
//! PostgreSQL issue (dates, numeric, uuid, json, arrays and enums; COPY; isolation levels; the
//! shared conformance suite) is not built yet.

#![warn(missing_docs)]

mod backend;
mod bind_value;
mod connection;
mod copy;
mod cursor;
pub mod dialect;
mod error_mapping;
mod raw;
mod transaction_builder;
mod types;
mod value;

pub use self::backend::Pg;
pub use self::bind_value::PgBindValue;
pub use self::connection::PgConnection;
pub use self::copy::{CopyFormat, CopyOutError, PgCopyIn, PgCopyOut};
pub use self::cursor::{LoadingMode, PgCursor, PgRow};
pub use self::transaction_builder::{IsolationLevel, PgTransactionBuilder};
pub use self::types::PgInterval;
pub use self::value::PgValue;

pub use quarry;
