use super::valid_in_node;
use crate::backend::Backend;
use crate::error::QueryResult;
use crate::query_builder::{AstPass, QueryFragment};

macro_rules! order {
    ($name:ident, $kw:literal, $doc:literal) => {
        #[doc = $doc]
        #[derive(Debug, Clone, Copy)]
        pub struct $name<E>(pub(crate) E);

        valid_in_node!(impl[E] $name<E>, E => ());

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

order!(Asc, " ASC", "`expr ASC` in ORDER BY");
order!(Desc, " DESC", "`expr DESC` in ORDER BY");
