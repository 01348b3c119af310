//! Values of every basic type round-trip unchanged through binds and results; text never
//! injects; database errors carry the database's message; a row type that does not match the
//! result's columns is an error.

use super::*;
use quarry::connection::LoadIterDsl;
use quarry::prelude::*;
use quarry::query_builder::{AstPass, QueryFragment};
use quarry::select::Query;
use quarry::sql_types::Integer;
use quarry::{Error, QueryResult};

#[derive(Queryable, Insertable, Debug, PartialEq, Clone)]
#[quarry(table = vals)]
struct Vals {
    id: i32,
    small: i16,
    big: i64,
    f: f32,
    d: f64,
    b: Vec<u8>,
    flag: bool,
    maybe: Option<i32>,
}

#[test]
fn numbers_blobs_and_bools_round_trip() -> QueryResult<()> {
    let mut c = conn!();
    let rows = vec![
        Vals {
            id: 1,
            small: i16::MIN,
            big: i64::MAX,
            f: 1.5,
            d: -2.25,
            b: vec![0, 255, 16],
            flag: true,
            maybe: None,
        },
        Vals {
            id: 2,
            small: i16::MAX,
            big: i64::MIN,
            f: 0.0,
            d: 1e300,
            b: vec![],
            flag: false,
            maybe: Some(7),
        },
    ];
    assert_eq!(insert_into(vals::table).values(&rows).execute(&mut c)?, 2);
    let back: Vec<Vals> = vals::table.order_by(vals::id).load(&mut c)?;
    assert_eq!(back, rows);
    // Binds of each type find the rows they should.
    let ids: Vec<i32> = vals::table
        .select(vals::id)
        .filter(vals::big.eq(i64::MIN).or(vals::small.eq(i16::MIN)))
        .order_by(vals::id)
        .load(&mut c)?;
    assert_eq!(ids, [1, 2]);
    let blob: &[u8] = &[0, 255, 16];
    let id: i32 = vals::table
        .select(vals::id)
        .filter(vals::b.eq(blob))
        .first(&mut c)?;
    assert_eq!(id, 1);
    let id: i32 = vals::table
        .select(vals::id)
        .filter(vals::flag.eq(false).and(vals::d.gt(1e299)))
        .first(&mut c)?;
    assert_eq!(id, 2);
    let empty: Vec<u8> = vals::table.select(vals::b).filter(vals::id.eq(2)).first(&mut c)?;
    assert!(empty.is_empty());
    let maybe: Vec<Option<i32>> = vals::table.select(vals::maybe).order_by(vals::id).load(&mut c)?;
    assert_eq!(maybe, [None, Some(7)]);
    Ok(())
}

#[test]
fn text_values_round_trip_unchanged_through_binds() -> QueryResult<()> {
    let mut c = conn!();
    let tricky = [
        "O'Brien",
        "say \"hi\"",
        "x'); DROP TABLE users; --",
        "semi;colon -- comment /* block */",
        "nul\0byte",
        "żółw 🐢 ünïcødé",
        "",
        "?",
        "$1",
    ];
    for s in tricky {
        if s.contains('\0') && !DIALECT.text_holds_nul {
            continue;
        }
        let back: String = users::table
            .select(case_when(users::id.eq(1), s).otherwise(s))
            .filter(users::id.eq(1))
            .first(&mut c)?;
        assert_eq!(back, s);
        // As a filter value it matches nothing and injects nothing.
        let n: i64 = users::table
            .filter(users::name.eq(s))
            .count()
            .get_result(&mut c)?;
        assert_eq!(n, 0);
    }
    let n: i64 = users::table.count().get_result(&mut c)?;
    assert_eq!(n, 4, "the users table is intact");
    Ok(())
}

#[test]
fn sql_errors_carry_the_database_message() -> QueryResult<()> {
    let mut c = conn!();
    c.batch_execute("DROP TABLE comments")?;
    match comments::table.select(comments::body).load::<String>(&mut c) {
        Err(Error::Database(e)) => {
            assert!(e.message.contains("comments"), "{}", e.message);
            assert!(!e.code.is_empty());
        }
        other => panic!("expected a database error, got {other:?}"),
    }
    // The connection goes on working.
    assert_eq!(users::table.count().get_result::<i64>(&mut c)?, 4);
    Ok(())
}

/// A hand-written query whose SQL returns a different number of columns than its declared row
/// type: what a user's own `QueryFragment` could do wrong.
struct TwoColumnsClaimed(&'static str);

impl QueryFragment<TestBackend> for TwoColumnsClaimed {
    fn walk_ast<'b>(&'b self, pass: &mut AstPass<'_, 'b, TestBackend>) -> QueryResult<()> {
        pass.mark_dynamic();
        pass.push_sql(self.0);
        Ok(())
    }
}

impl Query for TwoColumnsClaimed {
    type SqlType = (Integer, Integer);
}

impl quarry::select::RunnableQuery for TwoColumnsClaimed {}

#[test]
fn a_column_count_that_differs_from_the_rust_type_is_an_error() -> QueryResult<()> {
    let mut c = conn!();
    let q = TwoColumnsClaimed("SELECT 1");
    match q.load_iter::<(i32, i32)>(&mut c) {
        Err(Error::ColumnCount {
            expected: 2,
            found: 1,
        }) => {}
        other => panic!("expected a column count error, got {:?}", other.map(|_| ())),
    }
    let ok = TwoColumnsClaimed("SELECT 1, 2");
    let rows: Vec<(i32, i32)> = ok.load_iter(&mut c)?.collect::<QueryResult<_>>()?;
    assert_eq!(rows, [(1, 2)]);
    Ok(())
}
