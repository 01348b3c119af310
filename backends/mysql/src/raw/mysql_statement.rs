//! Prepared statements: a safe owner of a C API `MYSQL_STMT`.

use std::ffi::{c_char, c_uint};
use std::fmt;
use std::ptr::NonNull;
use std::sync::Arc;

use mysqlclient_sys::{
    mysql_free_result, mysql_stmt_affected_rows, mysql_stmt_bind_param, mysql_stmt_bind_result,
    mysql_stmt_close, mysql_stmt_errno, mysql_stmt_error, mysql_stmt_execute, mysql_stmt_fetch,
    mysql_stmt_fetch_column, mysql_stmt_field_count, mysql_stmt_free_result, mysql_stmt_init,
    mysql_stmt_insert_id, mysql_stmt_more_results, mysql_stmt_next_result, mysql_stmt_num_rows,
    mysql_stmt_param_count, mysql_stmt_prepare, mysql_stmt_reset, mysql_stmt_result_metadata,
    mysql_stmt_sqlstate, mysql_stmt_store_result, MYSQL_DATA_TRUNCATED, MYSQL_NO_DATA, MYSQL_RES, MYSQL_STMT,
};

use super::mysql_column::{columns_match, read_columns, MysqlColumn};
use super::mysql_connection::{c_length, ConnShared, MysqlConnection};
use super::mysql_error::{owned_string, MysqlError};
use super::mysql_library::ensure_thread_ready;
use super::mysql_param::{BoundParams, MysqlParam};
use super::mysql_result_buffer::{grown_size, slot_bind, slot_binds, AlignedBuffer, ResultSlot};
use super::mysql_rows::MysqlRows;

/// The most further result sets (of a `CALL`) read and discarded when a result is dropped; bounds
/// the loop should the library keep reporting more.
const MAX_EXTRA_RESULTS: usize = 1024;

/// A prepared statement (a C API `MYSQL_STMT`), closed with `mysql_stmt_close` when dropped.
///
/// A statement does not borrow its connection: it can be kept in a cache next to it. Every call
/// that runs it takes the connection it was prepared on (`&mut`), and checks that it is that
/// connection and that it has not been re-established since (otherwise the call fails with a
/// [`Client`](super::MysqlErrorKind::Client) error). Dropping a statement hands its handle to
/// the connection, which closes it at the start of its next call, or when it is dropped itself;
/// so statements and their connection may be dropped in any order.
///
/// The statement owns one result buffer per column. Integer, float and temporal columns are
/// bound to their C types; every other column to a byte buffer sized from the metadata (long
/// text and blob columns start at 256 bytes and grow to fit the longest value fetched; a buffer
/// that grew past 1 MiB shrinks back when the statement runs again).
///
/// The statement may move between threads (`Send`, not `Sync`).
pub struct MysqlStatement {
    stmt: NonNull<MYSQL_STMT>,
    /// One per result column; the library holds pointers into them from
    /// `mysql_stmt_bind_result` on, so this vector is only replaced as a whole, followed by a
    /// new bind, and never resized in place.
    slots: Vec<ResultSlot>,
    /// The last result metadata seen (at prepare, then at each execution).
    columns: Vec<MysqlColumn>,
    param_count: usize,
    shared: Arc<ConnShared>,
    generation: u64,
}

// SAFETY: the library calls on the MYSQL_STMT are made (a) by methods that take `&mut self`
// together with `&mut MysqlConnection` of the connection the statement belongs to (checked by
// `check_owner`), so they are serialised with every other use of that connection, whatever
// thread they run on, and that thread is readied first; (b) through the `MysqlRows` those methods
// return, which keeps both borrows; or (c) in Drop, which makes no library call unless the
// connection has been closed (the statement is then detached from it, and `mysql_stmt_close`
// only frees the statement's own memory), and otherwise hands the handle to the connection
// through its mutex. The result buffers are plain memory owned by this value.
unsafe impl Send for MysqlStatement {}

