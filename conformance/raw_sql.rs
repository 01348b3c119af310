//! Raw SQL beside the DSL: bound values, typed results loaded by column name.

use super::*;
use quarry::prelude::*;
use quarry::sql_types::{BigInt, Integer, Nullable, Text};
use quarry::{DeserializeErrorKind, Error, QueryResult};

#[derive(QueryableByName, Debug, PartialEq)]
#[quarry(table = users)]
struct UserRow {
    id: i32,
    name: String,
    hair_color: Option<String>,
}

#[derive(QueryableByName, Debug, PartialEq)]
struct AuthorStats {
    #[quarry(sql_type = Text)]
    name: String,
    #[quarry(sql_type = BigInt, column = post_count)]
    posts: i64,
    #[quarry(sql_type = Nullable<BigInt>)]
    total_views: Option<i64>,
}

#[test]
fn raw_queries_load_by_column_name_with_bound_values() -> QueryResult<()> {
    let mut c = conn!();
    // Columns in another order than the struct's fields, plus one the struct does not read.
    let rows: Vec<UserRow> = sql_query(raw(
        "SELECT age, hair_color, name, id FROM users WHERE age > ? ORDER BY id",
    ))
    .bind::<Integer, _>(40)
    .load(&mut c)?;
    assert_eq!(
        rows,
        vec![
            UserRow {
                id: 2,
                name: "Grace".into(),
                hair_color: None
            },
            UserRow {
                id: 4,
                name: "Barbara".into(),
                hair_color: None
            }
        ]
    );
    // SUM of a BIGINT is a NUMERIC / DECIMAL on PostgreSQL and MySQL: cast back, in the
    // backend's own spelling of a 64-bit integer type (MySQL has no `CAST(… AS BIGINT)`).
    let bigint =
        <TestBackend as quarry::backend::Backend>::cast_type_name(quarry::sql_types::SqlTypeKind::BigInt);
    let stats: Vec<AuthorStats> = sql_query(raw(&format!(
        "SELECT u.name AS name, COUNT(p.id) AS post_count, CAST(SUM(p.views) AS {bigint}) AS total_views
         FROM users u LEFT JOIN posts p ON p.user_id = u.id
         WHERE u.name <> ? GROUP BY u.id ORDER BY u.id"
    )))
    .bind::<Text, _>("Linus")
    .load(&mut c)?;
    assert_eq!(
        stats[0],
        AuthorStats {
            name: "Ada".into(),
            posts: 2,
            total_views: Some(350)
        }
    );
    assert_eq!(
        stats[2],
        AuthorStats {
            name: "Barbara".into(),
            posts: 0,
            total_views: None
        }
    );
    Ok(())
}

#[test]
fn a_missing_column_is_an_error_naming_it() -> QueryResult<()> {
    let mut c = conn!();
    match sql_query("SELECT id, name FROM users").load::<UserRow>(&mut c) {
        Err(Error::Deserialize {
            column,
            kind: DeserializeErrorKind::Malformed(msg),
        }) => {
            assert_eq!(column, "hair_color");
            assert!(msg.contains("no column of this name"), "{msg}");
        }
        other => panic!("expected a missing-column error, got {other:?}"),
    }
    Ok(())
}

#[test]
fn raw_statements_execute_with_binds_and_never_interpolate() -> QueryResult<()> {
    let mut c = conn!();
    let evil = "x'); DROP TABLE users; --";
    let n = sql_query(raw("UPDATE users SET name = ? WHERE id = ?"))
        .bind::<Text, _>(evil)
        .bind::<Integer, _>(1)
        .execute(&mut c)?;
    assert_eq!(n, 1);
    let back: String = users::table.find(1).select(users::name).first(&mut c)?;
    assert_eq!(back, evil);
    assert_eq!(users::table.count().get_result::<i64>(&mut c)?, 4);
    // Two statements in one raw query are refused, not half-run.
    let err = sql_query("DELETE FROM comments; DELETE FROM posts")
        .execute(&mut c)
        .expect_err("two statements");
    assert!(
        err.to_string().contains("multiple statements") || err.to_string().contains("multiple commands"),
        "{err}"
    );
    assert_eq!(comments::table.count().get_result::<i64>(&mut c)?, 3);
    // Batches of statements without values run through batch_execute.
    c.batch_execute("DELETE FROM comments; DELETE FROM posts WHERE id = 4;")?;
    assert_eq!(comments::table.count().get_result::<i64>(&mut c)?, 0);
    Ok(())
}

#[test]
fn raw_results_are_type_checked_at_run_time() -> QueryResult<()> {
    let mut c = conn!();
    #[derive(QueryableByName, Debug)]
    struct Wrong {
        #[quarry(sql_type = Integer)]
        name: i32,
    }
    match sql_query("SELECT name FROM users").load::<Wrong>(&mut c) {
        Err(Error::Deserialize { column, kind }) => {
            assert_eq!(column, "name");
            assert!(
                matches!(
                    kind,
                    DeserializeErrorKind::WrongType {
                        expected: "INTEGER",
                        ..
                    }
                ),
                "{kind:?}"
            );
        }
        other => panic!("expected a type error, got {other:?}"),
    }
    let _ = Wrong { name: 0 }.name;
    Ok(())
}
