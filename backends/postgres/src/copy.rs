//! PostgreSQL `COPY`: bulk loading with `COPY ... FROM STDIN (FORMAT binary)` and exporting with
//! `COPY ... TO STDOUT`.
//!
//! * [`PgConnection::copy_in`] / [`PgConnection::copy_from`] stream rows — anything
//!   `insert_into(table).values(row)` accepts: `#[derive(Insertable)]` structs (or references to
//!   them) and tuples of `column.eq(value)` — in PostgreSQL's binary COPY format. Each field's
//!   bytes are the bound value its `ToSql` produces, exactly what an INSERT would send. Data goes
//!   to the server in chunks of about 64 KiB, so memory stays bounded however many rows there are.
//! * [`PgConnection::copy_out`], [`PgConnection::copy_out_table`] and
//!   [`PgConnection::copy_out_columns`] export a query, a table or some of its columns, either as
//!   text or CSV to any [`std::io::Write`] ([`PgCopyOut::to_writer`]), or in the binary format
//!   decoded into Rust values with the usual `FromRow` / `FromSql` machinery
//!   ([`PgCopyOut::load`], [`PgCopyOut::for_each`]).
//!
//! A COPY that fails — a server error, an error from the caller's rows, a panic — leaves the
//! connection usable: a COPY FROM STDIN is aborted (nothing is inserted), the rest of a COPY TO
//! STDOUT is read and discarded. Inside a transaction, a failed COPY fails the transaction, like
//! any failed statement.

use std::fmt;
use std::io::Write;
use std::marker::PhantomData;

use quarry::backend::Backend;
use quarry::deserialize::{FromRow, Row};
use quarry::query_builder::{collect_binds, to_sql, AstPass, QueryFragment};
use quarry::schema::Table;
use quarry::select::{AsQuery, Query};
use quarry::write::{InsertColumns, InsertRow, InsertRowValues};
use quarry::{DeserializeErrorKind, Error, QueryResult};

use crate::backend::Pg;
use crate::bind_value::PgBindValue;
use crate::connection::PgConnection;
use crate::error_mapping::database_error;
use crate::raw;
use crate::value::PgValue;

/// COPY FROM STDIN data is handed to libpq once this many bytes are buffered.
const FLUSH_AT: usize = 64 * 1024;

/// The signature that starts PostgreSQL's binary COPY format.
const SIGNATURE: &[u8; 11] = b"PGCOPY\n\xff\r\n\0";

/// The fixed part of the binary header: signature, flags (i32), extension length (i32).
const HEADER_LEN: usize = 19;

/// The message a COPY FROM STDIN is aborted with when the caller's rows fail.
const ABORT_MESSAGE: &str = "the client aborted the COPY: a row or one of its values could not be produced";

impl PgConnection {
    /// Starts a bulk load into `table` with `COPY ... FROM STDIN (FORMAT binary)`; give the rows
    /// with [`PgCopyIn::from_rows`] or [`PgCopyIn::try_from_rows`].
    ///
    /// ```no_run
    /// # use quarry::prelude::*;
    /// # use quarry_postgres::PgConnection;
    /// quarry::table! {
    ///     users (id) {
    ///         id -> Integer,
    ///         name -> Text,
    ///         age -> Nullable<Integer>,
    ///     }
    /// }
    ///
    /// #[derive(Insertable)]
    /// #[quarry(table = users)]
    /// struct NewUser {
    ///     name: String,
    ///     age: Option<i32>,
    /// }
    ///
    /// # fn run(conn: &mut PgConnection) -> quarry::QueryResult<()> {
    /// let rows = (0..1_000_000).map(|i| NewUser { name: format!("user {i}"), age: None });
    /// // COPY "users" ("name", "age") FROM STDIN (FORMAT binary)
    /// let copied = conn.copy_in(users::table).from_rows(rows)?;
    /// assert_eq!(copied, 1_000_000);
    ///
    /// // Tuples of `column.eq(value)` work too.
    /// let pairs = [("Ada", 36), ("Grace", 45)].map(|(n, a)| (users::name.eq(n), users::age.eq(Some(a))));
    /// conn.copy_in(users::table).from_rows(pairs)?;
    /// # Ok(()) }
    /// ```
    pub fn copy_in<T: Table>(&mut self, table: T) -> PgCopyIn<'_, T> {
        let _ = table;
        PgCopyIn {
            conn: self,
            table: PhantomData,
        }
    }

    /// Bulk-loads `rows` into `table` with `COPY ... FROM STDIN (FORMAT binary)` and returns the
    /// number of rows copied: shorthand for `self.copy_in(table).from_rows(rows)`.
    ///
    /// ```no_run
    /// # use quarry::prelude::*;
    /// # use quarry_postgres::PgConnection;
    /// # quarry::table! { users (id) { id -> Integer, name -> Text, } }
    /// # #[derive(Insertable)]
    /// # #[quarry(table = users)]
    /// # struct NewUser { name: String }
    /// # fn run(conn: &mut PgConnection, new_users: Vec<NewUser>) -> quarry::QueryResult<()> {
    /// // COPY "users" ("name") FROM STDIN (FORMAT binary)
    /// let copied = conn.copy_from(users::table, &new_users)?;
    /// # Ok(()) }
    /// ```
    pub fn copy_from<T, I>(&mut self, table: T, rows: I) -> QueryResult<u64>
    where
        T: Table,
        I: IntoIterator,
        I::Item: InsertRow<T> + InsertRowValues<Pg>,
    {
        self.copy_in(table).from_rows(rows)
    }

    /// Exports the rows of a query — a table (all the columns `table!` declares) or a statement
    /// built with the DSL — with `COPY (query) TO STDOUT`. Run it with
    /// [`PgCopyOut::to_writer`] (text or CSV) or [`PgCopyOut::load`] (typed, binary format).
    ///
    /// `COPY (query)` cannot take bind parameters, so a query with bound values (a filter on a
    /// Rust value, a LIMIT) is refused with [`Error::QueryBuilder`] when the COPY runs; no SQL is
    /// sent then.
    ///
    /// ```no_run
    /// # use quarry::prelude::*;
    /// # use quarry_postgres::{CopyFormat, PgConnection};
    /// # quarry::table! { users (id) { id -> Integer, name -> Text, } }
    /// # fn run(conn: &mut PgConnection) -> Result<(), Box<dyn std::error::Error>> {
    /// let query = || users::table.select((users::id, users::name)).order_by(users::id);
    /// let mut csv = Vec::new();
    /// // COPY (SELECT "users"."id", "users"."name" FROM "users" ORDER BY "users"."id")
    /// //     TO STDOUT (FORMAT csv, HEADER true)
    /// conn.copy_out(query()).format(CopyFormat::Csv).header(true).to_writer(&mut csv)?;
    ///
    /// // The same rows decoded from the binary format:
    /// // COPY (SELECT ...) TO STDOUT (FORMAT binary)
    /// let rows: Vec<(i32, String)> = conn.copy_out(query()).load()?;
    /// # Ok(()) }
    /// ```
    pub fn copy_out<Q>(&mut self, query: Q) -> PgCopyOut<'_, <Q::Query as Query>::SqlType>
    where
        Q: AsQuery,
        Q::Query: Query + QueryFragment<Pg>,
    {
        let source = query_source(&query.as_query());
        PgCopyOut::new(self, source)
    }

    /// Exports every column `table!` declares for `table`, in declaration order, with
    /// `COPY table (columns) TO STDOUT`.
    ///
    /// ```no_run
    /// # use quarry::prelude::*;
    /// # use quarry_postgres::PgConnection;
    /// # quarry::table! { users (id) { id -> Integer, name -> Text, } }
    /// # fn run(conn: &mut PgConnection) -> Result<(), Box<dyn std::error::Error>> {
    /// // COPY "users" ("id", "name") TO STDOUT (FORMAT text)
    /// let rows = conn.copy_out_table(users::table).to_writer(std::io::stdout().lock())?;
    /// # Ok(()) }
    /// ```
    pub fn copy_out_table<T>(&mut self, table: T) -> PgCopyOut<'_, <T::Query as Query>::SqlType>
    where
        T: Table + AsQuery,
        T::Query: Query,
    {
        let _ = table;
        let mut source = table_sql::<T>();
        source.push_str(" (");
        for (i, name) in T::COLUMN_NAMES.iter().enumerate() {
            if i > 0 {
                source.push_str(", ");
            }
            Pg::push_identifier(&mut source, name);
        }
        source.push(')');
        PgCopyOut::new(self, Ok(source))
    }

    /// Exports some columns of `table` (a column or a tuple of up to 8 columns) with
    /// `COPY table (columns) TO STDOUT`.
    ///
    /// ```no_run
    /// # use quarry::prelude::*;
    /// # use quarry_postgres::PgConnection;
    /// # quarry::table! { users (id) { id -> Integer, name -> Text, } }
    /// # fn run(conn: &mut PgConnection) -> quarry::QueryResult<()> {
    /// // COPY "users" ("name", "id") TO STDOUT (FORMAT binary)
    /// let rows: Vec<(String, i32)> = conn.copy_out_columns(users::table, (users::name, users::id)).load()?;
    /// # Ok(()) }
    /// ```
    pub fn copy_out_columns<T, C>(&mut self, table: T, columns: C) -> PgCopyOut<'_, C::SqlType>
    where
        T: Table,
        C: InsertColumns<T>,
    {
        let _ = table;
        let source = to_sql::<Pg, _>(&ColumnNames::<T, C>(&columns, PhantomData))
            .map(|cols| format!("{} ({cols})", table_sql::<T>()));
        PgCopyOut::new(self, source)
    }
}

