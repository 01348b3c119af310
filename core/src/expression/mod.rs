//! Typed SQL expressions.
//!
//! Every expression is a value whose type carries its SQL type ([`Expression::SqlType`]). Whether
//! an expression may be used in a given query is a second, separate question answered by
//! [`ValidIn`]: are its columns' tables in the FROM clause, does it respect GROUP BY, may it be an
//! aggregate here. Answering it also yields the expression's type *in that query* (columns of the
//! right side of a LEFT JOIN become nullable).

mod aggregate;
mod arithmetic;
mod array_ops;
mod between;
mod bound;
mod case_when;
mod cast;
mod comparison;
mod concat;
mod ilike;
mod in_list;
mod is_null;
mod json_ops;
mod logical;
mod nullable;
mod order;
mod subquery;

pub use self::aggregate::{avg, count, count_distinct, count_star, max, min, sum};
pub use self::aggregate::{Avg, Count, CountDistinct, CountStar, Max, Min, Sum};
pub use self::arithmetic::{Add, ArithmeticRhs, Div, Mul, Sub};
pub use self::array_ops::{
    ArrayContainedBy, ArrayContains, ArrayLike, ArrayOverlaps, EqAnyArray, EqAnyArrayType,
};
pub use self::between::{Between, NotBetween};
pub use self::bound::{AsExpression, Bound, HasBase, IntoExpression};
pub use self::case_when::{case_when, CaseWhen, NoElse, When, WhenChain};
pub use self::cast::Cast;
pub use self::comparison::{Eq, Gt, GtEq, Like, Lt, LtEq, NotEq, NotLike};
pub use self::concat::Concat;
pub use self::ilike::{ILike, NotILike};
pub use self::in_list::{EqAny, NeAll};
pub use self::is_null::{IsNotNull, IsNull};
pub use self::json_ops::{JsonGet, JsonGetText, JsonKey, JsonKeyType, JsonLike, JsonbContains, JsonbLike};
pub use self::logical::{And, Not, Or, Parenthesized};
pub use self::nullable::AsNullable;
pub use self::order::{Asc, Desc};
pub use self::subquery::{
    exists, not_exists, Exists, InSubquery, NotExists, NotInSubquery, ScalarSubquery, SingleColumn,
    SubqueryColumnOf,
};

use std::marker::PhantomData;

/// A typed SQL expression.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a SQL expression",
    label = "expected a column, a SQL expression or a value",
    note = "Rust values become SQL values where a column is compared or assigned, e.g. `users::name.eq(\"Ada\")`"
)]
pub trait Expression {
    /// The SQL type of the expression's value.
    type SqlType: 'static;
}

/// The context an expression is checked in: the query's sources `F` and its grouping state `G`
/// ([`NoGroup`], [`Grouped`] or [`InAggregate`]).
#[derive(Debug)]
pub struct Ctx<F, G>(PhantomData<(F, G)>);

/// Grouping state: the query has no GROUP BY.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoGroup;
/// Grouping state: the query is grouped by `G` (a column, expression or tuple of them).
#[derive(Debug, Clone, Copy, Default)]
pub struct Grouped<G>(PhantomData<G>);
/// Grouping state: inside the argument of an aggregate function.
#[derive(Debug, Clone, Copy, Default)]
pub struct InAggregate;

/// A grouping state in which an aggregate function may appear (not inside another aggregate).
#[diagnostic::on_unimplemented(message = "aggregate functions cannot be nested")]
pub trait AggregateAllowed {}
impl AggregateAllowed for NoGroup {}
impl<G> AggregateAllowed for Grouped<G> {}

/// An expression that may be used in a query whose sources and grouping are `C` (a [`Ctx`]).
///
/// `I` is an index type inferred by rustc: where each column's table was found among the
/// query's sources. Users never name it.
#[diagnostic::on_unimplemented(
    message = "`{Self}` does not fit this query: it uses a table that is not in FROM, a column neither grouped nor aggregated next to an aggregate or GROUP BY, a nested aggregate, a multi-column subquery as a value, or `excluded(...)` of a column of another table than the upsert's",
    label = "not valid in this query",
    note = "every column must belong to a table of the FROM clause (join it first, or `.correlate(...)` a subquery with it); once a query has an aggregate or `.group_by(...)`, every other column must be in GROUP BY or inside an aggregate; aggregates cannot contain aggregates; `.single_value()` needs a subquery selecting one column; in an upsert, `excluded(column)` takes a column of the table inserted into"
)]
pub trait ValidIn<C, I> {
    /// The expression's SQL type in this query (nullable if it reads the right side of a LEFT JOIN).
    type SqlType;
    /// Whether the expression is an aggregate, a plain per-row value, or a constant.
    type Agg: AggKind;
}

/// Aggregate kind of an expression.
pub trait AggKind {}
/// A constant: valid anywhere.
#[derive(Debug)]
pub struct AggConst;
/// A per-row value outside GROUP BY.
#[derive(Debug)]
pub struct AggPlain;
/// An aggregate, or a grouped column: a per-group value.
#[derive(Debug)]
pub struct AggGroup;
/// An expression that mixes plain columns and aggregates without GROUP BY: valid in no clause.
#[derive(Debug)]
pub struct AggMixed;
impl AggKind for AggConst {}
impl AggKind for AggPlain {}
impl AggKind for AggGroup {}
impl AggKind for AggMixed {}

