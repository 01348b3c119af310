//! Bad data from the database becomes a typed error naming the column; values round-trip
//! unchanged through bound parameters.

use super::*;
use quarry::backend::Backend;
use quarry::connection::LoadIterDsl;
use quarry::prelude::*;
use quarry::query_builder::{AstPass, QueryFragment};
use quarry::select::Query;
use quarry::sql_types::{Binary, Integer};
use quarry::{DeserializeErrorKind, Error, QueryResult};
use quarry_sqlite::Sqlite;

fn deserialize_error<T: std::fmt::Debug>(r: QueryResult<T>) -> (String, DeserializeErrorKind) {
    match r {
        Err(Error::Deserialize { column, kind }) => (column, kind),
        other => panic!("expected a deserialization error, got {other:?}"),
    }
}

#[test]
fn invalid_utf8_in_text_is_an_error_naming_the_column() {
    let mut c = conn();
    c.batch_execute("UPDATE users SET name = CAST(x'41ff42' AS TEXT) WHERE id = 2")
        .expect("update");
    let (column, kind) = deserialize_error(
        users::table
            .select(users::name)
            .order_by(users::id)
            .load::<String>(&mut c),
    );
    assert_eq!(column, "name");
    assert_eq!(kind, DeserializeErrorKind::InvalidUtf8);
}

#[test]
fn integer_out_of_range_is_an_error() {
    let mut c = conn();
    c.batch_execute("UPDATE users SET age = 3000000000 WHERE id = 1")
        .expect("update");
    let (column, kind) = deserialize_error(users::table.find(1).select(users::age).first::<i32>(&mut c));
    assert_eq!(column, "age");
    assert_eq!(
        kind,
        DeserializeErrorKind::OutOfRange {
            value: 3_000_000_000,
            target: "i32"
        }
    );
}

