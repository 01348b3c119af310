//! Unit tests of the raw SQLite layer, against in-memory databases.

use libsqlite3_sys as ffi;

use super::*;

fn memory() -> RawConnection {
    match RawConnection::open(":memory:") {
        Ok(conn) => conn,
        Err(e) => panic!("open failed: {e}"),
    }
}

fn prepare(conn: &RawConnection, sql: &str) -> RawStatement {
    match conn.prepare(sql, false) {
        Ok(stmt) => stmt,
        Err(e) => panic!("prepare of {sql:?} failed: {e}"),
    }
}

fn exec(conn: &RawConnection, sql: &str) {
    if let Err(e) = conn.exec(sql) {
        panic!("exec of {sql:?} failed: {e}");
    }
}

fn step(u: &mut StatementUse<'_, '_>) -> StepResult {
    match u.step() {
        Ok(r) => r,
        Err(e) => panic!("step failed: {e}"),
    }
}

fn ok<T>(r: Result<T, SqliteError>) -> T {
    match r {
        Ok(v) => v,
        Err(e) => panic!("unexpected error: {e}"),
    }
}

fn err<T: std::fmt::Debug>(r: Result<T, SqliteError>) -> SqliteError {
    match r {
        Ok(v) => panic!("expected an error, got {v:?}"),
        Err(e) => e,
    }
}

#[test]
fn read_every_column_type() {
    let conn = memory();
    exec(
        &conn,
        "CREATE TABLE t (i INTEGER, f REAL, s TEXT, b BLOB, n);
         INSERT INTO t VALUES (-42, 1.5, 'hello', x'00ff10', NULL);",
    );
    let mut stmt = prepare(&conn, "SELECT i, f, s, b, n FROM t");
    assert_eq!(stmt.column_count(), 5);
    assert_eq!(stmt.bind_parameter_count(), 0);
    assert_eq!(stmt.column_name(0), Some("i"));
    assert_eq!(stmt.column_name(4), Some("n"));
    assert_eq!(stmt.column_name(5), None);
    assert_eq!(stmt.sql(), "SELECT i, f, s, b, n FROM t");
    assert!(stmt.readonly());

    let mut u = stmt.start();
    assert_eq!(step(&mut u), StepResult::Row);
    assert_eq!(u.column_count(), 5);
    assert_eq!(u.column_name(2), Some("s"));
    assert_eq!(u.column_type(0), ColumnType::Integer);
    assert_eq!(u.column_type(1), ColumnType::Float);
    assert_eq!(u.column_type(2), ColumnType::Text);
    assert_eq!(u.column_type(3), ColumnType::Blob);
    assert_eq!(u.column_type(4), ColumnType::Null);
    assert_eq!(u.column_i64(0), -42);
    assert_eq!(u.column_f64(1), 1.5);
    assert_eq!(u.column_text_bytes(2), b"hello");
    assert_eq!(u.column_blob(3), &[0x00, 0xff, 0x10]);
    assert_eq!(u.column_text_bytes(4), b"");
    assert_eq!(u.column_blob(4), b"");
    assert_eq!(u.column_i64(4), 0);
    assert_eq!(step(&mut u), StepResult::Done);
}

