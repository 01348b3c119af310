use std::fmt::Write as _;

use quarry::backend::{
    push_double_quoted_identifier, AggregateFunction, Backend, LimitOffsetSql, SupportsOnConflict,
    SupportsReturning,
};
use quarry::serialize::HasNullBind;
use quarry::sql_types::{SqlType, SqlTypeKind};

use crate::bind_value::PgBindValue;
use crate::value::PgValue;

/// The PostgreSQL backend.
#[derive(Debug, Clone, Copy, Default)]
pub struct Pg;

/// The type OID PostgreSQL uses for a SQL type (pg_type.oid).
pub(crate) fn type_oid(kind: SqlTypeKind) -> u32 {
    match kind {
        SqlTypeKind::SmallInt => 21,
        SqlTypeKind::Integer => 23,
        SqlTypeKind::BigInt => 20,
        SqlTypeKind::Float => 700,
        SqlTypeKind::Double => 701,
        SqlTypeKind::Text => 25,
        SqlTypeKind::Binary => 17,
        SqlTypeKind::Bool => 16,
        SqlTypeKind::Date => 1082,
        SqlTypeKind::Time => 1083,
        SqlTypeKind::Timestamp => 1114,
        _ => 0,
    }
}

impl Backend for Pg {
    type BindValue<'a> = PgBindValue<'a>;
    type RawValue<'a> = PgValue<'a>;
    const NAME: &'static str = "PostgreSQL";
    // The protocol counts parameters in 16 bits.
    const MAX_BIND_PARAMS: usize = 65_535;

    fn push_bind_placeholder(out: &mut String, index: usize) {
        // Writing to a String cannot fail.
        let _ = write!(out, "${}", index + 1);
    }

    fn push_identifier(out: &mut String, ident: &str) {
        push_double_quoted_identifier(out, ident);
    }

    fn cast_type_name(kind: SqlTypeKind) -> &'static str {
        match kind {
            SqlTypeKind::SmallInt => "int2",
            SqlTypeKind::Integer => "int4",
            SqlTypeKind::BigInt => "int8",
            SqlTypeKind::Float => "float4",
            SqlTypeKind::Double => "float8",
            SqlTypeKind::Binary => "bytea",
            SqlTypeKind::Bool => "bool",
            SqlTypeKind::Date => "date",
            SqlTypeKind::Time => "time",
            SqlTypeKind::Timestamp => "timestamp",
            _ => "text",
        }
    }

    fn aggregate_result_cast(func: AggregateFunction, arg: SqlTypeKind) -> Option<&'static str> {
        use SqlTypeKind::{BigInt, Float, Integer, SmallInt};
        match (func, arg) {
            // SUM(int8) is numeric and SUM(float4) is float4 on PostgreSQL; the DSL promises BigInt
            // and Double. A sum too large for int8 fails with "bigint out of range", not silently.
            (AggregateFunction::Sum, BigInt) => Some("int8"),
            (AggregateFunction::Sum, Float) => Some("float8"),
            // AVG of an integer is numeric on PostgreSQL; the DSL promises Double.
            (AggregateFunction::Avg, SmallInt | Integer | BigInt) => Some("float8"),
            _ => None,
        }
    }

    fn limit_offset_sql(_has_limit: bool, _has_offset: bool) -> LimitOffsetSql {
        LimitOffsetSql {
            limit_prefix: Some(" LIMIT "),
            limit_when_only_offset: None,
            offset_prefix: " OFFSET ",
        }
    }
}

impl HasNullBind for Pg {
    fn null_bind<'a, ST: SqlType>() -> PgBindValue<'a> {
        PgBindValue::null(type_oid(ST::KIND))
    }
}

impl SupportsReturning for Pg {}
impl SupportsOnConflict for Pg {}