/// `"schema"."table"` or `"table"`.
fn table_sql<T: Table>() -> String {
    let mut sql = String::new();
    if let Some(schema) = T::SCHEMA {
        Pg::push_identifier(&mut sql, schema);
        sql.push('.');
    }
    Pg::push_identifier(&mut sql, T::NAME);
    sql
}

/// `(query)` for `COPY (query) TO STDOUT`; an error when the query has bind parameters.
fn query_source<Q: QueryFragment<Pg>>(query: &Q) -> QueryResult<String> {
    let (binds, _) = collect_binds::<Pg, Q>(query)?;
    if !binds.is_empty() {
        return Err(Error::QueryBuilder(format!(
            "COPY (query) cannot take bind parameters, but this query has {} bound value(s); \
             export a query without Rust values in it (or a table), or load it with a normal query",
            binds.len()
        )));
    }
    Ok(format!("({})", to_sql::<Pg, Q>(query)?))
}

/// An SQL string literal for a COPY option (`E'...'`, so it reads the same whatever
/// `standard_conforming_strings` is).
fn option_literal(value: &str, what: &str) -> QueryResult<String> {
    if value.contains('\0') {
        return Err(Error::QueryBuilder(format!(
            "the COPY {what} contains a NUL byte"
        )));
    }
    let mut out = String::with_capacity(value.len() + 3);
    out.push_str("E'");
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("''"),
            c => out.push(c),
        }
    }
    out.push('\'');
    Ok(out)
}

/// The column list of an [`InsertRow`], as SQL.
struct RowColumns<'r, T, R>(&'r R, PhantomData<T>);

impl<T, R: InsertRow<T>> QueryFragment<Pg> for RowColumns<'_, T, R> {
    fn walk_ast<'b>(&'b self, pass: &mut AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        self.0.walk_columns(pass);
        Ok(())
    }
}

/// The values of an [`InsertRow`]: as SQL (`$1, $2`) or as bound values.
struct RowValues<'r, R>(&'r R);

impl<R: InsertRowValues<Pg>> QueryFragment<Pg> for RowValues<'_, R> {
    fn walk_ast<'b>(&'b self, pass: &mut AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        self.0.walk_values(pass)
    }
}

/// A column list for COPY TO, as SQL.
struct ColumnNames<'c, T, C>(&'c C, PhantomData<T>);

impl<T, C: InsertColumns<T>> QueryFragment<Pg> for ColumnNames<'_, T, C> {
    fn walk_ast<'b>(&'b self, pass: &mut AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        self.0.walk_column_names(pass);
        Ok(())
    }
}

/// A bulk load into table `T` waiting for its rows (see [`PgConnection::copy_in`]).
#[must_use = "give the rows with `.from_rows(...)`"]
pub struct PgCopyIn<'c, T> {
    conn: &'c mut PgConnection,
    table: PhantomData<T>,
}

impl<T> fmt::Debug for PgCopyIn<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PgCopyIn").finish_non_exhaustive()
    }
}