#[test]
fn column_value_reads_every_type_with_one_lookup() {
    let conn = memory();
    exec(
        &conn,
        "CREATE TABLE t (i INTEGER, f REAL, s TEXT, b BLOB, n, z TEXT, e BLOB);
         INSERT INTO t VALUES (-42, 1.5, 'hello', x'00ff10', NULL, '', x'');",
    );
    let mut stmt = prepare(&conn, "SELECT i, f, s, b, n, z, e FROM t");
    let mut u = stmt.start();
    assert_eq!(step(&mut u), StepResult::Row);
    let value = |idx| match u.column_value(idx) {
        Some(v) => v,
        None => panic!("no value object for column {idx}"),
    };
    let types: Vec<ColumnType> = (0..7).map(|i| value(i).column_type()).collect();
    assert_eq!(
        types,
        [
            ColumnType::Integer,
            ColumnType::Float,
            ColumnType::Text,
            ColumnType::Blob,
            ColumnType::Null,
            ColumnType::Text,
            ColumnType::Blob
        ]
    );
    assert_eq!(value(0).i64(), -42);
    assert_eq!(value(1).f64(), 1.5);
    // Slices of several columns held at once, and of the same column read twice, stay valid.
    let text = value(2).bytes(ColumnType::Text);
    let blob = value(3).bytes(ColumnType::Blob);
    let text_again = value(2).bytes(ColumnType::Text);
    assert_eq!(
        (text, blob, text_again),
        (&b"hello"[..], &[0x00, 0xff, 0x10][..], &b"hello"[..])
    );
    // NULL and zero-length values give empty slices, never a slice from a null pointer.
    assert_eq!(value(4).bytes(ColumnType::Null), b"");
    assert_eq!(value(4).i64(), 0);
    assert_eq!(value(5).bytes(ColumnType::Text), b"");
    assert_eq!(value(6).bytes(ColumnType::Blob), b"");
    // A number read as text is rendered by SQLite and keeps its storage class.
    assert_eq!(value(0).bytes(ColumnType::Integer), b"-42");
    assert_eq!(value(0).column_type(), ColumnType::Integer);
    // An index past the last column reads as NULL.
    assert_eq!(value(7).column_type(), ColumnType::Null);
    assert_eq!(step(&mut u), StepResult::Done);
}

#[test]
fn bind_every_type_and_extremes() {
    let conn = memory();
    let mut stmt = prepare(&conn, "SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7");
    assert_eq!(stmt.bind_parameter_count(), 7);
    let blob = [1u8, 0, 2];
    let mut u = stmt.start();
    ok(u.bind_i64(1, i64::MIN));
    ok(u.bind_i64(2, i64::MAX));
    ok(u.bind_f64(3, -0.1));
    ok(u.bind_f64(4, f64::MAX));
    ok(u.bind_null(5));
    ok(u.bind_text(6, "text"));
    ok(u.bind_blob(7, &blob));
    assert_eq!(step(&mut u), StepResult::Row);
    assert_eq!(u.column_i64(0), i64::MIN);
    assert_eq!(u.column_i64(1), i64::MAX);
    assert_eq!(u.column_f64(2), -0.1);
    assert_eq!(u.column_f64(3), f64::MAX);
    assert_eq!(u.column_type(4), ColumnType::Null);
    assert_eq!(u.column_type(5), ColumnType::Text);
    assert_eq!(u.column_text_bytes(5), b"text");
    assert_eq!(u.column_type(6), ColumnType::Blob);
    assert_eq!(u.column_blob(6), &blob);
}

#[test]
fn text_round_trips_through_a_table() {
    let conn = memory();
    exec(&conn, "CREATE TABLE t (id INTEGER PRIMARY KEY, s TEXT NOT NULL)");
    let values = [
        "a\0b",
        "\0",
        "it's \"quoted\" -- not a comment; DROP TABLE t",
        "emoji 🦀👍🏽 ünïcödé",
        "",
    ];
    let mut insert = prepare(&conn, "INSERT INTO t (id, s) VALUES (?1, ?2)");
    for (i, v) in values.iter().enumerate() {
        let owned = (*v).to_owned();
        let mut u = insert.start();
        ok(u.bind_i64(1, i as i64));
        ok(u.bind_text(2, &owned));
        assert_eq!(step(&mut u), StepResult::Done);
    }
    let mut select = prepare(
        &conn,
        "SELECT s, length(CAST(s AS BLOB)), typeof(s) FROM t ORDER BY id",
    );
    let mut u = select.start();
    for v in values {
        assert_eq!(step(&mut u), StepResult::Row);
        assert_eq!(u.column_type(0), ColumnType::Text);
        assert_eq!(u.column_text_bytes(0), v.as_bytes());
        assert_eq!(u.column_i64(1), v.len() as i64);
        assert_eq!(u.column_text_bytes(2), b"text");
    }
    assert_eq!(step(&mut u), StepResult::Done);
}

#[test]
fn text_round_trips_through_a_parameter() {
    let conn = memory();
    let mut stmt = prepare(&conn, "SELECT ?1");
    for v in ["x\0y\0", "'; --", "🦀", ""] {
        let mut u = stmt.start();
        ok(u.bind_text(1, v));
        assert_eq!(step(&mut u), StepResult::Row);
        assert_eq!(u.column_type(0), ColumnType::Text);
        assert_eq!(u.column_text_bytes(0), v.as_bytes());
    }
}

