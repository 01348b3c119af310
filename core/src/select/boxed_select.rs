use std::marker::PhantomData;

use crate::backend::Backend;
use crate::error::QueryResult;
use crate::expression::{AggCompatible, AggPlain, NoGroup};
use crate::query_builder::{AstPass, QueryFragment};
use crate::query_source::FromClause;
use crate::serialize::ToSql;
use crate::sql_types::BigInt;

use super::group_by_clause::GroupByClause;
use super::limit_offset_clause::{walk_limit_offset, LimitValue};
use super::order_clause::{NoOrder, OrderBy};
use super::select_clause::{SelectAgg, SelectRow};
use super::select_statement::{Query, SelectStatement, SelectWalk};
use super::validity::{ValidFilter, ValidOrder};
use super::where_clause::{NoWhere, Where};

/// A type-erased piece of SQL for backend `DB`.
pub struct BoxedFragment<'a, DB: Backend>(Box<dyn QueryFragment<DB> + 'a>);

impl<DB: Backend> std::fmt::Debug for BoxedFragment<'_, DB> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("BoxedFragment")
    }
}

impl<'a, DB: Backend> BoxedFragment<'a, DB> {
    fn new<T: QueryFragment<DB> + 'a>(t: T) -> Self {
        Self(Box::new(t))
    }
}

impl<DB: Backend> QueryFragment<DB> for BoxedFragment<'_, DB> {
    #[inline]
    fn walk_ast<'b>(&'b self, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
        self.0.walk_ast(pass)
    }
}

struct SelectOf<F, S>(F, S);

impl<DB: Backend, F: FromClause<DB>, S: SelectWalk<F, DB>> QueryFragment<DB> for SelectOf<F, S> {
    fn walk_ast<'b>(&'b self, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
        self.1.walk_select(&self.0, pass)
    }
}

/// A SELECT whose clauses are type-erased, so that filters and ordering can be chosen at run
/// time (in a loop, from user input) while still being checked against the query's tables.
///
/// Built by `.into_boxed()`. `F` keeps the sources (so `filter` is still checked), `ST` is the row
/// type, `G` the grouping state.
///
/// ```
/// # use quarry::prelude::*;
/// # quarry::table! { users (id) { id -> Integer, name -> Text, } }
/// # fn demo<DB: quarry::backend::Backend>(name: Option<&str>) where i64: quarry::serialize::ToSql<quarry::sql_types::BigInt, DB>, for<'x> &'x str: quarry::serialize::ToSql<quarry::sql_types::Text, DB> {
/// let mut q = users::table.into_boxed::<DB>();
/// if let Some(name) = name {
///     q = q.filter(users::name.eq(name));
/// }
/// q = q.then_order_by(users::id.desc());
/// # }
/// ```
pub struct BoxedSelectStatement<'a, F, ST, DB: Backend, G = NoGroup, SA = AggPlain> {
    from: F,
    select: BoxedFragment<'a, DB>,
    distinct: BoxedFragment<'a, DB>,
    where_: Option<BoxedFragment<'a, DB>>,
    order: Vec<BoxedFragment<'a, DB>>,
    limit: Option<i64>,
    offset: Option<i64>,
    group: BoxedFragment<'a, DB>,
    having: BoxedFragment<'a, DB>,
    locking: BoxedFragment<'a, DB>,
    _marker: PhantomData<(ST, G, SA)>,
}

impl<F, ST, DB: Backend, G, SA> std::fmt::Debug for BoxedSelectStatement<'_, F, ST, DB, G, SA> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BoxedSelectStatement").finish_non_exhaustive()
    }
}

impl<F, S, D, W, O, L, Of, G, H, Lk> SelectStatement<F, S, D, W, O, L, Of, G, H, Lk> {
    /// Erases the clause types, for queries assembled at run time. See [`BoxedSelectStatement`].
    #[allow(clippy::type_complexity)]
    pub fn into_boxed<'a, DB>(
        self,
    ) -> BoxedSelectStatement<'a, F, S::Row, DB, G::State, <S as SelectAgg<G>>::Agg>
    where
        DB: Backend,
        F: FromClause<DB> + Clone + 'a,
        S: SelectWalk<F, DB> + SelectRow<F, G> + SelectAgg<G> + 'a,
        D: QueryFragment<DB> + 'a,
        W: IntoBoxedWhere<'a, DB>,
        O: IntoBoxedOrder<'a, DB>,
        L: LimitValue,
        Of: LimitValue,
        G: GroupByClause + QueryFragment<DB> + 'a,
        H: QueryFragment<DB> + 'a,
        Lk: QueryFragment<DB> + 'a,
    {
        BoxedSelectStatement {
            select: BoxedFragment::new(SelectOf(self.from.clone(), self.select)),
            from: self.from,
            distinct: BoxedFragment::new(self.distinct),
            where_: self.where_.into_boxed_where(),
            order: self.order.into_boxed_order(),
            limit: self.limit.value().copied(),
            offset: self.offset.value().copied(),
            group: BoxedFragment::new(self.group),
            having: BoxedFragment::new(self.having),
            locking: BoxedFragment::new(self.locking),
            _marker: PhantomData,
        }
    }
}

