//! The workloads as a hand-written loop over SQLite's C API (`libsqlite3-sys`): every statement
//! is prepared once with `sqlite3_prepare_v3` (the `IN` lists and the multi-row INSERT when
//! their length is first seen, which is the untimed check run) and reused; rows are read with
//! `sqlite3_step` / `sqlite3_column_*` into the same structs as the other implementations, with
//! the text checked for UTF-8 as a careful program would.

use std::ffi::{c_int, CStr, CString};
use std::ptr;

use libsqlite3_sys as ffi;

use super::{
    comments_of_posts_sql, insert_users_sql, posts_of_users_sql, setup_sql, Seed, Workloads, DATABASE,
    MEDIUM_HAIR_COLOR, MEDIUM_SQL, READ_BACK_SQL, TRIVIAL_SQL,
};
use crate::{build_tree, Comment, NewUser, Post, User, UserTree};

/// An open database handle, closed on drop.
struct Db(*mut ffi::sqlite3);

impl Db {
    fn open(path: &str) -> Db {
        let c_path = CString::new(path).expect("raw: path without NUL");
        let mut db = ptr::null_mut();
        let flags = ffi::SQLITE_OPEN_READWRITE | ffi::SQLITE_OPEN_CREATE | ffi::SQLITE_OPEN_NOMUTEX;
        // SAFETY: `c_path` is a NUL-terminated string and `db` a valid out-pointer; the handle
        // SQLite returns (even on failure) is owned by the `Db` and closed exactly once on drop.
        let rc = unsafe { ffi::sqlite3_open_v2(c_path.as_ptr(), &mut db, flags, ptr::null()) };
        let db = Db(db);
        if rc != ffi::SQLITE_OK {
            panic!("raw: sqlite3_open_v2: {}", db.errmsg());
        }
        db
    }

    /// The connection's last error message.
    fn errmsg(&self) -> String {
        if self.0.is_null() {
            return "out of memory".to_string();
        }
        // SAFETY: `self.0` is a valid connection handle; the message is a NUL-terminated string
        // owned by SQLite, copied before any other call on the connection.
        unsafe { CStr::from_ptr(ffi::sqlite3_errmsg(self.0)) }
            .to_string_lossy()
            .into_owned()
    }

    /// Runs a script of statements (the schema and seed rows).
    fn exec(&self, sql: &str) {
        let c_sql = CString::new(sql).expect("raw: SQL without NUL");
        // SAFETY: valid connection handle and NUL-terminated SQL; no callback, no error string
        // out-pointer (the message is read with `errmsg`).
        let rc = unsafe { ffi::sqlite3_exec(self.0, c_sql.as_ptr(), None, ptr::null_mut(), ptr::null_mut()) };
        if rc != ffi::SQLITE_OK {
            panic!("raw: sqlite3_exec: {}", self.errmsg());
        }
    }

    /// Prepares one statement, kept for reuse (`SQLITE_PREPARE_PERSISTENT`).
    fn prepare(&self, sql: &str) -> Stmt {
        let mut stmt = ptr::null_mut();
        // SAFETY: valid connection handle; `sql` is readable for `sql.len()` bytes (no NUL
        // needed when the length is given); `stmt` is a valid out-pointer, owned by the returned
        // `Stmt` and finalized exactly once.
        let rc = unsafe {
            ffi::sqlite3_prepare_v3(
                self.0,
                sql.as_ptr().cast(),
                c_int::try_from(sql.len()).expect("raw: SQL length fits in an int"),
                ffi::SQLITE_PREPARE_PERSISTENT,
                &mut stmt,
                ptr::null_mut(),
            )
        };
        if rc != ffi::SQLITE_OK || stmt.is_null() {
            panic!("raw: sqlite3_prepare_v3 `{sql}`: {}", self.errmsg());
        }
        Stmt(stmt)
    }
}

impl Drop for Db {
    fn drop(&mut self) {
        // SAFETY: the handle is owned by this `Db` and closed exactly once; every statement of
        // it is finalized first (the `Stmt` fields of `RawSqlite` are declared before its `Db`),
        // so `sqlite3_close` finds none left open.
        unsafe { ffi::sqlite3_close(self.0) };
    }
}

/// A prepared statement, finalized on drop.
struct Stmt(*mut ffi::sqlite3_stmt);

impl Drop for Stmt {
    fn drop(&mut self) {
        // SAFETY: the statement is owned by this `Stmt` and finalized exactly once.
        unsafe { ffi::sqlite3_finalize(self.0) };
    }
}

/// The connection and its prepared statements.
pub struct RawSqlite {
    // Statements before `db`: fields drop in declaration order.
    trivial: Stmt,
    medium: Stmt,
    read_back: Stmt,
    clear: Stmt,
    /// `posts WHERE user_id IN (…n…)`, prepared for the first `n` seen.
    posts_in: Option<(usize, Stmt)>,
    /// `comments WHERE post_id IN (…n…)`.
    comments_in: Option<(usize, Stmt)>,
    /// The INSERT of `n` rows.
    insert_n: Option<(usize, Stmt)>,
    db: Db,
}

