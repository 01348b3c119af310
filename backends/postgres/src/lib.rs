//! # quarry-postgres: the PostgreSQL backend for Quarry
//!
//! Binds libpq through `pq-sys`. Parameters and results use the binary format; statements are
//! prepared with names and cached like on the other backends.
//!
//! What it has, beyond the DSL every backend shares:
//!
//! - connections from a `postgres://` URL or a libpq connection string, typed errors for refused
//!   connections, unknown databases or roles and lost connections, [`PgConnection::reconnect`],
//!   server notices through [`PgConnection::take_notices`];
//! - named prepared statements in the bounded statement cache (evicted ones deallocated on the
//!   server); `IN` lists sent as `= ANY($1)` with one array parameter, so they stay cached;
//! - buffered loading by default, or row by row (libpq single-row mode) with
//!   [`PgConnection::set_loading_mode`] for results too big for memory;
//! - types: integers, floats, text, bytea, bool, interval ([`PgInterval`]), one-dimensional
//!   arrays, enums through `#[derive(SqlEnum)]`, and behind features dates and times
//!   (`chrono`, `time`), numeric (`rust_decimal`), uuid (`uuid`), json/jsonb (`serde_json`);
//! - the PostgreSQL-only DSL in [`dialect`]: ILIKE, DISTINCT ON, row locking with SKIP LOCKED /
//!   NOWAIT, ON CONFLICT ON CONSTRAINT, array and JSON operators (plus RETURNING and ON
//!   CONFLICT, which SQLite shares);
//! - bulk load and export with COPY ([`PgConnection::copy_in`], [`PgConnection::copy_out`]);
//! - transactions with an isolation level, READ ONLY and DEFERRABLE
//!   ([`PgConnection::build_transaction`]); serialization failures and deadlocks come back as
//!   distinct, retryable errors.

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
