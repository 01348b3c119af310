//! COPY FROM STDIN (binary) and COPY TO STDOUT (text, CSV, binary) against the server at
//! `QUARRY_PG_URL`. Each test works in a schema of its own (see `support`).

mod support;

use quarry::backend::Backend;
use quarry::prelude::*;
use quarry::query_builder::AstPass;
use quarry::sql_types::{Integer, Text};
use quarry::write::{InsertRow, InsertRowValues};
use quarry::{DatabaseErrorKind, Error, QueryResult};
use quarry_postgres::{CopyFormat, CopyOutError, Pg, PgConnection};

quarry::table! {
    people (id) {
        id -> Integer,
        name -> Text,
        age -> Nullable<Integer>,
        score -> Double,
        active -> Bool,
        big -> BigInt,
        blob -> Nullable<Binary>,
    }
}

quarry::table! {
    /// The same table, declared with `age` NOT NULL (which it is not).
    #[sql_name = "people"]
    people_strict (id) {
        id -> Integer,
        age -> Integer,
    }
}

const PEOPLE: &str = "CREATE TABLE people (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    age INTEGER,
    score DOUBLE PRECISION NOT NULL,
    active BOOLEAN NOT NULL,
    big BIGINT NOT NULL,
    blob BYTEA
)";

#[derive(Insertable, Queryable, Selectable, Debug, Clone, PartialEq)]
#[quarry(table = people)]
struct Person {
    id: i32,
    name: String,
    age: Option<i32>,
    score: f64,
    active: bool,
    big: i64,
    blob: Option<Vec<u8>>,
}

/// Row `i` of the test data: NULLs, unicode and bytes that vary with `i`.
fn person(i: i32) -> Person {
    Person {
        id: i,
        name: match i % 4 {
            0 => format!("user {i}"),
            1 => format!("名前 {i} ☃ émile"),
            2 => format!("tab\there, \"quoted\", comma, back\\slash {i}"),
            _ => String::new(),
        },
        age: (i % 3 != 0).then_some(i % 90),
        score: f64::from(i) / 8.0,
        active: i % 2 == 0,
        big: i64::from(i) * 1_000_000_007,
        blob: (i % 5 != 0).then(|| vec![0, (i % 256) as u8, 255]),
    }
}

fn count(conn: &mut PgConnection) -> i64 {
    people::table.select(count_star()).get_result(conn).unwrap()
}

fn all(conn: &mut PgConnection) -> Vec<Person> {
    people::table
        .select(Person::as_select())
        .order_by(people::id)
        .load(conn)
        .unwrap()
}

/// The connection still runs statements.
fn assert_usable(conn: &mut PgConnection) {
    let one: Vec<i32> = sql_query_one(conn);
    assert_eq!(one, [1]);
}

fn sql_query_one(conn: &mut PgConnection) -> Vec<i32> {
    #[derive(QueryableByName)]
    struct One {
        #[quarry(sql_type = Integer)]
        one: i32,
    }
    let rows: Vec<One> = sql_query("SELECT 1 AS one").load(conn).unwrap();
    rows.into_iter().map(|r| r.one).collect()
}

#[test]
fn copies_many_rows_in_binary() {
    let Some(mut db) = support::test_db("copy_many", PEOPLE) else {
        return;
    };
    let rows: Vec<Person> = (1..=25_000).map(person).collect();
    // By reference, from an iterator that is consumed as it goes.
    let copied = db.copy_in(people::table).from_rows(rows.iter()).unwrap();
    assert_eq!(copied, 25_000);
    assert_eq!(count(&mut db), 25_000);
    assert_eq!(all(&mut db), rows);
    // Owned rows produced lazily, through the shorthand.
    let copied = db
        .copy_from(people::table, (25_001..=30_000).map(person))
        .unwrap();
    assert_eq!(copied, 5_000);
    assert_eq!(count(&mut db), 30_000);
    let nulls: i64 = people::table
        .filter(people::age.is_null())
        .select(count_star())
        .get_result(&mut *db)
        .unwrap();
    assert_eq!(nulls, 10_000);
    // No rows: nothing is sent.
    assert_eq!(db.copy_from(people::table, Vec::<Person>::new()).unwrap(), 0);
    assert_usable(&mut db);
}