/// Prepares the statement of `slot` for `n` values, unless it already is.
fn sized<'s>(db: &Db, slot: &'s mut Option<(usize, Stmt)>, n: usize, sql: fn(usize) -> String) -> &'s Stmt {
    if slot.as_ref().is_none_or(|(len, _)| *len != n) {
        *slot = Some((n, db.prepare(&sql(n))));
    }
    &slot.as_ref().expect("just prepared").1
}

/// Checks a result code of a bind call.
fn check(db: &Db, rc: c_int, what: &str) {
    if rc != ffi::SQLITE_OK {
        panic!("raw: {what}: {}", db.errmsg());
    }
}

/// Steps `stmt` once: `true` for a row, `false` when done.
///
/// # Safety
/// `stmt` is a valid statement of `db`, used by this thread only.
#[inline]
unsafe fn step(db: &Db, stmt: *mut ffi::sqlite3_stmt) -> bool {
    // SAFETY: per the function's contract.
    match unsafe { ffi::sqlite3_step(stmt) } {
        ffi::SQLITE_ROW => true,
        ffi::SQLITE_DONE => false,
        _ => panic!("raw: sqlite3_step: {}", db.errmsg()),
    }
}

/// The text of column `col` of the current row as an owned `String`.
///
/// # Safety
/// `stmt` is a valid statement with a current row, used by this thread only.
#[inline]
unsafe fn text(stmt: *mut ffi::sqlite3_stmt, col: c_int) -> String {
    // SAFETY: per the function's contract; pointer first, then length, as SQLite requires. The
    // bytes stay valid until the next step/reset and are copied into the `String` here.
    let bytes = unsafe {
        let data = ffi::sqlite3_column_text(stmt, col);
        let len = ffi::sqlite3_column_bytes(stmt, col) as usize;
        if data.is_null() {
            &[][..]
        } else {
            std::slice::from_raw_parts(data, len)
        }
    };
    std::str::from_utf8(bytes).expect("raw: text is UTF-8").to_owned()
}

/// The text of a nullable column.
///
/// # Safety
/// As for [`text`].
#[inline]
unsafe fn opt_text(stmt: *mut ffi::sqlite3_stmt, col: c_int) -> Option<String> {
    // SAFETY: per the function's contract.
    unsafe {
        if ffi::sqlite3_column_type(stmt, col) == ffi::SQLITE_NULL {
            None
        } else {
            Some(text(stmt, col))
        }
    }
}

/// An integer column.
///
/// # Safety
/// As for [`text`].
#[inline]
unsafe fn int(stmt: *mut ffi::sqlite3_stmt, col: c_int) -> i32 {
    // SAFETY: per the function's contract.
    unsafe { ffi::sqlite3_column_int(stmt, col) }
}

/// Reads a `User` from columns `at..at + 3`.
///
/// # Safety
/// As for [`text`].
#[inline]
unsafe fn read_user(stmt: *mut ffi::sqlite3_stmt, at: c_int) -> User {
    // SAFETY: per the function's contract.
    unsafe {
        User {
            id: int(stmt, at),
            name: text(stmt, at + 1),
            hair_color: opt_text(stmt, at + 2),
        }
    }
}

/// Reads a `Post` from columns `at..at + 4`.
///
/// # Safety
/// As for [`text`].
#[inline]
unsafe fn read_post(stmt: *mut ffi::sqlite3_stmt, at: c_int) -> Post {
    // SAFETY: per the function's contract.
    unsafe {
        Post {
            id: int(stmt, at),
            user_id: int(stmt, at + 1),
            title: text(stmt, at + 2),
            body: opt_text(stmt, at + 3),
        }
    }
}

/// Runs `stmt` (parameters already bound) and collects its rows; resets it and clears its
/// bindings after.
///
/// # Safety
/// `stmt` is a valid statement of `db`, used by this thread only, and every pointer bound to it
/// with `SQLITE_STATIC` stays valid until this function returns.
#[inline]
unsafe fn collect<T>(
    db: &Db,
    stmt: *mut ffi::sqlite3_stmt,
    read: impl Fn(*mut ffi::sqlite3_stmt) -> T,
) -> Vec<T> {
    let mut out = Vec::new();
    // SAFETY: per the function's contract; `read` only reads the current row.
    unsafe {
        while step(db, stmt) {
            out.push(read(stmt));
        }
        ffi::sqlite3_reset(stmt);
        ffi::sqlite3_clear_bindings(stmt);
    }
    out
}

/// Binds integers to parameters 1..=n.
///
/// # Safety
/// `stmt` is a valid statement of `db`, used by this thread only.
#[inline]
unsafe fn bind_ints(db: &Db, stmt: *mut ffi::sqlite3_stmt, values: impl Iterator<Item = i32>) {
    for (i, v) in values.enumerate() {
        // SAFETY: per the function's contract; an out-of-range index is reported as an error.
        let rc = unsafe { ffi::sqlite3_bind_int(stmt, i as c_int + 1, v) };
        check(db, rc, "sqlite3_bind_int");
    }
}

