//! The connection: a safe owner of a C API `MYSQL` handle.

use std::ffi::{c_char, c_uint, c_ulong, c_void, CString};
use std::fmt;
use std::ptr::{self, NonNull};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use mysqlclient_sys::mysql_option::{
    MYSQL_OPT_CONNECT_TIMEOUT, MYSQL_OPT_LOCAL_INFILE, MYSQL_REPORT_DATA_TRUNCATION, MYSQL_SET_CHARSET_NAME,
};
use mysqlclient_sys::{
    my_bool, mysql_affected_rows, mysql_character_set_name, mysql_close, mysql_errno, mysql_error,
    mysql_fetch_lengths, mysql_fetch_row, mysql_field_count, mysql_free_result, mysql_get_server_info,
    mysql_get_server_version, mysql_init, mysql_insert_id, mysql_next_result, mysql_num_fields,
    mysql_options, mysql_ping, mysql_real_connect, mysql_real_query, mysql_sqlstate, mysql_store_result,
    mysql_thread_id, mysql_warning_count, MYSQL, MYSQL_RES,
};

use super::mysql_error::{owned_string, MysqlError, MysqlErrorKind};
use super::mysql_library::ensure_thread_ready;
use super::mysql_options::MysqlConnectOptions;
use super::mysql_statement::{MysqlStatement, OrphanStatement};

/// `CLIENT_FOUND_ROWS`: UPDATE reports matched rather than changed rows.
const CLIENT_FOUND_ROWS: c_ulong = 2;
/// `CLIENT_MULTI_STATEMENTS`: several `;`-separated statements in one `mysql_real_query`.
const CLIENT_MULTI_STATEMENTS: c_ulong = 1 << 16;
/// `CLIENT_MULTI_RESULTS`: several result sets per query (batches, stored procedures).
const CLIENT_MULTI_RESULTS: c_ulong = 1 << 17;
/// `CLIENT_PS_MULTI_RESULTS`: several result sets from a prepared `CALL`.
const CLIENT_PS_MULTI_RESULTS: c_ulong = 1 << 18;

/// The character set every connection uses.
const CHARSET: &str = "utf8mb4";

/// Rows of a text-protocol result: one `Option<Vec<u8>>` per column, `None` for NULL.
pub type MysqlTextRows = Vec<Vec<Option<Vec<u8>>>>;

/// State shared between a connection and the statements prepared on it.
///
/// A statement may be dropped anywhere (even on another thread, or while the connection is in
/// the middle of reading another statement's rows), but `mysql_stmt_close` talks to the server
/// over the connection, so it must run only where the connection is free. A dropped statement
/// therefore leaves its handle here, and the connection closes it at the start of its next call
/// (or when it is dropped itself).
#[derive(Debug, Default)]
pub(super) struct ConnShared {
    state: Mutex<SharedState>,
}

#[derive(Debug, Default)]
pub(super) struct SharedState {
    /// Set (under the lock) when the connection has called `mysql_close`: statements dropped
    /// after that close their own, by then detached, handles.
    pub(super) closed: bool,
    /// Handles of dropped statements, waiting for `mysql_stmt_close`.
    pub(super) orphans: Vec<OrphanStatement>,
}