#[test]
fn copies_tuples_of_assignments() {
    let Some(mut db) = support::test_db("copy_tuples", PEOPLE) else {
        return;
    };
    let rows = (1..=3).map(|i| {
        (
            people::id.eq(i),
            people::name.eq(format!("ünï {i}")),
            people::score.eq(1.5),
            people::active.eq(true),
            people::big.eq(i64::from(i)),
        )
    });
    assert_eq!(db.copy_in(people::table).from_rows(rows).unwrap(), 3);
    type Loaded = (i32, String, Option<i32>, Option<Vec<u8>>);
    let loaded: Vec<Loaded> = people::table
        .select((people::id, people::name, people::age, people::blob))
        .order_by(people::id)
        .load(&mut *db)
        .unwrap();
    assert_eq!(
        loaded,
        [
            (1, "ünï 1".to_owned(), None, None),
            (2, "ünï 2".to_owned(), None, None),
            (3, "ünï 3".to_owned(), None, None),
        ]
    );
}

/// A hand-written row type whose rows set different columns (the derives and tuples cannot).
enum Partial {
    Id(i32),
    IdName(i32, &'static str),
    IdAge(i32, i32),
    /// `DEFAULT` instead of a value.
    Default,
}

impl InsertRow<people::table> for Partial {
    fn column_count(&self) -> usize {
        match self {
            Partial::Id(_) | Partial::Default => 1,
            Partial::IdName(..) | Partial::IdAge(..) => 2,
        }
    }
    fn walk_columns<DB: Backend>(&self, pass: &mut AstPass<'_, '_, DB>) {
        pass.push_identifier("id");
        match self {
            Partial::IdName(..) => {
                pass.push_sql(", ");
                pass.push_identifier("name");
            }
            Partial::IdAge(..) => {
                pass.push_sql(", ");
                pass.push_identifier("age");
            }
            Partial::Id(_) | Partial::Default => {}
        }
    }
}

impl InsertRowValues<Pg> for Partial {
    fn walk_values<'b>(&'b self, pass: &mut AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        // The SQL depends on the row, so it must say so (as for the statement cache).
        pass.mark_dynamic();
        match self {
            Partial::Id(id) => pass.push_bind::<Integer, _>(id),
            Partial::IdName(id, name) => {
                pass.push_bind::<Integer, _>(id)?;
                pass.push_sql(", ");
                pass.push_bind::<Text, _>(*name)
            }
            Partial::IdAge(id, age) => {
                pass.push_bind::<Integer, _>(id)?;
                pass.push_sql(", ");
                pass.push_bind::<Integer, _>(age)
            }
            Partial::Default => {
                pass.push_sql("DEFAULT");
                Ok(())
            }
        }
    }
}

#[test]
fn rows_with_different_columns_are_refused() {
    let Some(mut db) = support::test_db(
        "copy_partial",
        "CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT, age INTEGER, score DOUBLE PRECISION,
            active BOOLEAN, big BIGINT, blob BYTEA)",
    ) else {
        return;
    };
    let same = [Partial::IdName(1, "a"), Partial::IdName(2, "b")];
    assert_eq!(db.copy_from(people::table, same).unwrap(), 2);

    for rows in [
        vec![Partial::IdName(3, "c"), Partial::Id(4)],
        vec![Partial::IdName(3, "c"), Partial::IdAge(4, 40)],
    ] {
        let err = db.copy_from(people::table, rows).unwrap_err();
        assert!(
            matches!(&err, Error::QueryBuilder(m) if m.contains("same columns")),
            "{err:?}"
        );
        assert_eq!(count(&mut db), 2);
        assert_usable(&mut db);
    }
    // A value that is not one bound parameter, in the first row and in a later one.
    for rows in [vec![Partial::Default], vec![Partial::Id(5), Partial::Default]] {
        let err = db.copy_from(people::table, rows).unwrap_err();
        assert!(
            matches!(&err, Error::QueryBuilder(m) if m.contains("plain Rust value")),
            "{err:?}"
        );
        assert_eq!(count(&mut db), 2);
        assert_usable(&mut db);
    }
}