/// Aggregate kinds allowed in RETURNING: RETURNING reads each written row.
#[diagnostic::on_unimplemented(
    message = "aggregate functions are not allowed in `.returning(...)`",
    label = "RETURNING gives values of each written row",
    note = "return the columns and aggregate them in Rust, or run a SELECT afterwards"
)]
pub trait NotAggregateInReturning {}
// The impls of these marker traits are `do_not_recommend`: rustc then does not list them under an
// error ("the following other types implement ..."), which names internal types, not the mistake.
#[diagnostic::do_not_recommend]
impl NotAggregateInReturning for AggConst {}
#[diagnostic::do_not_recommend]
impl NotAggregateInReturning for AggPlain {}

/// Combining the aggregate kinds of two sub-expressions. Total: a plain column next to an
/// aggregate combines to [`AggMixed`], which no clause accepts ([`AggCompatible`] is the check).
/// The mix is reported once, where the clause takes the expression, rather than at every node
/// between the mistake and the clause.
pub trait CombineAgg<Other> {
    /// The combined kind.
    type Out: AggKind;
}
impl<K: AggKind> CombineAgg<K> for AggConst {
    type Out = K;
}
impl CombineAgg<AggConst> for AggPlain {
    type Out = AggPlain;
}
impl CombineAgg<AggPlain> for AggPlain {
    type Out = AggPlain;
}
impl CombineAgg<AggGroup> for AggPlain {
    type Out = AggMixed;
}
impl CombineAgg<AggMixed> for AggPlain {
    type Out = AggMixed;
}
impl CombineAgg<AggConst> for AggGroup {
    type Out = AggGroup;
}
impl CombineAgg<AggGroup> for AggGroup {
    type Out = AggGroup;
}
impl CombineAgg<AggPlain> for AggGroup {
    type Out = AggMixed;
}
impl CombineAgg<AggMixed> for AggGroup {
    type Out = AggMixed;
}
impl<K: AggKind> CombineAgg<K> for AggMixed {
    type Out = AggMixed;
}

/// Aggregate kinds that may stand together in one query: the kind `Self` of a clause (the select
/// list, ORDER BY, DISTINCT ON) next to the kind `Other` of the query's other clauses. A plain
/// column next to an aggregate without GROUP BY fails here, as does an expression that already
/// mixes them ([`AggMixed`]).
#[diagnostic::on_unimplemented(
    message = "cannot mix aggregate functions and plain columns without GROUP BY",
    label = "aggregate and non-aggregate expressions mixed here",
    note = "add `.group_by(...)` with the plain columns, or wrap them in an aggregate such as `max(...)`"
)]
pub trait AggCompatible<Other> {}
// Every impl is `do_not_recommend`: rustc then lists none of them as "the trait is implemented
// for `AggConst`", which would name an internal type instead of the mistake.
#[diagnostic::do_not_recommend]
impl AggCompatible<AggConst> for AggConst {}
#[diagnostic::do_not_recommend]
impl AggCompatible<AggPlain> for AggConst {}
#[diagnostic::do_not_recommend]
impl AggCompatible<AggGroup> for AggConst {}
#[diagnostic::do_not_recommend]
impl AggCompatible<AggConst> for AggPlain {}
#[diagnostic::do_not_recommend]
impl AggCompatible<AggPlain> for AggPlain {}
#[diagnostic::do_not_recommend]
impl AggCompatible<AggConst> for AggGroup {}
#[diagnostic::do_not_recommend]
impl AggCompatible<AggGroup> for AggGroup {}

/// Combined aggregate kind of `A` and `B`.
pub type Combined<A, B> = <A as CombineAgg<B>>::Out;

/// Aggregate kinds allowed in WHERE, ON and GROUP BY: no aggregate functions.
#[diagnostic::on_unimplemented(
    message = "aggregate functions are not allowed in `.filter(...)` (WHERE), `.group_by(...)` or a join's `.on(...)`",
    label = "aggregate used in WHERE, ON or GROUP BY",
    note = "to filter on an aggregate, use `.having(...)` after `.group_by(...)`"
)]
pub trait NonAggregate {}
#[diagnostic::do_not_recommend]
impl NonAggregate for AggConst {}
#[diagnostic::do_not_recommend]
impl NonAggregate for AggPlain {}

