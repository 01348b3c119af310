use crate::backend::Backend;
use crate::error::QueryResult;
use crate::expression::{Grouped, NoGroup};
use crate::query_builder::{AstPass, QueryFragment};

use super::order_clause::NoOrder;
use super::select_clause::DefaultSelect;

/// No GROUP BY.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoGroupBy;

/// `GROUP BY exprs`.
#[derive(Debug, Clone, Copy)]
pub struct GroupBy<G>(pub(crate) G);

/// The grouping state a GROUP BY clause puts its query in.
pub trait GroupByClause {
    /// [`NoGroup`] or [`Grouped`].
    type State;
}
impl GroupByClause for NoGroupBy {
    type State = NoGroup;
}
impl<G> GroupByClause for GroupBy<G> {
    type State = Grouped<G>;
}

/// A query with a GROUP BY clause (required by `.having(...)`).
#[diagnostic::on_unimplemented(
    message = "`.having(...)` requires a GROUP BY clause",
    label = "HAVING without GROUP BY",
    note = "call `.group_by(...)` before `.having(...)`, or use `.filter(...)` to filter rows"
)]
pub trait IsGrouped {}
#[diagnostic::do_not_recommend]
impl<G> IsGrouped for GroupBy<G> {}

/// `.group_by(...)` comes before `.select(...)`, so that the select list is checked against it.
#[diagnostic::on_unimplemented(
    message = "call `.group_by(...)` before `.select(...)`",
    label = "this query already has a select list",
    note = "the select list of a grouped query is checked against its GROUP BY clause"
)]
pub trait NotYetSelected {}
// The impls of these marker traits are `do_not_recommend`: rustc then does not list them under an
// error ("the following other types implement ..."), which names internal types, not the mistake.
#[diagnostic::do_not_recommend]
impl NotYetSelected for DefaultSelect {}

/// `.group_by(...)` comes before `.order_by(...)`, so that the ordering is checked against it.
#[diagnostic::on_unimplemented(
    message = "call `.group_by(...)` before `.order_by(...)`",
    label = "this query is already ordered"
)]
pub trait NotYetOrdered {}
#[diagnostic::do_not_recommend]
impl NotYetOrdered for NoOrder {}

/// `.group_by(...)` may be called only once.
#[diagnostic::on_unimplemented(
    message = "this query is already grouped: give all GROUP BY expressions in one `.group_by((a, b))`"
)]
pub trait NotYetGrouped {}
#[diagnostic::do_not_recommend]
impl NotYetGrouped for NoGroupBy {}

impl<DB: Backend> QueryFragment<DB> for NoGroupBy {
    #[inline]
    fn walk_ast<'b>(&'b self, _: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
        Ok(())
    }
}

impl<DB: Backend, G: QueryFragment<DB>> QueryFragment<DB> for GroupBy<G> {
    #[inline]
    fn walk_ast<'b>(&'b self, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
        pass.push_sql(" GROUP BY ");
        self.0.walk_ast(pass)
    }
}
