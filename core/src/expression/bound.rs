use std::marker::PhantomData;

use super::{AggConst, Expression, ValidIn};
use crate::backend::Backend;
use crate::error::QueryResult;
use crate::query_builder::{AstPass, QueryFragment};
use crate::serialize::ToSql;
use crate::sql_types::*;

/// A Rust value used in a query, always sent as a bound parameter (never spliced into the SQL).
#[derive(Debug, Clone, Copy)]
pub struct Bound<ST, T> {
    value: T,
    _st: PhantomData<ST>,
}

impl<ST, T> Bound<ST, T> {
    /// Wraps `value` as a bound parameter of SQL type `ST`.
    pub fn new(value: T) -> Self {
        Self {
            value,
            _st: PhantomData,
        }
    }
}

impl<ST: 'static, T> Expression for Bound<ST, T> {
    type SqlType = ST;
}

impl<ST, T, C> ValidIn<C, ()> for Bound<ST, T> {
    type SqlType = ST;
    type Agg = AggConst;
}

impl<DB: Backend, ST, T: ToSql<ST, DB>> QueryFragment<DB> for Bound<ST, T> {
    #[inline]
    fn walk_ast<'b>(&'b self, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
        pass.push_bind::<ST, T>(&self.value)
    }

    #[inline]
    fn is_single_bind(&self) -> bool {
        true
    }
}

/// A Rust value or an expression that can stand where SQL type `ST` is expected.
///
/// Rust values become [`Bound`] parameters; expressions are used as they are when their SQL type
/// is compatible (equal up to nullability).
#[diagnostic::on_unimplemented(
    message = "mismatched types: expected a value or expression of SQL type `{ST}`, found `{Self}`",
    label = "`{Self}` cannot stand for a SQL `{ST}`",
    note = "a Rust value takes the SQL type of the column it is compared with or assigned to (i32 for Integer, &str/String for Text, Option<_> for Nullable, ...); a column or expression must have that SQL type, up to nullability"
)]
pub trait AsExpression<ST> {
    /// The expression this becomes.
    type Expression: Expression;
    /// Converts into the expression.
    fn as_expression(self) -> Self::Expression;
}

#[diagnostic::do_not_recommend]
impl<E, ST> AsExpression<ST> for E
where
    E: Expression,
    E::SqlType: Compatible<ST, Keep<E> = E>,
{
    // `Keep<E>` is `E`; spelled through `Compatible` so that a mismatch leaves it unresolved and
    // rustc reports the mistake once, here, instead of again in every clause the value reaches.
    type Expression = <E::SqlType as Compatible<ST>>::Keep<E>;
    #[inline]
    fn as_expression(self) -> Self::Expression {
        self
    }
}

/// A Rust value or an expression that stands on its own (no column to take a type from): Rust
/// values get the SQL type that corresponds to their Rust type (`&str` is `Text`, `i32` is
/// `Integer`, …). Used where there is no left-hand side, such as the branches of `case_when`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be used as a SQL value here",
    label = "expected a column, a SQL expression, or a Rust value with a SQL counterpart"
)]
pub trait IntoExpression {
    /// The expression this becomes.
    type Expression: Expression;
    /// Converts into the expression.
    fn into_expression(self) -> Self::Expression;
}

impl<E: Expression> IntoExpression for E {
    type Expression = E;
    #[inline]
    fn into_expression(self) -> E {
        self
    }
}

/// `Self` is `B` or `Nullable<B>`.
pub trait HasBase<B> {}
impl<B: SqlType<IsNull = crate::type_level::False>> HasBase<B> for B {}
impl<B: SqlType<IsNull = crate::type_level::False>> HasBase<B> for Nullable<B> {}

macro_rules! value_as_expression {
    ($([$($lt:lifetime)?] $rust:ty => $st:ty;)*) => {$(
        #[diagnostic::do_not_recommend]
        impl<$($lt)?> AsExpression<$st> for $rust {
            type Expression = Bound<$st, $rust>;
            #[inline]
            fn as_expression(self) -> Self::Expression {
                Bound::new(self)
            }
        }
        crate::insertable_field! { [$($lt)?] $rust => $st; }
        impl<$($lt)?> IntoExpression for $rust {
            type Expression = Bound<$st, $rust>;
            #[inline]
            fn into_expression(self) -> Self::Expression {
                Bound::new(self)
            }
        }
        #[diagnostic::do_not_recommend]
        impl<$($lt)?> AsExpression<Nullable<$st>> for $rust {
            type Expression = Bound<$st, $rust>;
            #[inline]
            fn as_expression(self) -> Self::Expression {
                Bound::new(self)
            }
        }
    )*};
}

