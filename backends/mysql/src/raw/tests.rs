//! Tests of the C API wrapper against a real server at `QUARRY_MYSQL_URL` (e.g.
//! `mysql://root@127.0.0.1:3306/test`; the user must be able to create databases and users and
//! to `KILL` connections).
//!
//! Without the variable each server test prints `SKIPPED: QUARRY_MYSQL_URL not set` to stderr and
//! returns. Each server test works in a database of its own (`quarry_raw_<pid>_<n>`), dropped at
//! the end (also when the test fails), so parallel runs do not interfere.

use std::borrow::Cow;
use std::io::Write;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::mysql_options::MysqlConnectOptions;
use super::{
    MysqlColumnFlags, MysqlConnection, MysqlErrorKind, MysqlParam, MysqlRows, MysqlTime, MysqlTimeKind,
    MysqlType, MysqlValueRef, BINARY_CHARSET,
};

static NEXT_DB: AtomicUsize = AtomicUsize::new(0);

// Connections and statements move between threads.
const _: fn() = || {
    fn send<T: Send>() {}
    send::<MysqlConnection>();
    send::<super::MysqlStatement>();
};

/// The server URL, or `None` after printing the skip line.
fn url() -> Option<String> {
    match std::env::var("QUARRY_MYSQL_URL") {
        Ok(url) if !url.is_empty() => Some(url),
        _ => {
            let _ = std::io::stderr().write_all(b"SKIPPED: QUARRY_MYSQL_URL not set\n");
            None
        }
    }
}

fn options(url: &str) -> MysqlConnectOptions {
    MysqlConnectOptions::from_url(url).expect("QUARRY_MYSQL_URL parses")
}

fn connect_with(options: MysqlConnectOptions) -> MysqlConnection {
    match MysqlConnection::connect_with(options) {
        Ok(conn) => conn,
        Err(e) => panic!("connect to QUARRY_MYSQL_URL: {e}"),
    }
}

/// A database of its own for one test, dropped when the test ends (even if it panicked), over a
/// connection of its own.
struct TestDb {
    url: String,
    name: String,
}

impl TestDb {
    fn new(url: &str) -> Self {
        let name = format!(
            "quarry_raw_{}_{}",
            std::process::id(),
            NEXT_DB.fetch_add(1, Ordering::Relaxed)
        );
        let mut conn = connect_with(options(url));
        conn.query(&format!(
            "DROP DATABASE IF EXISTS {name}; CREATE DATABASE {name} CHARACTER SET utf8mb4"
        ))
        .expect("create the test database");
        Self {
            url: url.to_owned(),
            name,
        }
    }

    /// Options for a connection to this database.
    fn options(&self) -> MysqlConnectOptions {
        MysqlConnectOptions {
            database: Some(self.name.clone()),
            ..options(&self.url)
        }
    }

    fn connect(&self) -> MysqlConnection {
        connect_with(self.options())
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Ok(mut conn) = MysqlConnection::connect(&self.url) {
            let _ = conn.query(&format!("DROP DATABASE IF EXISTS {}", self.name));
        }
    }
}

/// Every row of a result, each value turned into an owned description for comparisons.
fn collect(mut rows: MysqlRows<'_>) -> Vec<Vec<Owned>> {
    let mut out = Vec::new();
    while let Some(row) = rows.next_row().expect("fetch a row") {
        out.push(
            (0..row.len())
                .map(|i| Owned::from(row.get(i).expect("in range")))
                .collect(),
        );
    }
    out
}

/// An owned copy of a [`MysqlValueRef`].
#[derive(Debug, Clone, PartialEq)]
enum Owned {
    Null,
    Int(i64),
    UInt(u64),
    Float(f32),
    Double(f64),
    Time(MysqlTime),
    Bytes(Vec<u8>),
}

impl From<MysqlValueRef<'_>> for Owned {
    fn from(value: MysqlValueRef<'_>) -> Self {
        match value {
            MysqlValueRef::Null => Self::Null,
            MysqlValueRef::Int(v) => Self::Int(v),
            MysqlValueRef::UInt(v) => Self::UInt(v),
            MysqlValueRef::Float(v) => Self::Float(v),
            MysqlValueRef::Double(v) => Self::Double(v),
            MysqlValueRef::Time(v) => Self::Time(v),
            MysqlValueRef::Bytes(v) => Self::Bytes(v.to_vec()),
        }
    }
}