#[test]
fn unique_violation_mid_copy_inserts_nothing() {
    let Some(mut db) = support::test_db("copy_unique", PEOPLE) else {
        return;
    };
    // Row 7,000 repeats id 10.
    let rows = (1..=12_000).map(|i| person(if i == 7_000 { 10 } else { i }));
    let err = db.copy_from(people::table, rows).unwrap_err();
    match err {
        Error::Database(e) => {
            assert_eq!(e.kind, DatabaseErrorKind::UniqueViolation, "{e:?}");
            assert_eq!(e.code, "23505");
            assert_eq!(e.constraint.as_deref(), Some("people_pkey"));
        }
        other => panic!("expected a unique violation, got {other:?}"),
    }
    assert_eq!(count(&mut db), 0);
    assert_usable(&mut db);
    // And a later COPY works.
    assert_eq!(db.copy_from(people::table, (1..=10).map(person)).unwrap(), 10);
}

#[test]
fn not_null_violation_mid_copy() {
    let Some(mut db) = support::test_db(
        "copy_not_null",
        "CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT NOT NULL, age INTEGER NOT NULL,
            score DOUBLE PRECISION NOT NULL, active BOOLEAN NOT NULL, big BIGINT NOT NULL, blob BYTEA)",
    ) else {
        return;
    };
    let err = db.copy_from(people::table, (1..=100).map(person)).unwrap_err();
    assert!(
        matches!(&err, Error::Database(e) if e.kind == DatabaseErrorKind::NotNullViolation),
        "{err:?}"
    );
    assert_eq!(count(&mut db), 0);
    assert_usable(&mut db);
}

#[test]
fn column_of_another_type_is_a_server_error() {
    // `big` is declared BigInt, but here the column is an integer: binary COPY does not convert.
    let Some(mut db) = support::test_db(
        "copy_type_error",
        "CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT NOT NULL, age INTEGER,
            score DOUBLE PRECISION NOT NULL, active BOOLEAN NOT NULL, big INTEGER NOT NULL, blob BYTEA)",
    ) else {
        return;
    };
    let err = db.copy_from(people::table, (1..=100).map(person)).unwrap_err();
    match &err {
        Error::Database(e) => assert_eq!(e.code, "22P03", "{e:?}"), // invalid_binary_representation
        other => panic!("expected a server error, got {other:?}"),
    }
    assert_eq!(count(&mut db), 0);
    assert_usable(&mut db);
}

#[test]
fn failing_to_sql_aborts_the_copy() {
    let Some(mut db) = support::test_db("copy_to_sql_error", PEOPLE) else {
        return;
    };
    // ToSql<Text, Pg> refuses a NUL byte; row 9,000 has one, after several chunks were sent.
    let rows = (1..=10_000).map(|i| {
        let mut p = person(i);
        if i == 9_000 {
            p.name = "nul \0 inside".to_owned();
        }
        p
    });
    let err = db.copy_from(people::table, rows).unwrap_err();
    assert!(
        matches!(&err, Error::Serialize(m) if m.contains("NUL")),
        "{err:?}"
    );
    assert_eq!(count(&mut db), 0);
    assert_usable(&mut db);

    // The first row failing: no COPY is even started.
    let err = db
        .copy_from(
            people::table,
            [Person {
                name: "\0".into(),
                ..person(1)
            }],
        )
        .unwrap_err();
    assert!(matches!(err, Error::Serialize(_)), "{err:?}");
    assert_eq!(count(&mut db), 0);
    assert_usable(&mut db);
}

