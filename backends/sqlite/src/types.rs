//! Conversions between Rust values and SQLite values.

use quarry::deserialize::FromSql;
use quarry::error::DeserializeErrorKind;
use quarry::serialize::ToSql;
use quarry::sql_types::*;
use quarry::QueryResult;

use crate::backend::Sqlite;
use crate::bind_value::SqliteBindValue;
use crate::raw::ColumnType;
use crate::value::{storage_name, SqliteValue};

type DResult<T> = Result<T, DeserializeErrorKind>;

fn wrong_type(expected: &'static str, v: &SqliteValue<'_>) -> DeserializeErrorKind {
    DeserializeErrorKind::WrongType {
        expected,
        found: storage_name(v.storage()),
    }
}

#[inline]
fn integer(v: &SqliteValue<'_>) -> DResult<i64> {
    match v.storage() {
        ColumnType::Integer => Ok(v.as_i64()),
        _ => Err(wrong_type("INTEGER", v)),
    }
}

macro_rules! integers {
    ($($rust:ty => $st:ident),*) => {$(
        impl FromSql<$st, Sqlite> for $rust {
            #[inline]
            fn from_sql(value: SqliteValue<'_>) -> DResult<Self> {
                let v = integer(&value)?;
                <$rust>::try_from(v).map_err(|_| DeserializeErrorKind::OutOfRange { value: v, target: stringify!($rust) })
            }
        }
        impl ToSql<$st, Sqlite> for $rust {
            #[inline]
            fn to_sql(&self) -> QueryResult<SqliteBindValue<'_>> {
                Ok(SqliteBindValue::Integer(i64::from(*self)))
            }
        }
    )*};
}
integers!(i16 => SmallInt, i32 => Integer, i64 => BigInt);

macro_rules! floats {
    ($($rust:ty => $st:ident),*) => {$(
        impl FromSql<$st, Sqlite> for $rust {
            #[inline]
            fn from_sql(value: SqliteValue<'_>) -> DResult<Self> {
                match value.storage() {
                    // A REAL column holding a whole number may be stored as INTEGER.
                    ColumnType::Float | ColumnType::Integer => Ok(value.as_f64() as $rust),
                    _ => Err(wrong_type("REAL", &value)),
                }
            }
        }
        impl ToSql<$st, Sqlite> for $rust {
            #[inline]
            fn to_sql(&self) -> QueryResult<SqliteBindValue<'_>> {
                Ok(SqliteBindValue::Real(f64::from(*self)))
            }
        }
    )*};
}
floats!(f32 => Float, f64 => Double);

impl FromSql<Bool, Sqlite> for bool {
    #[inline]
    fn from_sql(value: SqliteValue<'_>) -> DResult<Self> {
        Ok(integer(&value)? != 0)
    }
}
impl ToSql<Bool, Sqlite> for bool {
    #[inline]
    fn to_sql(&self) -> QueryResult<SqliteBindValue<'_>> {
        Ok(SqliteBindValue::Integer(i64::from(*self)))
    }
}

#[inline]
fn text<'a>(value: &SqliteValue<'a>) -> DResult<&'a str> {
    match value.storage() {
        ColumnType::Text => {
            std::str::from_utf8(value.text_bytes()).map_err(|_| DeserializeErrorKind::InvalidUtf8)
        }
        _ => Err(wrong_type("TEXT", value)),
    }
}

impl FromSql<Text, Sqlite> for String {
    #[inline]
    fn from_sql(value: SqliteValue<'_>) -> DResult<Self> {
        text(&value).map(str::to_owned)
    }
}
impl ToSql<Text, Sqlite> for str {
    #[inline]
    fn to_sql(&self) -> QueryResult<SqliteBindValue<'_>> {
        Ok(SqliteBindValue::Text(self))
    }
}
impl ToSql<Text, Sqlite> for String {
    #[inline]
    fn to_sql(&self) -> QueryResult<SqliteBindValue<'_>> {
        Ok(SqliteBindValue::Text(self))
    }
}

impl FromSql<Binary, Sqlite> for Vec<u8> {
    #[inline]
    fn from_sql(value: SqliteValue<'_>) -> DResult<Self> {
        match value.storage() {
            ColumnType::Blob => Ok(value.blob().to_vec()),
            _ => Err(wrong_type("BLOB", &value)),
        }
    }
}
impl ToSql<Binary, Sqlite> for [u8] {
    #[inline]
    fn to_sql(&self) -> QueryResult<SqliteBindValue<'_>> {
        Ok(SqliteBindValue::Blob(self))
    }
}
impl ToSql<Binary, Sqlite> for Vec<u8> {
    #[inline]
    fn to_sql(&self) -> QueryResult<SqliteBindValue<'_>> {
        Ok(SqliteBindValue::Blob(self))
    }
}

/// User-defined SQL types (`#[derive(SqlEnum)]`): SQLite has none, so their labels are TEXT.
impl quarry::serialize::BindCustomLabel for Sqlite {
    #[inline]
    fn bind_custom_label(_sql_type: SqlTypeKind, label: &str) -> QueryResult<SqliteBindValue<'_>> {
        Ok(SqliteBindValue::Text(label))
    }
}

impl quarry::deserialize::ReadCustomLabel for Sqlite {
    // Spelled as the trait spells it (a projection), so that the lifetime binds the same way.
    #[inline]
    fn read_custom_label<'a>(value: Self::RawValue<'a>) -> DResult<&'a str> {
        text(&value)
    }
}

#[cfg(feature = "chrono")]
mod chrono_types {
    use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

    use super::*;

    fn malformed(what: &str, s: &str) -> DeserializeErrorKind {
        DeserializeErrorKind::Malformed(format!("{s:?} is not a valid {what}"))
    }

    impl FromSql<Date, Sqlite> for NaiveDate {
        fn from_sql(value: SqliteValue<'_>) -> DResult<Self> {
            let s = text(&value)?;
            NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| malformed("date (YYYY-MM-DD)", s))
        }
    }
    impl ToSql<Date, Sqlite> for NaiveDate {
        fn to_sql(&self) -> QueryResult<SqliteBindValue<'_>> {
            Ok(SqliteBindValue::OwnedText(self.format("%Y-%m-%d").to_string()))
        }
    }

    impl FromSql<Time, Sqlite> for NaiveTime {
        fn from_sql(value: SqliteValue<'_>) -> DResult<Self> {
            let s = text(&value)?;
            NaiveTime::parse_from_str(s, "%H:%M:%S%.f")
                .or_else(|_| NaiveTime::parse_from_str(s, "%H:%M"))
                .map_err(|_| malformed("time (HH:MM:SS)", s))
        }
    }
    impl ToSql<Time, Sqlite> for NaiveTime {
        fn to_sql(&self) -> QueryResult<SqliteBindValue<'_>> {
            Ok(SqliteBindValue::OwnedText(self.format("%H:%M:%S%.f").to_string()))
        }
    }

    impl FromSql<Timestamp, Sqlite> for NaiveDateTime {
        fn from_sql(value: SqliteValue<'_>) -> DResult<Self> {
            let s = text(&value)?;
            NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S%.f")
                .or_else(|_| NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%.f"))
                .or_else(|_| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M"))
                .map_err(|_| malformed("timestamp (YYYY-MM-DD HH:MM:SS)", s))
        }
    }
    impl ToSql<Timestamp, Sqlite> for NaiveDateTime {
        fn to_sql(&self) -> QueryResult<SqliteBindValue<'_>> {
            Ok(SqliteBindValue::OwnedText(
                self.format("%Y-%m-%d %H:%M:%S%.f").to_string(),
            ))
        }
    }
}