impl ConnShared {
    pub(super) fn lock(&self) -> MutexGuard<'_, SharedState> {
        // Nothing panics while the lock is held; if something did, the state is still
        // consistent (a flag and a list), so a poisoned lock is used as it is.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// A connection to a MySQL or MariaDB server (a C API `MYSQL` handle), closed with `mysql_close`
/// on drop.
///
/// Every connection uses the utf8mb4 character set (checked after connecting), allows several
/// statements in one [`MysqlConnection::query`] (`CLIENT_MULTI_STATEMENTS`; prepared statements
/// never allow that), has `LOAD DATA LOCAL INFILE` disabled (a server could otherwise read the
/// client's files), and never reconnects on its own: after a
/// [`MysqlErrorKind::ConnectionLost`] error, call [`MysqlConnection::reconnect`].
///
/// The connection may move between threads but is not shared (`Send`, not `Sync`).
pub struct MysqlConnection {
    handle: NonNull<MYSQL>,
    options: MysqlConnectOptions,
    /// Incremented by every successful `reconnect`: statements remember the generation they were
    /// prepared in and refuse to run in another.
    generation: u64,
    shared: Arc<ConnShared>,
    /// `mysql_affected_rows` and `mysql_insert_id` of the last statement of the last `query`,
    /// read before `mysql_next_result` resets them.
    last_counts: (Option<u64>, u64),
}

// SAFETY: a MYSQL handle is not tied to the thread that created it: the C API allows using it
// from any thread as long as it is used by one thread at a time and that thread has called
// `mysql_thread_init`. Every call that uses the handle needs `&mut self` (or `&self` for the
// getters, which cannot run concurrently with a `&mut self` call since the type is not `Sync`),
// and every entry point that talks to the server first calls `ensure_thread_ready` for the
// current thread. The shared state is an `Arc<Mutex<..>>`, itself `Send`.
unsafe impl Send for MysqlConnection {}

impl MysqlConnection {
    /// Connects to the server at a `mysql://user:password@host:port/database` URL (see
    /// [`MysqlConnectOptions::from_url`] for the syntax and the parameters).
    ///
    /// Errors are of kind [`MysqlErrorKind::Connection`], with the server's or the client
    /// library's errno (2002 / 2003 when the server cannot be reached, 1045 for bad
    /// credentials, 1049 for an unknown database).
    pub fn connect(url: &str) -> Result<Self, MysqlError> {
        Self::connect_with(MysqlConnectOptions::from_url(url)?)
    }

    /// Connects with explicit options: `mysql_init`, `mysql_options` (character set utf8mb4,
    /// connect timeout, no `LOCAL INFILE`, truncation reporting), `mysql_real_connect`, then a
    /// check that the session's character set really is utf8mb4.
    ///
    /// Errors are of kind [`MysqlErrorKind::Connection`].
    pub fn connect_with(options: MysqlConnectOptions) -> Result<Self, MysqlError> {
        let handle = open_session(&options)?;
        Ok(Self {
            handle,
            options,
            generation: 0,
            shared: Arc::new(ConnShared::default()),
            last_counts: (None, 0),
        })
    }

    /// The options this connection was made with (and reconnects with).
    pub fn options(&self) -> &MysqlConnectOptions {
        &self.options
    }

    /// Re-establishes the connection with the same options, e.g. after
    /// [`MysqlErrorKind::ConnectionLost`]: a new handle is connected and checked, then the old
    /// one is closed. Session state (prepared statements, variables, temporary tables, an open
    /// transaction) is gone; statements prepared before must be prepared again (using one
    /// returns a [`MysqlErrorKind::Client`] error) and may simply be dropped.
    ///
    /// On failure the old handle is kept (still broken) and the error is of kind
    /// [`MysqlErrorKind::Connection`]; the call may be retried.
    pub fn reconnect(&mut self) -> Result<(), MysqlError> {
        let new = open_session(&self.options)?;
        let old = std::mem::replace(&mut self.handle, new);
        self.generation = self.generation.wrapping_add(1);
        // SAFETY: `old` was this connection's handle and nothing else owns it; it is closed
        // exactly once, here. The statements still prepared on it are detached by mysql_close
        // (their later mysql_stmt_close only frees memory).
        unsafe { mysql_close(old.as_ptr()) };
        self.close_orphans();
        Ok(())
    }

    /// Runs SQL text (`mysql_real_query`) that may hold several `;`-separated statements, then
    /// reads and frees every result set (`mysql_store_result`, `mysql_free_result`,
    /// `mysql_next_result`); rows are discarded. The statements run in order until one fails:
    /// its error is returned and the rest do not run.
    pub fn query(&mut self, sql: &str) -> Result<(), MysqlError> {
        self.begin()?;
        self.last_counts = (None, 0);
        let h = self.handle.as_ptr();
        // SAFETY: `h` is this connection's live handle, used exclusively (`&mut self`).
        unsafe { real_query(h, sql) }?;
        loop {
            // SAFETY: a query ran on `h` or it moved to the next result.
            unsafe { discard_current_result(h) }?;
            // SAFETY: `h` is live; these read fields that the next call resets.
            self.last_counts = unsafe { (counted(mysql_affected_rows(h)), mysql_insert_id(h)) };
            // SAFETY: the current result was freed.
            match unsafe { mysql_next_result(h) } {
                0 => continue,
                -1 => return Ok(()),
                // SAFETY: `h` is live.
                _ => return Err(unsafe { handle_error(h) }),
            }
        }
    }

