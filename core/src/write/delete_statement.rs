use crate::backend::Backend;
use crate::error::QueryResult;
use crate::expression::{NoGroup, NotAggregateInReturning};
use crate::query_builder::{AstPass, QueryFragment};
use crate::query_source::FromClause;
use crate::schema::Table;
use crate::select::{
    AsQuery, DefaultSelect, NoDistinct, NoGroupBy, NoHaving, NoLimit, NoOffset, NoOrder, NoWhere, Query,
    SelectStatement, ValidFilter, ValidSelect, WhereAnd,
};

use super::returning_clause::{NoReturning, Returning};

/// What UPDATE and DELETE act on: a table, or a table with only `.filter(...)` applied.
#[diagnostic::on_unimplemented(
    message = "UPDATE and DELETE act on a table, `table.filter(...)` or `&row` of an `Identifiable` struct, not on a join or on a query with `.select(...)`, `.order_by(...)`, `.limit(...)` or other clauses: this is `{Self}`",
    label = "expected a table, `table.filter(...)` or `&identifiable_row`",
    note = "UPDATE and DELETE take `table` or `table.filter(condition)`; select lists, joins, ordering and limits do not apply"
)]
pub trait IntoWriteTarget {
    /// The table.
    type Table: Table;
    /// Its WHERE clause.
    type Where;
    /// Splits into the table and the WHERE clause.
    fn into_target(self) -> (Self::Table, Self::Where);
}

impl<T: Table> IntoWriteTarget for T {
    type Table = T;
    type Where = NoWhere;
    fn into_target(self) -> (T, NoWhere) {
        (self, NoWhere)
    }
}

impl<T: Table, W> IntoWriteTarget
    for SelectStatement<T, DefaultSelect, NoDistinct, W, NoOrder, NoLimit, NoOffset, NoGroupBy, NoHaving>
{
    type Table = T;
    type Where = W;
    fn into_target(self) -> (T, W) {
        (self.from, self.where_)
    }
}

/// `DELETE FROM table [WHERE …] [RETURNING …]`, built by [`delete`].
#[derive(Debug, Clone, Copy)]
#[must_use = "a DELETE does nothing until it is run with `.execute(&mut conn)`"]
pub struct DeleteStatement<T, W, R = NoReturning> {
    table: T,
    where_: W,
    returning: R,
}

/// `DELETE FROM target`: `target` is a table (every row) or `table.filter(condition)`.
/// `.execute(&mut conn)` returns the number of deleted rows.
///
/// ```
/// # use quarry::prelude::*;
/// # quarry::table! { users (id) { id -> Integer, name -> Text, } }
/// let q = quarry::write::delete(users::table.filter(users::name.eq("Ada")));
/// // DELETE FROM "users" WHERE "users"."name" = ?
/// # let _ = q;
/// ```
pub fn delete<Tgt: IntoWriteTarget>(target: Tgt) -> DeleteStatement<Tgt::Table, Tgt::Where> {
    let (table, where_) = target.into_target();
    DeleteStatement {
        table,
        where_,
        returning: NoReturning,
    }
}

impl<T, W> DeleteStatement<T, W, NoReturning> {
    /// Adds a WHERE condition with AND.
    pub fn filter<P, I>(self, predicate: P) -> DeleteStatement<T, W::And, NoReturning>
    where
        P: ValidFilter<T, I>,
        W: WhereAnd<P>,
    {
        DeleteStatement {
            table: self.table,
            where_: self.where_.and(predicate),
            returning: NoReturning,
        }
    }

    /// `RETURNING expr`: the statement returns the deleted rows' values; load them with
    /// `.load(&mut conn)`. Compiles only for backends with RETURNING.
    pub fn returning<E: ValidSelect<T, NoGroup, I, Row = R, Agg = A>, I, R, A: NotAggregateInReturning>(
        self,
        selection: E,
    ) -> DeleteStatement<T, W, Returning<E, R>> {
        DeleteStatement {
            table: self.table,
            where_: self.where_,
            returning: Returning::new(selection),
        }
    }
}

impl<T, W, E, ST> Query for DeleteStatement<T, W, Returning<E, ST>> {
    type SqlType = ST;
}

impl<T, W, R> crate::select::RunnableQuery for DeleteStatement<T, W, R> {}

impl<T, W, R> AsQuery for DeleteStatement<T, W, R> {
    type Query = Self;
    fn as_query(self) -> Self {
        self
    }
}

impl<DB, T, W, R> QueryFragment<DB> for DeleteStatement<T, W, R>
where
    DB: Backend,
    T: FromClause<DB>,
    W: QueryFragment<DB>,
    R: QueryFragment<DB>,
{
    fn walk_ast<'b>(&'b self, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
        pass.push_sql("DELETE FROM ");
        self.table.walk_from(pass)?;
        self.where_.walk_ast(pass)?;
        self.returning.walk_ast(pass)
    }
}
