//! `Json` ↔ `serde_json::Value` (feature `serde_json`).
//!
//! MariaDB stores JSON as LONGTEXT (with a `JSON_VALID` check), MySQL as its own JSON type: both
//! read from their text, as does JSON kept in any text column. Binding sends the JSON text.

use quarry::deserialize::FromSql;
use quarry::serialize::ToSql;
use quarry::sql_types::Json;
use quarry::QueryResult;

use super::{malformed, wrong_type, DResult};
use crate::backend::Mysql;
use crate::bind_value::MysqlBindValue;
use crate::raw::MysqlValueRef;
use crate::value::MysqlValue;

impl FromSql<Json, Mysql> for serde_json::Value {
    fn from_sql(value: MysqlValue<'_>) -> DResult<Self> {
        match value.value {
            MysqlValueRef::Bytes(text) if value.is_text() => {
                serde_json::from_slice(text).map_err(|e| malformed(format!("invalid JSON: {e}")))
            }
            _ => Err(wrong_type("JSON", &value)),
        }
    }
}

impl ToSql<Json, Mysql> for serde_json::Value {
    fn to_sql(&self) -> QueryResult<MysqlBindValue<'_>> {
        serde_json::to_string(self)
            .map(MysqlBindValue::OwnedText)
            .map_err(|e| quarry::Error::Serialize(e.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use quarry::error::DeserializeErrorKind;

    use super::*;
    use crate::raw::MysqlType;
    use crate::types::test_support::{binary_column, column, value, UTF8MB4};

    #[test]
    fn json_reads_from_text() {
        let c = column(MysqlType::LongBlob, 0, UTF8MB4, 0);
        assert_eq!(
            <serde_json::Value as FromSql<Json, Mysql>>::from_sql(value(
                MysqlValueRef::Bytes(br#"{"a":[1]}"#),
                &c
            )),
            Ok(serde_json::json!({"a": [1]}))
        );
        assert!(matches!(
            <serde_json::Value as FromSql<Json, Mysql>>::from_sql(value(MysqlValueRef::Bytes(b"{"), &c)),
            Err(DeserializeErrorKind::Malformed(_))
        ));
        let blob = binary_column(MysqlType::Blob);
        assert!(<serde_json::Value as FromSql<Json, Mysql>>::from_sql(value(
            MysqlValueRef::Bytes(b"1"),
            &blob
        ))
        .is_err());
    }
}
