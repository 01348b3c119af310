//! Process-wide and per-thread initialisation of the client library.
//!
//! The C API asks for two things in a multithreaded program:
//!
//! - `mysql_library_init` (a macro for `mysql_server_init`) once, before any other call, and not
//!   concurrently with `mysql_init`. It runs inside a [`OnceLock`] (built on `std::sync::Once`):
//!   the first caller runs it, concurrent callers block until it has finished, and its result is
//!   kept (a failure is reported by every later call).
//! - `mysql_thread_init` in every thread that calls the C API, and `mysql_thread_end` before
//!   that thread exits. `mysql_init` calls `mysql_thread_init` for its own thread, but a
//!   connection is `Send` and may be used from another thread later, so every entry point of
//!   this crate calls [`ensure_thread_ready`] first: a thread-local guard calls
//!   `mysql_thread_init` on a thread's first use and `mysql_thread_end` when the thread's
//!   thread-locals are destroyed. (MariaDB Connector/C 3.x makes both no-ops; libmysqlclient
//!   needs them.)
//!
//! `mysql_library_end` is never called: connections may live until the process exits, and the
//! C API frees its global state at exit anyway.

use std::ptr;
use std::sync::OnceLock;

use mysqlclient_sys::{mysql_server_init, mysql_thread_end, mysql_thread_init};

use super::mysql_error::{MysqlError, MysqlErrorKind};

/// Whether `mysql_library_init` succeeded; set once, by the first caller.
static LIBRARY_READY: OnceLock<bool> = OnceLock::new();

/// Calls `mysql_thread_end` when its thread's thread-locals are destroyed.
struct ThreadGuard {
    /// Whether `mysql_thread_init` succeeded for this thread.
    ready: bool,
}

impl ThreadGuard {
    fn new() -> Self {
        // SAFETY: `mysql_thread_init` takes no arguments and only sets up the calling thread's
        // state; it is called at most once per thread (this guard lives in a thread-local) and
        // only after `mysql_library_init` has succeeded (see `ensure_thread_ready`).
        let failed = unsafe { mysql_thread_init() };
        Self {
            ready: failed == mysqlclient_sys::FALSE,
        }
    }
}

impl Drop for ThreadGuard {
    fn drop(&mut self) {
        if self.ready {
            // SAFETY: this thread called `mysql_thread_init` successfully (in `new`); the
            // thread is exiting, and `mysql_thread_end` only releases its per-thread state.
            unsafe { mysql_thread_end() };
        }
    }
}

thread_local! {
    static THREAD: ThreadGuard = ThreadGuard::new();
}

/// Initialises the client library (once per process) and the calling thread (once per thread).
///
/// Errors are of kind [`MysqlErrorKind::Client`]. When the thread's thread-locals are already
/// being destroyed (a connection dropped by another thread-local's destructor) the per-thread
/// step is skipped rather than failing.
pub(super) fn ensure_thread_ready() -> Result<(), MysqlError> {
    let library_ready = *LIBRARY_READY.get_or_init(|| {
        // SAFETY: `mysql_server_init(0, NULL, NULL)` is `mysql_library_init` without arguments
        // for an embedded server, as the C API documents for client programs. The OnceLock runs
        // it exactly once and makes every other thread wait until it has returned, so it never
        // runs concurrently with `mysql_init` or any other call of this crate.
        let rc = unsafe { mysql_server_init(0, ptr::null_mut(), ptr::null_mut()) };
        rc == 0
    });
    if !library_ready {
        return Err(MysqlError::new(
            MysqlErrorKind::Client,
            "mysql_library_init failed: the MySQL client library could not be initialised",
        ));
    }
    match THREAD.try_with(|guard| guard.ready) {
        Ok(true) | Err(_) => Ok(()),
        Ok(false) => Err(MysqlError::new(
            MysqlErrorKind::Client,
            "mysql_thread_init failed for this thread",
        )),
    }
}
