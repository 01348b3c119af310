//! The checks each clause makes on the expressions it is given. Each is one trait, so that a
//! mistake is reported in the terms of the clause it was made in.

use crate::expression::{AggKind, Ctx, NoGroup, NonAggregate, ValidIn};
use crate::sql_types::BoolLike;

/// `Self` may be used in `.filter(...)` of a query reading `F`.
#[diagnostic::on_unimplemented(
    message = "this `.filter(...)` condition uses a table that is not in the FROM clause of its query, or an aggregate function",
    label = "invalid WHERE condition",
    note = "a filter must be a boolean expression over the tables of this query's FROM clause, without aggregate functions; a subquery that uses a table of the enclosing query names it with `.correlate(table)`"
)]
pub trait ValidFilter<F, I> {}
impl<P, F, I> ValidFilter<F, I> for P
where
    P: ValidIn<Ctx<F, NoGroup>, I>,
    P::Agg: NonAggregate,
    P::SqlType: BoolLike,
{
}

/// `Self` may be selected from a query reading `F` with grouping state `G`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be selected here: it uses a table that is not in FROM, or a column neither grouped nor aggregated next to an aggregate or GROUP BY",
    label = "invalid select list",
    note = "every selected column must belong to a table of the FROM clause and, in a grouped query, appear in GROUP BY or inside an aggregate"
)]
pub trait ValidSelect<F, G, I> {
    /// The row type this selection produces in this query.
    type Row;
    /// Whether it is an aggregate, per-row, or constant.
    type Agg: AggKind;
}
impl<E, F, G, I> ValidSelect<F, G, I> for E
where
    E: ValidIn<Ctx<F, G>, I>,
{
    type Row = E::SqlType;
    type Agg = E::Agg;
}

/// `Self` may be used in `.order_by(...)`.
#[diagnostic::on_unimplemented(
    message = "this `.order_by(...)` uses a table that is not in the FROM clause, or, in a grouped query, a column neither grouped nor aggregated",
    label = "invalid ORDER BY",
    note = "ORDER BY may only use the tables of this query's FROM clause (and in a grouped query, grouped columns or aggregates)"
)]
pub trait ValidOrder<F, G, I> {
    /// Whether it is an aggregate, per-row, or constant.
    type Agg: AggKind;
}
impl<E, F, G, I> ValidOrder<F, G, I> for E
where
    E: ValidIn<Ctx<F, G>, I>,
{
    type Agg = E::Agg;
}

/// `Self` may be used in `.group_by(...)`.
#[diagnostic::on_unimplemented(
    message = "this `.group_by(...)` uses a table that is not in the FROM clause, or an aggregate function",
    label = "invalid GROUP BY",
    note = "GROUP BY takes columns or expressions of this query's tables, without aggregate functions"
)]
pub trait ValidGroupBy<F, I> {}
impl<E, F, I> ValidGroupBy<F, I> for E
where
    E: ValidIn<Ctx<F, NoGroup>, I>,
    E::Agg: NonAggregate,
{
}

/// `Self` may be used in `.having(...)`.
#[diagnostic::on_unimplemented(
    message = "this `.having(...)` condition uses a column that is neither in GROUP BY nor inside an aggregate, or a table that is not in FROM",
    label = "invalid HAVING condition",
    note = "HAVING takes a boolean expression over grouped columns and aggregates"
)]
pub trait ValidHaving<F, G, I> {}
impl<P, F, G, I> ValidHaving<F, G, I> for P
where
    P: ValidIn<Ctx<F, G>, I>,
    P::SqlType: BoolLike,
{
}
