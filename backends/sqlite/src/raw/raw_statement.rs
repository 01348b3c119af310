//! An owned `sqlite3_stmt*` and a borrow of it for one execution.

use std::ffi::{c_char, c_int, CStr};
use std::fmt;
use std::marker::PhantomData;
use std::ptr::NonNull;
use std::slice;

use libsqlite3_sys as ffi;

use super::column_value::ColumnValue;
use super::sqlite_error::SqliteError;

/// A prepared statement (an owned `sqlite3_stmt*`), finalized on drop.
///
/// Run it with [`RawStatement::start`], which hands out a [`StatementUse`]
/// for one execution.
///
/// # Threading contract (crate-internal)
///
/// `RawStatement` is `Send` so that it can live inside a connection wrapper
/// (e.g. a statement cache) that moves between threads. The connection is
/// opened in SQLite's multi-thread mode, which does **not** lock the
/// connection, and a statement does not borrow its [`RawConnection`]; code
/// in this crate must therefore never use a statement on one thread while
/// its connection (or another of its statements) is in use on another
/// thread. Keeping statements owned by the connection wrapper upholds this.
///
/// A statement may outlive its connection: the connection is closed with
/// `sqlite3_close_v2`, which keeps the handle alive until the last statement
/// is finalized.
///
/// [`RawConnection`]: super::RawConnection
pub struct RawStatement {
    stmt: NonNull<ffi::sqlite3_stmt>,
    /// The connection the statement belongs to; used for error messages.
    db: NonNull<ffi::sqlite3>,
    /// Set while a [`StatementUse`] exists (or was leaked without running its
    /// destructor); when set, the statement may be mid-execution or hold
    /// bindings to borrowed data, and `start` must reset it first.
    needs_reset: bool,
}

// SAFETY: the bundled SQLite is built with SQLITE_THREADSAFE=1, so a statement
// may be used from whichever thread currently uses its connection. The type is
// not `Sync`. Not using a statement concurrently with its connection from
// another thread is the crate-internal contract documented on the type.
unsafe impl Send for RawStatement {}

impl RawStatement {
    /// Takes ownership of a prepared statement.
    ///
    /// # Safety
    ///
    /// `stmt` must be a valid prepared statement of connection `db`, not owned
    /// by anything else (the returned value finalizes it).
    pub(crate) unsafe fn from_raw(stmt: NonNull<ffi::sqlite3_stmt>, db: NonNull<ffi::sqlite3>) -> Self {
        Self {
            stmt,
            db,
            needs_reset: false,
        }
    }

    /// The number of columns in the statement's result set (0 for statements
    /// that return no data, such as most INSERTs).
    #[inline]
    pub fn column_count(&self) -> usize {
        // SAFETY: `self.stmt` is a valid statement, used by this thread only.
        let count = unsafe { ffi::sqlite3_column_count(self.stmt.as_ptr()) };
        usize::try_from(count).unwrap_or(0)
    }

    /// The number of `?`/`?NNN`/`:name` parameters: the largest valid index
    /// for the `bind_*` methods of [`StatementUse`].
    pub fn bind_parameter_count(&self) -> usize {
        // SAFETY: `self.stmt` is a valid statement, used by this thread only.
        let count = unsafe { ffi::sqlite3_bind_parameter_count(self.stmt.as_ptr()) };
        usize::try_from(count).unwrap_or(0)
    }

    /// The SQL text the statement was prepared from (`sqlite3_sql`), without
    /// any text that followed the statement. Empty if unavailable.
    pub fn sql(&self) -> &str {
        // SAFETY: `self.stmt` is a valid statement, used by this thread only.
        let text = unsafe { ffi::sqlite3_sql(self.stmt.as_ptr()) };
        // SAFETY: the string belongs to the statement and is only replaced by
        // re-preparation (inside `sqlite3_step`, which needs `&mut self`
        // through `start`) or freed by finalization (drop), so it outlives
        // the `&self` borrow.
        unsafe { borrowed_str(text) }.unwrap_or("")
    }