#[test]
fn empty_blob_stays_an_empty_blob() {
    let conn = memory();
    exec(&conn, "CREATE TABLE t (b BLOB)");
    let mut insert = prepare(&conn, "INSERT INTO t VALUES (?1)");
    {
        let mut u = insert.start();
        ok(u.bind_blob(1, &[]));
        assert_eq!(step(&mut u), StepResult::Done);
    }
    let mut select = prepare(&conn, "SELECT b, typeof(b), b IS NULL, length(b) FROM t");
    let mut u = select.start();
    assert_eq!(step(&mut u), StepResult::Row);
    assert_eq!(u.column_type(0), ColumnType::Blob);
    assert_eq!(u.column_blob(0), b"");
    assert_eq!(u.column_text_bytes(1), b"blob");
    assert_eq!(u.column_i64(2), 0);
    assert_eq!(u.column_i64(3), 0);
    assert_eq!(step(&mut u), StepResult::Done);
}

#[test]
fn zeroblob_from_sql_reads_as_zero_bytes() {
    let conn = memory();
    let mut stmt = prepare(&conn, "SELECT zeroblob(4), zeroblob(0)");
    let mut u = stmt.start();
    assert_eq!(step(&mut u), StepResult::Row);
    assert_eq!(u.column_type(0), ColumnType::Blob);
    assert_eq!(u.column_blob(0), &[0, 0, 0, 0]);
    assert_eq!(u.column_type(1), ColumnType::Blob);
    assert_eq!(u.column_blob(1), b"");
}

#[test]
fn slices_of_one_column_stay_valid_across_accessors() {
    let conn = memory();
    // substr() yields text that SQLite has not NUL-terminated yet, and x''
    // yields a blob: the cases where a naive text/blob access could
    // reallocate a buffer that an earlier slice still points to.
    let mut stmt = prepare(&conn, "SELECT substr('abcdefgh', 2, 3), x'616263', 1234, 2.5");
    let mut u = stmt.start();
    assert_eq!(step(&mut u), StepResult::Row);

    let blob_of_text = u.column_blob(0);
    let text = u.column_text_bytes(0);
    assert_eq!(u.column_i64(0), 0);
    assert_eq!(blob_of_text, b"bcd");
    assert_eq!(text, b"bcd");

    let blob = u.column_blob(1);
    let text_of_blob = u.column_text_bytes(1);
    assert_eq!(blob, b"abc");
    assert_eq!(text_of_blob, b"abc");
    assert_eq!(u.column_type(1), ColumnType::Blob);

    let int_text = u.column_text_bytes(2);
    let int_blob = u.column_blob(2);
    assert_eq!(u.column_i64(2), 1234);
    assert_eq!(u.column_type(2), ColumnType::Integer);
    assert_eq!(int_text, b"1234");
    assert_eq!(int_blob, b"1234");

    assert_eq!(u.column_text_bytes(3), b"2.5");
    assert_eq!(u.column_f64(3), 2.5);
    assert_eq!(u.column_type(3), ColumnType::Float);
}

#[test]
fn misused_column_accessors_are_harmless() {
    let conn = memory();
    let mut stmt = prepare(&conn, "SELECT 1");
    let mut u = stmt.start();
    // Before the first step.
    assert_eq!(u.column_type(0), ColumnType::Null);
    assert_eq!(u.column_i64(0), 0);
    assert_eq!(u.column_text_bytes(0), b"");
    assert_eq!(step(&mut u), StepResult::Row);
    // Out of range, including indexes that do not fit in a C int.
    for idx in [1, 1000, usize::MAX, 1usize << 32] {
        assert_eq!(u.column_type(idx), ColumnType::Null);
        assert_eq!(u.column_i64(idx), 0);
        assert_eq!(u.column_f64(idx), 0.0);
        assert_eq!(u.column_text_bytes(idx), b"");
        assert_eq!(u.column_blob(idx), b"");
        assert_eq!(u.column_name(idx), None);
    }
    assert_eq!(u.column_i64(0), 1);
    // After the last row.
    assert_eq!(step(&mut u), StepResult::Done);
    assert_eq!(u.column_type(0), ColumnType::Null);
    assert_eq!(u.column_blob(0), b"");
}

