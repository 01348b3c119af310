use super::{ctx_ty, valid_in_node, Expression};
use crate::backend::Backend;
use crate::error::QueryResult;
use crate::query_builder::{AstPass, QueryFragment};
use crate::sql_types::IntoNullable;

/// An expression seen as nullable (`expr.nullable()`); the SQL is unchanged.
#[derive(Debug, Clone, Copy)]
pub struct AsNullable<E>(pub(crate) E);

impl<E: Expression> Expression for AsNullable<E>
where
    E::SqlType: IntoNullable,
{
    type SqlType = <E::SqlType as IntoNullable>::Nullable;
}

valid_in_node!(impl[E] AsNullable<E>, E => <ctx_ty!(E, __IA) as IntoNullable>::Nullable,
    where ctx_ty!(E, __IA): IntoNullable,);

impl<DB: Backend, E: QueryFragment<DB>> QueryFragment<DB> for AsNullable<E> {
    #[inline]
    fn walk_ast<'b>(&'b self, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
        self.0.walk_ast(pass)
    }
}
