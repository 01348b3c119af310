//! The workloads with Quarry on PostgreSQL (`quarry_postgres::PgConnection`).

use quarry::prelude::*;
use quarry_postgres::PgConnection;

use super::SESSION_SQL;
use crate::quarry_schema::{comments, posts, users};
use crate::{build_tree, Comment, NewUser, Post, User, UserTree};

/// A Quarry connection (its statement cache keeps every query prepared).
pub struct QuarryPg {
    conn: PgConnection,
}

impl QuarryPg {
    /// Connects and sets the session up.
    pub fn connect(url: &str) -> Self {
        let mut conn = PgConnection::establish(url).expect("Quarry: connect to PostgreSQL");
        conn.batch_execute(SESSION_SQL)
            .expect("Quarry: set up the session");
        Self { conn }
    }

    /// `SELECT id, name, hair_color FROM users ORDER BY id`.
    #[inline(never)]
    pub fn trivial(&mut self) -> Vec<User> {
        users::table
            .select(User::as_select())
            .order_by(users::id)
            .load(&mut self.conn)
            .expect("Quarry: trivial query")
    }

    /// Users with black hair, LEFT JOIN their posts.
    #[inline(never)]
    pub fn medium(&mut self) -> Vec<(User, Option<Post>)> {
        users::table
            .left_join(posts::table)
            .filter(users::hair_color.eq("black"))
            .order_by((users::id, posts::id))
            .select((User::as_select(), Post::as_select()))
            .load(&mut self.conn)
            .expect("Quarry: medium query")
    }

    /// Inserts `rows` in one statement; returns the number inserted.
    #[inline(never)]
    pub fn insert(&mut self, rows: &[NewUser]) -> usize {
        insert_into(users::table)
            .values(rows)
            .execute(&mut self.conn)
            .expect("Quarry: insert")
    }

    /// Users, their posts (`eq_any`), those posts' comments, as a tree.
    #[inline(never)]
    pub fn associations(&mut self) -> UserTree {
        let users: Vec<User> = users::table
            .select(User::as_select())
            .order_by(users::id)
            .load(&mut self.conn)
            .expect("Quarry: load users");
        let posts: Vec<Post> = posts::table
            .select(Post::as_select())
            .filter(posts::user_id.eq_any(users.iter().map(|u| u.id)))
            .order_by(posts::id)
            .load(&mut self.conn)
            .expect("Quarry: load posts");
        let comments: Vec<Comment> = comments::table
            .select(Comment::as_select())
            .filter(comments::post_id.eq_any(posts.iter().map(|p| p.id)))
            .order_by(comments::id)
            .load(&mut self.conn)
            .expect("Quarry: load comments");
        build_tree(users, posts, comments)
    }
}
