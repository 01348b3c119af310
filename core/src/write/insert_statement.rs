//! `INSERT INTO table (…) VALUES (…), (…) | DEFAULT VALUES | SELECT …`, with optional
//! ON CONFLICT and RETURNING.

use crate::backend::Backend;
use crate::error::QueryResult;
use crate::expression::{AggConst, Ctx, Eq, NoGroup, NotAggregateInReturning, ValidIn};
use crate::query_builder::{AstPass, QueryFragment};
use crate::query_source::FromClause;
use crate::schema::{Column, Table};
use crate::select::{AsQuery, Query, ValidSelect};
use crate::sql_types::AssignableTo;
use crate::transaction::{transaction_with, TransactionConnection};

use super::assignment::{AssignmentList, SameTable};
use super::returning_clause::{NoReturning, Returning};
use super::upsert::{ConflictTarget, DoNothing, DoUpdate, NoConflictClause, TargetOf, UpsertSource};

/// One row to insert into table `T`: a derived `Insertable` struct (or a reference to one),
/// `column.eq(value)`, or a tuple of those.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be inserted into `{T}`",
    label = "expected `column.eq(value)` (or a tuple of them) for columns of `{T}`, or a struct deriving `Insertable` for it",
    note = "INSERT can only set columns of its own table, to values of the column's SQL type"
)]
pub trait InsertRow<T> {
    /// How many columns the row sets.
    fn column_count(&self) -> usize;
    /// Writes the column list (`"a", "b"`).
    fn walk_columns<DB: Backend>(&self, pass: &mut AstPass<'_, '_, DB>);
}

/// The values of an [`InsertRow`] for backend `DB` (`?, ?`).
pub trait InsertRowValues<DB: Backend> {
    /// Writes the values, in column order.
    fn walk_values<'b>(&'b self, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()>;
}

/// The empty source: only constants are valid in it (values of INSERT … VALUES).
#[derive(Debug)]
pub struct NoSource;

impl<C, V, T> InsertRow<T> for Eq<C, V>
where
    C: Column,
    C::Table: SameTable<T>,
    V: ValidIn<Ctx<NoSource, NoGroup>, (), Agg = AggConst>,
    V::SqlType: AssignableTo<C::SqlType>,
{
    fn column_count(&self) -> usize {
        1
    }
    fn walk_columns<DB: Backend>(&self, pass: &mut AstPass<'_, '_, DB>) {
        pass.push_identifier(C::NAME);
    }
}

impl<DB: Backend, C, V: QueryFragment<DB>> InsertRowValues<DB> for Eq<C, V> {
    fn walk_values<'b>(&'b self, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
        self.right.walk_ast(pass)
    }
}

impl<T, R: InsertRow<T>> InsertRow<T> for &R {
    fn column_count(&self) -> usize {
        (**self).column_count()
    }
    fn walk_columns<DB: Backend>(&self, pass: &mut AstPass<'_, '_, DB>) {
        (**self).walk_columns(pass)
    }
}

impl<DB: Backend, R: InsertRowValues<DB>> InsertRowValues<DB> for &R {
    fn walk_values<'b>(&'b self, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
        (**self).walk_values(pass)
    }
}

macro_rules! insert_tuples {
    ($($A:ident $n:tt),+) => {
        impl<T, $($A: InsertRow<T>),+> InsertRow<T> for ($($A,)+) {
            fn column_count(&self) -> usize {
                0 $(+ self.$n.column_count())+
            }
            fn walk_columns<DB: Backend>(&self, pass: &mut AstPass<'_, '_, DB>) {
                $(
                    if $n != 0 { pass.push_sql(", "); }
                    self.$n.walk_columns(pass);
                )+
            }
        }
        impl<DB: Backend, $($A: InsertRowValues<DB>),+> InsertRowValues<DB> for ($($A,)+) {
            fn walk_values<'b>(&'b self, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
                $(
                    if $n != 0 { pass.push_sql(", "); }
                    self.$n.walk_values(pass)?;
                )+
                Ok(())
            }
        }
        impl<T, $($A: InsertRow<T>),+> IntoInsertRows<T> for ($($A,)+) {
            type Rows = SingleRow<Self>;
            fn into_rows(self) -> SingleRow<Self> {
                SingleRow(self)
            }
        }
    };
}
insert_tuples!(A 0);
insert_tuples!(A 0, B 1);
insert_tuples!(A 0, B 1, C 2);
insert_tuples!(A 0, B 1, C 2, D 3);
insert_tuples!(A 0, B 1, C 2, D 3, E 4);
insert_tuples!(A 0, B 1, C 2, D 3, E 4, F 5);
insert_tuples!(A 0, B 1, C 2, D 3, E 4, F 5, G 6);
insert_tuples!(A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7);
insert_tuples!(A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8);
insert_tuples!(A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8, J 9);
insert_tuples!(A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8, J 9, K 10);
insert_tuples!(A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8, J 9, K 10, L 11);