#[test]
fn null_in_a_column_declared_not_null_is_an_error() {
    let mut c = conn();
    // The database allows NULL here; the schema in code says it does not (drift).
    c.batch_execute(
        "CREATE TABLE loose (id INTEGER PRIMARY KEY, name TEXT, hair_color TEXT, age INTEGER);
         INSERT INTO loose VALUES (1, NULL, NULL, 1);",
    )
    .expect("create");
    quarry::table! { #[sql_name = "loose"] loose (id) { id -> Integer, name -> Text, } }
    let (column, kind) = deserialize_error(loose::table.select(loose::name).load::<String>(&mut c));
    assert_eq!(column, "name");
    assert_eq!(kind, DeserializeErrorKind::UnexpectedNull);
}

#[test]
fn a_value_of_another_storage_class_is_an_error() {
    let mut c = conn();
    c.batch_execute("UPDATE users SET age = 'old' WHERE id = 3")
        .expect("update");
    let (column, kind) = deserialize_error(users::table.find(3).select(users::age).first::<i32>(&mut c));
    assert_eq!(column, "age");
    assert_eq!(
        kind,
        DeserializeErrorKind::WrongType {
            expected: "INTEGER",
            found: "TEXT"
        }
    );
    // The error message names the column and the problem.
    let err = users::table
        .find(3)
        .select(users::age)
        .first::<i32>(&mut c)
        .expect_err("wrong type");
    assert_eq!(err.to_string(), "column `age`: expected INTEGER, found TEXT");
}

/// A hand-written query whose SQL returns a different number of columns than its declared row
/// type: what a user's own `QueryFragment` could do wrong.
struct TwoColumnsClaimed(&'static str);

impl QueryFragment<Sqlite> for TwoColumnsClaimed {
    fn walk_ast<'b>(&'b self, pass: &mut AstPass<'_, 'b, Sqlite>) -> QueryResult<()> {
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
    let mut c = conn();
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

#[test]
fn sql_errors_carry_the_database_message() {
    let mut c = conn();
    c.batch_execute("DROP TABLE comments").expect("drop");
    match comments::table.select(comments::body).load::<String>(&mut c) {
        Err(Error::Database(e)) => {
            assert!(e.message.contains("no such table: comments"), "{}", e.message);
            assert_eq!(e.code, "1");
        }
        other => panic!("expected a database error, got {other:?}"),
    }
}

#[test]
fn text_values_round_trip_unchanged_through_binds() -> QueryResult<()> {
    let mut c = conn();
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
fn numbers_blobs_and_bools_round_trip() -> QueryResult<()> {
    let mut c = conn();
    c.batch_execute(
        "CREATE TABLE vals (id INTEGER PRIMARY KEY, small INTEGER NOT NULL, big INTEGER NOT NULL,
            f REAL NOT NULL, d REAL NOT NULL, b BLOB NOT NULL, flag INTEGER NOT NULL, maybe INTEGER);
         INSERT INTO vals VALUES (1, -32768, 9223372036854775807, 1.5, -2.25, x'00ff10', 1, NULL),
                                 (2, 32767, -9223372036854775808, 0, 1e300, x'', 0, 7);",
    )
    .expect("create");
    quarry::table! {
        vals (id) {
            id -> Integer,
            small -> SmallInt,
            big -> BigInt,
            f -> Float,
            d -> Double,
            b -> Binary,
            flag -> Bool,
            maybe -> Nullable<Integer>,
        }
    }
    #[derive(Queryable, Debug, PartialEq)]
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
    let rows: Vec<Vals> = vals::table.order_by(vals::id).load(&mut c)?;
    assert_eq!(
        rows,
        vec![
            Vals {
                id: 1,
                small: -32768,
                big: i64::MAX,
                f: 1.5,
                d: -2.25,
                b: vec![0, 255, 16],
                flag: true,
                maybe: None
            },
            Vals {
                id: 2,
                small: 32767,
                big: i64::MIN,
                f: 0.0,
                d: 1e300,
                b: vec![],
                flag: false,
                maybe: Some(7)
            },
        ]
    );
    // Binds of each type find the rows they should.
    let ids: Vec<i32> = vals::table
        .select(vals::id)
        .filter(vals::big.eq(i64::MIN).or(vals::small.eq(-32768_i16)))
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
        .filter(vals::flag.eq(false))
        .first(&mut c)?;
    assert_eq!(id, 2);
    let empty: Vec<u8> = vals::table.select(vals::b).filter(vals::id.eq(2)).first(&mut c)?;
    assert!(empty.is_empty());
    let cast: Vec<u8> = vals::table
        .select(vals::small.cast::<Binary>())
        .filter(vals::id.eq(2))
        .first(&mut c)?;
    assert_eq!(cast, b"32767");
    Ok(())
}

#[test]
fn identifiers_are_quoted_by_the_backend() {
    let mut out = String::new();
    Sqlite::push_identifier(&mut out, r#"we"ird"#);
    assert_eq!(out, r#""we""ird""#);
}

#[test]
fn text_and_blobs_can_be_read_in_place_without_a_copy() -> QueryResult<()> {
    use quarry::connection::{Connection, Cursor};
    use quarry::deserialize::Row;
    let mut c = conn();
    let q = users::table
        .select((users::name, users::hair_color))
        .order_by(users::id);
    let mut cursor = c.query(&q)?;
    let mut lengths = Vec::new();
    while let Some(row) = cursor.next_row()? {
        // Borrowed straight from SQLite's buffer for the current row.
        let name: &str = row.value(0).as_str().map_err(|kind| Error::Deserialize {
            column: "name".into(),
            kind,
        })?;
        lengths.push(name.len());
        if name == "Grace" {
            assert_eq!(row.value(1).as_str(), Err(DeserializeErrorKind::UnexpectedNull));
        }
    }
    assert_eq!(lengths, [3, 5, 5, 7]);
    Ok(())
}