    /// The name of result column `idx` (0-based), or `None` if `idx` is out of
    /// range or the name is not valid UTF-8.
    #[inline]
    pub fn column_name(&self, idx: usize) -> Option<&str> {
        // SAFETY: `self.stmt` is a valid statement, used by this thread only;
        // an out-of-range index returns NULL.
        let name = unsafe { ffi::sqlite3_column_name(self.stmt.as_ptr(), to_c_index(idx)) };
        // SAFETY: the name belongs to the statement and stays valid until the
        // statement is finalized (drop) or re-prepared (inside `sqlite3_step`,
        // which needs `&mut self` through `start`), or until the name is
        // fetched in UTF-16, which this crate never does; fetching it again in
        // UTF-8 returns the same unchanged string. So it outlives `&self`.
        unsafe { borrowed_str(name) }
    }

    /// Whether the statement makes no direct changes to the database file
    /// (`sqlite3_stmt_readonly`).
    pub fn readonly(&self) -> bool {
        // SAFETY: `self.stmt` is a valid statement, used by this thread only.
        unsafe { ffi::sqlite3_stmt_readonly(self.stmt.as_ptr()) != 0 }
    }

    /// Starts one execution of the statement.
    ///
    /// Values bound through the returned [`StatementUse`] may borrow data for
    /// `'binds` without copying it. Dropping the `StatementUse` resets the
    /// statement and clears its bindings, so no pointer to borrowed data
    /// survives it. (If a `StatementUse` is leaked instead, the next `start`
    /// performs that cleanup; a leaked statement is never stepped with stale
    /// bindings.)
    pub fn start<'binds>(&mut self) -> StatementUse<'_, 'binds> {
        if self.needs_reset {
            self.reset_and_clear();
        }
        self.needs_reset = true;
        StatementUse {
            stmt: self,
            _binds: PhantomData,
        }
    }

    /// Resets the statement and clears all bindings.
    #[inline]
    fn reset_and_clear(&mut self) {
        // SAFETY: `self.stmt` is a valid statement, used by this thread only.
        // The return code of `sqlite3_reset` repeats the error of the last
        // step (already reported by `step`), and `sqlite3_clear_bindings`
        // always succeeds, so both are ignored.
        unsafe {
            ffi::sqlite3_reset(self.stmt.as_ptr());
            ffi::sqlite3_clear_bindings(self.stmt.as_ptr());
        }
        self.needs_reset = false;
    }
}

impl Drop for RawStatement {
    fn drop(&mut self) {
        // SAFETY: we own the statement and finalize it exactly once. The
        // connection handle is still allocated even if the `RawConnection` was
        // dropped first (`sqlite3_close_v2` waits for its statements). The
        // return code only repeats the last step's error and is ignored.
        unsafe { ffi::sqlite3_finalize(self.stmt.as_ptr()) };
    }
}

impl fmt::Debug for RawStatement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RawStatement")
            .field("sql", &self.sql())
            .finish_non_exhaustive()
    }
}

/// The outcome of [`StatementUse::step`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepResult {
    /// A result row is available through the column accessors.
    Row,
    /// The statement has finished executing.
    Done,
}

/// The storage class of a value in the current result row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnType {
    /// A 64-bit signed integer.
    Integer,
    /// A 64-bit IEEE float.
    Float,
    /// A text string.
    Text,
    /// A blob of bytes.
    Blob,
    /// SQL NULL (also reported for an out-of-range column or when no row is
    /// available).
    Null,
}

/// One execution of a [`RawStatement`]: bind parameters, step, read columns.
///
/// Created by [`RawStatement::start`]. Values bound with
/// [`bind_text`](Self::bind_text) and [`bind_blob`](Self::bind_blob) are
/// borrowed for `'binds` (no copy). Dropping the `StatementUse` resets the
/// statement and clears the bindings.
///
/// Column accessors read the row produced by the last [`step`](Self::step)
/// that returned [`StepResult::Row`]. Called at any other time, or with an
/// out-of-range index, they are still safe: SQLite then reports a NULL value
/// (type `Null`, `0`, `0.0`, empty slices). Slices returned for one column stay
/// valid while any other accessor is called, on that column or others.
pub struct StatementUse<'stmt, 'binds> {
    stmt: &'stmt mut RawStatement,
    _binds: PhantomData<&'binds [u8]>,
}

impl<'stmt, 'binds> StatementUse<'stmt, 'binds> {
    #[inline]
    fn raw(&self) -> *mut ffi::sqlite3_stmt {
        self.stmt.stmt.as_ptr()
    }

