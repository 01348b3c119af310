//! PostgreSQL transaction options (isolation levels, READ ONLY, DEFERRABLE) and the errors that
//! concurrent transactions get: serialization failures and deadlocks, distinct and retryable.

use super::*;
use quarry::prelude::*;
use quarry::sql_types::Text;
use quarry::{DatabaseErrorKind, Error, QueryResult};
use quarry_postgres::IsolationLevel;

quarry::table! {
    accounts (id) {
        id -> Integer,
        balance -> BigInt,
    }
}

#[derive(QueryableByName)]
struct Setting {
    #[quarry(sql_type = Text)]
    value: String,
}

fn show(c: &mut TestConnection, name: &str) -> QueryResult<String> {
    let rows: Vec<Setting> = sql_query(format!("SELECT current_setting('{name}') AS value")).load(c)?;
    Ok(rows.into_iter().next().map(|r| r.value).unwrap_or_default())
}

/// A schema that several connections share (temporary tables are private to one session),
/// holding `accounts` with two rows; dropped at the end of the test.
struct Shared {
    admin: TestConnection,
    schema: String,
}

impl Shared {
    fn new(test: &str) -> Option<Self> {
        let url = crate::harness::url()?;
        let mut admin = TestConnection::establish(&url).expect("connect");
        let schema = format!("quarry_tx_{}_{test}", std::process::id());
        admin
            .batch_execute(&format!(
                "DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema};
                 CREATE TABLE {schema}.accounts (id INTEGER PRIMARY KEY, balance BIGINT NOT NULL);
                 INSERT INTO {schema}.accounts VALUES (1, 100), (2, 100);"
            ))
            .expect("create the shared schema");
        Some(Self { admin, schema })
    }

    fn connect(&self) -> TestConnection {
        let url = std::env::var("QUARRY_PG_URL").expect("checked in Shared::new");
        let mut c = TestConnection::establish(&url).expect("connect");
        c.batch_execute(&format!("SET search_path TO {}", self.schema))
            .expect("search_path");
        c
    }
}

impl Drop for Shared {
    fn drop(&mut self) {
        let _ = self
            .admin
            .batch_execute(&format!("DROP SCHEMA IF EXISTS {} CASCADE", self.schema));
    }
}

#[test]
fn options_reach_the_server() -> QueryResult<()> {
    let Some(mut c) = connect() else { return Ok(()) };
    let b = c.build_transaction().serializable().read_only().deferrable();
    assert_eq!(
        b.begin_sql(),
        "BEGIN ISOLATION LEVEL SERIALIZABLE, READ ONLY, DEFERRABLE"
    );
    b.run(|c| {
        assert_eq!(show(c, "transaction_isolation")?, "serializable");
        assert_eq!(show(c, "transaction_read_only")?, "on");
        assert_eq!(show(c, "transaction_deferrable")?, "on");
        // A write to a real (not temporary) table in a READ ONLY transaction is refused by the
        // server; the suite's tables are temporary, so this creates one.
        let err = sql_query("CREATE TABLE quarry_never_created (x INTEGER)")
            .execute(c)
            .expect_err("read-only transaction");
        match err {
            Error::Database(e) => assert_eq!(e.code, "25006"),
            other => panic!("expected a read-only error, got {other:?}"),
        }
        QueryResult::Ok(())
    })?;
    c.build_transaction()
        .isolation_level(IsolationLevel::RepeatableRead)
        .read_write()
        .run(|c| {
            assert_eq!(show(c, "transaction_isolation")?, "repeatable read");
            assert_eq!(show(c, "transaction_read_only")?, "off");
            update(users::table.filter(users::id.eq(1)))
                .set(users::age.eq(37))
                .execute(c)
        })?;
    let age: i32 = users::table.find(1).select(users::age).first(&mut c)?;
    assert_eq!(age, 37);
    assert_eq!(show(&mut c, "transaction_isolation")?, "read committed");
    // Options belong to a whole transaction, not to a savepoint.
    c.transaction(|c| {
        let nested = c.build_transaction().serializable().run(|_| QueryResult::Ok(()));
        assert!(matches!(nested, Err(Error::QueryBuilder(_))), "{nested:?}");
        QueryResult::Ok(())
    })?;
    // The guard form.
    let mut tx = c.build_transaction().read_only().begin()?;
    assert_eq!(show(&mut tx, "transaction_read_only")?, "on");
    tx.rollback()?;
    Ok(())
}

