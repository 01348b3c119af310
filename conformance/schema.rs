//! The schema every conformance test starts from, and the rows in it. The DDL is each
//! backend's own (its harness); the rows are inserted by the portable [`SEED`] script.

use quarry::prelude::*;

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
    settings (id) {
        id -> Integer,
        #[unique]
        key -> Text,
        value -> Text,
        hits -> Integer,
    }
    children (id) {
        id -> Integer,
        parent_id -> Integer,
    }
    vals (id) {
        id -> Integer,
        small -> SmallInt,
        big -> BigInt,
        f -> Float,
        d -> Double,
        b -> Binary,
        flag -> Bool,
        maybe -> Nullable<Integer>,
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

/// The rows, inserted without explicit keys so that generated keys (SERIAL, AUTO_INCREMENT,
/// INTEGER PRIMARY KEY) start after them on every backend. Keys come out as 1, 2, 3, …
pub const SEED: &str = r#"
INSERT INTO users (name, hair_color, age) VALUES ('Ada', 'brown', 36);
INSERT INTO users (name, hair_color, age) VALUES ('Grace', NULL, 45);
INSERT INTO users (name, hair_color, age) VALUES ('Linus', 'blond', 28);
INSERT INTO users (name, hair_color, age) VALUES ('Barbara', NULL, 80);
INSERT INTO posts (user_id, title, views) VALUES (1, 'Engines', 100);
INSERT INTO posts (user_id, title, views) VALUES (1, 'Notes', 250);
INSERT INTO posts (user_id, title, views) VALUES (2, 'Compilers', 900);
INSERT INTO posts (user_id, title, views) VALUES (3, 'Kernels', 10);
INSERT INTO comments (post_id, body) VALUES (1, 'great');
INSERT INTO comments (post_id, body) VALUES (1, 'more');
INSERT INTO comments (post_id, body) VALUES (3, 'classic');
INSERT INTO employees (name, manager_id) VALUES ('Boss', NULL);
INSERT INTO employees (name, manager_id) VALUES ('Ann', 1);
INSERT INTO employees (name, manager_id) VALUES ('Bob', 1);
INSERT INTO employees (name, manager_id) VALUES ('Cid', 2);
INSERT INTO "Order Items" ("OrderId", "Line", "Product Name") VALUES (1, 1, 'tea');
INSERT INTO "Order Items" ("OrderId", "Line", "Product Name") VALUES (1, 2, 'milk');
INSERT INTO "Order Items" ("OrderId", "Line", "Product Name") VALUES (2, 1, 'bread');
"#;
