//! The workloads with Diesel on MySQL (`diesel::MysqlConnection`), written the way Diesel's
//! own benchmarks write them.

use diesel::prelude::*;
use diesel::MysqlConnection;

use crate::diesel_schema::{comments, posts, users};
use crate::{Comment, NewUser, Post, User, UserTree};

/// A Diesel connection (its statement cache keeps the queries it can cache prepared).
pub struct DieselMysql {
    conn: MysqlConnection,
}

impl DieselMysql {
    /// Connects (`url` names the benchmark database).
    pub fn connect(url: &str) -> Self {
        let conn = MysqlConnection::establish(url).expect("Diesel: connect to MySQL/MariaDB");
        Self { conn }
    }

    /// `SELECT id, name, hair_color FROM users ORDER BY id`.
    #[inline(never)]
    pub fn trivial(&mut self) -> Vec<User> {
        users::table
            .select(User::as_select())
            .order(users::id)
            .load(&mut self.conn)
            .expect("Diesel: trivial query")
    }

    /// Users with black hair, LEFT JOIN their posts.
    #[inline(never)]
    pub fn medium(&mut self) -> Vec<(User, Option<Post>)> {
        users::table
            .left_join(posts::table)
            .filter(users::hair_color.eq("black"))
            .order((users::id, posts::id))
            .select((User::as_select(), Option::<Post>::as_select()))
            .load(&mut self.conn)
            .expect("Diesel: medium query")
    }

    /// Inserts `rows` in one statement; returns the number inserted.
    #[inline(never)]
    pub fn insert(&mut self, rows: &[NewUser]) -> usize {
        diesel::insert_into(users::table)
            .values(rows)
            .execute(&mut self.conn)
            .expect("Diesel: insert")
    }

    /// Users, `Post::belonging_to(&users)`, `Comment::belonging_to(&posts)`, grouped with
    /// `grouped_by`.
    #[inline(never)]
    pub fn associations(&mut self) -> UserTree {
        let users: Vec<User> = users::table
            .select(User::as_select())
            .order(users::id)
            .load(&mut self.conn)
            .expect("Diesel: load users");
        let posts: Vec<Post> = Post::belonging_to(&users)
            .select(Post::as_select())
            .order(posts::id)
            .load(&mut self.conn)
            .expect("Diesel: load posts");
        let comments: Vec<Comment> = Comment::belonging_to(&posts)
            .select(Comment::as_select())
            .order(comments::id)
            .load(&mut self.conn)
            .expect("Diesel: load comments");
        let comments = comments.grouped_by(&posts);
        let posts_and_comments = posts.into_iter().zip(comments).grouped_by(&users);
        users.into_iter().zip(posts_and_comments).collect()
    }
}
