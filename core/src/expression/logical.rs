use super::{ctx_ty, valid_in_node, Expression};
use crate::backend::Backend;
use crate::error::QueryResult;
use crate::query_builder::{AstPass, QueryFragment};
use crate::sql_types::{Bool, NullableIf, NullableIfEither, SqlType};

/// `left AND right`
#[derive(Debug, Clone, Copy)]
pub struct And<L, R> {
    pub(crate) left: L,
    pub(crate) right: R,
}

/// `(left OR right)`
#[derive(Debug, Clone, Copy)]
pub struct Or<L, R> {
    pub(crate) left: L,
    pub(crate) right: R,
}

impl<L, R> And<L, R> {
    #[doc(hidden)]
    pub fn new(left: L, right: R) -> Self {
        Self { left, right }
    }
}

impl<L, R> Or<L, R> {
    pub(crate) fn new(left: L, right: R) -> Self {
        Self { left, right }
    }
}

/// `NOT (expr)`
#[derive(Debug, Clone, Copy)]
pub struct Not<E>(pub(crate) E);

/// `(expr)`: an explicitly parenthesized expression.
#[derive(Debug, Clone, Copy)]
pub struct Parenthesized<E>(pub(crate) E);

macro_rules! bool_binary {
    ($name:ident, $open:literal, $op:literal, $close:literal) => {
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

        impl<DB: Backend, L: QueryFragment<DB>, R: QueryFragment<DB>> QueryFragment<DB> for $name<L, R> {
            #[inline]
            fn walk_ast<'b>(&'b self, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
                pass.push_sql($open);
                self.left.walk_ast(pass)?;
                pass.push_sql($op);
                self.right.walk_ast(pass)?;
                pass.push_sql($close);
                Ok(())
            }
        }
    };
}

bool_binary!(And, "", " AND ", "");
bool_binary!(Or, "(", " OR ", ")");

impl<E: Expression> Expression for Not<E>
where
    E::SqlType: SqlType,
{
    type SqlType = NullableIf<Bool, E::SqlType>;
}

valid_in_node!(impl[E] Not<E>, E => NullableIf<Bool, ctx_ty!(E, __IA)>, where ctx_ty!(E, __IA): SqlType,);

impl<DB: Backend, E: QueryFragment<DB>> QueryFragment<DB> for Not<E> {
    #[inline]
    fn walk_ast<'b>(&'b self, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
        pass.push_sql("NOT (");
        self.0.walk_ast(pass)?;
        pass.push_sql(")");
        Ok(())
    }
}

impl<E: Expression> Expression for Parenthesized<E> {
    type SqlType = E::SqlType;
}

valid_in_node!(impl[E] Parenthesized<E>, E => ctx_ty!(E, __IA));

impl<DB: Backend, E: QueryFragment<DB>> QueryFragment<DB> for Parenthesized<E> {
    #[inline]
    fn walk_ast<'b>(&'b self, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
        pass.push_sql("(");
        self.0.walk_ast(pass)?;
        pass.push_sql(")");
        Ok(())
    }
}
