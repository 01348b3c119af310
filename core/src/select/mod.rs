//! The SELECT statement: a struct whose type changes as clauses are added, one module per clause.

mod boxed_select;
mod distinct_clause;
mod group_by_clause;
mod having_clause;
mod limit_offset_clause;
mod order_clause;
mod query_dsl;
mod select_clause;
mod select_statement;
mod validity;
mod where_clause;

pub use self::boxed_select::{BoxedFragment, BoxedSelectStatement, IntoBoxedOrder, IntoBoxedWhere};
pub use self::distinct_clause::{Distinct, NoDistinct};
pub use self::group_by_clause::{
    GroupBy, GroupByClause, IsGrouped, NoGroupBy, NotYetGrouped, NotYetOrdered, NotYetSelected,
};
pub use self::having_clause::{Having, NoHaving};
pub use self::limit_offset_clause::{Limit, NoLimit, NoOffset, Offset};
pub use self::order_clause::{NoOrder, OrderAgg, OrderBy, ThenOrderBy};
pub use self::query_dsl::{AsQuery, FindByKey, LimitOne, OrderAppend, QueryDsl};
pub use self::select_clause::{DefaultSelect, SelectAgg, SelectClause, SelectRow};
pub use self::select_statement::{
    NotCorrelated, Query, RunnableQuery, SelectStatement, SelectWalk, Subquery,
};
pub use self::validity::{ValidFilter, ValidGroupBy, ValidHaving, ValidOrder, ValidSelect};
pub use self::where_clause::{NoWhere, Where, WhereAnd};
