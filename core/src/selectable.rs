//! Structs that choose their own columns: `#[derive(Selectable)]` and `Struct::as_select()`.

use std::marker::PhantomData;

use crate::backend::Backend;
use crate::error::QueryResult;
use crate::expression::{AggPlain, Ctx, Expression, NoGroup, ValidIn};
use crate::query_builder::{AstPass, QueryFragment};
use crate::query_source::{FindSource, SingleSource};
use crate::schema::walk_column_list;
use crate::sql_types::SelectionOf;
use crate::type_level::TBool;

/// A struct whose fields are columns of one table, by name. Derived with `#[derive(Selectable)]`.
pub trait Selectable: Sized + 'static {
    /// The table the fields come from.
    type Source: SingleSource;
    /// The SQL names of the selected columns, in field order.
    const COLUMNS: &'static [&'static str];
}

/// `Struct::as_select()`: selects exactly the struct's columns, by name.
#[derive(Debug)]
pub struct AsSelect<U>(PhantomData<U>);

impl<U> Clone for AsSelect<U> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<U> Copy for AsSelect<U> {}

/// `as_select()` on every [`Selectable`] struct.
pub trait SelectableHelper: Selectable {
    /// The select list of this struct's columns.
    ///
    /// ```
    /// # use quarry::prelude::*;
    /// # quarry::table! { users (id) { id -> Integer, name -> Text, } }
    /// #[derive(Queryable, Selectable)]
    /// #[quarry(table = users)]
    /// struct UserName { name: String }
    /// let q = users::table.select(UserName::as_select()); // SELECT "users"."name" FROM "users"
    /// # let _ = q;
    /// ```
    fn as_select() -> AsSelect<Self> {
        AsSelect(PhantomData)
    }
}
impl<U: Selectable> SelectableHelper for U {}

impl<U: Selectable> Expression for AsSelect<U> {
    type SqlType = SelectionOf<U>;
}

impl<U: Selectable, F, I> ValidIn<Ctx<F, NoGroup>, I> for AsSelect<U>
where
    F: FindSource<U::Source, I>,
{
    type SqlType = <F::Nullable as TBool>::Nullify<SelectionOf<U>>;
    type Agg = AggPlain;
}

impl<U: Selectable, DB: Backend> QueryFragment<DB> for AsSelect<U> {
    fn walk_ast<'b>(&'b self, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
        walk_column_list(<U::Source as SingleSource>::QUALIFIER, U::COLUMNS, pass);
        Ok(())
    }
}
