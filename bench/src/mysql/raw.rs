//! The workloads written by hand over the MySQL C API (`mysqlclient-sys`, linked against MariaDB
//! Connector/C), as a careful user would: every statement is prepared once
//! (`mysql_stmt_prepare`) and run with `mysql_stmt_bind_param` + `mysql_stmt_execute`; each
//! result column is bound to a buffer (`mysql_stmt_bind_result`: `int` for `INT`, a 256-byte
//! buffer for text) and rows are read with `mysql_stmt_fetch`, unbuffered. A text value longer
//! than its buffer (`MYSQL_DATA_TRUNCATED`, or a reported length above the buffer's) is fetched
//! again in full with `mysql_stmt_fetch_column`.
//!
//! The associations workload sends the parent ids as an `IN (?, ?, …)` list with one `INT`
//! parameter per id, prepared once per list length.

use std::collections::HashMap;
use std::ffi::{c_char, c_uint, c_ulong, c_void, CStr, CString};
use std::ptr::{self, NonNull};

use mysqlclient_sys::enum_field_types::{MYSQL_TYPE_LONG, MYSQL_TYPE_NULL, MYSQL_TYPE_STRING};
use mysqlclient_sys::mysql_option::{MYSQL_REPORT_DATA_TRUNCATION, MYSQL_SET_CHARSET_NAME};
use mysqlclient_sys::{
    my_bool, mysql_close, mysql_error, mysql_fetch_lengths, mysql_fetch_row, mysql_field_count,
    mysql_free_result, mysql_init, mysql_num_fields, mysql_options, mysql_real_connect, mysql_real_query,
    mysql_stmt_affected_rows, mysql_stmt_bind_param, mysql_stmt_bind_result, mysql_stmt_close,
    mysql_stmt_error, mysql_stmt_execute, mysql_stmt_fetch, mysql_stmt_fetch_column, mysql_stmt_free_result,
    mysql_stmt_init, mysql_stmt_prepare, mysql_store_result, MYSQL, MYSQL_BIND, MYSQL_DATA_TRUNCATED,
    MYSQL_NO_DATA, MYSQL_STMT,
};

use crate::{build_tree, Comment, NewUser, Post, User, UserTree};

const TRIVIAL_SQL: &str = "SELECT id, name, hair_color FROM users ORDER BY id";
const MEDIUM_SQL: &str = "SELECT users.id, users.name, users.hair_color, \
    posts.id, posts.user_id, posts.title, posts.body \
    FROM users LEFT JOIN posts ON posts.user_id = users.id \
    WHERE users.hair_color = ? ORDER BY users.id, posts.id";

/// The first size of a text column's buffer; longer values are fetched again in full.
const TEXT_BUFFER: usize = 256;

/// A connection with the benchmark's prepared statements.
///
/// The statements are declared before the session, so they are closed (dropped) before the
/// connection is.
pub struct RawMysql {
    trivial: Stmt,
    medium: Stmt,
    /// The multi-row INSERT for each batch size.
    inserts: HashMap<usize, Stmt>,
    /// The posts of N users, for each N.
    posts_of_users: HashMap<usize, Stmt>,
    /// The comments of N posts, for each N.
    comments_of_posts: HashMap<usize, Stmt>,
    session: Session,
}

impl RawMysql {
    /// Connects to `url` (which names the benchmark database) and prepares the statements of
    /// the load workloads (the tables must exist).
    pub fn connect(url: &str) -> Self {
        let mut session = Session::connect(url);
        Self {
            trivial: Stmt::prepare(&mut session, TRIVIAL_SQL),
            medium: Stmt::prepare(&mut session, MEDIUM_SQL),
            inserts: HashMap::new(),
            posts_of_users: HashMap::new(),
            comments_of_posts: HashMap::new(),
            session,
        }
    }

    /// `SELECT id, name, hair_color FROM users ORDER BY id`.
    #[inline(never)]
    pub fn trivial(&mut self) -> Vec<User> {
        load_users(&mut self.trivial)
    }

