//! A thin, safe wrapper over the SQLite C API (`libsqlite3-sys`).
//!
//! * [`RawConnection`] owns a `sqlite3*` connection.
//! * [`RawStatement`] owns a prepared `sqlite3_stmt*`.
//! * [`StatementUse`] is one execution of a statement: bind, step, read
//!   columns; dropping it resets the statement and clears its bindings.
//! * [`ColumnValue`] is one column of the current row, read with a single lookup.
//! * [`SqliteError`] carries an extended result code and a message.

mod column_value;
mod raw_connection;
mod raw_statement;
mod sqlite_error;

#[cfg(test)]
mod tests;

pub use self::column_value::ColumnValue;
pub use self::raw_connection::RawConnection;
pub use self::raw_statement::{ColumnType, RawStatement, StatementUse, StepResult};
pub use self::sqlite_error::SqliteError;
