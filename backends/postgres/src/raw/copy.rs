//! `COPY ... FROM STDIN` and `COPY ... TO STDOUT` over libpq.
//!
//! [`PgConnection::copy_in`] and [`PgConnection::copy_out`] start the COPY with `PQexec` and
//! return a guard that borrows the connection for as long as the COPY runs: [`CopyIn`] sends data
//! with `PQputCopyData` and ends it with `PQputCopyEnd` (with an error message to abort it),
//! [`CopyOut`] reads it with `PQgetCopyData`. Both read the final results (`PQgetResult` until
//! null) so the connection is idle again afterwards, and both end an unfinished COPY on drop
//! (aborting a COPY FROM STDIN, discarding the rest of a COPY TO STDOUT's data), so that a panic
//! or an early return never leaves the connection stuck in COPY mode.
//!
//! The ordinary execution functions of [`PgConnection`] still refuse COPY statements.

// `PgError` is 128 bytes, clippy's default threshold; errors are the rare path (see
// pg_connection.rs).
#![allow(clippy::result_large_err)]

use std::ffi::{c_char, c_void, CString};
use std::fmt;
use std::ops::Deref;
use std::ptr::{self, NonNull};

use pq_sys::ExecStatusType::{self, PGRES_COPY_BOTH, PGRES_COPY_IN, PGRES_COPY_OUT};
use pq_sys::{PQexec, PQfreemem, PQgetCopyData, PQgetResult, PQputCopyData, PQputCopyEnd, PQresultStatus};

use super::pg_connection::{c_len, c_string, PgConnection};
use super::pg_error::{PgError, PgErrorKind};
use super::pg_result::PgResult;

/// The most results read after a COPY ends (bounds the loop if the server misbehaves).
const MAX_FINAL_RESULTS: usize = 1024;

/// The most bytes handed to one `PQputCopyData` call (larger data is split: COPY data messages
/// need not follow row boundaries).
const MAX_PUT: usize = 1 << 20;

/// The message a COPY FROM STDIN is aborted with when its guard is dropped unfinished.
const ABANDONED: &str = "the client abandoned the COPY";

