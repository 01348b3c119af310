//! The connection: a safe owner of a libpq `PGconn`.

// `PgError` (the agreed public shape: five strings and a kind) is 128 bytes, exactly clippy's
// default threshold; errors are the rare path, so returning it unboxed is fine.
#![allow(clippy::result_large_err)]

use std::ffi::{c_char, c_int, c_void, CString};
use std::fmt;
use std::marker::PhantomData;
use std::ptr::{self, NonNull};

use pq_sys::ConnStatusType::CONNECTION_OK;
use pq_sys::ExecStatusType::{
    self, PGRES_BAD_RESPONSE, PGRES_COMMAND_OK, PGRES_COPY_BOTH, PGRES_COPY_IN, PGRES_COPY_OUT,
    PGRES_EMPTY_QUERY, PGRES_FATAL_ERROR, PGRES_NONFATAL_ERROR, PGRES_TUPLES_OK,
};
use pq_sys::{
    pg_encoding_to_char, PGconn, PQclientEncoding, PQconnectdb, PQerrorMessage, PQescapeIdentifier, PQexec,
    PQexecParams, PQexecPrepared, PQfinish, PQfreemem, PQgetCopyData, PQgetResult, PQprepare, PQputCopyEnd,
    PQreset, PQserverVersion, PQsetClientEncoding, PQsetNoticeProcessor, PQstatus,
};

use super::pg_error::{PgError, PgErrorKind};
use super::pg_result::{owned_string, PgResult};

/// libpq's format code for binary parameters and results.
pub(super) const BINARY_FORMAT: c_int = 1;

/// The most results read while abandoning a COPY (bounds the loop if the server misbehaves).
const MAX_DRAINED_RESULTS: usize = 1024;

/// Readable bytes to point at for an empty non-NULL parameter: a null pointer means SQL NULL to
/// libpq, and an empty slice's own pointer may be dangling.
static EMPTY_VALUE: [u8; 1] = [0];

/// A connection to a PostgreSQL server (a libpq `PGconn`), closed with `PQfinish` on drop.
///
/// Server notices (`RAISE NOTICE`, warnings) are collected into a buffer owned by the connection
/// and drained with [`PgConnection::take_notices`]. The connection may move between threads but
/// is not shared (`Send`, not `Sync`).
pub struct PgConnection {
    pub(super) conn: NonNull<PGconn>,
    /// From `Box::into_raw`; the notice processor's argument. Freed in Drop after `PQfinish`.
    notices: NonNull<Vec<String>>,
}

// SAFETY: libpq connections are not bound to the thread that created them: one may be used from
// any thread as long as it is not used from two at once, which `!Sync` and the `&mut self`
// receivers of every call that talks to the server ensure. The notice buffer is a `Vec<String>`
// (itself `Send`) reached only through this connection.
unsafe impl Send for PgConnection {}

impl PgConnection {
    /// Connects with `PQconnectdb` (accepts a `postgres://` URL or a `key=value` conninfo). A
    /// string with a NUL byte is an error. On failure the `PGconn` is still finished. Sets
    /// `client_encoding` to UTF8 (`PQsetClientEncoding`) and checks that it worked.
    ///
    /// Errors are of kind [`PgErrorKind::Connection`], with libpq's message.
    pub fn connect(conninfo: &str) -> Result<Self, PgError> {
        let conninfo = CString::new(conninfo).map_err(|_| {
            PgError::new(
                PgErrorKind::Connection,
                "the connection string contains a NUL byte",
            )
        })?;
        // SAFETY: conninfo is a NUL-terminated string that outlives the call.
        let raw = unsafe { PQconnectdb(conninfo.as_ptr()) };
        let Some(conn) = NonNull::new(raw) else {
            return Err(PgError::new(
                PgErrorKind::Connection,
                "libpq could not allocate a connection (out of memory)",
            ));
        };
        let notices = NonNull::from(Box::leak(Box::new(Vec::new())));
        // From here on, dropping `this` finishes the PGconn and frees the notice buffer.
        let mut this = Self { conn, notices };
        if !this.is_ok() {
            return Err(this.conn_error(PgErrorKind::Connection));
        }
        // SAFETY: this.conn is a live connection. `collect_notice` has the signature libpq
        // expects, and its argument is the boxed buffer, which stays allocated until Drop has
        // called PQfinish; libpq only calls the processor during libpq calls on this connection.
        unsafe {
            PQsetNoticeProcessor(
                this.conn.as_ptr(),
                Some(collect_notice),
                this.notices.as_ptr().cast::<c_void>(),
            )
        };
        this.init_session()?;
        Ok(this)
    }

