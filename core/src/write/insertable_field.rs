//! The check a `#[derive(Insertable)]` struct's fields pass: each field's Rust type must be a
//! value of its column's SQL type.

use crate::backend::Backend;
use crate::error::QueryResult;
use crate::query_builder::AstPass;
use crate::schema::Column;
use crate::serialize::ToSql;
use crate::sql_types::{Array, Nullable, SqlType};
use crate::type_level::False;

/// A field of an `Insertable` struct: a Rust value that can be written into a column of SQL type
/// `ST`. `i32` goes into `Integer`, `String` or `&str` into `Text`, and so on; a nullable column
/// takes the same types, and `Option<_>` of them to write NULL.
///
/// The derive checks each field against its column where the struct is inserted
/// (`.values(...)`), so a field of the wrong type is reported there once, with a note on the
/// field, and not at the `execute` that would bind it for a backend. `Then<R>` is `R` (and `then`
/// returns its argument): the derive spells the struct's row type through it, so that a mismatch
/// leaves that type unresolved and the statement built from the struct reports nothing more.
///
/// Quarry implements it for every Rust type it binds (the same pairs as
/// [`AsExpression`](crate::expression::AsExpression)), and `#[derive(SqlEnum)]` for the enums it
/// derives. A type of your own that implements `ToSql` for a SQL type implements this too, to be
/// a field of an `Insertable` struct (`Option<Email>` then goes into a nullable column):
///
/// ```
/// use quarry::sql_types::{Nullable, Text};
/// use quarry::write::InsertableField;
///
/// struct Email(String);
/// impl InsertableField<Text> for Email {
///     type SqlType = Text;
///     type Then<R> = R;
///     fn then<R>(r: R) -> R {
///         r
///     }
/// }
/// ```
#[diagnostic::on_unimplemented(
    message = "this `Insertable` field is a Rust `{Self}`, which cannot be written into its column of SQL type `{ST}`",
    label = "not a Rust type for SQL `{ST}`",
    note = "a field takes the Rust type of its column: i32 for Integer, i64 for BigInt, String or &str for Text, bool for Bool, and Option<_> of those to write NULL into a nullable column"
)]
pub trait InsertableField<ST> {
    /// The SQL type the value is bound as: `ST` without `Nullable` unless `Self` is an `Option`.
    type SqlType;
    /// `R` itself.
    type Then<R>;
    /// `r` itself.
    fn then<R>(r: R) -> Self::Then<R>;
}

/// `None` writes NULL; `Some(v)` writes `v`, a value of the column's non-null type.
#[diagnostic::do_not_recommend]
impl<T, ST> InsertableField<Nullable<ST>> for Option<T>
where
    T: InsertableField<ST>,
    ST: SqlType<IsNull = False>,
{
    type SqlType = Nullable<ST>;
    type Then<R> = R;
    #[inline]
    fn then<R>(r: R) -> R {
        r
    }
}

/// Implements [`InsertableField`] for a Rust type and the SQL type it binds as, for columns of that
/// type and nullable ones.
#[macro_export]
#[doc(hidden)]
macro_rules! insertable_field {
    ($([$($g:tt)*] $rust:ty => $st:ty;)*) => {$(
        #[diagnostic::do_not_recommend]
        impl<$($g)*> $crate::write::InsertableField<$st> for $rust {
            type SqlType = $st;
            type Then<R> = R;
            #[inline]
            fn then<R>(r: R) -> R {
                r
            }
        }
        #[diagnostic::do_not_recommend]
        impl<$($g)*> $crate::write::InsertableField<$crate::sql_types::Nullable<$st>> for $rust {
            type SqlType = $st;
            type Then<R> = R;
            #[inline]
            fn then<R>(r: R) -> R {
                r
            }
        }
    )*};
}

insertable_field! {
    [T: InsertableField<ST>, ST: SqlType] Vec<T> => Array<ST>;
    ['a, T: InsertableField<ST>, ST: SqlType] &'a [T] => Array<ST>;
}

/// The SQL type of column `Self`, named through a table `T` that it does not depend on.
/// `#[derive(Insertable)]` spells its field checks with it and the table the struct is inserted
/// into (a generic parameter of its impls, bound to the struct's table by `InsertsInto`), so that
/// rustc checks the fields where the struct is used, once, rather than also where it is declared.
#[doc(hidden)]
pub trait ColumnSqlTypeIn<T> {
    /// The column's SQL type.
    type SqlType;
}

impl<C: Column, T> ColumnSqlTypeIn<T> for C {
    type SqlType = C::SqlType;
}

/// Table `Self` is table `T`: the table an `Insertable` struct was declared for is the one it is
/// inserted into.
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "this `Insertable` struct is for `{Self}`, not `{T}`",
    label = "inserts into `{Self}`",
    note = "a struct deriving `Insertable` inserts into the table named by its `#[quarry(table = ...)]`"
)]
pub trait InsertsInto<T> {}

impl<T> InsertsInto<T> for T {}

/// A field's value, bound into an INSERT on backend `DB` as the SQL type its
/// [`InsertableField`] impl names. What `#[derive(Insertable)]` requires of each field for a
/// backend: unlike a bound spelled with that projection, it leaves nothing to check where the
/// struct is declared, so a mismatched field is reported once, by its `InsertableField` check.
#[doc(hidden)]
pub trait InsertableValue<ST, DB: Backend> {
    /// Writes the placeholder and binds the value.
    fn push_value<'b>(&'b self, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()>;
}

impl<T, ST, DB> InsertableValue<ST, DB> for T
where
    T: InsertableField<ST> + ToSql<<T as InsertableField<ST>>::SqlType, DB>,
    DB: Backend,
{
    #[inline]
    fn push_value<'b>(&'b self, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
        pass.push_bind::<T::SqlType, T>(self)
    }
}
