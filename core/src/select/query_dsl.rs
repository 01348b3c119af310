use crate::expression::{
    AggCompatible, AggConst, AggGroup, AggPlain, And, AsExpression, CombineAgg, Combined, CountStar, Eq,
    NoGroup, ScalarSubquery,
};
use crate::query_source::{Correlated, QuerySource, SingleSource};
use crate::schema::{Column, Table};
use crate::sql_types::BigInt;

use super::distinct_clause::{Distinct, NoDistinct};
use super::distinct_on_clause::{DistinctOn, ValidDistinctOn};
use super::group_by_clause::{
    GroupBy, GroupByClause, IsGrouped, NoGroupBy, NotYetGrouped, NotYetOrdered, NotYetSelected,
};
use super::having_clause::{Having, NoHaving};
use super::limit_offset_clause::{Limit, NoLimit, NoOffset, Offset};
use super::locking_clause::{ForKeyShare, ForNoKeyUpdate, ForShare, ForUpdate, Locking};
use super::order_clause::{NoOrder, OrderAgg, OrderBy, ThenOrderBy};
use super::select_clause::{DefaultSelect, SelectAgg, SelectClause};
use super::select_statement::SelectStatement;
use super::validity::{ValidFilter, ValidGroupBy, ValidHaving, ValidOrder, ValidSelect};
use super::where_clause::{NoWhere, Where, WhereAnd};

/// Appending a term of aggregate kind `A` to an ORDER BY clause.
pub trait OrderAppend<E, A> {
    /// The new clause.
    type Out;
    /// Appends.
    fn append(self, e: E) -> Self::Out;
}
impl<E, A> OrderAppend<E, A> for NoOrder {
    type Out = OrderBy<E, A>;
    fn append(self, e: E) -> Self::Out {
        OrderBy::new(e)
    }
}
impl<O, E, A0: CombineAgg<A>, A> OrderAppend<E, A> for OrderBy<O, A0> {
    type Out = OrderBy<ThenOrderBy<O, E>, Combined<A0, A>>;
    fn append(self, e: E) -> Self::Out {
        OrderBy::new(ThenOrderBy(self.0, e))
    }
}

impl<F, S, D, W, O, L, Of, G: GroupByClause, H> SelectStatement<F, S, D, W, O, L, Of, G, H> {
    // The clauses that cannot follow a locking clause (`.for_update()` and the others lock the
    // rows of a plain query, so they are the last clause): this block is for unlocked queries.

    /// Chooses what the query returns: a column, an expression, a tuple of them, or
    /// `Struct::as_select()`. Checked against the FROM clause and the GROUP BY clause.
    ///
    /// SQL: `SELECT <selection> FROM …`
    pub fn select<E: ValidSelect<F, G::State, I, Row = R, Agg = A>, I, R, A: AggCompatible<O::Agg>>(
        self,
        selection: E,
    ) -> SelectStatement<F, SelectClause<E, R, A>, D, W, O, L, Of, G, H>
    where
        O: OrderAgg,
    {
        rebuild!(self, select: SelectClause::new(selection))
    }

    /// `SELECT DISTINCT`.
    pub fn distinct(self) -> SelectStatement<F, S, Distinct, W, O, L, Of, G, H> {
        rebuild!(self, distinct: Distinct)
    }

    /// `GROUP BY expr` (a column, an expression or a tuple). Call it before `.select(...)`:
    /// the select list is then checked against it.
    pub fn group_by<E: ValidGroupBy<F, I>, I>(
        self,
        group: E,
    ) -> SelectStatement<F, S, D, W, O, L, Of, GroupBy<E>, H>
    where
        S: NotYetSelected,
        O: NotYetOrdered,
        G: NotYetGrouped,
    {
        rebuild!(self, group: GroupBy(group))
    }

    /// `HAVING predicate`: a condition on groups. Requires `.group_by(...)`.
    pub fn having<P: ValidHaving<F, G::State, I>, I>(
        self,
        predicate: P,
    ) -> SelectStatement<F, S, D, W, O, L, Of, G, Having<P>>
    where
        G: IsGrouped,
    {
        rebuild!(self, having: Having(predicate))
    }

    /// Replaces the select list with `COUNT(*)`.
    pub fn count(self) -> SelectStatement<F, SelectClause<CountStar, BigInt, AggGroup>, D, W, O, L, Of, G, H>
    where
        O: OrderAgg,
        AggGroup: AggCompatible<O::Agg>,
    {
        rebuild!(self, select: SelectClause::new(CountStar))
    }
}

