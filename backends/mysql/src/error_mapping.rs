//! MySQL / MariaDB errors as Quarry errors, classified by error number.

use quarry::{DatabaseError, DatabaseErrorKind, Error};

use crate::raw::{MysqlError, MysqlErrorKind};

/// Server error numbers this crate classifies (the same on MySQL and MariaDB unless noted).
mod errno {
    /// `ER_DUP_ENTRY`: "Duplicate entry 'x' for key 'name'".
    pub const DUP_ENTRY: u32 = 1062;
    /// `ER_DUP_ENTRY_WITH_KEY_NAME`.
    pub const DUP_ENTRY_WITH_KEY_NAME: u32 = 1586;
    /// `ER_ROW_IS_REFERENCED_2`: deleting or updating a parent row.
    pub const ROW_IS_REFERENCED: u32 = 1451;
    /// `ER_NO_REFERENCED_ROW_2`: a child row without its parent.
    pub const NO_REFERENCED_ROW: u32 = 1452;
    /// `ER_ROW_IS_REFERENCED` (without details).
    pub const ROW_IS_REFERENCED_OLD: u32 = 1217;
    /// `ER_NO_REFERENCED_ROW` (without details).
    pub const NO_REFERENCED_ROW_OLD: u32 = 1216;
    /// `ER_BAD_NULL_ERROR`: "Column 'x' cannot be null".
    pub const BAD_NULL: u32 = 1048;
    /// `ER_NO_DEFAULT_FOR_FIELD`: "Field 'x' doesn't have a default value".
    pub const NO_DEFAULT_FOR_FIELD: u32 = 1364;
    /// MariaDB `ER_CONSTRAINT_FAILED`: "CONSTRAINT `name` failed for `db`.`table`".
    pub const CONSTRAINT_FAILED: u32 = 4025;
    /// MySQL 8 `ER_CHECK_CONSTRAINT_VIOLATED`: "Check constraint 'name' is violated."
    pub const CHECK_CONSTRAINT_VIOLATED: u32 = 3819;
    /// `ER_LOCK_DEADLOCK`.
    pub const LOCK_DEADLOCK: u32 = 1213;
    /// `ER_LOCK_WAIT_TIMEOUT` (also MariaDB's NOWAIT).
    pub const LOCK_WAIT_TIMEOUT: u32 = 1205;
    /// MySQL 8 `ER_LOCK_NOWAIT`.
    pub const LOCK_NOWAIT: u32 = 3572;
}

/// Converts an error of the raw layer: a failed or lost connection is
/// [`Error::Connection`]; everything else is [`Error::Database`] with its errno as the code.
pub(crate) fn database_error(e: MysqlError) -> Error {
    match e.kind {
        MysqlErrorKind::Connection | MysqlErrorKind::ConnectionLost => {
            return Error::Connection(e.to_string())
        }
        MysqlErrorKind::Server | MysqlErrorKind::Client => {}
    }
    let (kind, constraint) = classify(e.errno, &e.message);
    let code = if e.errno != 0 {
        e.errno.to_string()
    } else {
        e.sqlstate.clone().unwrap_or_default()
    };
    Error::Database(DatabaseError {
        kind,
        message: e.message,
        code,
        constraint,
    })
}

/// The kind of a server error and the constraint (or column) its message names.
fn classify(errno: u32, message: &str) -> (DatabaseErrorKind, Option<String>) {
    match errno {
        errno::DUP_ENTRY | errno::DUP_ENTRY_WITH_KEY_NAME => (
            DatabaseErrorKind::UniqueViolation,
            quoted_after_last(message, " for key '", '\''),
        ),
        errno::ROW_IS_REFERENCED
        | errno::NO_REFERENCED_ROW
        | errno::ROW_IS_REFERENCED_OLD
        | errno::NO_REFERENCED_ROW_OLD => (
            DatabaseErrorKind::ForeignKeyViolation,
            quoted_after_last(message, "CONSTRAINT `", '`'),
        ),
        errno::BAD_NULL => (
            DatabaseErrorKind::NotNullViolation,
            quoted_after_last(message, "Column '", '\''),
        ),
        errno::NO_DEFAULT_FOR_FIELD => (
            DatabaseErrorKind::NotNullViolation,
            quoted_after_last(message, "Field '", '\''),
        ),
        errno::CONSTRAINT_FAILED => (
            DatabaseErrorKind::CheckViolation,
            quoted_after_last(message, "CONSTRAINT `", '`'),
        ),
        errno::CHECK_CONSTRAINT_VIOLATED => (
            DatabaseErrorKind::CheckViolation,
            quoted_after_last(message, "constraint '", '\''),
        ),
        errno::LOCK_DEADLOCK => (DatabaseErrorKind::Deadlock, None),
        errno::LOCK_WAIT_TIMEOUT | errno::LOCK_NOWAIT => (DatabaseErrorKind::Busy, None),
        _ => (DatabaseErrorKind::Other, None),
    }
}