    /// Runs SQL text through the text protocol and returns the rows of its first result set as
    /// the server's text (or bytes), copied; `None` is NULL. For statements without a result set
    /// the list is empty. Further result sets (of a batch) are discarded.
    ///
    /// Meant for small internal queries (`SELECT @@version`, `SHOW ...`); the rows are buffered.
    pub fn query_rows(&mut self, sql: &str) -> Result<MysqlTextRows, MysqlError> {
        self.begin()?;
        // SAFETY: this connection's live handle, used exclusively (`&mut self`).
        unsafe { text_query(self.handle.as_ptr(), sql) }
    }

    /// Checks that the server answers (`mysql_ping`). A broken connection gives a
    /// [`MysqlErrorKind::ConnectionLost`] error (the library never reconnects by itself).
    pub fn ping(&mut self) -> Result<(), MysqlError> {
        self.begin()?;
        // SAFETY: this connection's live handle, used exclusively.
        if unsafe { mysql_ping(self.handle.as_ptr()) } != 0 {
            return Err(self.last_error());
        }
        Ok(())
    }

    /// Prepares a statement on this connection; see [`MysqlStatement::prepare`].
    pub fn prepare(&mut self, sql: &str) -> Result<MysqlStatement, MysqlError> {
        MysqlStatement::prepare(self, sql)
    }

    /// The rows changed (or matched, with `found_rows`) by the last statement of the last
    /// [`MysqlConnection::query`] (`mysql_affected_rows`; for a `SELECT`, its number of rows);
    /// `None` when the library reports none (e.g. after an error). For prepared statements use
    /// [`MysqlRows::affected_rows`](super::MysqlRows::affected_rows).
    pub fn affected_rows(&self) -> Option<u64> {
        self.last_counts.0
    }

    /// The `AUTO_INCREMENT` value generated by the last statement of the last
    /// [`MysqlConnection::query`] (`mysql_insert_id`); 0 when none. For prepared statements use
    /// [`MysqlRows::insert_id`](super::MysqlRows::insert_id).
    pub fn last_insert_id(&self) -> u64 {
        self.last_counts.1
    }

    /// The number of warnings of the last statement (`mysql_warning_count`).
    pub fn warning_count(&self) -> u32 {
        // SAFETY: this connection's live handle; this only reads a field.
        unsafe { mysql_warning_count(self.handle.as_ptr()) }
    }

    /// The server's version as a number (`mysql_get_server_version`): major * 10000 + minor *
    /// 100 + patch, e.g. 101119 for 10.11.19.
    // `c_ulong` is 32 bits on some targets: the conversion is not useless there.
    #[allow(clippy::useless_conversion)]
    pub fn server_version(&self) -> u64 {
        // SAFETY: this connection's live handle; this only reads the handshake's version.
        u64::from(unsafe { mysql_get_server_version(self.handle.as_ptr()) })
    }

    /// The server's version string (`mysql_get_server_info`), e.g. `10.11.19-MariaDB-0+deb12u1`.
    pub fn server_info(&self) -> String {
        // SAFETY: this connection's live handle.
        let ptr = unsafe { mysql_get_server_info(self.handle.as_ptr()) };
        // SAFETY: null or a NUL-terminated string owned by the handle, copied right away.
        unsafe { owned_string(ptr) }.unwrap_or_default()
    }

    /// Whether the server is MariaDB (its version string says so) rather than MySQL.
    pub fn is_mariadb(&self) -> bool {
        self.server_info().contains("MariaDB")
    }

    /// The server's id for this session (`mysql_thread_id`; `CONNECTION_ID()` in SQL, the
    /// argument of `KILL`). Changes on reconnect.
    // `c_ulong` is 32 bits on some targets: the conversion is not useless there.
    #[allow(clippy::useless_conversion)]
    pub fn connection_id(&self) -> u64 {
        // SAFETY: this connection's live handle; this only reads a field.
        u64::from(unsafe { mysql_thread_id(self.handle.as_ptr()) })
    }

