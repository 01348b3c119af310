//! The workloads written by hand over libpq (`pq-sys`), as a careful user would: every statement
//! is prepared once (`PQprepare`) and run with `PQexecPrepared`, binary parameters and binary
//! results (result format 1); values are read with `PQgetvalue` / `PQgetlength` /
//! `PQgetisnull` and decoded by hand (big-endian `int4`, UTF-8 checked text) into the shared
//! structs.
//!
//! The associations workload sends the parent ids as one binary `int4[]` parameter
//! (`WHERE user_id = ANY($1)`), as Quarry and Diesel do on PostgreSQL.

use std::collections::HashMap;
use std::ffi::{c_char, c_int, CStr, CString};
use std::ptr::{self, NonNull};

use pq_sys::ConnStatusType::CONNECTION_OK;
use pq_sys::ExecStatusType::{PGRES_COMMAND_OK, PGRES_TUPLES_OK};
use pq_sys::{
    Oid, PGconn, PGresult, PQclear, PQcmdTuples, PQconnectdb, PQerrorMessage, PQexec, PQexecPrepared,
    PQfinish, PQgetisnull, PQgetlength, PQgetvalue, PQnfields, PQntuples, PQprepare, PQresultErrorMessage,
    PQresultStatus, PQstatus,
};

use super::SESSION_SQL;
use crate::{build_tree, Comment, NewUser, Post, User, UserTree};

/// libpq's format code for binary values.
const BINARY: c_int = 1;
/// Type OIDs (`pg_type`).
const TEXT_OID: Oid = 25;
const INT4_OID: Oid = 23;
const INT4_ARRAY_OID: Oid = 1007;

const TRIVIAL: &CStr = c"bench_trivial";
const TRIVIAL_SQL: &CStr = c"SELECT id, name, hair_color FROM users ORDER BY id";
const MEDIUM: &CStr = c"bench_medium";
const MEDIUM_SQL: &CStr = c"SELECT users.id, users.name, users.hair_color, \
    posts.id, posts.user_id, posts.title, posts.body \
    FROM users LEFT JOIN posts ON posts.user_id = users.id \
    WHERE users.hair_color = $1 ORDER BY users.id, posts.id";
const POSTS_OF_USERS: &CStr = c"bench_posts_of_users";
const POSTS_OF_USERS_SQL: &CStr =
    c"SELECT id, user_id, title, body FROM posts WHERE user_id = ANY($1) ORDER BY id";
const COMMENTS_OF_POSTS: &CStr = c"bench_comments_of_posts";
const COMMENTS_OF_POSTS_SQL: &CStr =
    c"SELECT id, post_id, text FROM comments WHERE post_id = ANY($1) ORDER BY id";

/// A libpq connection with the benchmark's prepared statements.
pub struct RawPg {
    conn: NonNull<PGconn>,
    /// The prepared multi-row INSERT for each batch size, by size.
    inserts: HashMap<usize, CString>,
}

impl RawPg {
    /// Connects (`PQconnectdb`), sets the session up and prepares the statements of the load
    /// workloads (the tables must exist).
    pub fn connect(url: &str) -> Self {
        let mut this = Self::connect_plain(url);
        this.prepare(TRIVIAL, TRIVIAL_SQL, &[]);
        this.prepare(MEDIUM, MEDIUM_SQL, &[TEXT_OID]);
        this.prepare(POSTS_OF_USERS, POSTS_OF_USERS_SQL, &[INT4_ARRAY_OID]);
        this.prepare(COMMENTS_OF_POSTS, COMMENTS_OF_POSTS_SQL, &[INT4_ARRAY_OID]);
        this
    }

    /// Connects and sets the session up, preparing nothing.
    pub(super) fn connect_plain(url: &str) -> Self {
        let url = CString::new(url).expect("raw libpq: the URL contains a NUL byte");
        // SAFETY: `url` is a NUL-terminated string that outlives the call.
        let conn = unsafe { PQconnectdb(url.as_ptr()) };
        let conn = NonNull::new(conn).expect("raw libpq: PQconnectdb returned null (out of memory)");
        // From here on dropping `this` finishes the connection.
        let mut this = Self {
            conn,
            inserts: HashMap::new(),
        };
        // SAFETY: a connection returned by PQconnectdb, even a failed one, may be asked its status.
        if unsafe { PQstatus(this.conn.as_ptr()) } != CONNECTION_OK {
            panic!("raw libpq: cannot connect: {}", this.error_message());
        }
        this.exec(SESSION_SQL);
        this
    }

