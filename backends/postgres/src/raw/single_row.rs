//! Row-by-row results: libpq's single-row mode.
//!
//! A statement is sent without waiting for its result (`PQsendQueryPrepared` /
//! `PQsendQueryParams`), switched to single-row mode (`PQsetSingleRowMode`), and its results are
//! then read one at a time with [`PgConnection::next_single_row`]: one [`PgResult`] per row
//! (status `PGRES_SINGLE_TUPLE`), then the statement's final result (`PGRES_TUPLES_OK` with no
//! rows, or the error that stopped it), after which the connection is idle again.
//!
//! Until the final result has been read, the connection is busy: the results left must be read
//! (or discarded with [`PgConnection::discard_results`]) before it can run anything else.

// See pg_connection.rs: `PgError` is exactly clippy's size threshold.
#![allow(clippy::result_large_err)]

use std::ptr;

use pq_sys::ExecStatusType::{PGRES_COPY_BOTH, PGRES_COPY_IN, PGRES_COPY_OUT, PGRES_SINGLE_TUPLE};
use pq_sys::{PQgetResult, PQresultStatus, PQsendQueryParams, PQsendQueryPrepared, PQsetSingleRowMode};

use super::pg_connection::{c_string, Params, BINARY_FORMAT};
use super::pg_error::{PgError, PgErrorKind};
use super::pg_result::PgResult;
use super::PgConnection;

/// One step of a statement sent in single-row mode, as read by
/// [`PgConnection::next_single_row`].
#[derive(Debug)]
pub enum SingleRowStep {
    /// One row of the result (status `PGRES_SINGLE_TUPLE`): a result holding exactly that row.
    /// More steps follow.
    Row(PgResult),
    /// The statement's final result: no more rows follow (`PGRES_TUPLES_OK`, which has the
    /// columns but no rows in single-row mode, or `PGRES_COMMAND_OK` / `PGRES_EMPTY_QUERY` for a
    /// statement that returns no rows). The connection is idle again.
    End(PgResult),
    /// Nothing was pending: the connection was already idle.
    Idle,
}

impl PgConnection {
    /// Sends the named prepared statement without waiting for its result
    /// (`PQsendQueryPrepared`; binary parameters, `None` = NULL, and binary results, as in
    /// [`PgConnection::exec_prepared`]) and switches it to single-row mode. Read the results with
    /// [`PgConnection::next_single_row`] until [`SingleRowStep::End`] or an error.
    ///
    /// Results that an earlier statement left unread are discarded first. On error nothing is
    /// pending afterwards.
    pub fn send_prepared_single_row(&mut self, name: &str, params: &[Option<&[u8]>]) -> Result<(), PgError> {
        let name = c_string(name, "the statement name")?;
        let params = Params::new(params)?;
        self.discard_results();
        // SAFETY: self.conn is a live connection; name is a NUL-terminated string; the value,
        // length and format arrays each hold `params.count` entries (or are null when it is 0),
        // and each non-null value points to at least its length in readable bytes; libpq copies
        // everything into its output buffer before returning, and it all outlives the call.
        let sent = unsafe {
            PQsendQueryPrepared(
                self.conn.as_ptr(),
                name.as_ptr(),
                params.count,
                params.values_ptr(),
                params.lengths_ptr(),
                params.formats_ptr(),
                BINARY_FORMAT,
            )
        };
        self.start_single_row(sent)
    }

