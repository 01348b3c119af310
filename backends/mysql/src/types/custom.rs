//! User-defined types (`#[derive(SqlEnum)]`): MySQL `ENUM` columns, bound and read as their
//! text label.
//!
//! MySQL's ENUM is a column type rather than a named type: a label is bound as text, which the
//! server converts to the column's ENUM on INSERT and UPDATE and compares as text in WHERE. A
//! label kept in a text column reads too.

use quarry::deserialize::ReadCustomLabel;
use quarry::error::DeserializeErrorKind;
use quarry::serialize::BindCustomLabel;
use quarry::sql_types::SqlTypeKind;
use quarry::QueryResult;

use super::text;
use crate::backend::Mysql;
use crate::bind_value::MysqlBindValue;

impl BindCustomLabel for Mysql {
    #[inline]
    fn bind_custom_label(_sql_type: SqlTypeKind, label: &str) -> QueryResult<MysqlBindValue<'_>> {
        Ok(MysqlBindValue::Text(label))
    }
}

impl ReadCustomLabel for Mysql {
    // Spelled as the trait spells it (a projection), so that the lifetime binds the same way.
    #[inline]
    fn read_custom_label<'a>(value: Self::RawValue<'a>) -> Result<&'a str, DeserializeErrorKind> {
        text(&value, "ENUM")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::raw::{MysqlColumnFlags, MysqlType, MysqlValueRef};
    use crate::types::test_support::{binary_column, column, value, UTF8MB4};

    #[test]
    fn labels_are_bound_and_read_as_text() {
        assert_eq!(
            Mysql::bind_custom_label(SqlTypeKind::Custom("mood"), "so-so").unwrap(),
            MysqlBindValue::Text("so-so")
        );
        let e = column(MysqlType::String, MysqlColumnFlags::ENUM, UTF8MB4, 0);
        assert_eq!(
            Mysql::read_custom_label(value(MysqlValueRef::Bytes(b"happy"), &e)),
            Ok("happy")
        );
        let int = binary_column(MysqlType::Long);
        assert_eq!(
            Mysql::read_custom_label(value(MysqlValueRef::Int(1), &int)),
            Err(DeserializeErrorKind::WrongType {
                expected: "ENUM",
                found: "INT"
            })
        );
    }
}