impl PgConnection {
    /// Runs `sql`, which must be a single `COPY ... FROM STDIN` statement, and returns the guard
    /// to send its data through.
    ///
    /// A statement that is not a COPY FROM STDIN is an error of kind [`PgErrorKind::Protocol`]
    /// (a COPY TO STDOUT is aborted first); a statement the server rejects is a
    /// [`PgErrorKind::Server`] error.
    pub fn copy_in(&mut self, sql: &str) -> Result<CopyIn<'_>, PgError> {
        self.start_copy(sql, PGRES_COPY_IN, "COPY FROM STDIN")?;
        Ok(CopyIn {
            conn: self,
            open: true,
        })
    }

    /// Runs `sql`, which must be a single `COPY ... TO STDOUT` statement, and returns the guard
    /// to read its data from. Errors as for [`PgConnection::copy_in`].
    pub fn copy_out(&mut self, sql: &str) -> Result<CopyOut<'_>, PgError> {
        self.start_copy(sql, PGRES_COPY_OUT, "COPY TO STDOUT")?;
        Ok(CopyOut {
            conn: self,
            open: true,
            rows: 0,
        })
    }

    /// Runs `sql` with `PQexec` and checks that it started a COPY in the direction `want`.
    fn start_copy(&mut self, sql: &str, want: ExecStatusType, what: &str) -> Result<(), PgError> {
        let sql = c_string(sql, "the SQL text")?;
        // SAFETY: self.conn is a live connection and sql a NUL-terminated string that outlives
        // the call.
        let raw = unsafe { PQexec(self.conn.as_ptr(), sql.as_ptr()) };
        let status = if raw.is_null() {
            None
        } else {
            // SAFETY: `raw` is a live result just returned by PQexec; it is only read here.
            Some(unsafe { PQresultStatus(raw) })
        };
        match status {
            Some(status) if status == want => {
                // The COPY_IN / COPY_OUT result carries nothing we need; it is freed right away.
                // SAFETY: `raw` was returned by PQexec and nothing else frees or uses it.
                drop(unsafe { PgResult::from_raw(raw) });
                Ok(())
            }
            Some(PGRES_COPY_IN | PGRES_COPY_OUT | PGRES_COPY_BOTH) => {
                // `check` aborts the COPY and drains its results; its error names no direction.
                let kind = match self.check(raw) {
                    Err(e) => e.kind,
                    Ok(_) => PgErrorKind::Protocol,
                };
                Err(PgError::new(
                    kind,
                    format!("the statement did not start a {what} but another kind of COPY (aborted)"),
                ))
            }
            // A failed statement (or a null result) becomes its error; any other successful
            // statement is not what the caller asked for.
            _ => match self.check(raw) {
                Err(e) => Err(e),
                Ok(_) => Err(PgError::new(
                    PgErrorKind::Protocol,
                    format!("the statement is not a {what}"),
                )),
            },
        }
    }

    /// `kind`, or [`PgErrorKind::ConnectionLost`] when the connection has broken.
    fn kind_or_lost(&self, kind: PgErrorKind) -> PgErrorKind {
        if self.is_ok() {
            kind
        } else {
            PgErrorKind::ConnectionLost
        }
    }

    /// Reads the results that follow the end of a COPY (`PQgetResult` until null) and returns
    /// the number of rows the first one reports (`COPY n`), or the first error.
    fn copy_results(&mut self) -> Result<u64, PgError> {
        let mut outcome = None;
        for _ in 0..MAX_FINAL_RESULTS {
            // SAFETY: self.conn is a live connection.
            let raw = unsafe { PQgetResult(self.conn.as_ptr()) };
            if raw.is_null() {
                return outcome.unwrap_or_else(|| {
                    Err(PgError::new(
                        self.kind_or_lost(PgErrorKind::Protocol),
                        "the COPY ended without a result",
                    ))
                });
            }
            // `check` takes ownership of `raw`, maps errors, and aborts a further COPY.
            let result = self.check(raw).map(|r| r.affected_rows());
            if outcome.is_none() {
                outcome = Some(result);
            }
        }
        Err(PgError::new(
            self.kind_or_lost(PgErrorKind::Protocol),
            format!("more than {MAX_FINAL_RESULTS} results followed the COPY"),
        ))
    }

    /// Ends a COPY FROM STDIN with `PQputCopyEnd(reason)` (the server then fails the COPY, so
    /// nothing it received is kept) and reads the results. The server's expected error is `Ok`.
    fn abort_copy_in(&mut self, reason: &str) -> Result<(), PgError> {
        let reason = CString::new(reason.replace('\0', " ")).unwrap_or_default();
        // SAFETY: self.conn is a live connection and `reason` a NUL-terminated string that
        // outlives the call. A failure breaks the connection, which copy_results then reports.
        unsafe { PQputCopyEnd(self.conn.as_ptr(), reason.as_ptr()) };
        match self.copy_results() {
            Err(e) if e.kind == PgErrorKind::Server => Ok(()),
            Err(e) => Err(e),
            Ok(_) => Err(PgError::new(
                PgErrorKind::Protocol,
                "the server completed a COPY that the client aborted",
            )),
        }
    }
}

/// A running `COPY ... FROM STDIN`: send data with [`CopyIn::send`], then end it with
/// [`CopyIn::finish`] (commit the rows) or [`CopyIn::abort`] (discard them). Dropping it
/// unfinished aborts the COPY.
pub struct CopyIn<'c> {
    conn: &'c mut PgConnection,
    /// Whether the COPY still needs ending.
    open: bool,
}