    /// Users with black hair, LEFT JOIN their posts.
    #[inline(never)]
    pub fn medium(&mut self) -> Vec<(User, Option<Post>)> {
        let stmt = &mut self.medium;
        let mut params = [text_param(crate::data::MEDIUM_HAIR_COLOR)];
        stmt.execute(&mut params);
        let (mut user_id, mut name, mut hair_color) = (IntOut::default(), TextOut::new(), TextOut::new());
        let (mut post_id, mut post_user_id) = (IntOut::default(), IntOut::default());
        let (mut title, mut body) = (TextOut::new(), TextOut::new());
        let mut binds = [
            user_id.bind(),
            name.bind(),
            hair_color.bind(),
            post_id.bind(),
            post_user_id.bind(),
            title.bind(),
            body.bind(),
        ];
        stmt.bind_result(&mut binds);
        let mut out = Vec::new();
        while stmt.fetch() {
            let user = User {
                id: user_id.get(),
                name: name.get(stmt, 1).expect("users.name is NOT NULL"),
                hair_color: hair_color.get(stmt, 2),
            };
            let post = (!post_id.is_null()).then(|| Post {
                id: post_id.get(),
                user_id: post_user_id.get(),
                title: title.get(stmt, 5).expect("posts.title is NOT NULL"),
                body: body.get(stmt, 6),
            });
            out.push((user, post));
        }
        stmt.free_result();
        out
    }

    /// Inserts `rows` with one multi-row INSERT (prepared once per batch size); returns the
    /// number of rows inserted.
    #[inline(never)]
    pub fn insert(&mut self, rows: &[NewUser]) -> usize {
        if rows.is_empty() {
            return 0;
        }
        let session = &mut self.session;
        let stmt = self.inserts.entry(rows.len()).or_insert_with(|| {
            let values = vec!["(?, ?)"; rows.len()].join(", ");
            Stmt::prepare(
                session,
                &format!("INSERT INTO users (name, hair_color) VALUES {values}"),
            )
        });
        let mut params: Vec<MYSQL_BIND> = Vec::with_capacity(2 * rows.len());
        for row in rows {
            params.push(text_param(&row.name));
            params.push(row.hair_color.as_deref().map_or_else(null_param, text_param));
        }
        stmt.execute(&mut params);
        usize::try_from(stmt.affected_rows()).expect("affected rows fit usize")
    }

    /// 100 users, their posts (`user_id IN (…)`), those posts' comments, as a tree.
    #[inline(never)]
    pub fn associations(&mut self) -> UserTree {
        let users = load_users(&mut self.trivial);

        let user_ids: Vec<i32> = users.iter().map(|u| u.id).collect();
        let mut posts = Vec::new();
        if !user_ids.is_empty() {
            let stmt = in_list_statement(
                &mut self.posts_of_users,
                &mut self.session,
                "SELECT id, user_id, title, body FROM posts WHERE user_id IN",
                user_ids.len(),
            );
            let mut params: Vec<MYSQL_BIND> = user_ids.iter().map(int_param).collect();
            stmt.execute(&mut params);
            let (mut id, mut user_id, mut title, mut body) = (
                IntOut::default(),
                IntOut::default(),
                TextOut::new(),
                TextOut::new(),
            );
            let mut binds = [id.bind(), user_id.bind(), title.bind(), body.bind()];
            stmt.bind_result(&mut binds);
            while stmt.fetch() {
                posts.push(Post {
                    id: id.get(),
                    user_id: user_id.get(),
                    title: title.get(stmt, 2).expect("posts.title is NOT NULL"),
                    body: body.get(stmt, 3),
                });
            }
            stmt.free_result();
        }

        let post_ids: Vec<i32> = posts.iter().map(|p| p.id).collect();
        let mut comments = Vec::new();
        if !post_ids.is_empty() {
            let stmt = in_list_statement(
                &mut self.comments_of_posts,
                &mut self.session,
                "SELECT id, post_id, text FROM comments WHERE post_id IN",
                post_ids.len(),
            );
            let mut params: Vec<MYSQL_BIND> = post_ids.iter().map(int_param).collect();
            stmt.execute(&mut params);
            let (mut id, mut post_id, mut text) = (IntOut::default(), IntOut::default(), TextOut::new());
            let mut binds = [id.bind(), post_id.bind(), text.bind()];
            stmt.bind_result(&mut binds);
            while stmt.fetch() {
                comments.push(Comment {
                    id: id.get(),
                    post_id: post_id.get(),
                    text: text.get(stmt, 2).expect("comments.text is NOT NULL"),
                });
            }
            stmt.free_result();
        }

        build_tree(users, posts, comments)
    }
}