/// What `.values(...)` accepts for table `T`: one row, or a `Vec`/slice of rows.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be inserted into `{T}`",
    label = "expected a row (`column.eq(value)`, a tuple of them, an `Insertable` struct) or a Vec/slice of rows",
    note = "INSERT can only set columns of its own table, to values of the column's SQL type"
)]
pub trait IntoInsertRows<T> {
    /// The rows.
    type Rows;
    /// Converts.
    fn into_rows(self) -> Self::Rows;
}

impl<C, V, T> IntoInsertRows<T> for Eq<C, V>
where
    Eq<C, V>: InsertRow<T>,
{
    type Rows = SingleRow<Self>;
    fn into_rows(self) -> SingleRow<Self> {
        SingleRow(self)
    }
}

impl<T, R: InsertRow<T>> IntoInsertRows<T> for Vec<R> {
    type Rows = ManyRows<Vec<R>>;
    fn into_rows(self) -> Self::Rows {
        ManyRows(self)
    }
}

impl<'r, T, R: InsertRow<T>> IntoInsertRows<T> for &'r [R] {
    type Rows = ManyRows<&'r [R]>;
    fn into_rows(self) -> Self::Rows {
        ManyRows(self)
    }
}

impl<'r, T, R: InsertRow<T>> IntoInsertRows<T> for &'r Vec<R> {
    type Rows = ManyRows<&'r [R]>;
    fn into_rows(self) -> Self::Rows {
        ManyRows(self.as_slice())
    }
}

/// One row.
#[derive(Debug, Clone, Copy)]
pub struct SingleRow<R>(pub(crate) R);

impl<R> SingleRow<R> {
    /// Wraps one row (used by `#[derive(Insertable)]`).
    pub fn new(row: R) -> Self {
        Self(row)
    }
}

/// Several rows in one statement (`VALUES (…), (…)`): a `Vec` or a slice of rows.
#[derive(Debug, Clone)]
pub struct ManyRows<S>(S);

/// A `Vec` or slice of rows.
pub trait RowBatch {
    /// One row.
    type Row;
    /// The rows.
    fn rows(&self) -> &[Self::Row];
}
impl<R> RowBatch for Vec<R> {
    type Row = R;
    fn rows(&self) -> &[R] {
        self
    }
}
impl<R> RowBatch for &[R] {
    type Row = R;
    fn rows(&self) -> &[R] {
        self
    }
}

/// `DEFAULT VALUES`: every column takes its default.
#[derive(Debug, Clone, Copy, Default)]
pub struct DefaultValues;

/// `(columns) SELECT …`.
#[derive(Debug, Clone, Copy)]
pub struct FromSelect<Cols, Q> {
    columns: Cols,
    query: Q,
}

/// The rows part of an INSERT for backend `DB`.
pub trait InsertRowsFragment<T, DB: Backend> {
    /// Writes ` (cols) VALUES (…)…`.
    fn walk_rows<'b>(&'b self, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()>;
}

impl<T, DB: Backend, R: InsertRow<T> + InsertRowValues<DB>> InsertRowsFragment<T, DB> for SingleRow<R> {
    fn walk_rows<'b>(&'b self, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
        if self.0.column_count() == 0 {
            pass.push_sql(DB::DEFAULT_VALUES);
            return Ok(());
        }
        pass.push_sql(" (");
        self.0.walk_columns(pass);
        pass.push_sql(") VALUES (");
        self.0.walk_values(pass)?;
        pass.push_sql(")");
        Ok(())
    }
}