fn text(s: &str) -> Owned {
    Owned::Bytes(s.as_bytes().to_vec())
}

#[test]
fn url_parsing() {
    let o =
        MysqlConnectOptions::from_url("mysql://us%40er:p%3Ass%2Fw@db.example:3307/my%20db?connect_timeout=3")
            .expect("parses");
    assert_eq!(o.user.as_deref(), Some("us@er"));
    assert_eq!(o.password.as_deref(), Some("p:ss/w"));
    assert_eq!(o.host.as_deref(), Some("db.example"));
    assert_eq!(o.port, 3307);
    assert_eq!(o.database.as_deref(), Some("my db"));
    assert_eq!(o.connect_timeout_secs, Some(3));
    assert!(!format!("{o:?}").contains("p:ss/w"), "Debug hides the password");

    let o = MysqlConnectOptions::from_url("mysql://root@127.0.0.1/test").expect("parses");
    assert_eq!((o.user.as_deref(), o.password.as_deref()), (Some("root"), None));
    assert_eq!((o.host.as_deref(), o.port), (Some("127.0.0.1"), 3306));

    let o = MysqlConnectOptions::from_url("MariaDB://[::1]:3310").expect("parses");
    assert_eq!(
        (o.host.as_deref(), o.port, o.database.as_deref()),
        (Some("::1"), 3310, None)
    );

    for socket_key in ["socket", "unix_socket"] {
        let o = MysqlConnectOptions::from_url(&format!(
            "mysql://root@localhost/test?{socket_key}=%2Frun%2Fmysqld%2Fmysqld.sock"
        ))
        .expect("parses");
        assert_eq!(o.unix_socket.as_deref(), Some("/run/mysqld/mysqld.sock"));
    }

    for bad in [
        "postgres://root@localhost/test",
        "mysql://root@localhost:99999/test",
        "mysql://root@localhost:port/test",
        "mysql://root@localhost/test?sslmode=on",
        "mysql://root@localhost/test?connect_timeout=soon",
        "mysql://ro%zzot@localhost/test",
        "mysql://ro%+1ot@localhost/test",
        "mysql://root@[::1/test",
        "mysql://root@localhost/te%FFst",
    ] {
        let err = MysqlConnectOptions::from_url(bad).expect_err(bad);
        assert_eq!(err.kind, MysqlErrorKind::Connection, "{bad}: {err}");
    }
}

#[test]
fn connect_uses_utf8mb4_and_round_trips_emoji() {
    let Some(url) = url() else { return };
    let db = TestDb::new(&url);
    let mut conn = db.connect();
    assert_eq!(conn.character_set_name(), "utf8mb4");
    assert!(conn.server_version() > 50000, "{}", conn.server_version());
    assert!(!conn.server_info().is_empty());
    conn.ping().expect("ping");
    let rows = conn
        .query_rows("SELECT @@character_set_client, @@character_set_connection, @@character_set_results")
        .expect("query");
    assert_eq!(rows, vec![vec![Some(b"utf8mb4".to_vec()); 3]]);

    conn.query(
        "CREATE TABLE t (id INT PRIMARY KEY AUTO_INCREMENT, s VARCHAR(20) CHARACTER SET utf8mb4 NOT NULL);
         INSERT INTO t (s) VALUES ('🐢 literal')",
    )
    .expect("create and fill");
    let mut insert = conn.prepare("INSERT INTO t (s) VALUES (?)").expect("prepare");
    let rows = insert
        .execute(&mut conn, &[MysqlParam::Text(Cow::Borrowed("🐢 bound"))])
        .expect("insert");
    assert_eq!(rows.affected_rows(), Some(1));
    assert_eq!(rows.insert_id(), 2);
    drop(rows);

    let mut select = conn
        .prepare("SELECT s, HEX(s) FROM t ORDER BY id")
        .expect("prepare");
    assert_eq!(select.columns().len(), 2);
    let rows = select.execute(&mut conn, &[]).expect("select");
    assert_eq!(
        collect(rows),
        vec![
            vec![text("🐢 literal"), text("F09F90A2206C69746572616C")],
            vec![text("🐢 bound"), text("F09F90A220626F756E64")],
        ]
    );
    // The text protocol sees the same.
    let rows = conn.query_rows("SELECT s FROM t WHERE id = 2").expect("query");
    assert_eq!(rows, vec![vec![Some("🐢 bound".as_bytes().to_vec())]]);
}

