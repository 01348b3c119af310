//! `INSERT … ON CONFLICT ON CONSTRAINT name DO NOTHING | DO UPDATE SET …` (PostgreSQL): an
//! upsert whose conflict target is a constraint named in the database (a unique or exclusion
//! constraint), rather than a list of columns.
//!
//! The name is written as a quoted identifier by the backend (never spliced into the SQL as
//! is), so it must be the constraint's exact name, case included. It is checked by the server,
//! not at compile time. The clause needs a backend implementing
//! [`SupportsOnConflictOnConstraint`].

use crate::backend::SupportsOnConflictOnConstraint;
use crate::error::QueryResult;
use crate::query_builder::{AstPass, QueryFragment};

use super::assignment::{AssignmentFragment, AssignmentList};
use super::insert_statement::{InsertStatement, ValuesRows};
use super::returning_clause::NoReturning;
use super::upsert::{NoConflictClause, UpsertSource};

/// `ON CONFLICT ON CONSTRAINT name DO NOTHING`.
#[derive(Debug, Clone, Copy)]
pub struct DoNothingOnConstraint<N> {
    name: N,
}

/// `ON CONFLICT ON CONSTRAINT name DO UPDATE SET …`.
#[derive(Debug, Clone, Copy)]
pub struct DoUpdateOnConstraint<N, S> {
    name: N,
    set: S,
}

fn walk_constraint<DB: SupportsOnConflictOnConstraint>(name: &str, pass: &mut AstPass<'_, '_, DB>) {
    // The SQL text holds the name, a run-time value: cache the statement by its text.
    pass.mark_dynamic();
    pass.push_sql(" ON CONFLICT ON CONSTRAINT ");
    pass.push_identifier(name);
}

impl<DB: SupportsOnConflictOnConstraint, N: AsRef<str>> QueryFragment<DB> for DoNothingOnConstraint<N> {
    fn walk_ast<'b>(&'b self, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
        walk_constraint(self.name.as_ref(), pass);
        pass.push_sql(" DO NOTHING");
        Ok(())
    }
}

impl<DB, N, S> QueryFragment<DB> for DoUpdateOnConstraint<N, S>
where
    DB: SupportsOnConflictOnConstraint,
    N: AsRef<str>,
    S: AssignmentFragment<DB>,
{
    fn walk_ast<'b>(&'b self, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
        walk_constraint(self.name.as_ref(), pass);
        pass.push_sql(" DO UPDATE SET ");
        self.set.walk_assign(pass)
    }
}

impl<T, Rows> InsertStatement<T, Rows, NoConflictClause, NoReturning> {
    /// `ON CONFLICT ON CONSTRAINT name` (PostgreSQL): the upsert's conflict target is the
    /// constraint `name` (a `&str` or `String`, written as a quoted identifier, never as raw
    /// SQL). Finish with `.do_nothing()` or `.do_update().set(...)`, as after
    /// [`on_conflict`](Self::on_conflict). Other backends reject the statement at compile
    /// time.
    ///
    /// ```
    /// # use quarry::prelude::*;
    /// # quarry::table! { users (id) { id -> Integer, name -> Text, visits -> Integer, } }
    /// let stmt = insert_into(users::table)
    ///     .values((users::name.eq("ada"), users::visits.eq(1)))
    ///     .on_conflict_on_constraint("users_name_key")
    ///     .do_update()
    ///     .set(users::visits.eq(users::visits + excluded(users::visits)));
    /// // INSERT INTO "users" ("name", "visits") VALUES ($1, $2)
    /// //   ON CONFLICT ON CONSTRAINT "users_name_key" DO UPDATE SET "visits" = ("users"."visits" + excluded."visits")
    /// # let _ = stmt;
    /// ```
    pub fn on_conflict_on_constraint<N: AsRef<str>>(self, name: N) -> OnConstraintBuilder<T, Rows, N>
    where
        Rows: ValuesRows,
    {
        OnConstraintBuilder { stmt: self, name }
    }
}

/// An INSERT … ON CONFLICT ON CONSTRAINT waiting for `.do_nothing()` or `.do_update().set(...)`.
#[derive(Debug)]
#[must_use = "finish with `.do_nothing()` or `.do_update().set(...)`"]
pub struct OnConstraintBuilder<T, Rows, N> {
    stmt: InsertStatement<T, Rows>,
    name: N,
}

/// An upsert on a constraint waiting for its SET list.
#[derive(Debug)]
#[must_use = "finish with `.set(...)`"]
pub struct OnConstraintUpdateBuilder<T, Rows, N> {
    stmt: InsertStatement<T, Rows>,
    name: N,
}

impl<T, Rows, N> OnConstraintBuilder<T, Rows, N> {
    /// `ON CONFLICT ON CONSTRAINT name DO NOTHING`: rows that would break the constraint are
    /// skipped.
    ///
    /// ```
    /// # use quarry::prelude::*;
    /// # quarry::table! { users (id) { id -> Integer, name -> Text, } }
    /// let stmt = insert_into(users::table)
    ///     .values(users::name.eq("ada"))
    ///     .on_conflict_on_constraint("users_name_key")
    ///     .do_nothing();
    /// // INSERT INTO "users" ("name") VALUES ($1) ON CONFLICT ON CONSTRAINT "users_name_key" DO NOTHING
    /// # let _ = stmt;
    /// ```
    pub fn do_nothing(self) -> InsertStatement<T, Rows, DoNothingOnConstraint<N>> {
        let s = self.stmt;
        InsertStatement {
            table: s.table,
            rows: s.rows,
            conflict: DoNothingOnConstraint { name: self.name },
            returning: NoReturning,
        }
    }

    /// `ON CONFLICT ON CONSTRAINT name DO UPDATE SET …`; see
    /// [`on_conflict_on_constraint`](InsertStatement::on_conflict_on_constraint).
    pub fn do_update(self) -> OnConstraintUpdateBuilder<T, Rows, N> {
        OnConstraintUpdateBuilder {
            stmt: self.stmt,
            name: self.name,
        }
    }
}

impl<T, Rows, N> OnConstraintUpdateBuilder<T, Rows, N> {
    /// The SET list; values may use the existing row's columns and `excluded(column)`.
    pub fn set<S: AssignmentList<UpsertSource<T>, I>, I>(
        self,
        assignments: S,
    ) -> InsertStatement<T, Rows, DoUpdateOnConstraint<N, S>> {
        let s = self.stmt;
        InsertStatement {
            table: s.table,
            rows: s.rows,
            conflict: DoUpdateOnConstraint {
                name: self.name,
                set: assignments,
            },
            returning: NoReturning,
        }
    }
}