impl MysqlStatement {
    /// Prepares `sql` on `conn` (`mysql_stmt_init`, `mysql_stmt_prepare`): a single statement
    /// with `?` placeholders. Reads the parameter count and the result metadata.
    ///
    /// A syntax error is a [`Server`](super::MysqlErrorKind::Server) error (errno 1064,
    /// SQLSTATE 42000).
    pub fn prepare(conn: &mut MysqlConnection, sql: &str) -> Result<Self, MysqlError> {
        conn.begin()?;
        let len = c_length(sql.len(), "the SQL text")?;
        // SAFETY: the connection's live handle, used exclusively (`&mut conn`).
        let raw = unsafe { mysql_stmt_init(conn.raw()) };
        let Some(stmt) = NonNull::new(raw) else {
            return Err(conn.last_error());
        };
        // From here on dropping `this` hands the handle back to the connection for closing.
        let mut this = Self {
            stmt,
            slots: Vec::new(),
            columns: Vec::new(),
            param_count: 0,
            shared: Arc::clone(conn.shared()),
            generation: conn.generation(),
        };
        // SAFETY: a fresh statement of the live connection, used exclusively; `sql` points to
        // `len` readable bytes (the length is given, no NUL needed).
        if unsafe { mysql_stmt_prepare(stmt.as_ptr(), sql.as_ptr().cast::<c_char>(), len) } != 0 {
            return Err(this.error());
        }
        // SAFETY: a prepared statement; this reads a field.
        let count = unsafe { mysql_stmt_param_count(stmt.as_ptr()) };
        this.param_count = usize::try_from(count)
            .map_err(|_| MysqlError::client(format!("the statement reports {count} parameters")))?;
        this.columns = this
            .with_metadata(|res| {
                // SAFETY: `res` is the live metadata result.
                unsafe { read_columns(res) }
            })?
            .unwrap_or_default();
        Ok(this)
    }

    /// The number of `?` placeholders (`mysql_stmt_param_count`).
    pub fn param_count(&self) -> usize {
        self.param_count
    }

    /// The result columns as last reported: after `prepare`, then after each execution. Empty
    /// for statements without a result set.
    pub fn columns(&self) -> &[MysqlColumn] {
        &self.columns
    }

