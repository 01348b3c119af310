//! `ILIKE` / `NOT ILIKE`: case-insensitive pattern matching (PostgreSQL).

use super::{ctx_ty, valid_in_node, Expression};
use crate::backend::SupportsIlike;
use crate::error::QueryResult;
use crate::query_builder::{AstPass, QueryFragment};
use crate::sql_types::{Bool, NullableIfEither, SqlType};

macro_rules! ilike {
    ($($(#[$m:meta])* $name:ident => $op:literal;)*) => {$(
        $(#[$m])*
        #[derive(Debug, Clone, Copy)]
        pub struct $name<L, R> {
            pub(crate) left: L,
            pub(crate) right: R,
        }

        impl<L, R> $name<L, R> {
            pub(crate) fn new(left: L, right: R) -> Self {
                Self { left, right }
            }
        }

        impl<L, R> Expression for $name<L, R>
        where
            L: Expression,
            R: Expression,
            L::SqlType: SqlType,
            R::SqlType: SqlType,
        {
            type SqlType = NullableIfEither<Bool, L::SqlType, R::SqlType>;
        }

        valid_in_node!(impl[L, R] $name<L, R>, L, R =>
            NullableIfEither<Bool, ctx_ty!(L, __IA), ctx_ty!(R, __IB)>,
            where ctx_ty!(L, __IA): SqlType, ctx_ty!(R, __IB): SqlType,);

        impl<DB: SupportsIlike, L: QueryFragment<DB>, R: QueryFragment<DB>> QueryFragment<DB> for $name<L, R> {
            #[inline]
            fn walk_ast<'b>(&'b self, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
                self.left.walk_ast(pass)?;
                pass.push_sql($op);
                self.right.walk_ast(pass)
            }
        }
    )*};
}

ilike! {
    /// `left ILIKE pattern`: LIKE ignoring case (PostgreSQL; [`SupportsIlike`]).
    ILike => " ILIKE ";
    /// `left NOT ILIKE pattern` (PostgreSQL; [`SupportsIlike`]).
    NotILike => " NOT ILIKE ";
}
