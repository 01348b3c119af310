use std::marker::PhantomData;

use crate::backend::Backend;
use crate::error::QueryResult;
use crate::query_builder::{AstPass, QueryFragment};

use super::group_by_clause::NoGroupBy;

/// No `.select(...)` yet: the query returns its sources' default selection (all columns).
#[derive(Debug, Clone, Copy, Default)]
pub struct DefaultSelect;

/// An explicit select list `E`, whose row type in this query is `ST`.
#[derive(Debug)]
pub struct SelectClause<E, ST> {
    pub(crate) expr: E,
    _st: PhantomData<ST>,
}

impl<E: Clone, ST> Clone for SelectClause<E, ST> {
    fn clone(&self) -> Self {
        Self::new(self.expr.clone())
    }
}

impl<E, ST> SelectClause<E, ST> {
    pub(crate) fn new(expr: E) -> Self {
        Self {
            expr,
            _st: PhantomData,
        }
    }
}

impl<DB: Backend, E: QueryFragment<DB>, ST> QueryFragment<DB> for SelectClause<E, ST> {
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

impl<F, G, E, ST> SelectRow<F, G> for SelectClause<E, ST> {
    type Row = ST;
}