    /// Runs the statement with `params` (one per placeholder, in order): binds them
    /// (`mysql_stmt_bind_param`), executes (`mysql_stmt_execute`), reads the result metadata
    /// and binds the result buffers. Rows are then read one by one from the server
    /// (unbuffered): the connection stays busy until the returned [`MysqlRows`] is dropped.
    ///
    /// A wrong number of parameters is a [`Client`](super::MysqlErrorKind::Client) error, as is
    /// a result column of a type the client library cannot decode.
    pub fn execute<'s>(
        &'s mut self,
        conn: &'s mut MysqlConnection,
        params: &[MysqlParam<'_>],
    ) -> Result<MysqlRows<'s>, MysqlError> {
        self.run(conn, params, false)
    }

    /// Like [`MysqlStatement::execute`], but reads the whole result into client memory first
    /// (`mysql_stmt_store_result`), so [`MysqlRows::row_count`] is known.
    pub fn execute_buffered<'s>(
        &'s mut self,
        conn: &'s mut MysqlConnection,
        params: &[MysqlParam<'_>],
    ) -> Result<MysqlRows<'s>, MysqlError> {
        self.run(conn, params, true)
    }

    /// Resets the statement on the client and the server (`mysql_stmt_reset`): discards a
    /// pending result and closes a server-side cursor. Not needed between executions.
    pub fn reset(&mut self, conn: &mut MysqlConnection) -> Result<(), MysqlError> {
        self.check_owner(conn)?;
        conn.begin()?;
        // SAFETY: a live statement of the live connection, used exclusively (`&mut conn`).
        if unsafe { mysql_stmt_reset(self.stmt.as_ptr()) } != mysqlclient_sys::FALSE {
            return Err(self.error());
        }
        Ok(())
    }

    fn run<'s>(
        &'s mut self,
        conn: &'s mut MysqlConnection,
        params: &[MysqlParam<'_>],
        buffered: bool,
    ) -> Result<MysqlRows<'s>, MysqlError> {
        self.check_owner(conn)?;
        conn.begin()?;
        if params.len() != self.param_count {
            return Err(MysqlError::client(format!(
                "the statement has {} parameters, {} were given",
                self.param_count,
                params.len()
            )));
        }
        let stmt = self.stmt.as_ptr();
        {
            let mut bound = BoundParams::new(params)?;
            if self.param_count > 0 {
                // SAFETY: a live statement used exclusively; the array holds exactly
                // `param_count` binds (checked above), whose pointers stay valid until `bound`
                // is dropped after mysql_stmt_execute.
                if unsafe { mysql_stmt_bind_param(stmt, bound.as_mut_ptr()) } != mysqlclient_sys::FALSE {
                    return Err(self.error());
                }
            }
            // SAFETY: a live, prepared statement; the bound parameters point into `bound` and
            // `params`, both alive during the call.
            if unsafe { mysql_stmt_execute(stmt) } != 0 {
                return Err(self.error());
            }
        }
        let mut rows = MysqlRows::new(self, conn, buffered);
        // On error `rows` is dropped, which frees the pending result.
        rows.start()?;
        Ok(rows)
    }

    /// After an execution: refreshes the columns, refuses undecodable types and binds the
    /// result buffers. Returns whether there is a result set.
    pub(super) fn prepare_results(&mut self) -> Result<bool, MysqlError> {
        let same = self.with_metadata(|res| {
            // SAFETY: `res` is the live metadata result.
            unsafe { columns_match(res, &self.columns) }
        })?;
        let Some(same) = same else {
            return Ok(false);
        };
        if !same {
            self.columns = self
                .with_metadata(|res| {
                    // SAFETY: `res` is the live metadata result.
                    unsafe { read_columns(res) }
                })?
                .unwrap_or_default();
        }
        if let Some(column) = self.columns.iter().find(|c| !c.column_type.is_decodable()) {
            return Err(MysqlError::client(format!(
                "column `{}` has type {:?}, which the client library cannot decode",
                column.name, column.column_type
            )));
        }
        // Replace the slots (new columns) or the oversized buffers, keeping what they replace
        // alive until the library has been given the new pointers.
        let mut retired_slots = Vec::new();
        let mut retired_buffers = Vec::new();
        if !same || self.slots.len() != self.columns.len() {
            let slots = self
                .columns
                .iter()
                .map(ResultSlot::for_column)
                .collect::<Result<Vec<_>, _>>()?;
            retired_slots = std::mem::replace(&mut self.slots, slots);
        } else {
            for (slot, column) in self.slots.iter_mut().zip(&self.columns) {
                if let Some(small) = slot.shrunk_buffer(column)? {
                    retired_buffers.push(std::mem::replace(&mut slot.buffer, small));
                }
            }
        }
        // The library may have reset its copy of the bind array during the execution: bind
        // after every execution.
        self.bind_results()?;
        drop(retired_slots);
        drop(retired_buffers);
        Ok(true)
    }

    /// `mysql_stmt_store_result`.
    pub(super) fn store_result(&mut self) -> Result<(), MysqlError> {
        // SAFETY: a live statement with a pending result, used exclusively (the caller holds
        // the connection through `MysqlRows`).
        if unsafe { mysql_stmt_store_result(self.stmt.as_ptr()) } != 0 {
            return Err(self.error());
        }
        Ok(())
    }

    /// Fetches the next row into the slots; `false` when there are no more.
    pub(super) fn fetch(&mut self) -> Result<bool, MysqlError> {
        // SAFETY: a live statement with a pending result (the caller holds the connection
        // through `MysqlRows`); the bound buffers and slot fields are alive and in place (the
        // slots vector is not resized while bound, and every replacement was rebound).
        let rc = unsafe { mysql_stmt_fetch(self.stmt.as_ptr()) };
        let truncated = match u32::try_from(rc) {
            Ok(0) => false,
            Ok(MYSQL_DATA_TRUNCATED) => true,
            Ok(MYSQL_NO_DATA) => return Ok(false),
            _ => return Err(self.error()),
        };
        self.complete_row(truncated)?;
        Ok(true)
    }

    /// Fetches in full, into bigger buffers, the values that did not fit, then rebinds.
    fn complete_row(&mut self, truncated: bool) -> Result<(), MysqlError> {
        let mut grown: Vec<(usize, AlignedBuffer)> = Vec::new();
        for (i, slot) in self.slots.iter().enumerate() {
            if let Some(len) = slot.overflow_len() {
                grown.push((i, AlignedBuffer::new(grown_size(len)?)?));
            } else if truncated && !slot.is_null() && slot.is_truncated() {
                let name = self.columns.get(i).map_or("?", |c| c.name.as_str());
                return Err(MysqlError::client(format!(
                    "the value of column `{name}` does not fit its {:?} buffer",
                    slot.kind
                )));
            }
        }
        if grown.is_empty() {
            return Ok(());
        }
        let stmt = self.stmt.as_ptr();
        // Every fetch_column first (a rebind in between would drop the library's position in
        // the current row), into the new buffers; the library's bind array still points to the
        // old buffers, which stay alive until the rebind below.
        for (i, buffer) in &mut grown {
            let column = c_uint::try_from(*i)
                .map_err(|_| MysqlError::client(format!("column index {i} out of range")))?;
            let Some(mut bind) = slot_bind(&mut self.slots, *i, Some(buffer)) else {
                return Err(MysqlError::client(format!("column index {i} out of range")));
            };
            // SAFETY: a live statement positioned on a fetched row (the caller holds the
            // connection); `column` is below the field count (one slot per field); `bind`
            // points to `buffer` with its real capacity and to the slot's length / is_null /
            // error fields, all alive during the call.
            if unsafe { mysql_stmt_fetch_column(stmt, &mut bind, column, 0) } != 0 {
                return Err(self.error());
            }
        }
        let mut retired = Vec::with_capacity(grown.len());
        for (i, buffer) in grown {
            if let Some(slot) = self.slots.get_mut(i) {
                retired.push(std::mem::replace(&mut slot.buffer, buffer));
            }
        }
        self.bind_results()?;
        drop(retired);
        if let Some(i) = self.slots.iter().position(|s| s.overflow_len().is_some()) {
            let name = self.columns.get(i).map_or("?", |c| c.name.as_str());
            return Err(MysqlError::client(format!(
                "the value of column `{name}` changed length while being fetched again"
            )));
        }
        Ok(())
    }

    /// Points the library at the current slots (`mysql_stmt_bind_result`).
    fn bind_results(&mut self) -> Result<(), MysqlError> {
        let stmt = self.stmt.as_ptr();
        // SAFETY: a live statement; this reads a field.
        let field_count = unsafe { mysql_stmt_field_count(stmt) };
        let mut binds = slot_binds(&mut self.slots);
        if usize::try_from(field_count).ok() != Some(binds.len()) {
            return Err(MysqlError::client(format!(
                "the result has {field_count} columns but {} buffers were prepared",
                binds.len()
            )));
        }
        // SAFETY: a live statement used exclusively; the array holds exactly `field_count` binds
        // (checked above), which the library copies; their pointers point into `self.slots`,
        // which stay in place until the next bind.
        if unsafe { mysql_stmt_bind_result(stmt, binds.as_mut_ptr()) } != mysqlclient_sys::FALSE {
            return Err(self.error());
        }
        Ok(())
    }

    /// Frees the current result (`mysql_stmt_free_result`, which reads and discards unfetched
    /// rows), then reads and frees any further result sets. Errors are ignored: the next call
    /// on the connection reports a broken connection.
    pub(super) fn release_result(&mut self) {
        // Nothing to report from Drop.
        let _ = ensure_thread_ready();
        let stmt = self.stmt.as_ptr();
        // SAFETY: a live statement; the caller (MysqlRows) holds the connection exclusively.
        unsafe { mysql_stmt_free_result(stmt) };
        for _ in 0..MAX_EXTRA_RESULTS {
            // SAFETY: as above.
            let more = unsafe { mysql_stmt_more_results(stmt) };
            // SAFETY: as above; moves to the next result set, freed right after.
            if more == mysqlclient_sys::FALSE || unsafe { mysql_stmt_next_result(stmt) } != 0 {
                break;
            }
            // SAFETY: as above.
            unsafe { mysql_stmt_free_result(stmt) };
        }
    }

    pub(super) fn slots(&self) -> &[ResultSlot] {
        &self.slots
    }

    pub(super) fn affected_rows(&self) -> Option<u64> {
        // SAFETY: a live statement (the caller holds the connection); this reads a field.
        let n = unsafe { mysql_stmt_affected_rows(self.stmt.as_ptr()) };
        (n != u64::MAX).then_some(n)
    }

    pub(super) fn insert_id(&self) -> u64 {
        // SAFETY: a live statement (the caller holds the connection); this reads a field.
        unsafe { mysql_stmt_insert_id(self.stmt.as_ptr()) }
    }

    pub(super) fn num_rows(&self) -> u64 {
        // SAFETY: a live statement (the caller holds the connection); this reads a field.
        unsafe { mysql_stmt_num_rows(self.stmt.as_ptr()) }
    }

    /// Runs `f` on the statement's result metadata (`mysql_stmt_result_metadata`), freed
    /// afterwards; `None` when the statement has no result set.
    fn with_metadata<T>(&self, f: impl FnOnce(*mut MYSQL_RES) -> T) -> Result<Option<T>, MysqlError> {
        let stmt = self.stmt.as_ptr();
        // SAFETY: a live statement; this reads a field.
        if unsafe { mysql_stmt_field_count(stmt) } == 0 {
            return Ok(None);
        }
        // SAFETY: a live, prepared statement with columns.
        let res = unsafe { mysql_stmt_result_metadata(stmt) };
        let Some(res) = NonNull::new(res) else {
            return Err(self.error());
        };
        let out = f(res.as_ptr());
        // SAFETY: the metadata result is ours to free, once, and `f` kept nothing from it.
        unsafe { mysql_free_result(res.as_ptr()) };
        Ok(Some(out))
    }

    /// Fails unless this statement was prepared on `conn` in its current session.
    fn check_owner(&self, conn: &MysqlConnection) -> Result<(), MysqlError> {
        if !Arc::ptr_eq(&self.shared, conn.shared()) {
            return Err(MysqlError::client(
                "the statement was prepared on another connection",
            ));
        }
        if self.generation != conn.generation() {
            return Err(MysqlError::client(
                "the statement was prepared before the connection was re-established: prepare it again",
            ));
        }
        Ok(())
    }

    /// The statement's last error (`mysql_stmt_errno`, `mysql_stmt_sqlstate`,
    /// `mysql_stmt_error`).
    fn error(&self) -> MysqlError {
        let stmt = self.stmt.as_ptr();
        // SAFETY: a live statement; these read its error fields, and the strings they return are
        // owned by the statement and copied right away.
        unsafe {
            MysqlError::from_api(
                mysql_stmt_errno(stmt),
                owned_string(mysql_stmt_sqlstate(stmt)),
                owned_string(mysql_stmt_error(stmt)),
            )
        }
    }
}

