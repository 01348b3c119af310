//! The PostgreSQL-only parts of the DSL, and the marker traits that let them compile for [`Pg`].
//!
//! Each of these builds on any backend, but a query using it compiles only for a backend that
//! implements the matching marker trait of `quarry::backend`; PostgreSQL implements them all here,
//! SQLite none (MySQL/MariaDB will implement `SupportsRowLocking`):
//!
//! | DSL | SQL | marker |
//! |---|---|---|
//! | `.ilike(p)`, `.not_ilike(p)` on text | `x ILIKE $1`, `x NOT ILIKE $1` | `SupportsIlike` |
//! | `.distinct_on(exprs)` | `SELECT DISTINCT ON (exprs) …` | `SupportsDistinctOn` |
//! | `.for_update()`, `.for_share()`, then `.skip_locked()` / `.no_wait()` | `… FOR UPDATE [SKIP LOCKED \| NOWAIT]` | `SupportsRowLocking` |
//! | `.for_no_key_update()`, `.for_key_share()` | `… FOR NO KEY UPDATE`, `… FOR KEY SHARE` | `SupportsKeyLocking` |
//! | `.on_conflict_on_constraint(name)` | `ON CONFLICT ON CONSTRAINT "name" DO …` | `SupportsOnConflictOnConstraint` |
//! | `.contains(a)`, `.is_contained_by(a)`, `.overlaps_with(a)` on arrays | `x @> a`, `x <@ a`, `x && a` | `SupportsArrayOperators` |
//! | `v.eq_any_of(array)`, `array.any_eq(v)` | `v = ANY(array)` | `SupportsArrayOperators` |
//! | `.get_json(k)`, `.get_text(k)` on json/jsonb; `.contains(j)` on jsonb | `(x -> $1)`, `(x ->> $1)`, `x @> j` | `SupportsJsonOperators` |
//!
//! Keys, patterns and values are bound parameters; the constraint name is a quoted identifier.
//!
//! ```
//! use quarry::prelude::*;
//! use quarry_postgres::PgConnection;
//!
//! quarry::table! {
//!     users (id) {
//!         id -> Integer,
//!         name -> Text,
//!         tags -> Array<Text>,
//!         profile -> Jsonb,
//!     }
//! }
//!
//! # fn main() -> quarry::QueryResult<()> {
//! let q = users::table.select(users::id).filter(users::name.ilike("ada%"));
//! assert_eq!(
//!     PgConnection::debug_sql(&q)?,
//!     r#"SELECT "users"."id" FROM "users" WHERE "users"."name" ILIKE $1"#
//! );
//!
//! let q = users::table
//!     .select((users::name, users::id))
//!     .distinct_on(users::name)
//!     .order_by((users::name, users::id.desc()));
//! assert_eq!(
//!     PgConnection::debug_sql(&q)?,
//!     r#"SELECT DISTINCT ON ("users"."name") "users"."name", "users"."id" FROM "users" ORDER BY "users"."name", "users"."id" DESC"#
//! );
//!
//! let q = users::table.select(users::id).order_by(users::id).limit(1).for_update().skip_locked();
//! assert_eq!(
//!     PgConnection::debug_sql(&q)?,
//!     r#"SELECT "users"."id" FROM "users" ORDER BY "users"."id" LIMIT $1 FOR UPDATE SKIP LOCKED"#
//! );
//!
//! let stmt = insert_into(users::table)
//!     .values(users::name.eq("ada"))
//!     .on_conflict_on_constraint("users_name_key")
//!     .do_nothing();
//! assert_eq!(
//!     PgConnection::debug_sql(&stmt)?,
//!     r#"INSERT INTO "users" ("name") VALUES ($1) ON CONFLICT ON CONSTRAINT "users_name_key" DO NOTHING"#
//! );
//!
//! let q = users::table.select(users::id).filter(users::tags.any_eq("admin"));
//! assert_eq!(
//!     PgConnection::debug_sql(&q)?,
//!     r#"SELECT "users"."id" FROM "users" WHERE $1 = ANY("users"."tags")"#
//! );
//!
//! let q = users::table.select(users::profile.get_json("address").get_text("city"));
//! assert_eq!(
//!     PgConnection::debug_sql(&q)?,
//!     r#"SELECT (("users"."profile" -> $1) ->> $2) FROM "users""#
//! );
//! # Ok(())
//! # }
//! ```

use quarry::backend::{
    SupportsArrayOperators, SupportsDistinctOn, SupportsIlike, SupportsJsonOperators, SupportsKeyLocking,
    SupportsOnConflictOnConstraint, SupportsRowLocking,
};

use crate::backend::Pg;

impl SupportsIlike for Pg {}
impl SupportsDistinctOn for Pg {}
impl SupportsRowLocking for Pg {}
impl SupportsKeyLocking for Pg {}
impl SupportsOnConflictOnConstraint for Pg {}
impl SupportsArrayOperators for Pg {}
impl SupportsJsonOperators for Pg {}
