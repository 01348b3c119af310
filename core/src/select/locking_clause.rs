//! Row locking: `SELECT … FOR UPDATE | FOR NO KEY UPDATE | FOR SHARE | FOR KEY SHARE`, optionally
//! followed by `SKIP LOCKED` or `NOWAIT`.
//!
//! FOR UPDATE / FOR SHARE and the two modifiers need a backend implementing
//! [`SupportsRowLocking`] (PostgreSQL; MySQL and MariaDB have them too); FOR NO KEY UPDATE and
//! FOR KEY SHARE need [`SupportsKeyLocking`] (PostgreSQL only). SQLite has no row locks.
//!
//! A locking clause locks the rows the query reads, so the query must return table rows:
//! `.for_update()` and the others do not compile on a query with `.distinct()` /
//! `.distinct_on(...)`, `.group_by(...)` or an aggregate select list (PostgreSQL rejects those).
//! They are the last clause of a query: `.select(...)`, `.distinct()`, `.distinct_on(...)`,
//! `.group_by(...)`, `.having(...)` and `.count()` are not available after them, while
//! `.filter(...)`, `.order_by(...)`, `.limit(...)` and `.offset(...)` are. Not checked at compile time: PostgreSQL also refuses to
//! lock the nullable side of a LEFT JOIN ("FOR UPDATE cannot be applied to the nullable side of
//! an outer join").

use std::marker::PhantomData;

use crate::backend::{Backend, SupportsKeyLocking, SupportsRowLocking};
use crate::error::QueryResult;
use crate::expression::{AggConst, AggPlain};
use crate::query_builder::{AstPass, QueryFragment};

use super::distinct_clause::NoDistinct;
use super::group_by_clause::NoGroupBy;
use super::select_clause::SelectAgg;
use super::select_statement::SelectStatement;

/// No locking clause (the default).
#[derive(Debug, Clone, Copy, Default)]
pub struct NoLocking;

/// A locking clause: lock strength `St` ([`ForUpdate`], [`ForNoKeyUpdate`], [`ForShare`],
/// [`ForKeyShare`]) and what to do about rows locked by others `Wt` ([`WaitForLock`],
/// [`SkipLocked`], [`NoWait`]).
#[derive(Debug, Clone, Copy, Default)]
pub struct Locking<St, Wt = WaitForLock>(PhantomData<(St, Wt)>);

/// `FOR UPDATE`: an exclusive row lock, for rows about to be updated or deleted.
#[derive(Debug, Clone, Copy, Default)]
pub struct ForUpdate;
/// `FOR NO KEY UPDATE` (PostgreSQL): like FOR UPDATE, but lets others take `FOR KEY SHARE` locks
/// (as foreign key checks do), for updates that leave the key unchanged.
#[derive(Debug, Clone, Copy, Default)]
pub struct ForNoKeyUpdate;
/// `FOR SHARE`: a shared row lock; others may read and share-lock, but not update or delete.
#[derive(Debug, Clone, Copy, Default)]
pub struct ForShare;
/// `FOR KEY SHARE` (PostgreSQL): the weakest lock; blocks only deletes and key updates.
#[derive(Debug, Clone, Copy, Default)]
pub struct ForKeyShare;

/// Wait for rows locked by other transactions (the default: no modifier).
#[derive(Debug, Clone, Copy, Default)]
pub struct WaitForLock;
/// `SKIP LOCKED`: leave out the rows other transactions have locked.
#[derive(Debug, Clone, Copy, Default)]
pub struct SkipLocked;
/// `NOWAIT`: fail at once (PostgreSQL SQLSTATE 55P03, `DatabaseErrorKind::Busy`) if a row is
/// locked by another transaction.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoWait;

impl<DB: Backend> QueryFragment<DB> for NoLocking {
    #[inline]
    fn walk_ast<'b>(&'b self, _: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
        Ok(())
    }
}

// The backend check is a where clause of `Locking`'s own impl (one level below the statement),
// and the strengths and modifiers are written through traits of their own rather than
// `QueryFragment`: so rustc reports a missing `SupportsRowLocking` / `SupportsKeyLocking` with
// their messages instead of the generic "cannot be written as SQL" one.
impl<DB, St, Wt> QueryFragment<DB> for Locking<St, Wt>
where
    DB: SupportsRowLocking,
    St: LockStrength<DB>,
    Wt: LockWait,
{
    fn walk_ast<'b>(&'b self, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
        pass.push_sql(St::sql());
        pass.push_sql(Wt::SQL);
        Ok(())
    }
}

