//! `INSERT … ON CONFLICT (target) DO NOTHING | DO UPDATE SET …` with access to the row that
//! was proposed for insertion through [`excluded`].

use std::marker::PhantomData;

use crate::backend::{Backend, SupportsOnConflict};
use crate::error::QueryResult;
use crate::expression::{AggConst, Ctx, Expression, NoGroup, ValidIn};
use crate::query_builder::{AstPass, QueryFragment};
use crate::query_source::FindSource;
use crate::schema::Column;
use crate::type_level::{False, Here};

use super::assignment::AssignmentFragment;

/// The context of an upsert's `DO UPDATE SET` values: the table's current row, plus `excluded`.
#[derive(Debug)]
pub struct UpsertSource<T>(PhantomData<T>);

#[diagnostic::do_not_recommend]
impl<T> FindSource<T, Here> for UpsertSource<T> {
    type Nullable = False;
}

/// `excluded."column"`: the value the INSERT proposed for `column`, inside `DO UPDATE SET`.
#[derive(Debug)]
pub struct Excluded<C>(PhantomData<C>);

impl<C> Clone for Excluded<C> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<C> Copy for Excluded<C> {}

/// `excluded(column)`: in `on_conflict(...).do_update().set(...)`, the value the INSERT proposed.
pub fn excluded<C: Column>(column: C) -> Excluded<C> {
    let _ = column;
    Excluded(PhantomData)
}

impl<C: Column> Expression for Excluded<C> {
    type SqlType = C::SqlType;
}

impl<C: Column, T> ValidIn<Ctx<UpsertSource<T>, NoGroup>, ()> for Excluded<C>
where
    C::Table: InsertedTable<T>,
{
    type SqlType = C::SqlType;
    type Agg = AggConst;
}

/// `Self` is `T`, the table an upsert inserts into: `excluded(...)` (and MySQL's `inserted(...)`)
/// may only name its columns.
#[diagnostic::on_unimplemented(
    message = "`excluded(...)` / `inserted(...)` names a column of `{Self}`, but this upsert inserts into `{T}`",
    label = "not a column of `{T}`",
    note = "`excluded(column)` (MySQL: `inserted(column)`) is the value the INSERT proposed for a column of the inserted table"
)]
pub trait InsertedTable<T> {}
impl<T: crate::schema::Table> InsertedTable<T> for T {}

impl<C: Column, DB: Backend + SupportsOnConflict> QueryFragment<DB> for Excluded<C> {
    fn walk_ast<'b>(&'b self, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
        pass.push_sql("excluded.");
        pass.push_identifier(C::NAME);
        Ok(())
    }
}

crate::__impl_arithmetic_ops!(impl[C,] Excluded<C>);

/// A unique key of table `T` that an upsert can name as its conflict target: the primary key,
/// or a column declared `#[unique]` in the schema.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a unique key of `{T}`, so it cannot be an ON CONFLICT target",
    label = "not the primary key or a `#[unique]` column",
    note = "name the table's primary key, or declare the column `#[unique]` in `table!` if the database has a unique index on it"
)]
pub trait ConflictTarget<T> {
    /// The SQL names of the key's columns.
    const COLUMNS: &'static [&'static str];
}

/// No ON CONFLICT clause.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoConflictClause;

/// `ON CONFLICT (target) DO NOTHING`.
#[derive(Debug, Clone, Copy)]
pub struct DoNothing<K>(PhantomData<K>);

/// `ON CONFLICT (target) DO UPDATE SET …`.
#[derive(Debug, Clone, Copy)]
pub struct DoUpdate<K, S> {
    set: S,
    _k: PhantomData<K>,
}

impl<K> DoNothing<K> {
    pub(crate) fn new() -> Self {
        Self(PhantomData)
    }
}

impl<K, S> DoUpdate<K, S> {
    pub(crate) fn new(set: S) -> Self {
        Self { set, _k: PhantomData }
    }
}

fn walk_target<DB: Backend>(columns: &[&str], pass: &mut AstPass<'_, '_, DB>) {
    pass.push_sql(" ON CONFLICT (");
    for (i, c) in columns.iter().enumerate() {
        if i > 0 {
            pass.push_sql(", ");
        }
        pass.push_identifier(c);
    }
    pass.push_sql(")");
}

impl<DB: Backend> QueryFragment<DB> for NoConflictClause {
    fn walk_ast<'b>(&'b self, _: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
        Ok(())
    }
}

impl<DB: Backend + SupportsOnConflict, K: ConflictTargetColumns> QueryFragment<DB> for DoNothing<K> {
    fn walk_ast<'b>(&'b self, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
        walk_target(K::COLUMNS, pass);
        pass.push_sql(" DO NOTHING");
        Ok(())
    }
}

impl<DB: Backend + SupportsOnConflict, K: ConflictTargetColumns, S: AssignmentFragment<DB>> QueryFragment<DB>
    for DoUpdate<K, S>
{
    fn walk_ast<'b>(&'b self, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
        walk_target(K::COLUMNS, pass);
        pass.push_sql(" DO UPDATE SET ");
        self.set.walk_assign(pass)
    }
}

/// The columns of a conflict target (recorded in the clause's type).
pub trait ConflictTargetColumns {
    /// SQL names.
    const COLUMNS: &'static [&'static str];
}

/// A conflict target `K` checked against table `T`.
#[derive(Debug)]
pub struct TargetOf<K, T>(PhantomData<(K, T)>);

impl<K: ConflictTarget<T>, T> ConflictTargetColumns for TargetOf<K, T> {
    const COLUMNS: &'static [&'static str] = K::COLUMNS;
}
