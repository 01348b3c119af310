use quarry::connection::Cursor;
use quarry::deserialize::Row;
use quarry::QueryResult;

use crate::backend::Pg;
use crate::raw::PgResult;
use crate::value::PgValue;

/// The rows of a PostgreSQL result (buffered by libpq).
#[derive(Debug)]
pub struct PgCursor {
    result: PgResult,
    next: usize,
}

impl PgCursor {
    pub(crate) fn new(result: PgResult) -> Self {
        Self { result, next: 0 }
    }
}

impl Cursor<Pg> for PgCursor {
    type Row<'r> = PgRow<'r>;

    fn next_row(&mut self) -> QueryResult<Option<PgRow<'_>>> {
        if self.next >= self.result.rows() {
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
        self.result.columns()
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
        PgValue {
            bytes: self.result.value(self.row, idx),
            is_null: self.result.is_null(self.row, idx),
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
