//! Transactions with an isolation level, READ ONLY, and retries.

use quarry::prelude::*;
use quarry::{DatabaseErrorKind, Error, QueryResult};

use super::db_with;

quarry::table! {
    items (id) {
        id -> Integer,
        name -> Text,
    }
}

const ITEMS: &str =
    "CREATE TABLE items (id INT AUTO_INCREMENT PRIMARY KEY, name TEXT NOT NULL) ENGINE=InnoDB;
    INSERT INTO items (name) VALUES ('first')";

fn count(c: &mut quarry_mysql::MysqlConnection) -> QueryResult<i64> {
    items::table.count().get_result(c)
}

#[test]
fn repeatable_read_keeps_its_snapshot_and_read_committed_does_not() -> QueryResult<()> {
    let mut c = db_with!(ITEMS);
    let mut writer = c.another();
    let seen = c.build_transaction().repeatable_read().run(|c| {
        let before = count(c)?;
        writer.batch_execute("INSERT INTO items (name) VALUES ('during RR')")?;
        let after = count(c)?;
        QueryResult::Ok((before, after))
    })?;
    assert_eq!(seen, (1, 1), "one snapshot for the whole transaction");
    let seen = c.build_transaction().read_committed().run(|c| {
        let before = count(c)?;
        writer.batch_execute("INSERT INTO items (name) VALUES ('during RC')")?;
        let after = count(c)?;
        QueryResult::Ok((before, after))
    })?;
    assert_eq!(seen, (2, 3), "each statement sees what was committed before it");
    // The level applied to that transaction only: the session is back to its default.
    #[derive(QueryableByName)]
    struct Level {
        #[quarry(sql_type = quarry::sql_types::Text)]
        level: String,
    }
    let level: Vec<Level> = sql_query("SELECT @@SESSION.tx_isolation AS level").load(&mut *c)?;
    assert_eq!(level[0].level, "REPEATABLE-READ");
    // A consistent snapshot is taken at START TRANSACTION, before the first read.
    let seen = c
        .build_transaction()
        .repeatable_read()
        .with_consistent_snapshot()
        .run(|c| {
            writer.batch_execute("INSERT INTO items (name) VALUES ('after the snapshot')")?;
            count(c)
        })?;
    assert_eq!(seen, 3);
    Ok(())
}

#[test]
fn read_only_transactions_refuse_writes() -> QueryResult<()> {
    let mut c = db_with!(ITEMS);
    let builder = c.build_transaction().serializable().read_only();
    assert_eq!(
        builder.begin_sql(),
        "SET TRANSACTION ISOLATION LEVEL SERIALIZABLE; START TRANSACTION READ ONLY"
    );
    let result: QueryResult<usize> = builder.run(|c| {
        assert_eq!(count(c)?, 1);
        insert_into(items::table).values(items::name.eq("no")).execute(c)
    });
    match result {
        Err(Error::Database(e)) => {
            assert_eq!(e.code, "1792");
            assert!(e.message.contains("READ ONLY"), "{}", e.message);
        }
        other => panic!("expected a READ ONLY error, got {other:?}"),
    }
    assert_eq!(c.transaction_depth(), 0);
    // A guard works too, and commits.
    let mut tx = c.build_transaction().read_write().begin()?;
    insert_into(items::table)
        .values(items::name.eq("yes"))
        .execute(&mut *tx)?;
    tx.commit()?;
    assert_eq!(count(&mut c)?, 2);
    Ok(())
}

#[test]
fn options_cannot_apply_to_a_nested_transaction() -> QueryResult<()> {
    let mut c = db_with!(ITEMS);
    let mut tx = c.begin_transaction()?;
    match tx.build_transaction().serializable().run(|_| QueryResult::Ok(())) {
        Err(Error::QueryBuilder(m)) => assert!(m.contains("already open"), "{m}"),
        other => panic!("expected a builder error, got {other:?}"),
    }
    tx.rollback()?;
    Ok(())
}

#[test]
fn run_retrying_retries_a_deadlock_victim() -> QueryResult<()> {
    let mut c = db_with!(ITEMS);
    let mut attempts = 0;
    let n = c.build_transaction().run_retrying(3, |c| {
        attempts += 1;
        if attempts == 1 {
            // What a deadlock victim gets: the whole transaction was rolled back.
            return Err(Error::Database(quarry::DatabaseError {
                kind: DatabaseErrorKind::Deadlock,
                message: "Deadlock found when trying to get lock".into(),
                code: "1213".into(),
                constraint: None,
            }));
        }
        insert_into(items::table)
            .values(items::name.eq("retried"))
            .execute(c)?;
        count(c)
    })?;
    assert_eq!((attempts, n), (2, 2));
    Ok(())
}
