//! The workloads of Diesel's own benchmark suite, written four ways: Quarry, Diesel, rusqlite (SQLite
//! only) and a hand-written loop over the C client API. Every way fills the same Rust structs
//! ([`User`], [`Post`], [`Comment`]) from the same data ([`data`]), so the benchmarks compare the
//! cost of getting identical results.
//!
//! `benches/{sqlite,postgres,mysql}.rs` measure them; each first checks that every way returns the
//! same rows, so a benchmark can never measure a wrong answer.

pub mod data;
pub mod diesel_schema;
pub mod quarry_schema;
pub mod server_impls;
pub mod settings;
mod shared_workloads;

pub mod mysql;
pub mod postgres;
pub mod sqlite;

/// A row of `users`, read by every implementation.
#[derive(
    Debug,
    Clone,
    PartialEq,
    quarry::Queryable,
    quarry::Selectable,
    diesel::Queryable,
    diesel::Selectable,
    diesel::Identifiable,
)]
#[quarry(table = quarry_schema::users)]
#[diesel(table_name = diesel_schema::users)]
pub struct User {
    pub id: i32,
    pub name: String,
    pub hair_color: Option<String>,
}

/// A row of `posts`. (`Identifiable` and `Associations` give Diesel its idiomatic
/// `belonging_to` / `grouped_by` for the associations workload; Quarry has no equivalent yet and
/// loads the children with `eq_any`, then groups them with [`build_tree`].)
#[derive(
    Debug,
    Clone,
    PartialEq,
    quarry::Queryable,
    quarry::Selectable,
    diesel::Queryable,
    diesel::Selectable,
    diesel::Identifiable,
    diesel::Associations,
)]
#[quarry(table = quarry_schema::posts)]
#[diesel(table_name = diesel_schema::posts, belongs_to(User))]
pub struct Post {
    pub id: i32,
    pub user_id: i32,
    pub title: String,
    pub body: Option<String>,
}

/// A row of `comments`.
#[derive(
    Debug,
    Clone,
    PartialEq,
    quarry::Queryable,
    quarry::Selectable,
    diesel::Queryable,
    diesel::Selectable,
    diesel::Identifiable,
    diesel::Associations,
)]
#[quarry(table = quarry_schema::comments)]
#[diesel(table_name = diesel_schema::comments, belongs_to(Post))]
pub struct Comment {
    pub id: i32,
    pub post_id: i32,
    pub text: String,
}

/// A user to insert (the id is left to the database).
#[derive(Debug, Clone, quarry::Insertable, diesel::Insertable)]
#[quarry(table = quarry_schema::users)]
#[diesel(table_name = diesel_schema::users)]
pub struct NewUser {
    pub name: String,
    pub hair_color: Option<String>,
}

/// The result of the associations workload: every user with its posts, each with its comments,
/// in id order.
pub type UserTree = Vec<(User, Vec<(Post, Vec<Comment>)>)>;

/// Groups `posts` and `comments` under their parents, keeping id order. Every implementation of
/// the associations workload loads three flat lists (users, their posts, those posts' comments)
/// and builds the tree with this one function, so only the loading differs between them.
pub fn build_tree(users: Vec<User>, posts: Vec<Post>, comments: Vec<Comment>) -> UserTree {
    use std::collections::HashMap;
    let mut comments_by_post: HashMap<i32, Vec<Comment>> = HashMap::with_capacity(posts.len());
    for c in comments {
        comments_by_post.entry(c.post_id).or_default().push(c);
    }
    let mut posts_by_user: HashMap<i32, Vec<(Post, Vec<Comment>)>> = HashMap::with_capacity(users.len());
    for p in posts {
        let cs = comments_by_post.remove(&p.id).unwrap_or_default();
        posts_by_user.entry(p.user_id).or_default().push((p, cs));
    }
    users
        .into_iter()
        .map(|u| {
            let ps = posts_by_user.remove(&u.id).unwrap_or_default();
            (u, ps)
        })
        .collect()
}
