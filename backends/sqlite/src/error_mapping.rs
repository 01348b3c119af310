use quarry::{DatabaseError, DatabaseErrorKind, Error};

use crate::raw::SqliteError;

// Extended result codes (sqlite3.h).
const SQLITE_BUSY: i32 = 5;
const SQLITE_LOCKED: i32 = 6;
const SQLITE_CONSTRAINT_CHECK: i32 = 275;
const SQLITE_CONSTRAINT_FOREIGNKEY: i32 = 787;
const SQLITE_CONSTRAINT_NOTNULL: i32 = 1299;
const SQLITE_CONSTRAINT_PRIMARYKEY: i32 = 1555;
const SQLITE_CONSTRAINT_UNIQUE: i32 = 2067;

/// Converts a SQLite error into Quarry's error, classifying constraint violations and naming the
/// constraint or column SQLite reports ("UNIQUE constraint failed: users.email").
pub(crate) fn database_error(e: SqliteError) -> Error {
    let kind = match e.code {
        SQLITE_CONSTRAINT_UNIQUE | SQLITE_CONSTRAINT_PRIMARYKEY => DatabaseErrorKind::UniqueViolation,
        SQLITE_CONSTRAINT_FOREIGNKEY => DatabaseErrorKind::ForeignKeyViolation,
        SQLITE_CONSTRAINT_NOTNULL => DatabaseErrorKind::NotNullViolation,
        SQLITE_CONSTRAINT_CHECK => DatabaseErrorKind::CheckViolation,
        _ if matches!(e.primary_code(), SQLITE_BUSY | SQLITE_LOCKED) => DatabaseErrorKind::Busy,
        _ => DatabaseErrorKind::Other,
    };
    let constraint = match kind {
        DatabaseErrorKind::UniqueViolation
        | DatabaseErrorKind::NotNullViolation
        | DatabaseErrorKind::CheckViolation => e
            .message
            .split_once("constraint failed: ")
            .map(|(_, what)| what.trim().to_owned()),
        _ => None,
    };
    Error::Database(DatabaseError {
        kind,
        message: e.message,
        code: e.code.to_string(),
        constraint,
    })
}

pub(crate) fn connection_error(e: SqliteError) -> Error {
    Error::Connection(e.to_string())
}
