//! `JSON` and `JSONB` as `serde_json::Value` (feature `serde_json`).
//!
//! `json` travels as its UTF-8 text; binary `jsonb` is a version byte (1, the only one PostgreSQL
//! has defined) followed by the text. Other versions are refused rather than guessed at.

use quarry::deserialize::FromSql;
use quarry::error::DeserializeErrorKind;
use quarry::serialize::ToSql;
use quarry::sql_types::{Json, Jsonb};
use quarry::QueryResult;

use super::{check_type, DResult};
use crate::backend::Pg;
use crate::bind_value::PgBindValue;
use crate::value::PgValue;

/// The version byte of binary `jsonb`.
const JSONB_VERSION: u8 = 1;

fn parse(text: &[u8], what: &str) -> DResult<serde_json::Value> {
    serde_json::from_slice(text).map_err(|e| DeserializeErrorKind::Malformed(format!("invalid {what}: {e}")))
}

fn serialize(value: &serde_json::Value, prefix: &[u8]) -> QueryResult<Vec<u8>> {
    let mut out = prefix.to_vec();
    serde_json::to_writer(&mut out, value).map_err(|e| quarry::Error::Serialize(e.to_string()))?;
    Ok(out)
}

impl FromSql<Json, Pg> for serde_json::Value {
    fn from_sql(value: PgValue<'_>) -> DResult<Self> {
        // JSON kept in a text column reads as JSON too.
        check_type(&value, &[114, 25, 1043], "JSON")?;
        parse(value.bytes, "json")
    }
}

impl ToSql<Json, Pg> for serde_json::Value {
    fn to_sql(&self) -> QueryResult<PgBindValue<'_>> {
        Ok(PgBindValue::owned(114, serialize(self, &[])?))
    }
}

impl FromSql<Jsonb, Pg> for serde_json::Value {
    fn from_sql(value: PgValue<'_>) -> DResult<Self> {
        check_type(&value, &[3802], "JSONB")?;
        match value.bytes.split_first() {
            Some((&JSONB_VERSION, text)) => parse(text, "jsonb"),
            Some((version, _)) => Err(DeserializeErrorKind::Malformed(format!(
                "unsupported binary jsonb version {version}"
            ))),
            None => Err(DeserializeErrorKind::Malformed(
                "empty binary jsonb value (no version byte)".into(),
            )),
        }
    }
}

impl ToSql<Jsonb, Pg> for serde_json::Value {
    fn to_sql(&self) -> QueryResult<PgBindValue<'_>> {
        Ok(PgBindValue::owned(3802, serialize(self, &[JSONB_VERSION])?))
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn value(bytes: &[u8]) -> PgValue<'_> {
        PgValue {
            bytes,
            is_null: false,
            oid: 0,
        }
    }

    #[test]
    fn round_trips() {
        let v = json!({"a": [1, 2.5, null, true], "b": {"c": "ü\"\\"}, "n": -1});
        let bound = ToSql::<Json, Pg>::to_sql(&v).unwrap();
        assert_eq!(bound.oid(), 114);
        assert_eq!(
            <serde_json::Value as FromSql<Json, Pg>>::from_sql(value(bound.as_bytes().unwrap())),
            Ok(v.clone())
        );
        let bound = ToSql::<Jsonb, Pg>::to_sql(&v).unwrap();
        assert_eq!(bound.oid(), 3802);
        assert_eq!(bound.as_bytes().unwrap().first(), Some(&1));
        assert_eq!(
            <serde_json::Value as FromSql<Jsonb, Pg>>::from_sql(value(bound.as_bytes().unwrap())),
            Ok(v)
        );
    }

    #[test]
    fn malformed_values_are_errors() {
        let jsonb = |b: &[u8]| <serde_json::Value as FromSql<Jsonb, Pg>>::from_sql(value(b));
        let json = |b: &[u8]| <serde_json::Value as FromSql<Json, Pg>>::from_sql(value(b));
        assert!(matches!(jsonb(b""), Err(DeserializeErrorKind::Malformed(m)) if m.contains("version")));
        assert!(
            matches!(jsonb(b"\x02{}"), Err(DeserializeErrorKind::Malformed(m)) if m.contains("version 2"))
        );
        assert!(jsonb(b"\x01{").is_err());
        assert!(jsonb(b"\x01").is_err());
        assert!(json(b"").is_err());
        assert!(json(b"{\"a\": }").is_err());
        assert!(json(&[0xff, 0xfe]).is_err());
        assert_eq!(json(b" [1] "), Ok(serde_json::json!([1])));
        // jsonb read as json (and the reverse) is a type error, not a parse of the wrong bytes.
        let as_json = <serde_json::Value as FromSql<Json, Pg>>::from_sql(PgValue {
            bytes: b"\x01{}",
            is_null: false,
            oid: 3802,
        });
        assert!(matches!(
            as_json,
            Err(DeserializeErrorKind::WrongType { expected: "JSON", .. })
        ));
    }
}
