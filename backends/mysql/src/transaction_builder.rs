//! MySQL transactions with an isolation level, an access mode and a consistent snapshot.

use quarry::transaction::{begin_transaction_with, transaction_with, Transaction, TransactionDsl};
use quarry::{Error, QueryResult};

use crate::connection::MysqlConnection;

/// A MySQL isolation level (`SET TRANSACTION ISOLATION LEVEL …`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IsolationLevel {
    /// `READ UNCOMMITTED`: reads may see other transactions' uncommitted changes.
    ReadUncommitted,
    /// `READ COMMITTED`: each statement sees what was committed before it started.
    ReadCommitted,
    /// `REPEATABLE READ` (InnoDB's default): plain reads see one snapshot for the whole
    /// transaction; locking reads and writes see the latest committed rows.
    RepeatableRead,
    /// `SERIALIZABLE`: like REPEATABLE READ, with plain reads taking shared locks, so
    /// conflicting transactions wait for each other (or deadlock:
    /// [`quarry::DatabaseErrorKind::Deadlock`], which should be retried).
    Serializable,
}

impl IsolationLevel {
    fn sql(self) -> &'static str {
        match self {
            Self::ReadUncommitted => "READ UNCOMMITTED",
            Self::ReadCommitted => "READ COMMITTED",
            Self::RepeatableRead => "REPEATABLE READ",
            Self::Serializable => "SERIALIZABLE",
        }
    }
}

/// Builds a transaction with MySQL's options; made by [`MysqlConnection::build_transaction`].
///
/// The isolation level is set with `SET TRANSACTION ISOLATION LEVEL …`, which applies to the
/// next transaction only, right before `START TRANSACTION [READ ONLY | READ WRITE]
/// [, WITH CONSISTENT SNAPSHOT]`.
///
/// ```no_run
/// # use quarry_mysql::MysqlConnection;
/// # fn run(conn: &mut MysqlConnection) -> quarry::QueryResult<()> {
/// // SET TRANSACTION ISOLATION LEVEL SERIALIZABLE; START TRANSACTION READ ONLY
/// let total: i64 = conn
///     .build_transaction()
///     .serializable()
///     .read_only()
///     .run(|conn| Ok(42))?;
/// # let _ = total; Ok(()) }
/// ```
///
/// The options apply to a transaction, not to a savepoint: building one while a transaction is
/// already open is an error (use [`TransactionDsl::transaction`] for a nested savepoint).
#[derive(Debug)]
#[must_use = "a transaction builder does nothing until `.run(…)` or `.begin()`"]
pub struct MysqlTransactionBuilder<'c> {
    conn: &'c mut MysqlConnection,
    isolation: Option<IsolationLevel>,
    read_only: Option<bool>,
    consistent_snapshot: bool,
}

impl<'c> MysqlTransactionBuilder<'c> {
    pub(crate) fn new(conn: &'c mut MysqlConnection) -> Self {
        Self {
            conn,
            isolation: None,
            read_only: None,
            consistent_snapshot: false,
        }
    }

    /// Sets the isolation level.
    pub fn isolation_level(mut self, level: IsolationLevel) -> Self {
        self.isolation = Some(level);
        self
    }

    /// `ISOLATION LEVEL READ UNCOMMITTED`
    pub fn read_uncommitted(self) -> Self {
        self.isolation_level(IsolationLevel::ReadUncommitted)
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

    /// `READ ONLY`: writes to tables other sessions can see fail with an error.
    pub fn read_only(mut self) -> Self {
        self.read_only = Some(true);
        self
    }

    /// `READ WRITE` (the default unless the session says otherwise).
    pub fn read_write(mut self) -> Self {
        self.read_only = Some(false);
        self
    }

    /// `WITH CONSISTENT SNAPSHOT`: takes the snapshot at once rather than at the first read
    /// (meaningful with REPEATABLE READ).
    pub fn with_consistent_snapshot(mut self) -> Self {
        self.consistent_snapshot = true;
        self
    }

    /// The SQL that starts a transaction with these options.
    pub fn begin_sql(&self) -> String {
        let mut sql = String::new();
        if let Some(level) = self.isolation {
            sql.push_str("SET TRANSACTION ISOLATION LEVEL ");
            sql.push_str(level.sql());
            sql.push_str("; ");
        }
        sql.push_str("START TRANSACTION");
        let mut modes = Vec::with_capacity(2);
        if self.consistent_snapshot {
            modes.push("WITH CONSISTENT SNAPSHOT");
        }
        if let Some(read_only) = self.read_only {
            modes.push(if read_only { "READ ONLY" } else { "READ WRITE" });
        }
        if !modes.is_empty() {
            sql.push(' ');
            sql.push_str(&modes.join(", "));
        }
        sql
    }

    fn check_outermost(&mut self) -> QueryResult<()> {
        if self.conn.transaction_depth() > 0 {
            return Err(Error::QueryBuilder(
                "isolation level, READ ONLY and WITH CONSISTENT SNAPSHOT apply to a whole \
                 transaction; one is already open (use `transaction` for a savepoint)"
                    .into(),
            ));
        }
        Ok(())
    }

    /// Runs `f` in the transaction: `Ok` commits, `Err` or a panic rolls back (see
    /// [`TransactionDsl::transaction`]).
    pub fn run<T, E, F>(mut self, f: F) -> Result<T, E>
    where
        F: FnOnce(&mut MysqlConnection) -> Result<T, E>,
        E: From<Error>,
    {
        self.check_outermost()?;
        let sql = self.begin_sql();
        transaction_with(self.conn, &sql, f)
    }

    /// Runs `f` in a fresh transaction up to `attempts` times while it fails with an error that
    /// retrying may cure ([`quarry::DatabaseErrorKind::is_retryable`]: a deadlock, a lock wait
    /// timeout). Each attempt is rolled back before the next; the last error is returned when
    /// the attempts run out.
    pub fn run_retrying<T, F>(mut self, attempts: usize, mut f: F) -> QueryResult<T>
    where
        F: FnMut(&mut MysqlConnection) -> QueryResult<T>,
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
    pub fn begin(mut self) -> QueryResult<Transaction<'c, MysqlConnection>> {
        self.check_outermost()?;
        let sql = self.begin_sql();
        begin_transaction_with(self.conn, &sql)
    }
}

impl MysqlConnection {
    /// A transaction with an isolation level, READ ONLY / READ WRITE, and WITH CONSISTENT
    /// SNAPSHOT.
    pub fn build_transaction(&mut self) -> MysqlTransactionBuilder<'_> {
        MysqlTransactionBuilder::new(self)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn begin_sql() {
        // The builder needs a connection; its SQL is checked against a server in the
        // integration tests. Here: the level names.
        use super::IsolationLevel;
        assert_eq!(IsolationLevel::Serializable.sql(), "SERIALIZABLE");
        assert_eq!(IsolationLevel::ReadUncommitted.sql(), "READ UNCOMMITTED");
    }
}
