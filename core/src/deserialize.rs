//! Converting database values and rows into Rust values.

use crate::backend::{Backend, RawValue};
use crate::error::{DeserializeErrorKind, Error, QueryResult};
use crate::sql_types::{
    Array, BigInt, Binary, Bool, Date, Decimal, Double, Float, Integer, Interval, Json, Jsonb, Nullable,
    NullableRow, SmallInt, SqlTypeKind, Text, Time, Timestamp, Timestamptz, TinyInt, Unsigned, Uuid,
};

/// A result row, read in place from the driver's buffers.
pub trait Row<DB: Backend> {
    /// The value of column `idx` (0-based).
    fn value(&self, idx: usize) -> DB::RawValue<'_>;
    /// The number of columns.
    fn column_count(&self) -> usize;
    /// The name of column `idx`, as the database reports it.
    fn column_name(&self, idx: usize) -> Option<&str>;
}

/// A Rust type that can be read from a SQL value of type `ST` on backend `DB`.
#[diagnostic::on_unimplemented(
    message = "cannot load a SQL `{ST}` value into a Rust `{Self}`",
    label = "`{Self}` does not match SQL type `{ST}`",
    note = "a nullable column (`Nullable<_>`) must be loaded into an `Option<_>`; other types map as documented in the backend crate"
)]
pub trait FromSql<ST, DB: Backend>: Sized {
    /// Converts a non-NULL value.
    fn from_sql(value: DB::RawValue<'_>) -> Result<Self, DeserializeErrorKind>;
    /// Converts NULL: an error unless the type has room for it.
    #[inline]
    fn from_null() -> Result<Self, DeserializeErrorKind> {
        Err(DeserializeErrorKind::UnexpectedNull)
    }
}

impl<T: FromSql<ST, DB>, ST, DB: Backend> FromSql<Nullable<ST>, DB> for Option<T> {
    #[inline]
    fn from_sql(value: DB::RawValue<'_>) -> Result<Self, DeserializeErrorKind> {
        T::from_sql(value).map(Some)
    }
    #[inline]
    fn from_null() -> Result<Self, DeserializeErrorKind> {
        Ok(None)
    }
}

/// Reads column `idx` of `row` as a `T`, naming the column in any error.
#[inline]
pub fn read_column<T, ST, DB, R>(row: &R, idx: usize) -> QueryResult<T>
where
    T: FromSql<ST, DB>,
    DB: Backend,
    R: Row<DB>,
{
    let value = row.value(idx);
    let result = if value.is_null() {
        T::from_null()
    } else {
        T::from_sql(value)
    };
    result.map_err(|kind| column_error(row, idx, kind))
}

#[cold]
fn column_error<DB: Backend, R: Row<DB>>(row: &R, idx: usize, kind: DeserializeErrorKind) -> Error {
    let column = match row.column_name(idx) {
        Some(name) => name.to_owned(),
        None => format!("#{idx}"),
    };
    Error::Deserialize { column, kind }
}

/// A Rust type built from `COLUMNS` consecutive columns of a row of SQL type `ST`.
///
/// Implemented for values (one column), tuples, `Option<T>` for the nullable side of a LEFT JOIN,
/// and by `#[derive(Queryable)]` for structs.
#[diagnostic::on_unimplemented(
    message = "cannot load rows of SQL type `{ST}` into `{Self}`",
    label = "the Rust type does not match what the query selects",
    note = "the fields must match the selected columns in number, order and type; a nullable column needs an `Option<_>` field, the right side of a LEFT JOIN an `Option<Struct>`"
)]
pub trait FromRow<ST, DB: Backend>: Sized {
    /// How many columns it reads.
    const COLUMNS: usize;
    /// Whether the result must have exactly [`COLUMNS`](Self::COLUMNS) columns (types that
    /// read columns by name accept extra ones).
    const EXACT_COLUMN_COUNT: bool = true;
    /// Reads it from `row`, starting at column `offset`.
    fn from_row<R: Row<DB>>(row: &R, offset: usize) -> QueryResult<Self>;
}

/// Implements [`FromRow`] for every Rust type that reads SQL type `$st` (and its nullable form)
/// as a single column. Used for the built-in SQL types; a backend's own SQL types call it too.
#[macro_export]
macro_rules! impl_single_column_from_row {
    ($($st:ty),* $(,)?) => {$(
        impl<__T, __DB> $crate::deserialize::FromRow<$st, __DB> for __T
        where
            __T: $crate::deserialize::FromSql<$st, __DB>,
            __DB: $crate::backend::Backend,
        {
            const COLUMNS: usize = 1;
            #[inline]
            fn from_row<__R: $crate::deserialize::Row<__DB>>(row: &__R, offset: usize) -> $crate::QueryResult<Self> {
                $crate::deserialize::read_column::<__T, $st, __DB, __R>(row, offset)
            }
        }
    )*};
}

impl_single_column_from_row!(
    TinyInt,
    Unsigned<TinyInt>,
    Unsigned<SmallInt>,
    Unsigned<Integer>,
    Unsigned<BigInt>,
    SmallInt,
    Integer,
    BigInt,
    Float,
    Double,
    Text,
    Binary,
    Bool,
    Date,
    Time,
    Timestamp,
    Timestamptz,
    Interval,
    Decimal,
    Uuid,
    Json,
    Jsonb
);