    /// Runs SQL text without parameters (`PQexec`; may hold several statements), discarding
    /// rows. Panics with the server's message on failure.
    pub(super) fn exec(&mut self, sql: &str) {
        let sql = CString::new(sql).expect("raw libpq: SQL with a NUL byte");
        // SAFETY: a live connection, used by this thread only (`&mut self`); `sql` is
        // NUL-terminated and outlives the call.
        let res = unsafe { PQexec(self.conn.as_ptr(), sql.as_ptr()) };
        self.check(res, &sql);
    }

    /// Runs a query in text format (`PQexec`) and returns its rows as text; `None` is NULL.
    pub(super) fn query_text(&mut self, sql: &str) -> Vec<Vec<Option<String>>> {
        let sql = CString::new(sql).expect("raw libpq: SQL with a NUL byte");
        // SAFETY: as in `exec`.
        let res = unsafe { PQexec(self.conn.as_ptr(), sql.as_ptr()) };
        let res = self.check(res, &sql);
        (0..res.rows())
            .map(|row| (0..res.columns()).map(|col| res.opt_text(row, col)).collect())
            .collect()
    }

    /// Prepares `sql` as the statement `name` with these parameter types (`PQprepare`).
    fn prepare(&mut self, name: &CStr, sql: &CStr, types: &[Oid]) {
        let count = c_int::try_from(types.len()).expect("raw libpq: too many parameters");
        let types_ptr = if types.is_empty() {
            ptr::null()
        } else {
            types.as_ptr()
        };
        // SAFETY: a live connection used exclusively; `name` and `sql` are NUL-terminated and
        // `types_ptr` is null (count 0) or points to `count` OIDs, all outliving the call.
        let res = unsafe { PQprepare(self.conn.as_ptr(), name.as_ptr(), sql.as_ptr(), count, types_ptr) };
        self.check(res, sql);
    }

    /// Runs the prepared statement `name` with binary parameters (`None` = NULL) and binary
    /// results (`PQexecPrepared`).
    fn exec_prepared(&mut self, name: &CStr, values: &[*const c_char], lengths: &[c_int]) -> PgRes {
        debug_assert_eq!(values.len(), lengths.len());
        let count = c_int::try_from(values.len()).expect("raw libpq: too many parameters");
        // Every parameter is binary; one entry per parameter (the array may be empty).
        let formats = vec![BINARY; values.len()];
        // SAFETY: a live connection used exclusively; `name` is NUL-terminated; `values`,
        // `lengths` and `formats` each hold `count` entries, and each non-null value points to
        // at least its length in readable bytes (the callers borrow them for the call).
        let res = unsafe {
            PQexecPrepared(
                self.conn.as_ptr(),
                name.as_ptr(),
                count,
                values.as_ptr(),
                lengths.as_ptr(),
                formats.as_ptr(),
                BINARY,
            )
        };
        self.check(res, name)
    }

    /// Takes ownership of a result and panics unless it succeeded.
    fn check(&self, res: *mut PGresult, what: &CStr) -> PgRes {
        let Some(res) = NonNull::new(res) else {
            panic!("raw libpq: {what:?} returned no result: {}", self.error_message());
        };
        let res = PgRes(res);
        // SAFETY: a live result owned by `res`.
        let status = unsafe { PQresultStatus(res.0.as_ptr()) };
        if status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK {
            // SAFETY: a live result; the message is a NUL-terminated string it owns, copied
            // before `res` is dropped.
            let message = unsafe { CStr::from_ptr(PQresultErrorMessage(res.0.as_ptr())) };
            panic!(
                "raw libpq: {what:?} failed ({status:?}): {}",
                message.to_string_lossy()
            );
        }
        res
    }

    fn error_message(&self) -> String {
        // SAFETY: a live connection; the message is a NUL-terminated string it owns, copied
        // right away.
        unsafe { CStr::from_ptr(PQerrorMessage(self.conn.as_ptr())) }
            .to_string_lossy()
            .into_owned()
    }

    /// `SELECT id, name, hair_color FROM users ORDER BY id`.
    #[inline(never)]
    pub fn trivial(&mut self) -> Vec<User> {
        let res = self.exec_prepared(TRIVIAL, &[], &[]);
        read_users(&res)
    }

