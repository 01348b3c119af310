//! Connecting, session set-up, lost connections and `reconnect`, `last_insert_id`, the
//! statement cache, and the errors the server reports.

use quarry::prelude::*;
use quarry::sql_types::{BigInt, Integer, Text};
use quarry::{DatabaseErrorKind, Error, QueryResult};
use quarry_mysql::MysqlConnection;

use super::db_with;
use crate::harness::{connect, url};
use crate::suite::users;

#[derive(QueryableByName, Debug, PartialEq)]
struct One {
    #[quarry(sql_type = Integer)]
    n: i32,
}

#[derive(QueryableByName, Debug)]
struct Setting {
    #[quarry(sql_type = Text)]
    value: String,
}

fn connection_error(r: QueryResult<MysqlConnection>) -> String {
    match r {
        Err(Error::Connection(message)) => message,
        other => panic!("expected a connection error, got {other:?}"),
    }
}

/// The URL without its database, `mysql://user@host:port`.
fn server(url: &str) -> String {
    match url.split_once("://") {
        Some((scheme, rest)) => {
            let authority = rest.split(['/', '?']).next().unwrap_or(rest);
            format!("{scheme}://{authority}")
        }
        None => url.to_owned(),
    }
}

#[test]
fn refused_unknown_database_and_malformed_urls_are_connection_errors() {
    let Some(url) = url() else { return };
    // Nothing listens on port 1.
    let refused = connection_error(MysqlConnection::establish("mysql://root@127.0.0.1:1/test"));
    assert!(
        refused.contains("connect") || refused.contains("refused"),
        "{refused}"
    );
    let unknown = connection_error(MysqlConnection::establish(&format!(
        "{}/quarry_no_such_db",
        server(&url)
    )));
    assert!(unknown.contains("quarry_no_such_db"), "{unknown}");
    for bad in [
        "mysql://[::1",
        "postgres://x@y/z",
        "mysql://h/db?nope=1",
        "mysql://h:99999/db",
    ] {
        assert!(!connection_error(MysqlConnection::establish(bad)).is_empty());
    }
}

#[test]
fn a_bad_password_is_a_connection_error() -> QueryResult<()> {
    let Some(url) = url() else { return Ok(()) };
    let user = format!("quarry_dsl_pw_{}", std::process::id());
    let mut admin = MysqlConnection::establish(&url)?;
    admin.batch_execute(&format!(
        "DROP USER IF EXISTS {user}@'%'; CREATE USER {user}@'%' IDENTIFIED BY 'secret'"
    ))?;
    struct DropUser(String, String);
    impl Drop for DropUser {
        fn drop(&mut self) {
            if let Ok(mut conn) = MysqlConnection::establish(&self.0) {
                let _ = conn.batch_execute(&format!("DROP USER IF EXISTS {}@'%'", self.1));
            }
        }
    }
    let _guard = DropUser(url.clone(), user.clone());
    let host = server(&url);
    let host = host.rsplit_once('@').map_or(host.as_str(), |(_, h)| h).to_owned();
    let ok = MysqlConnection::establish(&format!("mysql://{user}:secret@{host}/"));
    assert!(ok.is_ok(), "the right password works: {ok:?}");
    let denied = connection_error(MysqlConnection::establish(&format!(
        "mysql://{user}:wrong@{host}/"
    )));
    assert!(denied.contains("Access denied"), "{denied}");
    Ok(())
}

#[test]
fn unix_socket_urls_connect() -> QueryResult<()> {
    let Some(url) = url() else { return Ok(()) };
    let socket = "/run/mysqld/mysqld.sock";
    if !std::path::Path::new(socket).exists() {
        use std::io::Write;
        let _ = writeln!(std::io::stderr(), "SKIPPED: no server socket at {socket}");
        return Ok(());
    }
    let user = server(&url)
        .split_once("://")
        .and_then(|(_, rest)| rest.split_once('@'))
        .map(|(user, _)| user.to_owned())
        .unwrap_or_default();
    match MysqlConnection::establish(&format!("mysql://{user}@localhost/?socket={socket}")) {
        Ok(mut conn) => {
            let one: Vec<One> = sql_query("SELECT 1 AS n").load(&mut conn)?;
            assert_eq!(one, [One { n: 1 }]);
        }
        // The user may only be allowed over TCP.
        Err(Error::Connection(m)) if m.contains("Access denied") || m.contains("1698") => {
            use std::io::Write;
            let _ = writeln!(
                std::io::stderr(),
                "SKIPPED: {user} cannot log in over the socket: {m}"
            );
        }
        Err(e) => panic!("connect over {socket}: {e}"),
    }
    Ok(())
}

