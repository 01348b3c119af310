//! Tests of the libpq wrapper against a real server at `QUARRY_PG_URL`.
//!
//! Without the variable each server test prints `SKIPPED: QUARRY_PG_URL not set` and returns.
//! Tables are named after the process id and the test, and dropped at the end (also when the
//! test fails), so parallel runs do not interfere.

use super::pg_connection::c_len;
use super::{PgConnection, PgError, PgErrorKind, PgResult};

const INT4_OID: u32 = 23;
const TEXT_OID: u32 = 25;
const BOOL_OID: u32 = 16;

/// The server URL, or `None` after printing the skip line.
fn url() -> Option<String> {
    match std::env::var("QUARRY_PG_URL") {
        Ok(url) if !url.is_empty() => Some(url),
        _ => {
            skipped();
            None
        }
    }
}

fn connect(url: &str) -> PgConnection {
    match PgConnection::connect(url) {
        Ok(conn) => conn,
        Err(e) => panic!("connect to QUARRY_PG_URL: {e}"),
    }
}

/// A table name unique to this process and test.
fn table_name(test: &str) -> String {
    format!("quarry_raw_{}_{}", std::process::id(), test)
}

/// Drops the table when the test ends, even if it panicked, over a connection of its own.
struct DropTable {
    url: String,
    name: String,
}

impl Drop for DropTable {
    fn drop(&mut self) {
        if let Ok(mut conn) = PgConnection::connect(&self.url) {
            let _ = conn.exec_batch(&format!("DROP TABLE IF EXISTS {}", self.name));
        }
    }
}

fn create_table(conn: &mut PgConnection, url: &str, test: &str, columns: &str) -> DropTable {
    let name = table_name(test);
    let guard = DropTable {
        url: url.to_owned(),
        name: name.clone(),
    };
    conn.exec_batch(&format!(
        "DROP TABLE IF EXISTS {name}; CREATE TABLE {name} ({columns})"
    ))
    .expect("create table");
    guard
}

fn int4(result: &PgResult, row: usize, col: usize) -> i32 {
    let bytes: [u8; 4] = result.value(row, col).try_into().expect("int4 is 4 bytes");
    i32::from_be_bytes(bytes)
}

fn int8(result: &PgResult, row: usize, col: usize) -> i64 {
    let bytes: [u8; 8] = result.value(row, col).try_into().expect("int8 is 8 bytes");
    i64::from_be_bytes(bytes)
}

fn text(result: &PgResult, row: usize, col: usize) -> &str {
    std::str::from_utf8(result.value(row, col)).expect("text is UTF-8")
}

fn boolean(result: &PgResult, row: usize, col: usize) -> bool {
    match result.value(row, col) {
        [0] => false,
        [1] => true,
        other => panic!("not a binary bool: {other:?}"),
    }
}

