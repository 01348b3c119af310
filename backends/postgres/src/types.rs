//! Binary-format conversions between Rust values and PostgreSQL values. Every decoder checks the
//! length and contents and returns an error for malformed bytes, never panics.

use quarry::deserialize::FromSql;
use quarry::error::DeserializeErrorKind;
use quarry::serialize::ToSql;
use quarry::sql_types::*;
use quarry::QueryResult;

use crate::backend::Pg;
use crate::bind_value::PgBindValue;
use crate::value::PgValue;

type DResult<T> = Result<T, DeserializeErrorKind>;

fn malformed(what: &str, v: &PgValue<'_>) -> DeserializeErrorKind {
    DeserializeErrorKind::Malformed(format!(
        "{} bytes are not a binary {what} (type OID {})",
        v.bytes.len(),
        v.oid
    ))
}

fn fixed<const N: usize>(what: &str, v: &PgValue<'_>) -> DResult<[u8; N]> {
    <[u8; N]>::try_from(v.bytes).map_err(|_| malformed(what, v))
}

macro_rules! numbers {
    ($($rust:ty => $st:ident, $oid:literal, $n:literal, $name:literal;)*) => {$(
        impl FromSql<$st, Pg> for $rust {
            #[inline]
            fn from_sql(value: PgValue<'_>) -> DResult<Self> {
                Ok(<$rust>::from_be_bytes(fixed::<$n>($name, &value)?))
            }
        }
        impl ToSql<$st, Pg> for $rust {
            #[inline]
            fn to_sql(&self) -> QueryResult<PgBindValue<'_>> {
                Ok(PgBindValue::inline($oid, &self.to_be_bytes()))
            }
        }
    )*};
}

numbers! {
    i16 => SmallInt, 21, 2, "int2";
    i32 => Integer, 23, 4, "int4";
    i64 => BigInt, 20, 8, "int8";
    f32 => Float, 700, 4, "float4";
    f64 => Double, 701, 8, "float8";
}

impl FromSql<Bool, Pg> for bool {
    fn from_sql(value: PgValue<'_>) -> DResult<Self> {
        match value.bytes {
            [0] => Ok(false),
            [1] => Ok(true),
            _ => Err(malformed("bool", &value)),
        }
    }
}
impl ToSql<Bool, Pg> for bool {
    fn to_sql(&self) -> QueryResult<PgBindValue<'_>> {
        Ok(PgBindValue::inline(16, &[u8::from(*self)]))
    }
}

impl FromSql<Text, Pg> for String {
    fn from_sql(value: PgValue<'_>) -> DResult<Self> {
        std::str::from_utf8(value.bytes)
            .map(str::to_owned)
            .map_err(|_| DeserializeErrorKind::InvalidUtf8)
    }
}
impl ToSql<Text, Pg> for str {
    fn to_sql(&self) -> QueryResult<PgBindValue<'_>> {
        if self.contains('\0') {
            // PostgreSQL text cannot hold NUL: refuse rather than truncate.
            return Err(quarry::Error::Serialize(
                "PostgreSQL text cannot contain a NUL byte".into(),
            ));
        }
        Ok(PgBindValue::borrowed(25, self.as_bytes()))
    }
}
impl ToSql<Text, Pg> for String {
    fn to_sql(&self) -> QueryResult<PgBindValue<'_>> {
        self.as_str().to_sql()
    }
}

impl FromSql<Binary, Pg> for Vec<u8> {
    fn from_sql(value: PgValue<'_>) -> DResult<Self> {
        Ok(value.bytes.to_vec())
    }
}
impl ToSql<Binary, Pg> for [u8] {
    fn to_sql(&self) -> QueryResult<PgBindValue<'_>> {
        Ok(PgBindValue::borrowed(17, self))
    }
}
impl ToSql<Binary, Pg> for Vec<u8> {
    fn to_sql(&self) -> QueryResult<PgBindValue<'_>> {
        Ok(PgBindValue::borrowed(17, self))
    }
}