impl fmt::Debug for MysqlStatement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MysqlStatement")
            .field("param_count", &self.param_count)
            .field("columns", &self.columns.len())
            .finish_non_exhaustive()
    }
}

impl Drop for MysqlStatement {
    fn drop(&mut self) {
        let orphan = OrphanStatement {
            stmt: self.stmt,
            _slots: std::mem::take(&mut self.slots),
        };
        let mut state = self.shared.lock();
        if state.closed {
            drop(state);
            // SAFETY: the connection has called mysql_close (under the lock, before `closed` was
            // set), which detached this statement from it.
            unsafe { orphan.close() };
        } else {
            state.orphans.push(orphan);
        }
    }
}

/// The handle of a dropped statement, waiting to be closed by its connection, with the result
/// buffers the library may still point to.
#[derive(Debug)]
pub(super) struct OrphanStatement {
    stmt: NonNull<MYSQL_STMT>,
    _slots: Vec<ResultSlot>,
}

// SAFETY: an orphan is only moved into the connection's shared list and closed either by the
// connection (with `&mut` access to it, so not concurrently with any other use of the connection)
// or after the connection was closed (detached: closing touches only the statement's memory).
unsafe impl Send for OrphanStatement {}

impl OrphanStatement {
    /// Closes the statement (`mysql_stmt_close`), then frees its buffers.
    ///
    /// # Safety
    ///
    /// Either the connection the statement was prepared on has been closed (`mysql_close`
    /// detached the statement), or it is not being used by anything else during this call and
    /// no other statement of it has a result pending.
    pub(super) unsafe fn close(self) {
        // Nothing to report: closing cannot be retried.
        let _ = ensure_thread_ready();
        // SAFETY: the caller guarantees exclusive use of (or detachment from) the connection;
        // the handle is closed exactly once, here, and never used again.
        unsafe { mysql_stmt_close(self.stmt.as_ptr()) };
    }
}
