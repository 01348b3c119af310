use std::fmt::Write as _;
use std::sync::{Mutex, PoisonError};

use quarry::backend::{
    push_double_quoted_identifier, AggregateFunction, Backend, LimitOffsetSql, SupportsOnConflict,
    SupportsReturning,
};
use quarry::serialize::HasNullBind;
use quarry::sql_types::{SqlType, SqlTypeKind};
use quarry::QueryResult;

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
        SqlTypeKind::Timestamptz => 1184,
        SqlTypeKind::Interval => 1186,
        SqlTypeKind::Decimal => 1700,
        SqlTypeKind::Uuid => 2950,
        SqlTypeKind::Json => 114,
        SqlTypeKind::Jsonb => 3802,
        SqlTypeKind::Array(element) => array_oid(*element),
        // A user-defined type's OID differs between databases: 0 lets the server infer it.
        _ => 0,
    }
}

/// The OID of the array type whose elements have type `element` (0 when unknown).
pub(crate) fn array_oid(element: SqlTypeKind) -> u32 {
    match element {
        SqlTypeKind::SmallInt => 1005,
        SqlTypeKind::Integer => 1007,
        SqlTypeKind::BigInt => 1016,
        SqlTypeKind::Float => 1021,
        SqlTypeKind::Double => 1022,
        SqlTypeKind::Text => 1009,
        SqlTypeKind::Binary => 1001,
        SqlTypeKind::Bool => 1000,
        SqlTypeKind::Date => 1182,
        SqlTypeKind::Time => 1183,
        SqlTypeKind::Timestamp => 1115,
        SqlTypeKind::Timestamptz => 1185,
        SqlTypeKind::Interval => 1187,
        SqlTypeKind::Decimal => 1231,
        SqlTypeKind::Uuid => 2951,
        SqlTypeKind::Json => 199,
        SqlTypeKind::Jsonb => 3807,
        // PostgreSQL has one array type per element type, whatever the dimensions.
        SqlTypeKind::Array(inner) => array_oid(*inner),
        _ => 0,
    }
}

/// The name of the array type whose elements have type `element`, for casts.
fn array_cast_name(element: SqlTypeKind) -> &'static str {
    match element {
        SqlTypeKind::SmallInt => "int2[]",
        SqlTypeKind::Integer => "int4[]",
        SqlTypeKind::BigInt => "int8[]",
        SqlTypeKind::Float => "float4[]",
        SqlTypeKind::Double => "float8[]",
        SqlTypeKind::Binary => "bytea[]",
        SqlTypeKind::Bool => "bool[]",
        SqlTypeKind::Date => "date[]",
        SqlTypeKind::Time => "time[]",
        SqlTypeKind::Timestamp => "timestamp[]",
        SqlTypeKind::Timestamptz => "timestamptz[]",
        SqlTypeKind::Interval => "interval[]",
        SqlTypeKind::Decimal => "numeric[]",
        SqlTypeKind::Uuid => "uuid[]",
        SqlTypeKind::Json => "json[]",
        SqlTypeKind::Jsonb => "jsonb[]",
        SqlTypeKind::Array(inner) => array_cast_name(*inner),
        SqlTypeKind::Custom(name) => custom_array_name(name),
        _ => "text[]",
    }
}

/// `name[]` for a user-defined type, as a `&'static str`: made once per distinct type name (so
/// bounded by the number of SQL types in the program) and kept for the program's lifetime.
fn custom_array_name(name: &'static str) -> &'static str {
    static NAMES: Mutex<Vec<(&str, &str)>> = Mutex::new(Vec::new());
    let mut names = NAMES.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some((_, array)) = names.iter().find(|(n, _)| *n == name) {
        return array;
    }
    let array: &'static str = Box::leak(format!("{name}[]").into_boxed_str());
    names.push((name, array));
    array
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
            SqlTypeKind::Timestamptz => "timestamptz",
            SqlTypeKind::Interval => "interval",
            SqlTypeKind::Decimal => "numeric",
            SqlTypeKind::Uuid => "uuid",
            SqlTypeKind::Json => "json",
            SqlTypeKind::Jsonb => "jsonb",
            SqlTypeKind::Array(element) => array_cast_name(*element),
            // Written as declared with `#[quarry(sql_name = "...")]`.
            SqlTypeKind::Custom(name) => name,
            _ => "text",
        }
    }

    fn in_list_as_array(element: SqlTypeKind) -> bool {
        // User-defined types (enums) have no OID known here, and arrays are one-dimensional.
        type_oid(element) != 0 && !matches!(element, SqlTypeKind::Array(_))
    }

    fn bind_array<'a>(
        element: SqlTypeKind,
        elements: Vec<Self::BindValue<'a>>,
    ) -> QueryResult<Self::BindValue<'a>> {
        crate::types::encode_bound_array(element, &elements)
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