    /// The client character set's name (`mysql_character_set_name`): always `utf8mb4`.
    pub fn character_set_name(&self) -> String {
        // SAFETY: this connection's live handle.
        let ptr = unsafe { mysql_character_set_name(self.handle.as_ptr()) };
        // SAFETY: null or a NUL-terminated string owned by the library, copied right away.
        unsafe { owned_string(ptr) }.unwrap_or_default()
    }

    /// Readies the calling thread and closes the handles of dropped statements; every call that
    /// talks to the server starts with this.
    pub(super) fn begin(&mut self) -> Result<(), MysqlError> {
        ensure_thread_ready()?;
        self.close_orphans();
        Ok(())
    }

    /// The live handle. Callers use it only while they hold `&mut self`.
    pub(super) fn raw(&self) -> *mut MYSQL {
        self.handle.as_ptr()
    }

    pub(super) fn shared(&self) -> &Arc<ConnShared> {
        &self.shared
    }

    pub(super) fn generation(&self) -> u64 {
        self.generation
    }

    /// The handle's last error (`mysql_errno`, `mysql_sqlstate`, `mysql_error`).
    pub(super) fn last_error(&self) -> MysqlError {
        // SAFETY: this connection's live handle.
        unsafe { handle_error(self.handle.as_ptr()) }
    }

    /// Closes the handles that dropped statements left behind.
    fn close_orphans(&mut self) {
        let orphans = std::mem::take(&mut self.shared.lock().orphans);
        for orphan in orphans {
            // SAFETY: each orphan was prepared on this connection (current or earlier handle: an
            // earlier handle's statements were detached when it was closed). `&mut self` means
            // the handle is not in use, and no other statement has a result set pending on it
            // (a pending result borrows the connection mutably).
            unsafe { orphan.close() };
        }
    }
}

impl fmt::Debug for MysqlConnection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MysqlConnection")
            .field("connection_id", &self.connection_id())
            .field("server_info", &self.server_info())
            .field("options", &self.options)
            .finish_non_exhaustive()
    }
}

impl Drop for MysqlConnection {
    fn drop(&mut self) {
        // Nothing to report from Drop; a failure to ready the thread only matters for
        // libmysqlclient and cannot be handled here.
        let _ = ensure_thread_ready();
        let orphans = {
            let mut state = self.shared.lock();
            state.closed = true;
            // SAFETY: the handle this value owns, closed exactly once, here. The lock is held
            // so that a statement dropped concurrently on another thread either queued its
            // handle before (closed below) or sees `closed` after mysql_close has detached it.
            unsafe { mysql_close(self.handle.as_ptr()) };
            std::mem::take(&mut state.orphans)
        };
        for orphan in orphans {
            // SAFETY: mysql_close has detached these statements from the freed handle, so
            // closing them only frees their own memory.
            unsafe { orphan.close() };
        }
    }
}

/// Owns a handle until it is handed over: closes it on early returns.
struct OwnedHandle(NonNull<MYSQL>);

impl OwnedHandle {
    fn into_raw(self) -> NonNull<MYSQL> {
        let handle = self.0;
        std::mem::forget(self);
        handle
    }
}

impl Drop for OwnedHandle {
    fn drop(&mut self) {
        // SAFETY: a handle from mysql_init that nothing else owns; closed exactly once, here.
        unsafe { mysql_close(self.0.as_ptr()) };
    }
}

