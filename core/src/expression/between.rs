use super::{ctx_ty, valid_in_node, Expression};
use crate::backend::Backend;
use crate::error::QueryResult;
use crate::query_builder::{AstPass, QueryFragment};
use crate::sql_types::{Bool, NullableIf, SqlType};

/// The `low AND high` bounds of BETWEEN.
#[derive(Debug, Clone, Copy)]
pub struct BetweenBounds<A, B>(pub(crate) A, pub(crate) B);

impl<A: Expression, B> Expression for BetweenBounds<A, B> {
    type SqlType = A::SqlType;
}
valid_in_node!(impl[A, B] BetweenBounds<A, B>, A, B => ctx_ty!(A, __IA));

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
        {
            type SqlType = NullableIf<Bool, E::SqlType>;
        }

        impl<E, A, B, C, IE, IB> super::ValidIn<C, (IE, IB)> for $name<E, A, B>
        where
            E: super::ValidIn<C, IE>,
            BetweenBounds<A, B>: super::ValidIn<C, IB>,
            <E as super::ValidIn<C, IE>>::SqlType: SqlType,
            <E as super::ValidIn<C, IE>>::Agg:
                super::CombineAgg<<BetweenBounds<A, B> as super::ValidIn<C, IB>>::Agg>,
        {
            type SqlType = NullableIf<Bool, <E as super::ValidIn<C, IE>>::SqlType>;
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
