//! `TinyInt` ↔ `i8`, `SmallInt` ↔ `i16`, `Integer` ↔ `i32`, `BigInt` ↔ `i64`, and the
//! `Unsigned<…>` variants ↔ `u8`, `u16`, `u32`, `u64`.
//!
//! Any integer column reads into any of them when its value fits: MySQL widens the results of
//! arithmetic and casts to BIGINT, and the UNSIGNED types reach up to 2^64 - 1. A value that
//! does not fit is an `OutOfRange` error (its `value` saturated to the `i64` range for
//! unsigned values above `i64::MAX`). A DECIMAL without fraction digits (what `SUM` of integers
//! returns) is read exactly as well.

use quarry::deserialize::FromSql;
use quarry::error::DeserializeErrorKind;
use quarry::serialize::ToSql;
use quarry::sql_types::{BigInt, Integer, SmallInt, TinyInt, Unsigned};
use quarry::QueryResult;

use super::{malformed, wrong_type, DResult};
use crate::backend::Mysql;
use crate::bind_value::MysqlBindValue;
use crate::raw::{MysqlType, MysqlValueRef};
use crate::value::MysqlValue;

/// The integer value of an integer column (or a DECIMAL without fraction digits), widened.
pub(super) fn integer(value: &MysqlValue<'_>, expected: &'static str) -> DResult<i128> {
    match value.value {
        MysqlValueRef::Int(v) => Ok(i128::from(v)),
        MysqlValueRef::UInt(v) => Ok(i128::from(v)),
        MysqlValueRef::Bytes(text)
            if matches!(
                value.column.column_type,
                MysqlType::NewDecimal | MysqlType::Decimal
            ) && value.column.decimals == 0 =>
        {
            parse_integer(text)
        }
        _ => Err(wrong_type(expected, value)),
    }
}

/// Parses a DECIMAL's digits (`-123`); more than an `i128` holds saturates (the caller's range
/// check then fails).
fn parse_integer(text: &[u8]) -> DResult<i128> {
    let (negative, digits) = match text.split_first() {
        Some((b'-', rest)) => (true, rest),
        Some((b'+', rest)) => (false, rest),
        _ => (false, text),
    };
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return Err(malformed(format!(
            "{:?} is not an integral DECIMAL",
            String::from_utf8_lossy(text)
        )));
    }
    let mut n: i128 = 0;
    for &d in digits {
        let d = i128::from(d - b'0');
        n = n.saturating_mul(10).saturating_add(if negative { -d } else { d });
    }
    Ok(n)
}

/// `v` converted to `T`, or an `OutOfRange` error naming `target`.
pub(super) fn fit<T: TryFrom<i128>>(v: i128, target: &'static str) -> DResult<T> {
    T::try_from(v).map_err(|_| DeserializeErrorKind::OutOfRange {
        value: i64::try_from(v).unwrap_or(if v < 0 { i64::MIN } else { i64::MAX }),
        target,
    })
}

macro_rules! integers {
    ($($rust:ty => $st:ty, $expected:literal, $bind:ident;)*) => {$(
        impl FromSql<$st, Mysql> for $rust {
            #[inline]
            fn from_sql(value: MysqlValue<'_>) -> DResult<Self> {
                fit(integer(&value, $expected)?, stringify!($rust))
            }
        }
        impl ToSql<$st, Mysql> for $rust {
            #[inline]
            fn to_sql(&self) -> QueryResult<MysqlBindValue<'_>> {
                Ok(MysqlBindValue::$bind(*self))
            }
        }
    )*};
}

integers! {
    i8 => TinyInt, "TINYINT", TinyInt;
    i16 => SmallInt, "SMALLINT", SmallInt;
    i32 => Integer, "INTEGER", Int;
    i64 => BigInt, "BIGINT", BigInt;
}

macro_rules! unsigned_integers {
    ($($rust:ty => $st:ty, $expected:literal;)*) => {$(
        impl FromSql<$st, Mysql> for $rust {
            #[inline]
            fn from_sql(value: MysqlValue<'_>) -> DResult<Self> {
                fit(integer(&value, $expected)?, stringify!($rust))
            }
        }
        impl ToSql<$st, Mysql> for $rust {
            #[inline]
            fn to_sql(&self) -> QueryResult<MysqlBindValue<'_>> {
                // Sent as a BIGINT UNSIGNED: the server converts it to the column's width and
                // refuses (strict mode) a value the column cannot hold.
                Ok(MysqlBindValue::UnsignedBigInt(u64::from(*self)))
            }
        }
    )*};
}