/// Runs a prepared `SELECT id, name, hair_color FROM users ORDER BY id`.
fn load_users(stmt: &mut Stmt) -> Vec<User> {
    stmt.execute(&mut []);
    let (mut id, mut name, mut hair_color) = (IntOut::default(), TextOut::new(), TextOut::new());
    let mut binds = [id.bind(), name.bind(), hair_color.bind()];
    stmt.bind_result(&mut binds);
    let mut out = Vec::new();
    while stmt.fetch() {
        out.push(User {
            id: id.get(),
            name: name.get(stmt, 1).expect("users.name is NOT NULL"),
            hair_color: hair_color.get(stmt, 2),
        });
    }
    stmt.free_result();
    out
}

/// The statement `{select} (?, ?, …) ORDER BY id` with `n` placeholders, prepared on first use.
fn in_list_statement<'a>(
    cache: &'a mut HashMap<usize, Stmt>,
    session: &mut Session,
    select: &str,
    n: usize,
) -> &'a mut Stmt {
    cache.entry(n).or_insert_with(|| {
        let placeholders = vec!["?"; n].join(", ");
        Stmt::prepare(session, &format!("{select} ({placeholders}) ORDER BY id"))
    })
}

/// An all-zero `MYSQL_BIND`, as the C API expects for the fields left unused.
fn zeroed_bind() -> MYSQL_BIND {
    // SAFETY: MYSQL_BIND is a plain C struct of pointers (null is valid), integers, `my_bool`s,
    // optional function pointers (zero is `None`), a union of pointers and a C enum with a
    // variant 0: all-zero bytes are a valid value.
    unsafe { std::mem::zeroed() }
}

/// A text parameter: the C API reads `buffer_length` bytes from `buffer` (no NUL needed; an
/// empty `&str` still has a non-null pointer) during `mysql_stmt_execute`, so `text` must
/// outlive that call.
fn text_param(text: &str) -> MYSQL_BIND {
    let mut bind = zeroed_bind();
    bind.buffer_type = MYSQL_TYPE_STRING;
    // The C API only reads input buffers; its field is `void *`.
    bind.buffer = text.as_ptr().cast_mut().cast::<c_void>();
    bind.buffer_length = c_ulong::try_from(text.len()).expect("parameter too long");
    bind
}

/// A NULL parameter.
fn null_param() -> MYSQL_BIND {
    let mut bind = zeroed_bind();
    bind.buffer_type = MYSQL_TYPE_NULL;
    bind
}

/// An `INT` parameter read from `value` during `mysql_stmt_execute`.
fn int_param(value: &i32) -> MYSQL_BIND {
    let mut bind = zeroed_bind();
    bind.buffer_type = MYSQL_TYPE_LONG;
    bind.buffer = ptr::from_ref(value).cast_mut().cast::<c_void>();
    bind
}

/// The output of an `INT` result column, written by `mysql_stmt_fetch`.
#[derive(Default)]
struct IntOut {
    value: i32,
    is_null: my_bool,
    error: my_bool,
}

impl IntOut {
    /// A result bind writing into this value, which must stay in place until the last fetch.
    fn bind(&mut self) -> MYSQL_BIND {
        let mut bind = zeroed_bind();
        bind.buffer_type = MYSQL_TYPE_LONG;
        bind.buffer = ptr::from_mut(&mut self.value).cast::<c_void>();
        bind.is_null = ptr::from_mut(&mut self.is_null);
        bind.error = ptr::from_mut(&mut self.error);
        bind
    }

    fn is_null(&self) -> bool {
        self.is_null != mysqlclient_sys::FALSE
    }

    /// The fetched value; panics on NULL.
    fn get(&self) -> i32 {
        assert!(!self.is_null(), "raw MySQL: unexpected NULL integer");
        self.value
    }
}

/// The output of a text result column: a buffer, and the length / NULL flag
/// `mysql_stmt_fetch` writes.
struct TextOut {
    buffer: Vec<u8>,
    length: c_ulong,
    is_null: my_bool,
    error: my_bool,
}

impl TextOut {
    fn new() -> Self {
        Self {
            buffer: vec![0; TEXT_BUFFER],
            length: 0,
            is_null: mysqlclient_sys::FALSE,
            error: mysqlclient_sys::FALSE,
        }
    }

