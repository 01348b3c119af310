//! Connection parameters, and their parsing from a `mysql://` URL.

use std::fmt;

use super::mysql_error::{MysqlError, MysqlErrorKind};

/// The default MySQL / MariaDB TCP port.
pub const DEFAULT_PORT: u16 = 3306;

/// The default connect timeout, in seconds.
pub const DEFAULT_CONNECT_TIMEOUT_SECS: u32 = 10;

/// What [`MysqlConnection`](super::MysqlConnection) connects to and how.
///
/// Built from a URL with [`MysqlConnectOptions::from_url`], or field by field (start from
/// [`MysqlConnectOptions::default`]). `Debug` does not show the password.
#[derive(Clone, PartialEq, Eq)]
pub struct MysqlConnectOptions {
    /// The host name or IP address; `None` means `localhost`. As everywhere in the MySQL C API,
    /// the host `localhost` (or `None`) means the local unix socket, not TCP: use `127.0.0.1`
    /// for TCP to the local server.
    pub host: Option<String>,
    /// The TCP port (ignored for a unix socket).
    pub port: u16,
    /// The user name; `None` lets the C API pick (the login name of the current user).
    pub user: Option<String>,
    /// The password; `None` sends none.
    pub password: Option<String>,
    /// The default database (`USE db`); `None` selects none.
    pub database: Option<String>,
    /// The path of a unix socket. When set, the connection goes through this socket and
    /// `host` is ignored.
    pub unix_socket: Option<String>,
    /// The connect timeout in seconds (`MYSQL_OPT_CONNECT_TIMEOUT`); `None` keeps the client
    /// library's default.
    pub connect_timeout_secs: Option<u32>,
    /// Whether `UPDATE` reports the rows it matched rather than the rows it changed
    /// (`CLIENT_FOUND_ROWS`), as SQLite and PostgreSQL do. On by default.
    pub found_rows: bool,
}

impl Default for MysqlConnectOptions {
    fn default() -> Self {
        Self {
            host: None,
            port: DEFAULT_PORT,
            user: None,
            password: None,
            database: None,
            unix_socket: None,
            connect_timeout_secs: Some(DEFAULT_CONNECT_TIMEOUT_SECS),
            found_rows: true,
        }
    }
}

impl MysqlConnectOptions {
    /// Parses `mysql://[user[:password]@][host][:port][/database][?key=value&...]` (the scheme
    /// `mariadb://` is accepted too).
    ///
    /// User, password, host, database and query values are percent-decoded (`%40` for `@`,
    /// `%2F` for `/`, ...) and must then be UTF-8. An IPv6 host is written in brackets
    /// (`[::1]`). The port defaults to 3306. Query keys:
    ///
    /// - `socket` or `unix_socket`: connect through this unix socket path
    ///   (`mysql://root@localhost/test?socket=/run/mysqld/mysqld.sock`);
    /// - `connect_timeout`: the connect timeout in seconds (default 10; 0 keeps the client
    ///   library's default).
    ///
    /// Any other key is an error, as is a malformed URL. Errors are of kind
    /// [`MysqlErrorKind::Connection`].
    pub fn from_url(url: &str) -> Result<Self, MysqlError> {
        let rest =
            strip_scheme(url).ok_or_else(|| url_error("the URL must start with mysql:// (or mariadb://)"))?;
        if rest.contains('#') {
            return Err(url_error("the URL must not contain a fragment (#)"));
        }
        let (before_query, query) = match rest.split_once('?') {
            Some((before, query)) => (before, Some(query)),
            None => (rest, None),
        };
        let (authority, path) = match before_query.split_once('/') {
            Some((authority, path)) => (authority, path),
            None => (before_query, ""),
        };
        let mut options = Self::default();

        let host_port = match authority.rsplit_once('@') {
            Some((userinfo, host_port)) => {
                let (user, password) = match userinfo.split_once(':') {
                    Some((user, password)) => (user, Some(password)),
                    None => (userinfo, None),
                };
                let user = percent_decode(user, "the user name")?;
                options.user = (!user.is_empty()).then_some(user);
                options.password = password.map(|p| percent_decode(p, "the password")).transpose()?;
                host_port
            }
            None => authority,
        };
        let (host, port) = split_host_port(host_port)?;
        let host = percent_decode(host, "the host")?;
        options.host = (!host.is_empty()).then_some(host);
        if let Some(port) = port {
            options.port = port;
        }

        let database = percent_decode(path, "the database name")?;
        options.database = (!database.is_empty()).then_some(database);

        for pair in query.unwrap_or("").split('&').filter(|p| !p.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let key = percent_decode(key, "a query parameter name")?;
            let value = percent_decode(value, &format!("the value of `{key}`"))?;
            match key.as_str() {
                "socket" | "unix_socket" => {
                    if value.is_empty() {
                        return Err(url_error(format!("`{key}` needs a socket path")));
                    }
                    options.unix_socket = Some(value);
                }
                "connect_timeout" => {
                    let secs: u32 = value.parse().map_err(|_| {
                        url_error(format!(
                            "`connect_timeout` must be a whole number of seconds, not {value:?}"
                        ))
                    })?;
                    options.connect_timeout_secs = (secs != 0).then_some(secs);
                }
                other => {
                    return Err(url_error(format!(
                        "unknown URL parameter `{other}` (known: socket, unix_socket, connect_timeout)"
                    )))
                }
            }
        }
        Ok(options)
    }
}

