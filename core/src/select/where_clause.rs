use crate::backend::Backend;
use crate::error::QueryResult;
use crate::expression::{And, Or};
use crate::query_builder::{AstPass, QueryFragment};

/// No WHERE clause.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoWhere;

/// `WHERE predicate`.
#[derive(Debug, Clone, Copy)]
pub struct Where<P>(pub(crate) P);

impl<P> Where<P> {
    /// `WHERE predicate` (used by `#[derive(Identifiable)]`).
    #[doc(hidden)]
    pub fn new(predicate: P) -> Self {
        Self(predicate)
    }
}

/// Adding a condition to a WHERE clause.
pub trait WhereAnd<P> {
    /// `WHERE old AND p`, or `WHERE p` if there was none.
    type And;
    /// `WHERE (old OR p)`, or `WHERE p` if there was none.
    type Or;
    /// Adds with AND.
    fn and(self, p: P) -> Self::And;
    /// Adds with OR.
    fn or(self, p: P) -> Self::Or;
}

impl<P> WhereAnd<P> for NoWhere {
    type And = Where<P>;
    type Or = Where<P>;
    fn and(self, p: P) -> Where<P> {
        Where(p)
    }
    fn or(self, p: P) -> Where<P> {
        Where(p)
    }
}

impl<W, P> WhereAnd<P> for Where<W> {
    type And = Where<And<W, P>>;
    type Or = Where<Or<W, P>>;
    fn and(self, p: P) -> Self::And {
        Where(And::new(self.0, p))
    }
    fn or(self, p: P) -> Self::Or {
        Where(Or::new(self.0, p))
    }
}

impl<DB: Backend> QueryFragment<DB> for NoWhere {
    #[inline]
    fn walk_ast<'b>(&'b self, _: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
        Ok(())
    }
}

impl<DB: Backend, P: QueryFragment<DB>> QueryFragment<DB> for Where<P> {
    #[inline]
    fn walk_ast<'b>(&'b self, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
        pass.push_sql(" WHERE ");
        self.0.walk_ast(pass)
    }
}
