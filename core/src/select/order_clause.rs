use std::marker::PhantomData;

use crate::backend::Backend;
use crate::error::QueryResult;
use crate::expression::{AggConst, AggKind, AggPlain};
use crate::query_builder::{AstPass, QueryFragment};

/// No ORDER BY.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoOrder;

/// `ORDER BY terms`, whose aggregate kind is `A` (checked against the select list).
#[derive(Debug, Clone, Copy)]
pub struct OrderBy<O, A = AggPlain>(pub(crate) O, pub(crate) PhantomData<A>);

impl<O, A> OrderBy<O, A> {
    pub(crate) fn new(terms: O) -> Self {
        Self(terms, PhantomData)
    }
}

/// The aggregate kind of a statement's ORDER BY clause.
pub trait OrderAgg {
    /// The kind.
    type Agg: AggKind;
}
impl OrderAgg for NoOrder {
    type Agg = AggConst;
}
impl<O, A: AggKind> OrderAgg for OrderBy<O, A> {
    type Agg = A;
}

/// `ORDER BY first, then` (built by `.then_order_by(...)`).
#[derive(Debug, Clone, Copy)]
pub struct ThenOrderBy<A, B>(pub(crate) A, pub(crate) B);

impl<DB: Backend> QueryFragment<DB> for NoOrder {
    #[inline]
    fn walk_ast<'b>(&'b self, _: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
        Ok(())
    }
}

impl<DB: Backend, O: QueryFragment<DB>, A> QueryFragment<DB> for OrderBy<O, A> {
    #[inline]
    fn walk_ast<'b>(&'b self, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
        pass.push_sql(" ORDER BY ");
        self.0.walk_ast(pass)
    }
}

impl<DB: Backend, A: QueryFragment<DB>, B: QueryFragment<DB>> QueryFragment<DB> for ThenOrderBy<A, B> {
    #[inline]
    fn walk_ast<'b>(&'b self, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
        self.0.walk_ast(pass)?;
        pass.push_sql(", ");
        self.1.walk_ast(pass)
    }
}
