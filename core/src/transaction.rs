//! Transactions: a closure API and a guard API; nesting uses savepoints.
//!
//! ```ignore
//! conn.transaction(|conn| {
//!     // BEGIN … COMMIT; an `Err` or a panic rolls back.
//!     conn.transaction(|conn| {
//!         // SAVEPOINT quarry_1 … RELEASE SAVEPOINT quarry_1
//!         Ok::<_, quarry::Error>(())
//!     })
//! })?;
//!
//! let mut tx = conn.begin_transaction()?; // a guard: rolls back when dropped
//! // … use `tx` as the connection …
//! tx.commit()?;
//! ```

use std::ops::{Deref, DerefMut};
use std::panic::{catch_unwind, resume_unwind, AssertUnwindSafe};

use crate::connection::Connection;
use crate::error::{Error, QueryResult};

/// How deep a connection is in nested transactions. Kept by each connection.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct TransactionState {
    depth: usize,
}

impl TransactionState {
    /// 0 outside a transaction, 1 in a transaction, 2+ in savepoints.
    pub fn depth(&self) -> usize {
        self.depth
    }
}

/// What a connection needs for [`TransactionDsl`].
pub trait TransactionConnection: Connection {
    /// The connection's transaction state.
    fn transaction_state(&mut self) -> &mut TransactionState;
}

fn savepoint_name(depth: usize) -> String {
    format!("quarry_savepoint_{depth}")
}

/// Starts a transaction (`begin_sql` at depth 0) or a savepoint, returning the new depth.
fn begin<C: TransactionConnection>(conn: &mut C, begin_sql: &str) -> QueryResult<usize> {
    let depth = conn.transaction_state().depth;
    if depth == 0 {
        conn.batch_execute(begin_sql)?;
    } else {
        conn.batch_execute(&format!("SAVEPOINT {}", savepoint_name(depth)))?;
    }
    conn.transaction_state().depth = depth + 1;
    Ok(depth + 1)
}

fn commit<C: TransactionConnection>(conn: &mut C, depth: usize) -> QueryResult<()> {
    let result = if depth == 1 {
        conn.batch_execute("COMMIT")
    } else {
        conn.batch_execute(&format!("RELEASE SAVEPOINT {}", savepoint_name(depth - 1)))
    };
    match result {
        Ok(()) => {
            conn.transaction_state().depth = depth - 1;
            Ok(())
        }
        Err(e) => {
            // A COMMIT that fails (a deferred constraint, a busy database) leaves the transaction
            // open: roll it back so the connection is usable, and report the COMMIT's error.
            let _ = rollback(conn, depth);
            Err(e)
        }
    }
}

fn rollback<C: TransactionConnection>(conn: &mut C, depth: usize) -> QueryResult<()> {
    let result = if depth == 1 {
        conn.batch_execute("ROLLBACK")
    } else {
        let name = savepoint_name(depth - 1);
        conn.batch_execute(&format!("ROLLBACK TO SAVEPOINT {name}; RELEASE SAVEPOINT {name}"))
    };
    // Whatever happened, this level is over: a failed ROLLBACK means the database already ended
    // the transaction (SQLite does so on some errors).
    conn.transaction_state().depth = depth - 1;
    result
}

/// Transactions on any connection.
pub trait TransactionDsl: TransactionConnection {
    /// How deep the open transactions go: 0 outside a transaction, 1 inside one, 2 and more
    /// inside savepoints.
    fn transaction_depth(&mut self) -> usize {
        self.transaction_state().depth()
    }

    /// Runs `f` in a transaction (a savepoint when already in one). `Ok` commits; `Err` or a
    /// panic rolls back (the panic then continues). A failed COMMIT is returned as an error,
    /// after rolling back.
    fn transaction<T, E, F>(&mut self, f: F) -> Result<T, E>
    where
        F: FnOnce(&mut Self) -> Result<T, E>,
        E: From<Error>,
    {
        transaction_with(self, "BEGIN", f)
    }

    /// Starts a transaction (or savepoint) and returns a guard that derefs to the connection.
    /// Call [`Transaction::commit`] to keep the changes; dropping the guard rolls back.
    fn begin_transaction(&mut self) -> QueryResult<Transaction<'_, Self>> {
        let depth = begin(self, "BEGIN")?;
        Ok(Transaction {
            conn: self,
            depth,
            open: true,
        })
    }
}

impl<C: TransactionConnection> TransactionDsl for C {}

/// [`TransactionDsl::transaction`] with the backend's own `BEGIN` statement (for SQLite's
/// `BEGIN IMMEDIATE`, PostgreSQL's isolation levels, …). Nested calls use savepoints.
pub fn transaction_with<C, T, E, F>(conn: &mut C, begin_sql: &str, f: F) -> Result<T, E>
where
    C: TransactionConnection,
    F: FnOnce(&mut C) -> Result<T, E>,
    E: From<Error>,
{
    let depth = begin(conn, begin_sql)?;
    match catch_unwind(AssertUnwindSafe(|| f(&mut *conn))) {
        Ok(Ok(value)) => {
            commit(conn, depth)?;
            Ok(value)
        }
        Ok(Err(e)) => {
            // The closure's error is what the caller needs to see; a failed rollback on top of
            // it leaves the depth consistent (see `rollback`).
            let _ = rollback(conn, depth);
            Err(e)
        }
        Err(panic) => {
            let _ = rollback(conn, depth);
            resume_unwind(panic)
        }
    }
}

/// Starts a guarded transaction with the backend's own `BEGIN` statement.
pub fn begin_transaction_with<'c, C: TransactionConnection>(
    conn: &'c mut C,
    begin_sql: &str,
) -> QueryResult<Transaction<'c, C>> {
    let depth = begin(conn, begin_sql)?;
    Ok(Transaction {
        conn,
        depth,
        open: true,
    })
}

/// A transaction in progress; derefs to the connection. Dropped without [`commit`], it rolls
/// back (also during a panic).
///
/// [`commit`]: Transaction::commit
#[derive(Debug)]
#[must_use = "a transaction rolls back when dropped: call `.commit()` to keep its changes"]
pub struct Transaction<'c, C: TransactionConnection> {
    conn: &'c mut C,
    depth: usize,
    open: bool,
}

impl<C: TransactionConnection> Transaction<'_, C> {
    /// Commits (or releases the savepoint). A failed COMMIT is returned after rolling back.
    pub fn commit(mut self) -> QueryResult<()> {
        self.open = false;
        commit(self.conn, self.depth)
    }

    /// Rolls back, reporting a failure to do so.
    pub fn rollback(mut self) -> QueryResult<()> {
        self.open = false;
        rollback(self.conn, self.depth)
    }
}

impl<C: TransactionConnection> Deref for Transaction<'_, C> {
    type Target = C;
    fn deref(&self) -> &C {
        self.conn
    }
}

impl<C: TransactionConnection> DerefMut for Transaction<'_, C> {
    fn deref_mut(&mut self) -> &mut C {
        self.conn
    }
}

impl<C: TransactionConnection> Drop for Transaction<'_, C> {
    fn drop(&mut self) {
        if self.open {
            // Nothing can report an error from a destructor; `rollback` keeps the depth right.
            let _ = rollback(self.conn, self.depth);
        }
    }
}
