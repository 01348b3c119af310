//! Compile-fail and compile-pass tests for Quarry's diagnostics.
//!
//! Every trybuild case under `tests/fail` and `tests/pass` is compiled as its own crate that
//! depends on this one, so the schema they share lives here: each case starts with
//! `use quarry_ui_tests::schema::*;` and contains only the query it is about.

/// The schema every UI case is written against.
///
/// ```text
/// users    (id, name, hair_color NULL)
/// posts    (id, user_id -> users.id, title, body NULL)
/// comments (id, post_id -> posts.id, text)
/// tags     (id, label UNIQUE)               -- related to nothing
/// ```
///
/// plus the row types `User` and `Post` (`Queryable`, `Selectable`), the insertable rows
/// `NewUser` and `NewPost`, and [`NoReturningBackend`](crate::no_returning::NoReturningBackend).
pub mod schema {
    pub use crate::no_returning::NoReturningBackend;
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
        tags (id) {
            id -> Integer,
            #[unique]
            label -> Text,
        }
    }

    /// A row of `users`.
    #[derive(Queryable, Selectable, Debug, Clone, PartialEq)]
    #[quarry(table = users)]
    pub struct User {
        /// `users.id`
        pub id: i32,
        /// `users.name`
        pub name: String,
        /// `users.hair_color`, nullable.
        pub hair_color: Option<String>,
    }

    /// A row of `posts`.
    #[derive(Queryable, Selectable, Debug, Clone, PartialEq)]
    #[quarry(table = posts)]
    pub struct Post {
        /// `posts.id`
        pub id: i32,
        /// `posts.user_id`
        pub user_id: i32,
        /// `posts.title`
        pub title: String,
        /// `posts.body`, nullable.
        pub body: Option<String>,
    }

    /// A new row of `users` (`id` is generated).
    #[derive(Insertable, Debug, Clone)]
    #[quarry(table = users)]
    pub struct NewUser<'a> {
        /// `users.name`
        pub name: &'a str,
        /// `users.hair_color`, nullable.
        pub hair_color: Option<&'a str>,
    }

    /// A new row of `posts` (`id` is generated, `body` is left NULL).
    #[derive(Insertable, Debug, Clone)]
    #[quarry(table = posts)]
    pub struct NewPost<'a> {
        /// `posts.user_id`
        pub user_id: i32,
        /// `posts.title`
        pub title: &'a str,
    }

    /// The SQL that creates the schema and a few rows, for the compile-pass cases that run.
    pub const SQL: &str = "
        CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL, hair_color TEXT);
        CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users(id),
                            title TEXT NOT NULL, body TEXT);
        CREATE TABLE comments (id INTEGER PRIMARY KEY, post_id INTEGER NOT NULL REFERENCES posts(id),
                               text TEXT NOT NULL);
        CREATE TABLE tags (id INTEGER PRIMARY KEY, label TEXT NOT NULL UNIQUE);
        INSERT INTO users VALUES (1, 'Ada', 'brown'), (2, 'Grace', NULL), (3, 'Linus', 'blond');
        INSERT INTO posts VALUES (1, 1, 'Engines', 'text'), (2, 1, 'Notes', NULL), (3, 2, 'Compilers', NULL);
        INSERT INTO comments VALUES (1, 1, 'great'), (2, 1, 'more'), (3, 3, 'classic');
        INSERT INTO tags VALUES (1, 'rust'), (2, 'sql');
    ";

    /// An in-memory SQLite database with [`SQL`] loaded.
    pub fn conn() -> SqliteConnection {
        let mut conn = SqliteConnection::establish(":memory:").expect("open in-memory database");
        conn.batch_execute(SQL).expect("create the schema");
        conn
    }
}

/// A second backend that has neither RETURNING nor ON CONFLICT.
///
/// It exists only so that compile-fail cases can prove, at compile time, that a statement using
/// `.returning(...)` or `.on_conflict(...)` is rejected for a backend that does not implement
/// `quarry::backend::SupportsReturning` / `quarry::backend::SupportsOnConflict`. It is not a
/// mock of a database: nothing connects to it or runs on it. It implements
/// `quarry::backend::Backend` with its own bind value, raw value and dialect (`$1` placeholders,
/// backquoted identifiers), and can bind `i32` and text, so that the same statements *without*
/// RETURNING / ON CONFLICT do compile for it (see `tests/pass/no_returning_backend.rs`): the
/// only thing missing in the fail cases is the backend feature.
pub mod no_returning {
    use std::fmt::Write as _;

    use quarry::backend::{Backend, LimitOffsetSql, RawValue};
    use quarry::serialize::{HasNullBind, ToSql};
    use quarry::sql_types::{Integer, SqlTypeKind, Text};
    use quarry::QueryResult;

    /// The backend. Deliberately does NOT implement `SupportsReturning` or `SupportsOnConflict`.
    #[derive(Debug, Clone, Copy, Default)]
    pub struct NoReturningBackend;

    /// A bound parameter of [`NoReturningBackend`].
    #[derive(Debug, Clone, PartialEq)]
    pub enum NoReturningBind<'a> {
        /// SQL NULL.
        Null,
        /// An integer.
        Integer(i64),
        /// Text, borrowed from the query.
        Text(&'a str),
    }

    /// A value read from a row of [`NoReturningBackend`] (never produced: nothing runs on it).
    #[derive(Debug, Clone, Copy)]
    pub struct NoReturningRawValue<'a>(pub Option<&'a [u8]>);

    impl RawValue for NoReturningRawValue<'_> {
        fn is_null(&self) -> bool {
            self.0.is_none()
        }
    }

    impl Backend for NoReturningBackend {
        type BindValue<'a> = NoReturningBind<'a>;
        type RawValue<'a> = NoReturningRawValue<'a>;
        const NAME: &'static str = "NoReturning";
        const MAX_BIND_PARAMS: usize = 65_535;

        fn push_bind_placeholder(out: &mut String, index: usize) {
            let _ = write!(out, "${}", index + 1);
        }

        fn push_identifier(out: &mut String, ident: &str) {
            out.push('`');
            out.push_str(&ident.replace('`', "``"));
            out.push('`');
        }

        fn cast_type_name(kind: SqlTypeKind) -> &'static str {
            match kind {
                SqlTypeKind::SmallInt | SqlTypeKind::Integer | SqlTypeKind::BigInt => "SIGNED",
                _ => "CHAR",
            }
        }

        fn limit_offset_sql(_has_limit: bool, _has_offset: bool) -> LimitOffsetSql {
            LimitOffsetSql {
                limit_prefix: Some(" LIMIT "),
                limit_when_only_offset: Some(" LIMIT 18446744073709551615"),
                offset_prefix: " OFFSET ",
            }
        }
    }

    impl HasNullBind for NoReturningBackend {
        fn null_bind<'a, ST: quarry::sql_types::SqlType>() -> NoReturningBind<'a> {
            NoReturningBind::Null
        }
    }

    impl ToSql<Integer, NoReturningBackend> for i32 {
        fn to_sql(&self) -> QueryResult<NoReturningBind<'_>> {
            Ok(NoReturningBind::Integer(i64::from(*self)))
        }
    }

    impl ToSql<Text, NoReturningBackend> for str {
        fn to_sql(&self) -> QueryResult<NoReturningBind<'_>> {
            Ok(NoReturningBind::Text(self))
        }
    }

    impl ToSql<Text, NoReturningBackend> for String {
        fn to_sql(&self) -> QueryResult<NoReturningBind<'_>> {
            Ok(NoReturningBind::Text(self))
        }
    }
}
