//! The conformance suite (`conformance/` at the workspace root) run against PostgreSQL
//! (`QUARRY_PG_URL`), and the tests of what only PostgreSQL has.
//!
//! Every suite test gets its own connection whose tables are `TEMPORARY`: they live in the
//! session's own schema, so tests run in parallel without seeing each other's rows, and vanish
//! when the connection closes.

mod harness {
    use quarry::prelude::*;
    use quarry::query_builder::QueryFragment;

    use crate::suite::{Dialect, SEED};

    pub type TestBackend = quarry_postgres::Pg;
    pub type TestConnection = quarry_postgres::PgConnection;

    pub const DIALECT: Dialect = Dialect {
        division_by_zero_is_null: false,
        text_holds_nul: false,
        deferred_constraints: true,
        in_list_is_one_statement: true,
    };

    const DDL: &str = r#"
CREATE TEMP TABLE users (id SERIAL PRIMARY KEY, name TEXT NOT NULL, hair_color TEXT, age INTEGER NOT NULL);
CREATE TEMP TABLE posts (id SERIAL PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users(id), title TEXT NOT NULL, views BIGINT NOT NULL);
CREATE TEMP TABLE comments (id SERIAL PRIMARY KEY, post_id INTEGER NOT NULL REFERENCES posts(id), body TEXT NOT NULL);
CREATE TEMP TABLE employees (id SERIAL PRIMARY KEY, name TEXT NOT NULL, manager_id INTEGER REFERENCES employees(id));
CREATE TEMP TABLE "Order Items" ("OrderId" INTEGER NOT NULL, "Line" INTEGER NOT NULL, "Product Name" TEXT NOT NULL, PRIMARY KEY ("OrderId", "Line"));
CREATE TEMP TABLE settings (id SERIAL PRIMARY KEY, key TEXT NOT NULL UNIQUE,
    value TEXT NOT NULL DEFAULT 'unset', hits INTEGER NOT NULL DEFAULT 0 CHECK (hits >= 0));
CREATE TEMP TABLE parents (id INTEGER PRIMARY KEY);
CREATE TEMP TABLE children (id SERIAL PRIMARY KEY,
    parent_id INTEGER NOT NULL REFERENCES parents(id) DEFERRABLE INITIALLY DEFERRED);
CREATE TEMP TABLE vals (id INTEGER PRIMARY KEY, small SMALLINT NOT NULL, big BIGINT NOT NULL, f REAL NOT NULL,
    d DOUBLE PRECISION NOT NULL, b BYTEA NOT NULL, flag BOOLEAN NOT NULL, maybe INTEGER);
"#;

    /// `QUARRY_PG_URL`, or `None` after saying on the real stderr that the test is skipped
    /// (libtest captures `println!`; a skipped test must never look like a silent pass).
    pub fn url() -> Option<String> {
        match std::env::var("QUARRY_PG_URL") {
            Ok(url) => Some(url),
            Err(_) => {
                use std::io::Write;
                let _ = writeln!(std::io::stderr(), "SKIPPED: QUARRY_PG_URL not set");
                None
            }
        }
    }

    pub fn connect() -> Option<TestConnection> {
        let mut conn = TestConnection::establish(&url()?).expect("connect to QUARRY_PG_URL");
        conn.batch_execute(DDL).expect("create the schema");
        conn.batch_execute(SEED).expect("insert the rows");
        Some(conn)
    }

    pub fn sql<Q: QueryFragment<TestBackend>>(query: &Q) -> String {
        question_marks(&TestConnection::debug_sql(query).expect("the query builds"))
    }

    /// `$1`, `$2`, … written as `?` (outside quoted text and identifiers).
    fn question_marks(sql: &str) -> String {
        let mut out = String::with_capacity(sql.len());
        let mut chars = sql.chars().peekable();
        let mut quote = None;
        while let Some(c) = chars.next() {
            match (quote, c) {
                (None, '\'' | '"') => quote = Some(c),
                (Some(q), _) if c == q => quote = None,
                (None, '$') if chars.peek().is_some_and(char::is_ascii_digit) => {
                    while chars.peek().is_some_and(char::is_ascii_digit) {
                        chars.next();
                    }
                    out.push('?');
                    continue;
                }
                _ => {}
            }
            out.push(c);
        }
        out
    }

    /// Raw SQL written with `?` placeholders, numbered `$1`, `$2`, … for PostgreSQL.
    pub fn raw(sql: &str) -> String {
        let mut out = String::with_capacity(sql.len() + 8);
        let mut n = 0;
        let mut quote = None;
        for c in sql.chars() {
            match (quote, c) {
                (None, '\'' | '"') => quote = Some(c),
                (Some(q), _) if c == q => quote = None,
                (None, '?') => {
                    n += 1;
                    out.push_str(&format!("${n}"));
                    continue;
                }
                _ => {}
            }
            out.push(c);
        }
        out
    }

    /// PostgreSQL's default constraint names; a NOT NULL violation names `table.column`.
    pub fn constraint(name: &str) -> Option<String> {
        Some(
            match name {
                "settings.key" => "settings_key_key",
                "hits >= 0" => "settings_hits_check",
                "users.id" => "users_pkey",
                other => other,
            }
            .to_owned(),
        )
    }
}

#[path = "../../../conformance/mod.rs"]
mod suite;

// The suite's tests of features this backend has and not every backend does.
#[path = "../../../conformance/chinook.rs"]
mod suite_chinook;
#[path = "../../../conformance/on_conflict.rs"]
mod suite_on_conflict;
#[path = "../../../conformance/returning.rs"]
mod suite_returning;
use pg_only::chinook::schema as chinook_schema;

mod pg_only;
