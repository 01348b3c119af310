//! The MySQL / MariaDB implementations of the workloads: [`QuarryMysql`] (Quarry),
//! [`DieselMysql`] (Diesel) and [`RawMysql`] (a hand-written loop over the MySQL C API through
//! `mysqlclient-sys`), plus [`Admin`], which sets up and seeds the tables outside the timing.
//!
//! Everything lives in the database [`DATABASE`] of the server named by `QUARRY_MYSQL_URL`
//! (created when missing), so the benchmarks never touch the tables of the test suites: every
//! implementation connects to [`bench_url`], the same URL naming that database.
//!
//! The workload methods (`trivial`, `medium`, `insert`, `associations`) are `#[inline(never)]`, so
//! that a profile (`valgrind --tool=callgrind --toggle-collect=...`) can single each one out.

mod diesel_impl;
mod quarry_impl;
mod raw;

pub use self::diesel_impl::DieselMysql;
pub use self::quarry_impl::QuarryMysql;
pub use self::raw::RawMysql;

use self::raw::Session;
use crate::postgres::seed;
use crate::{Comment, Post, User};

/// The environment variable naming the server.
pub const URL_VAR: &str = "QUARRY_MYSQL_URL";

/// The database every table of the benchmarks lives in.
pub const DATABASE: &str = "quarry_bench";

/// The server's URL, when `QUARRY_MYSQL_URL` is set (and not empty).
pub fn url() -> Option<String> {
    std::env::var(URL_VAR).ok().filter(|u| !u.is_empty())
}

/// `url` with its database replaced by [`DATABASE`] (query parameters are kept).
pub fn bench_url(url: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((base, query)) => (base, Some(query)),
        None => (url, None),
    };
    let authority_start = base.find("://").map_or(0, |i| i + 3);
    let path_start = base[authority_start..]
        .find('/')
        .map_or(base.len(), |i| authority_start + i);
    let mut out = format!("{}/{DATABASE}", &base[..path_start]);
    if let Some(query) = query {
        out.push('?');
        out.push_str(query);
    }
    out
}

/// The tables of Diesel's benchmark schema (InnoDB, utf8mb4; MySQL `INT` is `i32`).
const CREATE_TABLES: [&str; 7] = [
    "CREATE TABLE users (
        id INT AUTO_INCREMENT PRIMARY KEY,
        name VARCHAR(255) NOT NULL,
        hair_color VARCHAR(255)
    ) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4",
    "CREATE TABLE posts (
        id INT AUTO_INCREMENT PRIMARY KEY,
        user_id INT NOT NULL,
        title VARCHAR(255) NOT NULL,
        body TEXT
    ) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4",
    "CREATE TABLE comments (
        id INT AUTO_INCREMENT PRIMARY KEY,
        post_id INT NOT NULL,
        text TEXT NOT NULL
    ) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4",
    "CREATE INDEX users_hair_color ON users (hair_color)",
    "CREATE INDEX posts_user_id ON posts (user_id)",
    // Added after the index, so InnoDB uses posts_user_id rather than making its own.
    "ALTER TABLE posts ADD CONSTRAINT posts_user_id_fk FOREIGN KEY (user_id) REFERENCES users (id)",
    // InnoDB indexes comments.post_id for this one (a foreign key needs an index in MySQL).
    "ALTER TABLE comments ADD CONSTRAINT comments_post_id_fk FOREIGN KEY (post_id) REFERENCES posts (id)",
];

/// The connection that creates, seeds and empties the tables (never timed).
pub struct Admin {
    session: Session,
}

impl Admin {
    /// Connects to the server at `url` (any database), creates [`DATABASE`] when missing and
    /// switches to it.
    pub fn connect(url: &str) -> Self {
        let mut session = Session::connect(url);
        session.exec(&format!(
            "CREATE DATABASE IF NOT EXISTS {DATABASE} CHARACTER SET utf8mb4"
        ));
        session.exec(&format!("USE {DATABASE}"));
        Self { session }
    }

    /// Drops the three tables and creates them again, empty. Run at the start of every
    /// workload, before its implementations connect.
    pub fn recreate_tables(&mut self) {
        self.session.exec("DROP TABLE IF EXISTS comments, posts, users");
        for sql in CREATE_TABLES {
            self.session.exec(sql);
        }
    }

    /// Empties the three tables.
    pub fn clear(&mut self) {
        for table in ["comments", "posts", "users"] {
            self.session.exec(&format!("DELETE FROM {table}"));
        }
    }

    /// Replaces the rows of the three tables with these (inserted with their ids), then
    /// refreshes the optimizer statistics so every implementation gets the same plans.
    pub fn seed(&mut self, users: &[User], posts: &[Post], comments: &[Comment]) {
        self.clear();
        for sql in seed::insert_statements(users, posts, comments) {
            self.session.exec(&sql);
        }
        self.session.exec("ANALYZE TABLE users, posts, comments");
    }

    /// Deletes every user (the insert workload's cleanup, outside the timing).
    pub fn delete_users(&mut self) {
        self.session.exec("DELETE FROM users");
    }

    /// `(name, hair_color)` of every user in id order (to check what an insert stored).
    pub fn user_names(&mut self) -> Vec<(String, Option<String>)> {
        self.session
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

#[cfg(test)]
mod tests {
    use super::{bench_url, url, Admin, DieselMysql, QuarryMysql, RawMysql};
    use crate::User;

    /// Values longer than the raw loop's 256-byte text buffers are fetched again in full
    /// (`mysql_stmt_fetch_column`), multi-byte text included. Uses the benchmark database
    /// (do not run it while the MySQL benchmarks run).
    #[test]
    fn long_text_values_are_read_whole() {
        let Some(url) = url() else {
            println!("SKIPPED: QUARRY_MYSQL_URL is not set");
            return;
        };
        let mut admin = Admin::connect(&url);
        admin.recreate_tables();
        // VARCHAR(255) counts characters: multi-byte text goes past 256 bytes.
        let users = vec![
            User {
                id: 1,
                name: "short".into(),
                hair_color: None,
            },
            User {
                id: 2,
                name: "é".repeat(200),
                hair_color: Some("ü".repeat(255)),
            },
            User {
                id: 3,
                name: "x".repeat(255),
                hair_color: Some(format!("{}ü", "ab".repeat(127))),
            },
            User {
                id: 4,
                name: String::new(),
                hair_color: Some("€".repeat(86)),
            },
        ];
        assert_eq!(users[2].hair_color.as_ref().map(String::len), Some(256));
        admin.seed(&users, &[], &[]);
        let bench = bench_url(&url);
        assert_eq!(RawMysql::connect(&bench).trivial(), users);
        assert_eq!(QuarryMysql::connect(&bench).trivial(), users);
        assert_eq!(DieselMysql::connect(&bench).trivial(), users);
        admin.recreate_tables();
    }

    #[test]
    fn bench_url_replaces_the_database() {
        assert_eq!(
            bench_url("mysql://root@127.0.0.1:3306/test"),
            "mysql://root@127.0.0.1:3306/quarry_bench"
        );
        assert_eq!(
            bench_url("mysql://u:p@h/test?socket=/x"),
            "mysql://u:p@h/quarry_bench?socket=/x"
        );
        assert_eq!(bench_url("mysql://u@h:1"), "mysql://u@h:1/quarry_bench");
    }
}
