//! The PostgreSQL-only DSL: ILIKE, DISTINCT ON, row locking (FOR UPDATE / FOR NO KEY UPDATE /
//! FOR SHARE / FOR KEY SHARE, SKIP LOCKED, NOWAIT), ON CONFLICT ON CONSTRAINT, array operators
//! and json/jsonb operators.
//!
//! The `sql_*` tests check the generated SQL and need no server; the others run against
//! `QUARRY_PG_URL`, each in a schema of its own (see `support/mod.rs`).

mod support;

use quarry::prelude::*;
use quarry::{DatabaseErrorKind, Error, QueryResult};
use quarry_postgres::PgConnection;

quarry::table! {
    users (id) {
        id -> Integer,
        name -> Text,
        visits -> Integer,
    }
    posts (id) {
        id -> Integer,
        #[references(users::id)]
        user_id -> Integer,
        title -> Text,
    }
    docs (id) {
        id -> Integer,
        tags -> Array<Text>,
        wanted -> Nullable<Array<Text>>,
        scores -> Array<Nullable<Integer>>,
    }
    events (id) {
        id -> Integer,
        payload -> Jsonb,
        pattern -> Jsonb,
        raw -> Nullable<Json>,
    }
}

fn sql<Q: quarry::query_builder::QueryFragment<quarry_postgres::Pg>>(q: &Q) -> String {
    PgConnection::debug_sql(q).expect("SQL")
}

// ---------------------------------------------------------------------------------------------
// SQL text
// ---------------------------------------------------------------------------------------------

#[test]
fn sql_ilike() {
    assert_eq!(
        sql(&users::table.select(users::id).filter(users::name.ilike("ada%"))),
        r#"SELECT "users"."id" FROM "users" WHERE "users"."name" ILIKE $1"#
    );
    assert_eq!(
        sql(&users::table
            .select(users::id)
            .filter(users::name.not_ilike("%bot").and(users::visits.gt(0)))),
        r#"SELECT "users"."id" FROM "users" WHERE "users"."name" NOT ILIKE $1 AND "users"."visits" > $2"#
    );
    // Against another text expression.
    assert_eq!(
        sql(&posts::table
            .inner_join(users::table)
            .select(posts::id)
            .filter(posts::title.ilike(users::name))),
        r#"SELECT "posts"."id" FROM "posts" INNER JOIN "users" ON "posts"."user_id" = "users"."id" WHERE "posts"."title" ILIKE "users"."name""#
    );
}

#[test]
fn sql_distinct_on() {
    assert_eq!(
        sql(&posts::table
            .select((posts::user_id, posts::title))
            .distinct_on(posts::user_id)
            .order_by((posts::user_id, posts::id.desc()))),
        r#"SELECT DISTINCT ON ("posts"."user_id") "posts"."user_id", "posts"."title" FROM "posts" ORDER BY "posts"."user_id", "posts"."id" DESC"#
    );
    // A tuple, straight from the table, over a join.
    assert_eq!(
        sql(&users::table.distinct_on((users::name, users::visits))),
        r#"SELECT DISTINCT ON ("users"."name", "users"."visits") "users"."id", "users"."name", "users"."visits" FROM "users""#
    );
    assert_eq!(
        sql(&users::table
            .inner_join(posts::table)
            .select((users::name, posts::title))
            .distinct_on(users::id)
            .order_by((users::id, posts::id))),
        r#"SELECT DISTINCT ON ("users"."id") "users"."name", "posts"."title" FROM "users" INNER JOIN "posts" ON "posts"."user_id" = "users"."id" ORDER BY "users"."id", "posts"."id""#
    );
    // Boxed queries keep it.
    let boxed = users::table
        .select(users::name)
        .distinct_on(users::name)
        .into_boxed::<quarry_postgres::Pg>()
        .filter(users::visits.gt(1));
    assert_eq!(
        sql(&boxed),
        r#"SELECT DISTINCT ON ("users"."name") "users"."name" FROM "users" WHERE "users"."visits" > $1"#
    );
}