/// Implements [`ValidIn`] for an expression node with the given sub-expressions, whose
/// type in context is `$st` (computed from the children's types in context with `ctx_ty!`).
macro_rules! valid_in_node {
    // one child
    (impl[$($g:ident),*] $node:ty, $a:ident => $st:ty $(, where $($w:tt)*)?) => {
        // The child's type and aggregate kind are parameters bound by `SqlType = __SA, Agg = __AA`
        // (not projections `<$a as ValidIn<..>>::SqlType`): with the index `__IA` still unknown
        // when a child is invalid, a projection would be reported a second time.
        impl<$($g,)* __C, __IA, __SA, __AA> $crate::expression::ValidIn<__C, __IA> for $node
        where
            $a: $crate::expression::ValidIn<__C, __IA, SqlType = __SA, Agg = __AA>,
            __AA: $crate::expression::AggKind,
            $($($w)*)?
        {
            type SqlType = $st;
            type Agg = __AA;
        }
    };
    // two children
    (impl[$($g:ident),*] $node:ty, $a:ident, $b:ident => $st:ty $(, where $($w:tt)*)?) => {
        impl<$($g,)* __C, __IA, __IB, __SA, __SB, __AA, __AB> $crate::expression::ValidIn<__C, (__IA, __IB)>
            for $node
        where
            $a: $crate::expression::ValidIn<__C, __IA, SqlType = __SA, Agg = __AA>,
            $b: $crate::expression::ValidIn<__C, __IB, SqlType = __SB, Agg = __AB>,
            __AA: $crate::expression::CombineAgg<__AB>,
            $($($w)*)?
        {
            type SqlType = $st;
            type Agg = $crate::expression::Combined<__AA, __AB>;
        }
    };
}
pub(crate) use valid_in_node;

/// The type in context of child `$a` (used inside `valid_in_node!`): the parameter its impl binds
/// to the child's `SqlType`.
macro_rules! ctx_ty {
    ($a:ident, __IA) => {
        __SA
    };
    ($a:ident, __IB) => {
        __SB
    };
}
pub(crate) use ctx_ty;

/// Folds the aggregate kinds of a nested pair list `(A, (B, (C, ())))`.
pub trait FoldAgg {
    /// The combined kind.
    type Out: AggKind;
}
impl FoldAgg for () {
    type Out = AggConst;
}
impl<H: CombineAgg<T::Out>, T: FoldAgg> FoldAgg for (H, T) {
    type Out = Combined<H, T::Out>;
}

// Tuples: a select list, a GROUP BY list or an ORDER BY list.
macro_rules! tuple_impls {
    ($($T:ident $I:ident $n:tt),+) => {
        impl<$($T: Expression),+> Expression for ($($T,)+) {
            type SqlType = ($($T::SqlType,)+);
        }

        impl<__C, $($T, $I),+> ValidIn<__C, ($($I,)+)> for ($($T,)+)
        where
            $($T: ValidIn<__C, $I>,)+
            tuple_impls!(@list __C; $($T $I),+): FoldAgg,
        {
            type SqlType = ($(<$T as ValidIn<__C, $I>>::SqlType,)+);
            type Agg = <tuple_impls!(@list __C; $($T $I),+) as FoldAgg>::Out;
        }

        impl<__DB: $crate::backend::Backend, $($T: $crate::query_builder::QueryFragment<__DB>),+>
            $crate::query_builder::QueryFragment<__DB> for ($($T,)+)
        {
            #[inline]
            fn walk_ast<'b>(&'b self, pass: &mut $crate::query_builder::AstPass<'_, 'b, __DB>) -> $crate::error::QueryResult<()> {
                $(
                    if $n != 0 { pass.push_sql(", "); }
                    self.$n.walk_ast(pass)?;
                )+
                Ok(())
            }
        }

    };
    (@list $c:ident; $T:ident $I:ident) => { (<$T as ValidIn<$c, $I>>::Agg, ()) };
    (@list $c:ident; $T:ident $I:ident, $($rest:tt)+) => {
        (<$T as ValidIn<$c, $I>>::Agg, tuple_impls!(@list $c; $($rest)+))
    };
}

tuple_impls!(A IA 0);
tuple_impls!(A IA 0, B IB 1);
tuple_impls!(A IA 0, B IB 1, C IC 2);
tuple_impls!(A IA 0, B IB 1, C IC 2, D ID 3);
tuple_impls!(A IA 0, B IB 1, C IC 2, D ID 3, E IE 4);
tuple_impls!(A IA 0, B IB 1, C IC 2, D ID 3, E IE 4, F IF 5);
tuple_impls!(A IA 0, B IB 1, C IC 2, D ID 3, E IE 4, F IF 5, G IG 6);
tuple_impls!(A IA 0, B IB 1, C IC 2, D ID 3, E IE 4, F IF 5, G IG 6, H IH 7);
tuple_impls!(A IA 0, B IB 1, C IC 2, D ID 3, E IE 4, F IF 5, G IG 6, H IH 7, J IJ 8);
tuple_impls!(A IA 0, B IB 1, C IC 2, D ID 3, E IE 4, F IF 5, G IG 6, H IH 7, J IJ 8, K IK 9);
tuple_impls!(A IA 0, B IB 1, C IC 2, D ID 3, E IE 4, F IF 5, G IG 6, H IH 7, J IJ 8, K IK 9, L IL 10);
tuple_impls!(A IA 0, B IB 1, C IC 2, D ID 3, E IE 4, F IF 5, G IG 6, H IH 7, J IJ 8, K IK 9, L IL 10, M IM 11);
