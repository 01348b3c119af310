//! Row-by-row loading (`LoadingMode::RowByRow`, libpq's single-row mode): `load_iter` streams
//! the rows, errors in the middle of a result come after the rows before them, and an abandoned
//! result leaves the connection (and an open transaction) usable.

use super::*;
use quarry::prelude::*;
use quarry::sql_types::{BigInt, Integer, Text};
use quarry::{Error, QueryResult};
use quarry_postgres::LoadingMode;

quarry::table! {
    stream_rows (id) {
        id -> Integer,
        label -> Text,
    }
}

const ROWS: i32 = 100_000;

#[derive(QueryableByName, Debug, PartialEq)]
struct Numbered {
    #[quarry(sql_type = Integer)]
    g: i32,
    #[quarry(sql_type = Text)]
    label: String,
}

#[derive(QueryableByName, Debug, PartialEq)]
struct N {
    #[quarry(sql_type = Integer)]
    n: i32,
}

#[derive(QueryableByName)]
struct Count {
    #[quarry(sql_type = BigInt)]
    n: i64,
}

#[derive(QueryableByName)]
struct Pid {
    #[quarry(sql_type = BigInt)]
    pid: i64,
}

/// The suite's connection with `stream_rows` holding `ROWS` rows (`id`, `'row ' || id`), in
/// row-by-row mode.
fn connect_filled() -> Option<TestConnection> {
    let mut c = connect()?;
    c.batch_execute(&format!(
        "CREATE TEMP TABLE stream_rows (id INTEGER PRIMARY KEY, label TEXT NOT NULL);
         INSERT INTO stream_rows SELECT g, 'row ' || g FROM generate_series(1, {ROWS}) g;"
    ))
    .expect("fill stream_rows");
    c.set_loading_mode(LoadingMode::RowByRow);
    Some(c)
}

fn count_rows(c: &mut TestConnection) -> QueryResult<i64> {
    let rows: Vec<Count> = sql_query("SELECT COUNT(*) AS n FROM stream_rows").load(c)?;
    Ok(rows.first().map_or(-1, |r| r.n))
}

#[test]
fn the_mode_is_buffered_by_default_and_can_be_switched() {
    let Some(mut c) = connect() else { return };
    assert_eq!(c.loading_mode(), LoadingMode::Buffered);
    c.set_loading_mode(LoadingMode::RowByRow);
    assert_eq!(c.loading_mode(), LoadingMode::RowByRow);
    assert!(format!("{c:?}").contains("RowByRow"));
}

#[test]
fn a_hundred_thousand_rows_stream_through_load_iter() -> QueryResult<()> {
    let Some(mut c) = connect_filled() else {
        return Ok(());
    };
    // A DSL query over a table.
    let query = stream_rows::table
        .select((stream_rows::id, stream_rows::label))
        .order_by(stream_rows::id);
    let mut expected = 0;
    for row in query.load_iter::<(i32, String)>(&mut c)? {
        let (id, label) = row?;
        expected += 1;
        assert_eq!(id, expected);
        assert_eq!(label, format!("row {expected}"));
    }
    assert_eq!(expected, ROWS);
    // Raw SQL straight from generate_series, loaded by name.
    let raw = sql_query(format!(
        "SELECT g, 'row ' || g AS label FROM generate_series(1, {ROWS}) g"
    ));
    let mut expected = 0;
    for row in raw.load_iter::<Numbered>(&mut c)? {
        let row = row?;
        expected += 1;
        assert_eq!(
            row,
            Numbered {
                g: expected,
                label: format!("row {expected}")
            }
        );
    }
    assert_eq!(expected, ROWS);
    Ok(())
}