    /// Whether the connection is up (`PQstatus == CONNECTION_OK`).
    pub fn is_ok(&self) -> bool {
        // SAFETY: self.conn is a live connection.
        unsafe { PQstatus(self.conn.as_ptr()) == CONNECTION_OK }
    }

    /// Re-establishes the connection with the same parameters (`PQreset`), e.g. after
    /// [`PgErrorKind::ConnectionLost`], and sets `client_encoding` to UTF8 again. Session state
    /// (prepared statements, settings, temporary tables) is gone; the notice buffer is kept.
    ///
    /// Errors are of kind [`PgErrorKind::Connection`].
    pub fn reset(&mut self) -> Result<(), PgError> {
        // SAFETY: self.conn is a live connection; PQreset keeps the PGconn (and its notice
        // processor) and only replaces the underlying server connection.
        unsafe { PQreset(self.conn.as_ptr()) };
        if !self.is_ok() {
            return Err(self.conn_error(PgErrorKind::Connection));
        }
        self.init_session()
    }

    /// Runs SQL text with no parameters (`PQexec`); may hold several statements; result rows are
    /// discarded. Errors carry the server's fields. A `COPY ... FROM STDIN / TO STDOUT` is
    /// aborted (its data discarded) and reported as a [`PgErrorKind::Protocol`] error.
    pub fn exec_batch(&mut self, sql: &str) -> Result<(), PgError> {
        let sql = c_string(sql, "the SQL text")?;
        // SAFETY: self.conn is a live connection and sql a NUL-terminated string that outlives
        // the call.
        let raw = unsafe { PQexec(self.conn.as_ptr(), sql.as_ptr()) };
        self.check(raw).map(drop)
    }

    /// Prepares `sql` as the named statement `name` (`PQprepare`) with the given parameter type
    /// OIDs (0 = let the server infer; parameters beyond the list are inferred too).
    pub fn prepare(&mut self, name: &str, sql: &str, param_types: &[u32]) -> Result<(), PgError> {
        let name = c_string(name, "the statement name")?;
        let sql = c_string(sql, "the SQL text")?;
        let count = c_len(param_types.len(), "the number of parameter types")?;
        let types = if param_types.is_empty() {
            ptr::null()
        } else {
            param_types.as_ptr()
        };
        // SAFETY: self.conn is a live connection; name and sql are NUL-terminated strings and
        // `types` is null (count 0) or points to `count` OIDs, all outliving the call.
        let raw = unsafe { PQprepare(self.conn.as_ptr(), name.as_ptr(), sql.as_ptr(), count, types) };
        self.check(raw).map(drop)
    }

    /// Runs the named prepared statement (`PQexecPrepared`) with binary parameters (each
    /// `Option<&[u8]>`: `None` = NULL) and their formats all binary (1), result format binary
    /// (1). Returns the result (rows buffered).
    pub fn exec_prepared(&mut self, name: &str, params: &[Option<&[u8]>]) -> Result<PgResult, PgError> {
        let name = c_string(name, "the statement name")?;
        let params = Params::new(params)?;
        // SAFETY: self.conn is a live connection; name is a NUL-terminated string; the value,
        // length and format arrays each hold `params.count` entries (or are null when it is 0),
        // and each non-null value points to at least its length in readable bytes; everything
        // outlives the call.
        let raw = unsafe {
            PQexecPrepared(
                self.conn.as_ptr(),
                name.as_ptr(),
                params.count,
                params.values_ptr(),
                params.lengths_ptr(),
                params.formats_ptr(),
                BINARY_FORMAT,
            )
        };
        self.check(raw)
    }

