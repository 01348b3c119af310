//! The SQL MySQL gets: backticks, CONCAT, DIV, the OFFSET-only LIMIT, `() VALUES ()`.

use quarry::prelude::*;
use quarry::QueryResult;
use quarry_mysql::MysqlConnection;

use super::db_with;
use crate::suite::{settings, users};

quarry::table! {
    counters (id) {
        id -> Integer,
        hits -> Integer,
        label -> Text,
        ratio -> Double,
    }
}

#[test]
fn generated_sql_uses_mysql_spellings() -> QueryResult<()> {
    let q = users::table
        .select((users::name.concat("!"), users::age / 2))
        .order_by(users::id)
        .offset(2);
    assert_eq!(
        MysqlConnection::debug_sql(&q)?,
        "SELECT CONCAT(`users`.`name`, ?), (`users`.`age` DIV ?) FROM `users` ORDER BY `users`.`id` LIMIT 18446744073709551615 OFFSET ?"
    );
    let q = settings::table
        .select(settings::key)
        .filter(settings::hits.gt(0))
        .for_share();
    assert_eq!(
        MysqlConnection::debug_sql(&q)?,
        "SELECT `settings`.`key` FROM `settings` WHERE `settings`.`hits` > ? LOCK IN SHARE MODE"
    );
    let q = insert_into(counters::table).default_values();
    assert_eq!(
        MysqlConnection::debug_sql(&q)?,
        "INSERT INTO `counters` () VALUES ()"
    );
    let q = users::table.select(avg(users::age));
    assert_eq!(
        MysqlConnection::debug_sql(&q)?,
        "SELECT CAST(AVG(`users`.`age`) AS DOUBLE) FROM `users`"
    );
    Ok(())
}

#[test]
fn default_values_and_offsets_run() -> QueryResult<()> {
    let mut c = db_with!(
        "CREATE TABLE counters (id INT AUTO_INCREMENT PRIMARY KEY, hits INT NOT NULL DEFAULT 0,
            label TEXT NOT NULL DEFAULT 'new', ratio DOUBLE NOT NULL DEFAULT 1)"
    );
    for _ in 0..3 {
        assert_eq!(insert_into(counters::table).default_values().execute(&mut c)?, 1);
    }
    let rows: Vec<(i32, i32, String)> = counters::table
        .select((counters::id, counters::hits, counters::label))
        .order_by(counters::id)
        .offset(1)
        .load(&mut c)?;
    assert_eq!(rows, vec![(2, 0, "new".into()), (3, 0, "new".into())]);
    // Floats divide as floats.
    let half: Option<f64> = counters::table.select(counters::ratio / 2.0).first(&mut c)?;
    assert_eq!(half, Some(0.5));
    Ok(())
}