#[test]
fn refused_connection_is_a_connection_error() {
    let Some(url) = url() else { return };
    let options = MysqlConnectOptions {
        host: Some("127.0.0.1".to_owned()),
        port: 1,
        unix_socket: None,
        ..options(&url)
    };
    let err = MysqlConnection::connect_with(options).expect_err("nothing listens on port 1");
    assert_eq!(err.kind, MysqlErrorKind::Connection, "{err}");
    assert!(matches!(err.errno, 2002 | 2003), "{err}");
}

#[test]
fn wrong_password_is_1045() {
    let Some(url) = url() else { return };
    let user = format!("quarry_pw_{}", std::process::id());
    let mut admin = connect_with(options(&url));
    admin
        .query(&format!(
            "DROP USER IF EXISTS {user}@'%'; CREATE USER IF NOT EXISTS {user}@'%' IDENTIFIED BY 'secret'"
        ))
        .expect("create user");
    struct DropUser(String, String);
    impl Drop for DropUser {
        fn drop(&mut self) {
            if let Ok(mut conn) = MysqlConnection::connect(&self.0) {
                let _ = conn.query(&format!("DROP USER IF EXISTS {}@'%'", self.1));
            }
        }
    }
    let _guard = DropUser(url.clone(), user.clone());
    let as_user = |password: Option<&str>| MysqlConnectOptions {
        user: Some(user.clone()),
        password: password.map(str::to_owned),
        database: None,
        ..options(&url)
    };

    // The right password works, so the server does check passwords for this user.
    let mut conn = MysqlConnection::connect_with(as_user(Some("secret"))).expect("right password");
    let rows = conn.query_rows("SELECT CURRENT_USER()").expect("query");
    assert_eq!(rows, vec![vec![Some(format!("{user}@%").into_bytes())]]);

    for password in [Some("wrong"), None] {
        let err = MysqlConnection::connect_with(as_user(password)).expect_err("wrong password");
        assert_eq!(err.kind, MysqlErrorKind::Connection, "{err}");
        assert_eq!(err.errno, 1045, "{err}");
        assert_eq!(err.sqlstate.as_deref(), Some("28000"), "{err}");
    }
}

#[test]
fn unknown_database_is_1049() {
    let Some(url) = url() else { return };
    let options = MysqlConnectOptions {
        database: Some(format!("quarry_no_such_db_{}", std::process::id())),
        ..options(&url)
    };
    let err = MysqlConnection::connect_with(options).expect_err("unknown database");
    assert_eq!(err.kind, MysqlErrorKind::Connection, "{err}");
    assert_eq!(err.errno, 1049, "{err}");
    assert_eq!(err.sqlstate.as_deref(), Some("42000"), "{err}");
}

#[test]
fn killed_connection_is_lost_and_reconnect_works() {
    let Some(url) = url() else { return };
    let db = TestDb::new(&url);
    let mut victim = db.connect();
    let mut killer = db.connect();
    let mut stmt = victim.prepare("SELECT 1").expect("prepare");
    let id = victim.connection_id();
    killer.query(&format!("KILL CONNECTION {id}")).expect("kill");

    let err = stmt
        .execute(&mut victim, &[])
        .expect_err("the connection was killed");
    assert_eq!(err.kind, MysqlErrorKind::ConnectionLost, "{err}");
    assert!(err.is_connection_lost());
    let err = victim.query("SELECT 1").expect_err("still gone");
    assert_eq!(err.kind, MysqlErrorKind::ConnectionLost, "{err}");
    assert!(matches!(err.errno, 2006 | 2013 | 2055 | 1927), "{err}");
    let err = victim.ping().expect_err("still gone");
    assert_eq!(err.kind, MysqlErrorKind::ConnectionLost, "{err}");

    victim.reconnect().expect("reconnect");
    assert_ne!(victim.connection_id(), id);
    victim.ping().expect("ping after reconnect");
    assert_eq!(victim.character_set_name(), "utf8mb4");
    assert_eq!(
        victim.query_rows("SELECT DATABASE()").expect("query"),
        vec![vec![Some(db.name.clone().into_bytes())]]
    );
    // Statements of the old session refuse to run; new ones work.
    let err = stmt.execute(&mut victim, &[]).expect_err("stale statement");
    assert_eq!(err.kind, MysqlErrorKind::Client, "{err}");
    drop(stmt);
    let mut stmt = victim.prepare("SELECT 2").expect("prepare again");
    let rows = stmt.execute(&mut victim, &[]).expect("run");
    assert_eq!(collect(rows), vec![vec![Owned::Int(2)]]);
}

