//! The workloads with Quarry's DSL (statements cached by the connection).

use quarry::prelude::*;
use quarry_sqlite::SqliteConnection;

use super::{setup_sql, Seed, Workloads, DATABASE, MEDIUM_HAIR_COLOR};
use crate::quarry_schema::{comments, posts, users};
use crate::{build_tree, Comment, NewUser, Post, User, UserTree};

/// A Quarry connection to its own in-memory database.
pub struct QuarrySqlite {
    conn: SqliteConnection,
}

impl Workloads for QuarrySqlite {
    fn open(seed: Seed) -> Self {
        let mut conn = SqliteConnection::establish(DATABASE).expect("quarry: open :memory:");
        conn.batch_execute(&setup_sql(seed))
            .expect("quarry: seed the database");
        Self { conn }
    }

    #[inline(never)]
    fn trivial(&mut self) -> Vec<User> {
        users::table
            .select(User::as_select())
            .order_by(users::id)
            .load(&mut self.conn)
            .expect("quarry: trivial query")
    }

    #[inline(never)]
    fn medium(&mut self) -> Vec<(User, Option<Post>)> {
        users::table
            .left_join(posts::table)
            .filter(users::hair_color.eq(MEDIUM_HAIR_COLOR))
            .order_by((users::id, posts::id))
            .load(&mut self.conn)
            .expect("quarry: medium query")
    }

    #[inline(never)]
    fn insert(&mut self, rows: &[NewUser]) -> usize {
        insert_into(users::table)
            .values(rows)
            .execute(&mut self.conn)
            .expect("quarry: insert users")
    }

    #[inline(never)]
    fn associations(&mut self) -> UserTree {
        let users: Vec<User> = users::table
            .select(User::as_select())
            .order_by(users::id)
            .load(&mut self.conn)
            .expect("quarry: load users");
        let posts: Vec<Post> = posts::table
            .select(Post::as_select())
            .filter(posts::user_id.eq_any(users.iter().map(|u| u.id)))
            .order_by(posts::id)
            .load(&mut self.conn)
            .expect("quarry: load posts");
        let comments: Vec<Comment> = comments::table
            .select(Comment::as_select())
            .filter(comments::post_id.eq_any(posts.iter().map(|p| p.id)))
            .order_by(comments::id)
            .load(&mut self.conn)
            .expect("quarry: load comments");
        build_tree(users, posts, comments)
    }

    fn users_read_back(&mut self) -> Vec<(String, Option<String>)> {
        users::table
            .select((users::name, users::hair_color))
            .order_by(users::id)
            .load(&mut self.conn)
            .expect("quarry: read back users")
    }

    fn users_clear(&mut self) {
        delete(users::table)
            .execute(&mut self.conn)
            .expect("quarry: delete users");
    }
}
