//! `Text` ↔ `String` / `&str`.
//!
//! Text reads from the string and blob types whose character set is not `binary` (CHAR,
//! VARCHAR, TEXT, ENUM, SET), and from JSON. Binary strings (BINARY, VARBINARY, BLOB) are
//! `Binary`, not text: reading one as text is a `WrongType` error. Text may hold NUL bytes.

use quarry::deserialize::FromSql;
use quarry::error::DeserializeErrorKind;
use quarry::serialize::ToSql;
use quarry::sql_types::Text;
use quarry::QueryResult;

use super::{wrong_type, DResult};
use crate::backend::Mysql;
use crate::bind_value::MysqlBindValue;
use crate::raw::MysqlValueRef;
use crate::value::MysqlValue;

/// The text of a text value, borrowed from the row; `expected` names the SQL type for errors.
pub(crate) fn text<'a>(value: &MysqlValue<'a>, expected: &'static str) -> DResult<&'a str> {
    match value.value {
        MysqlValueRef::Bytes(bytes) if value.is_text() => {
            std::str::from_utf8(bytes).map_err(|_| DeserializeErrorKind::InvalidUtf8)
        }
        MysqlValueRef::Null => Err(DeserializeErrorKind::UnexpectedNull),
        _ => Err(wrong_type(expected, value)),
    }
}

impl FromSql<Text, Mysql> for String {
    #[inline]
    fn from_sql(value: MysqlValue<'_>) -> DResult<Self> {
        text(&value, "TEXT").map(str::to_owned)
    }
}
impl ToSql<Text, Mysql> for str {
    #[inline]
    fn to_sql(&self) -> QueryResult<MysqlBindValue<'_>> {
        Ok(MysqlBindValue::Text(self))
    }
}
impl ToSql<Text, Mysql> for String {
    #[inline]
    fn to_sql(&self) -> QueryResult<MysqlBindValue<'_>> {
        Ok(MysqlBindValue::Text(self))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::raw::{MysqlColumnFlags, MysqlType};
    use crate::types::test_support::{binary_column, column, value, UTF8MB4};

    #[test]
    fn text_columns_read_and_others_do_not() {
        for t in [
            MysqlType::VarString,
            MysqlType::Blob,
            MysqlType::String,
            MysqlType::LongBlob,
        ] {
            let c = column(t, 0, UTF8MB4, 0);
            assert_eq!(
                <String as FromSql<Text, Mysql>>::from_sql(value(MysqlValueRef::Bytes(b"a\0b"), &c)),
                Ok("a\0b".to_string())
            );
            assert_eq!(
                <String as FromSql<Text, Mysql>>::from_sql(value(MysqlValueRef::Bytes(&[0xff]), &c)),
                Err(DeserializeErrorKind::InvalidUtf8)
            );
        }
        let blob = binary_column(MysqlType::Blob);
        assert_eq!(
            <String as FromSql<Text, Mysql>>::from_sql(value(MysqlValueRef::Bytes(b"a"), &blob)),
            Err(DeserializeErrorKind::WrongType {
                expected: "TEXT",
                found: "BLOB"
            })
        );
        let decimal = binary_column(MysqlType::NewDecimal);
        assert!(
            <String as FromSql<Text, Mysql>>::from_sql(value(MysqlValueRef::Bytes(b"1.5"), &decimal))
                .is_err()
        );
        let int = binary_column(MysqlType::Long);
        assert!(<String as FromSql<Text, Mysql>>::from_sql(value(MysqlValueRef::Int(1), &int)).is_err());
        let e = column(MysqlType::String, MysqlColumnFlags::ENUM, UTF8MB4, 0);
        assert_eq!(
            <String as FromSql<Text, Mysql>>::from_sql(value(MysqlValueRef::Bytes(b"happy"), &e)),
            Ok("happy".to_string())
        );
    }
}
