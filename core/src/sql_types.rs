//! SQL types as zero-sized marker types.
//!
//! Every expression carries one of these as its `SqlType`; Rust values convert to and from them
//! through [`crate::serialize::ToSql`] and [`crate::deserialize::FromSql`], implemented by each
//! backend.

use std::marker::PhantomData;

use crate::type_level::{False, TBool, True};

/// The kind of a SQL type, as data (for casts, metadata and introspection).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SqlTypeKind {
    /// 8-bit integer.
    TinyInt,
    /// 16-bit integer.
    SmallInt,
    /// 32-bit integer.
    Integer,
    /// 64-bit integer.
    BigInt,
    /// 32-bit float.
    Float,
    /// 64-bit float.
    Double,
    /// Text.
    Text,
    /// Binary data.
    Binary,
    /// Boolean.
    Bool,
    /// Calendar date.
    Date,
    /// Time of day.
    Time,
    /// Date and time without time zone.
    Timestamp,
    /// An instant (date and time with time zone).
    Timestamptz,
    /// A time span.
    Interval,
    /// Exact decimal number.
    Decimal,
    /// UUID.
    Uuid,
    /// JSON stored as text.
    Json,
    /// JSON stored in a binary, indexable form (PostgreSQL `jsonb`).
    Jsonb,
    /// A one-dimensional array of the given element type.
    Array(&'static SqlTypeKind),
    /// A user-defined type (an enum declared in the database), by its SQL name.
    Custom(&'static str),
    /// The unsigned variant of the given integer type (MySQL `… UNSIGNED`).
    Unsigned(&'static SqlTypeKind),
}

/// A SQL type: implemented by the marker types of this module.
#[diagnostic::on_unimplemented(message = "`{Self}` is not a SQL type")]
pub trait SqlType: 'static {
    /// [`True`] for `Nullable<_>`, [`False`] otherwise.
    type IsNull: TBool;
    /// The type without `Nullable`.
    type NotNull: SqlType<IsNull = False>;
    /// The kind, as data.
    const KIND: SqlTypeKind;
}

/// `Nullable<T>`: a value of SQL type `T` or NULL. Loads into `Option<_>`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Nullable<T>(PhantomData<T>);

impl<T: SqlType<IsNull = False>> SqlType for Nullable<T> {
    type IsNull = True;
    type NotNull = T;
    const KIND: SqlTypeKind = T::KIND;
}

/// A single SQL value (as opposed to a row of several columns).
pub trait SingleValue: SqlType {}
impl<T: SqlType> SingleValue for T {}

/// Types that have a nullable counterpart: SQL types and row types.
pub trait IntoNullable: 'static {
    /// The nullable counterpart (`Nullable<T>` for a value, `NullableRow<T>` for a row).
    type Nullable;
}

impl<T: SqlType> IntoNullable for T {
    type Nullable = Nullable<T::NotNull>;
}

/// A whole row that may be absent (the right side of a LEFT JOIN). Loads into `Option<Struct>`.
#[derive(Debug, Clone, Copy, Default)]
pub struct NullableRow<T>(PhantomData<T>);

impl<T: 'static> IntoNullable for NullableRow<T> {
    type Nullable = Self;
}

/// The row of all the columns of table `T`, in declaration order.
#[derive(Debug, Clone, Copy, Default)]
pub struct RowOf<T>(PhantomData<T>);

impl<T: 'static> IntoNullable for RowOf<T> {
    type Nullable = NullableRow<Self>;
}

/// The row selected by `U::as_select()` for a struct `U` deriving `Selectable`.
#[derive(Debug, Clone, Copy, Default)]
pub struct SelectionOf<U>(PhantomData<U>);

impl<U: 'static> IntoNullable for SelectionOf<U> {
    type Nullable = NullableRow<Self>;
}

