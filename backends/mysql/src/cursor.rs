use quarry::connection::Cursor;
use quarry::deserialize::Row;
use quarry::QueryResult;

use crate::backend::Mysql;
use crate::error_mapping::database_error;
use crate::raw;
use crate::value::MysqlValue;

/// The rows of a running MySQL query, fetched one at a time from the server (the result is not
/// buffered in client memory) into the statement's buffers, and read there in place.
///
/// The cursor borrows the connection, which is busy until the cursor is dropped. Dropping it
/// before the last row reads and discards the remaining rows.
#[derive(Debug)]
pub struct MysqlCursor<'conn> {
    rows: raw::MysqlRows<'conn>,
    columns: usize,
}

impl<'conn> MysqlCursor<'conn> {
    pub(crate) fn new(rows: raw::MysqlRows<'conn>) -> Self {
        let columns = rows.columns().len();
        Self { rows, columns }
    }
}

impl Cursor<Mysql> for MysqlCursor<'_> {
    type Row<'r>
        = MysqlRow<'r>
    where
        Self: 'r;

    #[inline]
    fn next_row(&mut self) -> QueryResult<Option<MysqlRow<'_>>> {
        match self.rows.next_row() {
            Ok(Some(row)) => Ok(Some(MysqlRow { row })),
            Ok(None) => Ok(None),
            Err(e) => Err(database_error(e)),
        }
    }

    fn column_count(&self) -> usize {
        self.columns
    }
}

/// The current row of a [`MysqlCursor`].
#[derive(Debug, Clone, Copy)]
pub struct MysqlRow<'r> {
    row: raw::MysqlRow<'r>,
}

impl Row<Mysql> for MysqlRow<'_> {
    #[inline]
    fn value(&self, idx: usize) -> MysqlValue<'_> {
        MysqlValue::new(self.row.get(idx), self.row.columns().get(idx))
    }

    #[inline]
    fn column_count(&self) -> usize {
        self.row.len()
    }

    fn column_name(&self, idx: usize) -> Option<&str> {
        self.row.columns().get(idx).map(|c| c.name.as_str())
    }
}