/// A caller's own error type, as a loader of CSV files might have.
#[derive(Debug)]
#[allow(dead_code)] // the fields are read through Debug only
enum LoadError {
    Parse(String),
    Db(Error),
}

impl From<Error> for LoadError {
    fn from(e: Error) -> Self {
        Self::Db(e)
    }
}

#[test]
fn caller_errors_abort_the_copy_and_are_returned() {
    let Some(mut db) = support::test_db("copy_caller_error", PEOPLE) else {
        return;
    };
    let rows = (1..=20_000).map(|i| {
        if i == 15_000 {
            Err(LoadError::Parse(format!("line {i} is bad")))
        } else {
            Ok(person(i))
        }
    });
    let err = db.copy_in(people::table).try_from_rows(rows).unwrap_err();
    assert!(
        matches!(&err, LoadError::Parse(m) if m == "line 15000 is bad"),
        "{err:?}"
    );
    assert_eq!(count(&mut db), 0);
    assert_usable(&mut db);

    // Errors of Quarry's own type pass through as they are.
    let rows = (1..=10).map(|i| {
        if i == 3 {
            Err(Error::NotFound)
        } else {
            Ok(person(i))
        }
    });
    let err = db.copy_in(people::table).try_from_rows(rows).unwrap_err();
    assert!(matches!(err, Error::NotFound), "{err:?}");
    assert_eq!(count(&mut db), 0);

    // A panic inside the iterator: the guard aborts the COPY while unwinding.
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let rows = (1..=5_000).map(|i| {
            assert!(i != 4_000, "boom");
            person(i)
        });
        db.copy_from(people::table, rows)
    }));
    assert!(result.is_err());
    assert_eq!(count(&mut db), 0);
    assert_usable(&mut db);
}

#[test]
fn copy_inside_a_transaction() {
    let Some(mut db) = support::test_db("copy_transaction", PEOPLE) else {
        return;
    };
    let result: QueryResult<()> = db.transaction(|conn| {
        assert_eq!(conn.copy_from(people::table, (1..=2_000).map(person))?, 2_000);
        assert_eq!(count(conn), 2_000);
        Err(Error::NotFound) // roll back
    });
    assert!(matches!(result, Err(Error::NotFound)));
    assert_eq!(count(&mut db), 0);

    db.transaction(|conn| {
        conn.copy_from(people::table, (1..=100).map(person))?;
        QueryResult::Ok(())
    })
    .unwrap();
    assert_eq!(count(&mut db), 100);

    // A failed COPY fails the transaction; the closure's error rolls it back.
    let result: QueryResult<()> = db.transaction(|conn| {
        conn.copy_from(people::table, (101..=200).map(person))?;
        conn.copy_from(people::table, (150..=160).map(person))?; // duplicates
        Ok(())
    });
    assert!(matches!(&result, Err(Error::Database(e)) if e.kind == DatabaseErrorKind::UniqueViolation));
    assert_eq!(count(&mut db), 100);
    assert_usable(&mut db);
}