#[test]
fn prepared_statements_bind_and_read_every_type() {
    let Some(url) = url() else { return };
    let db = TestDb::new(&url);
    let mut conn = db.connect();
    conn.query(
        "CREATE TABLE v (
            id INT NOT NULL PRIMARY KEY,
            i8 TINYINT, i16 SMALLINT, i32 INT, i64 BIGINT,
            u8 TINYINT UNSIGNED, u16 SMALLINT UNSIGNED, u32 INT UNSIGNED, u64 BIGINT UNSIGNED,
            f32 FLOAT, f64 DOUBLE,
            txt VARCHAR(100), bin VARBINARY(100), dec_ DECIMAL(10, 2),
            d DATE, t TIME(6), dt DATETIME(6), ts TIMESTAMP(6) NULL
        )",
    )
    .expect("create");
    let date = MysqlTime::date(2024, 2, 29);
    let time = MysqlTime::time(true, 100, 30, 15, 250_000);
    let datetime = MysqlTime::date_time((2024, 2, 29), (23, 59, 58), 123_456);
    let mut insert = conn
        .prepare("INSERT INTO v VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .expect("prepare");
    assert_eq!(insert.param_count(), 18);
    let full = [
        MysqlParam::I32(1),
        MysqlParam::I8(i8::MIN),
        MysqlParam::I16(i16::MIN),
        MysqlParam::I32(i32::MIN),
        MysqlParam::I64(i64::MIN),
        MysqlParam::U8(u8::MAX),
        MysqlParam::U16(u16::MAX),
        MysqlParam::U32(u32::MAX),
        MysqlParam::U64(u64::MAX),
        MysqlParam::F32(1.5),
        MysqlParam::F64(-2.25e100),
        MysqlParam::Text(Cow::Owned("héllo".to_owned())),
        MysqlParam::Bytes(Cow::Borrowed(&[0, 1, 2, 255])),
        MysqlParam::Decimal(Cow::Borrowed("-12.50")),
        MysqlParam::Time(date),
        MysqlParam::Time(time),
        MysqlParam::Time(datetime),
        MysqlParam::Time(datetime),
    ];
    insert.execute(&mut conn, &full).expect("insert values");
    let mut nulls = vec![MysqlParam::Null; 18];
    nulls[0] = MysqlParam::I32(2);
    insert.execute(&mut conn, &nulls).expect("insert NULLs");
    // Empty text and bytes are not NULL.
    let mut empty = vec![MysqlParam::Null; 18];
    empty[0] = MysqlParam::I32(3);
    empty[11] = MysqlParam::Text(Cow::Borrowed(""));
    empty[12] = MysqlParam::Bytes(Cow::Borrowed(&[]));
    insert.execute(&mut conn, &empty).expect("insert empty values");

    let mut select = conn.prepare("SELECT * FROM v ORDER BY id").expect("prepare");
    let rows = select.execute(&mut conn, &[]).expect("select");
    let columns = rows.columns().to_vec();
    let got = collect(rows);
    let expected_full = vec![
        Owned::Int(1),
        Owned::Int(i64::from(i8::MIN)),
        Owned::Int(i64::from(i16::MIN)),
        Owned::Int(i64::from(i32::MIN)),
        Owned::Int(i64::MIN),
        Owned::UInt(u64::from(u8::MAX)),
        Owned::UInt(u64::from(u16::MAX)),
        Owned::UInt(u64::from(u32::MAX)),
        Owned::UInt(u64::MAX),
        Owned::Float(1.5),
        Owned::Double(-2.25e100),
        text("héllo"),
        Owned::Bytes(vec![0, 1, 2, 255]),
        text("-12.50"),
        Owned::Time(date),
        Owned::Time(time),
        Owned::Time(datetime),
        Owned::Time(datetime),
    ];
    let mut expected_nulls = vec![Owned::Null; 18];
    expected_nulls[0] = Owned::Int(2);
    let mut expected_empty = vec![Owned::Null; 18];
    expected_empty[0] = Owned::Int(3);
    expected_empty[11] = Owned::Bytes(Vec::new());
    expected_empty[12] = Owned::Bytes(Vec::new());
    assert_eq!(got, vec![expected_full, expected_nulls, expected_empty]);

    // Metadata: types, flags, charsets.
    let types: Vec<MysqlType> = columns.iter().map(|c| c.column_type).collect();
    assert_eq!(
        types,
        [
            MysqlType::Long,
            MysqlType::Tiny,
            MysqlType::Short,
            MysqlType::Long,
            MysqlType::LongLong,
            MysqlType::Tiny,
            MysqlType::Short,
            MysqlType::Long,
            MysqlType::LongLong,
            MysqlType::Float,
            MysqlType::Double,
            MysqlType::VarString,
            MysqlType::VarString,
            MysqlType::NewDecimal,
            MysqlType::Date,
            MysqlType::Time,
            MysqlType::DateTime,
            MysqlType::Timestamp,
        ]
    );
    let names: Vec<&str> = columns.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(&names[..3], ["id", "i8", "i16"]);
    assert!(columns[0].is_not_null() && columns[0].flags.contains(MysqlColumnFlags::PRIMARY_KEY));
    assert!(!columns[1].is_not_null());
    assert!(columns[5..9].iter().all(|c| c.is_unsigned()));
    assert!(columns[1..5].iter().all(|c| !c.is_unsigned()));
    assert!(!columns[11].is_binary(), "VARCHAR is text");
    assert!(
        columns[12].is_binary() && columns[12].charset == BINARY_CHARSET,
        "VARBINARY is bytes"
    );
    assert_eq!(columns[13].decimals, 2);
    assert_eq!(columns[16].decimals, 6);

    // Extremes through `SELECT ?`: the server takes the parameter's type.
    let mut echo = conn.prepare("SELECT ?, ?, ?").expect("prepare");
    let rows = echo
        .execute(
            &mut conn,
            &[
                MysqlParam::U64(18_446_744_073_709_551_615),
                MysqlParam::I64(i64::MIN),
                MysqlParam::Null,
            ],
        )
        .expect("echo");
    assert_eq!(
        collect(rows),
        vec![vec![Owned::UInt(u64::MAX), Owned::Int(i64::MIN), Owned::Null]]
    );
    let rows = echo
        .execute(
            &mut conn,
            &[
                MysqlParam::F64(0.1),
                MysqlParam::Time(time),
                MysqlParam::Time(date),
            ],
        )
        .expect("echo again");
    assert_eq!(
        collect(rows),
        vec![vec![Owned::Double(0.1), Owned::Time(time), Owned::Time(date)]]
    );

    // Other column types, read without parameters.
    conn.query(
        "CREATE TABLE m (y YEAR, bits BIT(4), e ENUM('a', 'b'), s SET('x', 'y'), j JSON);
         INSERT INTO m VALUES (1999, b'1010', 'b', 'x,y', '{\"a\": 1}')",
    )
    .expect("create m");
    let mut misc = conn
        .prepare(
            "SELECT y, bits, e, s, j, CAST('2024-01-02 03:04:05.5' AS DATETIME(1)), TIME '-838:59:59',
                    CAST(12345.678 AS DECIMAL(9, 3)), NULL
             FROM m",
        )
        .expect("prepare");
    let rows = misc.execute(&mut conn, &[]).expect("misc");
    assert_eq!(rows.columns()[0].column_type, MysqlType::Year);
    assert_eq!(rows.columns()[1].column_type, MysqlType::Bit);
    let got = collect(rows);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0][0], Owned::UInt(1999));
    assert_eq!(got[0][1], Owned::Bytes(vec![0b1010]));
    assert_eq!(got[0][2], text("b"));
    assert_eq!(got[0][3], text("x,y"));
    assert_eq!(got[0][4], text("{\"a\": 1}"));
    assert_eq!(
        got[0][5],
        Owned::Time(MysqlTime::date_time((2024, 1, 2), (3, 4, 5), 500_000))
    );
    assert_eq!(got[0][6], Owned::Time(MysqlTime::time(true, 838, 59, 59, 0)));
    assert_eq!(got[0][7], text("12345.678"));
    assert_eq!(got[0][8], Owned::Null);
    if let Owned::Time(t) = &got[0][6] {
        assert_eq!(t.kind, MysqlTimeKind::Time);
    }
}

