//! The workloads with Diesel (statements cached by the connection), written as Diesel's own
//! benchmark suite writes them.

use diesel::prelude::*;
use diesel::SqliteConnection;

use super::{setup_sql, Seed, Workloads, DATABASE, MEDIUM_HAIR_COLOR};
use crate::diesel_schema::{comments, posts, users};
use crate::{Comment, NewUser, Post, User, UserTree};

/// A Diesel connection to its own in-memory database.
pub struct DieselSqlite {
    conn: SqliteConnection,
}

impl Workloads for DieselSqlite {
    fn open(seed: Seed) -> Self {
        let mut conn = SqliteConnection::establish(DATABASE).expect("diesel: open :memory:");
        diesel::connection::SimpleConnection::batch_execute(&mut conn, &setup_sql(seed))
            .expect("diesel: seed the database");
        Self { conn }
    }

    #[inline(never)]
    fn trivial(&mut self) -> Vec<User> {
        users::table
            .select(User::as_select())
            .order_by(users::id)
            .load(&mut self.conn)
            .expect("diesel: trivial query")
    }

    #[inline(never)]
    fn medium(&mut self) -> Vec<(User, Option<Post>)> {
        users::table
            .left_join(posts::table)
            .filter(users::hair_color.eq(MEDIUM_HAIR_COLOR))
            .order_by((users::id, posts::id))
            .select((User::as_select(), Option::<Post>::as_select()))
            .load(&mut self.conn)
            .expect("diesel: medium query")
    }

    #[inline(never)]
    fn insert(&mut self, rows: &[NewUser]) -> usize {
        // `values(rows)` with the `NewUser` struct would not be one statement on SQLite: Diesel
        // reads its `Option` field as "DEFAULT when None", which SQLite's VALUES cannot express,
        // so it falls back to one INSERT per row inside a transaction. Binding the `Option` as a
        // value (NULL when None) gives the single multi-row INSERT every implementation runs.
        let values: Vec<_> = rows
            .iter()
            .map(|r| (users::name.eq(&r.name), users::hair_color.eq(&r.hair_color)))
            .collect();
        diesel::insert_into(users::table)
            .values(&values)
            .execute(&mut self.conn)
            .expect("diesel: insert users")
    }

    #[inline(never)]
    fn associations(&mut self) -> UserTree {
        let users: Vec<User> = users::table
            .select(User::as_select())
            .order_by(users::id)
            .load(&mut self.conn)
            .expect("diesel: load users");
        let posts: Vec<Post> = Post::belonging_to(&users)
            .select(Post::as_select())
            .order_by(posts::id)
            .load(&mut self.conn)
            .expect("diesel: load posts");
        let comments: Vec<Comment> = Comment::belonging_to(&posts)
            .select(Comment::as_select())
            .order_by(comments::id)
            .load(&mut self.conn)
            .expect("diesel: load comments");
        let comments = comments.grouped_by(&posts);
        let posts_and_comments = posts.into_iter().zip(comments).grouped_by(&users);
        users.into_iter().zip(posts_and_comments).collect()
    }

    fn users_read_back(&mut self) -> Vec<(String, Option<String>)> {
        users::table
            .select((users::name, users::hair_color))
            .order_by(users::id)
            .load(&mut self.conn)
            .expect("diesel: read back users")
    }

    fn users_clear(&mut self) {
        diesel::delete(users::table)
            .execute(&mut self.conn)
            .expect("diesel: delete users");
    }
}