#[test]
fn dropping_the_iterator_early_leaves_the_connection_usable() -> QueryResult<()> {
    let Some(mut c) = connect_filled() else {
        return Ok(());
    };
    let query = stream_rows::table
        .select(stream_rows::id)
        .order_by(stream_rows::id);
    let first: Vec<i32> = query
        .load_iter::<i32>(&mut c)?
        .take(10)
        .collect::<QueryResult<_>>()?;
    assert_eq!(first, (1..=10).collect::<Vec<_>>());
    // Dropped after 10 of 100,000 rows: the rest was read and discarded.
    assert_eq!(count_rows(&mut c)?, i64::from(ROWS));
    // Dropped before its first row.
    drop(query.load_iter::<i32>(&mut c)?);
    // `get_result` reads one row and drops the cursor; `first` adds LIMIT 1.
    let any: i32 = stream_rows::table.select(stream_rows::id).get_result(&mut c)?;
    assert!((1..=ROWS).contains(&any));
    let last: i32 = stream_rows::table
        .select(stream_rows::id)
        .order_by(stream_rows::id.desc())
        .first(&mut c)?;
    assert_eq!(last, ROWS);
    let missing = stream_rows::table
        .select(stream_rows::id)
        .filter(stream_rows::id.gt(ROWS))
        .first::<i32>(&mut c);
    assert!(matches!(missing, Err(Error::NotFound)), "{missing:?}");
    // Both kinds of statement still run.
    assert_eq!(
        update_first_label(&mut c)?,
        1,
        "an UPDATE after the abandoned results"
    );
    assert_eq!(
        query.load_iter::<i32>(&mut c)?.count(),
        usize::try_from(ROWS).unwrap_or_default()
    );
    Ok(())
}

/// An UPDATE of one row of `stream_rows` through the DSL; the affected row count.
fn update_first_label(c: &mut TestConnection) -> QueryResult<usize> {
    update(stream_rows::table.filter(stream_rows::id.eq(1)))
        .set(stream_rows::label.eq("first"))
        .execute(c)
}

#[test]
fn an_early_drop_inside_a_transaction_keeps_the_transaction_usable() -> QueryResult<()> {
    let Some(mut c) = connect_filled() else {
        return Ok(());
    };
    c.transaction(|c| {
        insert_into(stream_rows::table)
            .values((stream_rows::id.eq(ROWS + 1), stream_rows::label.eq("inserted")))
            .execute(c)?;
        let query = stream_rows::table
            .select(stream_rows::id)
            .order_by(stream_rows::id);
        let first: Vec<i32> = query.load_iter::<i32>(c)?.take(3).collect::<QueryResult<_>>()?;
        assert_eq!(first, [1, 2, 3]);
        // The transaction was not aborted (a cancelled query would have aborted it).
        assert_eq!(count_rows(c)?, i64::from(ROWS) + 1);
        let label: String = stream_rows::table
            .find(ROWS + 1)
            .select(stream_rows::label)
            .first(c)?;
        assert_eq!(label, "inserted");
        QueryResult::Ok(())
    })?;
    // Committed.
    assert_eq!(c.transaction_depth(), 0);
    c.set_loading_mode(LoadingMode::Buffered);
    assert_eq!(count_rows(&mut c)?, i64::from(ROWS) + 1);
    Ok(())
}