    /// A result bind writing into this value, which must stay in place until the last fetch.
    fn bind(&mut self) -> MYSQL_BIND {
        let mut bind = zeroed_bind();
        bind.buffer_type = MYSQL_TYPE_STRING;
        bind.buffer = self.buffer.as_mut_ptr().cast::<c_void>();
        bind.buffer_length = c_ulong::try_from(self.buffer.len()).expect("buffer length fits");
        bind.length = ptr::from_mut(&mut self.length);
        bind.is_null = ptr::from_mut(&mut self.is_null);
        bind.error = ptr::from_mut(&mut self.error);
        bind
    }

    /// The fetched value of column `column` (`None` for NULL). A value longer than the buffer
    /// (the length written is its full length) is fetched again, whole, from `stmt`.
    fn get(&self, stmt: &mut Stmt, column: c_uint) -> Option<String> {
        if self.is_null != mysqlclient_sys::FALSE {
            return None;
        }
        let len = usize::try_from(self.length).expect("length fits usize");
        let bytes = match self.buffer.get(..len) {
            Some(bytes) => bytes.to_vec(),
            None => stmt.fetch_column(column, len),
        };
        Some(String::from_utf8(bytes).expect("raw MySQL: text is UTF-8"))
    }
}

/// A prepared statement, closed (`mysql_stmt_close`) when dropped; must be dropped before the
/// connection it was prepared on.
struct Stmt(NonNull<MYSQL_STMT>);

impl Stmt {
    fn prepare(session: &mut Session, sql: &str) -> Self {
        // SAFETY: a live connection, used by this thread only (`&mut session`).
        let stmt = unsafe { mysql_stmt_init(session.conn.as_ptr()) };
        let stmt = Self(
            NonNull::new(stmt).unwrap_or_else(|| panic!("raw MySQL: mysql_stmt_init: {}", session.error())),
        );
        let len = c_ulong::try_from(sql.len()).expect("SQL too long");
        // SAFETY: a fresh statement handle; `sql` points to `len` readable bytes.
        if unsafe { mysql_stmt_prepare(stmt.0.as_ptr(), sql.as_ptr().cast::<c_char>(), len) } != 0 {
            panic!("raw MySQL: cannot prepare {sql:?}: {}", stmt.error());
        }
        stmt
    }

    fn error(&self) -> String {
        // SAFETY: a live statement; the message is a NUL-terminated string it owns, copied
        // right away.
        unsafe { CStr::from_ptr(mysql_stmt_error(self.0.as_ptr())) }
            .to_string_lossy()
            .into_owned()
    }

    /// Binds `params` (one per placeholder; their buffers must be alive) and executes.
    fn execute(&mut self, params: &mut [MYSQL_BIND]) {
        let stmt = self.0.as_ptr();
        if !params.is_empty() {
            // SAFETY: a live, prepared statement; `params` holds one bind per placeholder (the
            // callers build them from the statement's own SQL); the library copies the array,
            // and the buffers it points to outlive the execute call below.
            if unsafe { mysql_stmt_bind_param(stmt, params.as_mut_ptr()) } != mysqlclient_sys::FALSE {
                panic!("raw MySQL: mysql_stmt_bind_param: {}", self.error());
            }
        }
        // SAFETY: a live, prepared statement with its parameters bound.
        if unsafe { mysql_stmt_execute(stmt) } != 0 {
            panic!("raw MySQL: mysql_stmt_execute: {}", self.error());
        }
    }

    /// Binds the result columns to `binds` (one per column; what they point to must stay in
    /// place until the result is freed).
    fn bind_result(&mut self, binds: &mut [MYSQL_BIND]) {
        // SAFETY: a live statement with a result; `binds` has one bind per result column (the
        // callers build them from the statement's own SQL) and the library copies the array.
        if unsafe { mysql_stmt_bind_result(self.0.as_ptr(), binds.as_mut_ptr()) } != mysqlclient_sys::FALSE {
            panic!("raw MySQL: mysql_stmt_bind_result: {}", self.error());
        }
    }

    /// Fetches the next row into the bound buffers; `false` at the end. A truncated value is
    /// not an error here: `TextOut::get` fetches it again in full.
    fn fetch(&mut self) -> bool {
        // SAFETY: a live statement with an executed result and bound result buffers, which are
        // alive and in place (the callers keep them on their stack until `free_result`).
        let rc = unsafe { mysql_stmt_fetch(self.0.as_ptr()) };
        match u32::try_from(rc) {
            Ok(0 | MYSQL_DATA_TRUNCATED) => true,
            Ok(MYSQL_NO_DATA) => false,
            _ => panic!("raw MySQL: mysql_stmt_fetch: {}", self.error()),
        }
    }