    /// Binds NULL to parameter `idx` (1-based).
    #[inline]
    pub fn bind_null(&mut self, idx: usize) -> Result<(), SqliteError> {
        // SAFETY: valid statement used by this thread only; an invalid index
        // is reported by SQLite as SQLITE_RANGE.
        let rc = unsafe { ffi::sqlite3_bind_null(self.raw(), to_c_index(idx)) };
        self.check(rc)
    }

    /// Binds an integer to parameter `idx` (1-based).
    #[inline]
    pub fn bind_i64(&mut self, idx: usize, v: i64) -> Result<(), SqliteError> {
        // SAFETY: valid statement used by this thread only; an invalid index
        // is reported by SQLite as SQLITE_RANGE.
        let rc = unsafe { ffi::sqlite3_bind_int64(self.raw(), to_c_index(idx), v) };
        self.check(rc)
    }

    /// Binds a float to parameter `idx` (1-based).
    #[inline]
    pub fn bind_f64(&mut self, idx: usize, v: f64) -> Result<(), SqliteError> {
        // SAFETY: valid statement used by this thread only; an invalid index
        // is reported by SQLite as SQLITE_RANGE.
        let rc = unsafe { ffi::sqlite3_bind_double(self.raw(), to_c_index(idx), v) };
        self.check(rc)
    }

    /// Binds text to parameter `idx` (1-based) without copying it
    /// (`SQLITE_STATIC`). The byte length is passed explicitly, so interior
    /// NUL bytes are preserved. Text longer than SQLite's limit gives
    /// `SQLITE_TOOBIG`.
    #[inline]
    pub fn bind_text(&mut self, idx: usize, v: &'binds str) -> Result<(), SqliteError> {
        // An empty `&str` may have a dangling pointer; bind a real (static,
        // empty) string instead so SQLite never sees a dangling pointer.
        let ptr: *const c_char = if v.is_empty() {
            c"".as_ptr()
        } else {
            v.as_ptr().cast()
        };
        // SAFETY: valid statement used by this thread only; `ptr` points to
        // `v.len()` readable bytes that live for `'binds`. SQLite keeps the
        // pointer (SQLITE_STATIC) until the binding is replaced or cleared,
        // which happens at the latest when this `StatementUse` is dropped
        // (or, if it is leaked, in the next `start`, before any step) —
        // dropck guarantees `'binds` is still alive at that drop. SQLite never
        // writes through a SQLITE_STATIC pointer. An invalid index is reported
        // as SQLITE_RANGE and then the pointer is not kept.
        let rc = unsafe {
            ffi::sqlite3_bind_text64(
                self.raw(),
                to_c_index(idx),
                ptr,
                v.len() as u64,
                ffi::SQLITE_STATIC(),
                ffi::SQLITE_UTF8 as u8,
            )
        };
        self.check(rc)
    }

    /// Binds a blob to parameter `idx` (1-based) without copying it
    /// (`SQLITE_STATIC`). An empty slice binds an empty blob, not NULL. A
    /// blob larger than SQLite's limit gives `SQLITE_TOOBIG`.
    #[inline]
    pub fn bind_blob(&mut self, idx: usize, v: &'binds [u8]) -> Result<(), SqliteError> {
        let rc = if v.is_empty() {
            // SAFETY: valid statement used by this thread only; a zero-length
            // zeroblob is an empty BLOB (a NULL data pointer would bind NULL).
            unsafe { ffi::sqlite3_bind_zeroblob(self.raw(), to_c_index(idx), 0) }
        } else {
            // SAFETY: as in `bind_text`: `v` is non-empty, readable for
            // `v.len()` bytes and lives for `'binds`, which outlasts the
            // binding (cleared on drop of this `StatementUse` or in the next
            // `start`); SQLite never writes through a SQLITE_STATIC pointer.
            unsafe {
                ffi::sqlite3_bind_blob64(
                    self.raw(),
                    to_c_index(idx),
                    v.as_ptr().cast(),
                    v.len() as u64,
                    ffi::SQLITE_STATIC(),
                )
            }
        };
        self.check(rc)
    }

