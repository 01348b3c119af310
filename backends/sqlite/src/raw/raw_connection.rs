//! An owned `sqlite3*` connection handle.

use std::ffi::{c_char, c_int, c_uint, CString};
use std::fmt;
use std::ptr::{self, NonNull};

use libsqlite3_sys as ffi;

use super::raw_statement::RawStatement;
use super::sqlite_error::{lossy_string, SqliteError};

extern "C" {
    // `libsqlite3-sys` 0.30 deliberately omits a binding for this function,
    // but it is part of SQLite's stable C API (since 3.7.14) and is compiled
    // into the library that `libsqlite3-sys` links (bundled or system).
    fn sqlite3_close_v2(db: *mut ffi::sqlite3) -> c_int;
}

/// An open SQLite database connection (an owned `sqlite3*`).
///
/// The connection is opened in SQLite's multi-thread mode
/// (`SQLITE_OPEN_NOMUTEX`): SQLite does not lock it, so it may be moved to
/// another thread (`Send`) but never used from two threads at once (it is
/// not `Sync`). The same holds for every [`RawStatement`] prepared on it:
/// statements must be used on the thread that currently uses their
/// connection (see the type-level documentation of [`RawStatement`]).
///
/// Dropping the connection calls `sqlite3_close_v2`, so statements that are
/// still alive keep the underlying handle allocated (as a "zombie") until they
/// are finalized; dropping them after the connection is sound.
pub struct RawConnection {
    db: NonNull<ffi::sqlite3>,
}

// SAFETY: the bundled SQLite is built with SQLITE_THREADSAFE=1, so a
// connection opened with SQLITE_OPEN_NOMUTEX may be used from any thread as
// long as no two threads use it (or its statements) at the same time.
// `RawConnection` is not `Sync` and every method needs a reference to it, so
// moving it to another thread moves all access to that thread.
unsafe impl Send for RawConnection {}

impl RawConnection {
    /// Opens (creating if missing) a database for reading and writing.
    ///
    /// `path` may be `":memory:"`, a filename, or a `file:` URI. A path that
    /// contains a NUL byte is rejected with `SQLITE_CANTOPEN`. Extended result
    /// codes are enabled on the new connection.
    pub fn open(path: &str) -> Result<Self, SqliteError> {
        let c_path = CString::new(path)
            .map_err(|_| SqliteError::new(ffi::SQLITE_CANTOPEN, "database path contains a NUL byte"))?;
        let flags = ffi::SQLITE_OPEN_READWRITE
            | ffi::SQLITE_OPEN_CREATE
            | ffi::SQLITE_OPEN_URI
            | ffi::SQLITE_OPEN_NOMUTEX;
        let mut db: *mut ffi::sqlite3 = ptr::null_mut();
        // SAFETY: `c_path` is a NUL-terminated string that outlives the call,
        // `db` is a valid location for the out-pointer, and a NULL VFS name
        // selects the default VFS.
        let rc = unsafe { ffi::sqlite3_open_v2(c_path.as_ptr(), &mut db, flags, ptr::null()) };
        let Some(db) = NonNull::new(db) else {
            // SQLite could not even allocate the handle.
            let code = if rc == ffi::SQLITE_OK {
                ffi::SQLITE_NOMEM
            } else {
                rc
            };
            return Err(SqliteError::from_code(code));
        };
        if rc != ffi::SQLITE_OK {
            // SAFETY: `db` is the handle just returned by `sqlite3_open_v2`;
            // even on failure it is a valid handle carrying the error, and it
            // is only used by this thread.
            let error = unsafe {
                let code = ffi::sqlite3_extended_errcode(db.as_ptr());
                SqliteError::from_db(db.as_ptr(), code)
            };
            // SAFETY: a handle returned by a failed open must still be closed;
            // it has no statements and is closed exactly once, here.
            unsafe { ffi::sqlite3_close(db.as_ptr()) };
            return Err(error);
        }
        // From here on `Drop` closes the handle on every path.
        let connection = Self { db };
        // SAFETY: `connection.db` is a valid open handle used by this thread.
        let rc = unsafe { ffi::sqlite3_extended_result_codes(connection.db.as_ptr(), 1) };
        if rc != ffi::SQLITE_OK {
            return Err(connection.error(rc));
        }
        Ok(connection)
    }

