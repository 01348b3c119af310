use super::{ctx_ty, valid_in_node, Expression};
use crate::backend::Backend;
use crate::error::QueryResult;
use crate::query_builder::{AstPass, QueryFragment};
use crate::sql_types::{Bool, NullableIfEither, SqlType};

/// The `low AND high` bounds of BETWEEN.
#[derive(Debug, Clone, Copy)]
pub struct BetweenBounds<A, B>(pub(crate) A, pub(crate) B);

impl<A: Expression, B: Expression> Expression for BetweenBounds<A, B>
where
    A::SqlType: SqlType,
    B::SqlType: SqlType,
{
    // Nullable if either bound is: `x BETWEEN 1 AND NULL` is NULL.
    type SqlType = NullableIfEither<<A::SqlType as SqlType>::NotNull, A::SqlType, B::SqlType>;
}
valid_in_node!(impl[A, B] BetweenBounds<A, B>, A, B =>
    NullableIfEither<<ctx_ty!(A, __IA) as SqlType>::NotNull, ctx_ty!(A, __IA), ctx_ty!(B, __IB)>,
    where ctx_ty!(A, __IA): SqlType, ctx_ty!(B, __IB): SqlType,);

impl<DB: Backend, A: QueryFragment<DB>, B: QueryFragment<DB>> QueryFragment<DB> for BetweenBounds<A, B> {
    fn walk_ast<'b>(&'b self, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
        self.0.walk_ast(pass)?;
        pass.push_sql(" AND ");
        self.1.walk_ast(pass)
    }
}

macro_rules! between {
    ($name:ident, $kw:literal, $doc:literal) => {
        #[doc = $doc]
        #[derive(Debug, Clone, Copy)]
        pub struct $name<E, A, B> {
            pub(crate) expr: E,
            pub(crate) bounds: BetweenBounds<A, B>,
        }

        impl<E, A, B> $name<E, A, B> {
            pub(crate) fn new(expr: E, low: A, high: B) -> Self {
                Self {
                    expr,
                    bounds: BetweenBounds(low, high),
                }
            }
        }

        impl<E: Expression, A, B> Expression for $name<E, A, B>
        where
            E::SqlType: SqlType,
            BetweenBounds<A, B>: Expression,
            <BetweenBounds<A, B> as Expression>::SqlType: SqlType,
        {
            type SqlType = NullableIfEither<Bool, E::SqlType, <BetweenBounds<A, B> as Expression>::SqlType>;
        }

        impl<E, A, B, C, IE, IB> super::ValidIn<C, (IE, IB)> for $name<E, A, B>
        where
            E: super::ValidIn<C, IE>,
            BetweenBounds<A, B>: super::ValidIn<C, IB>,
            <E as super::ValidIn<C, IE>>::SqlType: SqlType,
            <BetweenBounds<A, B> as super::ValidIn<C, IB>>::SqlType: SqlType,
            <E as super::ValidIn<C, IE>>::Agg:
                super::CombineAgg<<BetweenBounds<A, B> as super::ValidIn<C, IB>>::Agg>,
        {
            type SqlType = NullableIfEither<
                Bool,
                <E as super::ValidIn<C, IE>>::SqlType,
                <BetweenBounds<A, B> as super::ValidIn<C, IB>>::SqlType,
            >;
            type Agg = super::Combined<
                <E as super::ValidIn<C, IE>>::Agg,
                <BetweenBounds<A, B> as super::ValidIn<C, IB>>::Agg,
            >;
        }

        impl<DB: Backend, E: QueryFragment<DB>, A: QueryFragment<DB>, B: QueryFragment<DB>> QueryFragment<DB>
            for $name<E, A, B>
        {
            fn walk_ast<'b>(&'b self, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
                self.expr.walk_ast(pass)?;
                pass.push_sql($kw);
                self.bounds.walk_ast(pass)
            }
        }
    };
}

between!(Between, " BETWEEN ", "`expr BETWEEN low AND high`");
between!(NotBetween, " NOT BETWEEN ", "`expr NOT BETWEEN low AND high`");