#[test]
fn sessions_are_strict_and_in_utc() -> QueryResult<()> {
    let mut c =
        db_with!("CREATE TABLE t (id INT PRIMARY KEY, small TINYINT NOT NULL, name VARCHAR(3) NOT NULL)");
    let zone: Vec<Setting> = sql_query("SELECT @@SESSION.time_zone AS value").load(&mut c)?;
    assert_eq!(zone[0].value, "+00:00");
    let mode: Vec<Setting> = sql_query("SELECT @@SESSION.sql_mode AS value").load(&mut c)?;
    assert!(mode[0].value.contains("STRICT_ALL_TABLES"), "{}", mode[0].value);
    // Out of range and too long: errors, not truncation.
    for sql in [
        "INSERT INTO t VALUES (1, 1000, 'a')",
        "INSERT INTO t VALUES (2, 1, 'abcd')",
    ] {
        match c.batch_execute(sql) {
            Err(Error::Database(e)) => {
                assert_eq!(e.kind, DatabaseErrorKind::Other);
                assert!(e.code == "1264" || e.code == "1406", "{e:?}");
                assert!(e.message.contains("column"), "{e:?}");
            }
            other => panic!("expected a database error, got {other:?}"),
        }
    }
    Ok(())
}

#[test]
fn a_killed_connection_is_a_connection_error_and_reconnect_works() -> QueryResult<()> {
    let Some(mut c) = connect() else { return Ok(()) };
    let names = |c: &mut crate::harness::IsolatedConnection| -> QueryResult<Vec<String>> {
        users::table.select(users::name).order_by(users::id).load(c)
    };
    assert_eq!(names(&mut c)?.len(), 4);
    assert!(c.cached_statements() > 0);
    let id = c.connection_id();
    let mut killer = c.another();
    killer.batch_execute(&format!("KILL CONNECTION {id}"))?;
    drop(killer);
    // The cached statement, a new one and a batch all report the lost connection.
    match names(&mut c) {
        Err(Error::Connection(m)) => assert!(!m.is_empty()),
        other => panic!("expected a connection error, got {other:?}"),
    }
    assert!(matches!(
        sql_query("SELECT 1 AS n").load::<One>(&mut c),
        Err(Error::Connection(_))
    ));
    assert!(matches!(c.batch_execute("SELECT 1"), Err(Error::Connection(_))));
    assert!(matches!(c.ping(), Err(Error::Connection(_))));
    // Reconnecting starts a new session, with an empty statement cache and the session set up.
    c.reconnect()?;
    assert_ne!(c.connection_id(), id);
    assert_eq!(c.cached_statements(), 0);
    assert_eq!(names(&mut c)?, ["Ada", "Grace", "Linus", "Barbara"]);
    let zone: Vec<Setting> = sql_query("SELECT @@SESSION.time_zone AS value").load(&mut c)?;
    assert_eq!(zone[0].value, "+00:00");
    Ok(())
}

#[test]
fn a_connection_killed_inside_a_transaction_resets_its_depth_on_reconnect() -> QueryResult<()> {
    let Some(mut c) = connect() else { return Ok(()) };
    let id = c.connection_id();
    let mut killer = c.another();
    let result: QueryResult<()> = c.transaction(|c| {
        c.batch_execute("INSERT INTO users (name, age) VALUES ('Gone', 1)")?;
        killer.batch_execute(&format!("KILL CONNECTION {id}"))?;
        c.batch_execute("INSERT INTO users (name, age) VALUES ('Never', 1)")
    });
    assert!(matches!(result, Err(Error::Connection(_))), "{result:?}");
    assert_eq!(c.transaction_depth(), 0);
    c.reconnect()?;
    let n: i64 = users::table.count().get_result(&mut c)?;
    assert_eq!(n, 4, "the killed transaction was rolled back");
    Ok(())
}

