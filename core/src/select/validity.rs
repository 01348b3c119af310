//! The checks each clause makes on the expressions it is given. Each is one trait, so that a
//! mistake is reported in the terms of the clause it was made in.

use crate::expression::{Ctx, NoGroup, NonAggregate, ValidIn};
use crate::sql_types::BoolLike;

/// `Self` may be used in `.filter(...)` of a query reading `F`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be used in `.filter(...)` here",
    label = "invalid WHERE condition",
    note = "a filter must be a boolean expression over the tables of this query's FROM clause, without aggregate functions"
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
    message = "`{Self}` cannot be selected here",
    label = "invalid select list",
    note = "every selected column must belong to a table of the FROM clause and, in a grouped query, appear in GROUP BY or inside an aggregate"
)]
pub trait ValidSelect<F, G, I> {
    /// The row type this selection produces in this query.
    type Row;
}
impl<E, F, G, I> ValidSelect<F, G, I> for E
where
    E: ValidIn<Ctx<F, G>, I>,
{
    type Row = E::SqlType;
}

/// `Self` may be used in `.order_by(...)`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be used in `.order_by(...)` here",
    label = "invalid ORDER BY",
    note = "ORDER BY may only use the tables of this query's FROM clause (and in a grouped query, grouped columns or aggregates)"
)]
pub trait ValidOrder<F, G, I> {}
impl<E, F, G, I> ValidOrder<F, G, I> for E where E: ValidIn<Ctx<F, G>, I> {}

/// `Self` may be used in `.group_by(...)`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be used in `.group_by(...)` here",
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
    message = "`{Self}` cannot be used in `.having(...)` here",
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
