//! Row locks, deadlocks and lock wait timeouts, with two connections to the test's database.

use std::sync::Barrier;
use std::time::Duration;

use quarry::prelude::*;
use quarry::{DatabaseErrorKind, Error, QueryResult};
use quarry_mysql::MysqlConnection;

use super::db_with;

quarry::table! {
    accounts (id) {
        id -> Integer,
        balance -> Integer,
    }
}

const ACCOUNTS: &str = "CREATE TABLE accounts (id INT PRIMARY KEY, balance INT NOT NULL) ENGINE=InnoDB;
    INSERT INTO accounts VALUES (1, 100), (2, 100), (3, 100)";

fn database_error_kind<T: std::fmt::Debug>(r: QueryResult<T>) -> DatabaseErrorKind {
    match r {
        Err(Error::Database(e)) => e.kind,
        other => panic!("expected a database error, got {other:?}"),
    }
}

/// Moves 10 from account `from` to `to`, after the other thread has locked its first row.
fn transfer(conn: &mut MysqlConnection, from: i32, to: i32, both_locked: &Barrier) -> QueryResult<()> {
    conn.transaction(|conn| {
        update(accounts::table.filter(accounts::id.eq(from)))
            .set(accounts::balance.eq(accounts::balance - 10))
            .execute(conn)?;
        both_locked.wait();
        update(accounts::table.filter(accounts::id.eq(to)))
            .set(accounts::balance.eq(accounts::balance + 10))
            .execute(conn)?;
        Ok(())
    })
}

#[test]
fn opposite_lock_orders_deadlock_and_one_side_is_told_to_retry() -> QueryResult<()> {
    let mut c = db_with!(ACCOUNTS);
    let mut other = c.another();
    // Generous: the deadlock is detected at once; the timeout only bounds a failure.
    c.batch_execute("SET SESSION innodb_lock_wait_timeout = 20")?;
    other.batch_execute("SET SESSION innodb_lock_wait_timeout = 20")?;
    let both_locked = Barrier::new(2);
    let (a, b) = std::thread::scope(|s| {
        let a = s.spawn(|| transfer(&mut c, 1, 2, &both_locked));
        let b = s.spawn(|| transfer(&mut other, 2, 1, &both_locked));
        (a.join(), b.join())
    });
    let (a, b) = (a.expect("thread a"), b.expect("thread b"));
    let outcomes = [&a, &b];
    let deadlocks = outcomes
        .iter()
        .filter(|r| matches!(r, Err(Error::Database(e)) if e.kind == DatabaseErrorKind::Deadlock))
        .count();
    assert_eq!(deadlocks, 1, "exactly one victim: {a:?} / {b:?}");
    assert_eq!(outcomes.iter().filter(|r| r.is_ok()).count(), 1, "{a:?} / {b:?}");
    for r in outcomes {
        if let Err(Error::Database(e)) = r {
            assert!(e.kind.is_retryable());
            assert_eq!(e.code, "1213");
        }
    }
    // The survivor committed, the victim was rolled back: the money is all there.
    let total: Option<i64> = accounts::table.select(sum(accounts::balance)).first(&mut c)?;
    assert_eq!(total, Some(300));
    assert_eq!(c.transaction_depth(), 0);
    assert_eq!(other.transaction_depth(), 0);
    Ok(())
}

#[test]
fn a_lock_wait_timeout_is_busy() -> QueryResult<()> {
    let mut c = db_with!(ACCOUNTS);
    let mut other = c.another();
    other.batch_execute("SET SESSION innodb_lock_wait_timeout = 1")?;
    let mut tx = c.begin_transaction()?;
    update(accounts::table.filter(accounts::id.eq(1)))
        .set(accounts::balance.eq(0))
        .execute(&mut *tx)?;
    let started = std::time::Instant::now();
    let kind = database_error_kind(
        update(accounts::table.filter(accounts::id.eq(1)))
            .set(accounts::balance.eq(1))
            .execute(&mut other),
    );
    assert_eq!(kind, DatabaseErrorKind::Busy);
    assert!(kind.is_retryable());
    assert!(started.elapsed() >= Duration::from_millis(900));
    // Other rows are free.
    update(accounts::table.filter(accounts::id.eq(2)))
        .set(accounts::balance.eq(1))
        .execute(&mut other)?;
    tx.rollback()?;
    Ok(())
}

#[test]
fn for_update_nowait_skip_locked_and_share_locks() -> QueryResult<()> {
    let mut c = db_with!(ACCOUNTS);
    let mut other = c.another();
    let mut tx = c.begin_transaction()?;
    let locked: Vec<i32> = accounts::table
        .select(accounts::id)
        .filter(accounts::id.eq(1))
        .for_update()
        .load(&mut *tx)?;
    assert_eq!(locked, [1]);
    other.transaction(|other| {
        // NOWAIT fails at once (MariaDB reports a lock wait timeout).
        let kind = database_error_kind(
            accounts::table
                .select(accounts::id)
                .filter(accounts::id.eq(1))
                .for_update()
                .no_wait()
                .load::<i32>(other),
        );
        assert_eq!(kind, DatabaseErrorKind::Busy);
        // SKIP LOCKED leaves the locked row out.
        let free: Vec<i32> = accounts::table
            .select(accounts::id)
            .order_by(accounts::id)
            .for_update()
            .skip_locked()
            .load(other)?;
        assert_eq!(free, [2, 3]);
        // Shared locks on free rows.
        let shared: Vec<i32> = accounts::table
            .select(accounts::id)
            .filter(accounts::id.gt(1))
            .order_by(accounts::id)
            .for_share()
            .load(other)?;
        assert_eq!(shared, [2, 3]);
        QueryResult::Ok(())
    })?;
    tx.commit()?;
    Ok(())
}
