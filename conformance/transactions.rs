//! Transactions: commit, rollback on error, panic and drop, savepoints, failed COMMIT.

use super::*;
use quarry::prelude::*;
use quarry::{DatabaseErrorKind, Error, QueryResult};

fn names(c: &mut TestConnection) -> Vec<String> {
    users::table
        .select(users::name)
        .order_by(users::id)
        .load(c)
        .expect("load names")
}

fn add_user(c: &mut TestConnection, id: i32, name: &str) -> QueryResult<()> {
    c.batch_execute(&format!("INSERT INTO users VALUES ({id}, '{name}', NULL, 1)"))
}

#[test]
fn a_successful_closure_commits() -> QueryResult<()> {
    let mut c = conn!();
    let n = c.transaction(|c| {
        add_user(c, 10, "Tx")?;
        assert_eq!(c.transaction_depth(), 1);
        users::table.count().get_result::<i64>(c)
    })?;
    assert_eq!(n, 5);
    assert_eq!(c.transaction_depth(), 0);
    assert_eq!(names(&mut c).last().map(String::as_str), Some("Tx"));
    Ok(())
}

#[test]
fn an_error_rolls_back_and_is_returned() -> QueryResult<()> {
    let mut c = conn!();
    let result: QueryResult<()> = c.transaction(|c| {
        add_user(c, 10, "Gone")?;
        // Primary key 1 exists: the second insert fails.
        add_user(c, 1, "Duplicate")
    });
    match result {
        Err(Error::Database(e)) => assert_eq!(e.kind, DatabaseErrorKind::UniqueViolation),
        other => panic!("expected a unique violation, got {other:?}"),
    }
    assert_eq!(names(&mut c).len(), 4, "the first insert was rolled back");
    assert_eq!(c.transaction_depth(), 0);
    assert_eq!(c.transaction_depth(), 0);
    Ok(())
}

#[derive(Debug)]
enum AppError {
    Db(Error),
    Rejected,
}
impl From<Error> for AppError {
    fn from(e: Error) -> Self {
        AppError::Db(e)
    }
}

#[test]
fn an_application_error_type_works_and_rolls_back() -> QueryResult<()> {
    let mut c = conn!();
    let result: Result<(), AppError> = c.transaction(|c| {
        add_user(c, 10, "Gone")?;
        Err(AppError::Rejected)
    });
    assert!(matches!(result, Err(AppError::Rejected)));
    assert_eq!(names(&mut c).len(), 4);
    // Database errors convert into the application's error with `?`.
    let result: Result<(), AppError> = c.transaction(|c| Ok(add_user(c, 1, "Duplicate")?));
    match result {
        Err(AppError::Db(Error::Database(e))) => assert_eq!(e.kind, DatabaseErrorKind::UniqueViolation),
        other => panic!("expected the database error, got {other:?}"),
    }
    Ok(())
}

#[test]
fn a_panic_rolls_back_and_keeps_unwinding() -> QueryResult<()> {
    let mut c = conn!();
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let _: QueryResult<()> = c.transaction(|c| {
            add_user(c, 10, "Gone")?;
            panic!("boom");
        });
    }));
    assert!(outcome.is_err(), "the panic propagates");
    assert_eq!(names(&mut c).len(), 4);
    assert_eq!(c.transaction_depth(), 0);
    // The connection is usable afterwards.
    c.transaction(|c| add_user(c, 11, "After"))?;
    assert_eq!(names(&mut c).len(), 5);
    Ok(())
}

#[test]
fn nested_transactions_are_savepoints() -> QueryResult<()> {
    let mut c = conn!();
    c.transaction(|c| {
        add_user(c, 10, "Outer")?;
        let inner: QueryResult<()> = c.transaction(|c| {
            assert_eq!(c.transaction_depth(), 2);
            add_user(c, 11, "Inner")?;
            Err(Error::NotFound)
        });
        assert!(inner.is_err());
        // Only the inner work was undone.
        c.transaction(|c| add_user(c, 12, "Second inner"))?;
        QueryResult::Ok(())
    })?;
    assert_eq!(names(&mut c)[4..], ["Outer", "Second inner"]);
    Ok(())
}

#[test]
fn the_guard_commits_or_rolls_back_on_drop() -> QueryResult<()> {
    let mut c = conn!();
    {
        let mut tx = c.begin_transaction()?;
        add_user(&mut tx, 10, "Dropped")?;
        // Dropped without commit.
    }
    assert_eq!(names(&mut c).len(), 4);
    assert_eq!(c.transaction_depth(), 0);
    let mut tx = c.begin_transaction()?;
    add_user(&mut tx, 10, "Kept")?;
    {
        let mut nested = tx.begin_transaction()?;
        add_user(&mut nested, 11, "Nested rolled back")?;
        nested.rollback()?;
    }
    tx.commit()?;
    assert_eq!(names(&mut c)[4..], ["Kept"]);
    Ok(())
}

#[test]
fn a_failed_commit_is_reported_and_rolled_back() -> QueryResult<()> {
    let mut c = conn!();
    if !DIALECT.deferred_constraints {
        // Nothing fails at COMMIT without deferred constraints.
        return Ok(());
    }
    // The foreign key is checked at COMMIT, which therefore fails.
    let result: QueryResult<()> = c.transaction(|c| c.batch_execute("INSERT INTO children VALUES (1, 99)"));
    match result {
        Err(Error::Database(e)) => assert_eq!(e.kind, DatabaseErrorKind::ForeignKeyViolation),
        other => panic!("expected the COMMIT's foreign key error, got {other:?}"),
    }
    assert_eq!(c.transaction_depth(), 0, "rolled back after the failed COMMIT");
    let n: i64 = children::table.count().get_result(&mut c)?;
    assert_eq!(n, 0);
    Ok(())
}