/// A lock strength, as backend `DB` spells it.
pub trait LockStrength<DB: SupportsRowLocking> {
    /// The clause, with a leading space (`" FOR UPDATE"`).
    fn sql() -> &'static str;
}

impl<DB: SupportsRowLocking> LockStrength<DB> for ForUpdate {
    fn sql() -> &'static str {
        " FOR UPDATE"
    }
}

impl<DB: SupportsRowLocking> LockStrength<DB> for ForShare {
    fn sql() -> &'static str {
        DB::FOR_SHARE
    }
}

impl<DB: SupportsKeyLocking> LockStrength<DB> for ForNoKeyUpdate {
    fn sql() -> &'static str {
        " FOR NO KEY UPDATE"
    }
}

impl<DB: SupportsKeyLocking> LockStrength<DB> for ForKeyShare {
    fn sql() -> &'static str {
        " FOR KEY SHARE"
    }
}

/// What a lock does about rows locked by other transactions.
pub trait LockWait {
    /// The modifier, with a leading space, or nothing.
    const SQL: &'static str;
}

impl LockWait for WaitForLock {
    const SQL: &'static str = "";
}

impl LockWait for SkipLocked {
    const SQL: &'static str = " SKIP LOCKED";
}

impl LockWait for NoWait {
    const SQL: &'static str = " NOWAIT";
}

/// A query whose DISTINCT clause allows row locking: none.
#[diagnostic::on_unimplemented(
    message = "a DISTINCT query cannot lock rows: FOR UPDATE / FOR SHARE need a query without `.distinct()` or `.distinct_on(...)`",
    label = "this query is DISTINCT",
    note = "PostgreSQL rejects locking clauses with DISTINCT: lock the rows with a plain query (filtered to the rows you need), then read them"
)]
pub trait LockableDistinct {}
// The impls of these marker traits are `do_not_recommend`: rustc then does not list them under an
// error ("the following other types implement ..."), which names internal types, not the mistake.
#[diagnostic::do_not_recommend]
impl LockableDistinct for NoDistinct {}

/// A query whose GROUP BY clause allows row locking: none.
#[diagnostic::on_unimplemented(
    message = "a grouped query cannot lock rows: FOR UPDATE / FOR SHARE need a query without `.group_by(...)`",
    label = "this query is grouped",
    note = "PostgreSQL rejects locking clauses with GROUP BY: lock the rows with a plain query, then aggregate"
)]
pub trait LockableGrouping {}
#[diagnostic::do_not_recommend]
impl LockableGrouping for NoGroupBy {}

/// A select list that allows row locking: no aggregate function.
#[diagnostic::on_unimplemented(
    message = "a query that selects aggregates cannot lock rows: FOR UPDATE / FOR SHARE need a select list without `count`, `sum`, `max`, …",
    label = "this query selects an aggregate",
    note = "PostgreSQL rejects locking clauses with aggregate functions: lock the rows with a plain query, then aggregate"
)]
pub trait LockableSelection {}
#[diagnostic::do_not_recommend]
impl LockableSelection for AggPlain {}
#[diagnostic::do_not_recommend]
impl LockableSelection for AggConst {}

