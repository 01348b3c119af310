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
        "40001" | "40P01" => DatabaseErrorKind::SerializationFailure,
        "55P03" => DatabaseErrorKind::Busy,
        _ => DatabaseErrorKind::Other,
    };
    let constraint = e.constraint.clone().or_else(|| e.column.clone());
    Error::Database(DatabaseError {
        kind,
        message: e.message,
        code,
        constraint,
    })
}
