//! The SQL text that seeds the tables, shared by the PostgreSQL and MySQL setups: plain
//! multi-row `INSERT`s with the ids written out, run once per workload and size, outside the
//! timing.

use crate::{Comment, Post, User};

/// Rows per `INSERT` statement (keeps each statement well under any packet limit).
const ROWS_PER_STATEMENT: usize = 1000;

/// `INSERT` statements that store these rows, with their ids, parents first.
pub fn insert_statements(users: &[User], posts: &[Post], comments: &[Comment]) -> Vec<String> {
    let mut out = Vec::new();
    for chunk in users.chunks(ROWS_PER_STATEMENT) {
        let rows: Vec<String> = chunk
            .iter()
            .map(|u| {
                format!(
                    "({}, {}, {})",
                    u.id,
                    literal(&u.name),
                    opt_literal(u.hair_color.as_deref())
                )
            })
            .collect();
        out.push(format!(
            "INSERT INTO users (id, name, hair_color) VALUES {}",
            rows.join(", ")
        ));
    }
    for chunk in posts.chunks(ROWS_PER_STATEMENT) {
        let rows: Vec<String> = chunk
            .iter()
            .map(|p| {
                format!(
                    "({}, {}, {}, {})",
                    p.id,
                    p.user_id,
                    literal(&p.title),
                    opt_literal(p.body.as_deref())
                )
            })
            .collect();
        out.push(format!(
            "INSERT INTO posts (id, user_id, title, body) VALUES {}",
            rows.join(", ")
        ));
    }
    for chunk in comments.chunks(ROWS_PER_STATEMENT) {
        let rows: Vec<String> = chunk
            .iter()
            .map(|c| format!("({}, {}, {})", c.id, c.post_id, literal(&c.text)))
            .collect();
        out.push(format!(
            "INSERT INTO comments (id, post_id, text) VALUES {}",
            rows.join(", ")
        ));
    }
    out
}

/// A string literal valid on both servers: quotes doubled; backslashes (an escape character in
/// MySQL's default mode) are refused rather than guessed at, as the data has none.
fn literal(text: &str) -> String {
    assert!(!text.contains('\\'), "seed text with a backslash: {text:?}");
    format!("'{}'", text.replace('\'', "''"))
}

fn opt_literal(text: Option<&str>) -> String {
    text.map_or_else(|| "NULL".to_string(), literal)
}
