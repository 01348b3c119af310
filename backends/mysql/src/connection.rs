use quarry::connection::Connection;
use quarry::query_builder::{collect_binds, to_sql, QueryFragment};
use quarry::statement_cache::{StatementCache, StatementCacheKey};
use quarry::transaction::{TransactionConnection, TransactionState};
use quarry::{Error, QueryResult};

use crate::backend::Mysql;
use crate::bind_value::MysqlBindValue;
use crate::cursor::MysqlCursor;
use crate::error_mapping::{database_error, prepare_error};
use crate::raw::{self, MysqlConnectOptions, MysqlParam, MysqlStatement};

/// What every session runs right after connecting (and reconnecting): strict mode for all
/// tables, so that a value out of range, too long, or NULL for a NOT NULL column is an error
/// rather than a silent truncation or a zero; and UTC as the session's time zone, so that
/// `TIMESTAMP` values read and write as UTC. The rest of the server's SQL mode is kept.
const SESSION_SETUP: &str =
    "SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES'), \
     SESSION time_zone = '+00:00'";

/// A connection to a MySQL or MariaDB server over the MySQL C API.
///
/// Statements are prepared on the server and kept in a bounded cache, keyed like on the other
/// backends (by the query's type, or by its SQL text when that depends on run-time data);
/// [`set_statement_cache_capacity`](Self::set_statement_cache_capacity) changes or turns off the
/// cache. Results are read row by row from the server, in place.
///
/// Every session uses utf8mb4, the SQL mode of the server plus `STRICT_ALL_TABLES`, and the
/// time zone `+00:00`. `UPDATE` reports the rows it matched (like SQLite and PostgreSQL), not
/// only those it changed.
///
/// ```no_run
/// use quarry::prelude::*;
/// use quarry_mysql::MysqlConnection;
///
/// # fn main() -> quarry::QueryResult<()> {
/// let mut conn = MysqlConnection::establish("mysql://root@127.0.0.1:3306/test")?;
/// conn.batch_execute("CREATE TEMPORARY TABLE t (id INT AUTO_INCREMENT PRIMARY KEY, name TEXT NOT NULL)")?;
/// conn.batch_execute("INSERT INTO t (name) VALUES ('a')")?;
/// assert_eq!(conn.last_insert_id(), 1);
/// # Ok(()) }
/// ```
pub struct MysqlConnection {
    transaction: TransactionState,
    cache: StatementCache<MysqlStatement>,
    /// The statement of the last query run while the cache is off.
    uncached: Option<MysqlStatement>,
    last_insert_id: u64,
    raw: raw::MysqlConnection,
}

impl std::fmt::Debug for MysqlConnection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MysqlConnection")
            .field("connection_id", &self.raw.connection_id())
            .field("cached_statements", &self.cache.len())
            .field("transaction_depth", &self.transaction.depth())
            .finish_non_exhaustive()
    }
}

impl MysqlConnection {
    /// Connects with a `mysql://user:password@host:port/database` URL (`mariadb://` works too).
    ///
    /// User, password, host and database are percent-decoded; the port defaults to 3306. Query
    /// parameters: `socket=/path/to/mysqld.sock` connects through a unix socket (the host is
    /// then ignored), `connect_timeout=SECONDS` (default 10). Note that the host `localhost`
    /// means the default unix socket in the MySQL C API: use `127.0.0.1` for TCP.
    ///
    /// Any failure (a malformed URL, the server unreachable, bad credentials, an unknown
    /// database) is an [`Error::Connection`].
    pub fn establish(url: &str) -> QueryResult<Self> {
        let options = MysqlConnectOptions::from_url(url).map_err(database_error)?;
        Self::establish_with(options)
    }

    /// Connects with options built field by field (see [`MysqlConnectOptions`]).
    pub fn establish_with(options: MysqlConnectOptions) -> QueryResult<Self> {
        let mut raw = raw::MysqlConnection::connect_with(options).map_err(database_error)?;
        set_up_session(&mut raw)?;
        Ok(Self {
            transaction: TransactionState::default(),
            cache: StatementCache::default(),
            uncached: None,
            last_insert_id: 0,
            raw,
        })
    }

    /// Re-establishes the connection with the same options, e.g. after an
    /// [`Error::Connection`] reported a lost connection ("server has gone away", a `KILL`).
    /// Prepared statements, session variables, temporary tables and an open transaction are
    /// gone with the old session; the statement cache is emptied and the transaction depth
    /// reset. On failure the connection stays broken and the call may be retried.
    pub fn reconnect(&mut self) -> QueryResult<()> {
        self.raw.reconnect().map_err(database_error)?;
        self.cache.clear();
        self.uncached = None;
        self.transaction = TransactionState::default();
        self.last_insert_id = 0;
        set_up_session(&mut self.raw)
    }

    /// Checks that the server answers; a lost connection is an [`Error::Connection`].
    pub fn ping(&mut self) -> QueryResult<()> {
        self.raw.ping().map_err(database_error)
    }

    /// Sets how many prepared statements are kept; 0 turns the statement cache off.
    pub fn set_statement_cache_capacity(&mut self, capacity: usize) {
        self.cache.set_capacity(capacity);
    }

    /// How many prepared statements are cached.
    pub fn cached_statements(&self) -> usize {
        self.cache.len()
    }

