use quarry::connection::Connection;
use quarry::query_builder::{collect_binds, to_sql, QueryFragment};
use quarry::statement_cache::{StatementCache, StatementCacheKey};
use quarry::transaction::{TransactionConnection, TransactionState};
use quarry::QueryResult;

use crate::backend::Pg;
use crate::cursor::{LoadingMode, PgCursor};
use crate::error_mapping::database_error;
use crate::raw::{self, PgResult};

/// A connection to a PostgreSQL server over libpq.
///
/// Parameters and results travel in binary format. Statements are prepared with names and kept
/// in a bounded cache (keyed by query type, or SQL text for dynamic queries); evicted ones are
/// deallocated on the server.
///
/// Rows are buffered by default; [`PgConnection::set_loading_mode`] switches to reading them one
/// at a time (see [`LoadingMode`]).
pub struct PgConnection {
    transaction: TransactionState,
    cache: StatementCache<String>,
    next_statement: u64,
    loading_mode: LoadingMode,
    raw: raw::PgConnection,
}

impl std::fmt::Debug for PgConnection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PgConnection")
            .field("cached_statements", &self.cache.len())
            .field("loading_mode", &self.loading_mode)
            .finish()
    }
}

impl PgConnection {
    /// Connects with a `postgres://` URL or a libpq `key=value` connection string.
    pub fn establish(url: &str) -> QueryResult<Self> {
        let raw = raw::PgConnection::connect(url).map_err(database_error)?;
        Ok(Self {
            transaction: TransactionState::default(),
            cache: StatementCache::default().keep_evicted(),
            next_statement: 0,
            loading_mode: LoadingMode::default(),
            raw,
        })
    }

    /// Sets how many prepared statements are kept; 0 turns the cache off.
    pub fn set_statement_cache_capacity(&mut self, capacity: usize) {
        self.cache.set_capacity(capacity);
    }

    /// How many prepared statements are cached.
    pub fn cached_statements(&self) -> usize {
        self.cache.len()
    }

    /// Sets how the rows of the following queries are loaded: [`LoadingMode::Buffered`] (the
    /// default) or [`LoadingMode::RowByRow`] (libpq's single-row mode, for results too large for
    /// memory, mainly with `load_iter`). Applies to every query that returns rows through the
    /// DSL or `sql_query`; see [`LoadingMode`] for the memory/speed trade-off.
    ///
    /// ```no_run
    /// # use quarry::prelude::*;
    /// # use quarry::sql_types::BigInt;
    /// # use quarry_postgres::{LoadingMode, PgConnection};
    /// # #[derive(QueryableByName)]
    /// # struct N { #[quarry(sql_type = BigInt)] n: i64 }
    /// # fn run(conn: &mut PgConnection) -> quarry::QueryResult<()> {
    /// conn.set_loading_mode(LoadingMode::RowByRow);
    /// let query = sql_query("SELECT CAST(g AS BIGINT) AS n FROM generate_series(1, 10000000) g");
    /// let mut total = 0;
    /// for row in query.load_iter::<N>(conn)? {
    ///     total += row?.n; // one row in memory at a time
    /// }
    /// conn.set_loading_mode(LoadingMode::Buffered);
    /// # Ok(()) }
    /// ```
    pub fn set_loading_mode(&mut self, mode: LoadingMode) {
        self.loading_mode = mode;
    }

    /// How the rows of queries are loaded (see [`PgConnection::set_loading_mode`]).
    pub fn loading_mode(&self) -> LoadingMode {
        self.loading_mode
    }

    /// Server notices (RAISE NOTICE, warnings) received since the last call.
    pub fn take_notices(&mut self) -> Vec<String> {
        self.raw.take_notices()
    }

    /// Re-establishes a lost connection (prepared statements are gone with it).
    pub fn reconnect(&mut self) -> QueryResult<()> {
        self.raw.reset().map_err(database_error)?;
        self.cache.clear();
        let _ = self.cache.take_evicted();
        self.transaction = TransactionState::default();
        Ok(())
    }

    /// The libpq connection, for COPY (see `crate::copy`), which talks to it directly.
    pub(crate) fn raw_mut(&mut self) -> &mut raw::PgConnection {
        &mut self.raw
    }

    /// The SQL this connection would run for `query`.
    pub fn debug_sql<Q: QueryFragment<Pg> + ?Sized>(query: &Q) -> QueryResult<String> {
        to_sql::<Pg, Q>(query)
    }

