use crate::backend::Backend;
use crate::error::QueryResult;
use crate::query_builder::{AstPass, QueryFragment};

/// No HAVING.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoHaving;

/// `HAVING predicate`.
#[derive(Debug, Clone, Copy)]
pub struct Having<P>(pub(crate) P);

impl<DB: Backend> QueryFragment<DB> for NoHaving {
    #[inline]
    fn walk_ast<'b>(&'b self, _: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
        Ok(())
    }
}

impl<DB: Backend, P: QueryFragment<DB>> QueryFragment<DB> for Having<P> {
    #[inline]
    fn walk_ast<'b>(&'b self, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
        pass.push_sql(" HAVING ");
        self.0.walk_ast(pass)
    }
}