#[test]
fn binding_out_of_range_fails() {
    let conn = memory();
    let mut stmt = prepare(&conn, "SELECT ?1");
    let mut u = stmt.start();
    for idx in [0, 2, usize::MAX, 1usize << 32] {
        let e = err(u.bind_i64(idx, 1));
        assert_eq!(e.code, ffi::SQLITE_RANGE, "{e}");
        assert!(!e.message.is_empty());
    }
    assert_eq!(err(u.bind_null(2)).code, ffi::SQLITE_RANGE);
    assert_eq!(err(u.bind_f64(2, 1.0)).code, ffi::SQLITE_RANGE);
    assert_eq!(err(u.bind_text(2, "x")).code, ffi::SQLITE_RANGE);
    assert_eq!(err(u.bind_text(2, "")).code, ffi::SQLITE_RANGE);
    assert_eq!(err(u.bind_blob(2, b"x")).code, ffi::SQLITE_RANGE);
    assert_eq!(err(u.bind_blob(2, b"")).code, ffi::SQLITE_RANGE);
    // The valid index still works afterwards.
    ok(u.bind_i64(1, 7));
    assert_eq!(step(&mut u), StepResult::Row);
    assert_eq!(u.column_i64(0), 7);
}

#[test]
fn syntax_error_in_prepare() {
    let conn = memory();
    let e = err(conn.prepare("SELEC 1", false));
    assert!(e.message.contains("syntax error"), "{e}");
    assert_eq!(e.primary_code(), ffi::SQLITE_ERROR);
    let e = err(conn.prepare("SELECT * FROM missing_table", true));
    assert!(e.message.contains("no such table"), "{e}");
}

#[test]
fn only_one_statement_per_prepare() {
    let conn = memory();
    let e = err(conn.prepare("SELECT 1; SELECT 2", false));
    assert!(e.message.contains("multiple statements"), "{e}");
    let e = err(conn.prepare("SELECT 1; garbage", false));
    assert!(e.message.contains("multiple statements"), "{e}");
    let e = err(conn.prepare("SELECT 1 /* c */ ; -- c\n SELECT 2", false));
    assert!(e.message.contains("multiple statements"), "{e}");
    let e = err(conn.prepare("SELECT 1;\0SELECT 2", false));
    assert!(e.message.contains("NUL"), "{e}");
    let e = err(conn.prepare("SELECT 1 -- \0 hidden", false));
    assert!(e.message.contains("NUL"), "{e}");

    // Trailing whitespace, semicolons and comments are fine.
    for sql in [
        "SELECT 1",
        "SELECT 1;",
        "SELECT 1 ;; \n\t\r ",
        "SELECT 1; -- trailing comment",
        "SELECT 1; -- line\n /* block */ ;",
        "SELECT 1 /* unterminated block comment",
    ] {
        let mut stmt = match conn.prepare(sql, false) {
            Ok(stmt) => stmt,
            Err(e) => panic!("{sql:?}: {e}"),
        };
        let mut u = stmt.start();
        assert_eq!(step(&mut u), StepResult::Row);
        assert_eq!(u.column_i64(0), 1);
    }
}

#[test]
fn empty_sql_fails() {
    let conn = memory();
    for sql in ["", "   ", "-- just a comment", ";", "/* */"] {
        let e = err(conn.prepare(sql, false));
        assert!(e.message.contains("no statement"), "{sql:?}: {e}");
    }
    let e = err(conn.prepare("\0SELECT 1", false));
    assert!(e.message.contains("NUL"), "{e}");
}

#[test]
fn unique_violation_reports_extended_code() {
    let conn = memory();
    exec(&conn, "CREATE TABLE t (x INTEGER UNIQUE)");
    let mut stmt = prepare(&conn, "INSERT INTO t VALUES (?1)");
    {
        let mut u = stmt.start();
        ok(u.bind_i64(1, 1));
        assert_eq!(step(&mut u), StepResult::Done);
    }
    let mut u = stmt.start();
    ok(u.bind_i64(1, 1));
    let e = err(u.step());
    assert_eq!(e.code, ffi::SQLITE_CONSTRAINT_UNIQUE);
    assert_eq!(e.code, 2067);
    assert_eq!(e.primary_code(), ffi::SQLITE_CONSTRAINT);
    assert!(e.message.contains("UNIQUE constraint failed"), "{e}");
    drop(u);
    // The statement is usable again after the failure.
    let mut u = stmt.start();
    ok(u.bind_i64(1, 2));
    assert_eq!(step(&mut u), StepResult::Done);
}

