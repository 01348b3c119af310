//! Errors from libpq and the PostgreSQL server.

use std::fmt;

use pq_sys::{
    PG_DIAG_COLUMN_NAME, PG_DIAG_CONSTRAINT_NAME, PG_DIAG_MESSAGE_DETAIL, PG_DIAG_MESSAGE_PRIMARY,
    PG_DIAG_SQLSTATE, PG_DIAG_TABLE_NAME,
};

use super::pg_result::PgResult;

/// What kind of failure a [`PgError`] describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PgErrorKind {
    /// The connection could not be established, by `connect` or by `reset` (bad host, port,
    /// credentials or database, or the session could not be set up).
    Connection,
    /// The server reported an error for a statement; the connection is still usable. The
    /// server's fields (`sqlstate`, `constraint`, ...) are filled in where it sent them.
    Server,
    /// The connection broke during a call (its status is `CONNECTION_BAD` afterwards); call
    /// `reset` to re-establish it.
    ConnectionLost,
    /// A client-side failure: input that cannot be sent as given (a NUL byte in a string, a
    /// length over libpq's `int` limit, mismatched parameter counts), a request libpq refused
    /// without involving the server, or a result status this wrapper does not handle (COPY, a
    /// response libpq could not understand).
    Protocol,
}

/// An error from libpq or the PostgreSQL server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PgError {
    /// The five-character SQLSTATE code, when the server sent one (e.g. `23505`).
    pub sqlstate: Option<String>,
    /// The primary message, followed by a `DETAIL:` line when the server sent a detail.
    pub message: String,
    /// The name of the violated constraint, when the error concerns one.
    pub constraint: Option<String>,
    /// The name of the column the error concerns, when the server sent one.
    pub column: Option<String>,
    /// The name of the table the error concerns, when the server sent one.
    pub table: Option<String>,
    /// What kind of failure this is.
    pub kind: PgErrorKind,
}

impl PgError {
    /// An error with only a kind and a message (no server fields).
    pub(super) fn new(kind: PgErrorKind, message: impl Into<String>) -> Self {
        Self {
            sqlstate: None,
            message: message.into(),
            constraint: None,
            column: None,
            table: None,
            kind,
        }
    }

    /// An error built from a failed result's diagnostic fields. When the result has no primary
    /// message (errors that libpq generated itself), its whole error message is used instead,
    /// and `fallback` when that is empty too.
    pub(super) fn from_result(result: &PgResult, kind: PgErrorKind, fallback: &str) -> Self {
        let primary = result
            .error_field(PG_DIAG_MESSAGE_PRIMARY)
            .filter(|m| !m.is_empty());
        let mut message = match primary {
            Some(primary) => primary,
            None => {
                let whole = result.error_message();
                if whole.is_empty() {
                    fallback.to_owned()
                } else {
                    whole
                }
            }
        };
        if let Some(detail) = result
            .error_field(PG_DIAG_MESSAGE_DETAIL)
            .filter(|d| !d.is_empty())
        {
            message.push_str("\nDETAIL: ");
            message.push_str(&detail);
        }
        Self {
            sqlstate: result.error_field(PG_DIAG_SQLSTATE),
            message,
            constraint: result.error_field(PG_DIAG_CONSTRAINT_NAME),
            column: result.error_field(PG_DIAG_COLUMN_NAME),
            table: result.error_field(PG_DIAG_TABLE_NAME),
            kind,
        }
    }
}

impl fmt::Display for PgError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.sqlstate {
            Some(code) => write!(f, "{} (SQLSTATE {})", self.message, code),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for PgError {}
