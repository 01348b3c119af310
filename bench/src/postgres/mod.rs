//! The PostgreSQL implementations of the workloads: [`QuarryPg`] (Quarry), [`DieselPg`] (Diesel)
//! and [`RawPg`] (a hand-written loop over libpq through `pq-sys`), plus [`Admin`], which sets up
//! and seeds the tables outside the timing.
//!
//! Everything lives in the schema [`SCHEMA`] of the database named by `QUARRY_PG_URL`, so the
//! benchmarks never touch the tables of the test suites. Every connection sets its
//! `search_path` to it ([`SESSION_SQL`]) right after connecting.
//!
//! The workload methods (`trivial`, `medium`, `insert`, `associations`) are `#[inline(never)]`, so
//! that a profile (`valgrind --tool=callgrind --toggle-collect=...`) can single each one out.

mod diesel_impl;
mod quarry_impl;
mod raw;
pub mod seed;

pub use self::diesel_impl::DieselPg;
pub use self::quarry_impl::QuarryPg;
pub use self::raw::RawPg;

use crate::{Comment, Post, User};

/// The environment variable naming the server.
pub const URL_VAR: &str = "QUARRY_PG_URL";

/// The schema every table of the benchmarks lives in.
pub const SCHEMA: &str = "quarry_bench";

/// What every connection runs right after connecting.
pub const SESSION_SQL: &str = "SET search_path TO quarry_bench; SET client_encoding TO 'UTF8'";

/// The server's URL, when `QUARRY_PG_URL` is set (and not empty).
pub fn url() -> Option<String> {
    std::env::var(URL_VAR).ok().filter(|u| !u.is_empty())
}

/// The tables of Diesel's benchmark schema.
const CREATE_TABLES: &str = "
CREATE TABLE users (
    id SERIAL PRIMARY KEY,
    name TEXT NOT NULL,
    hair_color TEXT
);
CREATE TABLE posts (
    id SERIAL PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id),
    title TEXT NOT NULL,
    body TEXT
);
CREATE TABLE comments (
    id SERIAL PRIMARY KEY,
    post_id INTEGER NOT NULL REFERENCES posts (id),
    text TEXT NOT NULL
);
CREATE INDEX users_hair_color ON users (hair_color);
CREATE INDEX posts_user_id ON posts (user_id);
";

/// The connection that creates, seeds and empties the tables (never timed).
pub struct Admin {
    raw: RawPg,
}

impl Admin {
    /// Connects to `url`.
    pub fn connect(url: &str) -> Self {
        Self {
            raw: RawPg::connect_plain(url),
        }
    }

    /// Drops the schema [`SCHEMA`] with everything in it and creates it again with empty tables.
    /// Run at the start of every workload; connections made before keep working (their
    /// prepared statements are re-planned), but each workload makes its own anyway.
    pub fn recreate_tables(&mut self) {
        self.raw.exec(&format!(
            "DROP SCHEMA IF EXISTS {SCHEMA} CASCADE; CREATE SCHEMA {SCHEMA}; SET search_path TO {SCHEMA};"
        ));
        self.raw.exec(CREATE_TABLES);
    }

    /// Empties the three tables and restarts their id sequences.
    pub fn clear(&mut self) {
        self.raw.exec("TRUNCATE comments, posts, users RESTART IDENTITY");
    }

    /// Replaces the rows of the three tables with these (inserted with their ids), then vacuums
    /// and analyses them: every implementation gets the same plans, and the server does not
    /// start an autovacuum of the fresh rows (or set their hint bits) while the first
    /// implementation measured after a seed, always Quarry, is being timed.
    pub fn seed(&mut self, users: &[User], posts: &[Post], comments: &[Comment]) {
        self.clear();
        for sql in seed::insert_statements(users, posts, comments) {
            self.raw.exec(&sql);
        }
        self.raw.exec(
            "SELECT setval(pg_get_serial_sequence('users', 'id'), COALESCE(MAX(id), 0) + 1, false) FROM users; \
             SELECT setval(pg_get_serial_sequence('posts', 'id'), COALESCE(MAX(id), 0) + 1, false) FROM posts; \
             SELECT setval(pg_get_serial_sequence('comments', 'id'), COALESCE(MAX(id), 0) + 1, false) FROM comments",
        );
        // VACUUM cannot run inside the implicit transaction of a multi-statement string.
        self.raw.exec("VACUUM (FREEZE, ANALYZE) users, posts, comments");
    }

    /// Deletes every user (the insert workload's cleanup, outside the timing).
    pub fn delete_users(&mut self) {
        self.raw.exec("DELETE FROM users");
    }

    /// `(name, hair_color)` of every user in id order (to check what an insert stored).
    pub fn user_names(&mut self) -> Vec<(String, Option<String>)> {
        self.raw
            .query_text("SELECT name, hair_color FROM users ORDER BY id")
            .into_iter()
            .map(|mut row| {
                let hair_color = row.pop().expect("two columns");
                let name = row.pop().expect("two columns").expect("name is NOT NULL");
                (name, hair_color)
            })
            .collect()
    }
}
