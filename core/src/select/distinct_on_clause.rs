//! `SELECT DISTINCT ON (exprs)`: one row per distinct value of `exprs` (PostgreSQL).

use crate::backend::SupportsDistinctOn;
use crate::error::QueryResult;
use crate::expression::{AggCompatible, AggConst, AggKind, Asc, Ctx, Desc, Expression, ValidIn};
use crate::query_builder::{AstPass, QueryFragment};

use super::group_by_clause::GroupByClause;
use super::locking_clause::NoLocking;
use super::select_clause::SelectAgg;
use super::select_statement::SelectStatement;

/// `SELECT DISTINCT ON (exprs)`: keeps the first row of each set of rows whose `exprs` are
/// equal. Built by [`SelectStatement::distinct_on`]; compiles only for backends implementing
/// [`SupportsDistinctOn`] (PostgreSQL).
#[derive(Debug, Clone, Copy)]
pub struct DistinctOn<E>(pub(crate) E);

impl<DB: SupportsDistinctOn, E: QueryFragment<DB>> QueryFragment<DB> for DistinctOn<E> {
    fn walk_ast<'b>(&'b self, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
        pass.push_sql("DISTINCT ON (");
        self.0.walk_ast(pass)?;
        pass.push_sql(") ");
        Ok(())
    }
}

/// `Self` may be used in `.distinct_on(...)` of a query reading `F` with grouping state `G`:
/// the same rule as ORDER BY, but plain expressions only (no `.asc()` / `.desc()`).
#[diagnostic::on_unimplemented(
    message = "this `.distinct_on(...)` uses a table that is not in the FROM clause, an `.asc()`/`.desc()` term, or, in a grouped query, a column neither grouped nor aggregated",
    label = "invalid DISTINCT ON",
    note = "DISTINCT ON takes columns or expressions (or a tuple of them) of this query's FROM clause; put ASC/DESC in `.order_by(...)`"
)]
pub trait ValidDistinctOn<F, G, I> {
    /// Whether it is an aggregate, per-row, or constant.
    type Agg: AggKind;
}

impl<E, F, G, I> ValidDistinctOn<F, G, I> for E
where
    E: Expression + ValidIn<Ctx<F, G>, I>,
{
    type Agg = <E as ValidIn<Ctx<F, G>, I>>::Agg;
}

/// Never implemented: `.asc()` / `.desc()` terms are not DISTINCT ON expressions. The impls
/// below exist so that rustc reports such a term with [`ValidDistinctOn`]'s message rather than
/// as "not a column".
#[doc(hidden)]
pub trait OrderTermInDistinctOn {}

#[doc(hidden)]
#[derive(Debug)]
pub struct OrderTerm;

impl<E, F, G> ValidDistinctOn<F, G, OrderTerm> for Asc<E>
where
    Asc<E>: OrderTermInDistinctOn,
{
    type Agg = AggConst;
}

impl<E, F, G> ValidDistinctOn<F, G, OrderTerm> for Desc<E>
where
    Desc<E>: OrderTermInDistinctOn,
{
    type Agg = AggConst;
}

impl<F, S, D, W, O, L, Of, G: GroupByClause, H> SelectStatement<F, S, D, W, O, L, Of, G, H, NoLocking> {
    /// `SELECT DISTINCT ON (exprs)` (PostgreSQL only; other backends reject the query at compile
    /// time): of each set of rows with equal `exprs`, only the first is returned. `exprs` is a
    /// column, an expression or a tuple of them, checked against the FROM clause like ORDER BY.
    /// Replaces `.distinct()`.
    ///
    /// PostgreSQL requires ORDER BY to start with the DISTINCT ON expressions (which row is
    /// "first" is chosen by the rest of ORDER BY); that is not checked at compile time: the
    /// server rejects a query that breaks it ("SELECT DISTINCT ON expressions must match initial
    /// ORDER BY expressions").
    ///
    /// ```
    /// # use quarry::prelude::*;
    /// # quarry::table! { posts (id) { id -> Integer, user_id -> Integer, title -> Text, } }
    /// // The latest post of each user.
    /// let latest = posts::table
    ///     .select((posts::user_id, posts::title))
    ///     .distinct_on(posts::user_id)
    ///     .order_by((posts::user_id, posts::id.desc()));
    /// // SELECT DISTINCT ON ("posts"."user_id") "posts"."user_id", "posts"."title" FROM "posts"
    /// //   ORDER BY "posts"."user_id", "posts"."id" DESC
    /// # let _ = latest;
    /// ```
    pub fn distinct_on<E: ValidDistinctOn<F, G::State, I, Agg = A>, I, A: AggCompatible<S::Agg>>(
        self,
        exprs: E,
    ) -> SelectStatement<F, S, DistinctOn<E>, W, O, L, Of, G, H>
    where
        S: SelectAgg<G>,
    {
        rebuild!(self, distinct: DistinctOn(exprs))
    }
}
