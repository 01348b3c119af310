//! Converting Rust values to bound parameters.

use crate::backend::Backend;
use crate::error::QueryResult;
use crate::sql_types::{Nullable, SqlType};

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
