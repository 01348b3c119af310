//! MySQL's own upserts: `ON DUPLICATE KEY UPDATE`, `INSERT IGNORE`, `REPLACE INTO`.

use quarry::prelude::*;
use quarry::QueryResult;
use quarry_mysql::MysqlConnection;

use super::db_with;

quarry::table! {
    counters (name) {
        name -> Text,
        hits -> Integer,
        note -> Text,
    }
}

const COUNTERS: &str = "CREATE TABLE counters (name VARCHAR(50) PRIMARY KEY, hits INT NOT NULL,
    note TEXT NOT NULL DEFAULT 'none') ENGINE=InnoDB;
    INSERT INTO counters (name, hits, note) VALUES ('home', 1, 'kept')";

fn rows(c: &mut MysqlConnection) -> QueryResult<Vec<(String, i32, String)>> {
    counters::table
        .select((counters::name, counters::hits, counters::note))
        .order_by(counters::name)
        .load(c)
}

#[test]
fn on_duplicate_key_update_adds_to_the_existing_row() -> QueryResult<()> {
    let mut c = db_with!(COUNTERS);
    let hit = |name: &'static str, hits: i32| {
        insert_into(counters::table)
            .values((counters::name.eq(name), counters::hits.eq(hits)))
            .on_duplicate_key_update(counters::hits.eq(counters::hits + inserted(counters::hits)))
    };
    assert_eq!(
        MysqlConnection::debug_sql(&hit("home", 1))?,
        "INSERT INTO `counters` (`name`, `hits`) VALUES (?, ?) \
         ON DUPLICATE KEY UPDATE `hits` = (`counters`.`hits` + VALUES(`hits`))"
    );
    // Updated: MySQL counts 2; inserted: 1.
    assert_eq!(hit("home", 5).execute(&mut c)?, 2);
    assert_eq!(hit("about", 1).execute(&mut c)?, 1);
    assert_eq!(
        rows(&mut c)?,
        vec![
            ("about".into(), 1, "none".into()),
            ("home".into(), 6, "kept".into())
        ]
    );
    Ok(())
}

#[test]
fn insert_ignore_skips_existing_keys_and_replace_overwrites_rows() -> QueryResult<()> {
    let mut c = db_with!(COUNTERS);
    let n = insert_ignore_into(counters::table)
        .values(vec![
            (counters::name.eq("home"), counters::hits.eq(100)),
            (counters::name.eq("new"), counters::hits.eq(7)),
        ])
        .execute(&mut c)?;
    assert_eq!(n, 1, "only the new key is inserted");
    // REPLACE deletes the old row: columns left out take their defaults.
    let n = replace_into(counters::table)
        .values((counters::name.eq("home"), counters::hits.eq(9)))
        .execute(&mut c)?;
    assert_eq!(n, 2, "one row deleted, one inserted");
    assert_eq!(
        rows(&mut c)?,
        vec![
            ("home".into(), 9, "none".into()),
            ("new".into(), 7, "none".into())
        ]
    );
    Ok(())
}