impl CopyIn<'_> {
    /// Sends bytes of COPY data (`PQputCopyData`, blocking). Chunks need not follow row
    /// boundaries. A server-side failure (a constraint violation, malformed data) is usually only
    /// reported by [`CopyIn::finish`]: the server discards data after an error until the end.
    pub fn send(&mut self, data: &[u8]) -> Result<(), PgError> {
        if !self.open {
            return Err(PgError::new(PgErrorKind::Protocol, "the COPY has already ended"));
        }
        for piece in data.chunks(MAX_PUT) {
            let len = c_len(piece.len(), "a piece of COPY data")?;
            // SAFETY: self.conn is a live connection in COPY IN state (or libpq reports that it
            // is not); `piece` points to `len` readable bytes that outlive the call, and libpq
            // copies them before returning.
            let rc = unsafe { PQputCopyData(self.conn.conn.as_ptr(), piece.as_ptr().cast::<c_char>(), len) };
            if rc != 1 {
                // -1: an error (PQerrorMessage says which); 0 only happens in nonblocking mode.
                let kind = self.conn.kind_or_lost(PgErrorKind::Protocol);
                return Err(self.conn.conn_error(kind));
            }
        }
        Ok(())
    }

    /// Ends the COPY successfully (`PQputCopyEnd` with no error) and returns the number of rows
    /// the server copied. The server's error (e.g. a unique violation) is returned here, as a
    /// [`PgErrorKind::Server`] error; nothing was copied then.
    pub fn finish(mut self) -> Result<u64, PgError> {
        self.open = false;
        // SAFETY: self.conn is a live connection; a null error message ends the COPY normally.
        let rc = unsafe { PQputCopyEnd(self.conn.conn.as_ptr(), ptr::null()) };
        if rc != 1 {
            let error = self
                .conn
                .conn_error(self.conn.kind_or_lost(PgErrorKind::Protocol));
            // The results still have to be read for the connection to become idle; the first
            // failure is the one reported.
            return Err(self.conn.copy_results().err().unwrap_or(error));
        }
        self.conn.copy_results()
    }

    /// Aborts the COPY (`PQputCopyEnd` with `reason` as the error message): the server fails the
    /// statement and keeps none of the data. `Ok` when the server confirmed the abort; an error
    /// only when the connection failed.
    pub fn abort(mut self, reason: &str) -> Result<(), PgError> {
        self.open = false;
        self.conn.abort_copy_in(reason)
    }
}

impl fmt::Debug for CopyIn<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CopyIn").field("open", &self.open).finish()
    }
}

impl Drop for CopyIn<'_> {
    fn drop(&mut self) {
        if self.open {
            self.open = false;
            let _ = self.conn.abort_copy_in(ABANDONED);
        }
    }
}

/// A running `COPY ... TO STDOUT`: read its data with [`CopyOut::next_chunk`] until `None`.
/// Dropping it before the end reads and discards the rest of the data.
pub struct CopyOut<'c> {
    conn: &'c mut PgConnection,
    /// Whether data or the final result is still to be read.
    open: bool,
    /// The server's row count, once the COPY has ended.
    rows: u64,
}

impl CopyOut<'_> {
    /// The next piece of data (`PQgetCopyData`, blocking): one row for the text and CSV formats,
    /// a message of the server's choosing for the binary format. `None` once the COPY has ended
    /// successfully (then [`CopyOut::rows`] is the server's row count). A server error during the
    /// COPY (e.g. a division by zero in the query) is a [`PgErrorKind::Server`] error; after an
    /// error the COPY is over and further calls return `None`.
    pub fn next_chunk(&mut self) -> Result<Option<CopyChunk>, PgError> {
        if !self.open {
            return Ok(None);
        }
        let mut buffer: *mut c_char = ptr::null_mut();
        // SAFETY: self.conn is a live connection in COPY OUT state (or libpq reports that it is
        // not) and `buffer` a valid out-pointer; the call blocks (async = 0) until a row, the end
        // of the COPY, or an error.
        let n = unsafe { PQgetCopyData(self.conn.conn.as_ptr(), &mut buffer, 0) };
        // Owned from here on, so that it is freed (once) whatever happens next.
        let chunk = NonNull::new(buffer).map(|ptr| CopyChunk { ptr, len: 0 });
        if n > 0 {
            if let (Some(mut chunk), Ok(len)) = (chunk, usize::try_from(n)) {
                chunk.len = len;
                return Ok(Some(chunk));
            }
            self.open = false;
            let error = PgError::new(PgErrorKind::Protocol, "libpq returned COPY data without a buffer");
            return Err(self.conn.copy_results().err().unwrap_or(error));
        }
        drop(chunk);
        self.open = false;
        if n == -1 {
            // The COPY is over (or the server failed it): the final result says which.
            self.rows = self.conn.copy_results()?;
            return Ok(None);
        }
        // -2: an error (PQerrorMessage says which); 0 only happens in asynchronous mode.
        let error = self
            .conn
            .conn_error(self.conn.kind_or_lost(PgErrorKind::Protocol));
        Err(self.conn.copy_results().err().unwrap_or(error))
    }

    /// The number of rows the server reported (`COPY n`), once [`CopyOut::next_chunk`] has
    /// returned `None`; 0 before.
    pub fn rows(&self) -> u64 {
        self.rows
    }
}

