//! Inserting 1,000 rows: Quarry's batch insert (one multi-row statement) against the classic
//! hand-written approach, one prepared statement stepped once per row inside one transaction.
//! Run with `cargo bench -p quarry-sqlite --bench insert_rows`.

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

#[derive(Insertable)]
#[quarry(table = users)]
struct NewUser<'a> {
    name: &'a str,
    hair_color: Option<&'a str>,
}

const ROWS: usize = 1_000;
const SCHEMA: &str = "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL, hair_color TEXT);";

#[inline(never)]
fn quarry_insert(conn: &mut SqliteConnection, rows: &[NewUser<'_>]) -> usize {
    insert_into(users::table)
        .values(rows)
        .execute(conn)
        .expect("insert")
}

struct Raw {
    db: *mut ffi::sqlite3,
    insert: *mut ffi::sqlite3_stmt,
}

impl Raw {
    fn open() -> Raw {
        let mut db = std::ptr::null_mut();
        let mut insert = std::ptr::null_mut();
        let schema = std::ffi::CString::new(SCHEMA).expect("no NUL");
        // SAFETY: valid C strings and out-pointers; results are checked; handles owned by `Raw`.
        unsafe {
            assert_eq!(ffi::sqlite3_open(c":memory:".as_ptr(), &mut db), ffi::SQLITE_OK);
            assert_eq!(exec(db, schema.as_ptr()), ffi::SQLITE_OK);
            let sql = c"INSERT INTO users (name, hair_color) VALUES (?, ?)";
            assert_eq!(
                ffi::sqlite3_prepare_v2(db, sql.as_ptr(), -1, &mut insert, std::ptr::null_mut()),
                ffi::SQLITE_OK
            );
        }
        Raw { db, insert }
    }

    #[inline(never)]
    fn insert(&mut self, rows: &[NewUser<'_>]) -> usize {
        // SAFETY: valid handles; bound text outlives each step (SQLITE_STATIC) and the
        // bindings are cleared before the data could go away.
        unsafe {
            assert_eq!(exec(self.db, c"BEGIN".as_ptr()), ffi::SQLITE_OK);
            for row in rows {
                ffi::sqlite3_bind_text(
                    self.insert,
                    1,
                    row.name.as_ptr().cast(),
                    row.name.len() as i32,
                    ffi::SQLITE_STATIC(),
                );
                match row.hair_color {
                    Some(h) => ffi::sqlite3_bind_text(
                        self.insert,
                        2,
                        h.as_ptr().cast(),
                        h.len() as i32,
                        ffi::SQLITE_STATIC(),
                    ),
                    None => ffi::sqlite3_bind_null(self.insert, 2),
                };
                assert_eq!(ffi::sqlite3_step(self.insert), ffi::SQLITE_DONE);
                ffi::sqlite3_reset(self.insert);
            }
            ffi::sqlite3_clear_bindings(self.insert);
            assert_eq!(exec(self.db, c"COMMIT".as_ptr()), ffi::SQLITE_OK);
        }
        rows.len()
    }

    fn clear(&mut self) {
        // SAFETY: valid handle and C string.
        unsafe { assert_eq!(exec(self.db, c"DELETE FROM users".as_ptr()), ffi::SQLITE_OK) };
    }
}

/// # Safety
/// `db` is an open connection and `sql` a NUL-terminated string.
unsafe fn exec(db: *mut ffi::sqlite3, sql: *const std::ffi::c_char) -> i32 {
    // SAFETY: per the function's contract.
    unsafe { ffi::sqlite3_exec(db, sql, None, std::ptr::null_mut(), std::ptr::null_mut()) }
}

impl Drop for Raw {
    fn drop(&mut self) {
        // SAFETY: valid handles, finalized/closed once.
        unsafe {
            ffi::sqlite3_finalize(self.insert);
            ffi::sqlite3_close(self.db);
        }
    }
}

fn main() {
    let iters = support::iterations();
    let names: Vec<String> = (0..ROWS).map(|i| format!("User {i}")).collect();
    let rows: Vec<NewUser<'_>> = names
        .iter()
        .enumerate()
        .map(|(i, n)| NewUser {
            name: n,
            hair_color: (i % 2 == 0).then_some("black"),
        })
        .collect();
    let mut conn = SqliteConnection::establish(":memory:").expect("open");
    conn.batch_execute(SCHEMA).expect("schema");
    let mut raw = Raw::open();
    let conn_cell = std::cell::RefCell::new(conn);
    let q = support::median(
        || quarry_insert(&mut conn_cell.borrow_mut(), &rows),
        || {
            conn_cell
                .borrow_mut()
                .batch_execute("DELETE FROM users")
                .expect("clear")
        },
        iters,
    );
    let raw_cell = std::cell::RefCell::new(&mut raw);
    let r = support::median(
        || raw_cell.borrow_mut().insert(&rows),
        || raw_cell.borrow_mut().clear(),
        iters,
    );
    println!("insert {ROWS} rows x 2 values (median of {iters}):");
    println!("  prepared statement reused in one transaction: {r:?}");
    println!("  quarry batch insert (one statement):          {q:?}");
    println!(
        "  ratio quarry/raw:                             {:.3}",
        q.as_secs_f64() / r.as_secs_f64()
    );
}