#[test]
fn restarting_reruns_from_the_first_row() {
    let conn = memory();
    exec(
        &conn,
        "CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1), (2), (3);",
    );
    let mut stmt = prepare(&conn, "SELECT x FROM t WHERE x >= ?1 ORDER BY x");
    {
        let mut u = stmt.start();
        ok(u.bind_i64(1, 1));
        assert_eq!(step(&mut u), StepResult::Row);
        assert_eq!(u.column_i64(0), 1);
        assert_eq!(step(&mut u), StepResult::Row);
        assert_eq!(u.column_i64(0), 2);
        // Dropped mid-iteration.
    }
    let mut u = stmt.start();
    // Bindings were cleared: `x >= NULL` matches nothing.
    assert_eq!(step(&mut u), StepResult::Done);
    drop(u);
    let mut u = stmt.start();
    ok(u.bind_i64(1, 1));
    let mut seen = Vec::new();
    while step(&mut u) == StepResult::Row {
        seen.push(u.column_i64(0));
    }
    assert_eq!(seen, [1, 2, 3]);
}

#[test]
fn leaked_use_is_cleaned_up_by_next_start() {
    let conn = memory();
    let mut stmt = prepare(&conn, "SELECT ?1");
    {
        let text = String::from("temporary");
        let mut u = stmt.start();
        ok(u.bind_text(1, &text));
        assert_eq!(step(&mut u), StepResult::Row);
        std::mem::forget(u);
        // `text` is freed here while SQLite may still point at it.
    }
    let mut u = stmt.start();
    assert_eq!(step(&mut u), StepResult::Row);
    assert_eq!(u.column_type(0), ColumnType::Null);
}

#[test]
fn open_rejects_nul_and_bad_paths() {
    let e = err(RawConnection::open("foo\0bar.db"));
    assert_eq!(e.code, ffi::SQLITE_CANTOPEN);
    assert!(e.message.contains("NUL"), "{e}");
    let e = err(RawConnection::open("/nonexistent-dir-quarry/sub/db.sqlite"));
    assert_eq!(e.primary_code(), ffi::SQLITE_CANTOPEN, "{e}");
}

#[test]
fn open_accepts_uri() {
    let conn = ok(RawConnection::open("file:rawtest?mode=memory"));
    exec(&conn, "CREATE TABLE t (x)");
}

#[test]
fn changes_and_last_insert_rowid() {
    let conn = memory();
    exec(&conn, "CREATE TABLE t (id INTEGER PRIMARY KEY, x INTEGER)");
    let mut stmt = prepare(&conn, "INSERT INTO t (id, x) VALUES (?1, ?2)");
    assert!(!stmt.readonly());
    {
        let mut u = stmt.start();
        ok(u.bind_i64(1, 41));
        ok(u.bind_i64(2, 0));
        assert_eq!(step(&mut u), StepResult::Done);
    }
    assert_eq!(conn.changes(), 1);
    assert_eq!(conn.last_insert_rowid(), 41);
    exec(&conn, "INSERT INTO t (x) VALUES (0)");
    assert_eq!(conn.last_insert_rowid(), 42);
    exec(&conn, "UPDATE t SET x = 1");
    assert_eq!(conn.changes(), 2);
}

#[test]
fn autocommit_busy_timeout_and_last_error() {
    let conn = memory();
    assert!(conn.is_autocommit());
    exec(&conn, "BEGIN");
    assert!(!conn.is_autocommit());
    exec(&conn, "COMMIT");
    assert!(conn.is_autocommit());
    ok(conn.busy_timeout(1000));
    ok(conn.busy_timeout(0));

    let e = err(conn.exec("CREAT TABLE x (y)"));
    assert!(e.message.contains("syntax error"), "{e}");
    assert_eq!(e.primary_code(), ffi::SQLITE_ERROR);
    let last = conn.last_error();
    assert_eq!(last.code, ffi::SQLITE_ERROR);
    assert!(last.message.contains("syntax error"), "{last}");

    let e = err(conn.exec("SELECT 1;\0"));
    assert!(e.message.contains("NUL"), "{e}");
    // exec runs several statements.
    exec(
        &conn,
        "CREATE TABLE a (x); CREATE TABLE b (y); INSERT INTO b VALUES (1);",
    );
    assert_eq!(conn.last_insert_rowid(), 1);
}

