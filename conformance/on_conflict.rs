//! Upserts with `ON CONFLICT (...) DO NOTHING / DO UPDATE` and `excluded(...)`, for the
//! backends that have them (SQLite, PostgreSQL). Compiled into a backend's suite by its harness.

use crate::suite::*;
use quarry::prelude::*;
use quarry::QueryResult;

#[test]
fn upsert_do_nothing_and_do_update_with_excluded() -> QueryResult<()> {
    let mut c = conn!();
    insert_into(settings::table)
        .values((settings::key.eq("theme"), settings::value.eq("dark")))
        .execute(&mut c)?;
    let q = insert_into(settings::table)
        .values((settings::key.eq("theme"), settings::value.eq("light")))
        .on_conflict(settings::key)
        .do_nothing();
    assert_eq!(
        sql(&q),
        r#"INSERT INTO "settings" ("key", "value") VALUES (?, ?) ON CONFLICT ("key") DO NOTHING"#
    );
    assert_eq!(q.execute(&mut c)?, 0);
    let q = insert_into(settings::table)
        .values((settings::key.eq("theme"), settings::value.eq("light")))
        .on_conflict(settings::key)
        .do_update()
        .set((
            settings::value.eq(excluded(settings::value)),
            settings::hits.eq(settings::hits + 1),
        ));
    assert_eq!(
        sql(&q),
        r#"INSERT INTO "settings" ("key", "value") VALUES (?, ?) ON CONFLICT ("key") DO UPDATE SET "value" = excluded."value", "hits" = ("settings"."hits" + ?)"#
    );
    assert_eq!(q.execute(&mut c)?, 1);
    let row: (String, i32) = settings::table
        .select((settings::value, settings::hits))
        .first(&mut c)?;
    assert_eq!(row, ("light".into(), 1));
    // On the primary key, with RETURNING.
    let hits: i32 = insert_into(settings::table)
        .values((settings::id.eq(1), settings::key.eq("other")))
        .on_conflict(settings::id)
        .do_update()
        .set(settings::hits.eq(settings::hits + 10))
        .returning(settings::hits)
        .get_result(&mut c)?;
    assert_eq!(hits, 11);
    Ok(())
}
