use crate::backend::Backend;
use crate::error::QueryResult;
use crate::expression::{AggGroup, AggKind, AggPlain, Expression, Grouped, InAggregate, NoGroup};
use crate::query_builder::{AstPass, QueryFragment};
use crate::query_source::{FindSource, SingleSource};
use crate::sql_types::SqlType;
use crate::type_level::{At, Here, TBool};

use super::Table;

/// A column of a table declared with the schema macro.
#[diagnostic::on_unimplemented(
    message = "mismatched types: `{Self}` is not a column, a SQL expression, or a Rust value of the SQL type expected here; `excluded(...)` is valid only in an upsert's `.do_update().set(...)`",
    label = "expected a column, an expression, or a value of the expected SQL type",
    note = "a Rust value stands for the SQL type it is compared with or assigned to: i16/i32/i64 for SmallInt/Integer/BigInt, f32/f64 for Float/Double, &str/String for Text, bool for Bool, and `Option<_>` only where that SQL type is nullable; use `.cast::<T>()` to convert between SQL types"
)]
pub trait Column: Copy + Default + 'static {
    /// The table it belongs to.
    type Table: Table;
    /// Its SQL type (`Nullable<_>` when it accepts NULL).
    type SqlType: SqlType;
    /// Its SQL name.
    const NAME: &'static str;
    /// Its position among the table's columns.
    const INDEX: usize;
}

#[diagnostic::do_not_recommend]
impl<C: Column> Expression for C {
    type SqlType = C::SqlType;
}

/// Where the column `Self` may appear: its table is one of the query's sources `F` (found at
/// index `I`), and in a grouped query (`G`), it is a member of GROUP BY. The grouping state comes
/// last and defaults to [`NoGroup`] so that the compiler's notes print the common case short
/// (`ColumnIn<users::table, _>`). Each column
/// implements [`ValidIn`](crate::expression::ValidIn) through this trait (see
/// [`__impl_column_valid_in!`](crate::__impl_column_valid_in)), one impl per column rather than
/// one blanket impl over all columns, so that a mistake in a larger expression is traced down to
/// the column and table at fault.
#[doc(hidden)]
pub trait ColumnIn<F, I, G = NoGroup> {
    /// The column's type here (nullable on the optional side of an outer join).
    type SqlType;
    /// Per-row, or a GROUP BY member.
    type Agg: AggKind;
}

impl<C: Column, F, I> ColumnIn<F, I, NoGroup> for C
where
    F: FindSource<C::Table, I>,
{
    type SqlType = <F::Nullable as TBool>::Nullify<C::SqlType>;
    type Agg = AggPlain;
}

impl<C: Column, F, I> ColumnIn<F, I, InAggregate> for C
where
    F: FindSource<C::Table, I>,
{
    type SqlType = <F::Nullable as TBool>::Nullify<C::SqlType>;
    type Agg = AggPlain;
}

impl<C: Column, F, G, I, J> ColumnIn<F, (I, J), Grouped<G>> for C
where
    F: FindSource<C::Table, I>,
    G: GroupContains<C, J>,
{
    type SqlType = <F::Nullable as TBool>::Nullify<C::SqlType>;
    type Agg = AggGroup;
}

/// Implements [`ValidIn`](crate::expression::ValidIn) for a column type (emitted by the schema macro for each column).
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_column_valid_in {
    ($ty:ty) => {
        impl<__F, __G, __I> $crate::expression::ValidIn<$crate::expression::Ctx<__F, __G>, __I> for $ty
        where
            Self: $crate::schema::ColumnIn<__F, __I, __G>,
        {
            type SqlType = <Self as $crate::schema::ColumnIn<__F, __I, __G>>::SqlType;
            type Agg = <Self as $crate::schema::ColumnIn<__F, __I, __G>>::Agg;
        }
    };
}

impl<C: Column, DB: Backend> QueryFragment<DB> for C {
    #[inline]
    fn walk_ast<'b>(&'b self, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
        pass.push_identifier(<C::Table as SingleSource>::QUALIFIER);
        pass.push_sql(".");
        pass.push_identifier(C::NAME);
        Ok(())
    }
}

/// The GROUP BY list `Self` contains the column `C`.
#[diagnostic::on_unimplemented(
    message = "column `{C}` must appear in GROUP BY or be used inside an aggregate function",
    label = "neither grouped nor aggregated",
    note = "add it to `.group_by(...)`, or wrap it in an aggregate such as `max(...)` or `count(...)`"
)]
pub trait GroupContains<C, J> {}

impl<C> GroupContains<C, Here> for C {}

macro_rules! group_tuple {
    ($types:tt ; $($n:tt $X:ident),+) => {
        $(group_tuple!(@one $types $n $X);)+
    };
    (@one [$($T:ident),+] $n:tt $X:ident) => {
        #[diagnostic::do_not_recommend]
        impl<__C, __J, $($T),+> GroupContains<__C, At<$n, __J>> for ($($T,)+) where $X: GroupContains<__C, __J> {}
    };
}
group_tuple!([A]; 0 A);
group_tuple!([A, B]; 0 A, 1 B);
group_tuple!([A, B, C]; 0 A, 1 B, 2 C);
group_tuple!([A, B, C, D]; 0 A, 1 B, 2 C, 3 D);
group_tuple!([A, B, C, D, E]; 0 A, 1 B, 2 C, 3 D, 4 E);
group_tuple!([A, B, C, D, E, F]; 0 A, 1 B, 2 C, 3 D, 4 E, 5 F);
group_tuple!([A, B, C, D, E, F, G]; 0 A, 1 B, 2 C, 3 D, 4 E, 5 F, 6 G);
group_tuple!([A, B, C, D, E, F, G, H]; 0 A, 1 B, 2 C, 3 D, 4 E, 5 F, 6 G, 7 H);