/// The text between the last `prefix` in `message` and the next `close` after it: the name in
/// `… for key 'settings.key'`, searched from the end because the duplicate value itself (which
/// comes first) may contain the prefix. `None` when the message has no such name.
fn quoted_after_last(message: &str, prefix: &str, close: char) -> Option<String> {
    let start = message.rfind(prefix)? + prefix.len();
    let rest = message.get(start..)?;
    let end = if close == '\'' && prefix == " for key '" {
        // The key name ends the message: take up to its last quote (a name may contain one).
        rest.rfind(close)?
    } else {
        rest.find(close)?
    };
    let name = rest.get(..end)?;
    (!name.is_empty()).then(|| name.to_owned())
}

/// Whether `sql` holds a `;` that separates two statements (outside quotes and comments): a
/// prepared statement refused with a syntax error for that reason gets a clearer message.
pub(crate) fn has_several_statements(sql: &str) -> bool {
    let bytes = sql.as_bytes();
    let mut i = 0;
    let mut quote: Option<u8> = None;
    let mut after_semicolon = false;
    while let Some(&b) = bytes.get(i) {
        if let Some(q) = quote {
            if b == b'\\' && q != b'`' {
                i += 2;
                continue;
            }
            if b == q {
                quote = None;
            }
            i += 1;
            continue;
        }
        match b {
            b'\'' | b'"' | b'`' => {
                if after_semicolon {
                    return true;
                }
                quote = Some(b);
            }
            b'-' if bytes.get(i + 1) == Some(&b'-') => {
                while bytes.get(i).is_some_and(|c| *c != b'\n') {
                    i += 1;
                }
            }
            b'#' => {
                while bytes.get(i).is_some_and(|c| *c != b'\n') {
                    i += 1;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i += 2;
                while bytes.get(i).is_some()
                    && !(bytes.get(i) == Some(&b'*') && bytes.get(i + 1) == Some(&b'/'))
                {
                    i += 1;
                }
                i += 1;
            }
            b';' => after_semicolon = true,
            c if c.is_ascii_whitespace() => {}
            _ => {
                if after_semicolon {
                    return true;
                }
            }
        }
        i += 1;
    }
    false
}

/// The error of a statement that could not be prepared: a syntax error (1064) on SQL that holds
/// several statements says so, since only `batch_execute` runs those.
pub(crate) fn prepare_error(e: MysqlError, sql: &str) -> Error {
    const PARSE_ERROR: u32 = 1064;
    if e.errno == PARSE_ERROR && e.kind == MysqlErrorKind::Server && has_several_statements(sql) {
        let message = format!(
            "{} (a prepared statement holds one statement: multiple statements need `batch_execute`)",
            e.message
        );
        return database_error(MysqlError { message, ..e });
    }
    database_error(e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constraint_names_are_parsed_from_the_messages() {
        assert_eq!(
            classify(1062, "Duplicate entry 'k' for key 'key'"),
            (DatabaseErrorKind::UniqueViolation, Some("key".into()))
        );
        assert_eq!(
            classify(1062, "Duplicate entry 'a for key 'x'' for key 'settings.key'"),
            (DatabaseErrorKind::UniqueViolation, Some("settings.key".into()))
        );
        assert_eq!(
            classify(
                1452,
                "Cannot add or update a child row: a foreign key constraint fails (`db`.`posts`, CONSTRAINT `posts_ibfk_1` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`))"
            ),
            (DatabaseErrorKind::ForeignKeyViolation, Some("posts_ibfk_1".into()))
        );
        assert_eq!(
            classify(1048, "Column 'name' cannot be null"),
            (DatabaseErrorKind::NotNullViolation, Some("name".into()))
        );
        assert_eq!(
            classify(1364, "Field 'age' doesn't have a default value"),
            (DatabaseErrorKind::NotNullViolation, Some("age".into()))
        );
        assert_eq!(
            classify(4025, "CONSTRAINT `settings.hits` failed for `db`.`settings`"),
            (DatabaseErrorKind::CheckViolation, Some("settings.hits".into()))
        );
        assert_eq!(
            classify(3819, "Check constraint 'settings_chk_1' is violated."),
            (DatabaseErrorKind::CheckViolation, Some("settings_chk_1".into()))
        );
        assert_eq!(classify(1213, "Deadlock found").0, DatabaseErrorKind::Deadlock);
        assert_eq!(
            classify(1205, "Lock wait timeout exceeded").0,
            DatabaseErrorKind::Busy
        );
        assert_eq!(classify(3572, "NOWAIT").0, DatabaseErrorKind::Busy);
        assert_eq!(
            classify(1264, "Out of range value for column 'age' at row 1"),
            (DatabaseErrorKind::Other, None)
        );
        assert_eq!(
            classify(1062, "no name here"),
            (DatabaseErrorKind::UniqueViolation, None)
        );
    }

    #[test]
    fn several_statements_are_detected_outside_quotes_and_comments() {
        assert!(has_several_statements("DELETE FROM a; DELETE FROM b"));
        assert!(!has_several_statements("SELECT 1;"));
        assert!(!has_several_statements("SELECT 1; -- done"));
        assert!(!has_several_statements("SELECT ';x'"));
        assert!(!has_several_statements("SELECT `a;b` FROM t /* ; x */"));
        assert!(!has_several_statements("SELECT 'it\\'s; fine'"));
        assert!(has_several_statements("SELECT 1; SELECT 2"));
    }
}