impl<T: Table> PgCopyIn<'_, T> {
    /// Copies `rows` into the table and returns the number of rows copied (the server's count).
    ///
    /// The column list is the first row's (`COPY "t" ("a", "b") FROM STDIN (FORMAT binary)`);
    /// every row must set the same columns, each to a plain Rust value (not an SQL expression),
    /// or the COPY is aborted with [`Error::QueryBuilder`]. No rows: nothing is sent, `Ok(0)`.
    ///
    /// Errors, after which the connection is usable and nothing was inserted:
    /// * a server error such as a constraint violation or a value the column's type rejects:
    ///   [`Error::Database`] with its kind and SQLSTATE;
    /// * a value whose `ToSql` fails: that error (the COPY is aborted with `PQputCopyEnd`);
    /// * a lost connection: [`Error::Connection`].
    ///
    /// The server checks each value's binary format against its column's type, so a column must
    /// have the SQL type `table!` declares for it (an `Integer` field cannot fill a `bigint`
    /// column, unlike with INSERT, which converts).
    pub fn from_rows<I>(self, rows: I) -> QueryResult<u64>
    where
        I: IntoIterator,
        I::Item: InsertRow<T> + InsertRowValues<Pg>,
    {
        self.try_from_rows(rows.into_iter().map(Ok::<_, Error>))
    }

    /// Like [`PgCopyIn::from_rows`], for rows that are produced fallibly (parsed from a file,
    /// read from another database): the first `Err` aborts the COPY — nothing is inserted — and
    /// is returned as it is. `E` is any error type Quarry's errors convert into.
    ///
    /// ```no_run
    /// # use quarry::prelude::*;
    /// # use quarry_postgres::PgConnection;
    /// # quarry::table! { users (id) { id -> Integer, name -> Text, } }
    /// # fn run(conn: &mut PgConnection, lines: Vec<String>) -> quarry::QueryResult<u64> {
    /// use quarry::Error::Serialize;
    /// let rows = lines.iter().map(|line| -> quarry::QueryResult<_> {
    ///     let (id, name) = line.split_once(',').ok_or_else(|| Serialize(format!("bad line {line:?}")))?;
    ///     let id: i32 = id.parse().map_err(|e| Serialize(format!("bad id in {line:?}: {e}")))?;
    ///     Ok((users::id.eq(id), users::name.eq(name)))
    /// });
    /// // COPY "users" ("id", "name") FROM STDIN (FORMAT binary)
    /// conn.copy_in(users::table).try_from_rows(rows)
    /// # }
    /// ```
    pub fn try_from_rows<I, R, E>(self, rows: I) -> Result<u64, E>
    where
        I: IntoIterator<Item = Result<R, E>>,
        R: InsertRow<T> + InsertRowValues<Pg>,
        E: From<Error>,
    {
        let mut rows = rows.into_iter();
        let first = match rows.next() {
            None => return Ok(0),
            Some(row) => row?,
        };
        let mut layout = RowLayout::of::<T, R>(&first)?;
        let sql = layout.copy_in_sql::<T>();
        // The first row is encoded before the COPY starts: if it fails, nothing is sent at all.
        let mut encoder = BinaryEncoder::new();
        layout.encode::<T, R>(&first, &mut encoder)?;
        drop(first);

        let mut copy = self.conn.raw_mut().copy_in(&sql).map_err(database_error)?;
        match stream_rows::<T, I::IntoIter, R, E>(&mut copy, &mut encoder, &mut layout, rows) {
            Ok(()) => {
                encoder.push_trailer();
                // On failure `copy` is dropped here, which aborts the COPY.
                copy.send(encoder.bytes()).map_err(database_error)?;
                Ok(copy.finish().map_err(database_error)?)
            }
            Err(e) => {
                // The caller's error is the one that matters; the abort only fails when the
                // connection is gone, which the next call reports.
                let _ = copy.abort(ABORT_MESSAGE);
                Err(e)
            }
        }
    }
}

/// Encodes the remaining rows and sends them whenever [`FLUSH_AT`] bytes are buffered.
fn stream_rows<T, I, R, E>(
    copy: &mut raw::CopyIn<'_>,
    encoder: &mut BinaryEncoder,
    layout: &mut RowLayout,
    rows: I,
) -> Result<(), E>
where
    I: Iterator<Item = Result<R, E>>,
    R: InsertRow<T> + InsertRowValues<Pg>,
    E: From<Error>,
{
    if encoder.len() >= FLUSH_AT {
        copy.send(encoder.bytes()).map_err(database_error)?;
        encoder.clear();
    }
    for row in rows {
        layout.encode::<T, R>(&row?, encoder)?;
        if encoder.len() >= FLUSH_AT {
            copy.send(encoder.bytes()).map_err(database_error)?;
            encoder.clear();
        }
    }
    Ok(())
}

/// The columns every row of a COPY FROM STDIN sets, taken from its first row.
#[derive(Debug)]
struct RowLayout {
    /// The quoted column list, e.g. `"name", "age"`.
    columns: String,
    /// How many columns.
    count: usize,
    /// Rows encoded so far, for error messages.
    rows: u64,
}

impl RowLayout {
    /// The layout of `first`, checked to be plain values.
    fn of<T, R>(first: &R) -> QueryResult<Self>
    where
        R: InsertRow<T> + InsertRowValues<Pg>,
    {
        let count = first.column_count();
        if count == 0 {
            return Err(Error::QueryBuilder(
                "a COPY needs at least one column, but the row sets none".into(),
            ));
        }
        let columns = to_sql::<Pg, _>(&RowColumns::<T, R>(first, PhantomData))?;
        check_plain_values(&to_sql::<Pg, _>(&RowValues(first))?, count, 1)?;
        Ok(Self {
            columns,
            count,
            rows: 0,
        })
    }

    /// `COPY "table" ("a", "b") FROM STDIN (FORMAT binary)`.
    fn copy_in_sql<T: Table>(&self) -> String {
        format!(
            "COPY {} ({}) FROM STDIN (FORMAT binary)",
            table_sql::<T>(),
            self.columns
        )
    }

    /// Appends `row` to `encoder` after checking that it has this layout.
    ///
    /// A row whose SQL does not depend on its data (the query builder's `dynamic` flag, which the
    /// statement cache relies on too) has the columns and placeholders of every row of its type,
    /// which the first row's check covered; other rows are checked one by one.
    fn encode<T, R>(&mut self, row: &R, encoder: &mut BinaryEncoder) -> QueryResult<()>
    where
        R: InsertRow<T> + InsertRowValues<Pg>,
    {
        self.rows += 1;
        let fragment = RowValues(row);
        let (values, dynamic) = collect_binds::<Pg, _>(&fragment)?;
        let count = row.column_count();
        if count != self.count {
            return Err(Error::QueryBuilder(format!(
                "row {} of the COPY sets {count} column(s), but the first row set {} ({}): every \
                 row of a COPY must set the same columns",
                self.rows, self.count, self.columns
            )));
        }
        if dynamic || values.len() != count {
            if dynamic {
                let columns = to_sql::<Pg, _>(&RowColumns::<T, R>(row, PhantomData))?;
                if columns != self.columns {
                    return Err(Error::QueryBuilder(format!(
                        "row {} of the COPY sets the columns {columns}, but the first row set {}: \
                         every row of a COPY must set the same columns",
                        self.rows, self.columns
                    )));
                }
            }
            check_plain_values(&to_sql::<Pg, _>(&RowValues(row))?, count, self.rows)?;
            if values.len() != count {
                return Err(Error::QueryBuilder(format!(
                    "row {} of the COPY has {} bound value(s) for {count} column(s): every value \
                     must be a plain Rust value (one bound parameter)",
                    self.rows,
                    values.len()
                )));
            }
        }
        encoder.push_row(&values)
    }
}

