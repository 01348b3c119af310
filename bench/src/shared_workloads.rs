//! The Quarry and Diesel workload bodies, written once and expanded into each backend's
//! implementation (`impl QuarryPg { quarry_workloads!(pub); }`, or inside `impl Workloads for
//! QuarrySqlite`). The query code is the same on every backend; only the connection type of
//! `self.conn` differs, and a macro lets each expansion be checked against its own connection
//! without spelling out the DSL's trait bounds for a generic one.
//!
//! Each method is `#[inline(never)]` so that a profile (callgrind's `--toggle-collect`) can count
//! one call per query.

/// `trivial`, `medium`, `insert` and `associations` with Quarry's DSL, over `self.conn`.
macro_rules! quarry_workloads {
    ($($vis:tt)?) => {
        /// `SELECT id, name, hair_color FROM users ORDER BY id`.
        #[inline(never)]
        $($vis)? fn trivial(&mut self) -> Vec<$crate::User> {
            use quarry::prelude::*;
            use $crate::quarry_schema::users;
            users::table
                .select($crate::User::as_select())
                .order_by(users::id)
                .load(&mut self.conn)
                .expect("Quarry: trivial query")
        }

        /// Users with the medium query's hair colour, LEFT JOIN their posts.
        #[inline(never)]
        $($vis)? fn medium(&mut self) -> Vec<($crate::User, Option<$crate::Post>)> {
            use quarry::prelude::*;
            use $crate::quarry_schema::{posts, users};
            users::table
                .left_join(posts::table)
                .filter(users::hair_color.eq($crate::data::MEDIUM_HAIR_COLOR))
                .order_by((users::id, posts::id))
                .select(($crate::User::as_select(), $crate::Post::as_select()))
                .load(&mut self.conn)
                .expect("Quarry: medium query")
        }

        /// Inserts `rows` in one statement; returns the number inserted.
        #[inline(never)]
        $($vis)? fn insert(&mut self, rows: &[$crate::NewUser]) -> usize {
            use quarry::prelude::*;
            insert_into($crate::quarry_schema::users::table)
                .values(rows)
                .execute(&mut self.conn)
                .expect("Quarry: insert users")
        }

        /// Users, their posts (`eq_any`), those posts' comments, as a tree.
        #[inline(never)]
        $($vis)? fn associations(&mut self) -> $crate::UserTree {
            use quarry::prelude::*;
            use $crate::quarry_schema::{comments, posts, users};
            use $crate::{Comment, Post, User};
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
            $crate::build_tree(users, posts, comments)
        }
    };
}
pub(crate) use quarry_workloads;

/// `trivial`, `medium` and `associations` with Diesel, over `self.conn`. (`insert` differs: on
/// SQLite, Diesel needs a tuple form to write one statement; see `sqlite::diesel_impl`.)
macro_rules! diesel_load_workloads {
    ($($vis:tt)?) => {
        /// `SELECT id, name, hair_color FROM users ORDER BY id`.
        #[inline(never)]
        $($vis)? fn trivial(&mut self) -> Vec<$crate::User> {
            use diesel::prelude::*;
            use $crate::diesel_schema::users;
            users::table
                .select($crate::User::as_select())
                .order(users::id)
                .load(&mut self.conn)
                .expect("Diesel: trivial query")
        }

        /// Users with the medium query's hair colour, LEFT JOIN their posts.
        #[inline(never)]
        $($vis)? fn medium(&mut self) -> Vec<($crate::User, Option<$crate::Post>)> {
            use diesel::prelude::*;
            use $crate::diesel_schema::{posts, users};
            users::table
                .left_join(posts::table)
                .filter(users::hair_color.eq($crate::data::MEDIUM_HAIR_COLOR))
                .order((users::id, posts::id))
                .select(($crate::User::as_select(), Option::<$crate::Post>::as_select()))
                .load(&mut self.conn)
                .expect("Diesel: medium query")
        }

        /// Users, then `Post::belonging_to` / `Comment::belonging_to`, grouped with `grouped_by`
        /// (Diesel's idiomatic associations).
        #[inline(never)]
        $($vis)? fn associations(&mut self) -> $crate::UserTree {
            use diesel::prelude::*;
            use $crate::diesel_schema::{comments, posts, users};
            use $crate::{Comment, Post, User};
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
    };
}
pub(crate) use diesel_load_workloads;
