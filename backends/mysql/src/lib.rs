//! # quarry-mysql: the MySQL / MariaDB backend for Quarry
//!
//! Binds the MySQL C API through `mysqlclient-sys` (its pre-generated bindings, no bindgen at
//! build time), linked against MariaDB Connector/C (`libmariadb`, found with pkg-config; Debian:
//! `apt-get install libmariadb-dev pkg-config`). libmysqlclient should work too but is not
//! tested. Developed and tested against MariaDB 10.11.
//!
//! ```no_run
//! use quarry::prelude::*;
//! use quarry_mysql::MysqlConnection;
//!
//! quarry::table! {
//!     users (id) {
//!         id -> Integer,
//!         name -> Text,
//!     }
//! }
//!
//! # fn main() -> quarry::QueryResult<()> {
//! let mut conn = MysqlConnection::establish("mysql://root@127.0.0.1:3306/test")?;
//! conn.batch_execute(
//!     "CREATE TEMPORARY TABLE users (id INT AUTO_INCREMENT PRIMARY KEY, name TEXT NOT NULL)",
//! )?;
//! insert_into(users::table).values(users::name.eq("Ada")).execute(&mut conn)?;
//! assert_eq!(conn.last_insert_id(), 1);
//! let names: Vec<String> = users::table.select(users::name).load(&mut conn)?;
//! assert_eq!(names, ["Ada"]);
//! # Ok(()) }
//! ```
//!
//! ## Status
//!
//! - The [`Mysql`] backend: its SQL dialect (`?` placeholders, backtick-quoted identifiers,
//!   `CONCAT`, `DIV` for integer division, `LIMIT 18446744073709551615 OFFSET ?`, `() VALUES
//!   ()`), row locking (`FOR UPDATE`, `LOCK IN SHARE MODE`, `NOWAIT`, `SKIP LOCKED`), MySQL's
//!   upserts (`ON DUPLICATE KEY UPDATE` with `inserted(column)`, `INSERT IGNORE`, `REPLACE
//!   INTO`). No `RETURNING` and no `ON CONFLICT`: statements using them do not compile for this
//!   backend.
//! - [`MysqlConnection`]: connection from a `mysql://` URL (TCP or unix socket), prepared
//!   statements in a bounded cache, results read row by row in place, `batch_execute`,
//!   `last_insert_id`, `reconnect`, transactions with savepoints, and isolation levels through
//!   [`MysqlConnection::build_transaction`]. Server errors become typed
//!   [`quarry::DatabaseErrorKind`]s (unique, foreign key, NOT NULL, CHECK, deadlock, lock wait
//!   timeout); a failed or lost connection is [`quarry::Error::Connection`].
//! - Types: `TinyInt` ↔ `i8`, `SmallInt` ↔ `i16`, `Integer` ↔ `i32`, `BigInt` ↔ `i64`, and
//!   `Unsigned<TinyInt>` … `Unsigned<BigInt>` ↔ `u8` … `u64` (any integer column, range
//!   checked: a BIGINT UNSIGNED above `i64::MAX` read as `i64` is an `OutOfRange` error), `Float` ↔ `f32`,
//!   `Double` ↔ `f64`, `Text` ↔ `String` / `&str`, `Binary` ↔ `Vec<u8>` / `&[u8]`, `Bool` ↔
//!   `bool` (`TINYINT(1)`), MySQL `ENUM`s through `#[derive(SqlEnum)]`; with features: `chrono`
//!   and `time` (`Date`, `Time`, `Timestamp` for DATETIME and TIMESTAMP), `rust_decimal`
//!   (`Decimal`, parsed exactly), `serde_json` (`Json`, from MariaDB's LONGTEXT or MySQL's JSON).
//!   Each value is checked against its column's metadata: a value of another type is a
//!   `WrongType` error (text and binary strings are told apart by their character set, so a
//!   BLOB is not `Text` nor a TEXT `Binary`), an integer that does not fit the Rust type
//!   `OutOfRange`, text that is not UTF-8 `InvalidUtf8`, a zero date (`0000-00-00`), a TIME
//!   outside a day or a DECIMAL with more digits than `rust_decimal` holds `Malformed`. Integer
//!   types read any integer column, and a DECIMAL without fraction digits; `f32` reads a DOUBLE
//!   too (MySQL computes FLOAT arithmetic in DOUBLE); `bool` reads any integer (comparisons
//!   return integers) and `BIT(1)`.
//! - Not yet: MariaDB-specific opt-ins (`RETURNING` on INSERT and DELETE), a buffered loading
//!   mode.
//!
//! ## Semantics to know
//!
//! - Every session runs with `STRICT_ALL_TABLES` added to the server's SQL mode and with the time
//!   zone `+00:00` (TIMESTAMP values are UTC).
//! - `SUM` of integers is read from MySQL's DECIMAL exactly (an overflow of `i64` is an error,
//!   where `CAST(… AS SIGNED)` would saturate silently); `AVG` of integers is cast to DOUBLE,
//!   after MySQL computed it as a DECIMAL with `div_precision_increment` (4) more digits.
//! - A division by zero is NULL, as on SQLite (in SELECT; INSERT and UPDATE refuse it in strict
//!   mode when `ERROR_FOR_DIVISION_BY_ZERO` is set).
//! - `batch_execute` runs several `;`-separated statements; a prepared statement (the DSL,
//!   `sql_query`) holds exactly one.
//!
//! Tests run against a real server named by `QUARRY_MYSQL_URL` (for example
//! `mysql://root@127.0.0.1:3306/test`); without it each server test prints
//! `SKIPPED: QUARRY_MYSQL_URL not set`.

#![warn(missing_docs)]

mod backend;
mod bind_value;
mod connection;
mod cursor;
mod error_mapping;
mod transaction_builder;
mod types;
mod value;

// The safe layer over the MySQL C API that the backend is built on. Hidden: not part of the
// stable API (use `MysqlConnection`); public for the types the backend re-exports below.
#[doc(hidden)]
pub mod raw;

pub use self::backend::{push_backtick_quoted_identifier, Mysql};
pub use self::bind_value::MysqlBindValue;
pub use self::connection::MysqlConnection;
pub use self::cursor::{MysqlCursor, MysqlRow};
pub use self::raw::{
    MysqlColumn, MysqlColumnFlags, MysqlConnectOptions, MysqlTime, MysqlTimeKind, MysqlType, MysqlValueRef,
};
pub use self::transaction_builder::{IsolationLevel, MysqlTransactionBuilder};
pub use self::value::MysqlValue;

pub use quarry;
