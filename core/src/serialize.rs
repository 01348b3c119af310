//! Converting Rust values to bound parameters.

use crate::backend::Backend;
use crate::error::QueryResult;
use crate::sql_types::{AssignableTo, Compatible, Nullable, SqlType, SqlTypeKind};
use crate::type_level::False;

/// A Rust value that can be bound as a parameter of SQL type `ST` on backend `DB`.
#[diagnostic::on_unimplemented(
    message = "a Rust `{Self}` cannot be bound as a SQL `{ST}` value on the `{DB}` backend",
    label = "no conversion from `{Self}` to SQL `{ST}`"
)]
pub trait ToSql<ST, DB: Backend> {
    /// The value as the driver binds it; borrowed from `self` where the backend allows.
    fn to_sql(&self) -> QueryResult<DB::BindValue<'_>>;
}

/// Implemented by backends to produce their NULL bind value.
pub trait HasNullBind: Backend {
    /// A NULL bound value of SQL type `ST` (backends with typed parameters need the type).
    fn null_bind<'a, ST: SqlType>() -> Self::BindValue<'a>;
}

/// A user-defined SQL type (a database enum): the marker type `#[derive(SqlEnum)]` generates
/// implements it, and gets from it the [`Compatible`] and [`AssignableTo`] impls every SQL type
/// has (the same type, either side nullable; a nullable value only into a nullable column).
///
/// The impls are blanket impls here because the crate that derives cannot write two of them
/// itself: `Compatible<Nullable<T>> for Nullable<T>` names no type of that crate at the top level,
/// which the orphan rule requires.
pub trait CustomSqlType: SqlType<IsNull = False> {}

impl<T: CustomSqlType> Compatible<T> for T {
    type Keep<E> = E;
}
impl<T: CustomSqlType> Compatible<Nullable<T>> for T {
    type Keep<E> = E;
}
impl<T: CustomSqlType> Compatible<T> for Nullable<T> {
    type Keep<E> = E;
}
impl<T: CustomSqlType> Compatible<Nullable<T>> for Nullable<T> {
    type Keep<E> = E;
}
impl<T: CustomSqlType> AssignableTo<T> for T {}
impl<T: CustomSqlType> AssignableTo<Nullable<T>> for T {}
impl<T: CustomSqlType> AssignableTo<Nullable<T>> for Nullable<T> {}

/// Backends that can bind a value of a user-defined SQL type (a database enum) from its text
/// label. `#[derive(SqlEnum)]` implements [`ToSql`] through it, so one derive serves every
/// backend that implements this.
///
/// PostgreSQL binds the label with an unspecified type, so that the server takes the enum type
/// from the context (`mood = $1`, `INSERT … VALUES ($1)`); SQLite binds it as TEXT.
pub trait BindCustomLabel: Backend {
    /// The bound value for `label`, a value of the user-defined SQL type `sql_type`
    /// ([`SqlTypeKind::Custom`] with the type's SQL name).
    fn bind_custom_label(sql_type: SqlTypeKind, label: &str) -> QueryResult<Self::BindValue<'_>>;
}

impl<T, ST, DB> ToSql<Nullable<ST>, DB> for Option<T>
where
    T: ToSql<ST, DB>,
    ST: SqlType,
    DB: HasNullBind,
{
    #[inline]
    fn to_sql(&self) -> QueryResult<DB::BindValue<'_>> {
        match self {
            Some(v) => v.to_sql(),
            None => Ok(DB::null_bind::<ST>()),
        }
    }
}

impl<T, ST, DB> ToSql<ST, DB> for &T
where
    T: ToSql<ST, DB> + ?Sized,
    DB: Backend,
{
    #[inline]
    fn to_sql(&self) -> QueryResult<DB::BindValue<'_>> {
        (**self).to_sql()
    }
}