impl<T, ST, DB> FromRow<Array<ST>, DB> for T
where
    T: FromSql<Array<ST>, DB>,
    DB: Backend,
{
    const COLUMNS: usize = 1;
    #[inline]
    fn from_row<R: Row<DB>>(row: &R, offset: usize) -> QueryResult<Self> {
        read_column::<T, Array<ST>, DB, R>(row, offset)
    }
}

/// Backends that can read a value of a user-defined SQL type (a database enum) as its text
/// label. `#[derive(SqlEnum)]` implements [`FromSql`] through it.
pub trait ReadCustomLabel: Backend {
    /// The label of a non-NULL `value`, borrowed from the row.
    fn read_custom_label<'a>(value: Self::RawValue<'a>) -> Result<&'a str, DeserializeErrorKind>;
}

/// The error for a label read from the database that no variant of the Rust enum maps to
/// (used by `#[derive(SqlEnum)]`). The message names the label and the SQL type.
#[cold]
pub fn unknown_label(sql_type: SqlTypeKind, label: &str) -> DeserializeErrorKind {
    let name = match sql_type {
        SqlTypeKind::Custom(name) => name,
        _ => "?",
    };
    DeserializeErrorKind::Malformed(format!("unknown label {label:?} for the SQL enum `{name}`"))
}

impl<T, ST, DB> FromRow<Nullable<ST>, DB> for T
where
    T: FromSql<Nullable<ST>, DB>,
    DB: Backend,
{
    const COLUMNS: usize = 1;
    #[inline]
    fn from_row<R: Row<DB>>(row: &R, offset: usize) -> QueryResult<Self> {
        read_column::<T, Nullable<ST>, DB, R>(row, offset)
    }
}

impl<T, ST, DB> FromRow<NullableRow<ST>, DB> for Option<T>
where
    T: FromRow<ST, DB>,
    DB: Backend,
{
    const COLUMNS: usize = T::COLUMNS;
    #[inline]
    fn from_row<R: Row<DB>>(row: &R, offset: usize) -> QueryResult<Self> {
        if (offset..offset + T::COLUMNS).all(|i| row.value(i).is_null()) {
            Ok(None)
        } else {
            T::from_row(row, offset).map(Some)
        }
    }
}

macro_rules! tuple_from_row {
    ($($T:ident $S:ident),+) => {
        impl<__DB: Backend, $($T: FromRow<$S, __DB>, $S),+> FromRow<($($S,)+), __DB> for ($($T,)+) {
            const COLUMNS: usize = 0 $(+ $T::COLUMNS)+;
            #[inline]
            #[allow(unused_assignments)]
            fn from_row<R: Row<__DB>>(row: &R, offset: usize) -> QueryResult<Self> {
                let mut at = offset;
                Ok(($({
                    let v = $T::from_row(row, at)?;
                    at += $T::COLUMNS;
                    v
                },)+))
            }
        }
    };
}

tuple_from_row!(A SA);
tuple_from_row!(A SA, B SB);
tuple_from_row!(A SA, B SB, C SC);
tuple_from_row!(A SA, B SB, C SC, D SD);
tuple_from_row!(A SA, B SB, C SC, D SD, E SE);
tuple_from_row!(A SA, B SB, C SC, D SD, E SE, F SF);
tuple_from_row!(A SA, B SB, C SC, D SD, E SE, F SF, G SG);
tuple_from_row!(A SA, B SB, C SC, D SD, E SE, F SF, G SG, H SH);
tuple_from_row!(A SA, B SB, C SC, D SD, E SE, F SF, G SG, H SH, I SI);
tuple_from_row!(A SA, B SB, C SC, D SD, E SE, F SF, G SG, H SH, I SI, J SJ);
tuple_from_row!(A SA, B SB, C SC, D SD, E SE, F SF, G SG, H SH, I SI, J SJ, K SK);
tuple_from_row!(A SA, B SB, C SC, D SD, E SE, F SF, G SG, H SH, I SI, J SJ, K SK, L SL);

/// The row type of raw SQL: unknown until run, read by column name.
#[derive(Debug, Clone, Copy, Default)]
pub struct Untyped;

/// A struct read from a row by column name (raw SQL results). Derived with
/// `#[derive(QueryableByName)]`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be loaded from raw SQL results",
    label = "derive `QueryableByName` for it",
    note = "raw SQL (`sql_query`) loads structs by column name: `#[derive(QueryableByName)]` with `#[quarry(table = ...)]` or a `#[quarry(sql_type = ...)]` on each field"
)]
pub trait QueryableByName<DB: Backend>: Sized {
    /// Reads the struct from `row`, finding each field's column by name.
    fn from_named_row<R: Row<DB>>(row: &R) -> QueryResult<Self>;
}

impl<U: QueryableByName<DB>, DB: Backend> FromRow<Untyped, DB> for U {
    const COLUMNS: usize = 0;
    const EXACT_COLUMN_COUNT: bool = false;
    #[inline]
    fn from_row<R: Row<DB>>(row: &R, _offset: usize) -> QueryResult<Self> {
        U::from_named_row(row)
    }
}

/// The index of the column called `name` in `row`, or an error naming it.
pub fn column_index<DB: Backend, R: Row<DB>>(row: &R, name: &str) -> QueryResult<usize> {
    (0..row.column_count())
        .find(|&i| row.column_name(i) == Some(name))
        .ok_or_else(|| Error::Deserialize {
            column: name.to_owned(),
            kind: DeserializeErrorKind::Malformed("no column of this name in the result".into()),
        })
}
