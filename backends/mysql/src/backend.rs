use quarry::backend::{
    AggregateFunction, Backend, LimitOffsetSql, SupportsInsertIgnore, SupportsOnDuplicateKeyUpdate,
    SupportsReplace, SupportsRowLocking,
};
use quarry::serialize::HasNullBind;
use quarry::sql_types::{SqlType, SqlTypeKind};

use crate::bind_value::MysqlBindValue;
use crate::value::MysqlValue;

/// The MySQL / MariaDB backend.
///
/// Its SQL dialect: `?` placeholders, identifiers quoted with backticks, `CONCAT(a, b)` for
/// concatenation, `DIV` for integer division (MySQL's `/` returns a DECIMAL), `() VALUES ()`
/// for an INSERT of defaults only, and `LIMIT 18446744073709551615 OFFSET ?` for an offset
/// without a limit. Upserts are MySQL's: `ON DUPLICATE KEY UPDATE`, `INSERT IGNORE` and
/// `REPLACE INTO`; there is no `RETURNING` and no `ON CONFLICT` (statements using them do not
/// compile for this backend). Row locks (`FOR UPDATE`, `LOCK IN SHARE MODE`, `NOWAIT`,
/// `SKIP LOCKED`) are supported; `SKIP LOCKED` needs MariaDB 10.6 or MySQL 8.
#[derive(Debug, Clone, Copy, Default)]
pub struct Mysql;

/// The highest unsigned 64-bit number: MySQL's way of saying "no limit" before an OFFSET.
const NO_LIMIT: &str = " LIMIT 18446744073709551615";

impl Backend for Mysql {
    type BindValue<'a> = MysqlBindValue<'a>;
    type RawValue<'a> = MysqlValue<'a>;
    const NAME: &'static str = "MySQL";
    // The protocol counts a prepared statement's parameters in 16 bits.
    const MAX_BIND_PARAMS: usize = 65_535;
    const CONCAT_OPERATOR: bool = false;
    const DEFAULT_VALUES: &'static str = " () VALUES ()";

    #[inline]
    fn push_bind_placeholder(out: &mut String, _index: usize) {
        out.push('?');
    }

    fn push_identifier(out: &mut String, ident: &str) {
        push_backtick_quoted_identifier(out, ident);
    }

    fn cast_type_name(kind: SqlTypeKind) -> &'static str {
        match kind {
            // MySQL casts to integers only as SIGNED / UNSIGNED (a BIGINT); the readers of the
            // narrower types check the range.
            SqlTypeKind::TinyInt
            | SqlTypeKind::SmallInt
            | SqlTypeKind::Integer
            | SqlTypeKind::BigInt
            | SqlTypeKind::Bool => "SIGNED",
            SqlTypeKind::Unsigned(_) => "UNSIGNED",
            // MariaDB 10.4.5+ and MySQL 8.0.17+.
            SqlTypeKind::Float => "FLOAT",
            SqlTypeKind::Double => "DOUBLE",
            SqlTypeKind::Binary => "BINARY",
            SqlTypeKind::Date => "DATE",
            SqlTypeKind::Time => "TIME(6)",
            SqlTypeKind::Timestamp | SqlTypeKind::Timestamptz => "DATETIME(6)",
            SqlTypeKind::Decimal => "DECIMAL(65,30)",
            // Text, JSON (MariaDB keeps it as text), enum labels and the rest.
            _ => "CHAR",
        }
    }

    fn division_operator(left: SqlTypeKind) -> &'static str {
        match left {
            SqlTypeKind::TinyInt
            | SqlTypeKind::SmallInt
            | SqlTypeKind::Integer
            | SqlTypeKind::BigInt
            | SqlTypeKind::Unsigned(_) => " DIV ",
            _ => " / ",
        }
    }

    fn limit_offset_sql(_has_limit: bool, _has_offset: bool) -> LimitOffsetSql {
        LimitOffsetSql {
            limit_prefix: Some(" LIMIT "),
            limit_when_only_offset: Some(NO_LIMIT),
            offset_prefix: " OFFSET ",
        }
    }

    fn aggregate_result_cast(func: AggregateFunction, arg: SqlTypeKind) -> Option<&'static str> {
        use SqlTypeKind::{BigInt, Integer, SmallInt, TinyInt, Unsigned};
        match (func, arg) {
            // AVG of integers is a DECIMAL on MySQL; the DSL promises Double.
            (AggregateFunction::Avg, TinyInt | SmallInt | Integer | BigInt | Unsigned(_)) => Some("DOUBLE"),
            // SUM of integers is a DECIMAL(…, 0) too, but it is not cast: `CAST(… AS SIGNED)`
            // silently saturates at i64::MAX (with only a warning), while the integer readers
            // read a DECIMAL without fraction digits exactly and report an overflow as an error.
            _ => None,
        }
    }
}

impl HasNullBind for Mysql {
    #[inline]
    fn null_bind<'a, ST: SqlType>() -> MysqlBindValue<'a> {
        MysqlBindValue::Null
    }
}

/// MariaDB has no `FOR SHARE`; `LOCK IN SHARE MODE` is understood by MySQL too.
impl SupportsRowLocking for Mysql {
    const FOR_SHARE: &'static str = " LOCK IN SHARE MODE";
}

/// `INSERT … ON DUPLICATE KEY UPDATE`, with `inserted(column)` written `VALUES(column)`.
impl SupportsOnDuplicateKeyUpdate for Mysql {}

/// `INSERT IGNORE INTO`.
impl SupportsInsertIgnore for Mysql {
    const INSERT_IGNORE_INTO: &'static str = "INSERT IGNORE INTO ";
}

/// `REPLACE INTO`.
impl SupportsReplace for Mysql {}

/// Writes `ident` quoted with backticks, each backtick in it doubled.
pub fn push_backtick_quoted_identifier(out: &mut String, ident: &str) {
    out.reserve(ident.len() + 2);
    out.push('`');
    for c in ident.chars() {
        if c == '`' {
            out.push('`');
        }
        out.push(c);
    }
    out.push('`');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_are_quoted_with_backticks() {
        let mut out = String::new();
        push_backtick_quoted_identifier(&mut out, "a`b c");
        assert_eq!(out, "`a``b c`");
        let mut out = String::new();
        Mysql::push_identifier(&mut out, "Order Items");
        assert_eq!(out, "`Order Items`");
    }

    #[test]
    fn dialect_choices() {
        assert_eq!(Mysql::division_operator(SqlTypeKind::Integer), " DIV ");
        assert_eq!(Mysql::division_operator(SqlTypeKind::Double), " / ");
        assert_eq!(Mysql::cast_type_name(SqlTypeKind::BigInt), "SIGNED");
        assert_eq!(Mysql::cast_type_name(SqlTypeKind::Text), "CHAR");
        assert_eq!(
            Mysql::aggregate_result_cast(AggregateFunction::Avg, SqlTypeKind::Integer),
            Some("DOUBLE")
        );
        assert_eq!(
            Mysql::aggregate_result_cast(AggregateFunction::Sum, SqlTypeKind::Integer),
            None
        );
        let lo = Mysql::limit_offset_sql(false, true);
        assert_eq!(lo.limit_when_only_offset, Some(NO_LIMIT));
    }
}