/// Creates, configures, connects and checks a new handle. Errors are of kind
/// [`MysqlErrorKind::Connection`].
fn open_session(options: &MysqlConnectOptions) -> Result<NonNull<MYSQL>, MysqlError> {
    let connection_error = |e: MysqlError| e.with_kind(MysqlErrorKind::Connection);
    ensure_thread_ready().map_err(connection_error)?;
    // A unix socket is only used when the host is NULL or "localhost".
    let host = if options.unix_socket.is_some() {
        None
    } else {
        options.host.as_deref()
    };
    let host = optional_c_string(host, "the host")?;
    let user = optional_c_string(options.user.as_deref(), "the user name")?;
    let password = optional_c_string(options.password.as_deref(), "the password")?;
    let database = optional_c_string(options.database.as_deref(), "the database name")?;
    let socket = optional_c_string(options.unix_socket.as_deref(), "the socket path")?;

    // SAFETY: mysql_init(NULL) allocates and initialises a new handle; the library is
    // initialised (ensure_thread_ready).
    let raw = unsafe { mysql_init(ptr::null_mut()) };
    let handle =
        OwnedHandle(NonNull::new(raw).ok_or_else(|| {
            MysqlError::new(MysqlErrorKind::Connection, "mysql_init failed (out of memory)")
        })?);
    let h = handle.0.as_ptr();

    // SAFETY: `h` is a fresh handle; the argument is a NUL-terminated string, which
    // mysql_options copies.
    let rc = unsafe { mysql_options(h, MYSQL_SET_CHARSET_NAME, c"utf8mb4".as_ptr().cast::<c_void>()) };
    // SAFETY: `h` is the live handle the option was just set on.
    unsafe { check_option(h, rc, "MYSQL_SET_CHARSET_NAME") }?;
    if let Some(secs) = options.connect_timeout_secs {
        let secs: c_uint = secs;
        // SAFETY: `h` is a fresh handle; the option reads one `unsigned int` from the pointer
        // during the call.
        let rc = unsafe {
            mysql_options(
                h,
                MYSQL_OPT_CONNECT_TIMEOUT,
                ptr::from_ref(&secs).cast::<c_void>(),
            )
        };
        // SAFETY: `h` is the live handle the option was just set on.
        unsafe { check_option(h, rc, "MYSQL_OPT_CONNECT_TIMEOUT") }?;
    }
    let local_infile: c_uint = 0;
    // SAFETY: as above (one `unsigned int`; 0 disables LOAD DATA LOCAL INFILE).
    let rc = unsafe {
        mysql_options(
            h,
            MYSQL_OPT_LOCAL_INFILE,
            ptr::from_ref(&local_infile).cast::<c_void>(),
        )
    };
    // SAFETY: `h` is the live handle the option was just set on.
    unsafe { check_option(h, rc, "MYSQL_OPT_LOCAL_INFILE") }?;
    let report_truncation: my_bool = mysqlclient_sys::TRUE;
    // SAFETY: as above (one `my_bool`).
    let rc = unsafe {
        mysql_options(
            h,
            MYSQL_REPORT_DATA_TRUNCATION,
            ptr::from_ref(&report_truncation).cast::<c_void>(),
        )
    };
    // SAFETY: `h` is the live handle the option was just set on.
    unsafe { check_option(h, rc, "MYSQL_REPORT_DATA_TRUNCATION") }?;

    let mut flags = CLIENT_MULTI_STATEMENTS | CLIENT_MULTI_RESULTS | CLIENT_PS_MULTI_RESULTS;
    if options.found_rows {
        flags |= CLIENT_FOUND_ROWS;
    }
    // SAFETY: `h` is a configured handle; every string argument is null or a NUL-terminated
    // string that outlives the call (the library copies what it keeps).
    let connected = unsafe {
        mysql_real_connect(
            h,
            c_ptr(&host),
            c_ptr(&user),
            c_ptr(&password),
            c_ptr(&database),
            c_uint::from(options.port),
            c_ptr(&socket),
            flags,
        )
    };
    if connected.is_null() {
        // SAFETY: `h` is live; it holds the connect error.
        return Err(connection_error(unsafe { handle_error(h) }));
    }
    // SAFETY: `h` is a connected handle used only here.
    unsafe { verify_charset(h) }.map_err(connection_error)?;
    Ok(handle.into_raw())
}

