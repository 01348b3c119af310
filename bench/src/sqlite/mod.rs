//! The SQLite side: the schema, the seed data of every workload, and the four implementations
//! (Quarry, Diesel, rusqlite, a hand-written `sqlite3_step` loop).
//!
//! Every implementation opens its own in-memory database and runs [`setup_sql`] on it, so all of
//! them query identical tables: the same DDL (keys, foreign keys, indexes), the same rows, and
//! `PRAGMA foreign_keys = ON` (Quarry turns it on by itself; the others get it here, so no
//! implementation skips work the others do).

pub mod diesel_impl;
pub mod quarry_impl;
pub mod raw_c;
pub mod rusqlite_impl;

pub use diesel_impl::DieselSqlite;
pub use quarry_impl::QuarrySqlite;
pub use raw_c::RawSqlite;
pub use rusqlite_impl::RusqliteSqlite;

use std::fmt::Write as _;

use crate::{data, Comment, NewUser, Post, User, UserTree};

/// The database every implementation opens.
pub const DATABASE: &str = ":memory:";

/// The schema of Diesel's benchmark suite.
pub const SCHEMA: &str = "
PRAGMA foreign_keys = ON;
CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    hair_color TEXT
);
CREATE TABLE posts (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id),
    title TEXT NOT NULL,
    body TEXT
);
CREATE TABLE comments (
    id INTEGER PRIMARY KEY,
    post_id INTEGER NOT NULL REFERENCES posts (id),
    text TEXT NOT NULL
);
CREATE INDEX users_hair_color ON users (hair_color);
CREATE INDEX posts_user_id ON posts (user_id);
";

/// The rows a benchmark case starts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seed {
    /// Empty tables (the insert workload).
    Empty,
    /// `data::trivial_users(n)`.
    Trivial(usize),
    /// `data::medium_rows(n)`.
    Medium(usize),
    /// `data::association_rows()`.
    Associations,
}

/// The DDL and the seed rows of `seed`, as one SQL script (the rows in one transaction).
pub fn setup_sql(seed: Seed) -> String {
    let mut sql = String::from(SCHEMA);
    sql.push_str("BEGIN;\n");
    match seed {
        Seed::Empty => {}
        Seed::Trivial(n) => push_users(&mut sql, &data::trivial_users(n)),
        Seed::Medium(n) => {
            let (users, posts) = data::medium_rows(n);
            push_users(&mut sql, &users);
            push_posts(&mut sql, &posts);
        }
        Seed::Associations => {
            let (users, posts, comments) = data::association_rows();
            push_users(&mut sql, &users);
            push_posts(&mut sql, &posts);
            push_comments(&mut sql, &comments);
        }
    }
    sql.push_str("COMMIT;\n");
    sql
}

/// A SQL string literal.
fn quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

fn quote_opt(s: Option<&str>) -> String {
    s.map_or_else(|| "NULL".to_string(), quote)
}

fn push_users(sql: &mut String, users: &[User]) {
    for u in users {
        let _ = writeln!(
            sql,
            "INSERT INTO users (id, name, hair_color) VALUES ({}, {}, {});",
            u.id,
            quote(&u.name),
            quote_opt(u.hair_color.as_deref())
        );
    }
}

fn push_posts(sql: &mut String, posts: &[Post]) {
    for p in posts {
        let _ = writeln!(
            sql,
            "INSERT INTO posts (id, user_id, title, body) VALUES ({}, {}, {}, {});",
            p.id,
            p.user_id,
            quote(&p.title),
            quote_opt(p.body.as_deref())
        );
    }
}

fn push_comments(sql: &mut String, comments: &[Comment]) {
    for c in comments {
        let _ = writeln!(
            sql,
            "INSERT INTO comments (id, post_id, text) VALUES ({}, {}, {});",
            c.id,
            c.post_id,
            quote(&c.text)
        );
    }
}

pub use crate::data::MEDIUM_HAIR_COLOR;

