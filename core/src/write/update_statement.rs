use crate::backend::Backend;
use crate::error::QueryResult;
use crate::expression::{NoGroup, NotAggregateInReturning};
use crate::query_builder::{AstPass, QueryFragment};
use crate::query_source::FromClause;
use crate::select::{AsQuery, Query, ValidFilter, ValidSelect, WhereAnd};

use super::assignment::{AssignmentFragment, AssignmentList};
use super::delete_statement::IntoWriteTarget;
use super::returning_clause::{NoReturning, Returning};

/// An UPDATE whose SET list is not given yet; call [`set`](UpdateTarget::set).
#[derive(Debug, Clone, Copy)]
#[must_use = "call `.set(...)` to say what the UPDATE changes"]
pub struct UpdateTarget<T, W> {
    table: T,
    where_: W,
}

/// `UPDATE table SET … [WHERE …] [RETURNING …]`, built by [`update`].
#[derive(Debug, Clone, Copy)]
#[must_use = "an UPDATE does nothing until it is run with `.execute(&mut conn)`"]
pub struct UpdateStatement<T, W, S, R = NoReturning> {
    table: T,
    where_: W,
    set: S,
    returning: R,
}

/// `UPDATE target SET …`: `target` is a table (every row) or `table.filter(condition)`.
/// `.execute(&mut conn)` returns the number of updated rows.
///
/// ```
/// # use quarry::prelude::*;
/// # quarry::table! { users (id) { id -> Integer, name -> Text, visits -> Integer, } }
/// let q = quarry::write::update(users::table.filter(users::id.eq(7)))
///     .set((users::name.eq("Ada"), users::visits.eq(users::visits + 1)));
/// // UPDATE "users" SET "name" = ?, "visits" = ("users"."visits" + ?) WHERE "users"."id" = ?
/// # let _ = q;
/// ```
pub fn update<Tgt: IntoWriteTarget>(target: Tgt) -> UpdateTarget<Tgt::Table, Tgt::Where> {
    let (table, where_) = target.into_target();
    UpdateTarget { table, where_ }
}

impl<T, W> UpdateTarget<T, W> {
    /// The SET list: `column.eq(value)` or a tuple of them, for columns of this table; values
    /// may be expressions over the table's columns (`col.eq(col + 1)`).
    pub fn set<S: AssignmentList<T, I>, I>(self, assignments: S) -> UpdateStatement<T, W, S> {
        UpdateStatement {
            table: self.table,
            where_: self.where_,
            set: assignments,
            returning: NoReturning,
        }
    }
}

impl<T, W, S> UpdateStatement<T, W, S, NoReturning> {
    /// Adds a WHERE condition with AND.
    pub fn filter<P, I>(self, predicate: P) -> UpdateStatement<T, W::And, S, NoReturning>
    where
        P: ValidFilter<T, I>,
        W: WhereAnd<P>,
    {
        UpdateStatement {
            table: self.table,
            where_: self.where_.and(predicate),
            set: self.set,
            returning: NoReturning,
        }
    }

    /// `RETURNING expr`: the statement returns the updated rows' new values; load them with
    /// `.load(&mut conn)`. Compiles only for backends with RETURNING.
    pub fn returning<E: ValidSelect<T, NoGroup, I, Row = R, Agg = A>, I, R, A: NotAggregateInReturning>(
        self,
        selection: E,
    ) -> UpdateStatement<T, W, S, Returning<E, R>> {
        UpdateStatement {
            table: self.table,
            where_: self.where_,
            set: self.set,
            returning: Returning::new(selection),
        }
    }
}

impl<T, W, S, E, ST> Query for UpdateStatement<T, W, S, Returning<E, ST>> {
    type SqlType = ST;
}

impl<T, W, S, R> crate::select::RunnableQuery for UpdateStatement<T, W, S, R> {}

impl<T, W, S, R> AsQuery for UpdateStatement<T, W, S, R> {
    type Query = Self;
    fn as_query(self) -> Self {
        self
    }
}

impl<DB, T, W, S, R> QueryFragment<DB> for UpdateStatement<T, W, S, R>
where
    DB: Backend,
    T: FromClause<DB>,
    W: QueryFragment<DB>,
    S: AssignmentFragment<DB>,
    R: QueryFragment<DB>,
{
    fn walk_ast<'b>(&'b self, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
        pass.push_sql("UPDATE ");
        self.table.walk_from(pass)?;
        pass.push_sql(" SET ");
        self.set.walk_assign(pass)?;
        self.where_.walk_ast(pass)?;
        self.returning.walk_ast(pass)
    }
}
