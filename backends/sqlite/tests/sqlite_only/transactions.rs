//! SQLite's transaction modes: IMMEDIATE and EXCLUSIVE take the write lock at BEGIN.

use super::*;
use quarry::prelude::*;
use quarry::{DatabaseErrorKind, Error, QueryResult};
use quarry_sqlite::TransactionBehavior;

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
fn immediate_and_exclusive_transactions() -> QueryResult<()> {
    let path = std::env::temp_dir().join(format!("quarry-tx-{}.db", std::process::id()));
    let path_str = path.to_str().expect("utf-8 temp path").to_owned();
    let _ = std::fs::remove_file(&path);
    let mut a = TestConnection::establish(&path_str)?;
    crate::harness::create_schema(&mut a);
    let mut b = TestConnection::establish(&path_str)?;
    b.batch_execute("PRAGMA busy_timeout = 0")?;
    a.immediate_transaction(|a| {
        // `a` holds the write lock from BEGIN on: `b` cannot start its own write transaction.
        let blocked = b.transaction_with_behavior(TransactionBehavior::Immediate, |_| QueryResult::Ok(()));
        match blocked {
            Err(Error::Database(e)) => assert_eq!(e.kind, DatabaseErrorKind::Busy),
            other => panic!("expected SQLITE_BUSY, got {other:?}"),
        }
        add_user(a, 10, "Locked")
    })?;
    b.exclusive_transaction(|b| add_user(b, 11, "Exclusive"))?;
    assert_eq!(names(&mut a)[4..], ["Locked", "Exclusive"]);
    drop((a, b));
    let _ = std::fs::remove_file(&path);
    Ok(())
}

#[test]
fn schemas_with_foreign_keys_can_be_declared_inside_a_function() -> QueryResult<()> {
    quarry::table! {
        owners (id) { id -> Integer, name -> Text, }
        pets (id) { id -> Integer, #[references(owners::id)] owner_id -> Integer, name -> Text, }
    }
    let mut c = TestConnection::establish(":memory:")?;
    c.batch_execute(
        "CREATE TABLE owners (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
         CREATE TABLE pets (id INTEGER PRIMARY KEY, owner_id INTEGER NOT NULL, name TEXT NOT NULL);
         INSERT INTO owners VALUES (1, 'Ann'); INSERT INTO pets VALUES (1, 1, 'Rex');",
    )?;
    let rows: Vec<(String, String)> = owners::table
        .inner_join(pets::table)
        .select((owners::name, pets::name))
        .load(&mut c)?;
    assert_eq!(rows, vec![("Ann".into(), "Rex".into())]);
    let fk = &<pets::table as quarry::schema::Table>::metadata().foreign_keys[0];
    assert_eq!(
        (fk.columns, fk.references_table, fk.references_columns),
        (&["owner_id"][..], "owners", &["id"][..])
    );
    Ok(())
}
