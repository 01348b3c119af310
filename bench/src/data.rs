//! The data every workload runs on, the same for every implementation and backend.
//!
//! - **trivial**: `n` users, `User {i}`, hair colour `black` for even `i` and none for odd `i`.
//! - **medium**: `n` users, hair colour `black` for even `i` and `brown` for odd `i`; user `i`
//!   has one post when `i % 4 == 0`. The query (`users LEFT JOIN posts WHERE hair_color =
//!   'black' ORDER BY users.id, posts.id`) returns `n / 2` rows, half of them with a post.
//! - **insert**: `n` new users in one INSERT statement.
//! - **associations**: 100 users × 10 posts × 10 comments.
//!
//! Ids start at 1 and are written explicitly, so every backend holds identical rows.

use crate::{Comment, NewUser, Post, User};

/// The hair colour the medium query filters on (bound as a parameter by every implementation).
pub const MEDIUM_HAIR_COLOR: &str = "black";

/// The sizes of the load workloads (trivial, medium).
pub const LOAD_SIZES: [usize; 5] = [1, 10, 100, 1_000, 10_000];
/// The batch sizes of the insert workload.
pub const INSERT_SIZES: [usize; 5] = [1, 10, 25, 50, 100];
/// Users, posts per user, comments per post of the associations workload.
pub const ASSOC_USERS: usize = 100;
pub const ASSOC_POSTS_PER_USER: usize = 10;
pub const ASSOC_COMMENTS_PER_POST: usize = 10;

/// The users of the trivial workload.
pub fn trivial_users(n: usize) -> Vec<User> {
    (1..=n as i32)
        .map(|i| User {
            id: i,
            name: format!("User {i}"),
            hair_color: (i % 2 == 0).then(|| "black".to_string()),
        })
        .collect()
}

/// The users and posts of the medium workload.
pub fn medium_rows(n: usize) -> (Vec<User>, Vec<Post>) {
    let users: Vec<User> = (1..=n as i32)
        .map(|i| User {
            id: i,
            name: format!("User {i}"),
            hair_color: Some(if i % 2 == 0 { "black" } else { "brown" }.to_string()),
        })
        .collect();
    let posts = users
        .iter()
        .filter(|u| u.id % 4 == 0)
        .map(|u| Post {
            id: u.id,
            user_id: u.id,
            title: format!("Post by user {}", u.id),
            body: (u.id % 8 == 0).then(|| format!("Body of post {}", u.id)),
        })
        .collect();
    (users, posts)
}

/// The expected result of the medium query, for checking every implementation.
pub fn medium_expected(n: usize) -> Vec<(User, Option<Post>)> {
    let (users, posts) = medium_rows(n);
    users
        .into_iter()
        .filter(|u| u.hair_color.as_deref() == Some("black"))
        .map(|u| {
            let post = posts.iter().find(|p| p.user_id == u.id).cloned();
            (u, post)
        })
        .collect()
}

/// The rows inserted by one iteration of the insert workload.
pub fn new_users(n: usize) -> Vec<NewUser> {
    (0..n)
        .map(|i| NewUser {
            name: format!("New user {i}"),
            hair_color: (i % 2 == 0).then(|| "green".to_string()),
        })
        .collect()
}

/// The rows of the associations workload.
pub fn association_rows() -> (Vec<User>, Vec<Post>, Vec<Comment>) {
    let users: Vec<User> = (1..=ASSOC_USERS as i32)
        .map(|i| User {
            id: i,
            name: format!("User {i}"),
            hair_color: None,
        })
        .collect();
    let mut posts = Vec::with_capacity(ASSOC_USERS * ASSOC_POSTS_PER_USER);
    let mut comments = Vec::with_capacity(ASSOC_USERS * ASSOC_POSTS_PER_USER * ASSOC_COMMENTS_PER_POST);
    for u in &users {
        for _ in 0..ASSOC_POSTS_PER_USER {
            let post_id = posts.len() as i32 + 1;
            posts.push(Post {
                id: post_id,
                user_id: u.id,
                title: format!("Post {post_id}"),
                body: None,
            });
            for _ in 0..ASSOC_COMMENTS_PER_POST {
                let comment_id = comments.len() as i32 + 1;
                comments.push(Comment {
                    id: comment_id,
                    post_id,
                    text: format!("Comment {comment_id}"),
                });
            }
        }
    }
    (users, posts, comments)
}
