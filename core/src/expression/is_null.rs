use super::{valid_in_node, Expression};
use crate::backend::Backend;
use crate::error::QueryResult;
use crate::query_builder::{AstPass, QueryFragment};
use crate::sql_types::Bool;

macro_rules! null_test {
    ($name:ident, $kw:literal, $doc:literal) => {
        #[doc = $doc]
        #[derive(Debug, Clone, Copy)]
        pub struct $name<E>(pub(crate) E);

        impl<E: Expression> Expression for $name<E> {
            type SqlType = Bool;
        }

        valid_in_node!(impl[E] $name<E>, E => Bool);

        impl<DB: Backend, E: QueryFragment<DB>> QueryFragment<DB> for $name<E> {
            #[inline]
            fn walk_ast<'b>(&'b self, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
                self.0.walk_ast(pass)?;
                pass.push_sql($kw);
                Ok(())
            }
        }
    };
}

null_test!(IsNull, " IS NULL", "`expr IS NULL`");
null_test!(IsNotNull, " IS NOT NULL", "`expr IS NOT NULL`");
