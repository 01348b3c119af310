use crate::backend::Backend;
use crate::error::QueryResult;
use crate::query_builder::{AstPass, QueryFragment};
use crate::query_source::{FromClause, QuerySource};
use crate::serialize::ToSql;
use crate::sql_types::BigInt;

use super::distinct_clause::NoDistinct;
use super::group_by_clause::NoGroupBy;
use super::having_clause::NoHaving;
use super::limit_offset_clause::{walk_limit_offset, LimitValue, NoLimit, NoOffset};
use super::locking_clause::NoLocking;
use super::order_clause::NoOrder;
use super::select_clause::{DefaultSelect, SelectClause, SelectRow};
use super::where_clause::NoWhere;

/// A SELECT statement. Its type records every clause, so that each clause can be checked against
/// the others at compile time; methods come from [`QueryDsl`](super::QueryDsl)-style inherent
/// methods and return a statement of a new type.
#[derive(Debug, Clone, Copy)]
#[must_use = "a query does nothing until it is run with `.load(&mut conn)` or similar"]
pub struct SelectStatement<
    F,
    S = DefaultSelect,
    D = NoDistinct,
    W = NoWhere,
    O = NoOrder,
    L = NoLimit,
    Of = NoOffset,
    G = NoGroupBy,
    H = NoHaving,
    Lk = NoLocking,
> {
    pub(crate) from: F,
    pub(crate) select: S,
    pub(crate) distinct: D,
    pub(crate) where_: W,
    pub(crate) order: O,
    pub(crate) limit: L,
    pub(crate) offset: Of,
    pub(crate) group: G,
    pub(crate) having: H,
    pub(crate) locking: Lk,
}

impl<F: QuerySource> SelectStatement<F> {
    /// `SELECT <all columns> FROM from`.
    pub fn new(from: F) -> Self {
        Self {
            from,
            select: DefaultSelect,
            distinct: NoDistinct,
            where_: NoWhere,
            order: NoOrder,
            limit: NoLimit,
            offset: NoOffset,
            group: NoGroupBy,
            having: NoHaving,
            locking: NoLocking,
        }
    }
}

/// A query that returns rows of SQL type `SqlType`.
pub trait Query {
    /// The row's SQL type: a SQL type, a tuple of them, or a table/struct row marker.
    type SqlType;
}

impl<F, S, D, W, O, L, Of, G, H, Lk> Query for SelectStatement<F, S, D, W, O, L, Of, G, H, Lk>
where
    S: SelectRow<F, G>,
{
    type SqlType = S::Row;
}

/// A query usable as a subquery (EXISTS, IN, scalar).
pub trait Subquery: Query {
    /// The enclosing query's tables it refers to (declared with `.correlate(...)`).
    type Outer;
}

impl<F: QuerySource, S, D, W, O, L, Of, G, H, Lk> Subquery for SelectStatement<F, S, D, W, O, L, Of, G, H, Lk>
where
    S: SelectRow<F, G>,
{
    type Outer = F::Outer;
}

/// Writes the select list of a statement reading `F`.
pub trait SelectWalk<F, DB: Backend> {
    /// Writes it.
    fn walk_select<'b>(&'b self, from: &'b F, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()>;
}

impl<F: FromClause<DB>, DB: Backend> SelectWalk<F, DB> for DefaultSelect {
    #[inline]
    fn walk_select<'b>(&'b self, from: &'b F, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
        from.walk_default_selection(pass)
    }
}

impl<F, DB: Backend, E: QueryFragment<DB>, ST, A> SelectWalk<F, DB> for SelectClause<E, ST, A> {
    #[inline]
    fn walk_select<'b>(&'b self, _: &'b F, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
        self.expr.walk_ast(pass)
    }
}

impl<DB, F, S, D, W, O, L, Of, G, H, Lk> QueryFragment<DB> for SelectStatement<F, S, D, W, O, L, Of, G, H, Lk>
where
    DB: Backend,
    F: FromClause<DB>,
    S: SelectWalk<F, DB>,
    D: QueryFragment<DB>,
    W: QueryFragment<DB>,
    O: QueryFragment<DB>,
    L: LimitValue,
    Of: LimitValue,
    G: QueryFragment<DB>,
    H: QueryFragment<DB>,
    Lk: QueryFragment<DB>,
    i64: ToSql<BigInt, DB>,
{
    fn walk_ast<'b>(&'b self, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
        pass.push_sql("SELECT ");
        self.distinct.walk_ast(pass)?;
        self.select.walk_select(&self.from, pass)?;
        pass.push_sql(" FROM ");
        self.from.walk_from(pass)?;
        self.where_.walk_ast(pass)?;
        self.group.walk_ast(pass)?;
        self.having.walk_ast(pass)?;
        self.order.walk_ast(pass)?;
        walk_limit_offset(self.limit.value(), self.offset.value(), pass)?;
        self.locking.walk_ast(pass)
    }
}

/// A statement that can run on its own. A correlated subquery (built with `.correlate(...)`)
/// refers to an enclosing query's tables and cannot.
#[diagnostic::on_unimplemented(
    message = "this correlated subquery cannot run on its own: it refers to the tables of an enclosing query",
    label = "built with `.correlate(...)`",
    note = "embed it with `exists(...)`, `.in_subquery(...)` or `.single_value()`, or drop `.correlate(...)`"
)]
pub trait RunnableQuery {}

impl<F: QuerySource, S, D, W, O, L, Of, G, H, Lk> RunnableQuery
    for SelectStatement<F, S, D, W, O, L, Of, G, H, Lk>
where
    F::Outer: NotCorrelated,
{
}

/// The outer tables of an uncorrelated query: none.
#[diagnostic::on_unimplemented(
    message = "this correlated subquery cannot run on its own: it refers to `{Self}` of an enclosing query",
    label = "built with `.correlate(...)`",
    note = "embed it with `exists(...)`, `.in_subquery(...)` or `.single_value()`, or drop `.correlate(...)`"
)]
pub trait NotCorrelated {}
impl NotCorrelated for () {}