    /// Binds a copy of `v` (`SQLITE_TRANSIENT`), for values that do not outlive this call
    /// (formatted dates, for example).
    pub fn bind_text_copy(&mut self, idx: usize, v: &str) -> Result<(), SqliteError> {
        let ptr: *const c_char = if v.is_empty() {
            c"".as_ptr()
        } else {
            v.as_ptr().cast()
        };
        // SAFETY: valid statement used by this thread only; `ptr` points to `v.len()` readable
        // bytes for the duration of this call, and SQLITE_TRANSIENT makes SQLite copy them
        // before returning, so no pointer to `v` is kept.
        let rc = unsafe {
            ffi::sqlite3_bind_text64(
                self.raw(),
                to_c_index(idx),
                ptr,
                v.len() as u64,
                ffi::SQLITE_TRANSIENT(),
                ffi::SQLITE_UTF8 as u8,
            )
        };
        self.check(rc)
    }

    /// Binds a copy of `v` (`SQLITE_TRANSIENT`). An empty slice binds an empty blob.
    pub fn bind_blob_copy(&mut self, idx: usize, v: &[u8]) -> Result<(), SqliteError> {
        let rc = if v.is_empty() {
            // SAFETY: valid statement used by this thread only; a zero-length blob has no data.
            unsafe { ffi::sqlite3_bind_zeroblob(self.raw(), to_c_index(idx), 0) }
        } else {
            // SAFETY: valid statement used by this thread only; `v` is readable for `v.len()`
            // bytes during this call, and SQLITE_TRANSIENT makes SQLite copy them first.
            unsafe {
                ffi::sqlite3_bind_blob64(
                    self.raw(),
                    to_c_index(idx),
                    v.as_ptr().cast(),
                    v.len() as u64,
                    ffi::SQLITE_TRANSIENT(),
                )
            }
        };
        self.check(rc)
    }

    /// Advances to the next result row (`sqlite3_step`).
    ///
    /// On failure the error carries the extended result code and the
    /// connection's error message. After [`StepResult::Done`] or an error,
    /// the statement must be restarted (drop this `StatementUse` and call
    /// [`RawStatement::start`] again) to run it again.
    #[inline]
    pub fn step(&mut self) -> Result<StepResult, SqliteError> {
        // SAFETY: valid statement used by this thread only. Any pointers
        // previously returned by the column accessors borrow `self`, so none
        // is alive across this `&mut self` call that invalidates them.
        match unsafe { ffi::sqlite3_step(self.raw()) } {
            ffi::SQLITE_ROW => Ok(StepResult::Row),
            ffi::SQLITE_DONE => Ok(StepResult::Done),
            rc => Err(self.error(rc)),
        }
    }

    /// The storage class of column `idx` (0-based) of the current row.
    /// `Null` for an out-of-range index or when no row is available.
    #[inline]
    pub fn column_type(&self, idx: usize) -> ColumnType {
        // SAFETY: valid statement used by this thread only; any index is
        // accepted (out of range yields SQLITE_NULL). Does not convert values.
        match unsafe { ffi::sqlite3_column_type(self.raw(), to_c_index(idx)) } {
            ffi::SQLITE_INTEGER => ColumnType::Integer,
            ffi::SQLITE_FLOAT => ColumnType::Float,
            ffi::SQLITE_TEXT => ColumnType::Text,
            ffi::SQLITE_BLOB => ColumnType::Blob,
            _ => ColumnType::Null,
        }
    }

