use quarry::connection::Connection;
use quarry::query_builder::{collect_binds, to_sql, QueryFragment};
use quarry::statement_cache::{StatementCache, StatementCacheKey};
use quarry::transaction::{TransactionConnection, TransactionState};
use quarry::QueryResult;

use crate::backend::Pg;
use crate::cursor::PgCursor;
use crate::error_mapping::database_error;
use crate::raw::{self, PgResult};

/// A connection to a PostgreSQL server over libpq.
///
/// Parameters and results travel in binary format. Statements are prepared with names and kept
/// in a bounded cache (keyed by query type, or SQL text for dynamic queries); evicted ones are
/// deallocated on the server.
pub struct PgConnection {
    transaction: TransactionState,
    cache: StatementCache<String>,
    next_statement: u64,
    raw: raw::PgConnection,
}

impl std::fmt::Debug for PgConnection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PgConnection")
            .field("cached_statements", &self.cache.len())
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

    /// The SQL this connection would run for `query`.
    pub fn debug_sql<Q: QueryFragment<Pg> + ?Sized>(query: &Q) -> QueryResult<String> {
        to_sql::<Pg, Q>(query)
    }

    fn run<Q: QueryFragment<Pg> + ?Sized>(&mut self, query: &Q) -> QueryResult<PgResult> {
        for name in self.cache.take_evicted() {
            self.raw.deallocate(&name).map_err(database_error)?;
        }
        let (binds, dynamic) = collect_binds::<Pg, Q>(query)?;
        let params: Vec<Option<&[u8]>> = binds.iter().map(|b| b.as_bytes()).collect();
        let types: Vec<u32> = binds.iter().map(|b| b.oid()).collect();
        let key = StatementCacheKey::for_query::<Pg, Q>(query, dynamic)?;
        if !self.cache.is_enabled() {
            let sql = key.sql::<Pg, Q>(query)?;
            return self
                .raw
                .exec_params(&sql, &types, &params)
                .map_err(database_error);
        }
        let name = match self.cache.take(&key) {
            Some(name) => name,
            None => {
                self.next_statement += 1;
                let name = format!("quarry_{}", self.next_statement);
                self.raw
                    .prepare(&name, &key.sql::<Pg, Q>(query)?, &types)
                    .map_err(database_error)?;
                name
            }
        };
        let result = self.raw.exec_prepared(&name, &params).map_err(database_error);
        self.cache.insert(key, name);
        result
    }
}

impl Connection for PgConnection {
    type Backend = Pg;
    type Cursor<'conn, 'q> = PgCursor;

    fn query<Q>(&mut self, query: &Q) -> QueryResult<PgCursor>
    where
        Q: QueryFragment<Pg> + ?Sized,
    {
        Ok(PgCursor::new(self.run(query)?))
    }

    fn execute<Q>(&mut self, query: &Q) -> QueryResult<usize>
    where
        Q: QueryFragment<Pg> + ?Sized,
    {
        let result = self.run(query)?;
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
