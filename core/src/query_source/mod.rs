//! What a query reads from: tables, aliases, joins of them, and the type-level lookups that check
//! a column's table is among them.

mod alias;
mod join;

pub use self::alias::{AliasName, AliasedColumn};
pub use self::join::{
    Correlated, FindRelated, Inner, Join, JoinDsl, JoinKind, JoinTarget, LeftOuter, OnClause, OuterSources,
    ViaForeignKey, WithOn,
};

use crate::backend::Backend;
use crate::error::QueryResult;
use crate::query_builder::AstPass;
use crate::type_level::{False, Here};

/// Something a query can read from: a table, an alias or a join.
pub trait QuerySource: Sized {
    /// What `SELECT` returns when no `.select(...)` is given.
    type DefaultSelection;
    /// The row type of the default selection.
    type DefaultRow;
    /// The tables of an enclosing query this source may refer to (`()` unless correlated).
    type Outer;
    /// The default selection.
    fn default_selection(&self) -> Self::DefaultSelection;
}

/// A query source as written after FROM for backend `DB`.
pub trait FromClause<DB: Backend> {
    /// Writes this source as it appears after FROM.
    fn walk_from<'b>(&'b self, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()>;
    /// Writes the default select list (all columns of every source).
    fn walk_default_selection<'b>(&'b self, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()>;
}

/// A single table or alias: something columns belong to.
pub trait SingleSource: QuerySource {
    /// The name that qualifies its columns (`"users"."id"`).
    const QUALIFIER: &'static str;
    /// The underlying table.
    type Table: crate::schema::Table;
}

/// The query sources `Self` contain the table or alias `S`, at index `I` (inferred).
#[diagnostic::on_unimplemented(
    message = "table `{S}` is not in the FROM clause of this query, or (in RETURNING) not the table the statement writes to",
    label = "this refers to `{S}`, which this query does not read from",
    note = "join it first (`.inner_join(...)` / `.left_join(...)`), or use a column of a table the query reads; RETURNING can only name columns of the table an INSERT, UPDATE or DELETE writes to"
)]
pub trait FindSource<S, I> {
    /// Whether `S` was found on the nullable side of a LEFT JOIN.
    type Nullable: crate::type_level::TBool;
}

#[diagnostic::do_not_recommend]
impl<S: SingleSource> FindSource<S, Here> for S {
    type Nullable = False;
}
