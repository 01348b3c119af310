//! Bad data from the database becomes a typed error naming the column; values round-trip
//! unchanged through bound parameters.

use super::*;
use quarry::backend::Backend;
use quarry::prelude::*;
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