#[test]
fn copy_out_csv_with_header() {
    let Some(mut db) = support::test_db("copy_csv", PEOPLE) else {
        return;
    };
    let rows = [
        Person {
            id: 1,
            name: "Ada, \"the\" first".into(),
            age: Some(36),
            score: 1.5,
            active: true,
            big: 7,
            blob: Some(vec![0xde, 0xad]),
        },
        Person {
            id: 2,
            name: "Émile\nnewline".into(),
            age: None,
            score: -0.25,
            active: false,
            big: -9_000_000_000,
            blob: None,
        },
    ];
    db.copy_from(people::table, &rows).unwrap();

    let mut out = Vec::new();
    let query = people::table
        .select((
            people::id,
            people::name,
            people::age,
            people::active,
            people::blob,
        ))
        .order_by(people::id);
    let n = db
        .copy_out(query)
        .format(CopyFormat::Csv)
        .header(true)
        .to_writer(&mut out)
        .unwrap();
    assert_eq!(n, 2);
    assert_eq!(
        String::from_utf8(out).unwrap(),
        "id,name,age,active,blob\n\
         1,\"Ada, \"\"the\"\" first\",36,t,\\xdead\n\
         2,\"Émile\nnewline\",,f,\n"
    );

    // A whole table, text format, custom NULL.
    let mut out = Vec::new();
    let copy = db.copy_out_table(people::table).null_string("NULL");
    assert_eq!(
        copy.text_sql().unwrap(),
        r#"COPY "people" ("id", "name", "age", "score", "active", "big", "blob") TO STDOUT (FORMAT text, NULL E'NULL')"#
    );
    assert_eq!(copy.to_writer(&mut out).unwrap(), 2);
    let text = String::from_utf8(out).unwrap();
    let mut lines: Vec<&str> = text.lines().collect();
    lines.sort_unstable();
    assert_eq!(
        lines,
        [
            "1\tAda, \"the\" first\t36\t1.5\tt\t7\t\\\\xdead",
            "2\tÉmile\\nnewline\tNULL\t-0.25\tf\t-9000000000\tNULL",
        ]
    );

    // Some columns, a delimiter.
    let mut out = Vec::new();
    let copy = db
        .copy_out_columns(people::table, (people::name, people::id))
        .format(CopyFormat::Csv)
        .delimiter(';');
    assert_eq!(
        copy.text_sql().unwrap(),
        r#"COPY "people" ("name", "id") TO STDOUT (FORMAT csv, DELIMITER E';')"#
    );
    copy.to_writer(&mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("\"Ada, \"\"the\"\" first\";1\n"), "{text}");
}

#[test]
fn typed_binary_copy_out_matches_select() {
    let Some(mut db) = support::test_db("copy_typed_out", PEOPLE) else {
        return;
    };
    let rows: Vec<Person> = (1..=12_000).map(person).collect();
    db.copy_from(people::table, &rows).unwrap();

    let query = || people::table.select(Person::as_select()).order_by(people::id);
    assert_eq!(
        db.copy_out(query()).binary_sql().unwrap(),
        r#"COPY (SELECT "people"."id", "people"."name", "people"."age", "people"."score", "people"."active", "people"."big", "people"."blob" FROM "people" ORDER BY "people"."id") TO STDOUT (FORMAT binary)"#
    );
    let copied: Vec<Person> = db.copy_out(query()).load().unwrap();
    let selected: Vec<Person> = query().load(&mut *db).unwrap();
    assert_eq!(copied, selected);
    assert_eq!(copied, rows);

    // A table (its declared columns) into the same struct, and into a tuple.
    let mut from_table: Vec<Person> = db.copy_out_table(people::table).load().unwrap();
    from_table.sort_by_key(|p| p.id);
    assert_eq!(from_table, rows);
    let mut pairs: Vec<(String, Option<i32>)> = db
        .copy_out_columns(people::table, (people::name, people::age))
        .load()
        .unwrap();
    pairs.sort();
    let mut expected: Vec<(String, Option<i32>)> = rows.iter().map(|p| (p.name.clone(), p.age)).collect();
    expected.sort();
    assert_eq!(pairs, expected);

    // Streaming, with an early stop from the callback.
    let mut seen = 0;
    let err = db
        .copy_out(query())
        .for_each(|p: Person| {
            seen += 1;
            if p.id == 100 {
                Err(Error::NotFound)
            } else {
                Ok(())
            }
        })
        .unwrap_err();
    assert!(matches!(err, Error::NotFound));
    assert_eq!(seen, 100);
    assert_usable(&mut db);

    let mut total = 0i64;
    let n = db
        .copy_out(people::table.select(people::big))
        .for_each(|big: i64| {
            total += big;
            Ok(())
        })
        .unwrap();
    assert_eq!(n, 12_000);
    assert_eq!(total, rows.iter().map(|p| p.big).sum::<i64>());
}