    /// Column `idx` (0-based) of the current row as SQLite's value object, to read its type and
    /// data with one column lookup (see [`ColumnValue`]). `None` only if SQLite returned no value
    /// object, which it does not do for a valid statement (an out-of-range index or a missing row
    /// gives a NULL value).
    #[inline]
    pub fn column_value(&self, idx: usize) -> Option<ColumnValue<'_>> {
        // SAFETY: valid statement used by this thread only; any index is accepted. Fetching the
        // value object converts nothing.
        let value = unsafe { ffi::sqlite3_column_value(self.raw(), to_c_index(idx)) };
        // SAFETY: the value comes from `sqlite3_column_value` on this statement, whose connection
        // is used by this thread only, and the returned lifetime is a shared borrow of `self`,
        // during which the statement cannot be stepped, reset or finalized.
        NonNull::new(value).map(|v| unsafe { ColumnValue::new(v) })
    }

    /// Column `idx` (0-based) as an integer, converted by SQLite's rules
    /// (NULL and out-of-range give 0).
    #[inline]
    pub fn column_i64(&self, idx: usize) -> i64 {
        // SAFETY: valid statement used by this thread only; any index is
        // accepted (out of range yields 0). Reading a number never modifies
        // the stored value, so previously returned slices stay valid.
        unsafe { ffi::sqlite3_column_int64(self.raw(), to_c_index(idx)) }
    }

    /// Column `idx` (0-based) as a float, converted by SQLite's rules (NULL
    /// and out-of-range give 0.0).
    #[inline]
    pub fn column_f64(&self, idx: usize) -> f64 {
        // SAFETY: valid statement used by this thread only; any index is
        // accepted (out of range yields 0.0). Reading a number never modifies
        // the stored value, so previously returned slices stay valid.
        unsafe { ffi::sqlite3_column_double(self.raw(), to_c_index(idx)) }
    }

    /// The UTF-8 bytes of column `idx` (0-based) in place, without copying
    /// and without UTF-8 validation (the caller validates). Numbers are
    /// rendered as text by SQLite; a BLOB's bytes are returned as they are.
    /// Empty for NULL, for an out-of-range index, or when no row is available.
    #[inline]
    pub fn column_text_bytes(&self, idx: usize) -> &[u8] {
        self.column_bytes(idx)
    }

    /// The bytes of BLOB column `idx` (0-based) in place, without copying.
    /// Values of other types are returned as their UTF-8 text. Empty for
    /// NULL, for a zero-length blob, for an out-of-range index, or when no
    /// row is available.
    #[inline]
    pub fn column_blob(&self, idx: usize) -> &[u8] {
        self.column_bytes(idx)
    }

    /// The bytes of column `idx` in place, read through its value object by its own storage
    /// class ([`ColumnValue::bytes`] says why every slice handed out for a column stays valid
    /// while the row does, even when its text and blob forms are held at once).
    #[inline]
    fn column_bytes(&self, idx: usize) -> &[u8] {
        self.column_value(idx).map_or(&[], |v| v.bytes(v.column_type()))
    }

    /// The number of columns in the result set.
    #[inline]
    pub fn column_count(&self) -> usize {
        self.stmt.column_count()
    }

    /// The name of result column `idx` (0-based), or `None` if `idx` is out of
    /// range or the name is not valid UTF-8.
    #[inline]
    pub fn column_name(&self, idx: usize) -> Option<&str> {
        self.stmt.column_name(idx)
    }

    /// Turns a non-OK result code into an error.
    #[inline]
    fn check(&self, rc: c_int) -> Result<(), SqliteError> {
        if rc == ffi::SQLITE_OK {
            Ok(())
        } else {
            Err(self.error(rc))
        }
    }

    /// `rc` with the connection's current error message.
    #[cold]
    #[inline(never)]
    fn error(&self, rc: c_int) -> SqliteError {
        // SAFETY: the connection handle stays allocated while this statement
        // exists (even after the `RawConnection` is dropped, thanks to
        // `sqlite3_close_v2`), and is used by this thread only.
        unsafe { SqliteError::from_db(self.stmt.db.as_ptr(), rc) }
    }
}

impl Drop for StatementUse<'_, '_> {
    fn drop(&mut self) {
        // Releases every pointer to `'binds` data held by SQLite and any read
        // transaction held by a statement that was not run to completion.
        self.stmt.reset_and_clear();
    }
}

impl fmt::Debug for StatementUse<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StatementUse")
            .field("statement", &*self.stmt)
            .finish_non_exhaustive()
    }
}

/// Converts a 0-based column or 1-based parameter index for SQLite. An index
/// that does not fit in a `c_int` becomes `c_int::MAX`, which SQLite rejects
/// as out of range (it never wraps around to a valid index).
#[inline]
fn to_c_index(idx: usize) -> c_int {
    c_int::try_from(idx).unwrap_or(c_int::MAX)
}

/// Borrows a NUL-terminated C string as `&str`; `None` if NULL or not UTF-8.
///
/// # Safety
///
/// `ptr` must be NULL or point to a NUL-terminated string that stays valid and
/// unmodified for `'a`.
unsafe fn borrowed_str<'a>(ptr: *const c_char) -> Option<&'a str> {
    if ptr.is_null() {
        return None;
    }
    // SAFETY: non-null, NUL-terminated and valid for `'a` per the contract.
    let text = unsafe { CStr::from_ptr(ptr) };
    text.to_str().ok()
}
