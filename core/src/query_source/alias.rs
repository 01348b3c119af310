use std::marker::PhantomData;

use super::{FindSource, SingleSource};
use crate::backend::Backend;
use crate::error::QueryResult;
use crate::expression::{AggGroup, AggPlain, Ctx, Expression, Grouped, InAggregate, NoGroup, ValidIn};
use crate::query_builder::{AstPass, QueryFragment};
use crate::schema::{Column, GroupContains};
use crate::type_level::TBool;

/// A table alias declared with [`alias!`](crate::alias): a second, distinct name for a table, so
/// that a query can read the same table twice (self-joins).
pub trait AliasName: SingleSource + Copy + Default + 'static {
    /// The alias's SQL name.
    const NAME: &'static str;

    /// Column `C` of the aliased table, read through this alias (`"manager"."name"`).
    fn field<C>(self, column: C) -> AliasedColumn<Self, C>
    where
        C: Column<Table = Self::Table>,
    {
        let _ = column;
        AliasedColumn(PhantomData)
    }
}

/// Column `C` read through alias `A`.
#[derive(Debug)]
pub struct AliasedColumn<A, C>(PhantomData<(A, C)>);

impl<A, C> Clone for AliasedColumn<A, C> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<A, C> Copy for AliasedColumn<A, C> {}

impl<A, C: Column> Expression for AliasedColumn<A, C> {
    type SqlType = C::SqlType;
}

impl<A, C: Column, F, I> ValidIn<Ctx<F, NoGroup>, I> for AliasedColumn<A, C>
where
    F: FindSource<A, I>,
{
    type SqlType = <F::Nullable as TBool>::Nullify<C::SqlType>;
    type Agg = AggPlain;
}

impl<A, C: Column, F, I> ValidIn<Ctx<F, InAggregate>, I> for AliasedColumn<A, C>
where
    F: FindSource<A, I>,
{
    type SqlType = <F::Nullable as TBool>::Nullify<C::SqlType>;
    type Agg = AggPlain;
}

impl<A, C: Column, F, G, I, J> ValidIn<Ctx<F, Grouped<G>>, (I, J)> for AliasedColumn<A, C>
where
    F: FindSource<A, I>,
    G: GroupContains<Self, J>,
{
    type SqlType = <F::Nullable as TBool>::Nullify<C::SqlType>;
    type Agg = AggGroup;
}

impl<A: AliasName, C: Column, DB: Backend> QueryFragment<DB> for AliasedColumn<A, C> {
    fn walk_ast<'b>(&'b self, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
        pass.push_identifier(A::NAME);
        pass.push_sql(".");
        pass.push_identifier(C::NAME);
        Ok(())
    }
}

crate::__impl_arithmetic_ops!(impl[A, C,] AliasedColumn<A, C>);

/// Declares a table alias, for reading a table twice in one query.
///
/// ```
/// # use quarry::prelude::*;
/// quarry::table! {
///     employees (id) {
///         id -> Integer,
///         name -> Text,
///         #[references(employees::id)]
///         manager_id -> Nullable<Integer>,
///     }
/// }
/// quarry::alias!(employees::table as manager);
///
/// # fn main() {
/// let q = employees::table
///     .inner_join(manager.on(employees::manager_id.eq(manager.field(employees::id).nullable())))
///     .select((employees::name, manager.field(employees::name)));
/// // SELECT "employees"."name", "manager"."name" FROM "employees"
/// //   INNER JOIN "employees" AS "manager" ON "employees"."manager_id" = "manager"."id"
/// # let _ = q;
/// # }
/// ```
#[macro_export]
macro_rules! alias {
    ($table:path as $name:ident) => {
        #[allow(non_camel_case_types)]
        #[derive(Debug, Clone, Copy, Default)]
        struct $name;

        impl $crate::query_source::AliasName for $name {
            const NAME: &'static str = ::core::stringify!($name);
        }

        impl $crate::query_source::QuerySource for $name {
            type DefaultSelection = $crate::schema::AllColumns<$name>;
            type DefaultRow = $crate::sql_types::RowOf<$table>;
            type Outer = ();
            fn default_selection(&self) -> Self::DefaultSelection {
                ::core::default::Default::default()
            }
        }

        impl<DB: $crate::backend::Backend> $crate::query_source::FromClause<DB> for $name {
            fn walk_from<'b>(
                &'b self,
                pass: &mut $crate::query_builder::AstPass<'_, 'b, DB>,
            ) -> $crate::error::QueryResult<()> {
                if let Some(schema) = <$table as $crate::schema::Table>::SCHEMA {
                    pass.push_identifier(schema);
                    pass.push_sql(".");
                }
                pass.push_identifier(<$table as $crate::schema::Table>::NAME);
                pass.push_sql(" AS ");
                pass.push_identifier(::core::stringify!($name));
                Ok(())
            }
            fn walk_default_selection<'b>(
                &'b self,
                pass: &mut $crate::query_builder::AstPass<'_, 'b, DB>,
            ) -> $crate::error::QueryResult<()> {
                $crate::schema::walk_column_list(
                    ::core::stringify!($name),
                    <$table as $crate::schema::Table>::COLUMN_NAMES,
                    pass,
                );
                Ok(())
            }
        }

        impl $crate::query_source::SingleSource for $name {
            const QUALIFIER: &'static str = ::core::stringify!($name);
            type Table = $table;
        }
    };
}
