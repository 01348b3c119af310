//! # quarry-sqlite: the SQLite backend for Quarry
//!
//! Binds SQLite through `libsqlite3-sys` (bundled by default: nothing to install). Statements are
//! prepared with `sqlite3_prepare_v3` and kept in a bounded cache keyed by the query's type (or
//! its SQL text for dynamic queries); bound values are borrowed from the query, never copied;
//! values are decoded straight from SQLite's buffers.
//!
//! ```
//! use quarry::prelude::*;
//! use quarry_sqlite::SqliteConnection;
//!
//! quarry::table! { users (id) { id -> Integer, name -> Text, } }
//!
//! # fn main() -> quarry::QueryResult<()> {
//! let mut conn = SqliteConnection::establish(":memory:")?;
//! conn.batch_execute("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
//!                     INSERT INTO users (name) VALUES ('Ada'), ('Grace');")?;
//! let names: Vec<String> = users::table.select(users::name).order_by(users::id).load(&mut conn)?;
//! assert_eq!(names, ["Ada", "Grace"]);
//! # Ok(())
//! # }
//! ```
//!
//! ## Type mapping
//! | SQL type | Rust | stored as |
//! |---|---|---|
//! | `SmallInt`, `Integer`, `BigInt` | `i16`, `i32`, `i64` | INTEGER (range-checked on load) |
//! | `Float`, `Double` | `f32`, `f64` | REAL |
//! | `Text` | `String`, `&str` (bind) | TEXT (UTF-8 checked on load) |
//! | `Binary` | `Vec<u8>`, `&[u8]` (bind) | BLOB |
//! | `Bool` | `bool` | INTEGER 0/1 |
//! | `Date`, `Time`, `Timestamp` (feature `chrono`) | `NaiveDate`, `NaiveTime`, `NaiveDateTime` | TEXT `YYYY-MM-DD`, `HH:MM:SS[.fff]`, `YYYY-MM-DD HH:MM:SS[.fff]` |

#![warn(missing_docs)]

mod backend;
mod bind_value;
mod connection;
mod cursor;
mod error_mapping;
#[allow(dead_code, unused_imports)]
mod raw;
mod types;
mod value;

pub use self::backend::Sqlite;
pub use self::bind_value::SqliteBindValue;
pub use self::connection::{SqliteConnection, TransactionBehavior};
pub use self::cursor::{SqliteCursor, SqliteRow};
pub use self::value::SqliteValue;

/// Re-exported so that applications need only this crate and `quarry`.
pub use quarry;
