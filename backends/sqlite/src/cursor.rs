use quarry::connection::Cursor;
use quarry::deserialize::Row;
use quarry::QueryResult;

use crate::backend::Sqlite;
use crate::error_mapping::database_error;
use crate::raw::{StatementUse, StepResult};
use crate::value::SqliteValue;

/// The rows of a running SQLite query.
#[derive(Debug)]
pub struct SqliteCursor<'conn, 'q> {
    stmt: StatementUse<'conn, 'q>,
    column_count: usize,
    done: bool,
}

impl<'conn, 'q> SqliteCursor<'conn, 'q> {
    pub(crate) fn new(stmt: StatementUse<'conn, 'q>) -> Self {
        let column_count = stmt.column_count();
        Self {
            stmt,
            column_count,
            done: false,
        }
    }
}

impl Cursor<Sqlite> for SqliteCursor<'_, '_> {
    type Row<'r>
        = SqliteRow<'r>
    where
        Self: 'r;

    #[inline]
    fn next_row(&mut self) -> QueryResult<Option<SqliteRow<'_>>> {
        if self.done {
            // Stepping a finished statement would run it again.
            return Ok(None);
        }
        match self.stmt.step() {
            Ok(StepResult::Row) => Ok(Some(SqliteRow { stmt: &self.stmt })),
            Ok(StepResult::Done) => {
                self.done = true;
                Ok(None)
            }
            Err(e) => {
                self.done = true;
                Err(database_error(e))
            }
        }
    }

    fn column_count(&self) -> usize {
        self.column_count
    }
}

/// The current row of a [`SqliteCursor`].
#[derive(Debug, Clone, Copy)]
pub struct SqliteRow<'r> {
    stmt: &'r StatementUse<'r, 'r>,
}

impl Row<Sqlite> for SqliteRow<'_> {
    #[inline]
    fn value(&self, idx: usize) -> SqliteValue<'_> {
        SqliteValue::new(self.stmt, idx)
    }

    #[inline]
    fn column_count(&self) -> usize {
        self.stmt.column_count()
    }

    fn column_name(&self, idx: usize) -> Option<&str> {
        self.stmt.column_name(idx)
    }
}
