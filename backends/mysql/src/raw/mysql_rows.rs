//! The result of one execution of a prepared statement: its rows, read one by one, in place.

use std::fmt;

use super::mysql_column::MysqlColumn;
use super::mysql_connection::MysqlConnection;
use super::mysql_error::MysqlError;
use super::mysql_library::ensure_thread_ready;
use super::mysql_result_buffer::ResultSlot;
use super::mysql_statement::MysqlStatement;
use super::mysql_time::MysqlTime;

/// One value of a fetched row, read in place from the statement's result buffers.
///
/// Integers are widened to 64 bits (the column's [`MysqlType`](super::MysqlType) tells the
/// declared width); `Bytes` borrows the row's buffer. Which variant a column gives depends only
/// on its type: integer types (and `YEAR`) give `Int` or `UInt` (by the UNSIGNED flag), `FLOAT`
/// gives `Float`, `DOUBLE` gives `Double`, `DATE` / `TIME` / `DATETIME` / `TIMESTAMP` give
/// `Time`, and everything else (text, blobs, `DECIMAL` as text, `JSON`, `BIT` as big-endian
/// bytes, `ENUM`, `SET`, spatial types) gives `Bytes`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum MysqlValueRef<'a> {
    /// SQL NULL.
    Null,
    /// A signed integer.
    Int(i64),
    /// An unsigned integer.
    UInt(u64),
    /// A `FLOAT`.
    Float(f32),
    /// A `DOUBLE`.
    Double(f64),
    /// A `DATE`, `TIME`, `DATETIME` or `TIMESTAMP`.
    Time(MysqlTime),
    /// The value's bytes as the server sent them (text is utf8mb4).
    Bytes(&'a [u8]),
}

impl<'a> MysqlValueRef<'a> {
    /// Whether this is SQL NULL.
    pub fn is_null(&self) -> bool {
        matches!(self, Self::Null)
    }

    /// The bytes of a `Bytes` value.
    pub fn as_bytes(&self) -> Option<&'a [u8]> {
        match self {
            Self::Bytes(bytes) => Some(bytes),
            _ => None,
        }
    }

    /// The text of a `Bytes` value that is valid UTF-8.
    pub fn as_str(&self) -> Option<&'a str> {
        self.as_bytes().and_then(|b| std::str::from_utf8(b).ok())
    }
}

/// The result of [`MysqlStatement::execute`]: rows are fetched one by one with
/// [`MysqlRows::next_row`].
///
/// It borrows the statement (whose buffers hold the current row) and the connection (which is
/// busy until the result is read or dropped). Dropping it frees the result
/// (`mysql_stmt_free_result`), reading and discarding the rows not fetched yet and any further
/// result sets.
pub struct MysqlRows<'s> {
    stmt: &'s mut MysqlStatement,
    /// Held so nothing else uses the connection while the result is pending.
    _conn: &'s mut MysqlConnection,
    has_result: bool,
    buffered: bool,
    done: bool,
}

impl<'s> MysqlRows<'s> {
    pub(super) fn new(stmt: &'s mut MysqlStatement, conn: &'s mut MysqlConnection, buffered: bool) -> Self {
        Self {
            stmt,
            _conn: conn,
            has_result: false,
            buffered,
            done: false,
        }
    }

    /// Binds the result buffers (and buffers the rows when asked); called once, by `execute`.
    pub(super) fn start(&mut self) -> Result<(), MysqlError> {
        self.has_result = self.stmt.prepare_results()?;
        if self.has_result && self.buffered {
            self.stmt.store_result()?;
        }
        Ok(())
    }

    /// Whether the statement produced a result set (a `SELECT`, `SHOW`, ...), even an empty one.
    pub fn has_result_set(&self) -> bool {
        self.has_result
    }

    /// The result's columns (empty without a result set).
    pub fn columns(&self) -> &[MysqlColumn] {
        if self.has_result {
            self.stmt.columns()
        } else {
            &[]
        }
    }

    /// Fetches the next row (`mysql_stmt_fetch`); `None` when there are no more (or no result
    /// set). A value longer than its buffer is fetched again in full
    /// (`mysql_stmt_fetch_column`) into a bigger buffer, whatever its length.
    ///
    /// After an error no further rows are returned.
    pub fn next_row(&mut self) -> Result<Option<MysqlRow<'_>>, MysqlError> {
        if !self.has_result || self.done {
            return Ok(None);
        }
        ensure_thread_ready()?;
        match self.stmt.fetch() {
            Ok(true) => Ok(Some(MysqlRow {
                slots: self.stmt.slots(),
                columns: self.stmt.columns(),
            })),
            Ok(false) => {
                self.done = true;
                Ok(None)
            }
            Err(e) => {
                self.done = true;
                Err(e)
            }
        }
    }

    /// The rows changed (or matched, with `found_rows`) by an `INSERT` / `UPDATE` / `DELETE`
    /// (`mysql_stmt_affected_rows`); for a buffered result, its number of rows. `None` when the
    /// library reports none (an unbuffered `SELECT`).
    pub fn affected_rows(&self) -> Option<u64> {
        self.stmt.affected_rows()
    }

    /// The `AUTO_INCREMENT` value the statement generated (`mysql_stmt_insert_id`); 0 when
    /// none.
    pub fn insert_id(&self) -> u64 {
        self.stmt.insert_id()
    }

    /// The number of rows of a buffered result (`mysql_stmt_num_rows`); `None` for an
    /// unbuffered one.
    pub fn row_count(&self) -> Option<u64> {
        (self.has_result && self.buffered).then(|| self.stmt.num_rows())
    }
}

impl fmt::Debug for MysqlRows<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MysqlRows")
            .field("has_result_set", &self.has_result)
            .field("buffered", &self.buffered)
            .field("done", &self.done)
            .field("columns", &self.columns().len())
            .finish()
    }
}

impl Drop for MysqlRows<'_> {
    fn drop(&mut self) {
        self.stmt.release_result();
    }
}

/// A fetched row: its values are read in place from the statement's buffers, valid until the
/// next [`MysqlRows::next_row`].
#[derive(Clone, Copy)]
pub struct MysqlRow<'r> {
    slots: &'r [ResultSlot],
    columns: &'r [MysqlColumn],
}

impl<'r> MysqlRow<'r> {
    /// The number of values.
    pub fn len(&self) -> usize {
        self.slots.len()
    }

    /// Whether the row has no values.
    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }

    /// The columns, in the order of the values.
    pub fn columns(&self) -> &'r [MysqlColumn] {
        self.columns
    }

    /// The value at `index`; `None` when out of range.
    pub fn get(&self, index: usize) -> Option<MysqlValueRef<'r>> {
        self.slots.get(index).map(ResultSlot::value)
    }

    /// Whether the value at `index` is NULL (out of range counts as NULL).
    pub fn is_null(&self, index: usize) -> bool {
        self.slots.get(index).map_or(true, ResultSlot::is_null)
    }
}

impl fmt::Debug for MysqlRow<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list()
            .entries(self.slots.iter().map(ResultSlot::value))
            .finish()
    }
}