value_as_expression! {
    [] i8 => TinyInt;
    [] u8 => Unsigned<TinyInt>;
    [] u16 => Unsigned<SmallInt>;
    [] u32 => Unsigned<Integer>;
    [] u64 => Unsigned<BigInt>;
    [] i16 => SmallInt;
    [] i32 => Integer;
    [] i64 => BigInt;
    [] f32 => Float;
    [] f64 => Double;
    [] String => Text;
    ['a] &'a str => Text;
    ['a] &'a String => Text;
    [] Vec<u8> => Binary;
    ['a] &'a [u8] => Binary;
    [] bool => Bool;
}

#[cfg(feature = "chrono")]
value_as_expression! {
    [] chrono::NaiveDate => Date;
    [] chrono::NaiveTime => Time;
    [] chrono::NaiveDateTime => Timestamp;
    [] chrono::DateTime<chrono::Utc> => Timestamptz;
    [] chrono::DateTime<chrono::FixedOffset> => Timestamptz;
}

/// A `Vec` or slice is an array value (`Array<ST>`, PostgreSQL); its elements must convert to
/// `ST` when it is bound.
#[diagnostic::do_not_recommend]
impl<T, ST: SqlType> AsExpression<Array<ST>> for Vec<T> {
    type Expression = Bound<Array<ST>, Vec<T>>;
    #[inline]
    fn as_expression(self) -> Self::Expression {
        Bound::new(self)
    }
}
#[diagnostic::do_not_recommend]
impl<T, ST: SqlType> AsExpression<Nullable<Array<ST>>> for Vec<T> {
    type Expression = Bound<Array<ST>, Vec<T>>;
    #[inline]
    fn as_expression(self) -> Self::Expression {
        Bound::new(self)
    }
}
#[diagnostic::do_not_recommend]
impl<'a, T, ST: SqlType> AsExpression<Array<ST>> for &'a [T] {
    type Expression = Bound<Array<ST>, &'a [T]>;
    #[inline]
    fn as_expression(self) -> Self::Expression {
        Bound::new(self)
    }
}
#[diagnostic::do_not_recommend]
impl<'a, T, ST: SqlType> AsExpression<Nullable<Array<ST>>> for &'a [T] {
    type Expression = Bound<Array<ST>, &'a [T]>;
    #[inline]
    fn as_expression(self) -> Self::Expression {
        Bound::new(self)
    }
}

#[cfg(feature = "time")]
value_as_expression! {
    [] time::Date => Date;
    [] time::Time => Time;
    [] time::PrimitiveDateTime => Timestamp;
    [] time::OffsetDateTime => Timestamptz;
}

#[cfg(feature = "rust_decimal")]
value_as_expression! {
    [] rust_decimal::Decimal => Decimal;
}

#[cfg(feature = "uuid")]
value_as_expression! {
    [] uuid::Uuid => Uuid;
}

/// `serde_json::Value` is JSON or JSONB, whichever the column is.
#[cfg(feature = "serde_json")]
mod json_values {
    use super::{AsExpression, Bound, Nullable};
    use crate::sql_types::{Json, Jsonb};

    macro_rules! json_as_expression {
        ($($st:ident)*) => {$(
            #[diagnostic::do_not_recommend]
            impl AsExpression<$st> for serde_json::Value {
                type Expression = Bound<$st, serde_json::Value>;
                fn as_expression(self) -> Self::Expression {
                    Bound::new(self)
                }
            }
            #[diagnostic::do_not_recommend]
            impl AsExpression<Nullable<$st>> for serde_json::Value {
                type Expression = Bound<$st, serde_json::Value>;
                fn as_expression(self) -> Self::Expression {
                    Bound::new(self)
                }
            }
            crate::insertable_field! {
                [] serde_json::Value => $st;
                ['a] &'a serde_json::Value => $st;
            }
            #[diagnostic::do_not_recommend]
            impl<'a> AsExpression<$st> for &'a serde_json::Value {
                type Expression = Bound<$st, &'a serde_json::Value>;
                fn as_expression(self) -> Self::Expression {
                    Bound::new(self)
                }
            }
        )*};
    }
    json_as_expression!(Json Jsonb);
}

#[diagnostic::do_not_recommend]
impl<T, ST> AsExpression<Nullable<ST>> for Option<T>
where
    T: AsExpression<ST>,
    ST: SqlType<IsNull = crate::type_level::False>,
{
    type Expression = Bound<Nullable<ST>, Option<T>>;
    #[inline]
    fn as_expression(self) -> Self::Expression {
        Bound::new(self)
    }
}