/// Checks that the SQL of a row's values is `$1, $2, ..., $count`: one bound value per column,
/// which is what COPY sends (an SQL expression has no place in COPY data).
fn check_plain_values(sql: &str, count: usize, row: u64) -> QueryResult<()> {
    let mut expected = String::with_capacity(count * 4);
    for i in 0..count {
        if i > 0 {
            expected.push_str(", ");
        }
        Pg::push_bind_placeholder(&mut expected, i);
    }
    if sql == expected {
        return Ok(());
    }
    Err(Error::QueryBuilder(format!(
        "row {row} of the COPY has the values `{sql}`: COPY sends each column's value as data, so \
         every value must be a plain Rust value (one bound parameter), not an SQL expression"
    )))
}

/// Builds binary COPY data: the header, then rows, then the trailer.
#[derive(Debug)]
struct BinaryEncoder {
    buf: Vec<u8>,
}

impl BinaryEncoder {
    /// An encoder holding the header.
    fn new() -> Self {
        let mut buf = Vec::with_capacity(FLUSH_AT + FLUSH_AT / 4);
        buf.extend_from_slice(SIGNATURE);
        buf.extend_from_slice(&0i32.to_be_bytes()); // flags: no OIDs
        buf.extend_from_slice(&0i32.to_be_bytes()); // header extension length
        Self { buf }
    }

    /// Appends one row: the field count, then each field's length (-1 for NULL) and bytes —
    /// the binary value its `ToSql` produced. On error the buffer is left as it was.
    fn push_row(&mut self, values: &[PgBindValue<'_>]) -> QueryResult<()> {
        let start = self.buf.len();
        let result = self.try_push_row(values);
        if result.is_err() {
            self.buf.truncate(start);
        }
        result
    }

    fn try_push_row(&mut self, values: &[PgBindValue<'_>]) -> QueryResult<()> {
        let count = i16::try_from(values.len()).map_err(|_| {
            Error::QueryBuilder(format!(
                "a COPY row has {} columns, more than the binary format's {}",
                values.len(),
                i16::MAX
            ))
        })?;
        self.buf.extend_from_slice(&count.to_be_bytes());
        for value in values {
            match value.as_bytes() {
                None => self.buf.extend_from_slice(&(-1i32).to_be_bytes()),
                Some(bytes) => {
                    let len = i32::try_from(bytes.len()).map_err(|_| {
                        Error::Serialize(format!(
                            "a value of {} bytes is too large for a COPY field",
                            bytes.len()
                        ))
                    })?;
                    self.buf.extend_from_slice(&len.to_be_bytes());
                    self.buf.extend_from_slice(bytes);
                }
            }
        }
        Ok(())
    }

    /// Appends the trailer (a field count of -1).
    fn push_trailer(&mut self) {
        self.buf.extend_from_slice(&(-1i16).to_be_bytes());
    }

    fn len(&self) -> usize {
        self.buf.len()
    }

    fn bytes(&self) -> &[u8] {
        &self.buf
    }

    fn clear(&mut self) {
        self.buf.clear();
    }
}

/// The text formats of [`PgCopyOut::to_writer`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CopyFormat {
    /// PostgreSQL's text format (`FORMAT text`): tab-separated, `\N` for NULL, backslash
    /// escapes.
    #[default]
    Text,
    /// CSV (`FORMAT csv`): comma-separated, quoted where needed, NULL as an empty unquoted field.
    Csv,
}

/// An error of [`PgCopyOut::to_writer`]: from the database, or from the writer.
#[derive(Debug)]
#[non_exhaustive]
pub enum CopyOutError {
    /// The COPY failed (a server error, a lost connection, a query with bind parameters).
    Query(Error),
    /// Writing to the destination failed; the rest of the COPY's data was read and discarded.
    Io(std::io::Error),
}

impl fmt::Display for CopyOutError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Query(e) => write!(f, "{e}"),
            Self::Io(e) => write!(f, "writing the COPY output failed: {e}"),
        }
    }
}

impl std::error::Error for CopyOutError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Query(e) => Some(e),
            Self::Io(e) => Some(e),
        }
    }
}

impl From<Error> for CopyOutError {
    fn from(e: Error) -> Self {
        Self::Query(e)
    }
}

/// An export with `COPY ... TO STDOUT` whose rows have SQL type `ST` (see
/// [`PgConnection::copy_out`]). Nothing is sent until [`to_writer`](Self::to_writer),
/// [`load`](Self::load) or [`for_each`](Self::for_each) runs it.
#[must_use = "run the COPY with `.to_writer(...)`, `.load()` or `.for_each(...)`"]
pub struct PgCopyOut<'c, ST> {
    conn: &'c mut PgConnection,
    /// What follows `COPY`: `(query)` or `table (columns)`; an error is reported when run.
    source: QueryResult<String>,
    format: CopyFormat,
    header: bool,
    delimiter: Option<char>,
    null: Option<String>,
    row: PhantomData<fn() -> ST>,
}

impl<ST> fmt::Debug for PgCopyOut<'_, ST> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PgCopyOut")
            .field("source", &self.source.as_ref().ok())
            .field("format", &self.format)
            .field("header", &self.header)
            .field("delimiter", &self.delimiter)
            .field("null", &self.null)
            .finish_non_exhaustive()
    }
}

impl<'c, ST> PgCopyOut<'c, ST> {
    fn new(conn: &'c mut PgConnection, source: QueryResult<String>) -> Self {
        Self {
            conn,
            source,
            format: CopyFormat::Text,
            header: false,
            delimiter: None,
            null: None,
            row: PhantomData,
        }
    }

    /// The format of [`to_writer`](Self::to_writer) (default: [`CopyFormat::Text`]).
    pub fn format(mut self, format: CopyFormat) -> Self {
        self.format = format;
        self
    }

    /// Whether [`to_writer`](Self::to_writer) starts with a line of column names (`HEADER
    /// true`; the text format accepts it from PostgreSQL 15 on).
    pub fn header(mut self, header: bool) -> Self {
        self.header = header;
        self
    }

    /// The field separator of [`to_writer`](Self::to_writer) (`DELIMITER`; default tab for
    /// text, comma for CSV). The server requires a single one-byte character.
    pub fn delimiter(mut self, delimiter: char) -> Self {
        self.delimiter = Some(delimiter);
        self
    }