#[test]
fn long_values_are_fetched_in_full() {
    let Some(url) = url() else { return };
    let db = TestDb::new(&url);
    let mut conn = db.connect();
    conn.query("CREATE TABLE big (id INT PRIMARY KEY, b LONGBLOB, t MEDIUMTEXT CHARACTER SET utf8mb4)")
        .expect("create");
    let blob: Vec<u8> = (0..1024 * 1024)
        .map(|i: u32| (i.wrapping_mul(7) % 251) as u8)
        .collect();
    let long_text: String = "abc🐢".repeat(100_000 / 7 + 1);
    assert!(long_text.len() >= 100_000);
    let mut insert = conn.prepare("INSERT INTO big VALUES (?, ?, ?)").expect("prepare");
    type Row<'a> = (i32, Option<&'a [u8]>, Option<&'a str>);
    let rows_to_insert: [Row<'_>; 4] = [
        (1, Some(b"short"), Some("short")),
        (2, Some(&blob), Some(&long_text)),
        (3, Some(b"x"), Some("y")),
        (4, None, None),
    ];
    for (id, b, t) in rows_to_insert {
        let params = [
            MysqlParam::I32(id),
            b.map_or(MysqlParam::Null, |b| MysqlParam::Bytes(Cow::Borrowed(b))),
            t.map_or(MysqlParam::Null, |t| MysqlParam::Text(Cow::Borrowed(t))),
        ];
        insert.execute(&mut conn, &params).expect("insert");
    }
    let expected = vec![
        vec![Owned::Int(1), text("short"), text("short")],
        vec![Owned::Int(2), Owned::Bytes(blob.clone()), text(&long_text)],
        vec![Owned::Int(3), text("x"), text("y")],
        vec![Owned::Int(4), Owned::Null, Owned::Null],
    ];
    let mut select = conn
        .prepare("SELECT id, b, t FROM big ORDER BY id")
        .expect("prepare");
    // Unbuffered, then buffered, then unbuffered again (after the buffers grew and shrank).
    let rows = select.execute(&mut conn, &[]).expect("select");
    assert_eq!(collect(rows), expected);
    let rows = select.execute_buffered(&mut conn, &[]).expect("select buffered");
    assert_eq!(rows.row_count(), Some(4));
    assert_eq!(collect(rows), expected);
    let rows = select.execute(&mut conn, &[]).expect("select again");
    assert_eq!(collect(rows), expected);

    // In place: the row borrows the statement's buffer.
    let mut rows = select.execute(&mut conn, &[]).expect("select");
    let _ = rows.next_row().expect("row 1");
    let row = rows.next_row().expect("row 2").expect("a second row");
    assert_eq!(
        row.get(1).and_then(|v| v.as_bytes()).map(<[u8]>::len),
        Some(blob.len())
    );
    assert_eq!(row.get(2).and_then(|v| v.as_str()), Some(long_text.as_str()));
    assert!(row.get(3).is_none());
    assert!(row.is_null(3));
    // Dropping the rows early discards the rest; the connection is usable again.
    drop(rows);

    // A value over 1 MiB: its buffer grows, shrinks back at the next execution, grows again.
    let mut huge = conn.prepare("SELECT REPEAT('z', ?), 'after'").expect("prepare");
    for len in [2 * 1024 * 1024 + 3, 10, 2 * 1024 * 1024 + 3] {
        let rows = huge.execute(&mut conn, &[MysqlParam::U32(len)]).expect("select");
        let got = collect(rows);
        let expected_len = usize::try_from(len).expect("fits");
        assert_eq!(
            got,
            vec![vec![Owned::Bytes(vec![b'z'; expected_len]), text("after")]]
        );
    }
    assert_eq!(
        conn.query_rows("SELECT COUNT(*) FROM big").expect("count"),
        vec![vec![Some(b"4".to_vec())]]
    );
}