/// Binds text without copying it (`SQLITE_STATIC`).
///
/// # Safety
/// `stmt` is a valid statement of `db`, used by this thread only, and `v` stays alive and
/// unchanged until the binding is cleared.
#[inline]
unsafe fn bind_text(db: &Db, stmt: *mut ffi::sqlite3_stmt, idx: c_int, v: &str) {
    // A `&str` may be empty with a dangling pointer: SQLite gets a real empty string then.
    let data = if v.is_empty() {
        c"".as_ptr()
    } else {
        v.as_ptr().cast()
    };
    // SAFETY: per the function's contract; `data` is readable for `v.len()` bytes.
    let rc = unsafe {
        ffi::sqlite3_bind_text64(
            stmt,
            idx,
            data,
            v.len() as u64,
            ffi::SQLITE_STATIC(),
            ffi::SQLITE_UTF8 as u8,
        )
    };
    check(db, rc, "sqlite3_bind_text64");
}

impl Workloads for RawSqlite {
    fn open(seed: Seed) -> Self {
        let db = Db::open(DATABASE);
        db.exec(&setup_sql(seed));
        Self {
            trivial: db.prepare(TRIVIAL_SQL),
            medium: db.prepare(MEDIUM_SQL),
            read_back: db.prepare(READ_BACK_SQL),
            clear: db.prepare("DELETE FROM users"),
            posts_in: None,
            comments_in: None,
            insert_n: None,
            db,
        }
    }

    #[inline(never)]
    fn trivial(&mut self) -> Vec<User> {
        let stmt = self.trivial.0;
        // SAFETY: `stmt` is a statement of `self.db`, used by this thread only; nothing is bound.
        unsafe { collect(&self.db, stmt, |s| read_user(s, 0)) }
    }

    #[inline(never)]
    fn medium(&mut self) -> Vec<(User, Option<Post>)> {
        let stmt = self.medium.0;
        // SAFETY: `stmt` is a statement of `self.db`, used by this thread only; the bound text is
        // a `&'static str`, and `collect` clears the binding.
        unsafe {
            bind_text(&self.db, stmt, 1, MEDIUM_HAIR_COLOR);
            collect(&self.db, stmt, |s| {
                let user = read_user(s, 0);
                let post = if ffi::sqlite3_column_type(s, 3) == ffi::SQLITE_NULL {
                    None
                } else {
                    Some(read_post(s, 3))
                };
                (user, post)
            })
        }
    }

    #[inline(never)]
    fn insert(&mut self, rows: &[NewUser]) -> usize {
        let stmt = sized(&self.db, &mut self.insert_n, rows.len(), insert_users_sql).0;
        // SAFETY: `stmt` is a statement of `self.db`, used by this thread only; the bound texts
        // borrow `rows`, which outlives this block, and the bindings are cleared before it ends.
        unsafe {
            for (i, row) in rows.iter().enumerate() {
                let idx = 2 * i as c_int + 1;
                bind_text(&self.db, stmt, idx, &row.name);
                match &row.hair_color {
                    Some(h) => bind_text(&self.db, stmt, idx + 1, h),
                    None => check(
                        &self.db,
                        ffi::sqlite3_bind_null(stmt, idx + 1),
                        "sqlite3_bind_null",
                    ),
                }
            }
            let row = step(&self.db, stmt);
            ffi::sqlite3_reset(stmt);
            ffi::sqlite3_clear_bindings(stmt);
            assert!(!row, "raw: INSERT returns no rows");
            ffi::sqlite3_changes(self.db.0) as usize
        }
    }

    #[inline(never)]
    fn associations(&mut self) -> UserTree {
        let db = &self.db;
        let stmt = self.trivial.0;
        // SAFETY: `stmt` is a statement of `db`, used by this thread only; nothing is bound.
        let users = unsafe { collect(db, stmt, |s| read_user(s, 0)) };
        let stmt = sized(db, &mut self.posts_in, users.len(), posts_of_users_sql).0;
        // SAFETY: as above; only integers are bound (copied by SQLite).
        let posts = unsafe {
            bind_ints(db, stmt, users.iter().map(|u| u.id));
            collect(db, stmt, |s| read_post(s, 0))
        };
        let stmt = sized(db, &mut self.comments_in, posts.len(), comments_of_posts_sql).0;
        // SAFETY: as above.
        let comments = unsafe {
            bind_ints(db, stmt, posts.iter().map(|p| p.id));
            collect(db, stmt, |s| Comment {
                id: int(s, 0),
                post_id: int(s, 1),
                text: text(s, 2),
            })
        };
        build_tree(users, posts, comments)
    }

    fn users_read_back(&mut self) -> Vec<(String, Option<String>)> {
        let stmt = self.read_back.0;
        // SAFETY: `stmt` is a statement of `self.db`, used by this thread only; nothing is bound.
        unsafe { collect(&self.db, stmt, |s| (text(s, 0), opt_text(s, 1))) }
    }

    fn users_clear(&mut self) {
        let stmt = self.clear.0;
        // SAFETY: `stmt` is a statement of `self.db`, used by this thread only; nothing is bound.
        let rows = unsafe { collect(&self.db, stmt, |_| ()) };
        assert!(rows.is_empty(), "raw: DELETE returns no rows");
    }
}