#[test]
fn sql_row_locking() {
    let base = || users::table.select(users::id).filter(users::visits.gt(0));
    let q = r#"SELECT "users"."id" FROM "users" WHERE "users"."visits" > $1"#;
    assert_eq!(sql(&base().for_update()), format!("{q} FOR UPDATE"));
    assert_eq!(sql(&base().for_no_key_update()), format!("{q} FOR NO KEY UPDATE"));
    assert_eq!(sql(&base().for_share()), format!("{q} FOR SHARE"));
    assert_eq!(sql(&base().for_key_share()), format!("{q} FOR KEY SHARE"));
    assert_eq!(
        sql(&base().for_update().skip_locked()),
        format!("{q} FOR UPDATE SKIP LOCKED")
    );
    assert_eq!(
        sql(&base().for_share().no_wait()),
        format!("{q} FOR SHARE NOWAIT")
    );
    assert_eq!(
        sql(&base().for_key_share().skip_locked()),
        format!("{q} FOR KEY SHARE SKIP LOCKED")
    );
    // After LIMIT / OFFSET; filter, order_by and limit may still follow the lock.
    assert_eq!(
        sql(&users::table
            .for_update()
            .filter(users::id.eq(1))
            .order_by(users::id)
            .limit(1)
            .offset(2)),
        r#"SELECT "users"."id", "users"."name", "users"."visits" FROM "users" WHERE "users"."id" = $1 ORDER BY "users"."id" LIMIT $2 OFFSET $3 FOR UPDATE"#
    );
    assert_eq!(
        sql(&users::table.find(7).for_update().no_wait()),
        r#"SELECT "users"."id", "users"."name", "users"."visits" FROM "users" WHERE "users"."id" = $1 FOR UPDATE NOWAIT"#
    );
    // In a subquery.
    assert_eq!(
        sql(&users::table.select(users::name).filter(
            users::id.in_subquery(users::table.select(users::id).limit(1).for_update().skip_locked())
        )),
        r#"SELECT "users"."name" FROM "users" WHERE "users"."id" IN (SELECT "users"."id" FROM "users" LIMIT $1 FOR UPDATE SKIP LOCKED)"#
    );
    // Boxed.
    let boxed = users::table
        .select(users::id)
        .for_update()
        .skip_locked()
        .into_boxed::<quarry_postgres::Pg>()
        .filter(users::id.gt(3))
        .limit(5);
    assert_eq!(
        sql(&boxed),
        r#"SELECT "users"."id" FROM "users" WHERE "users"."id" > $1 LIMIT $2 FOR UPDATE SKIP LOCKED"#
    );
}

