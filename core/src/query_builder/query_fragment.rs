use crate::backend::Backend;
use crate::error::QueryResult;

use super::AstPass;

/// A piece of a query that can be written as SQL for backend `DB`.
///
/// Implementations write SQL only through [`AstPass`]: keywords with `push_sql`, names with
/// `push_identifier`, values with `push_bind` (never spliced into the text). A node whose SQL
/// text depends on run-time data (a list's length, a string of SQL) must call
/// [`AstPass::mark_dynamic`], so that its statement is cached by SQL text rather than by type.
#[diagnostic::on_unimplemented(
    message = "this statement cannot be written as SQL for the `{DB}` backend: it uses a feature the backend lacks (RETURNING, ON CONFLICT, or PostgreSQL-only SQL: ILIKE, DISTINCT ON, FOR UPDATE / FOR SHARE, ON CONFLICT ON CONSTRAINT, array or JSON operators), or a Rust value in it (such as a field of an `Insertable`, `AsChangeset` or `Identifiable` struct) does not match its column's SQL type",
    note = "RETURNING needs a backend implementing `SupportsReturning`, an upsert one implementing `SupportsOnConflict`; ILIKE needs `SupportsIlike`, DISTINCT ON `SupportsDistinctOn`, FOR UPDATE / FOR SHARE / SKIP LOCKED / NOWAIT `SupportsRowLocking`, FOR NO KEY UPDATE / FOR KEY SHARE `SupportsKeyLocking`, ON CONFLICT ON CONSTRAINT `SupportsOnConflictOnConstraint`, array operators `SupportsArrayOperators`, `->` / `->>` / jsonb `@>` `SupportsJsonOperators` (PostgreSQL has them all, SQLite none); a bound Rust value needs `ToSql<its column's SQL type, the backend>` (e.g. `i32` for Integer, `&str`/`String` for Text, `Option<_>` for a nullable column); or `{Self}` is not a query or expression at all"
)]
pub trait QueryFragment<DB: Backend> {
    /// Walks this node: writes its SQL or collects its binds, depending on the pass.
    fn walk_ast<'b>(&'b self, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()>;

    /// Whether this node is exactly one bound parameter (a value, not a column or an
    /// expression): IN lists of such nodes may be sent as one array parameter.
    #[doc(hidden)]
    #[inline]
    fn is_single_bind(&self) -> bool {
        false
    }
}

impl<DB: Backend> QueryFragment<DB> for () {
    #[inline]
    fn walk_ast<'b>(&'b self, _: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
        Ok(())
    }
}

/// The SQL text of `query` for backend `DB`.
pub fn to_sql<DB: Backend, Q: QueryFragment<DB> + ?Sized>(query: &Q) -> QueryResult<String> {
    let mut sql = String::with_capacity(128);
    query.walk_ast(&mut AstPass::<DB>::to_sql(&mut sql))?;
    Ok(sql)
}

/// The bound values of `query`, and whether its SQL text depends on run-time data.
pub fn collect_binds<'b, DB: Backend, Q: QueryFragment<DB> + ?Sized>(
    query: &'b Q,
) -> QueryResult<(Vec<DB::BindValue<'b>>, bool)> {
    let mut binds = Vec::new();
    let mut dynamic = false;
    query.walk_ast(&mut AstPass::<DB>::collect_binds(&mut binds, &mut dynamic))?;
    Ok((binds, dynamic))
}

/// The SQL of `query` for backend `DB`, for logging and tests (an error is shown inline).
pub fn debug_sql<DB: Backend, Q: QueryFragment<DB> + ?Sized>(query: &Q) -> String {
    to_sql::<DB, Q>(query).unwrap_or_else(|e| format!("<invalid query: {e}>"))
}
