//! Raw SQL beside the DSL: the text is the caller's, every value is a bound parameter, results
//! load into `QueryableByName` structs by column name.

use crate::backend::Backend;
use crate::deserialize::Untyped;
use crate::error::QueryResult;
use crate::query_builder::{AstPass, QueryFragment};
use crate::select::{AsQuery, Query};
use crate::serialize::ToSql;

/// A raw SQL statement with its bound values, built by [`sql_query`].
#[derive(Debug, Clone)]
#[must_use = "a query does nothing until it is run"]
pub struct SqlQuery<B = ()> {
    sql: String,
    binds: B,
}

/// Raw SQL. Write the backend's placeholders (`?` on SQLite and MySQL, `$1` on PostgreSQL) and
/// give each value with [`bind`](SqlQuery::bind): values are never spliced into the text.
///
/// ```
/// use quarry::sql_types::Integer;
/// let q = quarry::raw_sql::sql_query("SELECT name FROM users WHERE id = ?").bind::<Integer, _>(7);
/// # let _ = q;
/// ```
pub fn sql_query(sql: impl Into<String>) -> SqlQuery {
    SqlQuery {
        sql: sql.into(),
        binds: (),
    }
}

/// One bound value of a raw query, after the ones in `Prev`.
#[derive(Debug, Clone)]
pub struct RawBind<Prev, ST, T> {
    prev: Prev,
    value: T,
    _st: std::marker::PhantomData<ST>,
}

impl<B> SqlQuery<B> {
    /// Binds the next placeholder to `value` as SQL type `ST`.
    pub fn bind<ST, T>(self, value: T) -> SqlQuery<RawBind<B, ST, T>> {
        SqlQuery {
            sql: self.sql,
            binds: RawBind {
                prev: self.binds,
                value,
                _st: std::marker::PhantomData,
            },
        }
    }

    /// The SQL text.
    pub fn sql(&self) -> &str {
        &self.sql
    }
}

/// The bound values of a raw query, in order.
pub trait RawBinds<DB: Backend> {
    /// Pushes the values.
    fn walk_binds<'b>(&'b self, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()>;
}

impl<DB: Backend> RawBinds<DB> for () {
    fn walk_binds<'b>(&'b self, _: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
        Ok(())
    }
}

impl<DB: Backend, Prev: RawBinds<DB>, ST, T: ToSql<ST, DB>> RawBinds<DB> for RawBind<Prev, ST, T> {
    fn walk_binds<'b>(&'b self, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
        self.prev.walk_binds(pass)?;
        pass.push_bind_without_placeholder::<ST, T>(&self.value)
    }
}

impl<DB: Backend, B: RawBinds<DB>> QueryFragment<DB> for SqlQuery<B> {
    fn walk_ast<'b>(&'b self, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
        // The text is run-time data: cache the statement by its SQL, not by this type.
        pass.mark_dynamic();
        pass.push_sql(&self.sql);
        self.binds.walk_binds(pass)
    }
}

impl<B> Query for SqlQuery<B> {
    type SqlType = Untyped;
}

impl<B> crate::select::RunnableQuery for SqlQuery<B> {}

impl<B> AsQuery for SqlQuery<B> {
    type Query = Self;
    fn as_query(self) -> Self {
        self
    }
}