impl<F, S, D, W, O, L, Of, G: GroupByClause, H, Lk> SelectStatement<F, S, D, W, O, L, Of, G, H, Lk> {
    /// Adds a WHERE condition, joined to an existing one with AND.
    ///
    /// SQL: `… WHERE <existing> AND <predicate>`
    pub fn filter<P: ValidFilter<F, I>, I>(
        self,
        predicate: P,
    ) -> SelectStatement<F, S, D, W::And, O, L, Of, G, H, Lk>
    where
        W: WhereAnd<P>,
    {
        rebuild!(self, where_: self.where_.and(predicate))
    }

    /// Adds a WHERE condition, joined to an existing one with OR.
    ///
    /// SQL: `… WHERE (<existing> OR <predicate>)`
    pub fn or_filter<P: ValidFilter<F, I>, I>(
        self,
        predicate: P,
    ) -> SelectStatement<F, S, D, W::Or, O, L, Of, G, H, Lk>
    where
        W: WhereAnd<P>,
    {
        rebuild!(self, where_: self.where_.or(predicate))
    }

    /// Sets ORDER BY (replacing any previous ordering): a column or expression (ascending),
    /// `.asc()` / `.desc()`, or a tuple of them.
    pub fn order_by<E: ValidOrder<F, G::State, I, Agg = A>, I, A: AggCompatible<S::Agg>>(
        self,
        order: E,
    ) -> SelectStatement<F, S, D, W, OrderBy<E, A>, L, Of, G, H, Lk>
    where
        S: SelectAgg<G>,
    {
        rebuild!(self, order: OrderBy::new(order))
    }

    /// Appends to ORDER BY.
    pub fn then_order_by<E: ValidOrder<F, G::State, I, Agg = A>, I, A: AggCompatible<S::Agg>, O2>(
        self,
        order: E,
    ) -> SelectStatement<F, S, D, W, O2, L, Of, G, H, Lk>
    where
        S: SelectAgg<G>,
        O: OrderAppend<E, A, Out = O2>,
    {
        rebuild!(self, order: self.order.append(order))
    }

    /// `LIMIT n` (bound as a parameter).
    pub fn limit(self, n: i64) -> SelectStatement<F, S, D, W, O, Limit, Of, G, H, Lk> {
        rebuild!(self, limit: Limit(n))
    }

    /// `OFFSET n` (bound as a parameter).
    pub fn offset(self, n: i64) -> SelectStatement<F, S, D, W, O, L, Offset, G, H, Lk> {
        rebuild!(self, offset: Offset(n))
    }

    /// Uses this one-column query as a scalar subquery `(SELECT …)`; its value is NULL when it
    /// returns no row.
    pub fn single_value(self) -> ScalarSubquery<Self> {
        ScalarSubquery(self)
    }
}

/// Limiting a query to its first row (used by `first`).
pub trait LimitOne {
    /// The limited query.
    type Out;
    /// Sets `LIMIT 1`.
    fn limit_one(self) -> Self::Out;
}

impl<F, S, D, W, O, L, Of, G, H, Lk> LimitOne for SelectStatement<F, S, D, W, O, L, Of, G, H, Lk> {
    type Out = SelectStatement<F, S, D, W, O, Limit, Of, G, H, Lk>;
    fn limit_one(self) -> Self::Out {
        rebuild!(self, limit: Limit(1))
    }
}

/// Primary-key lookup values: a value for a one-column key, a tuple for a composite key.
#[diagnostic::on_unimplemented(
    message = "`{K}` is not a valid primary key value for this table",
    label = "the key is `{Self}`",
    note = "give one value per primary key column, of the columns' types (a tuple for a composite key)"
)]
pub trait FindByKey<K> {
    /// The WHERE condition.
    type Predicate;
    /// Builds the WHERE condition.
    fn eq_key(self, key: K) -> Self::Predicate;
}

impl<C: Column, K: AsExpression<C::SqlType>> FindByKey<K> for C {
    type Predicate = Eq<C, K::Expression>;
    fn eq_key(self, key: K) -> Self::Predicate {
        Eq::new(self, key.as_expression())
    }
}

impl<A: Column, B: Column, KA, KB> FindByKey<(KA, KB)> for (A, B)
where
    KA: AsExpression<A::SqlType>,
    KB: AsExpression<B::SqlType>,
{
    type Predicate = And<Eq<A, KA::Expression>, Eq<B, KB::Expression>>;
    fn eq_key(self, key: (KA, KB)) -> Self::Predicate {
        And::new(
            Eq::new(self.0, key.0.as_expression()),
            Eq::new(self.1, key.1.as_expression()),
        )
    }
}

