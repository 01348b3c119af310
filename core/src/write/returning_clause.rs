use std::marker::PhantomData;

use crate::backend::{Backend, SupportsReturning};
use crate::error::QueryResult;
use crate::query_builder::{AstPass, QueryFragment};

/// No RETURNING clause: the statement reports the number of affected rows.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoReturning;

/// `RETURNING expr`, whose rows have SQL type `ST`. Written only for backends that implement
/// [`SupportsReturning`]: elsewhere the statement does not compile.
#[derive(Debug)]
pub struct Returning<E, ST> {
    expr: E,
    _st: PhantomData<ST>,
}

impl<E: Clone, ST> Clone for Returning<E, ST> {
    fn clone(&self) -> Self {
        Self::new(self.expr.clone())
    }
}

impl<E, ST> Returning<E, ST> {
    pub(crate) fn new(expr: E) -> Self {
        Self {
            expr,
            _st: PhantomData,
        }
    }
}

impl<DB: Backend> QueryFragment<DB> for NoReturning {
    #[inline]
    fn walk_ast<'b>(&'b self, _: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
        Ok(())
    }
}

impl<DB: Backend + SupportsReturning, E: QueryFragment<DB>, ST> QueryFragment<DB> for Returning<E, ST> {
    #[inline]
    fn walk_ast<'b>(&'b self, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
        pass.push_sql(" RETURNING ");
        self.expr.walk_ast(pass)
    }
}