/// A single value query with no parameters.
fn query(conn: &mut PgConnection, sql: &str) -> PgResult {
    conn.exec_params(sql, &[], &[])
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

/// `url` with its database replaced by `dbname` (URL or key=value form).
fn with_database(url: &str, dbname: &str) -> String {
    let Some(scheme_end) = url.find("://") else {
        // key=value: a later key overrides an earlier one.
        return format!("{url} dbname={dbname}");
    };
    let (base, query) = match url.find('?') {
        Some(q) => url.split_at(q),
        None => (url, ""),
    };
    let authority_start = scheme_end + 3;
    let host_end = base[authority_start..]
        .find('/')
        .map_or(base.len(), |i| authority_start + i);
    format!("{}/{dbname}{query}", &base[..host_end])
}

#[test]
fn connect_ok() {
    let Some(url) = url() else { return };
    let mut conn = connect(&url);
    assert!(conn.is_ok());
    assert!(
        conn.server_version() >= 90_000,
        "server_version {}",
        conn.server_version()
    );
    let result = query(&mut conn, "SELECT current_setting('client_encoding')");
    assert_eq!(text(&result, 0, 0), "UTF8");
    let debug = format!("{conn:?}");
    assert!(debug.contains("PgConnection"), "{debug}");
}

#[test]
fn connect_bad_port_is_connection_error() {
    let Some(_url) = url() else { return };
    let err = PgConnection::connect("host=127.0.0.1 port=1 user=postgres dbname=test connect_timeout=5")
        .expect_err("nothing listens on port 1");
    assert_eq!(err.kind, PgErrorKind::Connection);
    assert!(!err.message.is_empty());
    assert_eq!(err.sqlstate, None);
}

#[test]
fn connect_bad_database_names_it() {
    let Some(url) = url() else { return };
    let dbname = format!("quarry_no_such_db_{}", std::process::id());
    let err = PgConnection::connect(&with_database(&url, &dbname)).expect_err("database does not exist");
    assert_eq!(err.kind, PgErrorKind::Connection);
    assert!(err.message.contains(&dbname), "{}", err.message);
    assert!(err.to_string().contains(&dbname));
}

#[test]
fn connect_with_nul_byte_is_error() {
    let Some(url) = url() else { return };
    let err = PgConnection::connect(&format!("{url}\0")).expect_err("NUL byte");
    assert_eq!(err.kind, PgErrorKind::Connection);
    assert!(err.message.contains("NUL"), "{}", err.message);
}

#[test]
fn exec_batch_creates_and_drops_table() {
    let Some(url) = url() else { return };
    let mut conn = connect(&url);
    let name = table_name("batch");
    let _guard = DropTable {
        url: url.clone(),
        name: name.clone(),
    };
    conn.exec_batch(&format!(
        "CREATE TABLE {name} (id int4 PRIMARY KEY, name text);
         INSERT INTO {name} VALUES (1, 'a'), (2, 'b');
         SELECT * FROM {name};"
    ))
    .expect("batch");
    let result = query(&mut conn, &format!("SELECT count(*) FROM {name}"));
    assert_eq!(int8(&result, 0, 0), 2);
    conn.exec_batch(&format!("DROP TABLE {name}")).expect("drop");
    let result = query(&mut conn, &format!("SELECT to_regclass('{name}') IS NULL"));
    assert!(boolean(&result, 0, 0), "table still exists");
    // An empty batch is fine; a syntax error is a server error with its SQLSTATE.
    conn.exec_batch("").expect("empty query");
    let err = conn.exec_batch("SELEC 1").expect_err("syntax error");
    assert_eq!(err.kind, PgErrorKind::Server);
    assert_eq!(err.sqlstate.as_deref(), Some("42601"));
    assert!(err.to_string().contains("42601"), "{err}");
    assert!(conn.is_ok());
}

#[test]
fn prepare_and_exec_prepared_binary() {
    let Some(url) = url() else { return };
    let mut conn = connect(&url);
    let guard = create_table(
        &mut conn,
        &url,
        "prepared",
        "id int4 PRIMARY KEY, name text NOT NULL",
    );
    let name = &guard.name;
    conn.exec_batch(&format!(
        "INSERT INTO {name} VALUES (1, 'one'), (2, 'two'), (3, 'three')"
    ))
    .expect("insert");
    conn.prepare(
        "raw_select_by_id",
        &format!("SELECT id, name FROM {name} WHERE id = $1"),
        &[INT4_OID],
    )
    .expect("prepare");
    for (id, expected) in [(2, "two"), (3, "three")] {
        let param = i32::to_be_bytes(id);
        let result = conn
            .exec_prepared("raw_select_by_id", &[Some(&param)])
            .expect("exec_prepared");
        assert_eq!(result.rows(), 1);
        assert_eq!(result.columns(), 2);
        assert_eq!(result.column_name(0), Some("id"));
        assert_eq!(result.column_name(1), Some("name"));
        assert_eq!(result.column_type(0), INT4_OID);
        assert_eq!(result.column_type(1), TEXT_OID);
        assert!(!result.is_null(0, 0));
        assert_eq!(int4(&result, 0, 0), id);
        assert_eq!(text(&result, 0, 1), expected);
        assert_eq!(result.affected_rows(), 1);
        // Out-of-range indices are harmless.
        assert_eq!(result.value(1, 0), b"");
        assert_eq!(result.value(0, 2), b"");
        assert_eq!(result.value(usize::MAX, usize::MAX), b"");
        assert!(result.is_null(5, 0));
        assert_eq!(result.cell(0, 1), (expected.as_bytes(), false));
        assert_eq!(result.cell(1, 0), (&b""[..], true));
        assert_eq!(result.cell(0, 2), (&b""[..], true));
        assert_eq!(result.column_name(2), None);
        assert_eq!(result.column_type(usize::MAX), 0);
        assert!(format!("{result:?}").contains("rows: 1"));
    }
    let missing = i32::to_be_bytes(42);
    let result = conn
        .exec_prepared("raw_select_by_id", &[Some(&missing)])
        .expect("no rows");
    assert_eq!(result.rows(), 0);
    assert_eq!(result.value(0, 0), b"");

    // A statement name that does not exist is a server error.
    let err = conn
        .exec_prepared("raw_no_such_statement", &[])
        .expect_err("unknown statement");
    assert_eq!(err.kind, PgErrorKind::Server);
    assert_eq!(err.sqlstate.as_deref(), Some("26000"));

    // Deallocating (with a name that needs quoting) removes the statement.
    let odd = "raw \"odd\" name";
    conn.prepare(odd, "SELECT $1::int4 + 1", &[])
        .expect("prepare odd");
    let result = conn
        .exec_prepared(odd, &[Some(&i32::to_be_bytes(41))])
        .expect("exec odd");
    assert_eq!(int4(&result, 0, 0), 42);
    conn.deallocate(odd).expect("deallocate");
    let err = conn
        .exec_prepared(odd, &[Some(&i32::to_be_bytes(41))])
        .expect_err("deallocated");
    assert_eq!(err.sqlstate.as_deref(), Some("26000"));
    conn.deallocate("raw_select_by_id").expect("deallocate");
}

#[test]
fn column_types_of_a_wide_result() {
    let Some(url) = url() else { return };
    let mut conn = connect(&url);
    // 20 columns: the first 16 types are cached when the result is taken, the rest asked for.
    let columns: Vec<String> = (0..20)
        .map(|i| {
            if i % 3 == 0 {
                format!("{i}::int4")
            } else {
                format!("'{i}'::text")
            }
        })
        .collect();
    let result = query(&mut conn, &format!("SELECT {}", columns.join(", ")));
    assert_eq!(result.columns(), 20);
    for col in 0..20 {
        let expected = if col % 3 == 0 { INT4_OID } else { TEXT_OID };
        assert_eq!(result.column_type(col), expected, "column {col}");
    }
    assert_eq!(result.column_type(20), 0);
    assert_eq!(result.column_type(usize::MAX), 0);
    // A result without columns caches nothing and answers 0.
    let empty = query(&mut conn, "SELECT");
    assert_eq!(empty.columns(), 0);
    assert_eq!(empty.column_type(0), 0);
}

#[test]
fn null_parameters_and_results() {
    let Some(url) = url() else { return };
    let mut conn = connect(&url);
    let result = conn
        .exec_params(
            "SELECT $1::int4 IS NULL, $1::int4, $2::text, $3::bytea",
            &[INT4_OID, TEXT_OID, 0],
            &[None, Some(b"hi"), Some(b"")],
        )
        .expect("exec_params");
    assert_eq!(result.column_type(0), BOOL_OID);
    assert!(boolean(&result, 0, 0));
    assert!(result.is_null(0, 1));
    assert_eq!(result.value(0, 1), b"");
    assert_eq!(text(&result, 0, 2), "hi");
    // An empty non-NULL value is not NULL.
    assert!(!result.is_null(0, 3));
    assert_eq!(result.value(0, 3), b"");
    // `cell` tells the two apart the same way.
    assert_eq!(result.cell(0, 1), (&b""[..], true));
    assert_eq!(result.cell(0, 2), (&b"hi"[..], false));
    assert_eq!(result.cell(0, 3), (&b""[..], false));

    let guard = create_table(&mut conn, &url, "nulls", "id int4, note text");
    let name = &guard.name;
    conn.prepare(
        "raw_insert_nulls",
        &format!("INSERT INTO {name} VALUES ($1, $2)"),
        &[INT4_OID, TEXT_OID],
    )
    .expect("prepare");
    let inserted = conn
        .exec_prepared("raw_insert_nulls", &[None, None])
        .expect("insert NULLs");
    assert_eq!(inserted.affected_rows(), 1);
    let result = query(
        &mut conn,
        &format!("SELECT id, note, id IS NULL AND note IS NULL FROM {name}"),
    );
    assert_eq!(result.rows(), 1);
    assert!(result.is_null(0, 0));
    assert!(result.is_null(0, 1));
    assert!(boolean(&result, 0, 2));

    // Mismatched type and value counts are refused before reaching libpq.
    let err = conn
        .exec_params("SELECT $1::int4, $2::int4", &[INT4_OID], &[None, None])
        .expect_err("mismatch");
    assert_eq!(err.kind, PgErrorKind::Protocol);
    // So is SQL with a NUL byte.
    let err = conn.exec_params("SELECT 1\0", &[], &[]).expect_err("NUL byte");
    assert_eq!(err.kind, PgErrorKind::Protocol);
    assert!(conn.is_ok());
}

#[test]
fn unique_violation_has_sqlstate_and_constraint() {
    let Some(url) = url() else { return };
    let mut conn = connect(&url);
    let name = table_name("unique");
    let constraint = format!("{name}_k_uniq");
    let _guard = create_table(
        &mut conn,
        &url,
        "unique",
        &format!("k int4 NOT NULL, CONSTRAINT {constraint} UNIQUE (k)"),
    );
    let sql = format!("INSERT INTO {name} (k) VALUES ($1)");
    let one = i32::to_be_bytes(1);
    conn.exec_params(&sql, &[INT4_OID], &[Some(&one)])
        .expect("first insert");
    let err: PgError = conn
        .exec_params(&sql, &[INT4_OID], &[Some(&one)])
        .expect_err("duplicate");
    assert_eq!(err.kind, PgErrorKind::Server);
    assert_eq!(err.sqlstate.as_deref(), Some("23505"));
    assert_eq!(err.constraint.as_deref(), Some(constraint.as_str()));
    assert_eq!(err.table.as_deref(), Some(name.as_str()));
    assert!(err.message.contains(&constraint), "{}", err.message);
    assert!(
        err.message.contains("DETAIL: Key (k)=(1) already exists."),
        "{}",
        err.message
    );
    assert!(err.to_string().contains("SQLSTATE 23505"), "{err}");

    // A NOT NULL violation names the column.
    let err = conn.exec_params(&sql, &[INT4_OID], &[None]).expect_err("NULL");
    assert_eq!(err.sqlstate.as_deref(), Some("23502"));
    assert_eq!(err.column.as_deref(), Some("k"));
    assert!(conn.is_ok());
}

#[test]
fn affected_rows_after_update() {
    let Some(url) = url() else { return };
    let mut conn = connect(&url);
    let guard = create_table(&mut conn, &url, "update", "id int4, n int4");
    let name = &guard.name;
    let created = query(&mut conn, &format!("CREATE INDEX ON {name} (id)"));
    assert_eq!(created.affected_rows(), 0);
    let inserted = query(
        &mut conn,
        &format!("INSERT INTO {name} SELECT g, 0 FROM generate_series(1, 5) g"),
    );
    assert_eq!(inserted.affected_rows(), 5);
    let updated = conn
        .exec_params(
            &format!("UPDATE {name} SET n = n + 1 WHERE id <= $1"),
            &[INT4_OID],
            &[Some(&i32::to_be_bytes(3))],
        )
        .expect("update");
    assert_eq!(updated.affected_rows(), 3);
    assert_eq!(updated.rows(), 0);
    let none = query(&mut conn, &format!("UPDATE {name} SET n = 0 WHERE id > 100"));
    assert_eq!(none.affected_rows(), 0);
    let deleted = query(&mut conn, &format!("DELETE FROM {name}"));
    assert_eq!(deleted.affected_rows(), 5);
}

#[test]
fn notices_are_collected() {
    let Some(url) = url() else { return };
    let mut conn = connect(&url);
    assert!(conn.take_notices().is_empty());
    conn.exec_batch("DO $$ BEGIN RAISE NOTICE 'hello'; END $$")
        .expect("DO");
    let notices = conn.take_notices();
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert!(notices[0].contains("hello"), "{notices:?}");
    assert!(!notices[0].ends_with('\n'));
    assert!(conn.take_notices().is_empty());
    conn.exec_batch("DO $$ BEGIN RAISE NOTICE 'a'; RAISE WARNING 'b'; END $$")
        .expect("DO");
    let notices = conn.take_notices();
    assert_eq!(notices.len(), 2, "{notices:?}");
    assert!(
        notices[0].contains('a') && notices[1].contains("WARNING"),
        "{notices:?}"
    );
}

#[test]
fn copy_is_refused_and_connection_stays_usable() {
    let Some(url) = url() else { return };
    let mut conn = connect(&url);
    let err = conn
        .exec_batch("COPY (SELECT generate_series(1, 1000)) TO STDOUT")
        .expect_err("COPY OUT");
    assert_eq!(err.kind, PgErrorKind::Protocol);
    let guard = create_table(&mut conn, &url, "copy", "id int4");
    let err = conn
        .exec_batch(&format!("COPY {} FROM STDIN", guard.name))
        .expect_err("COPY IN");
    assert_eq!(err.kind, PgErrorKind::Protocol);
    assert!(conn.is_ok());
    let result = query(&mut conn, "SELECT 7");
    assert_eq!(int4(&result, 0, 0), 7);
}

#[test]
fn lost_connection_then_reset() {
    let Some(url) = url() else { return };
    let mut victim = connect(&url);
    let mut killer = connect(&url);
    victim
        .exec_batch("DO $$ BEGIN RAISE NOTICE 'before'; END $$")
        .expect("DO");
    let pid = int4(&query(&mut victim, "SELECT pg_backend_pid()"), 0, 0);
    // The timeout makes pg_terminate_backend wait until the backend is gone.
    let terminated = killer
        .exec_params(
            "SELECT pg_terminate_backend($1, 10000)",
            &[INT4_OID],
            &[Some(&pid.to_be_bytes())],
        )
        .expect("terminate");
    assert!(boolean(&terminated, 0, 0), "backend {pid} was not terminated");

    let err = victim
        .exec_params("SELECT 1", &[], &[])
        .expect_err("connection is gone");
    assert_eq!(err.kind, PgErrorKind::ConnectionLost, "{err:?}");
    assert!(!victim.is_ok());
    // Further calls keep failing cleanly until the reset.
    let err = victim.exec_batch("SELECT 1").expect_err("still gone");
    assert_eq!(err.kind, PgErrorKind::ConnectionLost, "{err:?}");

    victim.reset().expect("reset");
    assert!(victim.is_ok());
    let new_pid = int4(&query(&mut victim, "SELECT pg_backend_pid()"), 0, 0);
    assert_ne!(new_pid, pid);
    let result = query(&mut victim, "SELECT current_setting('client_encoding')");
    assert_eq!(text(&result, 0, 0), "UTF8");
    // The notice processor survives the reset.
    victim
        .exec_batch("DO $$ BEGIN RAISE NOTICE 'after'; END $$")
        .expect("DO");
    let notices = victim.take_notices();
    assert!(notices.iter().any(|n| n.contains("before")), "{notices:?}");
    assert!(notices.iter().any(|n| n.contains("after")), "{notices:?}");
}

#[test]
fn connection_and_result_are_send() {
    let Some(url) = url() else { return };
    let conn = connect(&url);
    let mut conn = std::thread::spawn(move || conn).join().expect("thread");
    let result = query(&mut conn, "SELECT 5");
    let result = std::thread::spawn(move || result).join().expect("thread");
    assert_eq!(int4(&result, 0, 0), 5);
}

// Needs no server: the length check that guards every int passed to libpq.
#[test]
fn lengths_over_c_int_are_errors() {
    assert_eq!(c_len(0, "n").ok(), Some(0));
    assert_eq!(c_len(i32::MAX as usize, "n").ok(), Some(i32::MAX));
    let err = c_len(i32::MAX as usize + 1, "the length").expect_err("too long");
    assert_eq!(err.kind, PgErrorKind::Protocol);
    assert!(err.message.contains("the length"), "{}", err.message);
    assert!(c_len(usize::MAX, "n").is_err());
}

// Needs no server: rewriting the database of the test URL.
#[test]
fn with_database_rewrites_urls() {
    assert_eq!(with_database("postgres://u@h:1/test", "x"), "postgres://u@h:1/x");
    assert_eq!(with_database("postgres://u@h:1", "x"), "postgres://u@h:1/x");
    assert_eq!(
        with_database("postgresql://h/test?sslmode=disable", "x"),
        "postgresql://h/x?sslmode=disable"
    );
    assert_eq!(
        with_database("host=h dbname=test", "x"),
        "host=h dbname=test dbname=x"
    );
}

/// Says that a test was skipped, on the real stderr: libtest captures `println!`, and a skipped
/// test must never look like a silent pass.
fn skipped() {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "SKIPPED: QUARRY_PG_URL not set");
}
