use quarry::backend::{
    push_double_quoted_identifier, Backend, LimitOffsetSql, SupportsOnConflict, SupportsReturning,
};
use quarry::serialize::HasNullBind;
use quarry::sql_types::SqlTypeKind;

use crate::bind_value::SqliteBindValue;
use crate::value::SqliteValue;

/// The SQLite backend.
#[derive(Debug, Clone, Copy, Default)]
pub struct Sqlite;

impl Backend for Sqlite {
    type BindValue<'a> = SqliteBindValue<'a>;
    type RawValue<'a> = SqliteValue<'a>;
    const NAME: &'static str = "SQLite";
    // SQLITE_MAX_VARIABLE_NUMBER of the bundled library (3.32+).
    const MAX_BIND_PARAMS: usize = 32766;

    #[inline]
    fn push_bind_placeholder(out: &mut String, _index: usize) {
        out.push('?');
    }

    fn push_identifier(out: &mut String, ident: &str) {
        push_double_quoted_identifier(out, ident);
    }

    fn cast_type_name(kind: SqlTypeKind) -> &'static str {
        match kind {
            SqlTypeKind::SmallInt | SqlTypeKind::Integer | SqlTypeKind::BigInt | SqlTypeKind::Bool => {
                "INTEGER"
            }
            SqlTypeKind::Float | SqlTypeKind::Double => "REAL",
            SqlTypeKind::Binary => "BLOB",
            _ => "TEXT",
        }
    }

    fn limit_offset_sql(_has_limit: bool, _has_offset: bool) -> LimitOffsetSql {
        LimitOffsetSql {
            limit_prefix: Some(" LIMIT "),
            limit_when_only_offset: Some(" LIMIT -1"),
            offset_prefix: " OFFSET ",
        }
    }
}

impl HasNullBind for Sqlite {
    #[inline]
    fn null_bind<'a, ST: quarry::sql_types::SqlType>() -> SqliteBindValue<'a> {
        SqliteBindValue::Null
    }
}

/// The bundled SQLite is 3.46: RETURNING exists since 3.35.
impl SupportsReturning for Sqlite {}

/// Upserts exist since SQLite 3.24.
impl SupportsOnConflict for Sqlite {}

/// `INSERT OR IGNORE INTO` (SQLite's spelling of MySQL's `INSERT IGNORE`).
impl quarry::backend::SupportsInsertIgnore for Sqlite {
    const INSERT_IGNORE_INTO: &'static str = "INSERT OR IGNORE INTO ";
}

/// `REPLACE INTO` (an alias of `INSERT OR REPLACE INTO`).
impl quarry::backend::SupportsReplace for Sqlite {}