impl<T, DB: Backend, S> InsertRowsFragment<T, DB> for ManyRows<S>
where
    S: RowBatch,
    S::Row: InsertRow<T> + InsertRowValues<DB>,
{
    fn walk_rows<'b>(&'b self, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
        // The SQL depends on the number of rows.
        pass.mark_dynamic();
        let rows = self.0.rows();
        let Some(first) = rows.first() else {
            return Err(crate::Error::QueryBuilder(
                "an INSERT needs at least one row".into(),
            ));
        };
        pass.push_sql(" (");
        first.walk_columns(pass);
        pass.push_sql(") VALUES ");
        for (i, row) in rows.iter().enumerate() {
            pass.push_sql(if i == 0 { "(" } else { ", (" });
            row.walk_values(pass)?;
            pass.push_sql(")");
        }
        Ok(())
    }
}

impl<T, DB: Backend> InsertRowsFragment<T, DB> for DefaultValues {
    fn walk_rows<'b>(&'b self, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
        pass.push_sql(DB::DEFAULT_VALUES);
        Ok(())
    }
}

impl<T, DB: Backend, Cols: InsertColumns<T>, Q: QueryFragment<DB>> InsertRowsFragment<T, DB>
    for FromSelect<Cols, Q>
{
    fn walk_rows<'b>(&'b self, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
        pass.push_sql(" (");
        self.columns.walk_column_names(pass);
        pass.push_sql(") ");
        self.query.walk_ast(pass)
    }
}

/// A column list for INSERT … SELECT: a column of `T` or a tuple of them.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a list of columns of `{T}`",
    label = "expected a column of `{T}` or a tuple of them"
)]
pub trait InsertColumns<T> {
    /// The SQL type of a row of these columns.
    type SqlType;
    /// Writes `"a", "b"`.
    fn walk_column_names<DB: Backend>(&self, pass: &mut AstPass<'_, '_, DB>);
}

impl<T, C: Column> InsertColumns<T> for C
where
    C::Table: SameTable<T>,
{
    type SqlType = C::SqlType;
    fn walk_column_names<DB: Backend>(&self, pass: &mut AstPass<'_, '_, DB>) {
        pass.push_identifier(C::NAME);
    }
}

macro_rules! insert_column_tuples {
    ($($C:ident $n:tt),+) => {
        impl<T, $($C: Column),+> InsertColumns<T> for ($($C,)+)
        where
            $($C::Table: SameTable<T>,)+
        {
            type SqlType = ($($C::SqlType,)+);
            fn walk_column_names<DB: Backend>(&self, pass: &mut AstPass<'_, '_, DB>) {
                $(
                    if $n != 0 { pass.push_sql(", "); }
                    pass.push_identifier($C::NAME);
                )+
            }
        }
    };
}
insert_column_tuples!(A 0, B 1);
insert_column_tuples!(A 0, B 1, C 2);
insert_column_tuples!(A 0, B 1, C 2, D 3);
insert_column_tuples!(A 0, B 1, C 2, D 3, E 4);
insert_column_tuples!(A 0, B 1, C 2, D 3, E 4, F 5);
insert_column_tuples!(A 0, B 1, C 2, D 3, E 4, F 5, G 6);
insert_column_tuples!(A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7);

/// The query of INSERT … SELECT returns rows of the columns' types.
#[diagnostic::on_unimplemented(
    message = "the query returns rows of SQL type `{Self}`, but the INSERT columns have SQL type `{ST}`",
    label = "row type does not match the column list"
)]
pub trait SameRowType<ST> {}
impl<ST> SameRowType<ST> for ST {}

/// `INSERT INTO table` waiting for its rows: `.values(...)`, `.default_values()` or
/// `.from_select(...)`.
#[derive(Debug, Clone, Copy)]
#[must_use = "give the rows with `.values(...)`"]
pub struct IncompleteInsert<T> {
    table: T,
}

/// Starts `INSERT INTO table`.
///
/// ```
/// # use quarry::prelude::*;
/// # quarry::table! { users (id) { id -> Integer, name -> Text, age -> Integer, } }
/// let q = insert_into(users::table).values((users::name.eq("Ada"), users::age.eq(36)));
/// // INSERT INTO "users" ("name", "age") VALUES (?, ?)
/// # let _ = q;
/// ```
pub fn insert_into<T: Table>(table: T) -> IncompleteInsert<T> {
    IncompleteInsert { table }
}

impl<T: Table> IncompleteInsert<T> {
    /// The rows: `column.eq(value)`, a tuple of them, an `Insertable` struct (or a reference to
    /// one), or a `Vec`/slice of rows (one statement, split into several inside a transaction
    /// when the backend's bind-parameter limit would be exceeded). Columns not given take their
    /// database default.
    pub fn values<V: IntoInsertRows<T>>(self, rows: V) -> InsertStatement<T, V::Rows> {
        InsertStatement {
            table: self.table,
            rows: rows.into_rows(),
            conflict: NoConflictClause,
            returning: NoReturning,
        }
    }

