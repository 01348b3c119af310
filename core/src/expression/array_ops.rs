//! Operators on arrays (PostgreSQL): `@>` (contains), `<@` (is contained by), `&&` (overlaps)
//! and `value = ANY(array)`. Each compiles only for backends implementing
//! [`SupportsArrayOperators`].

use super::{ctx_ty, valid_in_node, Expression};
use crate::backend::SupportsArrayOperators;
use crate::error::QueryResult;
use crate::query_builder::{AstPass, QueryFragment};
use crate::sql_types::{Array, Bool, Nullable, NullableIfEither, SqlType};
use crate::type_level::TBool;

/// SQL types of arrays: `Array<T>` and `Nullable<Array<T>>`; array operators accept them.
#[diagnostic::on_unimplemented(
    message = "this operation needs an array expression (SQL type `Array<_>`), but this expression is `{Self}`",
    label = "not an array"
)]
pub trait ArrayLike: SqlType {
    /// The SQL type of the elements (`T` of `Array<T>`, possibly `Nullable<_>`).
    type Element: SqlType;
}

impl<T: SqlType> ArrayLike for Array<T> {
    type Element = T;
}

impl<T: SqlType> ArrayLike for Nullable<Array<T>> {
    type Element = T;
}

macro_rules! array_binary {
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

        impl<DB, L, R> QueryFragment<DB> for $name<L, R>
        where
            DB: SupportsArrayOperators,
            L: QueryFragment<DB>,
            R: QueryFragment<DB>,
        {
            fn walk_ast<'b>(&'b self, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
                self.left.walk_ast(pass)?;
                pass.push_sql($op);
                self.right.walk_ast(pass)
            }
        }
    )*};
}

array_binary! {
    /// `left @> right`: every element of `right` is in `left`.
    ArrayContains => " @> ";
    /// `left <@ right`: every element of `left` is in `right`.
    ArrayContainedBy => " <@ ";
    /// `left && right`: the arrays have an element in common.
    ArrayOverlaps => " && ";
}

/// `value = ANY(array)`: `value` equals an element of `array`. NULL (not false) when `value`
/// or `array` is NULL, or when no element matches and the array has a NULL element.
#[derive(Debug, Clone, Copy)]
pub struct EqAnyArray<V, A> {
    pub(crate) value: V,
    pub(crate) array: A,
}

impl<V, A> EqAnyArray<V, A> {
    pub(crate) fn new(value: V, array: A) -> Self {
        Self { value, array }
    }
}

/// The type of `value = ANY(array)`: `Bool`, nullable if the value, the array or its elements
/// are.
pub type EqAnyArrayType<V, A> = <<<<V as SqlType>::IsNull as TBool>::Or<<A as SqlType>::IsNull> as TBool>::Or<
    <<A as ArrayLike>::Element as SqlType>::IsNull,
> as TBool>::Nullify<Bool>;

impl<V, A> Expression for EqAnyArray<V, A>
where
    V: Expression,
    A: Expression,
    V::SqlType: SqlType,
    A::SqlType: ArrayLike,
{
    type SqlType = EqAnyArrayType<V::SqlType, A::SqlType>;
}

valid_in_node!(impl[V, A] EqAnyArray<V, A>, V, A =>
    EqAnyArrayType<ctx_ty!(V, __IA), ctx_ty!(A, __IB)>,
    where ctx_ty!(V, __IA): SqlType, ctx_ty!(A, __IB): ArrayLike,);

impl<DB, V, A> QueryFragment<DB> for EqAnyArray<V, A>
where
    DB: SupportsArrayOperators,
    V: QueryFragment<DB>,
    A: QueryFragment<DB>,
{
    fn walk_ast<'b>(&'b self, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
        self.value.walk_ast(pass)?;
        pass.push_sql(" = ANY(");
        self.array.walk_ast(pass)?;
        pass.push_sql(")");
        Ok(())
    }
}
