//! The schema the Diesel error cases are written against (the same as the Quarry cases').

pub use diesel::prelude::*;
pub use diesel::sqlite::SqliteConnection;

diesel::table! {
    users (id) {
        id -> Integer,
        name -> Text,
        hair_color -> Nullable<Text>,
    }
}

diesel::table! {
    posts (id) {
        id -> Integer,
        user_id -> Integer,
        title -> Text,
        body -> Nullable<Text>,
    }
}

diesel::table! {
    comments (id) {
        id -> Integer,
        post_id -> Integer,
        text -> Text,
    }
}

diesel::joinable!(posts -> users (user_id));
diesel::joinable!(comments -> posts (post_id));
diesel::allow_tables_to_appear_in_same_query!(users, posts, comments);

/// A connection (never opened: the cases only have to compile, or not).
pub fn conn() -> SqliteConnection {
    SqliteConnection::establish(":memory:").expect("open")
}

/// A row of `users`.
#[derive(Queryable, Selectable, Debug)]
#[diesel(table_name = users)]
pub struct User {
    pub id: i32,
    pub name: String,
    pub hair_color: Option<String>,
}

/// A row of `posts`.
#[derive(Queryable, Selectable, Debug)]
#[diesel(table_name = posts)]
pub struct Post {
    pub id: i32,
    pub user_id: i32,
    pub title: String,
    pub body: Option<String>,
}
