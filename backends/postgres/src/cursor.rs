use quarry::connection::Cursor;
use quarry::deserialize::Row;
use quarry::QueryResult;

use crate::backend::Pg;
use crate::error_mapping::database_error;
use crate::raw::{self, PgResult, SingleRowStep};
use crate::value::PgValue;

/// How a [`PgConnection`](crate::PgConnection) loads the rows of the queries it runs, set with
/// [`PgConnection::set_loading_mode`](crate::PgConnection::set_loading_mode).
///
/// The mode applies to everything that reads rows through a
/// [`Connection::query`](quarry::connection::Connection::query) cursor: `load`, `get_results`,
/// `get_result`, `first`, `find` and `load_iter`, for DSL queries and `sql_query` alike.
/// Statements that return no rows (`execute`, `batch_execute`, transactions) are not affected.
/// Both modes prepare and cache statements the same way.
///
/// | | memory | speed |
/// |---|---|---|
/// | [`Buffered`](Self::Buffered) | the whole result, before the first row is decoded | fastest per row |
/// | [`RowByRow`](Self::RowByRow) | one row at a time | slower per row (one libpq result per row) |
///
/// `load` builds a `Vec` of every row in either mode, so there `RowByRow` only saves libpq's copy
/// of the result and costs time (a local run of `load` over 2 million one-column rows took about
/// 30% longer). The mode is meant for `load_iter`, which with `RowByRow` streams the rows: memory
/// stays flat however many there are, and decoding overlaps with the server sending them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum LoadingMode {
    /// libpq receives the whole result before the first row is returned (the default). A server
    /// error anywhere in the result is reported by the query itself, before any row.
    #[default]
    Buffered,
    /// libpq's single-row mode: rows are received and decoded one at a time, so memory stays
    /// bounded however large the result is. Each row costs a separate libpq result (an
    /// allocation and a little bookkeeping), which makes large results slower than buffered.
    ///
    /// While a cursor (such as the iterator of `load_iter`) is alive it borrows the connection,
    /// which is busy with the query. A server error in the middle of the result (e.g. a division
    /// by zero at row 1000) comes as an `Err` after the rows before it; the connection is usable
    /// afterwards. Dropping a cursor before its last row reads (and discards) the rest of the
    /// result from the server, which takes as long as reading it would: the query is not
    /// cancelled, since a cancelled query would abort an open transaction.
    RowByRow,
}

/// The rows of a PostgreSQL result: buffered by libpq, or read one at a time from the
/// connection, which the cursor then borrows (see [`LoadingMode`]).
///
/// Dropping a row-by-row cursor before its end reads and discards the remaining rows so that the
/// connection is idle (and usable) again.
#[derive(Debug)]
pub struct PgCursor<'conn> {
    /// The buffered result, or the current result of a row-by-row query (one row, or the final
    /// result with none).
    result: PgResult,
    /// The next row of `result` to return.
    next: usize,
    /// The connection a row-by-row query is read from; `None` when buffered.
    stream: Option<Stream<'conn>>,
    /// The number of columns, fixed when the query starts.
    columns: usize,
}

/// The connection a row-by-row cursor reads from.
#[derive(Debug)]
struct Stream<'conn> {
    conn: &'conn mut raw::PgConnection,
    /// Whether the final result (or an error) has been read: nothing is pending any more.
    done: bool,
}

impl Drop for Stream<'_> {
    fn drop(&mut self) {
        if !self.done {
            self.conn.discard_results();
        }
    }
}

impl<'conn> PgCursor<'conn> {
    /// A cursor over a buffered result.
    pub(crate) fn new(result: PgResult) -> Self {
        let columns = result.columns();
        Self {
            result,
            next: 0,
            stream: None,
            columns,
        }
    }

    /// A cursor over the statement just sent in single-row mode on `conn`; reads its first result
    /// (a row, or the end), which gives the columns. An error there is the query's error.
    pub(crate) fn row_by_row(conn: &'conn mut raw::PgConnection) -> QueryResult<Self> {
        let (result, done) = match conn.next_single_row().map_err(database_error)? {
            SingleRowStep::Row(result) => (result, false),
            SingleRowStep::End(result) => (result, true),
            SingleRowStep::Idle => {
                return Err(quarry::Error::Database(quarry::DatabaseError {
                    kind: quarry::DatabaseErrorKind::Other,
                    message: "libpq returned no result for the query".into(),
                    code: String::new(),
                    constraint: None,
                }))
            }
        };
        let columns = result.columns();
        Ok(Self {
            result,
            next: 0,
            stream: Some(Stream { conn, done }),
            columns,
        })
    }

    /// Reads the next result of a row-by-row query into `self.result`; `false` when there are no
    /// more rows (always for a buffered cursor). After an error, the cursor has ended.
    fn fetch(&mut self) -> QueryResult<bool> {
        let Some(stream) = &mut self.stream else {
            return Ok(false);
        };
        while !stream.done {
            let step = stream.conn.next_single_row().map_err(|e| {
                // The raw layer has discarded what followed the error.
                stream.done = true;
                database_error(e)
            })?;
            match step {
                SingleRowStep::Row(result) => self.result = result,
                SingleRowStep::End(result) => {
                    stream.done = true;
                    self.result = result;
                }
                SingleRowStep::Idle => {
                    stream.done = true;
                    return Ok(false);
                }
            }
            self.next = 0;
            if self.result.rows() > 0 {
                return Ok(true);
            }
        }
        Ok(false)
    }
}

impl Cursor<Pg> for PgCursor<'_> {
    type Row<'r>
        = PgRow<'r>
    where
        Self: 'r;

    fn next_row(&mut self) -> QueryResult<Option<PgRow<'_>>> {
        if self.next >= self.result.rows() && !self.fetch()? {
            return Ok(None);
        }
        let row = self.next;
        self.next += 1;
        Ok(Some(PgRow {
            result: &self.result,
            row,
        }))
    }

    fn column_count(&self) -> usize {
        self.columns
    }

    fn remaining_rows_hint(&self) -> usize {
        // A row-by-row result holds one row at a time: the rest are still on the wire.
        match self.stream {
            None => self.result.rows().saturating_sub(self.next),
            Some(_) => 0,
        }
    }
}

/// One row of a [`PgCursor`].
#[derive(Debug, Clone, Copy)]
pub struct PgRow<'r> {
    result: &'r PgResult,
    row: usize,
}

impl Row<Pg> for PgRow<'_> {
    #[inline]
    fn value(&self, idx: usize) -> PgValue<'_> {
        let (bytes, is_null) = self.result.cell(self.row, idx);
        PgValue {
            bytes,
            is_null,
            oid: self.result.column_type(idx),
        }
    }

    fn column_count(&self) -> usize {
        self.result.columns()
    }

    fn column_name(&self, idx: usize) -> Option<&str> {
        self.result.column_name(idx)
    }
}
