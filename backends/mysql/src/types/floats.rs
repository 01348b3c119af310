//! `Float` ↔ `f32`, `Double` ↔ `f64`, and `Bool` ↔ `bool`.
//!
//! FLOAT and DOUBLE columns read into either float type (MySQL computes with FLOAT values as
//! DOUBLE, so an expression over a FLOAT column comes back as a DOUBLE). Integers and DECIMALs
//! are not read as floats.
//!
//! Booleans are `TINYINT(1)` on MySQL, and comparisons return integers: any integer column
//! reads as a `bool` (0 is false, anything else true), as does a `BIT(1)`.

use quarry::deserialize::FromSql;
use quarry::serialize::ToSql;
use quarry::sql_types::{Bool, Double, Float};
use quarry::QueryResult;

use super::{wrong_type, DResult};
use crate::backend::Mysql;
use crate::bind_value::MysqlBindValue;
use crate::raw::{MysqlType, MysqlValueRef};
use crate::value::MysqlValue;

impl FromSql<Float, Mysql> for f32 {
    #[inline]
    fn from_sql(value: MysqlValue<'_>) -> DResult<Self> {
        match value.value {
            MysqlValueRef::Float(v) => Ok(v),
            // A FLOAT widened by arithmetic: back to the precision of the SQL type.
            MysqlValueRef::Double(v) => Ok(v as f32),
            _ => Err(wrong_type("FLOAT", &value)),
        }
    }
}
impl ToSql<Float, Mysql> for f32 {
    #[inline]
    fn to_sql(&self) -> QueryResult<MysqlBindValue<'_>> {
        Ok(MysqlBindValue::Float(*self))
    }
}

impl FromSql<Double, Mysql> for f64 {
    #[inline]
    fn from_sql(value: MysqlValue<'_>) -> DResult<Self> {
        match value.value {
            MysqlValueRef::Double(v) => Ok(v),
            MysqlValueRef::Float(v) => Ok(f64::from(v)),
            _ => Err(wrong_type("DOUBLE", &value)),
        }
    }
}
impl ToSql<Double, Mysql> for f64 {
    #[inline]
    fn to_sql(&self) -> QueryResult<MysqlBindValue<'_>> {
        Ok(MysqlBindValue::Double(*self))
    }
}

impl FromSql<Bool, Mysql> for bool {
    #[inline]
    fn from_sql(value: MysqlValue<'_>) -> DResult<Self> {
        match value.value {
            MysqlValueRef::Int(v) => Ok(v != 0),
            MysqlValueRef::UInt(v) => Ok(v != 0),
            MysqlValueRef::Bytes(bits) if value.column.column_type == MysqlType::Bit => {
                Ok(bits.iter().any(|b| *b != 0))
            }
            _ => Err(wrong_type("BOOLEAN", &value)),
        }
    }
}
impl ToSql<Bool, Mysql> for bool {
    #[inline]
    fn to_sql(&self) -> QueryResult<MysqlBindValue<'_>> {
        Ok(MysqlBindValue::TinyInt(i8::from(*self)))
    }
}

#[cfg(test)]
mod tests {
    use quarry::error::DeserializeErrorKind;

    use super::*;
    use crate::types::test_support::{binary_column, column, value, UTF8MB4};

    #[test]
    fn floats_and_bools() {
        let d = binary_column(MysqlType::Double);
        assert_eq!(
            <f32 as FromSql<Float, Mysql>>::from_sql(value(MysqlValueRef::Double(1.5), &d)),
            Ok(1.5)
        );
        assert_eq!(
            <f64 as FromSql<Double, Mysql>>::from_sql(value(MysqlValueRef::Double(-2.0), &d)),
            Ok(-2.0)
        );
        let i = binary_column(MysqlType::Long);
        assert_eq!(
            <f64 as FromSql<Double, Mysql>>::from_sql(value(MysqlValueRef::Int(1), &i)),
            Err(DeserializeErrorKind::WrongType {
                expected: "DOUBLE",
                found: "INT"
            })
        );
        assert_eq!(
            <bool as FromSql<Bool, Mysql>>::from_sql(value(MysqlValueRef::Int(1), &i)),
            Ok(true)
        );
        assert_eq!(
            <bool as FromSql<Bool, Mysql>>::from_sql(value(MysqlValueRef::Int(0), &i)),
            Ok(false)
        );
        let bit = binary_column(MysqlType::Bit);
        assert_eq!(
            <bool as FromSql<Bool, Mysql>>::from_sql(value(MysqlValueRef::Bytes(&[1]), &bit)),
            Ok(true)
        );
        let text = column(MysqlType::VarString, 0, UTF8MB4, 0);
        assert!(<bool as FromSql<Bool, Mysql>>::from_sql(value(MysqlValueRef::Bytes(b"1"), &text)).is_err());
    }
}