    /// Users with black hair, LEFT JOIN their posts.
    #[inline(never)]
    pub fn medium(&mut self) -> Vec<(User, Option<Post>)> {
        let color = crate::data::MEDIUM_HAIR_COLOR;
        let res = self.exec_prepared(MEDIUM, &[color.as_ptr().cast::<c_char>()], &[c_len(color.len())]);
        assert_eq!(res.columns(), 7, "raw libpq: medium query columns");
        let rows = res.rows();
        let mut out = Vec::with_capacity(rows);
        for row in 0..rows {
            let user = User {
                id: res.int4(row, 0),
                name: res.text(row, 1),
                hair_color: res.opt_text(row, 2),
            };
            let post = (!res.is_null(row, 3)).then(|| Post {
                id: res.int4(row, 3),
                user_id: res.int4(row, 4),
                title: res.text(row, 5),
                body: res.opt_text(row, 6),
            });
            out.push((user, post));
        }
        out
    }

    /// Inserts `rows` with one multi-row INSERT (prepared once per batch size); returns the
    /// number of rows inserted.
    #[inline(never)]
    pub fn insert(&mut self, rows: &[NewUser]) -> usize {
        if rows.is_empty() {
            return 0;
        }
        let name = match self.inserts.get(&rows.len()) {
            Some(name) => name.clone(),
            None => {
                let name = CString::new(format!("bench_insert_{}", rows.len())).expect("no NUL");
                let values: Vec<String> = (0..rows.len())
                    .map(|i| format!("(${}, ${})", 2 * i + 1, 2 * i + 2))
                    .collect();
                let sql = CString::new(format!(
                    "INSERT INTO users (name, hair_color) VALUES {}",
                    values.join(", ")
                ))
                .expect("no NUL");
                self.prepare(&name, &sql, &vec![TEXT_OID; 2 * rows.len()]);
                self.inserts.insert(rows.len(), name.clone());
                name
            }
        };
        let mut values = Vec::with_capacity(2 * rows.len());
        let mut lengths = Vec::with_capacity(2 * rows.len());
        for row in rows {
            // A text value in binary format is its bytes; the pointer of a `String` is never
            // null, even when it is empty (null would mean SQL NULL).
            values.push(row.name.as_ptr().cast::<c_char>());
            lengths.push(c_len(row.name.len()));
            match &row.hair_color {
                Some(color) => {
                    values.push(color.as_ptr().cast::<c_char>());
                    lengths.push(c_len(color.len()));
                }
                None => {
                    values.push(ptr::null());
                    lengths.push(0);
                }
            }
        }
        let res = self.exec_prepared(&name, &values, &lengths);
        res.affected_rows()
    }

    /// 100 users, their posts (`user_id = ANY($1)`), those posts' comments, as a tree.
    #[inline(never)]
    pub fn associations(&mut self) -> UserTree {
        let users = read_users(&self.exec_prepared(TRIVIAL, &[], &[]));

        let user_ids = int4_array(users.iter().map(|u| u.id));
        let res = self.exec_prepared(
            POSTS_OF_USERS,
            &[user_ids.as_ptr().cast::<c_char>()],
            &[c_len(user_ids.len())],
        );
        assert_eq!(res.columns(), 4, "raw libpq: posts columns");
        let posts: Vec<Post> = (0..res.rows())
            .map(|row| Post {
                id: res.int4(row, 0),
                user_id: res.int4(row, 1),
                title: res.text(row, 2),
                body: res.opt_text(row, 3),
            })
            .collect();

        let post_ids = int4_array(posts.iter().map(|p| p.id));
        let res = self.exec_prepared(
            COMMENTS_OF_POSTS,
            &[post_ids.as_ptr().cast::<c_char>()],
            &[c_len(post_ids.len())],
        );
        assert_eq!(res.columns(), 3, "raw libpq: comments columns");
        let comments: Vec<Comment> = (0..res.rows())
            .map(|row| Comment {
                id: res.int4(row, 0),
                post_id: res.int4(row, 1),
                text: res.text(row, 2),
            })
            .collect();

        build_tree(users, posts, comments)
    }
}

impl Drop for RawPg {
    fn drop(&mut self) {
        // SAFETY: the connection is owned by this value and finished exactly once, here.
        unsafe { PQfinish(self.conn.as_ptr()) };
    }
}