impl fmt::Debug for CopyOut<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CopyOut")
            .field("open", &self.open)
            .field("rows", &self.rows)
            .finish()
    }
}

impl Drop for CopyOut<'_> {
    fn drop(&mut self) {
        // Read (and free) the rest of the data and the final results; this ends when the COPY
        // ends or fails, which makes `next_chunk` close the guard.
        while let Ok(Some(_)) = self.next_chunk() {}
    }
}

/// One piece of COPY TO STDOUT data, in a buffer libpq allocated; freed with `PQfreemem` on drop.
pub struct CopyChunk {
    ptr: NonNull<c_char>,
    len: usize,
}

impl Deref for CopyChunk {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        // SAFETY: PQgetCopyData returned `len` (a positive c_int, so at most isize::MAX) bytes at
        // `ptr`, allocated for us; they stay valid and unchanged until Drop frees them, after
        // every borrow of self has ended.
        unsafe { std::slice::from_raw_parts(self.ptr.as_ptr().cast::<u8>(), self.len) }
    }
}

impl fmt::Debug for CopyChunk {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CopyChunk").field("len", &self.len).finish()
    }
}

impl Drop for CopyChunk {
    fn drop(&mut self) {
        // SAFETY: libpq allocated the buffer for us (PQgetCopyData); it is freed exactly once,
        // here, and no borrow of it outlives self.
        unsafe { PQfreemem(self.ptr.as_ptr().cast::<c_void>()) };
    }
}

#[cfg(test)]
mod tests {
    //! The COPY guards against the server at `QUARRY_PG_URL` (skipped without it). Tables are
    //! temporary, so parallel runs do not see each other's.

    use super::*;

    fn connect() -> Option<PgConnection> {
        let Ok(url) = std::env::var("QUARRY_PG_URL") else {
            use std::io::Write;
            let _ = writeln!(std::io::stderr(), "SKIPPED: QUARRY_PG_URL not set");
            return None;
        };
        Some(PgConnection::connect(&url).unwrap())
    }

    /// `SELECT count(*) FROM t` as text.
    fn count(conn: &mut PgConnection) -> String {
        let result = conn
            .exec_params("SELECT count(*)::text FROM t", &[], &[])
            .unwrap();
        String::from_utf8(result.value(0, 0).to_vec()).unwrap()
    }

    #[test]
    fn text_copy_in_and_out() {
        let Some(mut conn) = connect() else { return };
        conn.exec_batch("CREATE TEMP TABLE t (id int4 PRIMARY KEY, name text)")
            .unwrap();
        let mut copy = conn.copy_in("COPY t FROM STDIN").unwrap();
        // Chunks that split rows anywhere.
        copy.send(b"1\tone\n2\t").unwrap();
        copy.send(b"\\N\n3\tthr").unwrap();
        copy.send(b"ee\n").unwrap();
        assert_eq!(copy.finish().unwrap(), 3);

        let mut copy = conn
            .copy_out("COPY (SELECT * FROM t ORDER BY id) TO STDOUT")
            .unwrap();
        let mut out = Vec::new();
        while let Some(chunk) = copy.next_chunk().unwrap() {
            out.extend_from_slice(&chunk);
        }
        assert_eq!(copy.rows(), 3);
        assert!(copy.next_chunk().unwrap().is_none());
        drop(copy);
        assert_eq!(out, b"1\tone\n2\t\\N\n3\tthree\n");
    }