impl<A: Column, B: Column, C: Column, KA, KB, KC> FindByKey<(KA, KB, KC)> for (A, B, C)
where
    KA: AsExpression<A::SqlType>,
    KB: AsExpression<B::SqlType>,
    KC: AsExpression<C::SqlType>,
{
    type Predicate = And<And<Eq<A, KA::Expression>, Eq<B, KB::Expression>>, Eq<C, KC::Expression>>;
    fn eq_key(self, key: (KA, KB, KC)) -> Self::Predicate {
        And::new(
            And::new(
                Eq::new(self.0, key.0.as_expression()),
                Eq::new(self.1, key.1.as_expression()),
            ),
            Eq::new(self.2, key.2.as_expression()),
        )
    }
}

/// Something that can be run as a query: a statement, or a table/join (as `SELECT * FROM it`).
pub trait AsQuery {
    /// The statement.
    type Query;
    /// Converts.
    fn as_query(self) -> Self::Query;
}

impl<F: QuerySource> AsQuery for F {
    type Query = SelectStatement<F>;
    fn as_query(self) -> SelectStatement<F> {
        SelectStatement::new(self)
    }
}

impl<F, S, D, W, O, L, Of, G, H, Lk> AsQuery for SelectStatement<F, S, D, W, O, L, Of, G, H, Lk> {
    type Query = Self;
    fn as_query(self) -> Self {
        self
    }
}

/// Query building on tables, aliases and joins: each method starts a [`SelectStatement`] reading
/// from `self`.
pub trait QueryDsl: QuerySource {
    /// See [`SelectStatement::select`].
    fn select<E: ValidSelect<Self, NoGroup, I, Row = R, Agg = A>, I, R, A: AggCompatible<AggConst>>(
        self,
        selection: E,
    ) -> SelectStatement<Self, SelectClause<E, R, A>> {
        SelectStatement::new(self).select(selection)
    }

    /// See [`SelectStatement::filter`].
    ///
    /// ```
    /// # use quarry::prelude::*;
    /// # quarry::table! { users (id) { id -> Integer, name -> Text, } }
    /// let q = users::table.filter(users::name.like("A%"));
    /// // SELECT "users"."id", "users"."name" FROM "users" WHERE "users"."name" LIKE ?
    /// # let _ = q;
    /// ```
    fn filter<P: ValidFilter<Self, I>, I>(
        self,
        predicate: P,
    ) -> SelectStatement<Self, DefaultSelect, NoDistinct, Where<P>> {
        SelectStatement::new(self).filter(predicate)
    }

    /// See [`SelectStatement::order_by`].
    fn order_by<E: ValidOrder<Self, NoGroup, I, Agg = A>, I, A: AggCompatible<AggPlain>>(
        self,
        order: E,
    ) -> SelectStatement<Self, DefaultSelect, NoDistinct, NoWhere, OrderBy<E, A>> {
        SelectStatement::new(self).order_by(order)
    }

    /// See [`SelectStatement::limit`].
    fn limit(self, n: i64) -> SelectStatement<Self, DefaultSelect, NoDistinct, NoWhere, NoOrder, Limit> {
        SelectStatement::new(self).limit(n)
    }

    /// See [`SelectStatement::offset`].
    fn offset(
        self,
        n: i64,
    ) -> SelectStatement<Self, DefaultSelect, NoDistinct, NoWhere, NoOrder, NoLimit, Offset> {
        SelectStatement::new(self).offset(n)
    }

    /// See [`SelectStatement::distinct`].
    fn distinct(self) -> SelectStatement<Self, DefaultSelect, Distinct> {
        SelectStatement::new(self).distinct()
    }

    /// See [`SelectStatement::distinct_on`] (PostgreSQL).
    fn distinct_on<E: ValidDistinctOn<Self, NoGroup, I, Agg = A>, I, A: AggCompatible<AggPlain>>(
        self,
        exprs: E,
    ) -> SelectStatement<Self, DefaultSelect, DistinctOn<E>> {
        SelectStatement::new(self).distinct_on(exprs)
    }

    /// See [`SelectStatement::for_update`] (not on SQLite).
    fn for_update(
        self,
    ) -> SelectStatement<
        Self,
        DefaultSelect,
        NoDistinct,
        NoWhere,
        NoOrder,
        NoLimit,
        NoOffset,
        NoGroupBy,
        NoHaving,
        Locking<ForUpdate>,
    > {
        SelectStatement::new(self).for_update()
    }