/// Checks that the client and the session use utf8mb4: the library's character set, and the
/// server's `character_set_client`, `_connection` and `_results`.
///
/// # Safety
///
/// `h` must be a live, connected handle that nothing else uses during the call.
unsafe fn verify_charset(h: *mut MYSQL) -> Result<(), MysqlError> {
    // SAFETY: `h` is live.
    let name = unsafe { owned_string(mysql_character_set_name(h)) }.unwrap_or_default();
    if name != CHARSET {
        return Err(MysqlError::new(
            MysqlErrorKind::Connection,
            format!("the client character set is {name:?}, not utf8mb4"),
        ));
    }
    // SAFETY: forwarded from the caller.
    let rows = unsafe {
        text_query(
            h,
            "SELECT @@character_set_client, @@character_set_connection, @@character_set_results",
        )
    }?;
    let expected = Some(CHARSET.as_bytes().to_vec());
    match rows.as_slice() {
        [row] if row.len() == 3 && row.iter().all(|v| *v == expected) => Ok(()),
        _ => Err(MysqlError::new(
            MysqlErrorKind::Connection,
            format!("the session's character sets are not all utf8mb4: {rows:?}"),
        )),
    }
}

/// `mysql_options` returned `rc` for `name`: non-zero is an error.
///
/// # Safety
///
/// `h` must be the live handle the option was set on.
unsafe fn check_option(h: *mut MYSQL, rc: i32, name: &str) -> Result<(), MysqlError> {
    if rc == 0 {
        return Ok(());
    }
    // SAFETY: `h` is the live handle the option was set on.
    let error = unsafe { handle_error(h) };
    let message = if error.errno == 0 {
        format!("mysql_options({name}) failed")
    } else {
        format!("mysql_options({name}) failed: {}", error.message)
    };
    Err(MysqlError {
        message,
        ..error.with_kind(MysqlErrorKind::Connection)
    })
}

/// The handle's last error.
///
/// # Safety
///
/// `h` must be a live handle.
pub(super) unsafe fn handle_error(h: *mut MYSQL) -> MysqlError {
    // SAFETY: `h` is live; these read the handle's error fields, and the strings they return are
    // owned by the handle and copied right away.
    unsafe {
        let errno = mysql_errno(h);
        let sqlstate = owned_string(mysql_sqlstate(h));
        let message = owned_string(mysql_error(h));
        MysqlError::from_api(errno, sqlstate, message)
    }
}

/// Sends SQL text (`mysql_real_query`).
///
/// # Safety
///
/// `h` must be a live, connected handle that nothing else uses during the call.
unsafe fn real_query(h: *mut MYSQL, sql: &str) -> Result<(), MysqlError> {
    let len = c_length(sql.len(), "the SQL text")?;
    // SAFETY: `h` is live; `sql` points to `len` readable bytes (no NUL needed: the length is
    // given).
    if unsafe { mysql_real_query(h, sql.as_ptr().cast::<c_char>(), len) } != 0 {
        // SAFETY: `h` is live.
        return Err(unsafe { handle_error(h) });
    }
    Ok(())
}

/// Reads and frees the current result set, if the current statement has one.
///
/// # Safety
///
/// `h` must be a live handle that just ran a query or moved to the next result.
unsafe fn discard_current_result(h: *mut MYSQL) -> Result<(), MysqlError> {
    // SAFETY: forwarded from the caller.
    let res = unsafe { store_result(h) }?;
    if let Some(res) = res {
        // SAFETY: a result from mysql_store_result, freed once.
        unsafe { mysql_free_result(res.as_ptr()) };
    }
    Ok(())
}

/// `mysql_store_result`: `None` for a statement without a result set.
///
/// # Safety
///
/// `h` must be a live handle that just ran a query or moved to the next result.
unsafe fn store_result(h: *mut MYSQL) -> Result<Option<NonNull<MYSQL_RES>>, MysqlError> {
    // SAFETY: forwarded from the caller.
    let res = unsafe { mysql_store_result(h) };
    if let Some(res) = NonNull::new(res) {
        return Ok(Some(res));
    }
    // A null result is an error when the statement has columns (the rows could not be read).
    // SAFETY: `h` is live.
    if unsafe { mysql_field_count(h) } != 0 {
        // SAFETY: `h` is live.
        return Err(unsafe { handle_error(h) });
    }
    Ok(None)
}

