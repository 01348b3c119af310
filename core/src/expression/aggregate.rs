//! Aggregate functions. Their argument is checked in the [`InAggregate`] state, so it may use
//! any column of the FROM clause, grouped or not, but not another aggregate.

use super::{AggGroup, AggregateAllowed, Ctx, Expression, InAggregate, ValidIn};
use crate::backend::{AggregateFunction, Backend};
use crate::error::QueryResult;
use crate::query_builder::{AstPass, QueryFragment};
use crate::sql_types::{BigInt, Nullable, Numeric, SqlType};

/// `COUNT(*)`
#[derive(Debug, Clone, Copy, Default)]
pub struct CountStar;

/// `COUNT(*)`: the number of rows (of each group).
///
/// ```
/// # use quarry::prelude::*;
/// # quarry::table! { users (id) { id -> Integer, name -> Text, } }
/// let q = users::table.select(count_star()); // SELECT COUNT(*) FROM "users"
/// # let _ = q;
/// ```
pub fn count_star() -> CountStar {
    CountStar
}

impl Expression for CountStar {
    type SqlType = BigInt;
}

impl<F, G: AggregateAllowed> ValidIn<Ctx<F, G>, ()> for CountStar {
    type SqlType = BigInt;
    type Agg = AggGroup;
}

impl<DB: Backend> QueryFragment<DB> for CountStar {
    fn walk_ast<'b>(&'b self, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
        pass.push_sql("COUNT(*)");
        Ok(())
    }
}

macro_rules! aggregate {
    ($($(#[$m:meta])* $name:ident $func:ident ($open:literal, $kind:expr) [$($bound:tt)*] fn<$($g:ident),+>($arg:ident = $build:expr, $($fn_bound:tt)*) => |$st:ident| $out:ty;)*) => {$(
        $(#[$m])*
        #[derive(Debug, Clone, Copy)]
        pub struct $name<E>(pub(crate) E);

        $(#[$m])*
        pub fn $func<$($g),+>(expr: E) -> $name<$arg>
        where
            E: Expression,
            E::SqlType: $($fn_bound)*,
        {
            $name(($build)(expr))
        }

        impl<E: Expression> Expression for $name<E>
        where
            E::SqlType: $($bound)*,
        {
            type SqlType = aggregate!(@out E::SqlType, $st, $out);
        }

        impl<E, F, G: AggregateAllowed, I> ValidIn<Ctx<F, G>, I> for $name<E>
        where
            E: ValidIn<Ctx<F, InAggregate>, I>,
            <E as ValidIn<Ctx<F, InAggregate>, I>>::SqlType: $($bound)*,
        {
            type SqlType = aggregate!(@out <E as ValidIn<Ctx<F, InAggregate>, I>>::SqlType, $st, $out);
            type Agg = AggGroup;
        }

        impl<DB: Backend, E: QueryFragment<DB> + Expression> QueryFragment<DB> for $name<E>
        where
            E::SqlType: SqlType,
        {
            fn walk_ast<'b>(&'b self, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
                let kind: Option<AggregateFunction> = $kind;
                let cast = kind.and_then(|f| DB::aggregate_result_cast(f, <E::SqlType as SqlType>::KIND));
                if cast.is_some() {
                    pass.push_sql("CAST(");
                }
                pass.push_sql($open);
                self.0.walk_ast(pass)?;
                pass.push_sql(")");
                if let Some(type_name) = cast {
                    pass.push_sql(" AS ");
                    pass.push_sql(type_name);
                    pass.push_sql(")");
                }
                Ok(())
            }
        }
    )*};
    (@out $arg:ty, $st:ident, $out:ty) => { $st<$arg> };
}

/// The type of `COUNT(x)`.
pub type CountOut<X> = <X as CountArg>::Out;
/// The type of `SUM(x)`: nullable (NULL for no rows).
pub type SumOut<X> = Nullable<<X as Numeric>::Sum>;
/// The type of `AVG(x)`.
pub type AvgOut<X> = Nullable<<X as Numeric>::Avg>;
/// The type of `MIN(x)` / `MAX(x)`: nullable (NULL for no rows).
pub type MinMaxOut<X> = Nullable<<X as SqlType>::NotNull>;

/// Any SQL type can be counted.
pub trait CountArg {
    /// Always `BigInt`.
    type Out;
}
impl<T: SqlType> CountArg for T {
    type Out = BigInt;
}

// Each line: the node, its function, its SQL, the bound on the argument's SQL type in the node's
// impls, the function's generics with its node's type argument and the bound in the function,
// and the result type. `sum` and `avg` take their argument through `Numeric::Keep` (`A` is `E`):
// a non-numeric argument then leaves the node's type unresolved, so the mistake is reported once,
// at the call, not again in every clause the aggregate reaches.
aggregate! {
    /// `COUNT(expr)`: the number of non-NULL values.
    Count count ("COUNT(", None) [SqlType] fn<E>(E = ::core::convert::identity, SqlType) => |CountOut| BigInt;
    /// `COUNT(DISTINCT expr)`
    CountDistinct count_distinct ("COUNT(DISTINCT ", None) [SqlType] fn<E>(E = ::core::convert::identity, SqlType) => |CountOut| BigInt;
    /// `SUM(expr)`: NULL for no rows, so its type is nullable.
    Sum sum ("SUM(", Some(AggregateFunction::Sum)) [Numeric] fn<E, A>(A = <E::SqlType as Numeric>::keep, Numeric<Keep<E> = A>) => |SumOut| Sum;
    /// `AVG(expr)`: a nullable `Double`.
    Avg avg ("AVG(", Some(AggregateFunction::Avg)) [Numeric] fn<E, A>(A = <E::SqlType as Numeric>::keep, Numeric<Keep<E> = A>) => |AvgOut| Avg;
    /// `MIN(expr)`: nullable.
    Min min ("MIN(", None) [SqlType] fn<E>(E = ::core::convert::identity, SqlType) => |MinMaxOut| MinMax;
    /// `MAX(expr)`: nullable.
    Max max ("MAX(", None) [SqlType] fn<E>(E = ::core::convert::identity, SqlType) => |MinMaxOut| MinMax;
}
