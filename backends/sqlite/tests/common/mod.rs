//! The schema and data every SQLite integration test starts from.
#![allow(dead_code)]

use quarry::prelude::*;
use quarry_sqlite::SqliteConnection;

quarry::table! {
    users (id) {
        id -> Integer,
        name -> Text,
        hair_color -> Nullable<Text>,
        age -> Integer,
    }
    posts (id) {
        id -> Integer,
        #[references(users::id)]
        user_id -> Integer,
        title -> Text,
        views -> BigInt,
    }
    comments (id) {
        id -> Integer,
        #[references(posts::id)]
        post_id -> Integer,
        body -> Text,
    }
    employees (id) {
        id -> Integer,
        name -> Text,
        #[references(employees::id)]
        manager_id -> Nullable<Integer>,
    }
    #[sql_name = "Order Items"]
    order_items (order_id, line) {
        #[sql_name = "OrderId"]
        order_id -> Integer,
        #[sql_name = "Line"]
        line -> Integer,
        #[sql_name = "Product Name"]
        product -> Text,
    }
}

#[derive(Queryable, Selectable, Debug, Clone, PartialEq)]
#[quarry(table = users)]
pub struct User {
    pub id: i32,
    pub name: String,
    pub hair_color: Option<String>,
    pub age: i32,
}

#[derive(Queryable, Selectable, Debug, Clone, PartialEq)]
#[quarry(table = posts)]
pub struct Post {
    pub id: i32,
    pub user_id: i32,
    pub title: String,
    pub views: i64,
}

pub const SCHEMA: &str = r#"
CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL, hair_color TEXT, age INTEGER NOT NULL);
CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users(id), title TEXT NOT NULL, views INTEGER NOT NULL);
CREATE TABLE comments (id INTEGER PRIMARY KEY, post_id INTEGER NOT NULL REFERENCES posts(id), body TEXT NOT NULL);
CREATE TABLE employees (id INTEGER PRIMARY KEY, name TEXT NOT NULL, manager_id INTEGER REFERENCES employees(id));
CREATE TABLE "Order Items" ("OrderId" INTEGER NOT NULL, "Line" INTEGER NOT NULL, "Product Name" TEXT NOT NULL, PRIMARY KEY ("OrderId", "Line"));
INSERT INTO users VALUES (1, 'Ada', 'brown', 36), (2, 'Grace', NULL, 45), (3, 'Linus', 'blond', 28), (4, 'Barbara', NULL, 80);
INSERT INTO posts VALUES (1, 1, 'Engines', 100), (2, 1, 'Notes', 250), (3, 2, 'Compilers', 900), (4, 3, 'Kernels', 10);
INSERT INTO comments VALUES (1, 1, 'great'), (2, 1, 'more'), (3, 3, 'classic');
INSERT INTO employees VALUES (1, 'Boss', NULL), (2, 'Ann', 1), (3, 'Bob', 1), (4, 'Cid', 2);
INSERT INTO "Order Items" VALUES (1, 1, 'tea'), (1, 2, 'milk'), (2, 1, 'bread');
"#;

pub fn conn() -> SqliteConnection {
    let mut conn = SqliteConnection::establish(":memory:").expect("open in-memory database");
    conn.batch_execute(SCHEMA).expect("create schema");
    conn
}

/// The SQL the SQLite backend generates for `q`.
pub fn sql<Q: quarry::query_builder::QueryFragment<quarry_sqlite::Sqlite>>(q: &Q) -> String {
    SqliteConnection::debug_sql(q).expect("query builds")
}
