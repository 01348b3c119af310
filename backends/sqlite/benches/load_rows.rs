//! Loading 10,000 three-column rows into structs: Quarry against a hand-written `sqlite3_step`
//! loop producing the same structs. Run with `cargo bench -p quarry-sqlite --bench load_rows`.
//!
//! (The side-by-side suite with Diesel lives in `bench/`; this is the backend's own check of its
//! load path.)

mod support;

use libsqlite3_sys as ffi;
use quarry::prelude::*;
use quarry_sqlite::SqliteConnection;

quarry::table! {
    users (id) {
        id -> Integer,
        name -> Text,
        hair_color -> Nullable<Text>,
    }
}

#[derive(Queryable, Selectable, Debug, PartialEq)]
#[quarry(table = users)]
struct User {
    id: i32,
    name: String,
    hair_color: Option<String>,
}

const ROWS: usize = 10_000;

fn setup_sql() -> String {
    let mut sql = String::from(
        "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL, hair_color TEXT);\nBEGIN;\n",
    );
    for i in 0..ROWS {
        let hair = if i % 2 == 0 { "'black'" } else { "NULL" };
        sql.push_str(&format!("INSERT INTO users VALUES ({i}, 'User {i}', {hair});\n"));
    }
    sql.push_str("COMMIT;");
    sql
}

#[inline(never)]
fn quarry_load(conn: &mut SqliteConnection) -> Vec<User> {
    users::table.select(User::as_select()).load(conn).expect("load")
}

/// The speed limit: prepare once, then step and read columns by hand.
struct Raw {
    db: *mut ffi::sqlite3,
    stmt: *mut ffi::sqlite3_stmt,
}

impl Raw {
    fn open(setup: &str) -> Raw {
        let mut db = std::ptr::null_mut();
        let path = c":memory:";
        let setup = std::ffi::CString::new(setup).expect("no NUL");
        let sql = c"SELECT id, name, hair_color FROM users";
        let mut stmt = std::ptr::null_mut();
        // SAFETY: valid C strings and out-pointers; the handles are checked and owned by `Raw`.
        unsafe {
            assert_eq!(ffi::sqlite3_open(path.as_ptr(), &mut db), ffi::SQLITE_OK);
            assert_eq!(
                ffi::sqlite3_exec(
                    db,
                    setup.as_ptr(),
                    None,
                    std::ptr::null_mut(),
                    std::ptr::null_mut()
                ),
                ffi::SQLITE_OK
            );
            assert_eq!(
                ffi::sqlite3_prepare_v2(db, sql.as_ptr(), -1, &mut stmt, std::ptr::null_mut()),
                ffi::SQLITE_OK
            );
        }
        Raw { db, stmt }
    }

    #[inline(never)]
    fn load(&mut self) -> Vec<User> {
        let mut out = Vec::new();
        // SAFETY: `stmt` is a valid prepared statement; column pointers are read before the next
        // step and copied into owned Strings.
        unsafe {
            while ffi::sqlite3_step(self.stmt) == ffi::SQLITE_ROW {
                let id = ffi::sqlite3_column_int(self.stmt, 0);
                let name = text(self.stmt, 1).to_owned();
                let hair = if ffi::sqlite3_column_type(self.stmt, 2) == ffi::SQLITE_NULL {
                    None
                } else {
                    Some(text(self.stmt, 2).to_owned())
                };
                out.push(User {
                    id,
                    name,
                    hair_color: hair,
                });
            }
            ffi::sqlite3_reset(self.stmt);
        }
        out
    }
}

/// The text of a non-NULL column, as a careful hand-written loop reads it: pointer and length
/// from SQLite, UTF-8 validated.
///
/// # Safety
/// `stmt` has a current row and column `col` is not NULL.
unsafe fn text<'a>(stmt: *mut ffi::sqlite3_stmt, col: i32) -> &'a str {
    // SAFETY: per the function's contract; pointer before length, as SQLite requires.
    let bytes = unsafe {
        let ptr = ffi::sqlite3_column_text(stmt, col);
        let len = ffi::sqlite3_column_bytes(stmt, col) as usize;
        std::slice::from_raw_parts(ptr, len)
    };
    std::str::from_utf8(bytes).expect("utf8")
}

impl Drop for Raw {
    fn drop(&mut self) {
        // SAFETY: the handles are valid and finalized/closed exactly once.
        unsafe {
            ffi::sqlite3_finalize(self.stmt);
            ffi::sqlite3_close(self.db);
        }
    }
}

fn main() {
    let iters = support::iterations();
    let setup = setup_sql();
    let mut conn = SqliteConnection::establish(":memory:").expect("open");
    conn.batch_execute(&setup).expect("setup");
    let mut raw = Raw::open(&setup);
    assert_eq!(quarry_load(&mut conn), raw.load(), "both load the same rows");

    let q = support::median(|| quarry_load(&mut conn).len(), || {}, iters);
    let r = support::median(|| raw.load().len(), || {}, iters);
    println!("load {ROWS} rows x 3 columns into structs (median of {iters}):");
    println!("  raw sqlite3_step loop: {r:?}");
    println!("  quarry:                {q:?}");
    println!(
        "  ratio quarry/raw:      {:.3}",
        q.as_secs_f64() / r.as_secs_f64()
    );
}