#[test]
fn error_display_and_codes() {
    let e = SqliteError {
        code: 2067,
        message: "UNIQUE constraint failed: t.x".to_owned(),
    };
    assert_eq!(
        e.to_string(),
        "UNIQUE constraint failed: t.x (SQLite error code 2067)"
    );
    assert_eq!(e.primary_code(), 19);
    let boxed: Box<dyn std::error::Error + Send + Sync> = Box::new(e.clone());
    assert_eq!(boxed.to_string(), e.to_string());
}

#[test]
fn statement_outlives_connection() {
    let conn = memory();
    exec(&conn, "CREATE TABLE t (x); INSERT INTO t VALUES (1), (2);");
    let mut idle = prepare(&conn, "SELECT x FROM t");
    let mut running = prepare(&conn, "SELECT x FROM t ORDER BY x");
    let mut u = running.start();
    assert_eq!(step(&mut u), StepResult::Row);
    drop(conn);
    // Using the statements of a closed (zombie) connection must not crash;
    // the outcome itself is unspecified, so it is not asserted.
    let _ = u.step();
    let _ = u.column_i64(0);
    drop(u);
    {
        let mut u = idle.start();
        let _ = u.step();
        let _ = u.bind_i64(1, 1);
    }
    drop(running);
    drop(idle);
}

#[test]
fn persistent_statement_is_reusable() {
    let conn = memory();
    let mut stmt = ok(conn.prepare("SELECT ?1 + 1", true));
    for i in 0..100 {
        let mut u = stmt.start();
        ok(u.bind_i64(1, i));
        assert_eq!(step(&mut u), StepResult::Row);
        assert_eq!(u.column_i64(0), i + 1);
        assert_eq!(step(&mut u), StepResult::Done);
    }
}

#[test]
fn many_rows() {
    let conn = memory();
    exec(
        &conn,
        "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, data BLOB)",
    );
    exec(&conn, "BEGIN");
    let mut insert = ok(conn.prepare("INSERT INTO t (name, data) VALUES (?1, ?2)", true));
    for i in 0..10_000i64 {
        let name = format!("name {i}");
        let data = i.to_le_bytes();
        let mut u = insert.start();
        ok(u.bind_text(1, &name));
        ok(u.bind_blob(2, &data));
        assert_eq!(step(&mut u), StepResult::Done);
    }
    exec(&conn, "COMMIT");
    let mut select = prepare(&conn, "SELECT id, name, data FROM t ORDER BY id");
    let mut u = select.start();
    let mut count = 0i64;
    while step(&mut u) == StepResult::Row {
        let id = u.column_i64(0);
        assert_eq!(u.column_text_bytes(1), format!("name {}", id - 1).as_bytes());
        assert_eq!(u.column_blob(2), (id - 1).to_le_bytes());
        count += 1;
    }
    assert_eq!(count, 10_000);
}

#[test]
fn connection_and_statement_are_send() {
    fn assert_send<T: Send>() {}
    assert_send::<RawConnection>();
    assert_send::<RawStatement>();
    assert_send::<SqliteError>();

    let conn = memory();
    exec(&conn, "CREATE TABLE t (x); INSERT INTO t VALUES (5);");
    let stmt = prepare(&conn, "SELECT x FROM t");
    let handle = std::thread::spawn(move || {
        let mut stmt = stmt;
        let value = {
            let mut u = stmt.start();
            assert_eq!(step(&mut u), StepResult::Row);
            u.column_i64(0)
        };
        drop(stmt);
        drop(conn);
        value
    });
    match handle.join() {
        Ok(v) => assert_eq!(v, 5),
        Err(_) => panic!("thread panicked"),
    }
}

#[test]
fn debug_output() {
    let conn = memory();
    let mut stmt = prepare(&conn, "SELECT 1");
    assert!(format!("{conn:?}").starts_with("RawConnection"));
    assert!(format!("{stmt:?}").contains("SELECT 1"));
    let u = stmt.start();
    assert!(format!("{u:?}").contains("SELECT 1"));
}
