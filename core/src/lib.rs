//! # Quarry: SQL that rustc checks
//!
//! Quarry turns a schema into zero-sized Rust types and builds queries from them, so that a query
//! that does not fit the schema — a column of a table not in FROM, a comparison of different SQL
//! types, a nullable column read into a non-`Option` field, an aggregate mixed with plain
//! columns — fails to compile, with an error that names the mistake.
//!
//! ## Quick start
//!
//! ```
//! use quarry::prelude::*;
//!
//! quarry::table! {
//!     users (id) {
//!         id -> Integer,
//!         name -> Text,
//!         hair_color -> Nullable<Text>,
//!     }
//!     posts (id) {
//!         id -> Integer,
//!         #[references(users::id)]
//!         user_id -> Integer,
//!         title -> Text,
//!     }
//! }
//!
//! #[derive(Queryable, Selectable, Debug)]
//! #[quarry(table = users)]
//! struct User {
//!     id: i32,
//!     name: String,
//!     hair_color: Option<String>,
//! }
//!
//! # fn main() {
//! // SELECT "users"."id", "users"."name", "users"."hair_color" FROM "users"
//! //   WHERE "users"."name" LIKE ? ORDER BY "users"."id" DESC
//! let q = users::table
//!     .select(User::as_select())
//!     .filter(users::name.like("A%"))
//!     .order_by(users::id.desc());
//!
//! // SELECT "users"."name", COUNT("posts"."id") FROM "users"
//! //   LEFT OUTER JOIN "posts" ON "posts"."user_id" = "users"."id" GROUP BY "users"."name"
//! let per_user = users::table
//!     .left_join(posts::table)
//!     .group_by(users::name)
//!     .select((users::name, count(posts::id)));
//! # let _ = (q, per_user);
//! # }
//! ```
//!
//! Run them with a backend connection (`quarry_sqlite::SqliteConnection`):
//! `q.load::<User>(&mut conn)?`.
//!
//! ## Layout
//! - [`schema`]: what [`table!`] generates code against.
//! - [`expression`] and [`expression_methods`]: typed SQL expressions.
//! - [`select`]: the SELECT statement, one module per clause.
//! - [`query_source`]: tables, aliases, joins, and the compile-time FROM checks.
//! - [`deserialize`] / [`serialize`]: values in and out.
//! - [`connection`]: running queries on a backend.

#![forbid(unsafe_code)]
#![warn(missing_docs)]
// Query types spell out every clause: that is the point of checking queries at compile time.
#![allow(clippy::type_complexity)]
// `as_expression(self)` / `as_query(self)` convert by value, like `AsRef`-free builder APIs do.
#![allow(clippy::wrong_self_convention)]

pub mod backend;
pub mod connection;
pub mod deserialize;
pub mod error;
pub mod expression;
pub mod expression_methods;
pub mod query_builder;
pub mod query_source;
pub mod raw_sql;
pub mod schema;
pub mod select;
pub mod serialize;
pub mod sql_types;
pub mod statement_cache;
pub mod transaction;
pub mod type_level;
pub mod write;

pub use crate::error::{
    DatabaseError, DatabaseErrorKind, DeserializeErrorKind, Error, OptionalExtension, QueryResult,
};
pub use quarry_macros::{
    table, AsChangeset, Identifiable, Insertable, Queryable, QueryableByName, Selectable, SqlEnum,
};

/// Everything needed to write queries.
pub mod prelude {
    pub use crate::connection::{Connection, LoadIterDsl, RunQueryDsl};
    pub use crate::error::OptionalExtension;
    pub use crate::expression::{
        avg, case_when, count, count_distinct, count_star, exists, max, min, not_exists, sum,
    };
    pub use crate::expression_methods::{
        not, ArrayExpressionMethods, BoolExpressionMethods, ExpressionMethods, JsonExpressionMethods,
        JsonbExpressionMethods, TextExpressionMethods,
    };
    pub use crate::query_source::{AliasName, JoinDsl, WithOn};
    pub use crate::raw_sql::sql_query;
    pub use crate::select::{AsQuery, QueryDsl};
    pub use crate::selectable::SelectableHelper;
    pub use crate::transaction::TransactionDsl;
    pub use crate::write::{
        delete, excluded, insert_ignore_into, insert_into, inserted, replace_into, update,
    };
    pub use crate::{AsChangeset, Identifiable, Insertable, Queryable, QueryableByName, Selectable, SqlEnum};
}

pub mod selectable;

#[doc(hidden)]
pub mod __private {
    pub use crate::expression::{Eq, Expression};
}