    /// Runs zero or more `;`-separated SQL statements that take no bound
    /// values and whose results are discarded (`sqlite3_exec`).
    ///
    /// SQL containing a NUL byte is rejected with `SQLITE_MISUSE`.
    pub fn exec(&self, sql: &str) -> Result<(), SqliteError> {
        let c_sql =
            CString::new(sql).map_err(|_| SqliteError::new(ffi::SQLITE_MISUSE, "SQL contains a NUL byte"))?;
        let mut errmsg: *mut c_char = ptr::null_mut();
        // SAFETY: `self.db` is a valid open handle used by this thread only,
        // `c_sql` is NUL-terminated and outlives the call, no callback is
        // passed (so its argument may be NULL), and `errmsg` is a valid
        // location for the out-pointer.
        let rc = unsafe {
            ffi::sqlite3_exec(
                self.db.as_ptr(),
                c_sql.as_ptr(),
                None,
                ptr::null_mut(),
                &mut errmsg,
            )
        };
        // SAFETY: `errmsg` is NULL or a NUL-terminated string allocated by
        // SQLite for us; it is copied before being freed below.
        let message = unsafe { lossy_string(errmsg) };
        // SAFETY: `errmsg` was allocated with `sqlite3_malloc` (or is NULL,
        // which `sqlite3_free` ignores), is owned by us and is freed once.
        unsafe { ffi::sqlite3_free(errmsg.cast()) };
        if rc == ffi::SQLITE_OK {
            return Ok(());
        }
        Err(match message {
            Some(message) => SqliteError::new(rc, message),
            None => self.error(rc),
        })
    }

    /// Prepares exactly one SQL statement (`sqlite3_prepare_v3`).
    ///
    /// `persistent` adds `SQLITE_PREPARE_PERSISTENT`, a hint that the
    /// statement will be kept and reused (e.g. in a statement cache).
    ///
    /// Fails if the SQL is invalid, if it contains no statement (empty or only
    /// whitespace/comments), or if anything other than whitespace, comments
    /// or `;` follows the first statement.
    pub fn prepare(&self, sql: &str, persistent: bool) -> Result<RawStatement, SqliteError> {
        let Ok(len) = c_int::try_from(sql.len()) else {
            return Err(SqliteError::new(ffi::SQLITE_TOOBIG, "SQL statement too long"));
        };
        let flags: c_uint = if persistent {
            ffi::SQLITE_PREPARE_PERSISTENT
        } else {
            0
        };
        let mut stmt: *mut ffi::sqlite3_stmt = ptr::null_mut();
        let mut tail: *const c_char = ptr::null();
        // SAFETY: `self.db` is a valid open handle used by this thread only;
        // `sql` points to `len` readable bytes (SQLite reads at most `len`
        // bytes, no NUL terminator needed); `stmt` and `tail` are valid
        // locations for the out-pointers.
        let rc = unsafe {
            ffi::sqlite3_prepare_v3(
                self.db.as_ptr(),
                sql.as_ptr().cast::<c_char>(),
                len,
                flags,
                &mut stmt,
                &mut tail,
            )
        };
        if rc != ffi::SQLITE_OK {
            let error = self.error(rc);
            if !stmt.is_null() {
                // SAFETY: defensive only (SQLite sets `stmt` to NULL on
                // error); a non-null `stmt` is a statement we own and
                // finalize exactly once.
                unsafe { ffi::sqlite3_finalize(stmt) };
            }
            return Err(error);
        }
        let Some(stmt) = NonNull::new(stmt) else {
            let message = if sql.as_bytes().contains(&0) {
                "SQL contains a NUL byte"
            } else {
                "SQL contains no statement"
            };
            return Err(SqliteError::new(ffi::SQLITE_MISUSE, message));
        };
        // SAFETY: `stmt` is a freshly prepared statement on `self.db`, owned
        // by nobody else; `RawStatement` takes over finalizing it (so it is
        // finalized on the error path below too).
        let statement = unsafe { RawStatement::from_raw(stmt, self.db) };

        // `tail` points into `sql`, just past the first statement.
        let consumed = if tail.is_null() {
            sql.len()
        } else {
            (tail as usize).wrapping_sub(sql.as_ptr() as usize)
        };
        let rest = sql.as_bytes().get(consumed..).unwrap_or_default();
        if let Some(message) = check_tail(rest) {
            return Err(SqliteError::new(ffi::SQLITE_MISUSE, message));
        }
        Ok(statement)
    }

