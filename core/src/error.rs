//! The one error type of Quarry.

use std::fmt;

/// The result of every fallible Quarry operation.
pub type QueryResult<T> = Result<T, Error>;

/// Everything that can go wrong talking to a database.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// The connection could not be established or was lost.
    Connection(String),
    /// The database rejected a statement.
    Database(DatabaseError),
    /// A value returned by the database could not be converted to its Rust type.
    Deserialize {
        /// The column's name as the database reports it (or its position when it has none).
        column: String,
        /// What was wrong with the value.
        kind: DeserializeErrorKind,
    },
    /// The database returned a different number of columns than the Rust type reads.
    ColumnCount {
        /// Columns the Rust type reads.
        expected: usize,
        /// Columns the database returned.
        found: usize,
    },
    /// A Rust value could not be converted for the database (for example `u64` above `i64::MAX`).
    Serialize(String),
    /// `first`, `get_result` or `find` found no row.
    NotFound,
    /// The query could not be built (for example a bind limit exceeded).
    QueryBuilder(String),
}

/// What kind of error the database reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum DatabaseErrorKind {
    /// A UNIQUE or PRIMARY KEY constraint was violated.
    UniqueViolation,
    /// A FOREIGN KEY constraint was violated.
    ForeignKeyViolation,
    /// A NOT NULL constraint was violated.
    NotNullViolation,
    /// A CHECK constraint was violated.
    CheckViolation,
    /// The transaction could not be serialized with concurrent ones and must be retried
    /// (PostgreSQL SQLSTATE 40001).
    SerializationFailure,
    /// The transaction was chosen as the victim of a deadlock and rolled back; retry it
    /// (PostgreSQL 40P01, MySQL 1213).
    Deadlock,
    /// The database is busy or a lock could not be taken in time (SQLite BUSY/LOCKED,
    /// PostgreSQL 55P03 with NOWAIT or `lock_timeout`, MySQL lock wait timeout).
    Busy,
    /// Any other error.
    Other,
}

impl DatabaseErrorKind {
    /// Whether running the whole transaction again may succeed: serialization failures,
    /// deadlocks and busy/lock-timeout errors.
    pub fn is_retryable(self) -> bool {
        matches!(self, Self::SerializationFailure | Self::Deadlock | Self::Busy)
    }
}

/// An error reported by the database, with its own message and code.
#[derive(Debug, Clone)]
pub struct DatabaseError {
    /// What kind of error it is.
    pub kind: DatabaseErrorKind,
    /// The database's message.
    pub message: String,
    /// The database's error code (SQLite extended code, SQLSTATE, MySQL errno).
    pub code: String,
    /// The constraint or column named by the database, when it names one.
    pub constraint: Option<String>,
}

/// What was wrong with a value read from the database.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum DeserializeErrorKind {
    /// NULL where the Rust type has no room for it (use `Option<T>`).
    UnexpectedNull,
    /// An integer that does not fit the Rust type.
    OutOfRange {
        /// The value read.
        value: i64,
        /// The Rust type it was read into.
        target: &'static str,
    },
    /// TEXT that is not valid UTF-8.
    InvalidUtf8,
    /// A value of another storage type than expected.
    WrongType {
        /// What the Rust type reads.
        expected: &'static str,
        /// What the database returned.
        found: &'static str,
    },
    /// A value whose contents could not be parsed (for example a malformed date).
    Malformed(String),
}

impl fmt::Display for DeserializeErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::UnexpectedNull => f.write_str("unexpected NULL (read it into an `Option`)"),
            Self::OutOfRange { value, target } => {
                write!(f, "value {value} is out of range for `{target}`")
            }
            Self::InvalidUtf8 => f.write_str("text is not valid UTF-8"),
            Self::WrongType { expected, found } => write!(f, "expected {expected}, found {found}"),
            Self::Malformed(msg) => write!(f, "malformed value: {msg}"),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Connection(msg) => write!(f, "connection error: {msg}"),
            Self::Database(e) => write!(f, "{e}"),
            Self::Deserialize { column, kind } => write!(f, "column `{column}`: {kind}"),
            Self::ColumnCount { expected, found } => write!(
                f,
                "the query returned {found} columns but the Rust type reads {expected}"
            ),
            Self::Serialize(msg) => write!(f, "cannot bind value: {msg}"),
            Self::NotFound => f.write_str("no row found"),
            Self::QueryBuilder(msg) => write!(f, "cannot build query: {msg}"),
        }
    }
}

impl fmt::Display for DatabaseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "database error ({}): {}", self.code, self.message)
    }
}

impl std::error::Error for Error {}
impl std::error::Error for DatabaseError {}

/// `.optional()` on results of `first`, `get_result` and `find`: `Ok(None)` instead of
/// [`Error::NotFound`].
pub trait OptionalExtension<T> {
    /// Turns `Err(Error::NotFound)` into `Ok(None)`.
    fn optional(self) -> QueryResult<Option<T>>;
}

impl<T> OptionalExtension<T> for QueryResult<T> {
    fn optional(self) -> QueryResult<Option<T>> {
        match self {
            Ok(v) => Ok(Some(v)),
            Err(Error::NotFound) => Ok(None),
            Err(e) => Err(e),
        }
    }
}