    /// See [`SelectStatement::for_no_key_update`] (PostgreSQL).
    fn for_no_key_update(
        self,
    ) -> SelectStatement<
        Self,
        DefaultSelect,
        NoDistinct,
        NoWhere,
        NoOrder,
        NoLimit,
        NoOffset,
        NoGroupBy,
        NoHaving,
        Locking<ForNoKeyUpdate>,
    > {
        SelectStatement::new(self).for_no_key_update()
    }

    /// See [`SelectStatement::for_share`] (not on SQLite).
    fn for_share(
        self,
    ) -> SelectStatement<
        Self,
        DefaultSelect,
        NoDistinct,
        NoWhere,
        NoOrder,
        NoLimit,
        NoOffset,
        NoGroupBy,
        NoHaving,
        Locking<ForShare>,
    > {
        SelectStatement::new(self).for_share()
    }

    /// See [`SelectStatement::for_key_share`] (PostgreSQL).
    fn for_key_share(
        self,
    ) -> SelectStatement<
        Self,
        DefaultSelect,
        NoDistinct,
        NoWhere,
        NoOrder,
        NoLimit,
        NoOffset,
        NoGroupBy,
        NoHaving,
        Locking<ForKeyShare>,
    > {
        SelectStatement::new(self).for_key_share()
    }

    /// See [`SelectStatement::group_by`].
    fn group_by<E: ValidGroupBy<Self, I>, I>(
        self,
        group: E,
    ) -> SelectStatement<
        Self,
        DefaultSelect,
        NoDistinct,
        NoWhere,
        NoOrder,
        NoLimit,
        NoOffset,
        GroupBy<E>,
        NoHaving,
    > {
        SelectStatement::new(self).group_by(group)
    }

    /// Starts a [`BoxedSelectStatement`](super::BoxedSelectStatement) reading `self`, for
    /// queries assembled at run time.
    fn into_boxed<'a, DB>(self) -> super::BoxedSelectStatement<'a, Self, Self::DefaultRow, DB>
    where
        DB: crate::backend::Backend,
        Self: crate::query_source::FromClause<DB> + Clone + 'a,
        i64: crate::serialize::ToSql<BigInt, DB>,
    {
        SelectStatement::new(self).into_boxed()
    }

    /// `SELECT COUNT(*) FROM self`.
    fn count(self) -> SelectStatement<Self, SelectClause<CountStar, BigInt, AggGroup>> {
        SelectStatement::new(self).select(CountStar)
    }

    /// The row whose primary key is `key` (`WHERE pk = key`); a tuple for a composite key.
    ///
    /// ```
    /// # use quarry::prelude::*;
    /// # quarry::table! { users (id) { id -> Integer, name -> Text, } }
    /// let q = users::table.find(42);
    /// // SELECT "users"."id", "users"."name" FROM "users" WHERE "users"."id" = ?
    /// # let _ = q;
    /// ```
    fn find<K>(
        self,
        key: K,
    ) -> SelectStatement<Self, DefaultSelect, NoDistinct, Where<<Self::PrimaryKey as FindByKey<K>>::Predicate>>
    where
        Self: Table,
        Self::PrimaryKey: FindByKey<K>,
    {
        let predicate = Self::PrimaryKey::default().eq_key(key);
        let mut stmt = SelectStatement::new(self);
        let where_ = Where(predicate);
        rebuild!(stmt, where_: { stmt.where_ = NoWhere; where_ })
    }

    /// Declares that a subquery reading `self` refers to the table `outer` of the enclosing query
    /// (a correlated subquery). Only `self` is written after FROM.
    ///
    /// ```
    /// # use quarry::prelude::*;
    /// # quarry::table! {
    /// #     users (id) { id -> Integer, name -> Text, }
    /// #     posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, }
    /// # }
    /// # fn main() {
    /// let authors = users::table.filter(exists(
    ///     posts::table.correlate(users::table).filter(posts::user_id.eq(users::id)),
    /// ));
    /// // SELECT … FROM "users" WHERE EXISTS (SELECT … FROM "posts" WHERE "posts"."user_id" = "users"."id")
    /// # let _ = authors;
    /// # }
    /// ```
    fn correlate<O: SingleSource>(self, outer: O) -> Correlated<Self, O> {
        let _ = outer;
        Correlated {
            inner: self,
            outer: std::marker::PhantomData,
        }
    }
}

impl<F: QuerySource> QueryDsl for F {}
