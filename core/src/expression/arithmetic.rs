use super::{ctx_ty, valid_in_node, Expression};
use crate::backend::Backend;
use crate::error::QueryResult;
use crate::query_builder::{AstPass, QueryFragment};
use crate::sql_types::Nullable;
use crate::sql_types::{NullableIfEither, Numeric, SqlType};

macro_rules! arithmetic {
    ($($(#[$m:meta])* $name:ident => $op:literal, $out:ident;)*) => {$(
        $(#[$m])*
        #[derive(Debug, Clone, Copy)]
        pub struct $name<L, R> {
            pub(crate) left: L,
            pub(crate) right: R,
        }

        impl<L, R> $name<L, R> {
            /// Builds the node; used by the operator impls the schema macro generates.
            pub fn new(left: L, right: R) -> Self {
                Self { left, right }
            }
        }

        impl<L, R> Expression for $name<L, R>
        where
            L: Expression,
            R: Expression,
            L::SqlType: Numeric,
            R::SqlType: SqlType,
        {
            type SqlType = $out<<L::SqlType as SqlType>::NotNull, L::SqlType, R::SqlType>;
        }

        valid_in_node!(impl[L, R] $name<L, R>, L, R =>
            $out<<ctx_ty!(L, __IA) as SqlType>::NotNull, ctx_ty!(L, __IA), ctx_ty!(R, __IB)>,
            where ctx_ty!(L, __IA): SqlType, ctx_ty!(R, __IB): SqlType,);

        arithmetic!(@sql $name, $op);
    )*};
    // The operator of a division depends on the backend and the left operand's type (MySQL
    // divides integers with `DIV`; its `/` returns a DECIMAL): `Backend::division_operator`.
    (@sql Div, $op:literal) => {
        impl<DB: Backend, L: QueryFragment<DB> + Expression, R: QueryFragment<DB>> QueryFragment<DB> for Div<L, R>
        where
            L::SqlType: SqlType,
        {
            #[inline]
            fn walk_ast<'b>(&'b self, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
                pass.push_sql("(");
                self.left.walk_ast(pass)?;
                pass.push_sql(DB::division_operator(<L::SqlType as SqlType>::KIND));
                self.right.walk_ast(pass)?;
                pass.push_sql(")");
                Ok(())
            }
        }
    };
    (@sql $name:ident, $op:literal) => {
        impl<DB: Backend, L: QueryFragment<DB>, R: QueryFragment<DB>> QueryFragment<DB> for $name<L, R> {
            #[inline]
            fn walk_ast<'b>(&'b self, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
                pass.push_sql("(");
                self.left.walk_ast(pass)?;
                pass.push_sql($op);
                self.right.walk_ast(pass)?;
                pass.push_sql(")");
                Ok(())
            }
        }
    };
}

/// The type of a division: always nullable, since SQLite and MySQL return NULL for a division
/// by zero.
type AlwaysNullable<ST, A, B> = <(A, B) as DivisionOf<ST>>::Out;

/// The result type of dividing values of types `A` and `B` (a tuple `(A, B)`) in type `ST`.
pub trait DivisionOf<ST> {
    /// `Nullable<ST>`.
    type Out;
}
impl<A, B, ST> DivisionOf<ST> for (A, B) {
    type Out = Nullable<ST>;
}

arithmetic! {
    /// `(left + right)`
    Add => " + ", NullableIfEither;
    /// `(left - right)`
    Sub => " - ", NullableIfEither;
    /// `(left * right)`
    Mul => " * ", NullableIfEither;
    /// `(left / right)`: nullable, because a division by zero is NULL on SQLite and MySQL.
    Div => " / ", AlwaysNullable;
}

/// The right-hand side of arithmetic on `L`: a value or expression of `L`'s SQL type, where that
/// type is numeric.
#[diagnostic::on_unimplemented(
    message = "cannot do arithmetic on `{L}` with `{Self}`",
    label = "arithmetic needs numeric SQL types on both sides, of the same type",
    note = "arithmetic works on columns of SQL type SmallInt, Integer, BigInt, Float or Double"
)]
pub trait ArithmeticRhs<L> {
    /// The right side as an expression.
    type Expression;
    /// Converts.
    fn into_rhs(self) -> Self::Expression;
}

impl<L, R> ArithmeticRhs<L> for R
where
    L: Expression,
    L::SqlType: Numeric,
    R: super::AsExpression<L::SqlType>,
{
    type Expression = R::Expression;
    #[inline]
    fn into_rhs(self) -> Self::Expression {
        self.as_expression()
    }
}

/// Generates `+ - * /` operator impls for an expression type (used by the schema macro for
/// columns, and here for the arithmetic nodes themselves so that `a + b + c` works).
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_arithmetic_ops {
    (impl[$($g:tt)*] $ty:ty) => {
        $crate::__impl_arithmetic_ops!(@op [$($g)*] $ty, Add, add);
        $crate::__impl_arithmetic_ops!(@op [$($g)*] $ty, Sub, sub);
        $crate::__impl_arithmetic_ops!(@op [$($g)*] $ty, Mul, mul);
        $crate::__impl_arithmetic_ops!(@op [$($g)*] $ty, Div, div);
    };
    (@op [$($g:tt)*] $ty:ty, $Tr:ident, $m:ident) => {
        impl<$($g)* __Rhs> ::core::ops::$Tr<__Rhs> for $ty
        where
            __Rhs: $crate::expression::ArithmeticRhs<Self>,
        {
            type Output = $crate::expression::$Tr<Self, <__Rhs as $crate::expression::ArithmeticRhs<Self>>::Expression>;
            #[inline]
            fn $m(self, rhs: __Rhs) -> Self::Output {
                $crate::expression::$Tr::new(self, rhs.into_rhs())
            }
        }
    };
}

crate::__impl_arithmetic_ops!(impl[L, R,] Add<L, R>);
crate::__impl_arithmetic_ops!(impl[L, R,] Sub<L, R>);
crate::__impl_arithmetic_ops!(impl[L, R,] Mul<L, R>);
crate::__impl_arithmetic_ops!(impl[L, R,] Div<L, R>);