    /// Column `column` of the current row, `len` bytes long, fetched whole.
    fn fetch_column(&mut self, column: c_uint, len: usize) -> Vec<u8> {
        let mut full = vec![0u8; len];
        let mut length: c_ulong = 0;
        let mut bind = zeroed_bind();
        bind.buffer_type = MYSQL_TYPE_STRING;
        bind.buffer = full.as_mut_ptr().cast::<c_void>();
        bind.buffer_length = c_ulong::try_from(len).expect("length fits");
        bind.length = ptr::from_mut(&mut length);
        // SAFETY: a live statement positioned on a fetched row; `column` is one of its columns;
        // `bind` points to `len` writable bytes and to `length`, alive during the call.
        if unsafe { mysql_stmt_fetch_column(self.0.as_ptr(), &mut bind, column, 0) } != 0 {
            panic!("raw MySQL: mysql_stmt_fetch_column: {}", self.error());
        }
        full.truncate(usize::try_from(length).expect("length fits"));
        full
    }

    /// Frees the result (`mysql_stmt_free_result`).
    fn free_result(&mut self) {
        // SAFETY: a live statement; freeing a read (or absent) result is always allowed.
        unsafe { mysql_stmt_free_result(self.0.as_ptr()) };
    }

    fn affected_rows(&self) -> u64 {
        // SAFETY: a live statement that was executed; this reads a field.
        unsafe { mysql_stmt_affected_rows(self.0.as_ptr()) }
    }
}

impl Drop for Stmt {
    fn drop(&mut self) {
        // SAFETY: a statement owned by this value, closed exactly once, here, while its
        // connection is still open (`RawMysql` drops its statements before its session).
        unsafe { mysql_stmt_close(self.0.as_ptr()) };
    }
}

/// A connection (`MYSQL` handle), closed with `mysql_close` when dropped.
pub(super) struct Session {
    conn: NonNull<MYSQL>,
}

impl Session {
    /// Connects to a `mysql://user[:password]@host[:port][/database]` URL over TCP, with the
    /// utf8mb4 character set and truncation reporting on.
    pub(super) fn connect(url: &str) -> Self {
        let params = ConnectParams::parse(url);
        // SAFETY: mysql_init(NULL) allocates a new handle (and initialises the library in this
        // single-threaded program when nothing did yet).
        let conn = unsafe { mysql_init(ptr::null_mut()) };
        // From here on dropping `this` closes the handle.
        let this = Self {
            conn: NonNull::new(conn).expect("raw MySQL: mysql_init failed (out of memory)"),
        };
        let h = this.conn.as_ptr();
        let report_truncation: my_bool = mysqlclient_sys::TRUE;
        // SAFETY: a fresh handle; the option values are a NUL-terminated string and a `my_bool`,
        // read (copied) during each call.
        let failed = unsafe {
            mysql_options(h, MYSQL_SET_CHARSET_NAME, c"utf8mb4".as_ptr().cast::<c_void>()) != 0
                || mysql_options(
                    h,
                    MYSQL_REPORT_DATA_TRUNCATION,
                    ptr::from_ref(&report_truncation).cast::<c_void>(),
                ) != 0
        };
        assert!(!failed, "raw MySQL: mysql_options: {}", this.error());
        let c_ptr = |s: &Option<CString>| s.as_ref().map_or(ptr::null(), |s| s.as_ptr());
        // SAFETY: a configured handle; every string is null or NUL-terminated and outlives the
        // call.
        let connected = unsafe {
            mysql_real_connect(
                h,
                params.host.as_ptr(),
                c_ptr(&params.user),
                c_ptr(&params.password),
                c_ptr(&params.database),
                params.port,
                ptr::null(),
                0,
            )
        };
        assert!(
            !connected.is_null(),
            "raw MySQL: cannot connect: {}",
            this.error()
        );
        this
    }

    /// Runs one SQL statement (`mysql_real_query`), discarding any result set.
    pub(super) fn exec(&mut self, sql: &str) {
        self.real_query(sql);
        let h = self.conn.as_ptr();
        // SAFETY: a live connection that just ran a statement.
        if unsafe { mysql_field_count(h) } > 0 {
            // SAFETY: as above; the result (if any) is freed right away.
            let res = unsafe { mysql_store_result(h) };
            if !res.is_null() {
                // SAFETY: a result owned by us, freed once.
                unsafe { mysql_free_result(res) };
            }
        }
    }

