//! PostgreSQL transactions with an isolation level, an access mode and DEFERRABLE.

use quarry::transaction::{begin_transaction_with, transaction_with, Transaction, TransactionDsl};
use quarry::{Error, QueryResult};

use crate::connection::PgConnection;

/// A PostgreSQL isolation level (`BEGIN ISOLATION LEVEL …`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IsolationLevel {
    /// `READ COMMITTED` (PostgreSQL's default): each statement sees what was committed before it
    /// started.
    ReadCommitted,
    /// `REPEATABLE READ`: the whole transaction sees one snapshot; a write that conflicts with
    /// a concurrent one fails with a serialization failure.
    RepeatableRead,
    /// `SERIALIZABLE`: as if transactions ran one after another; conflicting ones fail with a
    /// serialization failure ([`quarry::DatabaseErrorKind::SerializationFailure`]) and should be
    /// retried.
    Serializable,
}

impl IsolationLevel {
    fn sql(self) -> &'static str {
        match self {
            Self::ReadCommitted => "READ COMMITTED",
            Self::RepeatableRead => "REPEATABLE READ",
            Self::Serializable => "SERIALIZABLE",
        }
    }
}

/// Builds a transaction with PostgreSQL's options; made by [`PgConnection::build_transaction`].
///
/// ```no_run
/// # use quarry_postgres::PgConnection;
/// # fn run(conn: &mut PgConnection) -> quarry::QueryResult<()> {
/// // BEGIN ISOLATION LEVEL SERIALIZABLE, READ ONLY, DEFERRABLE
/// let total: i64 = conn
///     .build_transaction()
///     .serializable()
///     .read_only()
///     .deferrable()
///     .run(|conn| Ok(42))?;
/// # let _ = total; Ok(()) }
/// ```
///
/// The options apply to a transaction, not to a savepoint: building one while a transaction is
/// already open is an error (use [`TransactionDsl::transaction`] for a nested savepoint).
#[derive(Debug)]
#[must_use = "a transaction builder does nothing until `.run(…)` or `.begin()`"]
pub struct PgTransactionBuilder<'c> {
    conn: &'c mut PgConnection,
    isolation: Option<IsolationLevel>,
    read_only: Option<bool>,
    deferrable: Option<bool>,
}

impl<'c> PgTransactionBuilder<'c> {
    pub(crate) fn new(conn: &'c mut PgConnection) -> Self {
        Self {
            conn,
            isolation: None,
            read_only: None,
            deferrable: None,
        }
    }

    /// Sets the isolation level.
    pub fn isolation_level(mut self, level: IsolationLevel) -> Self {
        self.isolation = Some(level);
        self
    }

    /// `ISOLATION LEVEL READ COMMITTED`
    pub fn read_committed(self) -> Self {
        self.isolation_level(IsolationLevel::ReadCommitted)
    }

    /// `ISOLATION LEVEL REPEATABLE READ`
    pub fn repeatable_read(self) -> Self {
        self.isolation_level(IsolationLevel::RepeatableRead)
    }

    /// `ISOLATION LEVEL SERIALIZABLE`
    pub fn serializable(self) -> Self {
        self.isolation_level(IsolationLevel::Serializable)
    }

    /// `READ ONLY`: writes fail with an error.
    pub fn read_only(mut self) -> Self {
        self.read_only = Some(true);
        self
    }

    /// `READ WRITE` (the default unless the session says otherwise).
    pub fn read_write(mut self) -> Self {
        self.read_only = Some(false);
        self
    }

    /// `DEFERRABLE`: with `SERIALIZABLE` and `READ ONLY`, waits for a snapshot that cannot fail
    /// with a serialization failure (meaningful only with both).
    pub fn deferrable(mut self) -> Self {
        self.deferrable = Some(true);
        self
    }

    /// `NOT DEFERRABLE`
    pub fn not_deferrable(mut self) -> Self {
        self.deferrable = Some(false);
        self
    }

    /// The `BEGIN` statement these options make.
    pub fn begin_sql(&self) -> String {
        let mut modes = Vec::with_capacity(3);
        if let Some(level) = self.isolation {
            modes.push(format!("ISOLATION LEVEL {}", level.sql()));
        }
        if let Some(read_only) = self.read_only {
            modes.push(if read_only { "READ ONLY" } else { "READ WRITE" }.to_owned());
        }
        if let Some(deferrable) = self.deferrable {
            modes.push(
                if deferrable {
                    "DEFERRABLE"
                } else {
                    "NOT DEFERRABLE"
                }
                .to_owned(),
            );
        }
        if modes.is_empty() {
            "BEGIN".to_owned()
        } else {
            format!("BEGIN {}", modes.join(", "))
        }
    }

    fn check_outermost(&mut self) -> QueryResult<()> {
        if self.conn.transaction_depth() > 0 {
            return Err(Error::QueryBuilder(
                "isolation level, READ ONLY and DEFERRABLE apply to a whole transaction; one is \
                 already open (use `transaction` for a savepoint)"
                    .into(),
            ));
        }
        Ok(())
    }

    /// Runs `f` in the transaction: `Ok` commits, `Err` or a panic rolls back (see
    /// [`TransactionDsl::transaction`]).
    pub fn run<T, E, F>(mut self, f: F) -> Result<T, E>
    where
        F: FnOnce(&mut PgConnection) -> Result<T, E>,
        E: From<Error>,
    {
        self.check_outermost()?;
        let sql = self.begin_sql();
        transaction_with(self.conn, &sql, f)
    }

    /// Runs `f` in a fresh transaction up to `attempts` times while it fails with an error that
    /// retrying may cure ([`quarry::DatabaseErrorKind::is_retryable`]: a serialization failure,
    /// a deadlock, a lock that could not be taken). Each attempt is rolled back before the next;
    /// the last error is returned when the attempts run out.
    pub fn run_retrying<T, F>(mut self, attempts: usize, mut f: F) -> QueryResult<T>
    where
        F: FnMut(&mut PgConnection) -> QueryResult<T>,
    {
        self.check_outermost()?;
        let sql = self.begin_sql();
        let mut attempt = 1;
        loop {
            match transaction_with(&mut *self.conn, &sql, &mut f) {
                Err(Error::Database(e)) if e.kind.is_retryable() && attempt < attempts => attempt += 1,
                other => return other,
            }
        }
    }

    /// Starts the transaction and returns a guard that derefs to the connection; dropped
    /// without `commit()`, it rolls back.
    pub fn begin(mut self) -> QueryResult<Transaction<'c, PgConnection>> {
        self.check_outermost()?;
        let sql = self.begin_sql();
        begin_transaction_with(self.conn, &sql)
    }
}

impl PgConnection {
    /// A transaction with an isolation level, READ ONLY / READ WRITE, DEFERRABLE.
    pub fn build_transaction(&mut self) -> PgTransactionBuilder<'_> {
        PgTransactionBuilder::new(self)
    }
}
