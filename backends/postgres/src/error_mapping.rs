use quarry::{DatabaseError, DatabaseErrorKind, Error};

use crate::raw::{PgError, PgErrorKind};

/// Converts a libpq error into Quarry's error, classifying by SQLSTATE.
pub(crate) fn database_error(e: PgError) -> Error {
    match e.kind {
        PgErrorKind::Connection | PgErrorKind::ConnectionLost => return Error::Connection(e.to_string()),
        PgErrorKind::Server | PgErrorKind::Protocol => {}
    }
    let code = e.sqlstate.clone().unwrap_or_default();
    let kind = match code.as_str() {
        "23505" => DatabaseErrorKind::UniqueViolation,
        "23503" => DatabaseErrorKind::ForeignKeyViolation,
        "23502" => DatabaseErrorKind::NotNullViolation,
        "23514" => DatabaseErrorKind::CheckViolation,
        "40001" => DatabaseErrorKind::SerializationFailure,
        "40P01" => DatabaseErrorKind::Deadlock,
        "55P03" => DatabaseErrorKind::Busy,
        _ => DatabaseErrorKind::Other,
    };
    // A named constraint; otherwise (NOT NULL) the column, as `table.column` like SQLite.
    let constraint = e.constraint.clone().or_else(|| match (&e.table, &e.column) {
        (Some(table), Some(column)) => Some(format!("{table}.{column}")),
        (None, Some(column)) => Some(column.clone()),
        _ => None,
    });
    Error::Database(DatabaseError {
        kind,
        message: e.message,
        code,
        constraint,
    })
}