macro_rules! sql_types {
    ($($(#[$m:meta])* $name:ident => $kind:ident;)*) => {$(
        $(#[$m])*
        #[derive(Debug, Clone, Copy, Default)]
        pub struct $name;
        impl SqlType for $name {
            type IsNull = False;
            type NotNull = $name;
            const KIND: SqlTypeKind = SqlTypeKind::$kind;
        }
    )*};
}

sql_types! {
    /// `TINYINT` (MySQL): loads into `i8`.
    TinyInt => TinyInt;
    /// `SMALLINT`: loads into `i16`.
    SmallInt => SmallInt;
    /// `INTEGER`: loads into `i32`.
    Integer => Integer;
    /// `BIGINT`: loads into `i64`.
    BigInt => BigInt;
    /// `REAL` / `FLOAT`: loads into `f32`.
    Float => Float;
    /// `DOUBLE PRECISION`: loads into `f64`.
    Double => Double;
    /// `TEXT` / `VARCHAR`: loads into `String`.
    Text => Text;
    /// `BLOB` / `BYTEA`: loads into `Vec<u8>`.
    Binary => Binary;
    /// `BOOLEAN`: loads into `bool`.
    Bool => Bool;
    /// `DATE`: loads into `chrono::NaiveDate` (feature `chrono`).
    Date => Date;
    /// `TIME`: loads into `chrono::NaiveTime` (feature `chrono`).
    Time => Time;
    /// `TIMESTAMP`: loads into `chrono::NaiveDateTime` (feature `chrono`).
    Timestamp => Timestamp;
    /// `TIMESTAMPTZ` (`TIMESTAMP WITH TIME ZONE`): loads into `chrono::DateTime<Utc>` or
    /// `time::OffsetDateTime` (PostgreSQL, features `chrono` / `time`).
    Timestamptz => Timestamptz;
    /// `INTERVAL`: loads into the backend's interval type (PostgreSQL).
    Interval => Interval;
    /// `NUMERIC` / `DECIMAL`: loads into `rust_decimal::Decimal` (feature `rust_decimal`).
    Decimal => Decimal;
    /// `UUID`: loads into `uuid::Uuid` (feature `uuid`).
    Uuid => Uuid;
    /// `JSON`: loads into `serde_json::Value` (feature `serde_json`).
    Json => Json;
    /// `JSONB`: loads into `serde_json::Value` (PostgreSQL, feature `serde_json`).
    Jsonb => Jsonb;
}

/// `T UNSIGNED` (MySQL): the unsigned variant of an integer type. `Unsigned<TinyInt>`,
/// `Unsigned<SmallInt>`, `Unsigned<Integer>` and `Unsigned<BigInt>` load into `u8`, `u16`,
/// `u32` and `u64`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Unsigned<T>(PhantomData<T>);

impl<T: SqlType<IsNull = False>> SqlType for Unsigned<T> {
    type IsNull = False;
    type NotNull = Unsigned<T>;
    const KIND: SqlTypeKind = SqlTypeKind::Unsigned(&T::KIND);
}

impl<T: SqlType<IsNull = False>> Compatible<Unsigned<T>> for Unsigned<T> {
    type Keep<E> = E;
}
impl<T: SqlType<IsNull = False>> Compatible<Nullable<Unsigned<T>>> for Unsigned<T> {
    type Keep<E> = E;
}
impl<T: SqlType<IsNull = False>> Compatible<Unsigned<T>> for Nullable<Unsigned<T>> {
    type Keep<E> = E;
}
impl<T: SqlType<IsNull = False>> Compatible<Nullable<Unsigned<T>>> for Nullable<Unsigned<T>> {
    type Keep<E> = E;
}
impl<T: SqlType<IsNull = False>> AssignableTo<Unsigned<T>> for Unsigned<T> {}
impl<T: SqlType<IsNull = False>> AssignableTo<Nullable<Unsigned<T>>> for Unsigned<T> {}
impl<T: SqlType<IsNull = False>> AssignableTo<Nullable<Unsigned<T>>> for Nullable<Unsigned<T>> {}

/// `T[]`: a one-dimensional array of `T` (PostgreSQL); loads into `Vec<_>`. Use
/// `Array<Nullable<T>>` for arrays whose elements may be NULL (`Vec<Option<_>>`).
#[derive(Debug, Clone, Copy, Default)]
pub struct Array<T>(PhantomData<T>);

impl<T: SqlType> SqlType for Array<T> {
    type IsNull = False;
    type NotNull = Array<T>;
    const KIND: SqlTypeKind = SqlTypeKind::Array(&T::KIND);
}

impl<T: SqlType> Compatible<Array<T>> for Array<T> {
    type Keep<E> = E;
}
impl<T: SqlType> Compatible<Nullable<Array<T>>> for Array<T> {
    type Keep<E> = E;
}
impl<T: SqlType> Compatible<Array<T>> for Nullable<Array<T>> {
    type Keep<E> = E;
}
impl<T: SqlType> Compatible<Nullable<Array<T>>> for Nullable<Array<T>> {
    type Keep<E> = E;
}
impl<T: SqlType> AssignableTo<Array<T>> for Array<T> {}
impl<T: SqlType> AssignableTo<Nullable<Array<T>>> for Array<T> {}
impl<T: SqlType> AssignableTo<Nullable<Array<T>>> for Nullable<Array<T>> {}

/// Numeric SQL types: arithmetic, SUM and AVG accept them.
#[diagnostic::on_unimplemented(
    message = "arithmetic, `sum` and `avg` need a numeric SQL type, but this expression is `{Self}`",
    label = "not a number"
)]
pub trait Numeric: SqlType {
    /// The type of `SUM(x)` for this type (without the nullability of an empty group).
    type Sum: SqlType<IsNull = False>;
    /// The type of `AVG(x)` for this type (without the nullability of an empty group):
    /// `Double` for integers and floats, `Decimal` for decimals.
    type Avg: SqlType<IsNull = False>;
    /// `E` itself: `sum` and `avg` build their node from `Keep<E>`, so that an argument of a
    /// non-numeric type leaves the node's type unresolved and the mistake is reported once, at the
    /// call, instead of again in every clause the aggregate reaches.
    #[doc(hidden)]
    type Keep<E>;
    /// Returns `e` as a [`Keep<E>`](Self::Keep).
    #[doc(hidden)]
    fn keep<E>(e: E) -> Self::Keep<E>;
}

