//! What a database backend provides to the query layer.

/// A database backend: its SQL dialect and its value representations.
///
/// Implemented by the backend crates (`quarry_sqlite::Sqlite`, …). Backend-specific DSL (RETURNING,
/// ILIKE, …) is gated by marker traits that only some backends implement, so using it on another
/// backend is a compile error.
pub trait Backend: Sized + 'static {
    /// A value handed to the driver as a bound parameter; borrows from the query when it can.
    type BindValue<'a>;
    /// A value read from a result row, in place.
    type RawValue<'a>: RawValue;
    /// The backend's name, for messages.
    const NAME: &'static str;
    /// The highest number of bound parameters one statement may carry.
    const MAX_BIND_PARAMS: usize;
    /// Whether `||` concatenates text (otherwise `CONCAT(a, b)` is used).
    const CONCAT_OPERATOR: bool = true;

    /// Writes the placeholder of bound parameter number `index` (0-based).
    fn push_bind_placeholder(out: &mut String, index: usize);

    /// Writes `ident` quoted as an identifier.
    fn push_identifier(out: &mut String, ident: &str);

    /// Writes the name of a SQL type for `CAST(… AS name)`.
    fn cast_type_name(kind: crate::sql_types::SqlTypeKind) -> &'static str;

    /// Writes the LIMIT/OFFSET clause. `limit`/`offset` say which are present; the values are
    /// bound parameters the caller pushes afterwards, in order, through the returned placeholders.
    fn limit_offset_sql(has_limit: bool, has_offset: bool) -> LimitOffsetSql;

    /// Whether `x IN (v1, v2, …)` over bound values of SQL type `element` is sent as
    /// `x = ANY(?)` with one array parameter (and `NOT IN` as `x <> ALL(?)`), so the statement
    /// is the same whatever the list's length and stays in the statement cache. Backends that
    /// say `true` implement [`Backend::bind_array`] for that element type.
    fn in_list_as_array(element: crate::sql_types::SqlTypeKind) -> bool {
        let _ = element;
        false
    }

    /// Builds one array parameter of element type `element` from the elements' own bound values.
    fn bind_array<'a>(
        element: crate::sql_types::SqlTypeKind,
        elements: Vec<Self::BindValue<'a>>,
    ) -> crate::error::QueryResult<Self::BindValue<'a>> {
        let _ = (element, elements);
        Err(crate::error::Error::QueryBuilder(format!(
            "the {} backend has no array parameters",
            Self::NAME
        )))
    }

    /// The operator of a division whose left operand has SQL type `left` (`" / "`, the default).
    /// MySQL writes `" DIV "` for integers, whose `/` returns a DECIMAL, so that integer division
    /// truncates as it does on the other backends.
    fn division_operator(left: crate::sql_types::SqlTypeKind) -> &'static str {
        let _ = left;
        " / "
    }

    /// How an INSERT that gives no column is written after the table name (`" DEFAULT VALUES"`,
    /// the default; MySQL has no `DEFAULT VALUES` and writes `" () VALUES ()"`).
    const DEFAULT_VALUES: &'static str = " DEFAULT VALUES";

    /// The SQL type name to cast the result of `func(x)` to, when `x` has SQL type `arg` and the
    /// backend's own result type differs from the one the DSL promises (PostgreSQL returns
    /// `numeric` for `SUM(bigint)` and `AVG(integer)`, where the DSL promises `BigInt` and
    /// `Double`). `None` (the default) writes the aggregate as is.
    fn aggregate_result_cast(
        func: AggregateFunction,
        arg: crate::sql_types::SqlTypeKind,
    ) -> Option<&'static str> {
        let _ = (func, arg);
        None
    }
}

/// Aggregate functions whose result type varies between backends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum AggregateFunction {
    /// `SUM(x)`
    Sum,
    /// `AVG(x)`
    Avg,
}

/// How a backend spells LIMIT/OFFSET.
#[derive(Debug, Clone, Copy)]
pub struct LimitOffsetSql {
    /// SQL written before the limit value (`" LIMIT "`), if a limit is written.
    pub limit_prefix: Option<&'static str>,
    /// Literal SQL written when there is an offset but no limit (`" LIMIT -1"` on SQLite).
    pub limit_when_only_offset: Option<&'static str>,
    /// SQL written before the offset value.
    pub offset_prefix: &'static str,
}

/// A value read from a row.
pub trait RawValue {
    /// Whether the value is SQL NULL.
    fn is_null(&self) -> bool;
}

/// Backends with `RETURNING` on INSERT, UPDATE and DELETE (SQLite 3.35+, PostgreSQL). A
/// statement with `.returning(...)` does not compile for other backends.
#[diagnostic::on_unimplemented(
    message = "the `{Self}` backend does not support RETURNING",
    label = "RETURNING used here",
    note = "run a separate SELECT after the statement instead; on MySQL, `conn.last_insert_id()` gives the key an INSERT generated"
)]
pub trait SupportsReturning: Backend {}

/// Backends with `INSERT … ON CONFLICT (…) DO NOTHING / DO UPDATE` (SQLite 3.24+, PostgreSQL).
#[diagnostic::on_unimplemented(
    message = "the `{Self}` backend does not support ON CONFLICT",
    label = "ON CONFLICT used here",
    note = "MySQL spells upserts `ON DUPLICATE KEY UPDATE`"
)]
pub trait SupportsOnConflict: Backend {}

/// Backends with `ILIKE` / `NOT ILIKE`, case-insensitive pattern matching (PostgreSQL). A query
/// using `.ilike(...)` or `.not_ilike(...)` does not compile for other backends.
#[diagnostic::on_unimplemented(
    message = "the `{Self}` backend does not support ILIKE (case-insensitive LIKE is PostgreSQL-only)",
    label = "ILIKE used here",
    note = "SQLite's LIKE is already case-insensitive for ASCII letters: use `.like(...)`"
)]
pub trait SupportsIlike: Backend {}