/// Writes the lock methods of an unlocked statement; each checks that the query may lock rows.
macro_rules! lock_methods {
    ($($(#[$m:meta])* $name:ident => $strength:ident;)*) => {
        impl<F, S, D, W, O, L, Of, G, H> SelectStatement<F, S, D, W, O, L, Of, G, H, NoLocking> {
            $(
                $(#[$m])*
                pub fn $name(self) -> SelectStatement<F, S, D, W, O, L, Of, G, H, Locking<$strength>>
                where
                    D: LockableDistinct,
                    G: LockableGrouping,
                    S: SelectAgg<G>,
                    S::Agg: LockableSelection,
                {
                    rebuild!(self, locking: Locking(PhantomData))
                }
            )*
        }
    };
}

lock_methods! {
    /// `… FOR UPDATE`: locks the rows the query returns until the end of the transaction, so
    /// that no other transaction can update, delete or lock them meanwhile (it waits). Needs a
    /// backend implementing [`SupportsRowLocking`] (PostgreSQL; not SQLite). Call it last; add
    /// `.skip_locked()` or `.no_wait()` to not wait.
    ///
    /// ```
    /// # use quarry::prelude::*;
    /// # quarry::table! { jobs (id) { id -> Integer, state -> Text, } }
    /// let q = jobs::table.filter(jobs::state.eq("queued")).order_by(jobs::id).limit(1).for_update();
    /// // SELECT "jobs"."id", "jobs"."state" FROM "jobs" WHERE "jobs"."state" = $1
    /// //   ORDER BY "jobs"."id" LIMIT $2 FOR UPDATE
    /// # let _ = q;
    /// ```
    for_update => ForUpdate;
    /// `… FOR NO KEY UPDATE` (PostgreSQL only, [`SupportsKeyLocking`]): like `FOR UPDATE`, but
    /// does not block `FOR KEY SHARE` locks (taken by foreign key checks of inserts that
    /// reference the row). For updates that leave the key unchanged.
    ///
    /// ```
    /// # use quarry::prelude::*;
    /// # quarry::table! { jobs (id) { id -> Integer, state -> Text, } }
    /// let q = jobs::table.find(7).for_no_key_update();
    /// // SELECT "jobs"."id", "jobs"."state" FROM "jobs" WHERE "jobs"."id" = $1 FOR NO KEY UPDATE
    /// # let _ = q;
    /// ```
    for_no_key_update => ForNoKeyUpdate;
    /// `… FOR SHARE` ([`SupportsRowLocking`]; MariaDB spells it `LOCK IN SHARE MODE`): a shared
    /// lock; other transactions can still read and share-lock the rows, but not change them.
    ///
    /// ```
    /// # use quarry::prelude::*;
    /// # quarry::table! { jobs (id) { id -> Integer, state -> Text, } }
    /// let q = jobs::table.select(jobs::id).for_share();
    /// // SELECT "jobs"."id" FROM "jobs" FOR SHARE
    /// # let _ = q;
    /// ```
    for_share => ForShare;
    /// `… FOR KEY SHARE` (PostgreSQL only, [`SupportsKeyLocking`]): the weakest lock; blocks
    /// only deleting the rows and changing their keys.
    ///
    /// ```
    /// # use quarry::prelude::*;
    /// # quarry::table! { jobs (id) { id -> Integer, state -> Text, } }
    /// let q = jobs::table.select(jobs::id).for_key_share();
    /// // SELECT "jobs"."id" FROM "jobs" FOR KEY SHARE
    /// # let _ = q;
    /// ```
    for_key_share => ForKeyShare;
}

impl<F, S, D, W, O, L, Of, G, H, St> SelectStatement<F, S, D, W, O, L, Of, G, H, Locking<St, WaitForLock>> {
    /// `… FOR UPDATE SKIP LOCKED` (or after any other lock strength): rows locked by other
    /// transactions are left out of the result instead of waited for. The usual way to take
    /// jobs from a queue table with several workers.
    ///
    /// ```
    /// # use quarry::prelude::*;
    /// # quarry::table! { jobs (id) { id -> Integer, state -> Text, } }
    /// let next = jobs::table.order_by(jobs::id).limit(1).for_update().skip_locked();
    /// // SELECT "jobs"."id", "jobs"."state" FROM "jobs" ORDER BY "jobs"."id" LIMIT $1
    /// //   FOR UPDATE SKIP LOCKED
    /// # let _ = next;
    /// ```
    pub fn skip_locked(self) -> SelectStatement<F, S, D, W, O, L, Of, G, H, Locking<St, SkipLocked>> {
        rebuild!(self, locking: Locking(PhantomData))
    }

    /// `… FOR UPDATE NOWAIT` (or after any other lock strength): if a row is locked by another
    /// transaction, the query fails at once (on PostgreSQL with SQLSTATE 55P03, "lock not
    /// available", reported as [`DatabaseErrorKind::Busy`](crate::DatabaseErrorKind::Busy))
    /// instead of waiting.
    ///
    /// ```
    /// # use quarry::prelude::*;
    /// # quarry::table! { jobs (id) { id -> Integer, state -> Text, } }
    /// let q = jobs::table.find(7).for_update().no_wait();
    /// // SELECT "jobs"."id", "jobs"."state" FROM "jobs" WHERE "jobs"."id" = $1 FOR UPDATE NOWAIT
    /// # let _ = q;
    /// ```
    pub fn no_wait(self) -> SelectStatement<F, S, D, W, O, L, Of, G, H, Locking<St, NoWait>> {
        rebuild!(self, locking: Locking(PhantomData))
    }
}
