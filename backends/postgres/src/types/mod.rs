//! Binary-format conversions between Rust values and PostgreSQL values. Every decoder checks the
//! length and contents and returns an error for malformed bytes, never panics.
//!
//! This module holds the basic types (integers, floats, text, bytea, bool) and the helpers the
//! others share; each other concept has a file of its own.

mod array;
mod custom;
#[cfg(any(feature = "chrono", feature = "time"))]
mod datetime;
#[cfg(feature = "chrono")]
mod datetime_chrono;
#[cfg(feature = "time")]
mod datetime_time;
mod interval;
#[cfg(feature = "serde_json")]
mod json;
#[cfg(feature = "rust_decimal")]
mod numeric;
#[cfg(feature = "uuid")]
mod uuid;

pub(crate) use self::array::encode_bound_array;
pub use self::interval::PgInterval;

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

/// OIDs of the types whose binary form is their UTF-8 text: text, varchar, bpchar, name, json.
const TEXT_OIDS: [u32; 5] = [25, 1043, 1042, 19, 114];

/// The name of a built-in type whose binary format this crate reads, by OID.
fn builtin_type_name(oid: u32) -> Option<&'static str> {
    Some(match oid {
        16 => "boolean",
        17 => "bytea",
        19 => "name",
        20 => "bigint",
        21 => "smallint",
        23 => "integer",
        25 => "text",
        114 => "json",
        700 => "real",
        701 => "double precision",
        1042 => "character",
        1043 => "character varying",
        1082 => "date",
        1083 => "time",
        1114 => "timestamp",
        1184 => "timestamptz",
        1186 => "interval",
        1700 => "numeric",
        2950 => "uuid",
        3802 => "jsonb",
        199 | 1000 | 1001 | 1005 | 1007 | 1009 | 1014 | 1015 | 1016 | 1021 | 1022 | 1115 | 1182 | 1183
        | 1185 | 1187 | 1231 | 2951 | 3807 => "an array",
        _ => return None,
    })
}

/// Checks that a value of the column's type may be read as `expected`: its OID is one of
/// `accepted`, or not a built-in type this crate knows (a domain, an extension's type, OID 0):
/// those are left to the decoder's checks of the bytes. Another known built-in type is a
/// [`DeserializeErrorKind::WrongType`] error, even when its bytes would happen to decode (a `real`
/// or a `date` read as an `integer` has 4 bytes too).
fn check_type(value: &PgValue<'_>, accepted: &[u32], expected: &'static str) -> DResult<()> {
    if accepted.contains(&value.oid) {
        return Ok(());
    }
    match builtin_type_name(value.oid) {
        Some(found) => Err(DeserializeErrorKind::WrongType { expected, found }),
        None => Ok(()),
    }
}

/// A value read in order from a binary buffer: every read checks that the bytes are there.
#[derive(Debug, Clone, Copy)]
struct Reader<'a> {
    rest: &'a [u8],
    /// The type being decoded, for error messages.
    what: &'static str,
}

impl<'a> Reader<'a> {
    fn new(bytes: &'a [u8], what: &'static str) -> Self {
        Self { rest: bytes, what }
    }

    fn truncated(&self) -> DeserializeErrorKind {
        DeserializeErrorKind::Malformed(format!("truncated binary {}", self.what))
    }

    fn array<const N: usize>(&mut self) -> DResult<[u8; N]> {
        let (head, rest) = self
            .rest
            .split_first_chunk::<N>()
            .ok_or_else(|| self.truncated())?;
        self.rest = rest;
        Ok(*head)
    }

    #[cfg(feature = "rust_decimal")]
    fn i16(&mut self) -> DResult<i16> {
        self.array().map(i16::from_be_bytes)
    }

    #[cfg(feature = "rust_decimal")]
    fn u16(&mut self) -> DResult<u16> {
        self.array().map(u16::from_be_bytes)
    }

    fn i32(&mut self) -> DResult<i32> {
        self.array().map(i32::from_be_bytes)
    }

    fn u32(&mut self) -> DResult<u32> {
        self.array().map(u32::from_be_bytes)
    }

    fn i64(&mut self) -> DResult<i64> {
        self.array().map(i64::from_be_bytes)
    }

    /// The next `n` bytes.
    fn take(&mut self, n: usize) -> DResult<&'a [u8]> {
        if n > self.rest.len() {
            return Err(self.truncated());
        }
        let (head, rest) = self.rest.split_at(n);
        self.rest = rest;
        Ok(head)
    }

    fn remaining(&self) -> usize {
        self.rest.len()
    }

    /// Succeeds when every byte has been read.
    fn finish(self) -> DResult<()> {
        if self.rest.is_empty() {
            Ok(())
        } else {
            Err(DeserializeErrorKind::Malformed(format!(
                "{} unexpected trailing bytes after a binary {}",
                self.rest.len(),
                self.what
            )))
        }
    }
}