    /// The number of rows modified, inserted or deleted by the most recently
    /// completed INSERT, UPDATE or DELETE (`sqlite3_changes64`).
    pub fn changes(&self) -> u64 {
        // SAFETY: `self.db` is a valid open handle used by this thread only.
        let changes = unsafe { ffi::sqlite3_changes64(self.db.as_ptr()) };
        u64::try_from(changes).unwrap_or(0)
    }

    /// The rowid of the most recent successful INSERT into a rowid table
    /// (`sqlite3_last_insert_rowid`), or 0 if there was none.
    pub fn last_insert_rowid(&self) -> i64 {
        // SAFETY: `self.db` is a valid open handle used by this thread only.
        unsafe { ffi::sqlite3_last_insert_rowid(self.db.as_ptr()) }
    }

    /// Whether the connection is in autocommit mode, i.e. no explicit
    /// transaction is open (`sqlite3_get_autocommit`).
    pub fn is_autocommit(&self) -> bool {
        // SAFETY: `self.db` is a valid open handle used by this thread only.
        unsafe { ffi::sqlite3_get_autocommit(self.db.as_ptr()) != 0 }
    }

    /// Sets how long (in milliseconds) to retry when a table is locked by
    /// another connection (`sqlite3_busy_timeout`). Zero or a negative value
    /// turns the busy handler off.
    pub fn busy_timeout(&self, ms: i32) -> Result<(), SqliteError> {
        // SAFETY: `self.db` is a valid open handle used by this thread only.
        let rc = unsafe { ffi::sqlite3_busy_timeout(self.db.as_ptr(), ms) };
        if rc == ffi::SQLITE_OK {
            Ok(())
        } else {
            Err(self.error(rc))
        }
    }

    /// The most recent error on this connection (`sqlite3_extended_errcode`
    /// and `sqlite3_errmsg`). If the last call succeeded the code is 0 and the
    /// message is `"not an error"`.
    pub fn last_error(&self) -> SqliteError {
        // SAFETY: `self.db` is a valid open handle used by this thread only.
        let code = unsafe { ffi::sqlite3_extended_errcode(self.db.as_ptr()) };
        self.error(code)
    }

    /// `code` with the connection's current error message.
    #[cold]
    fn error(&self, code: c_int) -> SqliteError {
        // SAFETY: `self.db` is a valid open handle used by this thread only.
        unsafe { SqliteError::from_db(self.db.as_ptr(), code) }
    }
}

impl Drop for RawConnection {
    fn drop(&mut self) {
        // SAFETY: `self.db` is a valid handle that we own and close exactly
        // once. `sqlite3_close_v2` defers the actual deallocation until every
        // statement of this connection has been finalized, so statements that
        // outlive the connection stay valid. Its return code is always
        // SQLITE_OK for a valid handle, so it is ignored.
        unsafe { sqlite3_close_v2(self.db.as_ptr()) };
    }
}

impl fmt::Debug for RawConnection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RawConnection").field("handle", &self.db).finish()
    }
}

/// Checks the text after the first statement: only whitespace, `;`, and
/// comments are allowed. Returns an error message otherwise.
fn check_tail(mut rest: &[u8]) -> Option<&'static str> {
    if rest.contains(&0) {
        return Some("SQL contains a NUL byte");
    }
    loop {
        match rest {
            [] => return None,
            [b' ' | b'\t' | b'\n' | b'\x0c' | b'\r' | b';', tail @ ..] => rest = tail,
            [b'-', b'-', tail @ ..] => {
                rest = match tail.iter().position(|&b| b == b'\n') {
                    Some(end) => &tail[end + 1..],
                    None => &[],
                };
            }
            [b'/', b'*', tail @ ..] => {
                // An unterminated block comment runs to the end of the input.
                rest = match tail.windows(2).position(|w| w == b"*/") {
                    Some(end) => &tail[end + 2..],
                    None => &[],
                };
            }
            _ => return Some("multiple statements are not allowed here"),
        }
    }
}
