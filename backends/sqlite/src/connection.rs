use quarry::connection::Connection;
use quarry::query_builder::{collect_binds, to_sql, QueryFragment};
use quarry::statement_cache::{StatementCache, StatementCacheKey};
use quarry::transaction::{
    begin_transaction_with, transaction_with, Transaction, TransactionConnection, TransactionState,
};
use quarry::{Error, QueryResult};

use crate::backend::Sqlite;
use crate::bind_value::SqliteBindValue;
use crate::cursor::SqliteCursor;
use crate::error_mapping::{connection_error, database_error};
use crate::raw::{RawConnection, RawStatement, StatementUse, StepResult};

/// How `BEGIN` takes its locks (SQLite's `DEFERRED`, `IMMEDIATE`, `EXCLUSIVE`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TransactionBehavior {
    /// Locks are taken when first needed.
    #[default]
    Deferred,
    /// A write lock is taken at once.
    Immediate,
    /// An exclusive lock is taken at once.
    Exclusive,
}

impl TransactionBehavior {
    fn begin_sql(self) -> &'static str {
        match self {
            Self::Deferred => "BEGIN DEFERRED",
            Self::Immediate => "BEGIN IMMEDIATE",
            Self::Exclusive => "BEGIN EXCLUSIVE",
        }
    }
}

/// A connection to a SQLite database.
///
/// Statements are cached (bounded; [`set_statement_cache_capacity`](Self::set_statement_cache_capacity)
/// changes or turns off the cache). Foreign keys are enforced (`PRAGMA foreign_keys = ON`).
pub struct SqliteConnection {
    transaction: TransactionState,
    // Field order matters: statements are finalized before the connection closes.
    cache: StatementCache<RawStatement>,
    uncached: Option<RawStatement>,
    raw: RawConnection,
}

impl std::fmt::Debug for SqliteConnection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SqliteConnection")
            .field("cached_statements", &self.cache.len())
            .finish()
    }
}

impl SqliteConnection {
    /// Opens (creating if needed) the database at `path`: a file name, `:memory:`, or a `file:`
    /// URI.
    pub fn establish(path: &str) -> QueryResult<Self> {
        let raw = RawConnection::open(path).map_err(connection_error)?;
        raw.exec("PRAGMA foreign_keys = ON").map_err(connection_error)?;
        raw.busy_timeout(5_000).map_err(connection_error)?;
        Ok(Self {
            transaction: TransactionState::default(),
            cache: StatementCache::default(),
            uncached: None,
            raw,
        })
    }

    /// Sets how many prepared statements are kept; 0 turns the statement cache off.
    pub fn set_statement_cache_capacity(&mut self, capacity: usize) {
        self.cache.set_capacity(capacity);
    }

    /// How many prepared statements are cached.
    pub fn cached_statements(&self) -> usize {
        self.cache.len()
    }

    /// The rowid of the last row inserted on this connection.
    pub fn last_insert_rowid(&self) -> i64 {
        self.raw.last_insert_rowid()
    }

    /// The SQL this connection would run for `query` (for logging and tests).
    pub fn debug_sql<Q: QueryFragment<Sqlite> + ?Sized>(query: &Q) -> QueryResult<String> {
        to_sql::<Sqlite, Q>(query)
    }

    /// Runs `f` in a transaction started with `BEGIN DEFERRED`, `BEGIN IMMEDIATE` or
    /// `BEGIN EXCLUSIVE` (a savepoint when already in a transaction). See
    /// [`TransactionDsl::transaction`](quarry::transaction::TransactionDsl::transaction).
    pub fn transaction_with_behavior<T, E, F>(&mut self, behavior: TransactionBehavior, f: F) -> Result<T, E>
    where
        F: FnOnce(&mut Self) -> Result<T, E>,
        E: From<Error>,
    {
        transaction_with(self, behavior.begin_sql(), f)
    }

    /// [`transaction_with_behavior`](Self::transaction_with_behavior) with `IMMEDIATE`: takes the
    /// write lock at once, so the transaction cannot fail later with SQLITE_BUSY on upgrade.
    pub fn immediate_transaction<T, E, F>(&mut self, f: F) -> Result<T, E>
    where
        F: FnOnce(&mut Self) -> Result<T, E>,
        E: From<Error>,
    {
        self.transaction_with_behavior(TransactionBehavior::Immediate, f)
    }