    /// How [`to_writer`](Self::to_writer) writes NULL (`NULL`; default `\N` for text, an empty
    /// unquoted field for CSV).
    pub fn null_string(mut self, null: impl Into<String>) -> Self {
        self.null = Some(null.into());
        self
    }

    /// The statement [`to_writer`](Self::to_writer) sends, e.g.
    /// `COPY "users" ("id", "name") TO STDOUT (FORMAT csv, HEADER true)`.
    pub fn text_sql(&self) -> QueryResult<String> {
        let source = self
            .source
            .as_ref()
            .map_err(|e| Error::QueryBuilder(e.to_string()))?;
        Ok(format!("COPY {source} TO STDOUT ({})", self.text_options()?))
    }

    /// The options of the text or CSV statement, e.g. `FORMAT csv, HEADER true`.
    fn text_options(&self) -> QueryResult<String> {
        let mut options = vec![match self.format {
            CopyFormat::Text => "FORMAT text".to_owned(),
            CopyFormat::Csv => "FORMAT csv".to_owned(),
        }];
        if self.header {
            options.push("HEADER true".to_owned());
        }
        if let Some(delimiter) = self.delimiter {
            let literal = option_literal(delimiter.encode_utf8(&mut [0; 4]), "delimiter")?;
            options.push(format!("DELIMITER {literal}"));
        }
        if let Some(null) = &self.null {
            options.push(format!("NULL {}", option_literal(null, "NULL string")?));
        }
        Ok(options.join(", "))
    }

    /// The statement [`load`](Self::load) and [`for_each`](Self::for_each) send:
    /// `COPY ... TO STDOUT (FORMAT binary)`.
    pub fn binary_sql(&self) -> QueryResult<String> {
        let source = self
            .source
            .as_ref()
            .map_err(|e| Error::QueryBuilder(e.to_string()))?;
        Ok(format!("COPY {source} TO STDOUT (FORMAT binary)"))
    }

    /// Runs the COPY in text or CSV format, writes everything the server sends to `out`, and
    /// returns the number of rows (the server's count). The output is written as received, one
    /// row at a time, and `out` is flushed at the end.
    ///
    /// On a server error mid-COPY the output written so far is incomplete and the error is
    /// [`CopyOutError::Query`]; when `out` fails, the rest of the data is read and discarded and
    /// the error is [`CopyOutError::Io`]. The connection is usable afterwards in both cases.
    pub fn to_writer<W: Write>(self, mut out: W) -> Result<u64, CopyOutError> {
        let options = self.text_options()?;
        let sql = format!("COPY {} TO STDOUT ({options})", self.source?);
        let mut copy = self.conn.raw_mut().copy_out(&sql).map_err(database_error)?;
        while let Some(chunk) = copy.next_chunk().map_err(database_error)? {
            // On failure `copy` is dropped on return, which discards the rest of the data.
            out.write_all(&chunk).map_err(CopyOutError::Io)?;
        }
        out.flush().map_err(CopyOutError::Io)?;
        Ok(copy.rows())
    }

    /// Runs the COPY in binary format and decodes every row into a `U` — a
    /// `#[derive(Queryable)]` struct, a tuple or a value matching the selected columns, like
    /// `load` of the same query.
    ///
    /// Errors: a server error ([`Error::Database`]); a column count that does not match `U`
    /// ([`Error::ColumnCount`]); a value `U` cannot read, or data that is not well-formed
    /// binary COPY data ([`Error::Deserialize`], never a panic). The connection is usable
    /// afterwards. Columns have no names in COPY data, so errors name them by position (`#0`).
    pub fn load<U>(self) -> QueryResult<Vec<U>>
    where
        U: FromRow<ST, Pg>,
    {
        let mut rows = Vec::new();
        self.for_each(|row| {
            rows.push(row);
            Ok(())
        })?;
        Ok(rows)
    }

    /// Like [`load`](Self::load), but hands each decoded row to `f` as it arrives, so memory
    /// stays bounded; returns the number of rows. An error from `f` ends the COPY (the rest of
    /// the data is read and discarded) and is returned.
    pub fn for_each<U, F>(self, mut f: F) -> QueryResult<u64>
    where
        U: FromRow<ST, Pg>,
        F: FnMut(U) -> QueryResult<()>,
    {
        let sql = format!("COPY {} TO STDOUT (FORMAT binary)", self.source?);
        let mut copy = self.conn.raw_mut().copy_out(&sql).map_err(database_error)?;
        let mut decoder = BinaryDecoder::new();
        let mut on_row = |row: CopyRow<'_>| -> QueryResult<()> {
            if U::EXACT_COLUMN_COUNT && row.column_count() != U::COLUMNS {
                return Err(Error::ColumnCount {
                    expected: U::COLUMNS,
                    found: row.column_count(),
                });
            }
            f(U::from_row(&row, 0)?)
        };
        // On an error `copy` is dropped on return, which discards the rest of the data.
        while let Some(chunk) = copy.next_chunk().map_err(database_error)? {
            decoder.feed(&chunk, &mut on_row)?;
        }
        decoder.finish()?;
        Ok(copy.rows())
    }
}

/// The error for binary COPY data that does not follow the format.
#[cold]
fn malformed(message: impl Into<String>) -> Error {
    Error::Deserialize {
        column: "(binary COPY data)".into(),
        kind: DeserializeErrorKind::Malformed(message.into()),
    }
}

/// Where a [`BinaryDecoder`] is in the stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DecodeState {
    /// Waiting for the header.
    Header,
    /// Reading rows, until the trailer.
    Rows,
    /// The trailer has been read; nothing may follow.
    Done,
}

/// Decodes PostgreSQL's binary COPY format from chunks of any size, checking every length and
/// never reading past the data (malformed data is an [`Error::Deserialize`]).
#[derive(Debug)]
struct BinaryDecoder {
    state: DecodeState,
    /// Bytes of an incomplete header or row, waiting for the next chunk.
    pending: Vec<u8>,
    /// The current row's fields: byte ranges in the data, `None` for NULL.
    fields: Vec<Option<(usize, usize)>>,
    /// The field count of the first row; every row must have it.
    field_count: Option<usize>,
    /// Rows decoded so far.
    rows: u64,
}

impl BinaryDecoder {
    fn new() -> Self {
        Self {
            state: DecodeState::Header,
            pending: Vec::new(),
            fields: Vec::new(),
            field_count: None,
            rows: 0,
        }
    }

