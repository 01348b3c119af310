//! `Decimal` ↔ `rust_decimal::Decimal` (feature `rust_decimal`).
//!
//! The binary protocol carries a DECIMAL as its decimal text; it is parsed exactly (never
//! through a float): a value with more significant digits than `rust_decimal` holds (28) is a
//! `Malformed` error rather than a rounded number. Binding sends the exact decimal text.

use quarry::deserialize::FromSql;
use quarry::serialize::ToSql;
use quarry::sql_types::Decimal;
use quarry::QueryResult;

use super::{malformed, wrong_type, DResult};
use crate::backend::Mysql;
use crate::bind_value::MysqlBindValue;
use crate::raw::{MysqlType, MysqlValueRef};
use crate::value::MysqlValue;

impl FromSql<Decimal, Mysql> for rust_decimal::Decimal {
    fn from_sql(value: MysqlValue<'_>) -> DResult<Self> {
        let text = match value.value {
            MysqlValueRef::Bytes(bytes)
                if matches!(
                    value.column.column_type,
                    MysqlType::NewDecimal | MysqlType::Decimal
                ) =>
            {
                std::str::from_utf8(bytes)
                    .map_err(|_| malformed("a DECIMAL that is not ASCII text".into()))?
            }
            _ => return Err(wrong_type("DECIMAL", &value)),
        };
        rust_decimal::Decimal::from_str_exact(text)
            .or_else(|_| {
                // `from_str_exact` refuses trailing zeros beyond 28 digits of scale (a
                // DECIMAL(65,30) column); those are exact after all.
                let trimmed = trim_fraction_zeros(text);
                rust_decimal::Decimal::from_str_exact(trimmed)
            })
            .map_err(|e| {
                malformed(format!(
                    "DECIMAL {text} does not fit rust_decimal::Decimal exactly: {e}"
                ))
            })
    }
}

/// `text` without the zeros that end its fraction (`1.500` → `1.5`, `2.000` → `2`).
fn trim_fraction_zeros(text: &str) -> &str {
    if !text.contains('.') {
        return text;
    }
    text.trim_end_matches('0').trim_end_matches('.')
}

impl ToSql<Decimal, Mysql> for rust_decimal::Decimal {
    fn to_sql(&self) -> QueryResult<MysqlBindValue<'_>> {
        // Display writes plain decimal notation, never an exponent.
        Ok(MysqlBindValue::Decimal(self.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use quarry::error::DeserializeErrorKind;

    use super::*;
    use crate::raw::BINARY_CHARSET;
    use crate::types::test_support::{binary_column, column, value};

    fn read(text: &[u8], scale: u32) -> DResult<rust_decimal::Decimal> {
        let c = column(MysqlType::NewDecimal, 0, BINARY_CHARSET, scale);
        <rust_decimal::Decimal as FromSql<Decimal, Mysql>>::from_sql(value(MysqlValueRef::Bytes(text), &c))
    }

    #[test]
    fn decimals_parse_exactly() {
        assert_eq!(read(b"-12.50", 2).unwrap().to_string(), "-12.50");
        assert_eq!(
            read(b"0.100000000000000000000000000000", 30).unwrap().to_string(),
            "0.1"
        );
        assert!(matches!(
            read(b"1234567890123456789012345678901234567890", 0),
            Err(DeserializeErrorKind::Malformed(_))
        ));
        assert!(matches!(
            read(b"0.123456789012345678901234567891", 30),
            Err(DeserializeErrorKind::Malformed(_))
        ));
        let int = binary_column(MysqlType::Long);
        assert!(matches!(
            <rust_decimal::Decimal as FromSql<Decimal, Mysql>>::from_sql(value(MysqlValueRef::Int(1), &int)),
            Err(DeserializeErrorKind::WrongType { .. })
        ));
        let d = rust_decimal::Decimal::new(-1250, 2);
        assert_eq!(
            ToSql::<Decimal, Mysql>::to_sql(&d).unwrap(),
            MysqlBindValue::Decimal("-12.50".into())
        );
    }
}
