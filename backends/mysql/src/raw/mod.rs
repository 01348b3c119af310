//! A low-level safe wrapper over the MySQL C API (through `mysqlclient-sys`, linked against
//! MariaDB Connector/C or libmysqlclient).
//!
//! - [`MysqlConnection`] owns a `MYSQL` handle: connect from a URL ([`MysqlConnectOptions`]),
//!   run SQL batches, ping, reconnect.
//! - [`MysqlStatement`] owns a `MYSQL_STMT`: typed parameters ([`MysqlParam`]), result
//!   metadata ([`MysqlColumn`]), and one bound buffer per result column, from which
//!   [`MysqlRows`] exposes each fetched [`MysqlRow`] in place ([`MysqlValueRef`]).
//! - [`MysqlError`] carries errno, SQLSTATE, message and a [`MysqlErrorKind`].
//!
//! Every call into the C API is checked: a null pointer or a failure code becomes a
//! [`MysqlError`]; lengths and indices are checked before they reach the library; numbers the
//! server controls (column types, lengths) are validated before they are trusted; strings from
//! the library are decoded lossily. The library and each thread are initialised as the C API
//! requires (see `mysql_library`).

mod mysql_column;
mod mysql_connection;
mod mysql_error;
mod mysql_library;
mod mysql_options;
mod mysql_param;
mod mysql_result_buffer;
mod mysql_rows;
mod mysql_statement;
mod mysql_time;

#[cfg(test)]
mod tests;

pub use self::mysql_column::{MysqlColumn, MysqlColumnFlags, MysqlType, BINARY_CHARSET};
pub use self::mysql_connection::{MysqlConnection, MysqlTextRows};
pub use self::mysql_error::{MysqlError, MysqlErrorKind};
pub use self::mysql_options::{MysqlConnectOptions, DEFAULT_CONNECT_TIMEOUT_SECS, DEFAULT_PORT};
pub use self::mysql_param::MysqlParam;
pub use self::mysql_rows::{MysqlRow, MysqlRows, MysqlValueRef};
pub use self::mysql_statement::MysqlStatement;
pub use self::mysql_time::{MysqlTime, MysqlTimeKind};
