//! The error type of the raw SQLite layer.

use std::ffi::{c_char, c_int, CStr};
use std::fmt;

use libsqlite3_sys as ffi;

/// An error reported by SQLite, or detected by this wrapper before calling
/// into SQLite (for example a database path containing a NUL byte).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SqliteError {
    /// The extended result code, e.g. `2067` (`SQLITE_CONSTRAINT_UNIQUE`).
    /// The primary result code is available through [`SqliteError::primary_code`].
    pub code: i32,
    /// The human-readable message, usually the text of `sqlite3_errmsg`.
    pub message: String,
}

impl SqliteError {
    /// The primary result code (the low 8 bits of the extended code), e.g.
    /// `19` (`SQLITE_CONSTRAINT`) for `SQLITE_CONSTRAINT_UNIQUE`.
    #[must_use]
    pub fn primary_code(&self) -> i32 {
        self.code & 0xff
    }

    /// An error with the given code and message.
    pub(crate) fn new(code: c_int, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
        }
    }

    /// An error with the given code and SQLite's generic description of that
    /// code (`sqlite3_errstr`).
    #[cold]
    pub(crate) fn from_code(code: c_int) -> Self {
        // SAFETY: `sqlite3_errstr` accepts any integer and returns either NULL
        // or a pointer to a static, NUL-terminated string owned by SQLite.
        let text = unsafe { ffi::sqlite3_errstr(code) };
        // SAFETY: `text` is NULL or a static NUL-terminated string (see above).
        let message = unsafe { lossy_string(text) }.unwrap_or_else(|| "unknown error".to_owned());
        Self { code, message }
    }

    /// An error with the given code and the connection's current error
    /// message (`sqlite3_errmsg`).
    ///
    /// # Safety
    ///
    /// `db` must be a live connection handle (open, or a zombie kept alive by
    /// unfinalized statements after `sqlite3_close_v2`) that no other thread is
    /// using during the call.
    #[cold]
    pub(crate) unsafe fn from_db(db: *mut ffi::sqlite3, code: c_int) -> Self {
        // SAFETY: the caller guarantees `db` is a live handle used by this
        // thread only. `sqlite3_errmsg` returns NULL or a NUL-terminated string
        // that stays valid until the next call on this connection; it is copied
        // right away below, before any other SQLite call.
        let text = unsafe { ffi::sqlite3_errmsg(db) };
        // SAFETY: `text` is NULL or a valid NUL-terminated string (see above).
        match unsafe { lossy_string(text) } {
            Some(message) => Self { code, message },
            None => Self::from_code(code),
        }
    }
}

impl fmt::Display for SqliteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (SQLite error code {})", self.message, self.code)
    }
}

impl std::error::Error for SqliteError {}

/// Copies a C string into an owned `String`, replacing invalid UTF-8 with
/// U+FFFD. Returns `None` for a NULL pointer.
///
/// # Safety
///
/// `ptr` must be NULL or point to a NUL-terminated string that stays valid and
/// unmodified for the duration of the call.
pub(crate) unsafe fn lossy_string(ptr: *const c_char) -> Option<String> {
    if ptr.is_null() {
        return None;
    }
    // SAFETY: `ptr` is non-null and, per this function's contract, points to a
    // NUL-terminated string valid for the duration of this call.
    let text = unsafe { CStr::from_ptr(ptr) };
    Some(text.to_string_lossy().into_owned())
}