/// Moves through the remaining result sets of a query (`mysql_next_result`), freeing each, until
/// there are no more or one reports an error.
///
/// # Safety
///
/// `h` must be a live handle whose current result has been freed.
unsafe fn discard_remaining_results(h: *mut MYSQL) -> Result<(), MysqlError> {
    loop {
        // SAFETY: forwarded from the caller.
        match unsafe { mysql_next_result(h) } {
            // SAFETY: `h` moved to the next result.
            0 => unsafe { discard_current_result(h) }?,
            -1 => return Ok(()),
            // SAFETY: `h` is live.
            _ => return Err(unsafe { handle_error(h) }),
        }
    }
}

/// Runs SQL text and copies the rows of its first result set.
///
/// # Safety
///
/// `h` must be a live, connected handle that nothing else uses during the call.
unsafe fn text_query(h: *mut MYSQL, sql: &str) -> Result<MysqlTextRows, MysqlError> {
    // SAFETY: forwarded from the caller.
    unsafe { real_query(h, sql) }?;
    // SAFETY: a query just ran on `h`.
    let rows = match unsafe { store_result(h) }? {
        Some(res) => {
            // SAFETY: `res` is a live stored result, freed once right after.
            let rows = unsafe { copy_text_rows(res.as_ptr()) };
            // SAFETY: as above.
            unsafe { mysql_free_result(res.as_ptr()) };
            rows
        }
        None => Vec::new(),
    };
    // SAFETY: the first result was freed.
    unsafe { discard_remaining_results(h) }?;
    Ok(rows)
}

/// Copies every row of a stored text-protocol result.
///
/// # Safety
///
/// `res` must be a live result from `mysql_store_result`.
unsafe fn copy_text_rows(res: *mut MYSQL_RES) -> MysqlTextRows {
    // SAFETY: `res` is live.
    let columns = usize::try_from(unsafe { mysql_num_fields(res) }).unwrap_or(0);
    let mut rows = Vec::new();
    loop {
        // SAFETY: `res` is live; a stored result's rows come from memory.
        let row = unsafe { mysql_fetch_row(res) };
        if row.is_null() {
            break;
        }
        // SAFETY: `res` is live and a row was just fetched.
        let lengths = unsafe { mysql_fetch_lengths(res) };
        if lengths.is_null() {
            break;
        }
        let values = (0..columns)
            .map(|i| {
                // SAFETY: a fetched row has `columns` value pointers and `columns` lengths.
                let (value, len) = unsafe { (*row.add(i), *lengths.add(i)) };
                let len = usize::try_from(len).ok()?;
                if value.is_null() {
                    None
                } else if len == 0 {
                    Some(Vec::new())
                } else {
                    // SAFETY: a non-null value points to `len` bytes owned by the result, which
                    // outlives this copy.
                    Some(unsafe { std::slice::from_raw_parts(value.cast::<u8>(), len) }.to_vec())
                }
            })
            .collect();
        rows.push(values);
    }
    rows
}

/// `mysql_affected_rows`' "none" (`(my_ulonglong) -1`) as `None`.
fn counted(n: u64) -> Option<u64> {
    (n != u64::MAX).then_some(n)
}

/// `text` as a C string (`None` stays `None`); a NUL byte is a
/// [`MysqlErrorKind::Connection`] error naming `what`.
fn optional_c_string(text: Option<&str>, what: &str) -> Result<Option<CString>, MysqlError> {
    text.map(|t| {
        CString::new(t)
            .map_err(|_| MysqlError::new(MysqlErrorKind::Connection, format!("{what} contains a NUL byte")))
    })
    .transpose()
}

/// The pointer of an optional C string (null for `None`).
fn c_ptr(text: &Option<CString>) -> *const c_char {
    text.as_ref().map_or(ptr::null(), |t| t.as_ptr())
}

/// `len` as the C API's `unsigned long` length; too large is a [`MysqlErrorKind::Client`] error
/// naming `what` (never a truncation).
pub(super) fn c_length(len: usize, what: &str) -> Result<c_ulong, MysqlError> {
    c_ulong::try_from(len).map_err(|_| {
        MysqlError::client(format!(
            "{what} ({len} bytes) exceeds the C API's limit of {}",
            c_ulong::MAX
        ))
    })
}
