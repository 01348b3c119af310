//! `Binary` ↔ `Vec<u8>` / `&[u8]`.
//!
//! Binary reads from the string and blob types whose character set is `binary` (BINARY,
//! VARBINARY, BLOB, `CAST(… AS BINARY)`) and from BIT and spatial values. A text column is
//! `Text`: reading one as bytes is a `WrongType` error.

use quarry::deserialize::FromSql;
use quarry::serialize::ToSql;
use quarry::sql_types::Binary;
use quarry::QueryResult;

use super::{wrong_type, DResult};
use crate::backend::Mysql;
use crate::bind_value::MysqlBindValue;
use crate::raw::{MysqlType, MysqlValueRef};
use crate::value::MysqlValue;

fn bytes<'a>(value: &MysqlValue<'a>) -> DResult<&'a [u8]> {
    let column = value.column;
    let binary = match column.column_type {
        MysqlType::Bit | MysqlType::Geometry => true,
        MysqlType::TinyBlob
        | MysqlType::MediumBlob
        | MysqlType::LongBlob
        | MysqlType::Blob
        | MysqlType::VarString
        | MysqlType::VarChar
        | MysqlType::String => column.is_binary(),
        _ => false,
    };
    match value.value {
        MysqlValueRef::Bytes(bytes) if binary => Ok(bytes),
        _ => Err(wrong_type("BLOB", value)),
    }
}

impl FromSql<Binary, Mysql> for Vec<u8> {
    #[inline]
    fn from_sql(value: MysqlValue<'_>) -> DResult<Self> {
        bytes(&value).map(<[u8]>::to_vec)
    }
}
impl ToSql<Binary, Mysql> for [u8] {
    #[inline]
    fn to_sql(&self) -> QueryResult<MysqlBindValue<'_>> {
        Ok(MysqlBindValue::Bytes(self))
    }
}
impl ToSql<Binary, Mysql> for Vec<u8> {
    #[inline]
    fn to_sql(&self) -> QueryResult<MysqlBindValue<'_>> {
        Ok(MysqlBindValue::Bytes(self))
    }
}

#[cfg(test)]
mod tests {
    use quarry::error::DeserializeErrorKind;

    use super::*;
    use crate::types::test_support::{binary_column, column, value, UTF8MB4};

    #[test]
    fn binary_columns_read_and_text_does_not() {
        let blob = binary_column(MysqlType::Blob);
        assert_eq!(
            <Vec<u8> as FromSql<Binary, Mysql>>::from_sql(value(MysqlValueRef::Bytes(&[0, 255]), &blob)),
            Ok(vec![0, 255])
        );
        let text = column(MysqlType::Blob, 0, UTF8MB4, 0);
        assert_eq!(
            <Vec<u8> as FromSql<Binary, Mysql>>::from_sql(value(MysqlValueRef::Bytes(b"a"), &text)),
            Err(DeserializeErrorKind::WrongType {
                expected: "BLOB",
                found: "TEXT"
            })
        );
        let decimal = binary_column(MysqlType::NewDecimal);
        assert!(
            <Vec<u8> as FromSql<Binary, Mysql>>::from_sql(value(MysqlValueRef::Bytes(b"1"), &decimal))
                .is_err()
        );
    }
}
