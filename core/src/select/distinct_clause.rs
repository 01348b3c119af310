use crate::backend::Backend;
use crate::error::QueryResult;
use crate::query_builder::{AstPass, QueryFragment};

/// No DISTINCT.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoDistinct;

/// `SELECT DISTINCT`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Distinct;

// The DISTINCT clause writes itself right after `SELECT ` (and ends with a space when present);
// `DISTINCT ON (…)` is in `distinct_on_clause.rs`.

impl<DB: Backend> QueryFragment<DB> for NoDistinct {
    #[inline]
    fn walk_ast<'b>(&'b self, _: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
        Ok(())
    }
}

impl<DB: Backend> QueryFragment<DB> for Distinct {
    #[inline]
    fn walk_ast<'b>(&'b self, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
        pass.push_sql("DISTINCT ");
        Ok(())
    }
}