#[test]
fn typed_copy_out_errors() {
    let Some(mut db) = support::test_db("copy_out_errors", PEOPLE) else {
        return;
    };
    db.copy_from(people::table, (1..=10).map(person)).unwrap();

    // A NULL where the schema promises none (`people_strict` declares `age` NOT NULL).
    let err = db
        .copy_out(
            people_strict::table
                .select(people_strict::age)
                .order_by(people_strict::id),
        )
        .load::<i32>()
        .unwrap_err();
    assert!(
        matches!(&err, Error::Deserialize { column, .. } if column == "#0"),
        "{err:?}"
    );
    assert_usable(&mut db);

    // Bind parameters are refused before anything is sent.
    let filtered = people::table.filter(people::id.gt(3)).select(people::id);
    let err = db.copy_out(filtered.clone()).load::<i32>().unwrap_err();
    assert!(
        matches!(&err, Error::QueryBuilder(m) if m.contains("bind parameters")),
        "{err:?}"
    );
    let err = db.copy_out(filtered).to_writer(Vec::new()).unwrap_err();
    assert!(
        matches!(&err, CopyOutError::Query(Error::QueryBuilder(_))),
        "{err:?}"
    );
    assert_usable(&mut db);

    // A server error in the middle of the output (division by zero at row 5).
    let failing = sql_query("SELECT 10 / (5 - g) FROM generate_series(1, 10) g");
    let mut out = Vec::new();
    let err = db.copy_out(failing).to_writer(&mut out).unwrap_err();
    assert!(
        matches!(&err, CopyOutError::Query(Error::Database(e)) if e.code == "22012"),
        "{err:?}"
    );
    assert_usable(&mut db);

    // A writer that fails: the rest of the data is discarded, the connection stays usable.
    struct Broken;
    impl std::io::Write for Broken {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(std::io::Error::other("disk full"))
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let err = db.copy_out_table(people::table).to_writer(Broken).unwrap_err();
    assert!(
        matches!(&err, CopyOutError::Io(e) if e.to_string() == "disk full"),
        "{err:?}"
    );
    assert_usable(&mut db);
    assert_eq!(count(&mut db), 10);
}

#[test]
fn lost_connection_mid_copy_is_a_typed_error() {
    let Some(mut db) = support::test_db("copy_lost", PEOPLE) else {
        return;
    };
    let Some(url) = support::url() else { return };
    #[derive(QueryableByName)]
    struct Pid {
        #[quarry(sql_type = Integer)]
        pid: i32,
    }
    let pid = sql_query("SELECT pg_backend_pid() AS pid")
        .load::<Pid>(&mut *db)
        .unwrap()
        .remove(0)
        .pid;
    let mut admin = PgConnection::establish(&url).unwrap();
    let rows = (1..=200_000).map(|i| {
        if i == 1_000 {
            #[derive(QueryableByName)]
            struct Done {
                #[quarry(sql_type = quarry::sql_types::Bool)]
                #[allow(dead_code)]
                done: bool,
            }
            sql_query(format!("SELECT pg_terminate_backend({pid}) AS done"))
                .load::<Done>(&mut admin)
                .unwrap();
            std::thread::sleep(std::time::Duration::from_millis(200));
        }
        person(i)
    });
    let err = db.copy_from(people::table, rows).unwrap_err();
    // libpq reports the server's termination notice (57P01) or the broken connection.
    assert!(
        matches!(&err, Error::Connection(_)) || matches!(&err, Error::Database(e) if e.code == "57P01"),
        "{err:?}"
    );
    db.reconnect().unwrap();
    let search_path = format!("SET search_path TO {}", db.schema);
    db.batch_execute(&search_path).unwrap();
    assert_eq!(count(&mut db), 0);
    assert_usable(&mut db);
}
