use super::{ctx_ty, valid_in_node, Expression};
use crate::error::QueryResult;
use crate::query_builder::{AstPass, QueryFragment};
use crate::sql_types::{Bool, NullableIfEither, SqlType};

/// Boolean binary operators: a struct per operator, its SQL type (nullable if either side is),
/// its validity in a query and its SQL. `backend: Bound;` first limits the operators to backends
/// implementing `Bound` (ILIKE is `backend: SupportsIlike;`); the default is every backend.
macro_rules! comparison {
    ($($(#[$m:meta])* $name:ident => $op:literal;)*) => {
        $crate::expression::comparison::comparison! {
            backend: $crate::backend::Backend;
            $($(#[$m])* $name => $op;)*
        }
    };
    (backend: $bound:path; $($(#[$m:meta])* $name:ident => $op:literal;)*) => {$(
        $(#[$m])*
        #[derive(Debug, Clone, Copy)]
        pub struct $name<L, R> {
            pub(crate) left: L,
            pub(crate) right: R,
        }

        impl<L, R> $name<L, R> {
            #[doc(hidden)]
    pub fn new(left: L, right: R) -> Self {
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

        impl<DB: $bound, L: QueryFragment<DB>, R: QueryFragment<DB>> QueryFragment<DB> for $name<L, R> {
            #[inline]
            fn walk_ast<'b>(&'b self, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
                self.left.walk_ast(pass)?;
                pass.push_sql($op);
                self.right.walk_ast(pass)
            }
        }
    )*};
}
pub(crate) use comparison;

comparison! {
    /// `left = right`
    Eq => " = ";
    /// `left <> right`
    NotEq => " <> ";
    /// `left < right`
    Lt => " < ";
    /// `left <= right`
    LtEq => " <= ";
    /// `left > right`
    Gt => " > ";
    /// `left >= right`
    GtEq => " >= ";
    /// `left LIKE pattern`
    Like => " LIKE ";
    /// `left NOT LIKE pattern`
    NotLike => " NOT LIKE ";
}
