use std::marker::PhantomData;

use crate::backend::Backend;
use crate::error::QueryResult;
use crate::expression::{AggConst, AggKind, AggPlain};
use crate::query_builder::{AstPass, QueryFragment};

use super::group_by_clause::NoGroupBy;

/// No `.select(...)` yet: the query returns its sources' default selection (all columns).
#[derive(Debug, Clone, Copy, Default)]
pub struct DefaultSelect;

/// An explicit select list `E`, whose row type in this query is `ST` and whose aggregate kind is
/// `A` (checked against ORDER BY).
#[derive(Debug)]
pub struct SelectClause<E, ST, A = AggPlain> {
    pub(crate) expr: E,
    _st: PhantomData<(ST, A)>,
}

impl<E: Clone, ST, A> Clone for SelectClause<E, ST, A> {
    fn clone(&self) -> Self {
        Self::new(self.expr.clone())
    }
}

impl<E, ST, A> SelectClause<E, ST, A> {
    pub(crate) fn new(expr: E) -> Self {
        Self {
            expr,
            _st: PhantomData,
        }
    }
}

impl<DB: Backend, E: QueryFragment<DB>, ST, A> QueryFragment<DB> for SelectClause<E, ST, A> {
    #[inline]
    fn walk_ast<'b>(&'b self, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
        self.expr.walk_ast(pass)
    }
}

/// The row type a select clause produces for sources `F` and GROUP BY clause `G`.
#[diagnostic::on_unimplemented(
    message = "a grouped query must say what it selects",
    label = "no `.select(...)` after `.group_by(...)`",
    note = "call `.select(...)` with the grouped columns and aggregates, e.g. `.group_by(users::id).select((users::id, count_star()))`"
)]
pub trait SelectRow<F, G> {
    /// The row type.
    type Row;
}

impl<F: crate::query_source::QuerySource> SelectRow<F, NoGroupBy> for DefaultSelect {
    type Row = F::DefaultRow;
}

impl<F, G, E, ST, A> SelectRow<F, G> for SelectClause<E, ST, A> {
    type Row = ST;
}

/// The aggregate kind of a statement's select list, under GROUP BY clause `G`.
pub trait SelectAgg<G> {
    /// The kind.
    type Agg: AggKind;
}
impl SelectAgg<NoGroupBy> for DefaultSelect {
    // All columns, per row.
    type Agg = AggPlain;
}
impl<G> SelectAgg<super::group_by_clause::GroupBy<G>> for DefaultSelect {
    // Not selected yet: `.select(...)` is required and checked then.
    type Agg = AggConst;
}
impl<G, E, ST, A: AggKind> SelectAgg<G> for SelectClause<E, ST, A> {
    type Agg = A;
}
