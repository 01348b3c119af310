use std::marker::PhantomData;

use super::{ctx_ty, valid_in_node, Expression};
use crate::backend::Backend;
use crate::error::QueryResult;
use crate::query_builder::{AstPass, QueryFragment};
use crate::sql_types::{NullableIf, SqlType};

/// `CAST(expr AS type)`; keeps the nullability of `expr`.
#[derive(Debug, Clone, Copy)]
pub struct Cast<E, ST> {
    pub(crate) expr: E,
    _st: PhantomData<ST>,
}

impl<E, ST> Cast<E, ST> {
    pub(crate) fn new(expr: E) -> Self {
        Self {
            expr,
            _st: PhantomData,
        }
    }
}

impl<E: Expression, ST: SqlType> Expression for Cast<E, ST>
where
    E::SqlType: SqlType,
{
    type SqlType = NullableIf<ST::NotNull, E::SqlType>;
}

valid_in_node!(impl[E, ST] Cast<E, ST>, E => NullableIf<<ST as SqlType>::NotNull, ctx_ty!(E, __IA)>,
    where ST: SqlType, ctx_ty!(E, __IA): SqlType,);

impl<DB: Backend, E: QueryFragment<DB>, ST: SqlType> QueryFragment<DB> for Cast<E, ST> {
    fn walk_ast<'b>(&'b self, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
        pass.push_sql("CAST(");
        self.expr.walk_ast(pass)?;
        pass.push_sql(" AS ");
        pass.push_sql(DB::cast_type_name(ST::KIND));
        pass.push_sql(")");
        Ok(())
    }
}