macro_rules! numeric {
    ($($t:ty => $sum:ty, $avg:ty;)*) => {$(
        #[diagnostic::do_not_recommend]
        impl Numeric for $t {
            type Sum = $sum;
            type Avg = $avg;
            type Keep<E> = E;
            #[inline]
            fn keep<E>(e: E) -> E {
                e
            }
        }
    )*};
}
// Each numeric type, the type of its SUM and the type of its AVG.
numeric! {
    TinyInt => BigInt, Double;
    Unsigned<TinyInt> => Unsigned<BigInt>, Double;
    Unsigned<SmallInt> => Unsigned<BigInt>, Double;
    Unsigned<Integer> => Unsigned<BigInt>, Double;
    Unsigned<BigInt> => Unsigned<BigInt>, Double;
    SmallInt => BigInt, Double;
    Integer => BigInt, Double;
    BigInt => BigInt, Double;
    Float => Double, Double;
    Double => Double, Double;
    Decimal => Decimal, Decimal;
}
#[diagnostic::do_not_recommend]
impl<T: Numeric<IsNull = False>> Numeric for Nullable<T> {
    type Sum = T::Sum;
    type Avg = T::Avg;
    type Keep<E> = E;
    #[inline]
    fn keep<E>(e: E) -> E {
        e
    }
}