    /// Runs a one-off unnamed statement (`PQexecParams`) with the same conventions as
    /// [`PgConnection::exec_prepared`]. `param_types` holds one OID per parameter (0 = infer),
    /// or is empty to let the server infer them all; any other length is an error.
    pub fn exec_params(
        &mut self,
        sql: &str,
        param_types: &[u32],
        params: &[Option<&[u8]>],
    ) -> Result<PgResult, PgError> {
        if !param_types.is_empty() && param_types.len() != params.len() {
            return Err(PgError::new(
                PgErrorKind::Protocol,
                format!(
                    "{} parameter types given for {} parameters",
                    param_types.len(),
                    params.len()
                ),
            ));
        }
        let sql = c_string(sql, "the SQL text")?;
        let params = Params::new(params)?;
        let types = if param_types.is_empty() {
            ptr::null()
        } else {
            param_types.as_ptr()
        };
        // SAFETY: self.conn is a live connection; sql is a NUL-terminated string; `types` is null
        // or holds `params.count` OIDs (checked above); the value, length and format arrays each
        // hold `params.count` entries (or are null when it is 0), and each non-null value points
        // to at least its length in readable bytes; everything outlives the call.
        let raw = unsafe {
            PQexecParams(
                self.conn.as_ptr(),
                sql.as_ptr(),
                params.count,
                types,
                params.values_ptr(),
                params.lengths_ptr(),
                params.formats_ptr(),
                BINARY_FORMAT,
            )
        };
        self.check(raw)
    }

    /// Deallocates the named prepared statement (`DEALLOCATE` via `PQexec`, the name quoted with
    /// `PQescapeIdentifier`), for statement cache eviction.
    pub fn deallocate(&mut self, name: &str) -> Result<(), PgError> {
        let ident = self.quote_identifier(name)?;
        self.exec_batch(&format!("DEALLOCATE {ident}"))
    }

    /// Drains the server notices received since the last call, oldest first. Each is libpq's
    /// formatted line without its trailing newline, e.g. `NOTICE:  hello`.
    ///
    /// Notices accumulate until drained.
    pub fn take_notices(&mut self) -> Vec<String> {
        // SAFETY: self.notices came from Box::into_raw and stays allocated until Drop. The notice
        // processor only touches it during libpq calls on this connection, which need
        // `&mut self`, so while we hold `&mut self` this is the only reference to it.
        let notices = unsafe { self.notices.as_mut() };
        std::mem::take(notices)
    }

    /// The server's version number (`PQserverVersion`), e.g. 150004 for 15.4; 0 when the
    /// connection is bad.
    pub fn server_version(&self) -> i32 {
        // SAFETY: self.conn is a live connection.
        unsafe { PQserverVersion(self.conn.as_ptr()) }
    }

    /// Sets `client_encoding` to UTF8 and checks that the server accepted it.
    fn init_session(&mut self) -> Result<(), PgError> {
        // SAFETY: self.conn is a live connection and the literal is NUL-terminated.
        let rc = unsafe { PQsetClientEncoding(self.conn.as_ptr(), c"UTF8".as_ptr()) };
        if rc != 0 {
            return Err(self.conn_error(PgErrorKind::Connection));
        }
        // SAFETY: self.conn is a live connection.
        let id = unsafe { PQclientEncoding(self.conn.as_ptr()) };
        // SAFETY: pg_encoding_to_char accepts any id (unknown ones give "") and returns a pointer
        // to a static NUL-terminated name.
        let name = unsafe { owned_string(pg_encoding_to_char(id)) }.unwrap_or_default();
        if name != "UTF8" {
            return Err(PgError::new(
                PgErrorKind::Connection,
                format!("could not set client_encoding to UTF8 (it is {name:?})"),
            ));
        }
        Ok(())
    }

    /// Turns what a libpq call returned into a result or an error (see [`PgErrorKind`]).
    pub(super) fn check(&mut self, raw: *mut pq_sys::PGresult) -> Result<PgResult, PgError> {
        // SAFETY: `raw` was just returned by a libpq exec call on this connection; it is owned by
        // the caller (us) and used nowhere else.
        let Some(result) = (unsafe { PgResult::from_raw(raw) }) else {
            let kind = if self.is_ok() {
                PgErrorKind::Protocol
            } else {
                PgErrorKind::ConnectionLost
            };
            return Err(self.conn_error(kind));
        };
        let status = result.status();
        let kind = match status {
            PGRES_COMMAND_OK | PGRES_TUPLES_OK | PGRES_EMPTY_QUERY => return Ok(result),
            PGRES_COPY_IN | PGRES_COPY_OUT | PGRES_COPY_BOTH => {
                drop(result);
                self.abandon_copy(status);
                let kind = if self.is_ok() {
                    PgErrorKind::Protocol
                } else {
                    PgErrorKind::ConnectionLost
                };
                return Err(PgError::new(
                    kind,
                    "COPY FROM STDIN / TO STDOUT is not supported here; the COPY was aborted",
                ));
            }
            _ if !self.is_ok() => PgErrorKind::ConnectionLost,
            PGRES_FATAL_ERROR | PGRES_NONFATAL_ERROR => PgErrorKind::Server,
            _ => PgErrorKind::Protocol,
        };
        let fallback = match status {
            PGRES_BAD_RESPONSE => "the server's response was not understood".to_owned(),
            other => format!("unexpected result status {other:?}"),
        };
        Err(PgError::from_result(&result, kind, &fallback))
    }

