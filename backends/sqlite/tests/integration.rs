//! The conformance suite (`conformance/` at the workspace root) run against SQLite, where every
//! test gets a fresh in-memory database, and the tests of what only SQLite has.

mod harness {
    use quarry::prelude::*;
    use quarry::query_builder::QueryFragment;

    use crate::suite::{Dialect, SEED};

    pub type TestBackend = quarry_sqlite::Sqlite;
    pub type TestConnection = quarry_sqlite::SqliteConnection;

    pub const DIALECT: Dialect = Dialect {
        division_by_zero_is_null: true,
        text_holds_nul: true,
        deferred_constraints: true,
        in_list_is_one_statement: false,
    };

    const DDL: &str = r#"
CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL, hair_color TEXT, age INTEGER NOT NULL);
CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users(id), title TEXT NOT NULL, views INTEGER NOT NULL);
CREATE TABLE comments (id INTEGER PRIMARY KEY, post_id INTEGER NOT NULL REFERENCES posts(id), body TEXT NOT NULL);
CREATE TABLE employees (id INTEGER PRIMARY KEY, name TEXT NOT NULL, manager_id INTEGER REFERENCES employees(id));
CREATE TABLE "Order Items" ("OrderId" INTEGER NOT NULL, "Line" INTEGER NOT NULL, "Product Name" TEXT NOT NULL, PRIMARY KEY ("OrderId", "Line"));
CREATE TABLE settings (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE,
    value TEXT NOT NULL DEFAULT 'unset', hits INTEGER NOT NULL DEFAULT 0 CHECK (hits >= 0));
CREATE TABLE parents (id INTEGER PRIMARY KEY);
CREATE TABLE children (id INTEGER PRIMARY KEY,
    parent_id INTEGER NOT NULL REFERENCES parents(id) DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE vals (id INTEGER PRIMARY KEY, small INTEGER NOT NULL, big INTEGER NOT NULL, f REAL NOT NULL,
    d REAL NOT NULL, b BLOB NOT NULL, flag INTEGER NOT NULL, maybe INTEGER);
"#;

    pub fn connect() -> Option<TestConnection> {
        let mut conn = TestConnection::establish(":memory:").expect("open an in-memory database");
        create_schema(&mut conn);
        Some(conn)
    }

    /// Creates the suite's tables and rows in `conn`'s database.
    pub fn create_schema(conn: &mut TestConnection) {
        conn.batch_execute(DDL).expect("create the schema");
        conn.batch_execute(SEED).expect("insert the rows");
    }

    pub fn sql<Q: QueryFragment<TestBackend>>(query: &Q) -> String {
        TestConnection::debug_sql(query).expect("the query builds")
    }

    /// SQLite writes placeholders as `?` already.
    pub fn raw(sql: &str) -> String {
        sql.to_owned()
    }

    /// SQLite names a unique or NOT NULL constraint by its `table.column`, and a CHECK by its
    /// expression.
    pub fn constraint(name: &str) -> Option<String> {
        Some(name.to_owned())
    }
}

#[path = "../../../conformance/mod.rs"]
mod suite;

// The suite's tests of features this backend has and not every backend does.
#[path = "../../../conformance/on_conflict.rs"]
mod suite_on_conflict;
#[path = "../../../conformance/returning.rs"]
mod suite_returning;

mod sqlite_only;