impl fmt::Debug for MysqlConnectOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MysqlConnectOptions")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("user", &self.user)
            .field("password", &self.password.as_ref().map(|_| "***"))
            .field("database", &self.database)
            .field("unix_socket", &self.unix_socket)
            .field("connect_timeout_secs", &self.connect_timeout_secs)
            .field("found_rows", &self.found_rows)
            .finish()
    }
}

fn url_error(message: impl Into<String>) -> MysqlError {
    MysqlError::new(
        MysqlErrorKind::Connection,
        format!("invalid MySQL URL: {}", message.into()),
    )
}

/// The URL without its `mysql://` or `mariadb://` scheme (compared case-insensitively).
fn strip_scheme(url: &str) -> Option<&str> {
    ["mysql://", "mariadb://"].iter().find_map(|scheme| {
        let head = url.get(..scheme.len())?;
        head.eq_ignore_ascii_case(scheme)
            .then(|| url.get(scheme.len()..))
            .flatten()
    })
}

/// Splits `host[:port]` or `[ipv6][:port]`.
fn split_host_port(text: &str) -> Result<(&str, Option<u16>), MysqlError> {
    let (host, port) = if let Some(bracketed) = text.strip_prefix('[') {
        let (host, after) = bracketed
            .split_once(']')
            .ok_or_else(|| url_error("an IPv6 host is missing its closing `]`"))?;
        let port = match after {
            "" => None,
            _ => Some(
                after
                    .strip_prefix(':')
                    .ok_or_else(|| url_error("unexpected text after the IPv6 host"))?,
            ),
        };
        (host, port)
    } else {
        match text.rsplit_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (text, None),
        }
    };
    let port = match port {
        None | Some("") => None,
        Some(port) => Some(
            port.parse::<u16>()
                .map_err(|_| url_error(format!("the port must be a number from 0 to 65535, not {port:?}")))?,
        ),
    };
    Ok((host, port))
}

/// Decodes `%XX` escapes; the result must be UTF-8. `what` names the part for errors.
fn percent_decode(text: &str, what: &str) -> Result<String, MysqlError> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&byte) = bytes.get(i) {
        if byte == b'%' {
            let hex = bytes
                .get(i + 1..i + 3)
                .filter(|h| h.iter().all(u8::is_ascii_hexdigit))
                .and_then(|h| std::str::from_utf8(h).ok())
                .and_then(|h| u8::from_str_radix(h, 16).ok())
                .ok_or_else(|| url_error(format!("{what} has an invalid percent escape")))?;
            out.push(hex);
            i += 3;
        } else {
            out.push(byte);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| url_error(format!("{what} is not UTF-8 after percent-decoding")))
}
