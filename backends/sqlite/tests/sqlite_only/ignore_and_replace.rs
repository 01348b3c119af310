//! `INSERT OR IGNORE` and `REPLACE INTO`, which SQLite shares with MySQL.

use super::*;
use quarry::prelude::*;
use quarry::QueryResult;

#[test]
fn insert_ignore_skips_existing_keys() -> QueryResult<()> {
    let mut c = conn();
    let q = insert_ignore_into(settings::table).values(vec![
        (settings::id.eq(1), settings::key.eq("a")),
        (settings::id.eq(2), settings::key.eq("b")),
    ]);
    assert_eq!(
        sql(&q),
        r#"INSERT OR IGNORE INTO "settings" ("id", "key") VALUES (?, ?), (?, ?)"#
    );
    assert_eq!(q.execute(&mut c)?, 2);
    // Key 2 and key "a" exist: only the third row goes in.
    let again = insert_ignore_into(settings::table)
        .values(vec![
            (settings::id.eq(2), settings::key.eq("other")),
            (settings::id.eq(3), settings::key.eq("a")),
            (settings::id.eq(4), settings::key.eq("d")),
        ])
        .execute(&mut c)?;
    assert_eq!(again, 1);
    let keys: Vec<String> = settings::table
        .select(settings::key)
        .order_by(settings::id)
        .load(&mut c)?;
    assert_eq!(keys, ["a", "b", "d"]);
    Ok(())
}

#[test]
fn replace_deletes_the_old_row_and_inserts_the_new_one() -> QueryResult<()> {
    let mut c = conn();
    insert_into(settings::table)
        .values((
            settings::id.eq(1),
            settings::key.eq("theme"),
            settings::value.eq("dark"),
            settings::hits.eq(5),
        ))
        .execute(&mut c)?;
    let q = replace_into(settings::table).values((settings::id.eq(1), settings::key.eq("theme")));
    assert_eq!(sql(&q), r#"REPLACE INTO "settings" ("id", "key") VALUES (?, ?)"#);
    q.execute(&mut c)?;
    // A new row: the columns left out are back to their defaults.
    let row: (String, String, i32) = settings::table
        .select((settings::key, settings::value, settings::hits))
        .first(&mut c)?;
    assert_eq!(row, ("theme".into(), "unset".into(), 0));
    assert_eq!(settings::table.count().get_result::<i64>(&mut c)?, 1);
    Ok(())
}