    /// [`transaction_with_behavior`](Self::transaction_with_behavior) with `EXCLUSIVE`.
    pub fn exclusive_transaction<T, E, F>(&mut self, f: F) -> Result<T, E>
    where
        F: FnOnce(&mut Self) -> Result<T, E>,
        E: From<Error>,
    {
        self.transaction_with_behavior(TransactionBehavior::Exclusive, f)
    }

    /// A guarded transaction started with the given behavior.
    pub fn begin_transaction_with_behavior(
        &mut self,
        behavior: TransactionBehavior,
    ) -> QueryResult<Transaction<'_, Self>> {
        begin_transaction_with(self, behavior.begin_sql())
    }

    /// Whether the connection is inside a transaction, as SQLite reports it.
    pub fn in_transaction(&self) -> bool {
        !self.raw.is_autocommit()
    }

    /// Prepares (or finds in the cache) the statement for `query` and binds its values.
    fn bound<'conn, 'q, Q>(&'conn mut self, query: &'q Q) -> QueryResult<StatementUse<'conn, 'q>>
    where
        Q: QueryFragment<Sqlite> + ?Sized,
    {
        let (binds, dynamic) = collect_binds::<Sqlite, Q>(query)?;
        let key = StatementCacheKey::for_query::<Sqlite, Q>(query, dynamic)?;
        let raw = &self.raw;
        let prepare = |persistent| {
            raw.prepare(&key.sql::<Sqlite, Q>(query)?, persistent)
                .map_err(database_error)
        };
        let stmt: &'conn mut RawStatement = match self.cache.get_or_try_insert_with(&key, || prepare(true)) {
            Some(stmt) => stmt?,
            None => self.uncached.insert(prepare(false)?),
        };
        let mut usage = stmt.start();
        bind_all(&mut usage, binds)?;
        Ok(usage)
    }
}

fn bind_all<'q>(usage: &mut StatementUse<'_, 'q>, binds: Vec<SqliteBindValue<'q>>) -> QueryResult<()> {
    for (i, value) in binds.into_iter().enumerate() {
        let idx = i + 1;
        let result = match value {
            SqliteBindValue::Null => usage.bind_null(idx),
            SqliteBindValue::Integer(v) => usage.bind_i64(idx, v),
            SqliteBindValue::Real(v) => usage.bind_f64(idx, v),
            SqliteBindValue::Text(v) => usage.bind_text(idx, v),
            SqliteBindValue::Blob(v) => usage.bind_blob(idx, v),
            SqliteBindValue::OwnedText(v) => usage.bind_text_copy(idx, &v),
        };
        result.map_err(database_error)?;
    }
    Ok(())
}

impl TransactionConnection for SqliteConnection {
    fn transaction_state(&mut self) -> &mut TransactionState {
        &mut self.transaction
    }
}

impl Connection for SqliteConnection {
    type Backend = Sqlite;
    type Cursor<'conn, 'q> = SqliteCursor<'conn, 'q>;

    #[inline]
    fn query<'conn, 'q, Q>(&'conn mut self, query: &'q Q) -> QueryResult<SqliteCursor<'conn, 'q>>
    where
        Q: QueryFragment<Sqlite> + ?Sized,
    {
        Ok(SqliteCursor::new(self.bound(query)?))
    }

    fn execute<Q>(&mut self, query: &Q) -> QueryResult<usize>
    where
        Q: QueryFragment<Sqlite> + ?Sized,
    {
        {
            let mut usage = self.bound(query)?;
            // Rows a statement returns (e.g. a RETURNING clause) are skipped here.
            while let StepResult::Row = usage.step().map_err(database_error)? {}
        }
        usize::try_from(self.raw.changes()).map_err(|_| Error::QueryBuilder("row count overflow".into()))
    }

    fn batch_execute(&mut self, sql: &str) -> QueryResult<()> {
        self.raw.exec(sql).map_err(database_error)
    }
}