macro_rules! numbers {
    ($($rust:ty => $st:ident, $oid:literal, $n:literal, $name:literal, $sql:literal;)*) => {$(
        impl FromSql<$st, Pg> for $rust {
            #[inline]
            fn from_sql(value: PgValue<'_>) -> DResult<Self> {
                check_type(&value, &[$oid], $sql)?;
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
    i16 => SmallInt, 21, 2, "int2", "SMALLINT";
    i32 => Integer, 23, 4, "int4", "INTEGER";
    i64 => BigInt, 20, 8, "int8", "BIGINT";
    f32 => Float, 700, 4, "float4", "REAL";
    f64 => Double, 701, 8, "float8", "DOUBLE PRECISION";
}

impl FromSql<Bool, Pg> for bool {
    fn from_sql(value: PgValue<'_>) -> DResult<Self> {
        check_type(&value, &[16], "BOOLEAN")?;
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

/// Reads `text`, `varchar`, `char(n)` (with its padding), `name`, `json`, and types this crate does
/// not know (citext, enums, domains over text): their binary form is the UTF-8 text.
impl FromSql<Text, Pg> for String {
    fn from_sql(value: PgValue<'_>) -> DResult<Self> {
        check_type(&value, &TEXT_OIDS, "TEXT")?;
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

#[cfg(test)]
mod tests {
    use super::*;

    fn value(bytes: &[u8], oid: u32) -> PgValue<'_> {
        PgValue {
            bytes,
            is_null: false,
            oid,
        }
    }

    #[test]
    fn other_builtin_types_are_wrong_type_errors() {
        // A real and a date have 4 bytes like an integer: the OID tells them apart.
        for (oid, found) in [(700, "real"), (1082, "date"), (25, "text")] {
            assert_eq!(
                <i32 as FromSql<Integer, Pg>>::from_sql(value(&[0, 0, 0, 1], oid)),
                Err(DeserializeErrorKind::WrongType {
                    expected: "INTEGER",
                    found
                })
            );
        }
        assert!(matches!(
            <String as FromSql<Text, Pg>>::from_sql(value(&[0, 0, 0, 1], 23)),
            Err(DeserializeErrorKind::WrongType {
                expected: "TEXT",
                found: "integer"
            })
        ));
        assert!(matches!(
            <bool as FromSql<Bool, Pg>>::from_sql(value(&[1], 18)),
            Ok(true) // "char" is not a type this crate reads: the bytes decide
        ));
        assert!(<f64 as FromSql<Double, Pg>>::from_sql(value(&[0; 8], 20)).is_err());
    }

    #[test]
    fn unknown_types_fall_back_to_checking_the_bytes() {
        // A domain over integer (OID of a user type), and OID 0.
        assert_eq!(
            <i32 as FromSql<Integer, Pg>>::from_sql(value(&[0, 0, 0, 7], 16_385)),
            Ok(7)
        );
        assert_eq!(<i16 as FromSql<SmallInt, Pg>>::from_sql(value(&[0, 7], 0)), Ok(7));
        assert!(matches!(
            <i32 as FromSql<Integer, Pg>>::from_sql(value(&[0, 7], 16_385)),
            Err(DeserializeErrorKind::Malformed(_))
        ));
        for oid in [25, 1043, 1042, 19, 16_390] {
            assert_eq!(
                <String as FromSql<Text, Pg>>::from_sql(value(b"ab ", oid)),
                Ok("ab ".to_string())
            );
        }
        assert_eq!(
            <String as FromSql<Text, Pg>>::from_sql(value(&[0xff], 25)),
            Err(DeserializeErrorKind::InvalidUtf8)
        );
    }

    #[test]
    fn truncated_values_are_errors() {
        let mut r = Reader::new(&[0, 0, 0, 1, 9], "test");
        assert_eq!(r.i32(), Ok(1));
        assert!(r.i32().is_err());
        assert_eq!(r.take(1), Ok(&[9][..]));
        assert!(r.take(1).is_err());
        assert_eq!(r.finish(), Ok(()));
        let r = Reader::new(&[1], "test");
        assert!(r.finish().is_err());
        for len in [0usize, 1, 3, 5, 9] {
            let bytes = vec![0u8; len];
            assert!(<i32 as FromSql<Integer, Pg>>::from_sql(value(&bytes, 23)).is_err());
            assert!(<i64 as FromSql<BigInt, Pg>>::from_sql(value(&bytes, 20)).is_err());
            if len != 1 {
                assert!(<bool as FromSql<Bool, Pg>>::from_sql(value(&bytes, 16)).is_err());
            }
        }
        assert!(<bool as FromSql<Bool, Pg>>::from_sql(value(&[2], 16)).is_err());
    }
}