    /// `INSERT INTO table DEFAULT VALUES`.
    pub fn default_values(self) -> InsertStatement<T, DefaultValues> {
        InsertStatement {
            table: self.table,
            rows: DefaultValues,
            conflict: NoConflictClause,
            returning: NoReturning,
        }
    }

    /// `INSERT INTO table (columns) SELECT …`; the query's row type must match the columns'.
    pub fn from_select<Cols: InsertColumns<T>, Q>(
        self,
        columns: Cols,
        query: Q,
    ) -> InsertStatement<T, FromSelect<Cols, Q>>
    where
        Q: Query,
        Q::SqlType: SameRowType<Cols::SqlType>,
    {
        InsertStatement {
            table: self.table,
            rows: FromSelect { columns, query },
            conflict: NoConflictClause,
            returning: NoReturning,
        }
    }
}

/// An INSERT statement. `.execute(&mut conn)` returns the number of inserted rows.
#[derive(Debug, Clone)]
#[must_use = "an INSERT does nothing until it is run with `.execute(&mut conn)`"]
pub struct InsertStatement<T, Rows, C = NoConflictClause, R = NoReturning> {
    pub(super) table: T,
    pub(super) rows: Rows,
    pub(super) conflict: C,
    pub(super) returning: R,
}

/// Rows that an ON CONFLICT clause can follow: `VALUES` rows (SQLite cannot parse an upsert
/// after `DEFAULT VALUES`, nor after `INSERT … SELECT` without a WHERE clause).
#[diagnostic::on_unimplemented(
    message = "ON CONFLICT needs VALUES rows: it cannot follow `DEFAULT VALUES` or `INSERT … SELECT`",
    label = "upsert of rows that are not VALUES",
    note = "insert the rows with `.values(...)`"
)]
pub trait ValuesRows {}
impl<R> ValuesRows for SingleRow<R> {}
impl<S> ValuesRows for ManyRows<S> {}

impl<T, Rows> InsertStatement<T, Rows, NoConflictClause, NoReturning> {
    /// `ON CONFLICT (target)`: `target` is the primary key or a `#[unique]` column.
    pub fn on_conflict<K: ConflictTarget<T>>(self, target: K) -> OnConflictBuilder<T, Rows, K>
    where
        Rows: ValuesRows,
    {
        let _ = target;
        OnConflictBuilder {
            stmt: self,
            _k: std::marker::PhantomData,
        }
    }
}

/// An INSERT waiting for `.do_nothing()` or `.do_update().set(...)`.
#[derive(Debug)]
#[must_use = "finish with `.do_nothing()` or `.do_update().set(...)`"]
pub struct OnConflictBuilder<T, Rows, K> {
    stmt: InsertStatement<T, Rows>,
    _k: std::marker::PhantomData<K>,
}

/// An upsert waiting for its SET list.
#[derive(Debug)]
#[must_use = "finish with `.set(...)`"]
pub struct DoUpdateBuilder<T, Rows, K> {
    stmt: InsertStatement<T, Rows>,
    _k: std::marker::PhantomData<K>,
}

impl<T, Rows, K> OnConflictBuilder<T, Rows, K> {
    /// `ON CONFLICT (…) DO NOTHING`: conflicting rows are skipped.
    pub fn do_nothing(self) -> InsertStatement<T, Rows, DoNothing<TargetOf<K, T>>> {
        let s = self.stmt;
        InsertStatement {
            table: s.table,
            rows: s.rows,
            conflict: DoNothing::new(),
            returning: NoReturning,
        }
    }

    /// `ON CONFLICT (…) DO UPDATE SET …`.
    pub fn do_update(self) -> DoUpdateBuilder<T, Rows, K> {
        DoUpdateBuilder {
            stmt: self.stmt,
            _k: std::marker::PhantomData,
        }
    }
}

impl<T, Rows, K> DoUpdateBuilder<T, Rows, K> {
    /// The SET list; values may use the existing row's columns and `excluded(column)`.
    pub fn set<S: AssignmentList<UpsertSource<T>, I>, I>(
        self,
        assignments: S,
    ) -> InsertStatement<T, Rows, DoUpdate<TargetOf<K, T>, S>> {
        let s = self.stmt;
        InsertStatement {
            table: s.table,
            rows: s.rows,
            conflict: DoUpdate::new(assignments),
            returning: NoReturning,
        }
    }
}

