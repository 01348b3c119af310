//! The schema the Quarry error cases are written against (the same as the Diesel cases').

pub use quarry::prelude::*;
pub use quarry_sqlite::SqliteConnection;

quarry::table! {
    users (id) {
        id -> Integer,
        name -> Text,
        hair_color -> Nullable<Text>,
    }
    posts (id) {
        id -> Integer,
        #[references(users::id)]
        user_id -> Integer,
        title -> Text,
        body -> Nullable<Text>,
    }
    comments (id) {
        id -> Integer,
        #[references(posts::id)]
        post_id -> Integer,
        text -> Text,
    }
}

/// A connection (never opened: the cases only have to compile, or not).
pub fn conn() -> SqliteConnection {
    SqliteConnection::establish(":memory:").expect("open")
}

/// A row of `users`.
#[derive(Queryable, Selectable, Debug)]
#[quarry(table = users)]
pub struct User {
    pub id: i32,
    pub name: String,
    pub hair_color: Option<String>,
}

/// A row of `posts`.
#[derive(Queryable, Selectable, Debug)]
#[quarry(table = posts)]
pub struct Post {
    pub id: i32,
    pub user_id: i32,
    pub title: String,
    pub body: Option<String>,
}
