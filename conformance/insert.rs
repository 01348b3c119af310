//! INSERT on SQLite: single rows, batches (chunked at the bind limit), defaults, INSERT … SELECT,
//! RETURNING, upserts, and constraint errors as typed errors.

use super::*;
use quarry::prelude::*;
use quarry::{DatabaseErrorKind, Error, QueryResult};

#[derive(Insertable, Debug, Clone)]
#[quarry(table = users)]
struct NewUser<'a> {
    name: &'a str,
    hair_color: Option<&'a str>,
    age: i32,
}

#[derive(Insertable, Debug, Clone)]
#[quarry(table = users)]
struct OwnedNewUser {
    id: i32,
    #[quarry(column = name)]
    full_name: String,
    age: i32,
}

/// A nullable column's field may be a plain value (it then never writes NULL), not only an
/// `Option`.
#[derive(Insertable, Debug, Clone)]
#[quarry(table = users)]
struct NewUserWithHair {
    name: String,
    hair_color: String,
    age: i32,
}

#[test]
fn a_plain_field_writes_into_a_nullable_column() -> QueryResult<()> {
    let mut c = conn!();
    let new = NewUserWithHair {
        name: "Hedy".into(),
        hair_color: "auburn".into(),
        age: 85,
    };
    let q = insert_into(users::table).values(&new);
    assert_eq!(
        sql(&q),
        r#"INSERT INTO "users" ("name", "hair_color", "age") VALUES (?, ?, ?)"#
    );
    assert_eq!(q.execute(&mut c)?, 1);
    assert_eq!(
        insert_into(users::table)
            .values(vec![new.clone(), new])
            .execute(&mut c)?,
        2
    );
    let hair: Vec<Option<String>> = users::table
        .filter(users::name.eq("Hedy"))
        .select(users::hair_color)
        .load(&mut c)?;
    assert_eq!(hair, vec![Some("auburn".to_string()); 3]);
    Ok(())
}

