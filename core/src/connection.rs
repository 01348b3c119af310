//! Connections and running queries.

use std::marker::PhantomData;

use crate::backend::Backend;
use crate::deserialize::{FromRow, Row};
use crate::error::{Error, QueryResult};
use crate::query_builder::QueryFragment;
use crate::select::{AsQuery, LimitOne, Query, RunnableQuery};

/// A connection to a database, implemented by each backend.
pub trait Connection: Sized {
    /// Its backend.
    type Backend: Backend;
    /// A running query's cursor over result rows.
    type Cursor<'conn, 'q>: Cursor<Self::Backend>
    where
        Self: 'conn;

    /// Runs a query that returns rows.
    fn query<'conn, 'q, Q>(&'conn mut self, query: &'q Q) -> QueryResult<Self::Cursor<'conn, 'q>>
    where
        Q: QueryFragment<Self::Backend> + ?Sized;

    /// Runs a statement and returns the number of rows it changed.
    fn execute<Q>(&mut self, query: &Q) -> QueryResult<usize>
    where
        Q: QueryFragment<Self::Backend> + ?Sized;

    /// Runs SQL text with no parameters and no results (may hold several statements).
    fn batch_execute(&mut self, sql: &str) -> QueryResult<()>;
}

/// The rows of a running query, one at a time; each row borrows the cursor.
pub trait Cursor<DB: Backend> {
    /// A row, valid until the next call.
    type Row<'r>: Row<DB>
    where
        Self: 'r;
    /// The next row, or `None` at the end.
    fn next_row(&mut self) -> QueryResult<Option<Self::Row<'_>>>;
    /// The number of columns each row has.
    fn column_count(&self) -> usize;
    /// How many rows are known to remain, at least (0 when unknown): `load` sizes its `Vec`
    /// with it. A backend that holds the whole result (PostgreSQL's buffered mode) knows it.
    fn remaining_rows_hint(&self) -> usize {
        0
    }
}

fn check_columns<DB: Backend, U: FromRow<ST, DB>, ST>(found: usize) -> QueryResult<()> {
    if U::EXACT_COLUMN_COUNT && found != U::COLUMNS {
        return Err(Error::ColumnCount {
            expected: U::COLUMNS,
            found,
        });
    }
    Ok(())
}

fn first_row<Conn, Q, U>(conn: &mut Conn, query: &Q) -> QueryResult<U>
where
    Conn: Connection,
    Q: Query + QueryFragment<Conn::Backend> + RunnableQuery,
    U: FromRow<Q::SqlType, Conn::Backend>,
{
    let mut cursor = conn.query(query)?;
    check_columns::<Conn::Backend, U, _>(cursor.column_count())?;
    let result = match cursor.next_row()? {
        Some(row) => U::from_row(&row, 0),
        None => Err(Error::NotFound),
    };
    result
}

/// Running queries: `load`, `get_result`, `first`, `execute`.
pub trait RunQueryDsl<Conn: Connection>: AsQuery + Sized {
    /// Runs the query and loads every row into a `U`.
    ///
    /// `U` must match what the query selects: a struct deriving `Queryable`, a tuple, or a value.
    fn load<U: FromRow<<Self::Query as Query>::SqlType, Conn::Backend>>(
        self,
        conn: &mut Conn,
    ) -> QueryResult<Vec<U>>
    where
        Self::Query: Query + QueryFragment<Conn::Backend> + RunnableQuery,
    {
        let query = self.as_query();
        let mut cursor = conn.query(&query)?;
        check_columns::<Conn::Backend, U, _>(cursor.column_count())?;
        let mut out = Vec::with_capacity(cursor.remaining_rows_hint());
        while let Some(row) = cursor.next_row()? {
            out.push(U::from_row(&row, 0)?);
        }
        Ok(out)
    }

    /// Same as [`load`](Self::load).
    fn get_results<U: FromRow<<Self::Query as Query>::SqlType, Conn::Backend>>(
        self,
        conn: &mut Conn,
    ) -> QueryResult<Vec<U>>
    where
        Self::Query: Query + QueryFragment<Conn::Backend> + RunnableQuery,
    {
        self.load(conn)
    }

    /// Runs the query and returns its first row, or [`Error::NotFound`].
    fn get_result<U: FromRow<<Self::Query as Query>::SqlType, Conn::Backend>>(
        self,
        conn: &mut Conn,
    ) -> QueryResult<U>
    where
        Self::Query: Query + QueryFragment<Conn::Backend> + RunnableQuery,
    {
        first_row(conn, &self.as_query())
    }

    /// Adds `LIMIT 1` and returns the first row, or [`Error::NotFound`].
    fn first<U: FromRow<<<Self::Query as LimitOne>::Out as Query>::SqlType, Conn::Backend>>(
        self,
        conn: &mut Conn,
    ) -> QueryResult<U>
    where
        Self::Query: LimitOne,
        <Self::Query as LimitOne>::Out: Query + QueryFragment<Conn::Backend> + RunnableQuery,
    {
        first_row(conn, &self.as_query().limit_one())
    }

    /// Runs the statement and returns how many rows it changed.
    fn execute(self, conn: &mut Conn) -> QueryResult<usize>
    where
        Self::Query: QueryFragment<Conn::Backend> + RunnableQuery,
    {
        conn.execute(&self.as_query())
    }
}

impl<T: AsQuery, Conn: Connection> RunQueryDsl<Conn> for T {}

/// Row-by-row iteration over a query's results, without loading them all into memory.
pub trait LoadIterDsl<Conn: Connection>:
    Query + QueryFragment<Conn::Backend> + RunnableQuery + Sized
{
    /// Runs the query and returns an iterator that decodes one row per step.
    ///
    /// ```ignore
    /// for user in users::table.as_query().load_iter::<User>(&mut conn)? {
    ///     let user = user?;
    /// }
    /// ```
    fn load_iter<'a, U: FromRow<Self::SqlType, Conn::Backend>>(
        &'a self,
        conn: &'a mut Conn,
    ) -> QueryResult<LoadIter<'a, Conn, U, Self::SqlType>> {
        let cursor = conn.query(self)?;
        check_columns::<Conn::Backend, U, _>(cursor.column_count())?;
        Ok(LoadIter {
            cursor,
            _marker: PhantomData,
        })
    }
}

impl<Q: Query + QueryFragment<Conn::Backend> + RunnableQuery, Conn: Connection> LoadIterDsl<Conn> for Q {}

/// The iterator returned by [`LoadIterDsl::load_iter`].
pub struct LoadIter<'a, Conn: Connection + 'a, U, ST> {
    cursor: Conn::Cursor<'a, 'a>,
    _marker: PhantomData<(fn() -> U, fn() -> ST)>,
}

impl<Conn: Connection, U, ST> std::fmt::Debug for LoadIter<'_, Conn, U, ST> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("LoadIter")
    }
}

impl<'a, Conn, U, ST> Iterator for LoadIter<'a, Conn, U, ST>
where
    Conn: Connection + 'a,
    U: FromRow<ST, Conn::Backend>,
{
    type Item = QueryResult<U>;
    fn next(&mut self) -> Option<Self::Item> {
        match self.cursor.next_row() {
            Ok(Some(row)) => Some(U::from_row(&row, 0)),
            Ok(None) => None,
            Err(e) => Some(Err(e)),
        }
    }
}