    /// Sends a one-off unnamed statement without waiting for its result (`PQsendQueryParams`)
    /// and switches it to single-row mode; the conventions are those of
    /// [`PgConnection::exec_params`] (`param_types` empty or one OID per parameter, 0 = infer)
    /// and [`PgConnection::send_prepared_single_row`].
    pub fn send_params_single_row(
        &mut self,
        sql: &str,
        param_types: &[u32],
        params: &[Option<&[u8]>],
    ) -> Result<(), PgError> {
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
        self.discard_results();
        // SAFETY: self.conn is a live connection; sql is a NUL-terminated string; `types` is null
        // or holds `params.count` OIDs (checked above); the value, length and format arrays each
        // hold `params.count` entries (or are null when it is 0), and each non-null value points
        // to at least its length in readable bytes; libpq copies everything into its output
        // buffer before returning, and it all outlives the call.
        let sent = unsafe {
            PQsendQueryParams(
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
        self.start_single_row(sent)
    }

    /// Reads the next result of a statement sent in single-row mode (`PQgetResult`), blocking
    /// until it arrives.
    ///
    /// After the final result the rest is read too (up to libpq's terminating null), so the
    /// connection is idle when [`SingleRowStep::End`] is returned. An error (a server error in the
    /// middle of the rows, such as a division by zero at row 1000, or a lost connection) is
    /// returned after the remaining results have been discarded; the rows before it were returned
    /// by earlier calls. A connection that broke is reported as [`PgErrorKind::ConnectionLost`],
    /// also when the server sent an error before closing it (e.g. the backend was terminated).
    pub fn next_single_row(&mut self) -> Result<SingleRowStep, PgError> {
        // SAFETY: self.conn is a live connection.
        let raw = unsafe { PQgetResult(self.conn.as_ptr()) };
        if raw.is_null() {
            if self.is_ok() {
                return Ok(SingleRowStep::Idle);
            }
            return Err(self.conn_error(PgErrorKind::ConnectionLost));
        }
        // SAFETY: `raw` is a live result just returned by PQgetResult; reading its status does
        // not take or free it.
        if unsafe { PQresultStatus(raw) } == PGRES_SINGLE_TUPLE {
            // SAFETY: `raw` was returned by PQgetResult and nothing else frees or uses it.
            if let Some(row) = unsafe { PgResult::from_raw(raw) } {
                return Ok(SingleRowStep::Row(row));
            }
        }
        // The final result or an error: `check` takes ownership of `raw`, turns an error status
        // into a PgError and ends an (unexpected) COPY.
        let checked = self.check(raw);
        self.discard_results();
        match checked {
            Ok(result) => Ok(SingleRowStep::End(result)),
            Err(mut error) => {
                if !self.is_ok() {
                    error.kind = PgErrorKind::ConnectionLost;
                }
                Err(error)
            }
        }
    }

    /// Reads and discards every result still pending (`PQgetResult` until it returns null), so
    /// the connection is idle again: this reads the rest of an unfinished row-by-row result from
    /// the server (it does not cancel the statement). Does nothing when nothing is pending.
    /// Errors are dropped; a connection that broke meanwhile stays broken (see
    /// [`PgConnection::is_ok`]).
    pub fn discard_results(&mut self) {
        loop {
            // SAFETY: self.conn is a live connection.
            let raw = unsafe { PQgetResult(self.conn.as_ptr()) };
            if raw.is_null() {
                return;
            }
            // SAFETY: `raw` is a live result just returned by PQgetResult; reading its status
            // does not take or free it.
            let status = unsafe { PQresultStatus(raw) };
            if matches!(status, PGRES_COPY_IN | PGRES_COPY_OUT | PGRES_COPY_BOTH) {
                // `check` ends the COPY and reads what follows it.
                drop(self.check(raw));
            } else {
                // SAFETY: `raw` was returned by PQgetResult and nothing else frees or uses it;
                // it is freed right away.
                drop(unsafe { PgResult::from_raw(raw) });
            }
            if !self.is_ok() {
                // libpq ends the statement with an error result once the connection breaks;
                // nothing more will come, so never wait on a dead socket.
                return;
            }
        }
    }

    /// Completes a `PQsend*` call whose return value is `sent`: switches the statement to
    /// single-row mode, or reports why it could not be sent (nothing is pending then).
    fn start_single_row(&mut self, sent: std::ffi::c_int) -> Result<(), PgError> {
        if sent != 1 {
            let kind = if self.is_ok() {
                PgErrorKind::Protocol
            } else {
                PgErrorKind::ConnectionLost
            };
            let error = self.conn_error(kind);
            self.discard_results();
            return Err(error);
        }
        // SAFETY: self.conn is a live connection on which a statement was just sent and none of
        // its results has been read, which is when libpq allows single-row mode.
        if unsafe { PQsetSingleRowMode(self.conn.as_ptr()) } != 1 {
            self.discard_results();
            let kind = if self.is_ok() {
                PgErrorKind::Protocol
            } else {
                PgErrorKind::ConnectionLost
            };
            return Err(PgError::new(
                kind,
                "libpq refused to switch the statement to single-row mode",
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::{PgConnection, PgErrorKind, SingleRowStep};

    const INT4_OID: u32 = 23;

    fn connect() -> Option<PgConnection> {
        match std::env::var("QUARRY_PG_URL") {
            Ok(url) if !url.is_empty() => match PgConnection::connect(&url) {
                Ok(conn) => Some(conn),
                Err(e) => panic!("connect to QUARRY_PG_URL: {e}"),
            },
            _ => {
                use std::io::Write;
                let _ = writeln!(std::io::stderr(), "SKIPPED: QUARRY_PG_URL not set");
                None
            }
        }
    }

    fn int4(bytes: &[u8]) -> i32 {
        i32::from_be_bytes(bytes.try_into().expect("4 bytes"))
    }

    /// Reads every step; returns the values of column 0 and the final outcome.
    fn read_all(conn: &mut PgConnection) -> (Vec<i32>, Result<usize, PgErrorKind>) {
        let mut values = Vec::new();
        loop {
            match conn.next_single_row() {
                Ok(SingleRowStep::Row(r)) => {
                    assert_eq!(r.rows(), 1);
                    values.push(int4(r.value(0, 0)));
                }
                Ok(SingleRowStep::End(r)) => return (values, Ok(r.columns())),
                Ok(SingleRowStep::Idle) => panic!("idle before the end"),
                Err(e) => return (values, Err(e.kind)),
            }
        }
    }

    #[test]
    fn rows_arrive_one_result_each_then_the_end() {
        let Some(mut conn) = connect() else { return };
        let n = 3_i32.to_be_bytes();
        conn.send_params_single_row(
            "SELECT g, g * 2 AS twice FROM generate_series(1, $1) g",
            &[INT4_OID],
            &[Some(&n)],
        )
        .expect("send");
        let (values, end) = read_all(&mut conn);
        assert_eq!(values, [1, 2, 3]);
        assert_eq!(end, Ok(2), "the final result still describes the columns");
        assert!(matches!(conn.next_single_row(), Ok(SingleRowStep::Idle)));

        conn.prepare(
            "s1",
            "SELECT g FROM generate_series(1, $1) g WHERE false",
            &[INT4_OID],
        )
        .expect("prepare");
        conn.send_prepared_single_row("s1", &[Some(&n)]).expect("send");
        assert_eq!(read_all(&mut conn), (vec![], Ok(1)));
    }

    #[test]
    fn an_error_mid_stream_comes_after_the_rows_and_leaves_the_connection_idle() {
        let Some(mut conn) = connect() else { return };
        conn.send_params_single_row("SELECT 1 / (1000 - g) FROM generate_series(1, 2000) g", &[], &[])
            .expect("send");
        let mut rows = 0;
        let error = loop {
            match conn.next_single_row() {
                Ok(SingleRowStep::Row(_)) => rows += 1,
                Ok(other) => panic!("expected an error, got {other:?}"),
                Err(e) => break e,
            }
        };
        // Every row before the failing one arrives first.
        assert_eq!(rows, 999);
        assert_eq!(error.kind, PgErrorKind::Server);
        assert_eq!(error.sqlstate.as_deref(), Some("22012"));
        assert!(conn.is_ok());
        assert!(matches!(conn.next_single_row(), Ok(SingleRowStep::Idle)));
        conn.exec_batch("SELECT 1").expect("the connection is usable");
    }

    #[test]
    fn unread_results_are_discarded_before_the_next_statement() {
        let Some(mut conn) = connect() else { return };
        conn.send_params_single_row("SELECT g FROM generate_series(1, 50000) g", &[], &[])
            .expect("send");
        assert!(matches!(conn.next_single_row(), Ok(SingleRowStep::Row(_))));
        // Abandoned after one row; the next statement (of either kind) still works.
        conn.send_params_single_row("SELECT 7", &[], &[]).expect("send");
        assert_eq!(read_all(&mut conn), (vec![7], Ok(1)));
        conn.send_params_single_row("SELECT g FROM generate_series(1, 50000) g", &[], &[])
            .expect("send");
        assert!(matches!(conn.next_single_row(), Ok(SingleRowStep::Row(_))));
        conn.discard_results();
        let result = conn.exec_params("SELECT 8", &[], &[]).expect("exec");
        assert_eq!(int4(result.value(0, 0)), 8);
    }

    #[test]
    fn a_connection_lost_mid_stream_is_connection_lost() {
        let Some(mut conn) = connect() else { return };
        let Some(mut killer) = connect() else { return };
        let pid = conn
            .exec_params("SELECT pg_backend_pid()", &[], &[])
            .expect("pid");
        let pid = int4(pid.value(0, 0));
        // The server buffers its output and flushes it when full: rows this wide are flushed one
        // by one, so the first rows arrive while the server sleeps before row 50.
        conn.send_params_single_row(
            "SELECT g, repeat('x', 10000), pg_sleep(CASE WHEN g = 50 THEN 30 ELSE 0 END)
             FROM generate_series(1, 100) g",
            &[],
            &[],
        )
        .expect("send");
        for expected in 1..=4 {
            match conn.next_single_row() {
                Ok(SingleRowStep::Row(r)) => assert_eq!(int4(r.value(0, 0)), expected),
                other => panic!("expected row {expected}, got {other:?}"),
            }
        }
        killer
            .exec_batch(&format!("SELECT pg_terminate_backend({pid})"))
            .expect("terminate");
        let error = loop {
            match conn.next_single_row() {
                Ok(SingleRowStep::Row(_)) => {}
                other => break other,
            }
        };
        match error {
            Err(e) => assert_eq!(e.kind, PgErrorKind::ConnectionLost, "{e}"),
            other => panic!("expected a lost connection, got {other:?}"),
        }
        assert!(!conn.is_ok());
        // Still errors, never a hang or a panic.
        assert!(conn.send_params_single_row("SELECT 1", &[], &[]).is_err());
        conn.discard_results();
        conn.reset().expect("reset");
        conn.send_params_single_row("SELECT 9", &[], &[]).expect("send");
        assert_eq!(read_all(&mut conn), (vec![9], Ok(1)));
    }
}
