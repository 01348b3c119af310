//! `INSERT … ON DUPLICATE KEY UPDATE …` (MySQL, MariaDB): when a row's primary or unique key
//! already exists, the existing row is updated instead; [`inserted`] names the value the INSERT
//! proposed for a column (`VALUES(col)`).

use std::marker::PhantomData;

use crate::backend::{Backend, SupportsOnDuplicateKeyUpdate};
use crate::error::QueryResult;
use crate::expression::{AggConst, Ctx, Expression, NoGroup, ValidIn};
use crate::query_builder::{AstPass, QueryFragment};
use crate::schema::Column;

use super::assignment::{AssignmentFragment, AssignmentList};
use super::insert_statement::{InsertStatement, ValuesRows};
use super::returning_clause::NoReturning;
use super::upsert::{InsertedTable, NoConflictClause, UpsertSource};

/// `ON DUPLICATE KEY UPDATE …`.
#[derive(Debug, Clone, Copy)]
pub struct OnDuplicateKeyUpdate<S> {
    set: S,
}

impl<DB, S> QueryFragment<DB> for OnDuplicateKeyUpdate<S>
where
    DB: SupportsOnDuplicateKeyUpdate,
    S: AssignmentFragment<DB>,
{
    fn walk_ast<'b>(&'b self, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
        pass.push_sql(" ON DUPLICATE KEY UPDATE ");
        self.set.walk_assign(pass)
    }
}

impl<T, Rows> InsertStatement<T, Rows, NoConflictClause, NoReturning> {
    /// `ON DUPLICATE KEY UPDATE assignments` (MySQL, MariaDB): a row whose primary or unique
    /// key exists already updates that row instead. The values may use the existing row's
    /// columns and [`inserted(column)`](inserted), the value this INSERT proposed. Other
    /// backends reject the statement at compile time (they spell it `.on_conflict(...)`).
    ///
    /// ```
    /// # use quarry::prelude::*;
    /// # quarry::table! { counters (name) { name -> Text, hits -> Integer, } }
    /// let stmt = insert_into(counters::table)
    ///     .values((counters::name.eq("home"), counters::hits.eq(1)))
    ///     .on_duplicate_key_update(counters::hits.eq(counters::hits + inserted(counters::hits)));
    /// // INSERT INTO `counters` (`name`, `hits`) VALUES (?, ?)
    /// //   ON DUPLICATE KEY UPDATE `hits` = (`counters`.`hits` + VALUES(`hits`))
    /// # let _ = stmt;
    /// ```
    ///
    /// On MySQL the affected-row count is 1 for each inserted row and 2 for each updated one.
    pub fn on_duplicate_key_update<S, I>(
        self,
        assignments: S,
    ) -> InsertStatement<T, Rows, OnDuplicateKeyUpdate<S>>
    where
        Rows: ValuesRows,
        S: AssignmentList<UpsertSource<T>, I>,
    {
        InsertStatement {
            table: self.table,
            rows: self.rows,
            conflict: OnDuplicateKeyUpdate { set: assignments },
            returning: NoReturning,
        }
    }
}

/// `VALUES(column)`: inside `on_duplicate_key_update(...)`, the value the INSERT proposed for
/// `column`. See [`inserted`].
#[derive(Debug)]
pub struct Inserted<C>(PhantomData<C>);

impl<C> Clone for Inserted<C> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<C> Copy for Inserted<C> {}

/// `inserted(column)`: in `.on_duplicate_key_update(...)`, the value the INSERT proposed for
/// `column` (written `VALUES(column)`, which MySQL and MariaDB both accept).
pub fn inserted<C: Column>(column: C) -> Inserted<C> {
    let _ = column;
    Inserted(PhantomData)
}

impl<C: Column> Expression for Inserted<C> {
    type SqlType = C::SqlType;
}

impl<C: Column, T> ValidIn<Ctx<UpsertSource<T>, NoGroup>, ()> for Inserted<C>
where
    C::Table: InsertedTable<T>,
{
    type SqlType = C::SqlType;
    type Agg = AggConst;
}

impl<C: Column, DB: Backend + SupportsOnDuplicateKeyUpdate> QueryFragment<DB> for Inserted<C> {
    fn walk_ast<'b>(&'b self, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
        pass.push_sql("VALUES(");
        pass.push_identifier(C::NAME);
        pass.push_sql(")");
        Ok(())
    }
}

crate::__impl_arithmetic_ops!(impl[C,] Inserted<C>);