impl<T, Rows, C> InsertStatement<T, Rows, C, NoReturning> {
    /// `RETURNING expr`: the statement returns the inserted rows' values (generated keys,
    /// defaults); load them with `.load(&mut conn)` or `.get_result(&mut conn)`. Compiles only
    /// for backends with RETURNING.
    pub fn returning<E: ValidSelect<T, NoGroup, I, Row = R, Agg = A>, I, R, A: NotAggregateInReturning>(
        self,
        selection: E,
    ) -> InsertStatement<T, Rows, C, Returning<E, R>> {
        InsertStatement {
            table: self.table,
            rows: self.rows,
            conflict: self.conflict,
            returning: Returning::new(selection),
        }
    }
}

impl<T, S: RowBatch, C> InsertStatement<T, ManyRows<S>, C, NoReturning> {
    /// Inserts the rows and returns how many were inserted. When one statement would carry more
    /// bound values than the backend allows, the rows are split into several statements run in
    /// one transaction (a savepoint inside an open transaction): all rows or none.
    pub fn execute<Conn>(self, conn: &mut Conn) -> QueryResult<usize>
    where
        Conn: TransactionConnection,
        T: Clone + FromClause<Conn::Backend>,
        C: Clone + QueryFragment<Conn::Backend> + InsertVerb<Conn::Backend>,
        S::Row: InsertRow<T> + InsertRowValues<Conn::Backend>,
    {
        let rows = self.rows.0.rows();
        let Some(first) = rows.first() else { return Ok(0) };
        let per_statement =
            (<Conn::Backend as Backend>::MAX_BIND_PARAMS / first.column_count().max(1)).max(1);
        if rows.len() <= per_statement {
            return conn.execute(&self);
        }
        transaction_with(conn, "BEGIN", |conn| {
            let mut inserted = 0;
            for chunk in rows.chunks(per_statement) {
                let stmt = InsertStatement {
                    table: self.table.clone(),
                    rows: ManyRows(chunk),
                    conflict: self.conflict.clone(),
                    returning: NoReturning,
                };
                inserted += conn.execute(&stmt)?;
            }
            Ok(inserted)
        })
    }
}

impl<T, Rows, C, E, ST> Query for InsertStatement<T, Rows, C, Returning<E, ST>> {
    type SqlType = ST;
}

impl<T, Rows, C, R> crate::select::RunnableQuery for InsertStatement<T, Rows, C, R> {}

impl<T, Rows, C, R> AsQuery for InsertStatement<T, Rows, C, R> {
    type Query = Self;
    fn as_query(self) -> Self {
        self
    }
}

/// The keywords an INSERT starts with, chosen by how it handles existing keys: `INSERT INTO `
/// for plain inserts and upserts, `INSERT IGNORE INTO ` / `REPLACE INTO ` for
/// [`insert_ignore_into`](super::insert_ignore_into) and [`replace_into`](super::replace_into).
pub trait InsertVerb<DB: Backend> {
    /// The keywords, with a trailing space.
    const VERB: &'static str = "INSERT INTO ";
}

macro_rules! plain_insert_verb {
    ($([$($g:ident),*] $ty:ty;)*) => {$(
        impl<DB: Backend, $($g),*> InsertVerb<DB> for $ty {}
    )*};
}
plain_insert_verb! {
    [] NoConflictClause;
    [K] super::upsert::DoNothing<K>;
    [K, S] super::upsert::DoUpdate<K, S>;
    [N] super::upsert_on_constraint::DoNothingOnConstraint<N>;
    [N, S] super::upsert_on_constraint::DoUpdateOnConstraint<N, S>;
    [S] super::upsert_on_duplicate_key::OnDuplicateKeyUpdate<S>;
}

impl<DB, T, Rows, C, R> QueryFragment<DB> for InsertStatement<T, Rows, C, R>
where
    DB: Backend,
    T: FromClause<DB>,
    Rows: InsertRowsFragment<T, DB>,
    C: QueryFragment<DB> + InsertVerb<DB>,
    R: QueryFragment<DB>,
{
    fn walk_ast<'b>(&'b self, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
        pass.push_sql(C::VERB);
        self.table.walk_from(pass)?;
        self.rows.walk_rows(pass)?;
        self.conflict.walk_ast(pass)?;
        self.returning.walk_ast(pass)
    }
}