    /// Sends `query` through `send`: as its cached named prepared statement (prepared first when
    /// it is not cached), or as unnamed SQL text when the cache is off.
    fn run<Q, R>(
        &mut self,
        query: &Q,
        send: impl FnOnce(&mut raw::PgConnection, Statement<'_>, &[Option<&[u8]>]) -> QueryResult<R>,
    ) -> QueryResult<R>
    where
        Q: QueryFragment<Pg> + ?Sized,
    {
        for name in self.cache.take_evicted() {
            self.raw.deallocate(&name).map_err(database_error)?;
        }
        let (binds, dynamic) = collect_binds::<Pg, Q>(query)?;
        let params: Vec<Option<&[u8]>> = binds.iter().map(|b| b.as_bytes()).collect();
        let types: Vec<u32> = binds.iter().map(|b| b.oid()).collect();
        let key = StatementCacheKey::for_query::<Pg, Q>(query, dynamic)?;
        // One lookup on a hit; on a miss the statement is prepared under a new name and cached.
        let (raw, next_statement) = (&mut self.raw, &mut self.next_statement);
        let prepared = self.cache.get_or_try_insert_with(&key, || {
            *next_statement += 1;
            let name = format!("quarry_{next_statement}");
            raw.prepare(&name, &key.sql::<Pg, Q>(query)?, &types)
                .map_err(database_error)?;
            Ok::<_, quarry::Error>(name)
        });
        match prepared {
            Some(Ok(name)) => send(raw, Statement::Prepared(name), &params),
            Some(Err(e)) => Err(e),
            // Caching is off: the SQL is sent as a one-off unnamed statement.
            None => {
                let sql = key.sql::<Pg, Q>(query)?;
                let statement = Statement::Unnamed {
                    sql: &sql,
                    types: &types,
                };
                send(raw, statement, &params)
            }
        }
    }
}

/// How [`PgConnection::run`] names the statement to run.
enum Statement<'a> {
    /// A named prepared statement (from the statement cache).
    Prepared(&'a str),
    /// One-off SQL text with its parameter type OIDs (the cache is off).
    Unnamed { sql: &'a str, types: &'a [u32] },
}

/// Runs the statement and buffers its whole result.
fn exec_buffered(
    raw: &mut raw::PgConnection,
    statement: Statement<'_>,
    params: &[Option<&[u8]>],
) -> QueryResult<PgResult> {
    match statement {
        Statement::Prepared(name) => raw.exec_prepared(name, params),
        Statement::Unnamed { sql, types } => raw.exec_params(sql, types, params),
    }
    .map_err(database_error)
}

/// Sends the statement in single-row mode; its rows are then read by a row-by-row cursor.
fn send_row_by_row(
    raw: &mut raw::PgConnection,
    statement: Statement<'_>,
    params: &[Option<&[u8]>],
) -> QueryResult<()> {
    match statement {
        Statement::Prepared(name) => raw.send_prepared_single_row(name, params),
        Statement::Unnamed { sql, types } => raw.send_params_single_row(sql, types, params),
    }
    .map_err(database_error)
}

impl Connection for PgConnection {
    type Backend = Pg;
    type Cursor<'conn, 'q> = PgCursor<'conn>;

    fn query<'conn, Q>(&'conn mut self, query: &Q) -> QueryResult<PgCursor<'conn>>
    where
        Q: QueryFragment<Pg> + ?Sized,
    {
        match self.loading_mode {
            LoadingMode::Buffered => Ok(PgCursor::new(self.run(query, exec_buffered)?)),
            LoadingMode::RowByRow => {
                self.run(query, send_row_by_row)?;
                PgCursor::row_by_row(&mut self.raw)
            }
        }
    }

    fn execute<Q>(&mut self, query: &Q) -> QueryResult<usize>
    where
        Q: QueryFragment<Pg> + ?Sized,
    {
        let result = self.run(query, exec_buffered)?;
        usize::try_from(result.affected_rows())
            .map_err(|_| quarry::Error::QueryBuilder("affected row count overflows usize".into()))
    }

    fn batch_execute(&mut self, sql: &str) -> QueryResult<()> {
        self.raw.exec_batch(sql).map_err(database_error)
    }
}

impl TransactionConnection for PgConnection {
    fn transaction_state(&mut self) -> &mut TransactionState {
        &mut self.transaction
    }
}