#[test]
fn last_insert_id_follows_the_inserts() -> QueryResult<()> {
    let Some(mut c) = connect() else { return Ok(()) };
    assert_eq!(c.last_insert_id(), 0);
    insert_into(users::table)
        .values((users::name.eq("Edsger"), users::age.eq(72)))
        .execute(&mut c)?;
    assert_eq!(c.last_insert_id(), 5);
    // Several rows: the first one's id.
    insert_into(users::table)
        .values(vec![
            (users::name.eq("A"), users::age.eq(1)),
            (users::name.eq("B"), users::age.eq(2)),
        ])
        .execute(&mut c)?;
    assert_eq!(c.last_insert_id(), 6);
    // Statements that insert nothing leave it alone.
    update(users::table.filter(users::id.eq(1)))
        .set(users::age.eq(37))
        .execute(&mut c)?;
    let _: Vec<i32> = users::table.select(users::id).load(&mut c)?;
    assert_eq!(c.last_insert_id(), 6);
    // Raw SQL and batches count too.
    sql_query("INSERT INTO users (name, age) VALUES (?, 3)")
        .bind::<Text, _>("C")
        .execute(&mut c)?;
    assert_eq!(c.last_insert_id(), 8);
    c.batch_execute("INSERT INTO users (name, age) VALUES ('D', 4)")?;
    assert_eq!(c.last_insert_id(), 9);
    #[derive(QueryableByName)]
    struct Id {
        #[quarry(sql_type = BigInt)]
        id: i64,
    }
    let server_side: Vec<Id> = sql_query("SELECT CAST(LAST_INSERT_ID() AS SIGNED) AS id").load(&mut c)?;
    assert_eq!(server_side[0].id, 9);
    Ok(())
}

#[test]
fn several_statements_in_one_prepared_statement_are_refused_with_a_clear_message() -> QueryResult<()> {
    let Some(mut c) = connect() else { return Ok(()) };
    match sql_query("UPDATE users SET age = 1; DELETE FROM comments").execute(&mut c) {
        Err(Error::Database(e)) => {
            assert_eq!(e.code, "1064");
            assert!(e.message.contains("multiple statements"), "{}", e.message);
            assert!(e.message.contains("batch_execute"), "{}", e.message);
        }
        other => panic!("expected a syntax error, got {other:?}"),
    }
    // A plain syntax error keeps the server's message only.
    match sql_query("SELEC 1").execute(&mut c) {
        Err(Error::Database(e)) => {
            assert_eq!(e.code, "1064");
            assert!(!e.message.contains("multiple statements"), "{}", e.message);
        }
        other => panic!("expected a syntax error, got {other:?}"),
    }
    Ok(())
}

#[test]
fn the_statement_cache_can_be_turned_off_and_a_failed_statement_leaves_it_usable() -> QueryResult<()> {
    let Some(mut c) = connect() else { return Ok(()) };
    c.set_statement_cache_capacity(0);
    for _ in 0..3 {
        let n: i64 = users::table.count().get_result(&mut c)?;
        assert_eq!(n, 4);
    }
    assert_eq!(c.cached_statements(), 0);
    c.set_statement_cache_capacity(10);
    let q = || users::table.select(users::name).filter(users::id.eq(1));
    let _: String = q().first(&mut c)?;
    // A column the statement reads is dropped: the cached statement fails, then works again
    // once the column is back.
    c.batch_execute("ALTER TABLE users CHANGE name full_name TEXT NOT NULL")?;
    assert!(matches!(q().first::<String>(&mut c), Err(Error::Database(_))));
    c.batch_execute("ALTER TABLE users CHANGE full_name name TEXT NOT NULL")?;
    assert_eq!(q().first::<String>(&mut c)?, "Ada");
    Ok(())
}
