use super::{ctx_ty, valid_in_node, Expression};
use crate::backend::Backend;
use crate::error::QueryResult;
use crate::query_builder::{AstPass, QueryFragment};
use crate::sql_types::{NullableIfEither, SqlType, Text};

/// `left || right` (or `CONCAT(left, right)` where the backend spells it so).
#[derive(Debug, Clone, Copy)]
pub struct Concat<L, R> {
    pub(crate) left: L,
    pub(crate) right: R,
}

impl<L, R> Concat<L, R> {
    pub(crate) fn new(left: L, right: R) -> Self {
        Self { left, right }
    }
}

impl<L, R> Expression for Concat<L, R>
where
    L: Expression,
    R: Expression,
    L::SqlType: SqlType,
    R::SqlType: SqlType,
{
    type SqlType = NullableIfEither<Text, L::SqlType, R::SqlType>;
}

valid_in_node!(impl[L, R] Concat<L, R>, L, R =>
    NullableIfEither<Text, ctx_ty!(L, __IA), ctx_ty!(R, __IB)>,
    where ctx_ty!(L, __IA): SqlType, ctx_ty!(R, __IB): SqlType,);

impl<DB: Backend, L: QueryFragment<DB>, R: QueryFragment<DB>> QueryFragment<DB> for Concat<L, R> {
    fn walk_ast<'b>(&'b self, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
        if DB::CONCAT_OPERATOR {
            pass.push_sql("(");
            self.left.walk_ast(pass)?;
            pass.push_sql(" || ");
            self.right.walk_ast(pass)?;
            pass.push_sql(")");
        } else {
            pass.push_sql("CONCAT(");
            self.left.walk_ast(pass)?;
            pass.push_sql(", ");
            self.right.walk_ast(pass)?;
            pass.push_sql(")");
        }
        Ok(())
    }
}