    /// Decodes the complete rows in `pending` + `chunk`, calling `on_row` for each; keeps an
    /// incomplete tail for the next call.
    fn feed<F>(&mut self, chunk: &[u8], on_row: &mut F) -> QueryResult<()>
    where
        F: FnMut(CopyRow<'_>) -> QueryResult<()>,
    {
        if self.pending.is_empty() {
            let used = self.parse(chunk, on_row)?;
            self.pending
                .extend_from_slice(chunk.get(used..).unwrap_or_default());
        } else {
            let mut data = std::mem::take(&mut self.pending);
            data.extend_from_slice(chunk);
            let used = self.parse(&data, on_row)?;
            data.drain(..used.min(data.len()));
            self.pending = data;
        }
        Ok(())
    }

    /// Succeeds when the data ended with the trailer.
    fn finish(&self) -> QueryResult<()> {
        match self.state {
            DecodeState::Done => Ok(()),
            DecodeState::Header => Err(malformed(format!(
                "the data ended inside the header ({} bytes)",
                self.pending.len()
            ))),
            DecodeState::Rows if self.pending.is_empty() => {
                Err(malformed("the data ended without the trailer"))
            }
            DecodeState::Rows => Err(malformed(format!(
                "the data ended inside row {} ({} bytes of it)",
                self.rows + 1,
                self.pending.len()
            ))),
        }
    }

    /// Decodes what it can of `data`; returns how many bytes it consumed.
    fn parse<F>(&mut self, data: &[u8], on_row: &mut F) -> QueryResult<usize>
    where
        F: FnMut(CopyRow<'_>) -> QueryResult<()>,
    {
        let mut pos = 0;
        loop {
            match self.state {
                DecodeState::Header => match parse_header(data.get(pos..).unwrap_or_default())? {
                    Some(len) => {
                        pos += len;
                        self.state = DecodeState::Rows;
                    }
                    None => return Ok(pos),
                },
                DecodeState::Rows => {
                    let Some(count) = be_i16(data, pos) else {
                        return Ok(pos);
                    };
                    if count == -1 {
                        self.state = DecodeState::Done;
                        pos += 2;
                        continue;
                    }
                    let count = usize::try_from(count)
                        .map_err(|_| malformed(format!("row {} has field count {count}", self.rows + 1)))?;
                    if let Some(expected) = self.field_count {
                        if count != expected {
                            return Err(malformed(format!(
                                "row {} has {count} fields, but the first row had {expected}",
                                self.rows + 1
                            )));
                        }
                    }
                    let Some(end) = self.parse_fields(data, pos + 2, count)? else {
                        return Ok(pos);
                    };
                    self.field_count = Some(count);
                    self.rows += 1;
                    on_row(CopyRow {
                        data,
                        fields: &self.fields,
                    })?;
                    pos = end;
                }
                DecodeState::Done => {
                    let rest = data.len().saturating_sub(pos);
                    if rest > 0 {
                        return Err(malformed(format!("{rest} bytes follow the trailer")));
                    }
                    return Ok(pos);
                }
            }
        }
    }

    /// Reads `count` fields starting at `at` into `self.fields`; returns the end of the row, or
    /// `None` when the data stops before it.
    fn parse_fields(&mut self, data: &[u8], mut at: usize, count: usize) -> QueryResult<Option<usize>> {
        self.fields.clear();
        for _ in 0..count {
            let Some(len) = be_i32(data, at) else {
                return Ok(None);
            };
            at += 4;
            if len == -1 {
                self.fields.push(None);
                continue;
            }
            let len = usize::try_from(len).map_err(|_| {
                malformed(format!(
                    "field {} of row {} has length {len}",
                    self.fields.len(),
                    self.rows + 1
                ))
            })?;
            let end = at.saturating_add(len);
            if end > data.len() {
                return Ok(None);
            }
            self.fields.push(Some((at, end)));
            at = end;
        }
        Ok(Some(at))
    }
}

/// Checks the header at the start of `data`: `Some(its length)`, or `None` when `data` holds
/// only part of it (but nothing wrong so far).
fn parse_header(data: &[u8]) -> QueryResult<Option<usize>> {
    let seen = data.get(..SIGNATURE.len()).unwrap_or(data);
    if !SIGNATURE.starts_with(seen) {
        return Err(malformed(
            "the data does not start with the binary COPY signature",
        ));
    }
    let (Some(flags), Some(extension)) = (be_i32(data, 11), be_i32(data, 15)) else {
        return Ok(None);
    };
    // Bits 16-31 flag critical format changes (bit 16: rows carry OIDs) that a reader must not
    // ignore; bits 0-15 may be ignored.
    let critical = flags.to_be_bytes()[..2] != [0, 0];
    if critical {
        return Err(malformed(format!(
            "the header has unsupported critical flags {flags:#010x}"
        )));
    }
    let extension = usize::try_from(extension)
        .map_err(|_| malformed(format!("the header extension has length {extension}")))?;
    let len = HEADER_LEN.saturating_add(extension);
    if data.len() < len {
        return Ok(None);
    }
    Ok(Some(len))
}

/// The big-endian `i16` at `at`, if the data holds it.
fn be_i16(data: &[u8], at: usize) -> Option<i16> {
    let bytes = data.get(at..at.checked_add(2)?)?;
    Some(i16::from_be_bytes(bytes.try_into().ok()?))
}

/// The big-endian `i32` at `at`, if the data holds it.
fn be_i32(data: &[u8], at: usize) -> Option<i32> {
    let bytes = data.get(at..at.checked_add(4)?)?;
    Some(i32::from_be_bytes(bytes.try_into().ok()?))
}

/// One row of binary COPY data, read in place: what `FromRow` decodes through the same
/// [`PgValue`] as a query's rows. COPY data has no column names or type OIDs (0).
#[derive(Debug, Clone, Copy)]
struct CopyRow<'a> {
    data: &'a [u8],
    fields: &'a [Option<(usize, usize)>],
}

impl Row<Pg> for CopyRow<'_> {
    fn value(&self, idx: usize) -> PgValue<'_> {
        match self.fields.get(idx) {
            Some(Some((start, end))) => PgValue {
                bytes: self.data.get(*start..*end).unwrap_or_default(),
                is_null: false,
                oid: 0,
            },
            // NULL, and out-of-range columns (as for a query's rows).
            _ => PgValue {
                bytes: &[],
                is_null: true,
                oid: 0,
            },
        }
    }

    fn column_count(&self) -> usize {
        self.fields.len()
    }

    fn column_name(&self, _idx: usize) -> Option<&str> {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Decodes `data` fed in chunks of `chunk` bytes; each row as its fields' bytes.
    fn decode(data: &[u8], chunk: usize) -> QueryResult<Vec<Vec<Option<Vec<u8>>>>> {
        let mut decoder = BinaryDecoder::new();
        let mut rows = Vec::new();
        let mut on_row = |row: CopyRow<'_>| -> QueryResult<()> {
            let fields = (0..row.column_count())
                .map(|i| {
                    let value = row.value(i);
                    (!value.is_null).then(|| value.bytes.to_vec())
                })
                .collect();
            rows.push(fields);
            Ok(())
        };
        for piece in data.chunks(chunk.max(1)) {
            decoder.feed(piece, &mut on_row)?;
        }
        decoder.finish()?;
        Ok(rows)
    }

    fn header() -> Vec<u8> {
        let mut data = SIGNATURE.to_vec();
        data.extend_from_slice(&[0, 0, 0, 0, 0, 0, 0, 0]);
        data
    }

    /// Two rows of (int4, text or NULL, bytea) through the encoder.
    fn sample() -> Vec<u8> {
        let mut encoder = BinaryEncoder::new();
        let text = "héllo ☃";
        let row1 = [
            PgBindValue::inline(23, &7i32.to_be_bytes()),
            PgBindValue::borrowed(25, text.as_bytes()),
            PgBindValue::owned(17, vec![0, 1, 2]),
        ];
        let row2 = [
            PgBindValue::inline(23, &(-1i32).to_be_bytes()),
            PgBindValue::null(25),
            PgBindValue::borrowed(17, &[]),
        ];
        encoder.push_row(&row1).unwrap();
        encoder.push_row(&row2).unwrap();
        encoder.push_trailer();
        encoder.bytes().to_vec()
    }

    fn expected_sample() -> Vec<Vec<Option<Vec<u8>>>> {
        vec![
            vec![
                Some(7i32.to_be_bytes().to_vec()),
                Some("héllo ☃".as_bytes().to_vec()),
                Some(vec![0, 1, 2]),
            ],
            vec![Some((-1i32).to_be_bytes().to_vec()), None, Some(vec![])],
        ]
    }

    fn assert_malformed(result: QueryResult<Vec<Vec<Option<Vec<u8>>>>>, needle: &str) {
        match result {
            Err(Error::Deserialize {
                kind: DeserializeErrorKind::Malformed(message),
                ..
            }) => assert!(message.contains(needle), "{message:?} should mention {needle:?}"),
            other => panic!("expected a malformed-data error mentioning {needle:?}, got {other:?}"),
        }
    }

    #[test]
    fn encoder_writes_the_documented_layout() {
        let data = sample();
        assert_eq!(&data[..11], b"PGCOPY\n\xff\r\n\0");
        assert_eq!(&data[11..19], &[0; 8]);
        // Row 1: 3 fields; int4 of length 4.
        assert_eq!(&data[19..21], &3i16.to_be_bytes());
        assert_eq!(&data[21..25], &4i32.to_be_bytes());
        assert_eq!(&data[25..29], &7i32.to_be_bytes());
        assert_eq!(&data[data.len() - 2..], &(-1i16).to_be_bytes());
        // The NULL of row 2 is length -1 with no bytes.
        let null_at = data.len() - 2 - 4 - 4 - 4;
        assert_eq!(&data[null_at..null_at + 4], &(-1i32).to_be_bytes());
    }

    #[test]
    fn round_trip_in_any_chunking() {
        let data = sample();
        for chunk in [1, 2, 3, 5, 7, 19, 20, 64, data.len()] {
            assert_eq!(
                decode(&data, chunk).unwrap(),
                expected_sample(),
                "chunks of {chunk}"
            );
        }
    }

    #[test]
    fn empty_copy_is_header_and_trailer() {
        let mut data = header();
        data.extend_from_slice(&(-1i16).to_be_bytes());
        assert!(decode(&data, 4).unwrap().is_empty());
    }

    #[test]
    fn header_extension_is_skipped_and_noncritical_flags_ignored() {
        let mut data = SIGNATURE.to_vec();
        data.extend_from_slice(&0x0000_0001i32.to_be_bytes());
        data.extend_from_slice(&3i32.to_be_bytes());
        data.extend_from_slice(b"xyz");
        data.extend_from_slice(&sample()[HEADER_LEN..]);
        for chunk in [1, 4, data.len()] {
            assert_eq!(decode(&data, chunk).unwrap(), expected_sample());
        }
    }

    #[test]
    fn bad_signature() {
        let mut data = sample();
        data[5] = b'X';
        assert_malformed(decode(&data, 1), "signature");
        assert_malformed(decode(&data, data.len()), "signature");
        assert_malformed(decode(b"hello\tworld\n", 100), "signature");
        assert_malformed(decode(b"", 1), "header");
    }

    #[test]
    fn truncated_header() {
        let data = sample();
        for cut in [1, 11, 12, 18] {
            assert_malformed(decode(&data[..cut], 3), "header");
        }
        // An extension announced but missing.
        let mut data = SIGNATURE.to_vec();
        data.extend_from_slice(&0i32.to_be_bytes());
        data.extend_from_slice(&100i32.to_be_bytes());
        data.extend_from_slice(&[0; 10]);
        assert_malformed(decode(&data, 7), "header");
    }

    #[test]
    fn critical_flags_and_negative_extension() {
        let mut data = SIGNATURE.to_vec();
        data.extend_from_slice(&0x0001_0000i32.to_be_bytes()); // OIDs included
        data.extend_from_slice(&0i32.to_be_bytes());
        assert_malformed(decode(&data, 100), "critical flags");

        let mut data = SIGNATURE.to_vec();
        data.extend_from_slice(&0i32.to_be_bytes());
        data.extend_from_slice(&(-5i32).to_be_bytes());
        assert_malformed(decode(&data, 100), "extension");
    }

    #[test]
    fn bad_field_count_and_lengths() {
        let mut data = header();
        data.extend_from_slice(&(-2i16).to_be_bytes());
        assert_malformed(decode(&data, 100), "field count -2");

        let mut data = header();
        data.extend_from_slice(&1i16.to_be_bytes());
        data.extend_from_slice(&(-7i32).to_be_bytes());
        assert_malformed(decode(&data, 100), "length -7");

        // Rows with different field counts.
        let mut data = header();
        data.extend_from_slice(&1i16.to_be_bytes());
        data.extend_from_slice(&(-1i32).to_be_bytes());
        data.extend_from_slice(&2i16.to_be_bytes());
        data.extend_from_slice(&(-1i32).to_be_bytes());
        data.extend_from_slice(&(-1i32).to_be_bytes());
        data.extend_from_slice(&(-1i16).to_be_bytes());
        assert_malformed(decode(&data, 100), "first row had 1");
    }

    #[test]
    fn truncated_rows_and_missing_trailer() {
        let data = sample();
        let without_trailer = &data[..data.len() - 2];
        assert_malformed(decode(without_trailer, 5), "without the trailer");
        for cut in [HEADER_LEN + 1, HEADER_LEN + 3, HEADER_LEN + 10, data.len() - 3] {
            assert_malformed(decode(&data[..cut], 4), "inside row");
        }
        // A length far beyond the data: no panic, no huge read, just "truncated".
        let mut data = header();
        data.extend_from_slice(&1i16.to_be_bytes());
        data.extend_from_slice(&i32::MAX.to_be_bytes());
        data.extend_from_slice(b"short");
        assert_malformed(decode(&data, 3), "inside row 1");
    }

    #[test]
    fn data_after_the_trailer() {
        let mut data = sample();
        data.push(0);
        assert_malformed(decode(&data, 1), "follow the trailer");
        assert_malformed(decode(&data, data.len()), "follow the trailer");
    }

    #[test]
    fn arbitrary_bytes_never_panic() {
        // A simple deterministic generator: mutations of valid data and random bytes.
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let valid = sample();
        for _ in 0..5_000 {
            let mut data = valid.clone();
            let edits = next() % 4 + 1;
            for _ in 0..edits {
                let at = (next() % data.len() as u64) as usize;
                data[at] = next() as u8;
            }
            let cut = (next() % (data.len() as u64 + 1)) as usize;
            let _ = decode(&data[..cut], (next() % 16) as usize + 1);
            let random: Vec<u8> = (0..next() % 64).map(|_| next() as u8).collect();
            let _ = decode(&random, 3);
        }
    }

    #[test]
    fn row_errors_stop_decoding() {
        let mut decoder = BinaryDecoder::new();
        let mut seen = 0;
        let result = decoder.feed(&sample(), &mut |_row: CopyRow<'_>| {
            seen += 1;
            Err(Error::NotFound)
        });
        assert!(matches!(result, Err(Error::NotFound)));
        assert_eq!(seen, 1);
    }

    #[test]
    fn copy_rows_decode_through_from_sql() {
        use quarry::sql_types::{Bool, Integer, Nullable, Text};
        let data = sample();
        let mut decoder = BinaryDecoder::new();
        let mut out: Vec<(i32, Option<String>)> = Vec::new();
        decoder
            .feed(&data, &mut |row: CopyRow<'_>| {
                out.push(<(i32, Option<String>) as FromRow<
                    (Integer, Nullable<Text>),
                    Pg,
                >>::from_row(&row, 0)?);
                Ok(())
            })
            .unwrap();
        assert_eq!(out, [(7, Some("héllo ☃".to_owned())), (-1, None)]);
        // A type error names the column by position.
        let mut decoder = BinaryDecoder::new();
        let result = decoder.feed(&data, &mut |row: CopyRow<'_>| {
            <bool as FromRow<Bool, Pg>>::from_row(&row, 0).map(drop)
        });
        assert!(
            matches!(result, Err(Error::Deserialize { ref column, .. }) if column == "#0"),
            "{result:?}"
        );
    }

    #[test]
    fn encoder_refuses_oversized_rows_without_corrupting_the_buffer() {
        let mut encoder = BinaryEncoder::new();
        let values: Vec<PgBindValue<'_>> = (0..40_000).map(|_| PgBindValue::null(23)).collect();
        assert!(matches!(encoder.push_row(&values), Err(Error::QueryBuilder(_))));
        assert_eq!(encoder.len(), HEADER_LEN);
    }

    quarry::table! {
        #[schema = "app"]
        users (id) {
            id -> Integer,
            #[sql_name = "full name"]
            name -> Text,
            age -> Nullable<Integer>,
        }
    }

    #[derive(quarry::Insertable)]
    #[quarry(table = users)]
    struct NewUser<'a> {
        name: &'a str,
        age: Option<i32>,
    }

    #[test]
    fn copy_in_statement_and_encoding_of_rows() {
        use quarry::prelude::*;
        let row = NewUser {
            name: "Ada",
            age: None,
        };
        let mut layout = RowLayout::of::<users::table, _>(&row).unwrap();
        assert_eq!(
            layout.copy_in_sql::<users::table>(),
            r#"COPY "app"."users" ("full name", "age") FROM STDIN (FORMAT binary)"#
        );
        let mut encoder = BinaryEncoder::new();
        layout.encode::<users::table, _>(&row, &mut encoder).unwrap();
        let tuple = (users::id.eq(5), users::age.eq(Some(3)));
        let mut tuple_layout = RowLayout::of::<users::table, _>(&tuple).unwrap();
        assert_eq!(
            tuple_layout.copy_in_sql::<users::table>(),
            r#"COPY "app"."users" ("id", "age") FROM STDIN (FORMAT binary)"#
        );
        // Each field is exactly the bound value's bytes.
        let mut expected = header();
        expected.extend_from_slice(&2i16.to_be_bytes());
        expected.extend_from_slice(&3i32.to_be_bytes());
        expected.extend_from_slice(b"Ada");
        expected.extend_from_slice(&(-1i32).to_be_bytes());
        assert_eq!(encoder.bytes(), expected);
        let mut encoder = BinaryEncoder::new();
        tuple_layout
            .encode::<users::table, _>(&tuple, &mut encoder)
            .unwrap();
        assert_eq!(&encoder.bytes()[HEADER_LEN..HEADER_LEN + 2], &2i16.to_be_bytes());
        assert_eq!(
            &encoder.bytes()[HEADER_LEN + 2..],
            [0, 0, 0, 4, 0, 0, 0, 5, 0, 0, 0, 4, 0, 0, 0, 3]
        );
    }

    #[test]
    fn copy_out_sources() {
        use quarry::prelude::*;
        let query = users::table.select(users::name).filter(users::age.is_null());
        assert_eq!(
            query_source(&query.as_query()).unwrap(),
            r#"(SELECT "users"."full name" FROM "app"."users" WHERE "users"."age" IS NULL)"#
        );
        let err = query_source(&users::table.filter(users::id.eq(1)).as_query()).unwrap_err();
        assert!(matches!(err, Error::QueryBuilder(_)), "{err:?}");
        assert_eq!(table_sql::<users::table>(), r#""app"."users""#);
    }

    #[test]
    fn plain_values_check() {
        assert!(check_plain_values("$1", 1, 1).is_ok());
        assert!(check_plain_values("$1, $2, $3", 3, 1).is_ok());
        assert!(check_plain_values("$1 + $2", 1, 1).is_err());
        assert!(check_plain_values("$1, DEFAULT", 2, 4).is_err());
        assert!(check_plain_values("$1, $2", 3, 1).is_err());
    }

    #[test]
    fn option_literals() {
        assert_eq!(option_literal(",", "d").unwrap(), "E','");
        assert_eq!(option_literal("it's \\N", "n").unwrap(), "E'it''s \\\\N'");
        assert!(option_literal("a\0b", "n").is_err());
    }
}