    #[test]
    fn abort_and_drop_keep_nothing() {
        let Some(mut conn) = connect() else { return };
        conn.exec_batch("CREATE TEMP TABLE t (id int4)").unwrap();
        let mut copy = conn.copy_in("COPY t FROM STDIN").unwrap();
        copy.send(b"1\n2\n").unwrap();
        copy.abort("changed my mind\0really").unwrap();
        assert_eq!(count(&mut conn), "0");

        let mut copy = conn.copy_in("COPY t FROM STDIN").unwrap();
        copy.send(b"1\n2\n").unwrap();
        drop(copy);
        assert_eq!(count(&mut conn), "0");

        // A COPY OUT dropped after one row: the rest is discarded.
        let mut copy = conn
            .copy_out("COPY (SELECT generate_series(1, 100000)) TO STDOUT")
            .unwrap();
        assert_eq!(&*copy.next_chunk().unwrap().unwrap(), b"1\n");
        drop(copy);
        assert_eq!(count(&mut conn), "0");
    }

    #[test]
    fn server_errors_are_reported_at_the_end() {
        let Some(mut conn) = connect() else { return };
        conn.exec_batch("CREATE TEMP TABLE t (id int4 PRIMARY KEY)")
            .unwrap();
        let mut copy = conn.copy_in("COPY t FROM STDIN").unwrap();
        copy.send(b"1\n2\nnot a number\n3\n").unwrap();
        let err = copy.finish().unwrap_err();
        assert_eq!(err.kind, PgErrorKind::Server);
        assert_eq!(err.sqlstate.as_deref(), Some("22P02"), "{err:?}");
        assert_eq!(count(&mut conn), "0");

        let mut copy = conn
            .copy_out("COPY (SELECT 1 / (3 - g) FROM generate_series(1, 5) g) TO STDOUT")
            .unwrap();
        let err = loop {
            match copy.next_chunk() {
                Ok(Some(_)) => {}
                Ok(None) => panic!("the COPY should fail"),
                Err(e) => break e,
            }
        };
        assert_eq!(err.sqlstate.as_deref(), Some("22012"), "{err:?}");
        assert!(copy.next_chunk().unwrap().is_none());
        drop(copy);
        assert_eq!(count(&mut conn), "0");
    }

    #[test]
    fn wrong_statements_are_refused() {
        let Some(mut conn) = connect() else { return };
        conn.exec_batch("CREATE TEMP TABLE t (id int4)").unwrap();
        let err = conn.copy_in("SELECT 1").unwrap_err();
        assert_eq!(err.kind, PgErrorKind::Protocol);
        let err = conn.copy_in("COPY t TO STDOUT").unwrap_err();
        assert_eq!(err.kind, PgErrorKind::Protocol);
        assert!(err.message.contains("another kind of COPY"), "{err:?}");
        let err = conn.copy_out("COPY t FROM STDIN").unwrap_err();
        assert_eq!(err.kind, PgErrorKind::Protocol);
        let err = conn.copy_out("COPY nowhere TO STDOUT").unwrap_err();
        assert_eq!(err.kind, PgErrorKind::Server);
        assert_eq!(err.sqlstate.as_deref(), Some("42P01"));
        let err = conn.copy_in("COPY t FROM STDIN\0").unwrap_err();
        assert_eq!(err.kind, PgErrorKind::Protocol);
        // Ordinary execution still refuses COPY.
        assert_eq!(
            conn.exec_batch("COPY t FROM STDIN").unwrap_err().kind,
            PgErrorKind::Protocol
        );
        assert_eq!(count(&mut conn), "0");
    }
}
