use std::marker::PhantomData;

use super::TableMetadata;
use crate::backend::Backend;
use crate::error::QueryResult;
use crate::expression::{AggPlain, Ctx, Expression, NoGroup, ValidIn};
use crate::query_builder::{AstPass, QueryFragment};
use crate::query_source::{FindSource, SingleSource};
use crate::sql_types::RowOf;
use crate::type_level::TBool;

/// A table declared with the schema macro.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a table: an alias or a join needs an explicit `.on(...)` condition to be joined, and `.find(...)` works on tables only",
    label = "not a table declared with `table!`"
)]
pub trait Table: SingleSource + Copy + Default + 'static {
    /// The primary key: a column, or a tuple of columns.
    type PrimaryKey: Copy + Default;
    /// The table's SQL name.
    const NAME: &'static str;
    /// The SQL schema it is qualified with, if any.
    const SCHEMA: Option<&'static str>;
    /// The SQL names of all columns, in declaration order.
    const COLUMN_NAMES: &'static [&'static str];
    /// Runtime metadata.
    fn metadata() -> &'static TableMetadata;
}

/// All the columns of table or alias `S`, in declaration order (the default selection of a table).
#[derive(Debug)]
pub struct AllColumns<T>(PhantomData<T>);

impl<T> AllColumns<T> {
    /// All columns of `T`.
    pub const fn new() -> Self {
        Self(PhantomData)
    }
}

impl<T> Clone for AllColumns<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for AllColumns<T> {}
impl<T> Default for AllColumns<T> {
    fn default() -> Self {
        Self(PhantomData)
    }
}

impl<S: SingleSource> Expression for AllColumns<S> {
    type SqlType = RowOf<S::Table>;
}

impl<S: SingleSource, F, I> ValidIn<Ctx<F, NoGroup>, I> for AllColumns<S>
where
    F: FindSource<S, I>,
{
    type SqlType = <F::Nullable as TBool>::Nullify<RowOf<S::Table>>;
    type Agg = AggPlain;
}

impl<S: SingleSource, DB: Backend> QueryFragment<DB> for AllColumns<S> {
    fn walk_ast<'b>(&'b self, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
        walk_column_list(S::QUALIFIER, <S::Table as Table>::COLUMN_NAMES, pass);
        Ok(())
    }
}

/// Writes `"q"."a", "q"."b", …`.
#[doc(hidden)]
pub fn walk_column_list<DB: Backend>(qualifier: &str, names: &[&str], pass: &mut AstPass<'_, '_, DB>) {
    for (i, name) in names.iter().enumerate() {
        if i > 0 {
            pass.push_sql(", ");
        }
        pass.push_identifier(qualifier);
        pass.push_sql(".");
        pass.push_identifier(name);
    }
}

/// A foreign key from `Self` to `Parent`, declared in the schema macro. It lets
/// `parent.inner_join(child)` and `child.inner_join(parent)` find their ON clause.
pub trait ForeignKey<Parent> {
    /// The join condition (`child.fk = parent.key`).
    type On: Clone;
    /// The join condition.
    fn join_on() -> Self::On;
}

/// Implements [`QuerySource`] for a table type (called by the schema macro).
#[doc(hidden)]
#[macro_export]
macro_rules! __table_source {
    ($table:ty) => {
        impl $crate::query_source::QuerySource for $table {
            type DefaultSelection = $crate::schema::AllColumns<$table>;
            type DefaultRow = $crate::sql_types::RowOf<$table>;
            type Outer = ();
            fn default_selection(&self) -> Self::DefaultSelection {
                ::core::default::Default::default()
            }
        }
        impl<DB: $crate::backend::Backend> $crate::query_source::FromClause<DB> for $table {
            fn walk_from<'b>(
                &'b self,
                pass: &mut $crate::query_builder::AstPass<'_, 'b, DB>,
            ) -> $crate::error::QueryResult<()> {
                if let Some(schema) = <$table as $crate::schema::Table>::SCHEMA {
                    pass.push_identifier(schema);
                    pass.push_sql(".");
                }
                pass.push_identifier(<$table as $crate::schema::Table>::NAME);
                Ok(())
            }
            fn walk_default_selection<'b>(
                &'b self,
                pass: &mut $crate::query_builder::AstPass<'_, 'b, DB>,
            ) -> $crate::error::QueryResult<()> {
                $crate::schema::walk_column_list(
                    <$table as $crate::query_source::SingleSource>::QUALIFIER,
                    <$table as $crate::schema::Table>::COLUMN_NAMES,
                    pass,
                );
                Ok(())
            }
        }
        impl $crate::query_source::SingleSource for $table {
            const QUALIFIER: &'static str = <$table as $crate::schema::Table>::NAME;
            type Table = $table;
        }
    };
}