    /// Runs one query through the text protocol; its rows as text, `None` for NULL.
    pub(super) fn query_text(&mut self, sql: &str) -> Vec<Vec<Option<String>>> {
        self.real_query(sql);
        let h = self.conn.as_ptr();
        // SAFETY: a live connection that just ran a query.
        let res = unsafe { mysql_store_result(h) };
        assert!(
            !res.is_null(),
            "raw MySQL: no result for {sql:?}: {}",
            self.error()
        );
        // SAFETY: a live result.
        let columns = unsafe { mysql_num_fields(res) } as usize;
        let mut rows = Vec::new();
        loop {
            // SAFETY: a live, stored result.
            let row = unsafe { mysql_fetch_row(res) };
            if row.is_null() {
                break;
            }
            // SAFETY: a live result positioned on a row: `columns` lengths.
            let lengths = unsafe { std::slice::from_raw_parts(mysql_fetch_lengths(res), columns) };
            let values = (0..columns)
                .map(|i| {
                    // SAFETY: the row holds `columns` pointers, each null (NULL) or to
                    // `lengths[i]` bytes owned by the result, alive until mysql_free_result.
                    unsafe {
                        let value = *row.add(i);
                        (!value.is_null()).then(|| {
                            let bytes = std::slice::from_raw_parts(value.cast::<u8>(), lengths[i] as usize);
                            String::from_utf8(bytes.to_vec()).expect("raw MySQL: text is UTF-8")
                        })
                    }
                })
                .collect();
            rows.push(values);
        }
        // SAFETY: a result owned by us, freed once; nothing borrowed from it survives.
        unsafe { mysql_free_result(res) };
        rows
    }

    fn real_query(&mut self, sql: &str) {
        let len = c_ulong::try_from(sql.len()).expect("SQL too long");
        // SAFETY: a live connection used exclusively; `sql` points to `len` readable bytes.
        if unsafe { mysql_real_query(self.conn.as_ptr(), sql.as_ptr().cast::<c_char>(), len) } != 0 {
            panic!("raw MySQL: {sql:.200}: {}", self.error());
        }
    }

    fn error(&self) -> String {
        // SAFETY: a live handle; the message is a NUL-terminated string it owns, copied right
        // away.
        unsafe { CStr::from_ptr(mysql_error(self.conn.as_ptr())) }
            .to_string_lossy()
            .into_owned()
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        // SAFETY: a handle owned by this value, closed exactly once, here; its statements were
        // closed before (see `RawMysql`).
        unsafe { mysql_close(self.conn.as_ptr()) };
    }
}

/// The parts of a `mysql://` URL `mysql_real_connect` needs (query parameters are ignored).
struct ConnectParams {
    host: CString,
    user: Option<CString>,
    password: Option<CString>,
    database: Option<CString>,
    port: c_uint,
}

impl ConnectParams {
    fn parse(url: &str) -> Self {
        let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
        let rest = rest.split_once('?').map_or(rest, |(rest, _)| rest);
        let (userinfo, hostpath) = rest.rsplit_once('@').unwrap_or(("", rest));
        let (user, password) = match userinfo.split_once(':') {
            Some((user, password)) => (user, Some(password)),
            None => (userinfo, None),
        };
        let (hostport, database) = hostpath.split_once('/').unwrap_or((hostpath, ""));
        let (host, port) = match hostport.rsplit_once(':') {
            Some((host, port)) => (host, port.parse().expect("raw MySQL: the port in the URL")),
            None => (hostport, 3306),
        };
        let c = |s: &str| CString::new(percent_decode(s)).expect("raw MySQL: NUL byte in the URL");
        let non_empty = |s: &str| (!s.is_empty()).then(|| c(s));
        Self {
            host: c(if host.is_empty() { "127.0.0.1" } else { host }),
            user: non_empty(user),
            password: password.map(c),
            database: non_empty(database),
            port,
        }
    }
}

/// Decodes `%XX` escapes.
fn percent_decode(text: &str) -> Vec<u8> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            if let Some(value) = text
                .get(i + 1..i + 3)
                .and_then(|hex| u8::from_str_radix(hex, 16).ok())
            {
                out.push(value);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    out
}