/// Reads `id, name, hair_color` rows.
fn read_users(res: &PgRes) -> Vec<User> {
    assert_eq!(res.columns(), 3, "raw libpq: users columns");
    let rows = res.rows();
    let mut out = Vec::with_capacity(rows);
    for row in 0..rows {
        out.push(User {
            id: res.int4(row, 0),
            name: res.text(row, 1),
            hair_color: res.opt_text(row, 2),
        });
    }
    out
}

/// A length as libpq's `int`.
fn c_len(len: usize) -> c_int {
    c_int::try_from(len).expect("raw libpq: value longer than 2 GiB")
}

/// A one-dimensional `int4[]` without NULLs in PostgreSQL's binary array format: dimensions,
/// has-null flag, element type, then per dimension its length and lower bound (1), then each
/// element as its length (4) and big-endian value.
fn int4_array(ids: impl ExactSizeIterator<Item = i32>) -> Vec<u8> {
    let n = ids.len();
    let mut buf = Vec::with_capacity(20 + 8 * n);
    let dims: i32 = if n == 0 { 0 } else { 1 };
    buf.extend_from_slice(&dims.to_be_bytes());
    buf.extend_from_slice(&0i32.to_be_bytes());
    buf.extend_from_slice(&INT4_OID.to_be_bytes());
    if n > 0 {
        buf.extend_from_slice(&i32::try_from(n).expect("array too long").to_be_bytes());
        buf.extend_from_slice(&1i32.to_be_bytes());
    }
    for id in ids {
        buf.extend_from_slice(&4i32.to_be_bytes());
        buf.extend_from_slice(&id.to_be_bytes());
    }
    buf
}

/// A `PGresult`, cleared (`PQclear`) when dropped.
struct PgRes(NonNull<PGresult>);

impl PgRes {
    fn rows(&self) -> usize {
        // SAFETY: a live result owned by self.
        let n = unsafe { PQntuples(self.0.as_ptr()) };
        usize::try_from(n).expect("PQntuples is not negative")
    }

    fn columns(&self) -> usize {
        // SAFETY: a live result owned by self.
        let n = unsafe { PQnfields(self.0.as_ptr()) };
        usize::try_from(n).expect("PQnfields is not negative")
    }

    fn is_null(&self, row: usize, col: usize) -> bool {
        // SAFETY: a live result; libpq checks the indices (out of range counts as NULL).
        unsafe { PQgetisnull(self.0.as_ptr(), row as c_int, col as c_int) != 0 }
    }

    /// The value's bytes, in place (empty for NULL).
    fn bytes(&self, row: usize, col: usize) -> &[u8] {
        let (row, col) = (row as c_int, col as c_int);
        // SAFETY: a live result; libpq checks the indices (out of range gives null / 0).
        let (ptr, len) = unsafe {
            (
                PQgetvalue(self.0.as_ptr(), row, col),
                PQgetlength(self.0.as_ptr(), row, col),
            )
        };
        if ptr.is_null() || len <= 0 {
            return &[];
        }
        // SAFETY: PQgetvalue points to PQgetlength bytes owned by the result, unchanged until
        // PQclear, which runs only when self is dropped, after this borrow.
        unsafe { std::slice::from_raw_parts(ptr.cast::<u8>(), len as usize) }
    }

    /// A binary `int4` (4 bytes, big-endian).
    fn int4(&self, row: usize, col: usize) -> i32 {
        let bytes: [u8; 4] = self
            .bytes(row, col)
            .try_into()
            .expect("raw libpq: an int4 is 4 bytes");
        i32::from_be_bytes(bytes)
    }

    /// A `text` value (its bytes, checked UTF-8).
    fn text(&self, row: usize, col: usize) -> String {
        String::from_utf8(self.bytes(row, col).to_vec()).expect("raw libpq: text is UTF-8")
    }

    fn opt_text(&self, row: usize, col: usize) -> Option<String> {
        (!self.is_null(row, col)).then(|| self.text(row, col))
    }

    /// The rows an INSERT / UPDATE / DELETE affected (`PQcmdTuples`).
    fn affected_rows(&self) -> usize {
        // SAFETY: a live result; PQcmdTuples returns a NUL-terminated string owned by it (empty
        // when the command reports no count), copied right away.
        let text = unsafe { CStr::from_ptr(PQcmdTuples(self.0.as_ptr())) };
        text.to_str().ok().and_then(|t| t.parse().ok()).unwrap_or(0)
    }
}

impl Drop for PgRes {
    fn drop(&mut self) {
        // SAFETY: a result owned by this value, cleared exactly once, here.
        unsafe { PQclear(self.0.as_ptr()) };
    }
}