unsigned_integers! {
    u8 => Unsigned<TinyInt>, "TINYINT UNSIGNED";
    u16 => Unsigned<SmallInt>, "SMALLINT UNSIGNED";
    u32 => Unsigned<Integer>, "INTEGER UNSIGNED";
    u64 => Unsigned<BigInt>, "BIGINT UNSIGNED";
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::raw::{MysqlColumnFlags, BINARY_CHARSET};
    use crate::types::test_support::{binary_column, column, value, UTF8MB4};

    #[test]
    fn integers_of_any_width_read_when_they_fit() {
        let c = binary_column(MysqlType::LongLong);
        assert_eq!(
            <i32 as FromSql<Integer, Mysql>>::from_sql(value(MysqlValueRef::Int(-5), &c)),
            Ok(-5)
        );
        assert_eq!(
            <i16 as FromSql<SmallInt, Mysql>>::from_sql(value(MysqlValueRef::Int(40_000), &c)),
            Err(DeserializeErrorKind::OutOfRange {
                value: 40_000,
                target: "i16"
            })
        );
        let u = column(MysqlType::LongLong, MysqlColumnFlags::UNSIGNED, BINARY_CHARSET, 0);
        assert_eq!(
            <i64 as FromSql<BigInt, Mysql>>::from_sql(value(MysqlValueRef::UInt(u64::MAX), &u)),
            Err(DeserializeErrorKind::OutOfRange {
                value: i64::MAX,
                target: "i64"
            })
        );
        assert_eq!(
            <i64 as FromSql<BigInt, Mysql>>::from_sql(value(MysqlValueRef::UInt(7), &u)),
            Ok(7)
        );
    }

    #[test]
    fn unsigned_and_tiny_integers_read_when_they_fit() {
        let u = column(MysqlType::LongLong, MysqlColumnFlags::UNSIGNED, BINARY_CHARSET, 0);
        assert_eq!(
            <u64 as FromSql<Unsigned<BigInt>, Mysql>>::from_sql(value(MysqlValueRef::UInt(u64::MAX), &u)),
            Ok(u64::MAX)
        );
        assert_eq!(
            <u8 as FromSql<Unsigned<TinyInt>, Mysql>>::from_sql(value(MysqlValueRef::UInt(256), &u)),
            Err(DeserializeErrorKind::OutOfRange {
                value: 256,
                target: "u8"
            })
        );
        let c = binary_column(MysqlType::Tiny);
        assert_eq!(
            <u32 as FromSql<Unsigned<Integer>, Mysql>>::from_sql(value(MysqlValueRef::Int(-1), &c)),
            Err(DeserializeErrorKind::OutOfRange {
                value: -1,
                target: "u32"
            })
        );
        assert_eq!(
            <i8 as FromSql<TinyInt, Mysql>>::from_sql(value(MysqlValueRef::Int(-128), &c)),
            Ok(-128)
        );
    }

    #[test]
    fn integral_decimals_read_exactly_and_others_are_wrong_types() {
        let d0 = column(MysqlType::NewDecimal, 0, BINARY_CHARSET, 0);
        assert_eq!(
            <i64 as FromSql<BigInt, Mysql>>::from_sql(value(
                MysqlValueRef::Bytes(b"-9223372036854775808"),
                &d0
            )),
            Ok(i64::MIN)
        );
        assert!(matches!(
            <i64 as FromSql<BigInt, Mysql>>::from_sql(value(
                MysqlValueRef::Bytes(b"9223372036854775817"),
                &d0
            )),
            Err(DeserializeErrorKind::OutOfRange { .. })
        ));
        assert!(matches!(
            <i64 as FromSql<BigInt, Mysql>>::from_sql(value(MysqlValueRef::Bytes(b"1x"), &d0)),
            Err(DeserializeErrorKind::Malformed(_))
        ));
        let d2 = column(MysqlType::NewDecimal, 0, BINARY_CHARSET, 2);
        assert_eq!(
            <i64 as FromSql<BigInt, Mysql>>::from_sql(value(MysqlValueRef::Bytes(b"1.50"), &d2)),
            Err(DeserializeErrorKind::WrongType {
                expected: "BIGINT",
                found: "DECIMAL"
            })
        );
        let text = column(MysqlType::VarString, 0, UTF8MB4, 0);
        assert_eq!(
            <i32 as FromSql<Integer, Mysql>>::from_sql(value(MysqlValueRef::Bytes(b"12"), &text)),
            Err(DeserializeErrorKind::WrongType {
                expected: "INTEGER",
                found: "VARCHAR"
            })
        );
        let double = binary_column(MysqlType::Double);
        assert!(
            <i32 as FromSql<Integer, Mysql>>::from_sql(value(MysqlValueRef::Double(1.0), &double)).is_err()
        );
    }
}