#[test]
fn batches_run_every_statement() {
    let Some(url) = url() else { return };
    let db = TestDb::new(&url);
    let mut conn = db.connect();
    conn.query(
        "CREATE TABLE a (id INT PRIMARY KEY, n INT NOT NULL);
         INSERT INTO a VALUES (1, 10), (2, 20);
         SELECT * FROM a;
         INSERT INTO a VALUES (3, 30);
         UPDATE a SET n = n + 1 WHERE id >= 2;
         SELECT COUNT(*) FROM a",
    )
    .expect("batch");
    assert_eq!(
        conn.affected_rows(),
        Some(1),
        "the last statement's count (a SELECT)"
    );
    assert_eq!(
        conn.query_rows("SELECT id, n FROM a ORDER BY id").expect("query"),
        vec![
            vec![Some(b"1".to_vec()), Some(b"10".to_vec())],
            vec![Some(b"2".to_vec()), Some(b"21".to_vec())],
            vec![Some(b"3".to_vec()), Some(b"31".to_vec())],
        ]
    );
    // UPDATE reports matched rows (found_rows), also when nothing changes.
    conn.query("UPDATE a SET n = n WHERE id = 1").expect("update");
    assert_eq!(conn.affected_rows(), Some(1));

    // A failing statement stops the batch; the connection stays usable.
    let err = conn
        .query("INSERT INTO a VALUES (4, 40); SELEC 1; INSERT INTO a VALUES (5, 50)")
        .expect_err("syntax error in the middle");
    assert_eq!(err.kind, MysqlErrorKind::Server, "{err}");
    assert_eq!(err.errno, 1064, "{err}");
    assert_eq!(
        conn.query_rows("SELECT id FROM a WHERE id >= 4").expect("query"),
        vec![vec![Some(b"4".to_vec())]]
    );
    // Statements without result sets give no rows.
    assert_eq!(
        conn.query_rows("DO 1").expect("DO"),
        Vec::<Vec<Option<Vec<u8>>>>::new()
    );
}

