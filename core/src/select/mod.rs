//! The SELECT statement: a struct whose type changes as clauses are added, one module per clause.

/// Rebuilds a `SelectStatement` from `$s`, replacing the named fields (the others move over).
/// Changing a field changes its type parameter, so the struct is rebuilt rather than mutated.
macro_rules! rebuild {
    ($s:ident, $($field:ident : $value:expr),*) => {
        $crate::select::SelectStatement {
            from: rebuild!(@f $s from, $($field : $value),*),
            select: rebuild!(@f $s select, $($field : $value),*),
            distinct: rebuild!(@f $s distinct, $($field : $value),*),
            where_: rebuild!(@f $s where_, $($field : $value),*),
            order: rebuild!(@f $s order, $($field : $value),*),
            limit: rebuild!(@f $s limit, $($field : $value),*),
            offset: rebuild!(@f $s offset, $($field : $value),*),
            group: rebuild!(@f $s group, $($field : $value),*),
            having: rebuild!(@f $s having, $($field : $value),*),
            locking: rebuild!(@f $s locking, $($field : $value),*),
        }
    };
    (@f $s:ident $name:ident, $($field:ident : $value:expr),*) => {
        rebuild!(@pick $s $name [$($field : $value),*])
    };
    (@pick $s:ident $name:ident []) => { $s.$name };
    (@pick $s:ident from [from : $v:expr $(, $($rest:tt)*)?]) => { $v };
    (@pick $s:ident select [select : $v:expr $(, $($rest:tt)*)?]) => { $v };
    (@pick $s:ident distinct [distinct : $v:expr $(, $($rest:tt)*)?]) => { $v };
    (@pick $s:ident where_ [where_ : $v:expr $(, $($rest:tt)*)?]) => { $v };
    (@pick $s:ident order [order : $v:expr $(, $($rest:tt)*)?]) => { $v };
    (@pick $s:ident limit [limit : $v:expr $(, $($rest:tt)*)?]) => { $v };
    (@pick $s:ident offset [offset : $v:expr $(, $($rest:tt)*)?]) => { $v };
    (@pick $s:ident group [group : $v:expr $(, $($rest:tt)*)?]) => { $v };
    (@pick $s:ident having [having : $v:expr $(, $($rest:tt)*)?]) => { $v };
    (@pick $s:ident locking [locking : $v:expr $(, $($rest:tt)*)?]) => { $v };
    (@pick $s:ident $name:ident [$other:ident : $v:expr $(, $($rest:tt)*)?]) => {
        rebuild!(@pick $s $name [$($($rest)*)?])
    };
}

mod boxed_select;
mod distinct_clause;
mod distinct_on_clause;
mod group_by_clause;
mod having_clause;
mod limit_offset_clause;
mod locking_clause;
mod order_clause;
mod query_dsl;
mod select_clause;
mod select_statement;
mod validity;
mod where_clause;

pub use self::boxed_select::{BoxedFragment, BoxedSelectStatement, IntoBoxedOrder, IntoBoxedWhere};
pub use self::distinct_clause::{Distinct, NoDistinct};
pub use self::distinct_on_clause::{DistinctOn, ValidDistinctOn};
pub use self::group_by_clause::{
    GroupBy, GroupByClause, IsGrouped, NoGroupBy, NotYetGrouped, NotYetOrdered, NotYetSelected,
};
pub use self::having_clause::{Having, NoHaving};
pub use self::limit_offset_clause::{Limit, NoLimit, NoOffset, Offset};
pub use self::locking_clause::{
    ForKeyShare, ForNoKeyUpdate, ForShare, ForUpdate, LockStrength, LockWait, LockableDistinct,
    LockableGrouping, LockableSelection, Locking, NoLocking, NoWait, SkipLocked, WaitForLock,
};
pub use self::order_clause::{NoOrder, OrderAgg, OrderBy, ThenOrderBy};
pub use self::query_dsl::{AsQuery, FindByKey, LimitOne, OrderAppend, QueryDsl};
pub use self::select_clause::{DefaultSelect, SelectAgg, SelectClause, SelectRow};
pub use self::select_statement::{
    NotCorrelated, Query, RunnableQuery, SelectStatement, SelectWalk, Subquery,
};
pub use self::validity::{ValidFilter, ValidGroupBy, ValidHaving, ValidOrder, ValidSelect};
pub use self::where_clause::{NoWhere, Where, WhereAnd};