#[test]
fn a_server_error_mid_stream_comes_after_the_rows_before_it() -> QueryResult<()> {
    let Some(mut c) = connect_filled() else {
        return Ok(());
    };
    let failing = sql_query("SELECT 1 / (1000 - g) AS n FROM generate_series(1, 2000) g");
    let mut iter = failing.load_iter::<N>(&mut c)?;
    let mut rows = 0;
    let error = loop {
        match iter.next() {
            Some(Ok(row)) => {
                assert_eq!(row.n, i32::from(rows == 998)); // g = 999 gives 1
                rows += 1;
            }
            Some(Err(e)) => break e,
            None => panic!("the stream ended without the division by zero"),
        }
    };
    // Every row before the failing one (g = 1000) arrived first.
    assert_eq!(rows, 999);
    match &error {
        Error::Database(e) => assert_eq!(e.code, "22012", "{e:?}"),
        other => panic!("expected a database error, got {other:?}"),
    }
    // The iterator has ended.
    assert!(iter.next().is_none());
    drop(iter);
    // The connection is usable, in both modes.
    assert_eq!(sql_query("SELECT 5 AS n").load::<N>(&mut c)?, [N { n: 5 }]);
    // `load` reports the error (after reading the rows before it), as in buffered mode.
    assert!(matches!(
        failing.clone().load::<N>(&mut c),
        Err(Error::Database(_))
    ));
    c.set_loading_mode(LoadingMode::Buffered);
    assert!(matches!(failing.load::<N>(&mut c), Err(Error::Database(_))));
    assert_eq!(sql_query("SELECT 6 AS n").load::<N>(&mut c)?, [N { n: 6 }]);
    // An error in the very first row is the error of `load_iter` itself.
    c.set_loading_mode(LoadingMode::RowByRow);
    let first_row = sql_query("SELECT 1 / 0 AS n").load_iter::<N>(&mut c).map(|_| ());
    assert!(matches!(first_row, Err(Error::Database(_))), "{first_row:?}");
    assert_eq!(count_rows(&mut c)?, i64::from(ROWS));
    Ok(())
}

#[test]
fn load_gives_the_same_rows_in_both_modes() -> QueryResult<()> {
    let Some(mut c) = connect_filled() else {
        return Ok(());
    };
    macro_rules! window {
        () => {
            stream_rows::table
                .select((stream_rows::id, stream_rows::label))
                .filter(stream_rows::id.le(5000))
                .order_by(stream_rows::id.desc())
        };
    }
    let row_by_row: Vec<(i32, String)> = window!().load(&mut c)?;
    let empty: Vec<(i32, String)> = window!().filter(stream_rows::id.lt(0)).load(&mut c)?;
    let by_name: Vec<Numbered> =
        sql_query("SELECT id AS g, label FROM stream_rows WHERE id <= $1 ORDER BY id")
            .bind::<Integer, _>(100)
            .load(&mut c)?;
    // Suite tables and joins too.
    let joined: Vec<(String, String)> = users::table
        .inner_join(posts::table)
        .select((users::name, posts::title))
        .order_by(posts::id)
        .load(&mut c)?;
    c.set_loading_mode(LoadingMode::Buffered);
    assert_eq!(row_by_row, window!().load::<(i32, String)>(&mut c)?);
    assert_eq!(row_by_row.len(), 5000);
    assert_eq!(row_by_row.first(), Some(&(5000, "row 5000".to_owned())));
    assert_eq!(
        empty,
        window!()
            .filter(stream_rows::id.lt(0))
            .load::<(i32, String)>(&mut c)?
    );
    assert!(empty.is_empty());
    assert_eq!(
        by_name,
        sql_query("SELECT id AS g, label FROM stream_rows WHERE id <= $1 ORDER BY id")
            .bind::<Integer, _>(100)
            .load::<Numbered>(&mut c)?
    );
    assert_eq!(by_name.len(), 100);
    let joined_buffered: Vec<(String, String)> = users::table
        .inner_join(posts::table)
        .select((users::name, posts::title))
        .order_by(posts::id)
        .load(&mut c)?;
    assert_eq!(joined, joined_buffered);
    assert!(!joined.is_empty());
    Ok(())
}

#[test]
fn an_empty_result_still_checks_the_column_count() -> QueryResult<()> {
    let Some(mut c) = connect_filled() else {
        return Ok(());
    };
    // The final result of an empty row-by-row query still describes its columns.
    let query = stream_rows::table
        .select((stream_rows::id, stream_rows::label))
        .filter(stream_rows::id.lt(0));
    // A tuple checks the column count before the first row: 0 columns would fail here.
    assert_eq!(query.load_iter::<(i32, String)>(&mut c)?.count(), 0);
    assert_eq!(query.load::<(i32, String)>(&mut c)?, []);
    // A statement that returns no rows at all, run as a query.
    let none: Vec<N> = sql_query("UPDATE stream_rows SET label = label WHERE id < 0").load(&mut c)?;
    assert!(none.is_empty());
    assert_eq!(count_rows(&mut c)?, i64::from(ROWS));
    Ok(())
}