#[test]
fn server_errors_carry_errno_and_sqlstate() {
    let Some(url) = url() else { return };
    let db = TestDb::new(&url);
    let mut conn = db.connect();

    let err = conn.prepare("SELEC 1").expect_err("syntax error");
    assert_eq!((err.kind, err.errno), (MysqlErrorKind::Server, 1064), "{err}");
    assert_eq!(err.sqlstate.as_deref(), Some("42000"), "{err}");
    assert!(err.to_string().contains("1064"), "{err}");
    let err = conn.query("SELEC 1").expect_err("syntax error");
    assert_eq!((err.kind, err.errno), (MysqlErrorKind::Server, 1064), "{err}");
    assert_eq!(err.sqlstate.as_deref(), Some("42000"), "{err}");

    conn.query("CREATE TABLE u (id INT PRIMARY KEY AUTO_INCREMENT, k VARCHAR(10) UNIQUE)")
        .expect("create");
    let mut insert = conn.prepare("INSERT INTO u (k) VALUES (?)").expect("prepare");
    let rows = insert
        .execute(&mut conn, &[MysqlParam::Text("a".into())])
        .expect("first insert");
    assert_eq!((rows.affected_rows(), rows.insert_id()), (Some(1), 1));
    drop(rows);
    let err = insert
        .execute(&mut conn, &[MysqlParam::Text("a".into())])
        .expect_err("duplicate key");
    assert_eq!((err.kind, err.errno), (MysqlErrorKind::Server, 1062), "{err}");
    assert_eq!(err.sqlstate.as_deref(), Some("23000"), "{err}");
    // The statement and the connection are still usable.
    let rows = insert
        .execute(&mut conn, &[MysqlParam::Text("b".into())])
        .expect("insert after the error");
    assert_eq!(rows.insert_id(), 3, "the failed insert used id 2");
    drop(rows);
    conn.ping().expect("ping");
}

#[test]
fn statements_check_their_use() {
    let Some(url) = url() else { return };
    let db = TestDb::new(&url);
    let mut conn = db.connect();
    let mut other = db.connect();
    let mut stmt = conn.prepare("SELECT ? + 1").expect("prepare");
    assert_eq!(stmt.param_count(), 1);

    let err = stmt.execute(&mut conn, &[]).expect_err("too few parameters");
    assert_eq!(err.kind, MysqlErrorKind::Client, "{err}");
    let err = stmt
        .execute(&mut conn, &[MysqlParam::I32(1), MysqlParam::I32(2)])
        .expect_err("too many parameters");
    assert_eq!(err.kind, MysqlErrorKind::Client, "{err}");
    let err = stmt
        .execute(&mut other, &[MysqlParam::I32(1)])
        .expect_err("another connection");
    assert_eq!(err.kind, MysqlErrorKind::Client, "{err}");

    let rows = stmt.execute(&mut conn, &[MysqlParam::I64(41)]).expect("run");
    assert_eq!(collect(rows), vec![vec![Owned::Int(42)]]);
    stmt.reset(&mut conn).expect("reset");
    let rows = stmt
        .execute(&mut conn, &[MysqlParam::I64(1)])
        .expect("run after reset");
    assert_eq!(collect(rows), vec![vec![Owned::Int(2)]]);
}