#[test]
fn repeatable_read_keeps_one_snapshot() -> QueryResult<()> {
    let Some(shared) = Shared::new("snapshot") else {
        return Ok(());
    };
    let (mut a, mut b) = (shared.connect(), shared.connect());
    a.build_transaction().repeatable_read().run(|a| {
        let before: i64 = accounts::table.count().get_result(a)?;
        insert_into(accounts::table)
            .values((accounts::id.eq(3), accounts::balance.eq(0)))
            .execute(&mut b)?;
        let after: i64 = accounts::table.count().get_result(a)?;
        assert_eq!((before, after), (2, 2), "the snapshot does not see b's insert");
        QueryResult::Ok(())
    })?;
    assert_eq!(accounts::table.count().get_result::<i64>(&mut a)?, 3);
    Ok(())
}

/// Both transactions read the total and then write: run one after the other, the second would
/// have seen the first's write, so PostgreSQL fails one of them.
fn write_skew(c: &mut TestConnection, id: i32) -> QueryResult<()> {
    let total: Option<i64> = accounts::table.select(sum(accounts::balance)).get_result(c)?;
    update(accounts::table.filter(accounts::id.eq(id)))
        .set(accounts::balance.eq(accounts::balance - total.unwrap_or(0)))
        .execute(c)?;
    Ok(())
}

#[test]
fn serialization_failures_are_distinct_and_retryable() -> QueryResult<()> {
    let Some(shared) = Shared::new("serial") else {
        return Ok(());
    };
    let (mut a, mut b) = (shared.connect(), shared.connect());
    let mut tx_a = a.build_transaction().serializable().begin()?;
    let mut tx_b = b.build_transaction().serializable().begin()?;
    write_skew(&mut tx_a, 1)?;
    write_skew(&mut tx_b, 2)?;
    tx_a.commit()?;
    let failed = tx_b.commit();
    match failed {
        Err(Error::Database(e)) => {
            assert_eq!(e.kind, DatabaseErrorKind::SerializationFailure, "{e:?}");
            assert_eq!(e.code, "40001");
            assert!(e.kind.is_retryable());
        }
        other => panic!("expected a serialization failure, got {other:?}"),
    }
    assert_eq!(b.transaction_depth(), 0);
    // Retried alone, the transaction goes through.
    b.build_transaction()
        .serializable()
        .run_retrying(3, |b| write_skew(b, 2))?;
    let balances: Vec<i64> = accounts::table
        .select(accounts::balance)
        .order_by(accounts::id)
        .load(&mut b)?;
    assert_eq!(balances, [-100, 100]);
    Ok(())
}

#[test]
fn a_deadlock_is_a_distinct_retryable_error() -> QueryResult<()> {
    let Some(shared) = Shared::new("deadlock") else {
        return Ok(());
    };
    let (mut a, mut b) = (shared.connect(), shared.connect());
    for c in [&mut a, &mut b] {
        // Detect the deadlock quickly (superuser setting; the test role is one here).
        c.batch_execute("SET deadlock_timeout = '50ms'")?;
    }
    let bump = |c: &mut TestConnection, id: i32| {
        update(accounts::table.filter(accounts::id.eq(id)))
            .set(accounts::balance.eq(accounts::balance + 1))
            .execute(c)
            .map(drop)
    };
    let mut tx_a = a.begin_transaction()?;
    let mut tx_b = b.begin_transaction()?;
    bump(&mut tx_a, 1)?;
    bump(&mut tx_b, 2)?;
    // a waits for b's row on another thread while b waits for a's: one of them is chosen as
    // the deadlock victim, the other goes on and commits.
    let (r_a, r_b) = std::thread::scope(|s| {
        let waiter = s.spawn(move || {
            let r = bump(&mut tx_a, 2);
            if r.is_ok() {
                tx_a.commit().expect("the survivor commits");
            }
            r
        });
        let r_b = bump(&mut tx_b, 1);
        if r_b.is_ok() {
            tx_b.commit().expect("the survivor commits");
        }
        (waiter.join().expect("no panic"), r_b)
    });
    let errors: Vec<Error> = [r_a, r_b].into_iter().filter_map(Result::err).collect();
    assert_eq!(errors.len(), 1, "exactly one victim: {errors:?}");
    match &errors[0] {
        Error::Database(e) => {
            assert_eq!(e.kind, DatabaseErrorKind::Deadlock, "{e:?}");
            assert_eq!(e.code, "40P01");
            assert!(e.kind.is_retryable());
        }
        other => panic!("expected a deadlock error, got {other:?}"),
    }
    Ok(())
}
