//! User-defined types (database enums, `#[derive(SqlEnum)]`): bound and read as their text label.
//!
//! The binary format of an enum value is its label's UTF-8 bytes. The type's OID differs from
//! database to database, so the label is bound with OID 0 (unspecified): the server takes the
//! enum type from the context (`mood = $1`, `INSERT … VALUES ($1)`). Bound as `text` (OID 25) it
//! would fail, since PostgreSQL has no `mood = text` operator.

use quarry::deserialize::ReadCustomLabel;
use quarry::error::DeserializeErrorKind;
use quarry::serialize::BindCustomLabel;
use quarry::sql_types::SqlTypeKind;
use quarry::QueryResult;

use super::{check_type, TEXT_OIDS};
use crate::backend::Pg;
use crate::bind_value::PgBindValue;

impl BindCustomLabel for Pg {
    fn bind_custom_label(_sql_type: SqlTypeKind, label: &str) -> QueryResult<PgBindValue<'_>> {
        if label.contains('\0') {
            return Err(quarry::Error::Serialize(
                "a PostgreSQL enum label cannot contain a NUL byte".into(),
            ));
        }
        Ok(PgBindValue::borrowed(0, label.as_bytes()))
    }
}

impl ReadCustomLabel for Pg {
    // Spelled as the trait spells it (a projection), so that the lifetime binds the same way.
    fn read_custom_label<'a>(value: Self::RawValue<'a>) -> Result<&'a str, DeserializeErrorKind> {
        // An enum's OID is the database's own (unknown here, so accepted); a label kept in a text
        // column reads too; another built-in type is an error.
        check_type(&value, &TEXT_OIDS, "ENUM")?;
        std::str::from_utf8(value.bytes).map_err(|_| DeserializeErrorKind::InvalidUtf8)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::PgValue;

    #[test]
    fn labels_are_bound_untyped_and_read_as_text() {
        let bound = Pg::bind_custom_label(SqlTypeKind::Custom("mood"), "so-so").unwrap();
        assert_eq!(bound.oid(), 0);
        assert_eq!(bound.as_bytes(), Some(&b"so-so"[..]));
        assert!(Pg::bind_custom_label(SqlTypeKind::Custom("mood"), "a\0b").is_err());
        let v = PgValue {
            bytes: b"happy",
            is_null: false,
            oid: 16_384,
        };
        assert_eq!(Pg::read_custom_label(v), Ok("happy"));
        let bad = PgValue {
            bytes: &[0xff, 0xfe],
            is_null: false,
            oid: 16_384,
        };
        assert_eq!(Pg::read_custom_label(bad), Err(DeserializeErrorKind::InvalidUtf8));
        let int = PgValue {
            bytes: &[0, 0, 0, 1],
            is_null: false,
            oid: 23,
        };
        assert!(matches!(
            Pg::read_custom_label(int),
            Err(DeserializeErrorKind::WrongType {
                expected: "ENUM",
                found: "integer"
            })
        ));
    }
}