/// The four workloads, as every implementation provides them. The benchmarks time these
/// methods; the `users_*` helpers check and clean up around the insert workload, untimed.
pub trait Workloads {
    /// Opens a fresh in-memory database seeded with `seed`.
    fn open(seed: Seed) -> Self
    where
        Self: Sized;
    /// `SELECT id, name, hair_color FROM users ORDER BY id`.
    fn trivial(&mut self) -> Vec<User>;
    /// `users LEFT JOIN posts WHERE hair_color = ? ORDER BY users.id, posts.id`.
    fn medium(&mut self) -> Vec<(User, Option<Post>)>;
    /// Inserts `rows` in one statement; returns the number of rows inserted.
    fn insert(&mut self, rows: &[NewUser]) -> usize;
    /// 100 users, their posts, those posts' comments, as a tree.
    fn associations(&mut self) -> UserTree;
    /// `(name, hair_color)` of every user, in id order (to check the insert workload).
    fn users_read_back(&mut self) -> Vec<(String, Option<String>)>;
    /// Deletes every user (between insert batches, untimed).
    fn users_clear(&mut self);
}

/// The insert workload's rows as `(name, hair_color)`, the shape of [`Workloads::users_read_back`].
pub fn new_users_as_pairs(rows: &[NewUser]) -> Vec<(String, Option<String>)> {
    rows.iter()
        .map(|r| (r.name.clone(), r.hair_color.clone()))
        .collect()
}

/// `?, ?, …` with `n` placeholders (for the `IN` lists of the raw and rusqlite implementations).
pub fn placeholders(n: usize) -> String {
    let mut s = String::with_capacity(n * 3);
    for i in 0..n {
        if i > 0 {
            s.push_str(", ");
        }
        s.push('?');
    }
    s
}

/// `INSERT INTO users (name, hair_color) VALUES (?, ?), …` for `n` rows.
pub fn insert_users_sql(n: usize) -> String {
    let mut s = String::from("INSERT INTO users (name, hair_color) VALUES ");
    for i in 0..n {
        if i > 0 {
            s.push_str(", ");
        }
        s.push_str("(?, ?)");
    }
    s
}

/// The trivial query, in plain SQL.
pub const TRIVIAL_SQL: &str = "SELECT id, name, hair_color FROM users ORDER BY id";

/// The medium query, in plain SQL (one parameter: the hair colour).
pub const MEDIUM_SQL: &str = "SELECT users.id, users.name, users.hair_color, \
     posts.id, posts.user_id, posts.title, posts.body \
     FROM users LEFT JOIN posts ON posts.user_id = users.id \
     WHERE users.hair_color = ? ORDER BY users.id, posts.id";

/// The posts of a list of users (`n` placeholders).
pub fn posts_of_users_sql(n: usize) -> String {
    format!(
        "SELECT id, user_id, title, body FROM posts WHERE user_id IN ({}) ORDER BY id",
        placeholders(n)
    )
}

/// The comments of a list of posts (`n` placeholders).
pub fn comments_of_posts_sql(n: usize) -> String {
    format!(
        "SELECT id, post_id, text FROM comments WHERE post_id IN ({}) ORDER BY id",
        placeholders(n)
    )
}

/// The read-back query of the insert check.
pub const READ_BACK_SQL: &str = "SELECT name, hair_color FROM users ORDER BY id";

#[cfg(test)]
mod tests {
    use super::*;

    fn check_all<W: Workloads>() {
        let mut w = W::open(Seed::Trivial(10));
        assert_eq!(w.trivial(), data::trivial_users(10));
        let mut w = W::open(Seed::Medium(100));
        assert_eq!(w.medium(), data::medium_expected(100));
        let mut w = W::open(Seed::Associations);
        let (u, p, c) = data::association_rows();
        assert_eq!(w.associations(), crate::build_tree(u, p, c));
        let mut w = W::open(Seed::Empty);
        let rows = data::new_users(25);
        assert_eq!(w.insert(&rows), 25);
        assert_eq!(w.users_read_back(), new_users_as_pairs(&rows));
        w.users_clear();
        assert!(w.users_read_back().is_empty());
        assert_eq!(w.insert(&rows), 25);
        assert_eq!(w.users_read_back(), new_users_as_pairs(&rows));
    }

    #[test]
    fn quarry() {
        check_all::<QuarrySqlite>();
    }

    #[test]
    fn diesel() {
        check_all::<DieselSqlite>();
    }

    #[test]
    fn rusqlite() {
        check_all::<RusqliteSqlite>();
    }

    #[test]
    fn raw_c() {
        check_all::<RawSqlite>();
    }
}