/// Backends with `SELECT DISTINCT ON (exprs)` (PostgreSQL). A query using `.distinct_on(...)`
/// does not compile for other backends.
#[diagnostic::on_unimplemented(
    message = "the `{Self}` backend does not support DISTINCT ON (it is PostgreSQL-only)",
    label = "DISTINCT ON used here",
    note = "pick one row per group with `.group_by(...)` and aggregates, or with a correlated subquery"
)]
pub trait SupportsDistinctOn: Backend {}

/// Backends that lock the rows a SELECT reads: `FOR UPDATE`, `FOR SHARE`, and the `SKIP LOCKED`
/// / `NOWAIT` modifiers (PostgreSQL; MySQL 8 and MariaDB 10.6 have them too). SQLite locks the
/// whole database instead, so `.for_update()` does not compile for it.
#[diagnostic::on_unimplemented(
    message = "the `{Self}` backend cannot lock rows: FOR UPDATE / FOR SHARE (and SKIP LOCKED, NOWAIT) are not supported",
    label = "row locking used here",
    note = "SQLite locks the whole database: run the SELECT and the writes in one transaction begun with `BEGIN IMMEDIATE`"
)]
pub trait SupportsRowLocking: Backend {
    /// How the backend spells a shared row lock (MariaDB: `" LOCK IN SHARE MODE"`).
    const FOR_SHARE: &'static str = " FOR SHARE";
}

/// Backends with the weaker row locks `FOR NO KEY UPDATE` and `FOR KEY SHARE` (PostgreSQL only).
#[diagnostic::on_unimplemented(
    message = "the `{Self}` backend does not support FOR NO KEY UPDATE / FOR KEY SHARE (they are PostgreSQL-only)",
    label = "key-level row locking used here",
    note = "use `.for_update()` or `.for_share()`, which take stronger locks"
)]
pub trait SupportsKeyLocking: SupportsRowLocking {}

/// Backends whose upserts can name a constraint: `ON CONFLICT ON CONSTRAINT name` (PostgreSQL).
#[diagnostic::on_unimplemented(
    message = "the `{Self}` backend does not support ON CONFLICT ON CONSTRAINT (it is PostgreSQL-only)",
    label = "ON CONFLICT ON CONSTRAINT used here",
    note = "name the constraint's columns instead: `.on_conflict(column)` with the primary key or a `#[unique]` column"
)]
pub trait SupportsOnConflictOnConstraint: SupportsOnConflict {}

/// Backends with operators on array values: `@>`, `<@`, `&&` and `= ANY(array)` (PostgreSQL).
#[diagnostic::on_unimplemented(
    message = "the `{Self}` backend does not support array operators (`@>`, `<@`, `&&`, `= ANY(...)` are PostgreSQL-only)",
    label = "array operator used here",
    note = "keep the elements in a table of their own and use `.eq_any(...)`, `.in_subquery(...)` or `exists(...)`"
)]
pub trait SupportsArrayOperators: Backend {}

/// Backends with PostgreSQL's JSON operators: `->` and `->>` on `json` / `jsonb`, `@>` on
/// `jsonb`.
#[diagnostic::on_unimplemented(
    message = "the `{Self}` backend does not support the json/jsonb operators `->`, `->>` and `@>` (they are PostgreSQL's)",
    label = "JSON operator used here",
    note = "load the whole JSON value and read it in Rust"
)]
pub trait SupportsJsonOperators: Backend {}

/// Backends with `INSERT … ON DUPLICATE KEY UPDATE` (MySQL, MariaDB): on a duplicate primary or
/// unique key, the existing row is updated instead, with [`inserted`](crate::write::inserted)
/// naming the values the INSERT proposed.
#[diagnostic::on_unimplemented(
    message = "the `{Self}` backend does not support ON DUPLICATE KEY UPDATE (it is MySQL's upsert)",
    label = "ON DUPLICATE KEY UPDATE used here",
    note = "SQLite and PostgreSQL spell upserts `.on_conflict(key).do_update().set(...)` with `excluded(column)`"
)]
pub trait SupportsOnDuplicateKeyUpdate: Backend {}

/// Backends that can skip rows whose keys already exist with a statement keyword: `INSERT
/// IGNORE` (MySQL; it also turns some other errors into warnings) or `INSERT OR IGNORE`
/// (SQLite).
#[diagnostic::on_unimplemented(
    message = "the `{Self}` backend does not support INSERT IGNORE",
    label = "INSERT IGNORE used here",
    note = "PostgreSQL skips conflicting rows with `.on_conflict(key).do_nothing()`"
)]
pub trait SupportsInsertIgnore: Backend {
    /// The statement's first keywords, with a trailing space (`"INSERT IGNORE INTO "`).
    const INSERT_IGNORE_INTO: &'static str;
}

/// Backends with `REPLACE INTO` (MySQL, SQLite): a row whose primary or unique key already
/// exists is deleted, then the new row is inserted.
#[diagnostic::on_unimplemented(
    message = "the `{Self}` backend does not support REPLACE INTO",
    label = "REPLACE used here",
    note = "PostgreSQL replaces rows with `.on_conflict(key).do_update().set(...)`"
)]
pub trait SupportsReplace: Backend {}

/// Writes `ident` as a standard SQL quoted identifier: in double quotes, with each `"` doubled
/// (SQLite and PostgreSQL; MySQL quotes with backticks).
pub fn push_double_quoted_identifier(out: &mut String, ident: &str) {
    out.reserve(ident.len() + 2);
    out.push('"');
    for c in ident.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    out.push('"');
}