#[test]
fn the_statement_cache_is_used_row_by_row() -> QueryResult<()> {
    let Some(mut c) = connect_filled() else {
        return Ok(());
    };
    let before = c.cached_statements();
    for limit in [3_i64, 5, 7] {
        let ids: Vec<i32> = stream_rows::table
            .select(stream_rows::id)
            .order_by(stream_rows::id)
            .limit(limit)
            .load(&mut c)?;
        assert_eq!(ids.len(), usize::try_from(limit).unwrap_or_default());
    }
    // One statement, prepared once and reused (the limit is a bound parameter).
    assert_eq!(c.cached_statements(), before + 1);
    let prepared: Vec<Count> = sql_query("SELECT COUNT(*) AS n FROM pg_prepared_statements").load(&mut c)?;
    assert_eq!(
        prepared.first().map(|r| r.n),
        i64::try_from(c.cached_statements()).ok()
    );
    // Interleaving buffered and row-by-row runs of one statement reuses it too.
    c.set_loading_mode(LoadingMode::Buffered);
    let _: Vec<i32> = stream_rows::table
        .select(stream_rows::id)
        .order_by(stream_rows::id)
        .limit(2)
        .load(&mut c)?;
    assert_eq!(c.cached_statements(), before + 2);
    // With the cache off, row-by-row queries run as unnamed statements.
    c.set_loading_mode(LoadingMode::RowByRow);
    c.set_statement_cache_capacity(0);
    let streamed = stream_rows::table
        .select(stream_rows::id)
        .load_iter::<i32>(&mut c)?
        .count();
    assert_eq!(streamed, usize::try_from(ROWS).unwrap_or_default());
    assert_eq!(c.cached_statements(), 0);
    Ok(())
}

#[test]
fn a_connection_lost_mid_stream_is_a_connection_error() -> QueryResult<()> {
    let Some(mut c) = connect() else { return Ok(()) };
    let Some(url) = crate::harness::url() else {
        return Ok(());
    };
    let pid: Vec<Pid> = sql_query("SELECT CAST(pg_backend_pid() AS BIGINT) AS pid").load(&mut c)?;
    let pid = pid.first().map(|p| p.pid).unwrap_or_default();
    c.set_loading_mode(LoadingMode::RowByRow);
    // Rows this wide are flushed by the server one by one, so the first ones arrive while it
    // sleeps before row 50.
    let query = sql_query(
        "SELECT g AS n, repeat('x', 10000) AS pad, pg_sleep(CASE WHEN g = 50 THEN 30 ELSE 0 END) AS s
         FROM generate_series(1, 100) g",
    );
    let mut iter = query.load_iter::<N>(&mut c)?;
    for expected in 1..=3 {
        assert_eq!(iter.next().transpose()?, Some(N { n: expected }));
    }
    let mut killer = TestConnection::establish(&url)?;
    sql_query("SELECT pg_terminate_backend(CAST($1 AS INTEGER))")
        .bind::<BigInt, _>(pid)
        .execute(&mut killer)?;
    let outcome = loop {
        match iter.next() {
            Some(Ok(_)) => {}
            other => break other,
        }
    };
    assert!(matches!(outcome, Some(Err(Error::Connection(_)))), "{outcome:?}");
    drop(iter);
    // Still an error, never a hang or a panic, until reconnected; the mode is kept.
    assert!(sql_query("SELECT 1 AS n").load::<N>(&mut c).is_err());
    c.reconnect()?;
    assert_eq!(c.loading_mode(), LoadingMode::RowByRow);
    assert_eq!(sql_query("SELECT 1 AS n").load::<N>(&mut c)?, [N { n: 1 }]);
    Ok(())
}
