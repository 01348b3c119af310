//! Errors from the MySQL C API and the server.

use std::ffi::{c_char, CStr};
use std::fmt;

/// Error numbers this crate classifies (from MariaDB's `errmsg.h` / `mysqld_error.h`, which agree
/// with MySQL's for these).
pub(super) mod errno {
    /// `CR_SERVER_GONE_ERROR`: "MySQL server has gone away" (the socket was found closed).
    pub const SERVER_GONE: u32 = 2006;
    /// `CR_SERVER_LOST`: "Lost connection to server during query".
    pub const SERVER_LOST: u32 = 2013;
    /// `CR_SERVER_LOST_EXTENDED`: the same as 2013 with more detail.
    pub const SERVER_LOST_EXTENDED: u32 = 2055;
    /// MariaDB `ER_CONNECTION_KILLED`: "Connection was killed" (sent before the server closes
    /// a connection that `KILL` ended).
    pub const CONNECTION_KILLED: u32 = 1927;
    /// MySQL 8 `ER_CLIENT_INTERACTION_TIMEOUT`: the server closed an idle connection.
    pub const CLIENT_INTERACTION_TIMEOUT: u32 = 4031;
    /// First client-side error number (`CR_MIN_ERROR`).
    pub const CLIENT_MIN: u32 = 2000;
    /// Last client-side error number (`CR_MAX_ERROR`).
    pub const CLIENT_MAX: u32 = 2999;
}

/// What kind of failure a [`MysqlError`] describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MysqlErrorKind {
    /// The connection could not be established, by `connect` or by `reconnect`: an unusable
    /// URL, the server refused or could not be reached (errno 2002 / 2003 / 2005), bad
    /// credentials (1045), an unknown database (1049), or the session could not be set up
    /// (e.g. the character set is not utf8mb4).
    Connection,
    /// The connection broke during a call: "server has gone away" (2006), "lost connection"
    /// (2013 / 2055), "connection was killed" (1927) or an idle timeout (4031). Call
    /// `reconnect` to re-establish it; prepared statements must be prepared again.
    ConnectionLost,
    /// The server reported an error for a statement (syntax 1064, duplicate key 1062, ...);
    /// the connection is still usable.
    Server,
    /// A client-side failure: input that cannot be sent as given (a NUL byte where the C API
    /// needs a C string, the wrong number of parameters, a length over the C API's limit), a
    /// statement used with a connection it does not belong to, a column type the client library
    /// cannot decode, or another client library error (errno 2000..2999, e.g. 2014 "commands
    /// out of sync" or 2057 "the result set metadata changed": prepare again).
    Client,
}

/// An error from the MySQL C API or the MySQL / MariaDB server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MysqlError {
    /// The error number (`mysql_errno` / `mysql_stmt_errno`), e.g. 1062; 0 for errors this
    /// crate raises itself (invalid input, misuse).
    pub errno: u32,
    /// The five-character SQLSTATE (`mysql_sqlstate` / `mysql_stmt_sqlstate`), e.g. `23000`;
    /// `None` when there is none (errno 0, or the library reported `00000`).
    pub sqlstate: Option<String>,
    /// The message (`mysql_error` / `mysql_stmt_error`, or this crate's own).
    pub message: String,
    /// What kind of failure this is.
    pub kind: MysqlErrorKind,
}

impl MysqlError {
    /// An error raised by this crate (errno 0, no SQLSTATE).
    pub(super) fn new(kind: MysqlErrorKind, message: impl Into<String>) -> Self {
        Self {
            errno: 0,
            sqlstate: None,
            message: message.into(),
            kind,
        }
    }

    /// A [`MysqlErrorKind::Client`] error raised by this crate.
    pub(super) fn client(message: impl Into<String>) -> Self {
        Self::new(MysqlErrorKind::Client, message)
    }

    /// An error from what the C API reported. The kind follows from `errno` (see
    /// [`MysqlError::kind_of`]); an empty message is replaced by a generic one.
    pub(super) fn from_api(errno: u32, sqlstate: Option<String>, message: Option<String>) -> Self {
        let message = match message {
            Some(m) if !m.trim().is_empty() => m.trim_end().to_owned(),
            _ if errno == 0 => "the MySQL client library reported a failure without an error".to_owned(),
            _ => format!("MySQL error {errno}"),
        };
        let sqlstate = sqlstate.filter(|s| !s.is_empty() && s != "00000");
        Self {
            errno,
            sqlstate,
            message,
            kind: Self::kind_of(errno),
        }
    }

    /// The kind of an error with this number reported by a call on an established connection:
    /// [`MysqlErrorKind::ConnectionLost`] for a broken connection, [`MysqlErrorKind::Client`]
    /// for other client library errors (2000..2999) and for errno 0, [`MysqlErrorKind::Server`]
    /// for the rest.
    pub fn kind_of(errno: u32) -> MysqlErrorKind {
        match errno {
            errno::SERVER_GONE
            | errno::SERVER_LOST
            | errno::SERVER_LOST_EXTENDED
            | errno::CONNECTION_KILLED
            | errno::CLIENT_INTERACTION_TIMEOUT => MysqlErrorKind::ConnectionLost,
            0 | errno::CLIENT_MIN..=errno::CLIENT_MAX => MysqlErrorKind::Client,
            _ => MysqlErrorKind::Server,
        }
    }

    /// This error with its kind replaced (e.g. any failure while connecting is a
    /// [`MysqlErrorKind::Connection`] error).
    pub(super) fn with_kind(mut self, kind: MysqlErrorKind) -> Self {
        self.kind = kind;
        self
    }

    /// Whether the connection broke ([`MysqlErrorKind::ConnectionLost`]).
    pub fn is_connection_lost(&self) -> bool {
        self.kind == MysqlErrorKind::ConnectionLost
    }
}

impl fmt::Display for MysqlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)?;
        match (&self.sqlstate, self.errno) {
            (Some(state), n) if n != 0 => write!(f, " (errno {n}, SQLSTATE {state})"),
            (Some(state), _) => write!(f, " (SQLSTATE {state})"),
            (None, n) if n != 0 => write!(f, " (errno {n})"),
            (None, _) => Ok(()),
        }
    }
}

impl std::error::Error for MysqlError {}

/// Copies a NUL-terminated string from the C API, decoding invalid UTF-8 lossily; `None` for a
/// null pointer.
///
/// # Safety
///
/// `ptr` must be null or point to a NUL-terminated string that stays valid during the call.
pub(super) unsafe fn owned_string(ptr: *const c_char) -> Option<String> {
    if ptr.is_null() {
        return None;
    }
    // SAFETY: the caller guarantees a valid NUL-terminated string.
    let text = unsafe { CStr::from_ptr(ptr) };
    Some(text.to_string_lossy().into_owned())
}
