//! # quarry-postgres: the PostgreSQL backend for Quarry
//!
//! Binds libpq through `pq-sys`. Parameters and results use the binary format; statements are
//! prepared with names and cached like on the other backends.
//!
//! Status: connection, execution, the statement cache, transactions and the integer, float,
//! text, bytea and bool types. The rest of the PostgreSQL issue (dates, numeric, uuid, json,
//! arrays and enums; PostgreSQL-only DSL; COPY; isolation levels; the shared conformance suite)
//! is not built yet.

#![warn(missing_docs)]

mod backend;
mod bind_value;
mod connection;
mod cursor;
mod error_mapping;
mod raw;
mod transaction_builder;
mod types;
mod value;

pub use self::backend::Pg;
pub use self::bind_value::PgBindValue;
pub use self::connection::PgConnection;
pub use self::cursor::{PgCursor, PgRow};
pub use self::types::PgInterval;
pub use self::transaction_builder::{IsolationLevel, PgTransactionBuilder};
pub use self::value::PgValue;

pub use quarry;
