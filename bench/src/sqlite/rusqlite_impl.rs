//! The workloads with rusqlite: plain SQL through `prepare_cached`, rows mapped by hand.

use rusqlite::{params_from_iter, Connection, Row};

use super::{
    comments_of_posts_sql, insert_users_sql, posts_of_users_sql, setup_sql, Seed, Workloads, DATABASE,
    MEDIUM_HAIR_COLOR, MEDIUM_SQL, READ_BACK_SQL, TRIVIAL_SQL,
};
use crate::{build_tree, Comment, NewUser, Post, User, UserTree};

/// A rusqlite connection to its own in-memory database.
pub struct RusqliteSqlite {
    conn: Connection,
}

fn user(row: &Row<'_>) -> rusqlite::Result<User> {
    Ok(User {
        id: row.get(0)?,
        name: row.get(1)?,
        hair_color: row.get(2)?,
    })
}

fn post(row: &Row<'_>) -> rusqlite::Result<Post> {
    Ok(Post {
        id: row.get(0)?,
        user_id: row.get(1)?,
        title: row.get(2)?,
        body: row.get(3)?,
    })
}

fn comment(row: &Row<'_>) -> rusqlite::Result<Comment> {
    Ok(Comment {
        id: row.get(0)?,
        post_id: row.get(1)?,
        text: row.get(2)?,
    })
}

impl Workloads for RusqliteSqlite {
    fn open(seed: Seed) -> Self {
        let conn = Connection::open(DATABASE).expect("rusqlite: open :memory:");
        conn.execute_batch(&setup_sql(seed))
            .expect("rusqlite: seed the database");
        Self { conn }
    }

    #[inline(never)]
    fn trivial(&mut self) -> Vec<User> {
        let mut stmt = self
            .conn
            .prepare_cached(TRIVIAL_SQL)
            .expect("rusqlite: prepare trivial");
        let rows = stmt.query_map([], user).expect("rusqlite: run trivial");
        rows.collect::<Result<_, _>>().expect("rusqlite: read users")
    }

    #[inline(never)]
    fn medium(&mut self) -> Vec<(User, Option<Post>)> {
        let mut stmt = self
            .conn
            .prepare_cached(MEDIUM_SQL)
            .expect("rusqlite: prepare medium");
        let rows = stmt
            .query_map([MEDIUM_HAIR_COLOR], |row| {
                let user = User {
                    id: row.get(0)?,
                    name: row.get(1)?,
                    hair_color: row.get(2)?,
                };
                let post = match row.get::<_, Option<i32>>(3)? {
                    None => None,
                    Some(id) => Some(Post {
                        id,
                        user_id: row.get(4)?,
                        title: row.get(5)?,
                        body: row.get(6)?,
                    }),
                };
                Ok((user, post))
            })
            .expect("rusqlite: run medium");
        rows.collect::<Result<_, _>>()
            .expect("rusqlite: read medium rows")
    }

    #[inline(never)]
    fn insert(&mut self, rows: &[NewUser]) -> usize {
        let mut stmt = self
            .conn
            .prepare_cached(&insert_users_sql(rows.len()))
            .expect("rusqlite: prepare insert");
        let params = rows.iter().flat_map(|r| {
            [
                &r.name as &dyn rusqlite::ToSql,
                &r.hair_color as &dyn rusqlite::ToSql,
            ]
        });
        stmt.execute(params_from_iter(params))
            .expect("rusqlite: insert users")
    }

    #[inline(never)]
    fn associations(&mut self) -> UserTree {
        let users: Vec<User> = {
            let mut stmt = self
                .conn
                .prepare_cached(TRIVIAL_SQL)
                .expect("rusqlite: prepare users");
            let rows = stmt.query_map([], user).expect("rusqlite: run users");
            rows.collect::<Result<_, _>>().expect("rusqlite: read users")
        };
        let posts: Vec<Post> = {
            let mut stmt = self
                .conn
                .prepare_cached(&posts_of_users_sql(users.len()))
                .expect("rusqlite: prepare posts");
            let rows = stmt
                .query_map(params_from_iter(users.iter().map(|u| u.id)), post)
                .expect("rusqlite: run posts");
            rows.collect::<Result<_, _>>().expect("rusqlite: read posts")
        };
        let comments: Vec<Comment> = {
            let mut stmt = self
                .conn
                .prepare_cached(&comments_of_posts_sql(posts.len()))
                .expect("rusqlite: prepare comments");
            let rows = stmt
                .query_map(params_from_iter(posts.iter().map(|p| p.id)), comment)
                .expect("rusqlite: run comments");
            rows.collect::<Result<_, _>>().expect("rusqlite: read comments")
        };
        build_tree(users, posts, comments)
    }

    fn users_read_back(&mut self) -> Vec<(String, Option<String>)> {
        let mut stmt = self
            .conn
            .prepare_cached(READ_BACK_SQL)
            .expect("rusqlite: prepare read back");
        let rows = stmt
            .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))
            .expect("rusqlite: run read back");
        rows.collect::<Result<_, _>>().expect("rusqlite: read back users")
    }

    fn users_clear(&mut self) {
        self.conn
            .execute("DELETE FROM users", [])
            .expect("rusqlite: delete users");
    }
}
