use crate::backend::Backend;
use crate::error::QueryResult;
use crate::expression::{Ctx, Eq, NoGroup, NonAggregate, ValidIn};
use crate::query_builder::{AstPass, QueryFragment};
use crate::schema::Column;
use crate::sql_types::AssignableTo;

/// One `column = value` of an UPDATE's SET list, for table `T`. Built with `column.eq(value)`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an assignment to a column of `{T}`",
    label = "expected `column.eq(value)` for a column of the table being updated",
    note = "UPDATE can only set columns of its own table, to values of the column's SQL type"
)]
pub trait Assignment<T, I> {}

/// The SQL of an assignment for backend `DB`.
pub trait AssignmentFragment<DB: Backend> {
    /// Writes `"column" = value`.
    fn walk_assign<'b>(&'b self, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()>;
}

impl<C, V, S, I> Assignment<S, I> for Eq<C, V>
where
    S: AssignmentTarget,
    C: Column,
    C::Table: SameTable<S::Table>,
    V: ValidIn<Ctx<S, NoGroup>, I>,
    V::Agg: NonAggregate,
    V::SqlType: AssignableTo<C::SqlType>,
{
}

/// What an assignment's values are checked against: a table (UPDATE) or the row of an upsert
/// (where `excluded(column)` is also available).
pub trait AssignmentTarget {
    /// The table whose columns are assigned.
    type Table;
}
impl<T: crate::schema::Table> AssignmentTarget for T {
    type Table = T;
}
impl<T> AssignmentTarget for super::upsert::UpsertSource<T> {
    type Table = T;
}

/// The column's table is the statement's table.
#[diagnostic::on_unimplemented(
    message = "a column of `{Self}` cannot be assigned in a statement on `{T}`",
    label = "column of another table",
    note = "INSERT, UPDATE and upserts can only set columns of the table they write to"
)]
pub trait SameTable<T> {}
impl<T> SameTable<T> for T {}

impl<DB: Backend, C: Column, V: QueryFragment<DB>> AssignmentFragment<DB> for Eq<C, V> {
    #[inline]
    fn walk_assign<'b>(&'b self, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
        pass.push_identifier(C::NAME);
        pass.push_sql(" = ");
        self.right.walk_ast(pass)
    }
}

impl<DB: Backend, A: AssignmentFragment<DB> + ?Sized> AssignmentFragment<DB> for &A {
    #[inline]
    fn walk_assign<'b>(&'b self, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
        (**self).walk_assign(pass)
    }
}

/// A SET list: one assignment or a tuple of them.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a list of assignments to columns of `{T}`",
    label = "expected `column.eq(value)` or a tuple of them, for columns of the table being updated",
    note = "UPDATE can only set columns of its own table, to values of the column's SQL type; a struct deriving `AsChangeset` sets columns of the table named in its `#[quarry(table = ...)]`"
)]
pub trait AssignmentList<T, I> {}

impl<T, I, C, V> AssignmentList<T, I> for Eq<C, V> where Eq<C, V>: Assignment<T, I> {}

macro_rules! assignment_tuples {
    ($($A:ident $I:ident $n:tt),+) => {
        impl<T, $($A: Assignment<T, $I>, $I),+> AssignmentList<T, ($($I,)+)> for ($($A,)+) {}

        impl<DB: Backend, $($A: AssignmentFragment<DB>),+> AssignmentFragment<DB> for ($($A,)+) {
            #[inline]
            fn walk_assign<'b>(&'b self, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
                $(
                    if $n != 0 { pass.push_sql(", "); }
                    self.$n.walk_assign(pass)?;
                )+
                Ok(())
            }
        }
    };
}

assignment_tuples!(A IA 0);
assignment_tuples!(A IA 0, B IB 1);
assignment_tuples!(A IA 0, B IB 1, C IC 2);
assignment_tuples!(A IA 0, B IB 1, C IC 2, D ID 3);
assignment_tuples!(A IA 0, B IB 1, C IC 2, D ID 3, E IE 4);
assignment_tuples!(A IA 0, B IB 1, C IC 2, D ID 3, E IE 4, F IF 5);
assignment_tuples!(A IA 0, B IB 1, C IC 2, D ID 3, E IE 4, F IF 5, G IG 6);
assignment_tuples!(A IA 0, B IB 1, C IC 2, D ID 3, E IE 4, F IF 5, G IG 6, H IH 7);
