//! `INSERT IGNORE INTO` (MySQL) / `INSERT OR IGNORE INTO` (SQLite): rows whose primary or
//! unique key already exists are skipped.

use crate::backend::SupportsInsertIgnore;
use crate::error::QueryResult;
use crate::query_builder::{AstPass, QueryFragment};
use crate::schema::Table;

use super::insert_statement::{InsertStatement, InsertVerb, IntoInsertRows};
use super::returning_clause::NoReturning;

/// The conflict handling of [`insert_ignore_into`]: skip rows whose key exists.
#[derive(Debug, Clone, Copy, Default)]
pub struct InsertIgnore;

impl<DB: SupportsInsertIgnore> InsertVerb<DB> for InsertIgnore {
    const VERB: &'static str = DB::INSERT_IGNORE_INTO;
}

impl<DB: SupportsInsertIgnore> QueryFragment<DB> for InsertIgnore {
    fn walk_ast<'b>(&'b self, _: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
        Ok(())
    }
}

/// `INSERT IGNORE INTO table` waiting for its rows.
#[derive(Debug, Clone, Copy)]
#[must_use = "give the rows with `.values(...)`"]
pub struct IncompleteInsertIgnore<T> {
    table: T,
}

/// Starts `INSERT IGNORE INTO table` (MySQL) / `INSERT OR IGNORE INTO table` (SQLite): rows
/// whose primary or unique key already exists are skipped, and `.execute` counts only the rows
/// inserted. PostgreSQL rejects it at compile time (use `.on_conflict(key).do_nothing()`).
///
/// Note that MySQL's IGNORE also turns some other errors (a value too long, a NULL into a NOT
/// NULL column in a multi-row insert) into warnings with adjusted values; prefer
/// `.on_duplicate_key_update(...)` when only duplicates should be tolerated.
///
/// ```
/// # use quarry::prelude::*;
/// # quarry::table! { tags (name) { name -> Text, } }
/// let stmt = insert_ignore_into(tags::table).values(vec![tags::name.eq("a"), tags::name.eq("b")]);
/// // INSERT IGNORE INTO `tags` (`name`) VALUES (?), (?)
/// # let _ = stmt;
/// ```
pub fn insert_ignore_into<T: Table>(table: T) -> IncompleteInsertIgnore<T> {
    IncompleteInsertIgnore { table }
}

impl<T: Table> IncompleteInsertIgnore<T> {
    /// The rows, as for [`insert_into`](super::insert_into)`(...).values(...)`.
    pub fn values<V: IntoInsertRows<T>>(self, rows: V) -> InsertStatement<T, V::Rows, InsertIgnore> {
        InsertStatement {
            table: self.table,
            rows: rows.into_rows(),
            conflict: InsertIgnore,
            returning: NoReturning,
        }
    }
}