/// Text-like SQL types: LIKE, ILIKE and concatenation accept them.
#[diagnostic::on_unimplemented(
    message = "LIKE, ILIKE and `concat` need a TEXT expression, but this expression is `{Self}`",
    label = "not text",
    note = "compare other types with `.eq(...)`, `.gt(...)`, ...; to match a number's digits, `.cast::<Text>()` it first"
)]
pub trait TextLike: SqlType {
    /// The SQL type of the other operand (a pattern, or the text concatenated): the same type.
    type Operand: SqlType;
}
// The impls of these marker traits are `do_not_recommend`: rustc then does not list them under an
// error ("the following other types implement ..."), which names internal types, not the mistake.
#[diagnostic::do_not_recommend]
impl TextLike for Text {
    type Operand = Text;
}
#[diagnostic::do_not_recommend]
impl TextLike for Nullable<Text> {
    type Operand = Nullable<Text>;
}

/// `Bool` or `Nullable<Bool>`: what WHERE, HAVING, ON, AND, OR and NOT accept.
#[diagnostic::on_unimplemented(
    message = "a condition must be a boolean SQL expression, but this one is `{Self}`",
    label = "not a boolean condition"
)]
pub trait BoolLike: SqlType {}
#[diagnostic::do_not_recommend]
impl BoolLike for Bool {}
#[diagnostic::do_not_recommend]
impl BoolLike for Nullable<Bool> {}

/// Two SQL types that can be compared with each other: the same type, either side possibly nullable.
#[diagnostic::on_unimplemented(
    message = "mismatched SQL types: expected an expression of SQL type `{T}`, found `{Self}`",
    label = "this has SQL type `{Self}`, expected `{T}`",
    note = "SQL values of different types cannot be compared or assigned; use `.cast::<{T}>()` if a conversion is intended"
)]
pub trait Compatible<T> {
    /// `E` itself. Used as the expression type of [`AsExpression`](crate::expression::AsExpression)'s
    /// blanket impl, so that when the SQL types do not match the projection fails to resolve
    /// (instead of resolving to `E` and letting the mistake resurface in every later clause).
    #[doc(hidden)]
    type Keep<E>;
}

macro_rules! compatible {
    ($($t:ident)*) => {$(
        impl Compatible<$t> for $t { type Keep<E> = E; }
        impl Compatible<Nullable<$t>> for $t { type Keep<E> = E; }
        impl Compatible<$t> for Nullable<$t> { type Keep<E> = E; }
        impl Compatible<Nullable<$t>> for Nullable<$t> { type Keep<E> = E; }
    )*};
}
compatible!(TinyInt SmallInt Integer BigInt Float Double Text Binary Bool Date Time Timestamp Timestamptz Interval Decimal Uuid Json Jsonb);

/// A value of SQL type `Self` can be stored in a column of SQL type `T`: the same type, and a
/// nullable value only into a nullable column.
#[diagnostic::on_unimplemented(
    message = "a value of SQL type `{Self}` cannot be stored in a column of SQL type `{T}`",
    label = "this value may be NULL, or has another SQL type",
    note = "a nullable value can only be written to a nullable column; for the rest, the SQL types must match"
)]
pub trait AssignableTo<T> {}

macro_rules! assignable {
    ($($t:ident)*) => {$(
        impl AssignableTo<$t> for $t {}
        impl AssignableTo<Nullable<$t>> for $t {}
        impl AssignableTo<Nullable<$t>> for Nullable<$t> {}
    )*};
}
assignable!(TinyInt SmallInt Integer BigInt Float Double Text Binary Bool Date Time Timestamp Timestamptz Interval Decimal Uuid Json Jsonb);

/// `ST` made nullable if either `A` or `B` is nullable.
pub type NullableIfEither<ST, A, B> =
    <<<A as SqlType>::IsNull as TBool>::Or<<B as SqlType>::IsNull> as TBool>::Nullify<ST>;

/// `ST` made nullable if `A` is nullable.
pub type NullableIf<ST, A> = <<A as SqlType>::IsNull as TBool>::Nullify<ST>;