/// A WHERE clause turned into an optional boxed predicate.
pub trait IntoBoxedWhere<'a, DB: Backend> {
    /// The predicate, if any.
    fn into_boxed_where(self) -> Option<BoxedFragment<'a, DB>>;
}
impl<'a, DB: Backend> IntoBoxedWhere<'a, DB> for NoWhere {
    fn into_boxed_where(self) -> Option<BoxedFragment<'a, DB>> {
        None
    }
}
impl<'a, DB: Backend, P: QueryFragment<DB> + 'a> IntoBoxedWhere<'a, DB> for Where<P> {
    fn into_boxed_where(self) -> Option<BoxedFragment<'a, DB>> {
        Some(BoxedFragment::new(self.0))
    }
}

/// An ORDER BY clause turned into a list of boxed terms.
pub trait IntoBoxedOrder<'a, DB: Backend> {
    /// The terms.
    fn into_boxed_order(self) -> Vec<BoxedFragment<'a, DB>>;
}
impl<'a, DB: Backend> IntoBoxedOrder<'a, DB> for NoOrder {
    fn into_boxed_order(self) -> Vec<BoxedFragment<'a, DB>> {
        Vec::new()
    }
}
impl<'a, DB: Backend, O: QueryFragment<DB> + 'a, A> IntoBoxedOrder<'a, DB> for OrderBy<O, A> {
    fn into_boxed_order(self) -> Vec<BoxedFragment<'a, DB>> {
        vec![BoxedFragment::new(self.0)]
    }
}

impl<'a, F, ST, DB: Backend, G, SA> BoxedSelectStatement<'a, F, ST, DB, G, SA> {
    /// Adds a WHERE condition with AND.
    pub fn filter<P: ValidFilter<F, I> + QueryFragment<DB> + 'a, I>(mut self, predicate: P) -> Self {
        self.where_ = Some(match self.where_.take() {
            None => BoxedFragment::new(predicate),
            Some(prev) => BoxedFragment::new(AndFragments(prev, predicate, " AND ", "", "")),
        });
        self
    }

    /// Adds a WHERE condition with OR.
    pub fn or_filter<P: ValidFilter<F, I> + QueryFragment<DB> + 'a, I>(mut self, predicate: P) -> Self {
        self.where_ = Some(match self.where_.take() {
            None => BoxedFragment::new(predicate),
            Some(prev) => BoxedFragment::new(AndFragments(prev, predicate, " OR ", "(", ")")),
        });
        self
    }

    /// Replaces ORDER BY.
    pub fn order_by<E: ValidOrder<F, G, I, Agg = A> + QueryFragment<DB> + 'a, I, A: AggCompatible<SA>>(
        mut self,
        order: E,
    ) -> Self {
        self.order = vec![BoxedFragment::new(order)];
        self
    }

    /// Appends to ORDER BY.
    pub fn then_order_by<
        E: ValidOrder<F, G, I, Agg = A> + QueryFragment<DB> + 'a,
        I,
        A: AggCompatible<SA>,
    >(
        mut self,
        order: E,
    ) -> Self {
        self.order.push(BoxedFragment::new(order));
        self
    }

    /// Sets LIMIT.
    pub fn limit(mut self, n: i64) -> Self {
        self.limit = Some(n);
        self
    }

    /// Sets OFFSET.
    pub fn offset(mut self, n: i64) -> Self {
        self.offset = Some(n);
        self
    }
}

struct AndFragments<A, B>(A, B, &'static str, &'static str, &'static str);
impl<DB: Backend, A: QueryFragment<DB>, B: QueryFragment<DB>> QueryFragment<DB> for AndFragments<A, B> {
    fn walk_ast<'b>(&'b self, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
        pass.push_sql(self.3);
        self.0.walk_ast(pass)?;
        pass.push_sql(self.2);
        self.1.walk_ast(pass)?;
        pass.push_sql(self.4);
        Ok(())
    }
}

impl<F, ST, DB: Backend, G, SA> Query for BoxedSelectStatement<'_, F, ST, DB, G, SA> {
    type SqlType = ST;
}

impl<F, ST, DB: Backend, G, SA> QueryFragment<DB> for BoxedSelectStatement<'_, F, ST, DB, G, SA>
where
    F: FromClause<DB>,
    i64: ToSql<BigInt, DB>,
{
    fn walk_ast<'b>(&'b self, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
        pass.mark_dynamic();
        pass.push_sql("SELECT ");
        self.distinct.walk_ast(pass)?;
        self.select.walk_ast(pass)?;
        pass.push_sql(" FROM ");
        self.from.walk_from(pass)?;
        if let Some(w) = &self.where_ {
            pass.push_sql(" WHERE ");
            w.walk_ast(pass)?;
        }
        self.group.walk_ast(pass)?;
        self.having.walk_ast(pass)?;
        for (i, o) in self.order.iter().enumerate() {
            pass.push_sql(if i == 0 { " ORDER BY " } else { ", " });
            o.walk_ast(pass)?;
        }
        walk_limit_offset(self.limit.as_ref(), self.offset.as_ref(), pass)?;
        self.locking.walk_ast(pass)
    }
}

impl<F, ST, DB: Backend, G, SA> super::query_dsl::LimitOne for BoxedSelectStatement<'_, F, ST, DB, G, SA> {
    type Out = Self;
    fn limit_one(self) -> Self {
        self.limit(1)
    }
}

impl<F, ST, DB: Backend, G, SA> super::query_dsl::AsQuery for BoxedSelectStatement<'_, F, ST, DB, G, SA> {
    type Query = Self;
    fn as_query(self) -> Self {
        self
    }
}

impl<F: crate::query_source::QuerySource, ST, DB: Backend, G, SA> super::select_statement::RunnableQuery
    for BoxedSelectStatement<'_, F, ST, DB, G, SA>
where
    F::Outer: super::select_statement::NotCorrelated,
{
}