#[test]
fn insert_one_row_from_assignments_and_structs() -> QueryResult<()> {
    let mut c = conn!();
    let q = insert_into(users::table).values((users::name.eq("Edsger"), users::age.eq(72)));
    assert_eq!(sql(&q), r#"INSERT INTO "users" ("name", "age") VALUES (?, ?)"#);
    assert_eq!(q.execute(&mut c)?, 1);
    let new = NewUser {
        name: "Frances",
        hair_color: Some("grey"),
        age: 90,
    };
    assert_eq!(insert_into(users::table).values(&new).execute(&mut c)?, 1);
    assert_eq!(
        insert_into(users::table)
            .values(OwnedNewUser {
                id: 50,
                full_name: "Owned".into(),
                age: 1
            })
            .execute(&mut c)?,
        1
    );
    let rows: Vec<User> = users::table
        .filter(users::id.gt(4))
        .order_by(users::id)
        .load(&mut c)?;
    assert_eq!(
        rows[0],
        User {
            id: 5,
            name: "Edsger".into(),
            hair_color: None,
            age: 72
        }
    );
    assert_eq!(
        rows[1],
        User {
            id: 6,
            name: "Frances".into(),
            hair_color: Some("grey".into()),
            age: 90
        }
    );
    assert_eq!(rows[2].name, "Owned");
    Ok(())
}

#[test]
fn columns_left_out_take_their_defaults() -> QueryResult<()> {
    let mut c = conn!();
    insert_into(settings::table)
        .values(settings::key.eq("theme"))
        .execute(&mut c)?;
    insert_into(settings::table)
        .default_values()
        .execute(&mut c)
        .expect_err("key has no default");
    let row: (String, String, i32) = settings::table
        .select((settings::key, settings::value, settings::hits))
        .first(&mut c)?;
    assert_eq!(row, ("theme".into(), "unset".into(), 0));
    Ok(())
}

#[test]
fn a_batch_is_one_statement() -> QueryResult<()> {
    let mut c = conn!();
    let batch = vec![
        NewUser {
            name: "A",
            hair_color: None,
            age: 1,
        },
        NewUser {
            name: "B",
            hair_color: Some("red"),
            age: 2,
        },
        NewUser {
            name: "C",
            hair_color: None,
            age: 3,
        },
    ];
    let q = insert_into(users::table).values(&batch);
    assert_eq!(
        sql(&q),
        r#"INSERT INTO "users" ("name", "hair_color", "age") VALUES (?, ?, ?), (?, ?, ?), (?, ?, ?)"#
    );
    assert_eq!(q.execute(&mut c)?, 3);
    let tuples = vec![
        (users::name.eq("D"), users::age.eq(4)),
        (users::name.eq("E"), users::age.eq(5)),
    ];
    assert_eq!(insert_into(users::table).values(tuples).execute(&mut c)?, 2);
    assert_eq!(
        insert_into(users::table)
            .values(Vec::<NewUser<'_>>::new())
            .execute(&mut c)?,
        0
    );
    let names: Vec<String> = users::table
        .select(users::name)
        .filter(users::id.gt(4))
        .order_by(users::id)
        .load(&mut c)?;
    assert_eq!(names, ["A", "B", "C", "D", "E"]);
    Ok(())
}

#[test]
fn a_batch_beyond_the_bind_limit_is_split_and_stays_atomic() -> QueryResult<()> {
    let mut c = conn!();
    // 3 binds a row: a thousand rows more than one statement can carry.
    let n = <TestBackend as quarry::backend::Backend>::MAX_BIND_PARAMS / 3 + 1000;
    let names: Vec<String> = (0..n).map(|i| format!("bulk {i}")).collect();
    let rows: Vec<NewUser<'_>> = names
        .iter()
        .map(|n| NewUser {
            name: n,
            hair_color: None,
            age: 1,
        })
        .collect();
    assert_eq!(insert_into(users::table).values(&rows).execute(&mut c)?, n);
    assert_eq!(users::table.count().get_result::<i64>(&mut c)?, n as i64 + 4);
    // A failure in the second chunk leaves no row of the first behind.
    let mut bad: Vec<OwnedNewUser> = (0..n as i32)
        .map(|i| OwnedNewUser {
            id: 1_000_000 + i,
            full_name: format!("x{i}"),
            age: 1,
        })
        .collect();
    bad[n - 500].id = 1; // an existing primary key
    match insert_into(users::table).values(&bad).execute(&mut c) {
        Err(Error::Database(e)) => assert_eq!(e.kind, DatabaseErrorKind::UniqueViolation),
        other => panic!("expected a unique violation, got {other:?}"),
    }
    assert_eq!(users::table.count().get_result::<i64>(&mut c)?, n as i64 + 4);
    assert_eq!(c.transaction_depth(), 0);
    Ok(())
}

#[test]
fn a_batch_that_fails_inside_a_user_transaction_leaves_nothing() -> QueryResult<()> {
    let mut c = conn!();
    let result: QueryResult<usize> = c.transaction(|c| {
        insert_into(users::table)
            .values((users::name.eq("kept?"), users::age.eq(1)))
            .execute(c)?;
        let rows = vec![
            OwnedNewUser {
                id: 60,
                full_name: "ok".into(),
                age: 1,
            },
            OwnedNewUser {
                id: 2,
                full_name: "dup".into(),
                age: 1,
            },
        ];
        insert_into(users::table).values(&rows).execute(c)
    });
    assert!(matches!(result, Err(Error::Database(_))));
    assert_eq!(users::table.count().get_result::<i64>(&mut c)?, 4);
    Ok(())
}

#[test]
fn insert_from_select() -> QueryResult<()> {
    let mut c = conn!();
    let q = insert_into(settings::table).from_select(
        (settings::key, settings::value),
        users::table
            .select((users::name, users::name.concat("!")))
            .filter(users::age.gt(40)),
    );
    assert_eq!(
        sql(&q),
        r#"INSERT INTO "settings" ("key", "value") SELECT "users"."name", ("users"."name" || ?) FROM "users" WHERE "users"."age" > ?"#
    );
    assert_eq!(q.execute(&mut c)?, 2);
    let rows: Vec<(String, String)> = settings::table
        .select((settings::key, settings::value))
        .order_by(settings::key)
        .load(&mut c)?;
    assert_eq!(
        rows,
        vec![
            ("Barbara".into(), "Barbara!".into()),
            ("Grace".into(), "Grace!".into())
        ]
    );
    Ok(())
}

#[test]
fn constraint_violations_are_distinct_typed_errors() -> QueryResult<()> {
    let mut c = conn!();
    let kind = |r: QueryResult<usize>| match r {
        Err(Error::Database(e)) => (e.kind, e.constraint),
        other => panic!("expected a database error, got {other:?}"),
    };
    insert_into(settings::table)
        .values(settings::key.eq("k"))
        .execute(&mut c)
        .expect("first insert");
    assert_eq!(
        kind(
            insert_into(settings::table)
                .values(settings::key.eq("k"))
                .execute(&mut c)
        ),
        (DatabaseErrorKind::UniqueViolation, constraint("settings.key"))
    );
    assert_eq!(
        kind(
            insert_into(settings::table)
                .values((settings::key.eq("h"), settings::hits.eq(-1)))
                .execute(&mut c)
        ),
        (DatabaseErrorKind::CheckViolation, constraint("hits >= 0"))
    );
    assert_eq!(
        kind(
            insert_into(posts::table)
                .values((posts::user_id.eq(99), posts::title.eq("t"), posts::views.eq(0)))
                .execute(&mut c)
        )
        .0,
        DatabaseErrorKind::ForeignKeyViolation
    );
    assert_eq!(
        kind(
            insert_into(users::table)
                .values(users::name.eq("no age"))
                .execute(&mut c)
        ),
        (DatabaseErrorKind::NotNullViolation, constraint("users.age"))
    );
    Ok(())
}

#[test]
fn inserted_text_round_trips_unchanged() -> QueryResult<()> {
    let mut c = conn!();
    let tricky = ["'; DROP TABLE users; --", "a\"b", "nul\0byte", "emoji 🐢 ünï", ""];
    let mut stored = 0;
    for s in tricky {
        if s.contains('\0') && !DIALECT.text_holds_nul {
            // Refused before it reaches the database, never truncated.
            let err = insert_into(users::table)
                .values(&NewUser {
                    name: s,
                    hair_color: None,
                    age: 1,
                })
                .execute(&mut c)
                .expect_err("text with a NUL byte");
            assert!(matches!(err, Error::Serialize(_)), "{err:?}");
            continue;
        }
        stored += 1;
        insert_into(users::table)
            .values(&NewUser {
                name: s,
                hair_color: Some(s),
                age: 1000 + stored as i32,
            })
            .execute(&mut c)?;
        let back: (String, Option<String>) = users::table
            .filter(users::age.eq(1000 + stored as i32))
            .select((users::name, users::hair_color))
            .first(&mut c)?;
        assert_eq!(back, (s.to_owned(), Some(s.to_owned())));
    }
    assert_eq!(users::table.count().get_result::<i64>(&mut c)?, 4 + stored);
    Ok(())
}