    /// The `AUTO_INCREMENT` value generated (or given explicitly) by the last INSERT on this
    /// connection that had one, run through the DSL, `sql_query` or `batch_execute`; 0 when
    /// there was none. For an INSERT of several rows it is the value of the first row (the
    /// others follow it, by `auto_increment_increment`).
    ///
    /// ```no_run
    /// # use quarry::prelude::*;
    /// # quarry::table! { users (id) { id -> Integer, name -> Text, } }
    /// # fn run(conn: &mut quarry_mysql::MysqlConnection) -> quarry::QueryResult<()> {
    /// insert_into(users::table).values(users::name.eq("Ada")).execute(conn)?;
    /// let id = conn.last_insert_id();
    /// # let _ = id; Ok(()) }
    /// ```
    pub fn last_insert_id(&self) -> u64 {
        self.last_insert_id
    }

    /// The server's id for this session (`CONNECTION_ID()`, the argument of `KILL`).
    pub fn connection_id(&self) -> u64 {
        self.raw.connection_id()
    }

    /// The server's version string, e.g. `10.11.19-MariaDB-0+deb12u1`.
    pub fn server_info(&self) -> String {
        self.raw.server_info()
    }

    /// The server's version as major * 10000 + minor * 100 + patch (101119 for 10.11.19).
    pub fn server_version(&self) -> u64 {
        self.raw.server_version()
    }

    /// Whether the server is MariaDB rather than MySQL.
    pub fn is_mariadb(&self) -> bool {
        self.raw.is_mariadb()
    }

    /// The SQL this connection would run for `query` (for logging and tests).
    ///
    /// ```
    /// # use quarry::prelude::*;
    /// # quarry::table! { users (id) { id -> Integer, name -> Text, } }
    /// use quarry_mysql::MysqlConnection;
    /// let query = users::table.select(users::name).filter(users::id.eq(1)).offset(2);
    /// assert_eq!(
    ///     MysqlConnection::debug_sql(&query)?,
    ///     "SELECT `users`.`name` FROM `users` WHERE `users`.`id` = ? LIMIT 18446744073709551615 OFFSET ?"
    /// );
    /// # Ok::<_, quarry::Error>(())
    /// ```
    pub fn debug_sql<Q: QueryFragment<Mysql> + ?Sized>(query: &Q) -> QueryResult<String> {
        to_sql::<Mysql, Q>(query)
    }

    /// Prepares (or finds in the cache) the statement for `query` and runs it with its bound
    /// values; the rows are then read from the returned result.
    fn run<'conn, Q>(&'conn mut self, query: &Q) -> QueryResult<raw::MysqlRows<'conn>>
    where
        Q: QueryFragment<Mysql> + ?Sized,
    {
        let (binds, dynamic) = collect_binds::<Mysql, Q>(query)?;
        let params: Vec<MysqlParam<'_>> = binds.iter().map(MysqlBindValue::to_param).collect();
        let key = StatementCacheKey::for_query::<Mysql, Q>(query, dynamic)?;
        let Self {
            raw, cache, uncached, ..
        } = self;
        let prepare = |raw: &mut raw::MysqlConnection| -> QueryResult<MysqlStatement> {
            let sql = key.sql::<Mysql, Q>(query)?;
            raw.prepare(&sql).map_err(|e| prepare_error(e, &sql))
        };
        let stmt = match cache.get_or_try_insert_with(&key, || prepare(raw)) {
            Some(stmt) => stmt?,
            None => uncached.insert(prepare(raw)?),
        };
        stmt.execute(raw, &params).map_err(database_error)
    }
}

/// Runs [`SESSION_SETUP`] on a new session.
fn set_up_session(raw: &mut raw::MysqlConnection) -> QueryResult<()> {
    raw.query(SESSION_SETUP)
        .map_err(|e| Error::Connection(format!("cannot set up the session: {e}")))
}

impl Connection for MysqlConnection {
    type Backend = Mysql;
    type Cursor<'conn, 'q> = MysqlCursor<'conn>;

    fn query<'conn, Q>(&'conn mut self, query: &Q) -> QueryResult<MysqlCursor<'conn>>
    where
        Q: QueryFragment<Mysql> + ?Sized,
    {
        Ok(MysqlCursor::new(self.run(query)?))
    }

    fn execute<Q>(&mut self, query: &Q) -> QueryResult<usize>
    where
        Q: QueryFragment<Mysql> + ?Sized,
    {
        let (affected, insert_id) = {
            // Rows a statement returns are read and discarded when the result is dropped.
            let rows = self.run(query)?;
            (rows.affected_rows(), rows.insert_id())
        };
        if insert_id != 0 {
            self.last_insert_id = insert_id;
        }
        usize::try_from(affected.unwrap_or(0))
            .map_err(|_| Error::QueryBuilder("affected row count overflows usize".into()))
    }

    fn batch_execute(&mut self, sql: &str) -> QueryResult<()> {
        let result = self.raw.query(sql).map_err(database_error);
        let insert_id = self.raw.last_insert_id();
        if insert_id != 0 {
            self.last_insert_id = insert_id;
        }
        result
    }
}

impl TransactionConnection for MysqlConnection {
    fn transaction_state(&mut self) -> &mut TransactionState {
        &mut self.transaction
    }
}