#[test]
fn statements_and_connections_drop_in_any_order() {
    let Some(url) = url() else { return };
    let db = TestDb::new(&url);
    let mut conn = db.connect();
    conn.query("CREATE TABLE r (id INT PRIMARY KEY); INSERT INTO r VALUES (1), (2), (3)")
        .expect("create");
    let mut first = conn.prepare("SELECT id FROM r ORDER BY id").expect("prepare");
    let second = conn.prepare("SELECT id FROM r").expect("prepare");

    // A statement dropped while another's rows are being read is closed later.
    let mut rows = first.execute(&mut conn, &[]).expect("select");
    let row = rows.next_row().expect("fetch").expect("a row");
    assert_eq!(row.get(0), Some(MysqlValueRef::Int(1)));
    drop(second);
    let row = rows.next_row().expect("fetch").expect("a row");
    assert_eq!(row.get(0), Some(MysqlValueRef::Int(2)));
    drop(rows);
    conn.ping().expect("ping (closes the dropped statement)");

    // A statement outliving its connection.
    let orphan = conn.prepare("SELECT 1").expect("prepare");
    drop(conn);
    drop(orphan);
    drop(first);

    // Connections and statements move between threads.
    let mut conn = db.connect();
    let stmt = conn
        .prepare("SELECT id FROM r ORDER BY id DESC")
        .expect("prepare");
    let handle = std::thread::spawn(move || {
        let mut stmt = stmt;
        let rows = stmt.execute(&mut conn, &[]).expect("select on another thread");
        collect(rows)
    });
    let got = handle.join().expect("thread");
    assert_eq!(
        got,
        vec![vec![Owned::Int(3)], vec![Owned::Int(2)], vec![Owned::Int(1)]]
    );
}

#[test]
fn procedure_results_are_drained() {
    let Some(url) = url() else { return };
    let db = TestDb::new(&url);
    let mut conn = db.connect();
    conn.query("CREATE PROCEDURE two() BEGIN SELECT 1 AS a; SELECT 'x' AS b, 2 AS c; END")
        .expect("create procedure");
    let mut call = conn.prepare("CALL two()").expect("prepare");
    for _ in 0..2 {
        let rows = call.execute(&mut conn, &[]).expect("call");
        assert_eq!(collect(rows), vec![vec![Owned::Int(1)]]);
    }
    assert_eq!(
        conn.query_rows("SELECT 3").expect("the connection is free again"),
        vec![vec![Some(b"3".to_vec())]]
    );
    conn.query("CALL two(); CALL two()").expect("calls in a batch");
    conn.ping().expect("ping");
}

#[test]
fn unix_socket_connections() {
    let Some(url) = url() else { return };
    let socket = "/run/mysqld/mysqld.sock";
    if !std::path::Path::new(socket).exists() {
        let _ = std::io::stderr().write_all(format!("SKIPPED: no server socket at {socket}\n").as_bytes());
        return;
    }
    let base = options(&url);
    let user = base.user.clone().unwrap_or_default();
    let socket_url = format!("mysql://{user}@localhost/?socket={socket}");
    let mut conn = match MysqlConnection::connect(&socket_url) {
        Ok(conn) => conn,
        // The user may only be allowed over TCP (e.g. root@127.0.0.1 only).
        Err(e) if e.errno == 1045 || e.errno == 1698 => {
            let _ = std::io::stderr()
                .write_all(format!("SKIPPED: {user} cannot log in over the socket: {e}\n").as_bytes());
            return;
        }
        Err(e) => panic!("connect over {socket}: {e}"),
    };
    // Over TCP the server would see the client as 127.0.0.1 (or ::1).
    let rows = conn.query_rows("SELECT USER()").expect("query");
    assert_eq!(rows, vec![vec![Some(format!("{user}@localhost").into_bytes())]]);
}
