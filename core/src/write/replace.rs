//! `REPLACE INTO` (MySQL, SQLite): a row whose primary or unique key already exists is deleted,
//! then the new row is inserted.

use crate::backend::SupportsReplace;
use crate::error::QueryResult;
use crate::query_builder::{AstPass, QueryFragment};
use crate::schema::Table;

use super::insert_statement::{InsertStatement, InsertVerb, IntoInsertRows};
use super::returning_clause::NoReturning;

/// The conflict handling of [`replace_into`]: replace rows whose key exists.
#[derive(Debug, Clone, Copy, Default)]
pub struct Replace;

impl<DB: SupportsReplace> InsertVerb<DB> for Replace {
    const VERB: &'static str = "REPLACE INTO ";
}

impl<DB: SupportsReplace> QueryFragment<DB> for Replace {
    fn walk_ast<'b>(&'b self, _: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
        Ok(())
    }
}

/// `REPLACE INTO table` waiting for its rows.
#[derive(Debug, Clone, Copy)]
#[must_use = "give the rows with `.values(...)`"]
pub struct IncompleteReplace<T> {
    table: T,
}

/// Starts `REPLACE INTO table` (MySQL, SQLite): a row whose primary or unique key already
/// exists is deleted, then the new row inserted (so columns left out take their defaults, and
/// foreign keys with `ON DELETE` actions fire). PostgreSQL rejects it at compile time (use
/// `.on_conflict(key).do_update()`).
///
/// ```
/// # use quarry::prelude::*;
/// # quarry::table! { settings (key) { key -> Text, value -> Text, } }
/// let stmt = replace_into(settings::table).values((settings::key.eq("theme"), settings::value.eq("dark")));
/// // REPLACE INTO `settings` (`key`, `value`) VALUES (?, ?)
/// # let _ = stmt;
/// ```
///
/// On MySQL the affected-row count is the rows inserted plus the rows deleted.
pub fn replace_into<T: Table>(table: T) -> IncompleteReplace<T> {
    IncompleteReplace { table }
}

impl<T: Table> IncompleteReplace<T> {
    /// The rows, as for [`insert_into`](super::insert_into)`(...).values(...)`.
    pub fn values<V: IntoInsertRows<T>>(self, rows: V) -> InsertStatement<T, V::Rows, Replace> {
        InsertStatement {
            table: self.table,
            rows: rows.into_rows(),
            conflict: Replace,
            returning: NoReturning,
        }
    }
}