    /// Ends a COPY that `PQexec` started (failing a COPY FROM STDIN, discarding the data of a
    /// COPY TO STDOUT) and reads the remaining results, so the connection is idle again.
    fn abandon_copy(&mut self, mut status: ExecStatusType) {
        for _ in 0..MAX_DRAINED_RESULTS {
            if matches!(status, PGRES_COPY_IN | PGRES_COPY_BOTH) {
                // SAFETY: self.conn is a live connection and the message is NUL-terminated.
                // A failure here breaks the connection, which PQgetResult below then reports.
                unsafe { PQputCopyEnd(self.conn.as_ptr(), c"COPY is not supported here".as_ptr()) };
            }
            if matches!(status, PGRES_COPY_OUT | PGRES_COPY_BOTH) {
                self.discard_copy_data();
            }
            // SAFETY: self.conn is a live connection.
            let raw = unsafe { PQgetResult(self.conn.as_ptr()) };
            // SAFETY: `raw` was just returned by PQgetResult and is ours to free.
            let Some(next) = (unsafe { PgResult::from_raw(raw) }) else {
                return;
            };
            status = next.status();
        }
    }

    /// Reads and discards COPY TO STDOUT data until the COPY ends or fails.
    fn discard_copy_data(&mut self) {
        loop {
            let mut buffer: *mut c_char = ptr::null_mut();
            // SAFETY: self.conn is a live connection and `buffer` a valid out-pointer; the call
            // blocks (async = 0) until a row, the end of the COPY, or an error.
            let n = unsafe { PQgetCopyData(self.conn.as_ptr(), &mut buffer, 0) };
            if !buffer.is_null() {
                // SAFETY: libpq allocated `buffer` for us; it is freed once, here.
                unsafe { PQfreemem(buffer.cast::<c_void>()) };
            }
            if n <= 0 {
                return;
            }
        }
    }

    /// Quotes `name` as an SQL identifier with `PQescapeIdentifier`.
    fn quote_identifier(&mut self, name: &str) -> Result<String, PgError> {
        if name.contains('\0') {
            return Err(PgError::new(
                PgErrorKind::Protocol,
                "the identifier contains a NUL byte",
            ));
        }
        // SAFETY: self.conn is a live connection; `name` points to `name.len()` readable bytes and
        // libpq reads no more than that.
        let raw =
            unsafe { PQescapeIdentifier(self.conn.as_ptr(), name.as_ptr().cast::<c_char>(), name.len()) };
        if raw.is_null() {
            let kind = if self.is_ok() {
                PgErrorKind::Protocol
            } else {
                PgErrorKind::ConnectionLost
            };
            return Err(self.conn_error(kind));
        }
        // SAFETY: a non-null result of PQescapeIdentifier is a NUL-terminated string that stays
        // valid until it is freed below.
        let quoted = unsafe { owned_string(raw) }.unwrap_or_default();
        // SAFETY: libpq allocated `raw` for us; it is freed once, here, and not used afterwards.
        unsafe { PQfreemem(raw.cast::<c_void>()) };
        Ok(quoted)
    }

    /// An error of `kind` with the connection's last error message (`PQerrorMessage`).
    pub(super) fn conn_error(&self, kind: PgErrorKind) -> PgError {
        // SAFETY: self.conn is a live connection.
        let ptr = unsafe { PQerrorMessage(self.conn.as_ptr()) };
        // SAFETY: the pointer is null or a NUL-terminated string owned by the connection, valid
        // until the next libpq call on it; it is copied right away.
        let message = unsafe { owned_string(ptr) }.unwrap_or_default();
        let message = message.trim_end();
        let message = if message.is_empty() {
            "unknown libpq error"
        } else {
            message
        };
        PgError::new(kind, message)
    }
}

impl fmt::Debug for PgConnection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PgConnection")
            .field("ok", &self.is_ok())
            .field("server_version", &self.server_version())
            .finish_non_exhaustive()
    }
}