#[test]
fn sql_on_conflict_on_constraint() {
    let stmt = insert_into(users::table)
        .values((users::name.eq("ada"), users::visits.eq(1)))
        .on_conflict_on_constraint("users_name_key")
        .do_nothing();
    assert_eq!(
        sql(&stmt),
        r#"INSERT INTO "users" ("name", "visits") VALUES ($1, $2) ON CONFLICT ON CONSTRAINT "users_name_key" DO NOTHING"#
    );
    // The name is an identifier: quoted, quotes doubled, never raw SQL.
    let evil = String::from(r#"x" DO NOTHING; DROP TABLE users; --"#);
    let stmt = insert_into(users::table)
        .values(users::name.eq("ada"))
        .on_conflict_on_constraint(evil)
        .do_update()
        .set(users::visits.eq(users::visits + excluded(users::visits)))
        .returning(users::id);
    assert_eq!(
        sql(&stmt),
        r#"INSERT INTO "users" ("name") VALUES ($1) ON CONFLICT ON CONSTRAINT "x"" DO NOTHING; DROP TABLE users; --" DO UPDATE SET "visits" = ("users"."visits" + excluded."visits") RETURNING "users"."id""#
    );
}

#[test]
fn sql_array_operators() {
    let q = |p| format!(r#"SELECT "docs"."id" FROM "docs" WHERE {p}"#);
    assert_eq!(
        sql(&docs::table
            .select(docs::id)
            .filter(docs::tags.contains(docs::wanted))),
        q(r#""docs"."tags" @> "docs"."wanted""#)
    );
    assert_eq!(
        sql(&docs::table
            .select(docs::id)
            .filter(docs::wanted.is_contained_by(docs::tags))),
        q(r#""docs"."wanted" <@ "docs"."tags""#)
    );
    assert_eq!(
        sql(&docs::table
            .select(docs::id)
            .filter(docs::tags.overlaps_with(docs::wanted))),
        q(r#""docs"."tags" && "docs"."wanted""#)
    );
    assert_eq!(
        sql(&docs::table.select(docs::id).filter(docs::tags.any_eq("rust"))),
        q(r#"$1 = ANY("docs"."tags")"#)
    );
    assert_eq!(
        sql(&docs::table.select(docs::id).filter(docs::scores.any_eq(10))),
        q(r#"$1 = ANY("docs"."scores")"#)
    );
    assert_eq!(
        sql(&users::table
            .inner_join(docs::table.on(users::name.eq_any_of(docs::tags)))
            .select((users::name, docs::id))),
        r#"SELECT "users"."name", "docs"."id" FROM "users" INNER JOIN "docs" ON "users"."name" = ANY("docs"."tags")"#
    );
}

#[test]
fn sql_json_operators() {
    assert_eq!(
        sql(&events::table
            .select(events::id)
            .filter(events::payload.get_text("kind").eq("login"))),
        r#"SELECT "events"."id" FROM "events" WHERE ("events"."payload" ->> $1) = $2"#
    );
    assert_eq!(
        sql(&events::table.select(events::payload.get_json("items").get_text(0))),
        r#"SELECT (("events"."payload" -> $1) ->> $2) FROM "events""#
    );
    assert_eq!(
        sql(&events::table
            .select(events::id)
            .filter(events::payload.contains(events::pattern))),
        r#"SELECT "events"."id" FROM "events" WHERE "events"."payload" @> "events"."pattern""#
    );
    // `@>` with a member of the right-hand side: parenthesized, so it is not `(a @> b) -> k`.
    assert_eq!(
        sql(&events::table
            .select(events::id)
            .filter(events::pattern.contains(events::payload.get_json("user")))),
        r#"SELECT "events"."id" FROM "events" WHERE "events"."pattern" @> ("events"."payload" -> $1)"#
    );
    assert_eq!(
        sql(&events::table.select(events::raw.get_json("a").get_text("b"))),
        r#"SELECT (("events"."raw" -> $1) ->> $2) FROM "events""#
    );
}

// ---------------------------------------------------------------------------------------------
// Against the server
// ---------------------------------------------------------------------------------------------

const USERS: &str = "
    CREATE TABLE users (id SERIAL PRIMARY KEY, name TEXT NOT NULL, visits INTEGER NOT NULL DEFAULT 0,
                        CONSTRAINT users_name_key UNIQUE (name));
    CREATE TABLE posts (id SERIAL PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users(id), title TEXT NOT NULL);
    INSERT INTO users (name, visits) VALUES ('Ada', 3), ('ADAM', 1), ('grace', 0), ('Robot', 9);
    INSERT INTO posts (user_id, title) VALUES (1, 'Engines'), (1, 'Notes'), (3, 'Compilers'), (3, 'COBOL'), (2, 'adam tips');";

#[test]
fn ilike_matches_ignoring_case() -> QueryResult<()> {
    let Some(mut db) = support::test_db("ilike", USERS) else {
        return Ok(());
    };
    let names: Vec<String> = users::table
        .select(users::name)
        .filter(users::name.ilike("ada%"))
        .order_by(users::id)
        .load(&mut *db)?;
    assert_eq!(names, ["Ada", "ADAM"]);
    let names: Vec<String> = users::table
        .select(users::name)
        .filter(users::name.not_ilike("%A%"))
        .order_by(users::id)
        .load(&mut *db)?;
    assert_eq!(names, ["Robot"]);
    // A column as the pattern: posts whose title contains their author's name, in any case.
    let titles: Vec<String> = posts::table
        .inner_join(users::table)
        .select(posts::title)
        .filter(posts::title.ilike(users::name.concat("%")))
        .load(&mut *db)?;
    assert_eq!(titles, ["adam tips"]);
    Ok(())
}

#[test]
fn distinct_on_keeps_the_first_row_of_each_group() -> QueryResult<()> {
    let Some(mut db) = support::test_db("distinct_on", USERS) else {
        return Ok(());
    };
    // The latest post of each user.
    let latest: Vec<(i32, String)> = posts::table
        .select((posts::user_id, posts::title))
        .distinct_on(posts::user_id)
        .order_by((posts::user_id, posts::id.desc()))
        .load(&mut *db)?;
    assert_eq!(
        latest,
        [
            (1, "Notes".to_string()),
            (2, "adam tips".to_string()),
            (3, "COBOL".to_string())
        ]
    );
    // Over a join, with a tuple.
    let firsts: Vec<(String, String)> = users::table
        .inner_join(posts::table)
        .select((users::name, posts::title))
        .distinct_on((users::id, users::name))
        .order_by((users::id, users::name, posts::title))
        .load(&mut *db)?;
    assert_eq!(firsts.len(), 3);
    assert_eq!(firsts[0], ("Ada".to_string(), "Engines".to_string()));
    // PostgreSQL checks that ORDER BY starts with the DISTINCT ON expressions.
    let err = posts::table
        .select(posts::title)
        .distinct_on(posts::user_id)
        .order_by(posts::title)
        .load::<String>(&mut *db)
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("DISTINCT ON expressions must match initial ORDER BY"),
        "{err}"
    );
    Ok(())
}

/// A second connection to the same test schema.
fn second_connection(db: &support::TestDb) -> PgConnection {
    let url = support::url().expect("QUARRY_PG_URL");
    let mut conn = PgConnection::establish(&url).expect("connect");
    conn.batch_execute(&format!("SET search_path TO {}", db.schema))
        .expect("search_path");
    conn
}

fn assert_lock_not_available<T: std::fmt::Debug>(result: QueryResult<T>) {
    match result {
        Err(Error::Database(e)) => {
            assert_eq!(e.kind, DatabaseErrorKind::Busy, "{e:?}");
            assert_eq!(e.code, "55P03", "{e:?}");
            assert!(e.message.contains("could not obtain lock"), "{e:?}");
        }
        other => panic!("expected a lock-not-available error, got {other:?}"),
    }
}

#[test]
fn for_update_blocks_other_lockers_skip_locked_skips_and_nowait_fails() -> QueryResult<()> {
    let Some(mut a) = support::test_db("for_update", USERS) else {
        return Ok(());
    };
    let mut b = second_connection(&a);

    // A: lock user 1 in a transaction.
    let mut tx = a.begin_transaction()?;
    let locked: Vec<i32> = users::table
        .select(users::id)
        .filter(users::id.eq(1))
        .for_update()
        .load(&mut *tx)?;
    assert_eq!(locked, [1]);

    // B: SKIP LOCKED leaves user 1 out; the next free row is 2.
    let free: Vec<i32> = users::table
        .select(users::id)
        .order_by(users::id)
        .for_update()
        .skip_locked()
        .load(&mut b)?;
    assert_eq!(free, [2, 3, 4]);
    let next: i32 = users::table
        .select(users::id)
        .order_by(users::id)
        .limit(1)
        .for_update()
        .skip_locked()
        .get_result(&mut b)?;
    assert_eq!(next, 2);

    // B: NOWAIT fails at once with SQLSTATE 55P03, typed as `Busy`.
    assert_lock_not_available(
        users::table
            .select(users::id)
            .filter(users::id.eq(1))
            .for_update()
            .no_wait()
            .load::<i32>(&mut b),
    );
    assert_lock_not_available(
        users::table
            .select(users::id)
            .filter(users::id.eq(1))
            .for_share()
            .no_wait()
            .load::<i32>(&mut b),
    );
    // Plain reads are not blocked.
    let name: String = users::table
        .select(users::name)
        .filter(users::id.eq(1))
        .first(&mut b)?;
    assert_eq!(name, "Ada");
    // B can still use the connection after the error.
    let unlocked: Vec<i32> = users::table
        .select(users::id)
        .filter(users::id.eq(2))
        .for_update()
        .no_wait()
        .load(&mut b)?;
    assert_eq!(unlocked, [2]);

    // Once A commits, B can lock the row.
    tx.commit()?;
    let relocked: Vec<i32> = users::table
        .select(users::id)
        .filter(users::id.eq(1))
        .for_update()
        .no_wait()
        .load(&mut b)?;
    assert_eq!(relocked, [1]);
    Ok(())
}

#[test]
fn key_share_and_no_key_update_locks() -> QueryResult<()> {
    let Some(mut a) = support::test_db("key_locks", USERS) else {
        return Ok(());
    };
    let mut b = second_connection(&a);

    // A: the weakest lock.
    let mut tx = a.begin_transaction()?;
    let n = users::table
        .select(users::id)
        .filter(users::id.eq(1))
        .for_key_share()
        .load::<i32>(&mut *tx)?
        .len();
    assert_eq!(n, 1);
    // B: FOR NO KEY UPDATE and FOR SHARE do not conflict with FOR KEY SHARE …
    let mut tx_b = b.begin_transaction()?;
    assert_eq!(
        users::table
            .select(users::id)
            .filter(users::id.eq(1))
            .for_no_key_update()
            .no_wait()
            .load::<i32>(&mut *tx_b)?,
        [1]
    );
    tx_b.rollback()?;
    assert_eq!(
        users::table
            .select(users::id)
            .filter(users::id.eq(1))
            .for_share()
            .no_wait()
            .load::<i32>(&mut b)?,
        [1]
    );
    // … FOR UPDATE does.
    assert_lock_not_available(
        users::table
            .select(users::id)
            .filter(users::id.eq(1))
            .for_update()
            .no_wait()
            .load::<i32>(&mut b),
    );
    tx.rollback()?;

    // A: FOR SHARE blocks FOR NO KEY UPDATE but not FOR KEY SHARE.
    let mut tx = a.begin_transaction()?;
    users::table
        .select(users::id)
        .filter(users::id.eq(2))
        .for_share()
        .load::<i32>(&mut *tx)?;
    assert_lock_not_available(
        users::table
            .select(users::id)
            .filter(users::id.eq(2))
            .for_no_key_update()
            .no_wait()
            .load::<i32>(&mut b),
    );
    assert_eq!(
        users::table
            .select(users::id)
            .filter(users::id.eq(2))
            .for_key_share()
            .no_wait()
            .load::<i32>(&mut b)?,
        [2]
    );
    tx.commit()?;
    Ok(())
}

#[test]
fn on_conflict_on_constraint_do_nothing_and_do_update() -> QueryResult<()> {
    let ddl = format!(
        r#"{USERS}
        CREATE TABLE tags (id SERIAL PRIMARY KEY, label TEXT NOT NULL, uses INTEGER NOT NULL DEFAULT 1,
                           CONSTRAINT "Tag ""label"" key" UNIQUE (label));"#
    );
    let Some(mut db) = support::test_db("on_constraint", &ddl) else {
        return Ok(());
    };

    let inserted = insert_into(users::table)
        .values(&vec![users::name.eq("Ada"), users::name.eq("Linus")])
        .on_conflict_on_constraint("users_name_key")
        .do_nothing()
        .execute(&mut *db)?;
    assert_eq!(inserted, 1);

    let visits: i32 = insert_into(users::table)
        .values((users::name.eq("Ada"), users::visits.eq(10)))
        .on_conflict_on_constraint("users_name_key")
        .do_update()
        .set(users::visits.eq(users::visits + excluded(users::visits)))
        .returning(users::visits)
        .get_result(&mut *db)?;
    assert_eq!(visits, 13);

    // A constraint name that needs quoting (spaces, quotes, capitals): a quoted identifier.
    for _ in 0..3 {
        insert_into(tags::table)
            .values(tags::label.eq("rust"))
            .on_conflict_on_constraint(String::from(r#"Tag "label" key"#))
            .do_update()
            .set(tags::uses.eq(tags::uses + 1))
            .execute(&mut *db)?;
    }
    let uses: Vec<(String, i32)> = tags::table.select((tags::label, tags::uses)).load(&mut *db)?;
    assert_eq!(uses, [("rust".to_string(), 3)]);

    // A wrong name is the server's error, not SQL injection.
    let err = insert_into(users::table)
        .values(users::name.eq("Ada"))
        .on_conflict_on_constraint("users_name_key\" DO NOTHING; --")
        .do_nothing()
        .execute(&mut *db)
        .unwrap_err();
    assert!(err.to_string().contains("does not exist"), "{err}");
    Ok(())
}

quarry::table! {
    tags (id) {
        id -> Integer,
        label -> Text,
        uses -> Integer,
    }
}

const DOCS: &str = "
    CREATE TABLE users (id SERIAL PRIMARY KEY, name TEXT NOT NULL, visits INTEGER NOT NULL DEFAULT 0);
    INSERT INTO users (name) VALUES ('rust'), ('sql'), ('go');
    CREATE TABLE docs (id INTEGER PRIMARY KEY, tags TEXT[] NOT NULL, wanted TEXT[], scores INTEGER[] NOT NULL);
    INSERT INTO docs VALUES
        (1, '{rust,sql}', '{rust}', '{1,2,NULL}'),
        (2, '{go}', '{rust,go}', '{10}'),
        (3, '{}', NULL, '{}');";

#[test]
fn array_operators() -> QueryResult<()> {
    let Some(mut db) = support::test_db("arrays", DOCS) else {
        return Ok(());
    };
    let contains: Vec<i32> = docs::table
        .select(docs::id)
        .filter(docs::tags.contains(docs::wanted))
        .order_by(docs::id)
        .load(&mut *db)?;
    assert_eq!(contains, [1]);
    let contained: Vec<i32> = docs::table
        .select(docs::id)
        .filter(docs::tags.is_contained_by(docs::wanted))
        .order_by(docs::id)
        .load(&mut *db)?;
    assert_eq!(contained, [2]);
    let overlapping: Vec<i32> = docs::table
        .select(docs::id)
        .filter(docs::tags.overlaps_with(docs::wanted))
        .order_by(docs::id)
        .load(&mut *db)?;
    assert_eq!(overlapping, [1, 2]);
    let with_rust: Vec<i32> = docs::table
        .select(docs::id)
        .filter(docs::tags.any_eq("rust"))
        .order_by(docs::id)
        .load(&mut *db)?;
    assert_eq!(with_rust, [1]);
    // Rust values bound as one array parameter: a `Vec` or a slice.
    let tags = |v: Vec<&'static str>| v;
    let with_all: Vec<i32> = docs::table
        .select(docs::id)
        .filter(docs::tags.contains(tags(vec!["sql", "rust"])))
        .load(&mut *db)?;
    assert_eq!(with_all, [1]);
    let with_any: Vec<i32> = docs::table
        .select(docs::id)
        .filter(docs::tags.overlaps_with(tags(vec!["go", "zig"])))
        .load(&mut *db)?;
    assert_eq!(with_any, [2]);
    let within: Vec<i32> = docs::table
        .select(docs::id)
        .filter(docs::tags.is_contained_by(&["go", "rust", "sql"][..]))
        .order_by(docs::id)
        .load(&mut *db)?;
    assert_eq!(within, [1, 2, 3]);
    let named: Vec<String> = users::table
        .select(users::name)
        .filter(users::name.eq_any_of(tags(vec!["go", "rust"])))
        .order_by(users::name)
        .load(&mut *db)?;
    assert_eq!(named, ["go", "rust"]);
    // Elements may be NULL: `= ANY` is then NULL rather than false when nothing matches.
    let flags: Vec<(i32, Option<bool>)> = docs::table
        .select((docs::id, docs::scores.any_eq(10)))
        .order_by(docs::id)
        .load(&mut *db)?;
    assert_eq!(flags, [(1, None), (2, Some(true)), (3, Some(false))]);
    // From the value's side, in a join condition.
    let pairs: Vec<(String, i32)> = users::table
        .inner_join(docs::table.on(users::name.eq_any_of(docs::tags)))
        .select((users::name, docs::id))
        .order_by((docs::id, users::name))
        .load(&mut *db)?;
    assert_eq!(
        pairs,
        [
            ("rust".to_string(), 1),
            ("sql".to_string(), 1),
            ("go".to_string(), 2)
        ]
    );
    Ok(())
}

const EVENTS: &str = r#"
    CREATE TABLE events (id INTEGER PRIMARY KEY, payload JSONB NOT NULL, pattern JSONB NOT NULL, raw JSON);
    INSERT INTO events VALUES
        (1, '{"kind": "login", "user": {"name": "ada"}, "items": ["a", "b"]}', '{"kind": "login"}', '{"a": {"b": 1}}'),
        (2, '{"kind": "logout", "items": []}', '{"user": {"name": "ada"}}', NULL),
        (3, '{"kind": "login", "user": {"name": "bob", "admin": true}}', '{"user": {"admin": true}}', '[10, 20]');"#;

#[test]
fn json_operators() -> QueryResult<()> {
    let Some(mut db) = support::test_db("json", EVENTS) else {
        return Ok(());
    };
    let logins: Vec<i32> = events::table
        .select(events::id)
        .filter(events::payload.get_text("kind").eq("login"))
        .order_by(events::id)
        .load(&mut *db)?;
    assert_eq!(logins, [1, 3]);
    // Chained, with an integer index; missing members are NULL.
    let second_items: Vec<Option<String>> = events::table
        .select(events::payload.get_json("items").get_text(1))
        .order_by(events::id)
        .load(&mut *db)?;
    assert_eq!(second_items, [Some("b".to_string()), None, None]);
    let names: Vec<Option<String>> = events::table
        .select(events::payload.get_json("user").get_text("name"))
        .order_by(events::id)
        .load(&mut *db)?;
    assert_eq!(names, [Some("ada".to_string()), None, Some("bob".to_string())]);
    // `@>`: the payload contains the row's pattern.
    let matching: Vec<i32> = events::table
        .select(events::id)
        .filter(events::payload.contains(events::pattern))
        .order_by(events::id)
        .load(&mut *db)?;
    assert_eq!(matching, [1, 3]);
    // A Rust JSON value, bound as a jsonb parameter.
    let pattern = serde_json::json!({"user": {"admin": true}});
    let admins: Vec<i32> = events::table
        .select(events::id)
        .filter(events::payload.contains(pattern))
        .load(&mut *db)?;
    assert_eq!(admins, [3]);
    // `->` loads as JSON.
    let users: Vec<Option<serde_json::Value>> = events::table
        .select(events::payload.get_json("user"))
        .order_by(events::id)
        .load(&mut *db)?;
    assert_eq!(
        users,
        [
            Some(serde_json::json!({"name": "ada"})),
            None,
            Some(serde_json::json!({"name": "bob", "admin": true}))
        ]
    );
    // `@>` between members.
    let admins: Vec<i32> = events::table
        .select(events::id)
        .filter(
            events::payload
                .get_json("user")
                .contains(events::pattern.get_json("user")),
        )
        .order_by(events::id)
        .load(&mut *db)?;
    assert_eq!(admins, [3]);
    // On `json` (not jsonb), nullable.
    let raw: Vec<Option<String>> = events::table
        .select(events::raw.get_json("a").get_text("b"))
        .order_by(events::id)
        .load(&mut *db)?;
    assert_eq!(raw, [Some("1".to_string()), None, None]);
    let first: Vec<Option<String>> = events::table
        .select(events::raw.get_text(0))
        .order_by(events::id)
        .load(&mut *db)?;
    assert_eq!(first, [None, None, Some("10".to_string())]);
    Ok(())
}