impl Drop for PgConnection {
    fn drop(&mut self) {
        // SAFETY: self.conn is a connection this value owns; it is finished exactly once, here,
        // and not used afterwards.
        unsafe { PQfinish(self.conn.as_ptr()) };
        // SAFETY: self.notices came from Box::into_raw (Box::leak) in `connect` and is freed
        // exactly once, here. PQfinish has returned and freed the PGconn, so libpq can no longer
        // call the notice processor with this pointer.
        drop(unsafe { Box::from_raw(self.notices.as_ptr()) });
    }
}

/// libpq notice processor: appends the notice's text to the connection's buffer.
///
/// # Safety
///
/// `arg` must be the `Vec<String>` buffer of a live [`PgConnection`] with no other live
/// reference to it, and `message` null or a NUL-terminated string.
unsafe extern "C" fn collect_notice(arg: *mut c_void, message: *const c_char) {
    if arg.is_null() {
        return;
    }
    // SAFETY: the caller guarantees `message` is null or a valid NUL-terminated string.
    let Some(text) = (unsafe { owned_string(message) }) else {
        return;
    };
    // SAFETY: `arg` is the connection's boxed buffer (installed in `connect`). libpq calls this
    // only from inside a libpq call on that connection, made through `&mut PgConnection`, so no
    // other reference to the buffer is live.
    let notices = unsafe { &mut *arg.cast::<Vec<String>>() };
    notices.push(text.trim_end().to_owned());
}

/// `text` as a C string; a NUL byte in it is a [`PgErrorKind::Protocol`] error naming `what`.
pub(super) fn c_string(text: &str, what: &str) -> Result<CString, PgError> {
    CString::new(text).map_err(|_| PgError::new(PgErrorKind::Protocol, format!("{what} contains a NUL byte")))
}

/// `len` as a C `int`; too large is a [`PgErrorKind::Protocol`] error naming `what` (never a
/// truncation).
pub(super) fn c_len(len: usize, what: &str) -> Result<c_int, PgError> {
    c_int::try_from(len).map_err(|_| {
        PgError::new(
            PgErrorKind::Protocol,
            format!("{what} ({len}) exceeds libpq's limit of {}", c_int::MAX),
        )
    })
}

/// Binary parameters laid out as libpq's parallel arrays. Borrows the values it points to.
pub(super) struct Params<'a> {
    pub(super) count: c_int,
    values: Vec<*const c_char>,
    lengths: Vec<c_int>,
    formats: Vec<c_int>,
    _values: PhantomData<&'a [u8]>,
}

impl<'a> Params<'a> {
    pub(super) fn new(params: &[Option<&'a [u8]>]) -> Result<Self, PgError> {
        let count = c_len(params.len(), "the number of parameters")?;
        let mut values = Vec::with_capacity(params.len());
        let mut lengths = Vec::with_capacity(params.len());
        for (i, param) in params.iter().enumerate() {
            match param {
                None => {
                    values.push(ptr::null());
                    lengths.push(0);
                }
                Some(bytes) => {
                    // The message is only built on the error path: formatting it for every
                    // parameter cost a third of a 100-row INSERT's client time.
                    let len = c_int::try_from(bytes.len()).map_err(|_| {
                        PgError::new(
                            PgErrorKind::Protocol,
                            format!(
                                "the length of parameter ${} ({}) exceeds libpq's limit of {}",
                                i + 1,
                                bytes.len(),
                                c_int::MAX
                            ),
                        )
                    })?;
                    lengths.push(len);
                    let data = if bytes.is_empty() {
                        EMPTY_VALUE.as_slice()
                    } else {
                        bytes
                    };
                    values.push(data.as_ptr().cast::<c_char>());
                }
            }
        }
        let formats = vec![BINARY_FORMAT; params.len()];
        Ok(Self {
            count,
            values,
            lengths,
            formats,
            _values: PhantomData,
        })
    }

    pub(super) fn values_ptr(&self) -> *const *const c_char {
        if self.values.is_empty() {
            ptr::null()
        } else {
            self.values.as_ptr()
        }
    }

    pub(super) fn lengths_ptr(&self) -> *const c_int {
        if self.lengths.is_empty() {
            ptr::null()
        } else {
            self.lengths.as_ptr()
        }
    }

    pub(super) fn formats_ptr(&self) -> *const c_int {
        if self.formats.is_empty() {
            ptr::null()
        } else {
            self.formats.as_ptr()
        }
    }
}
