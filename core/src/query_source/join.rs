use std::marker::PhantomData;

use super::{FindSource, FromClause, QuerySource, SingleSource};
use crate::backend::Backend;
use crate::error::QueryResult;
use crate::expression::{Ctx, NoGroup, NonAggregate, ValidIn};
use crate::query_builder::{AstPass, QueryFragment};
use crate::schema::{ForeignKey, Table};
use crate::sql_types::{BoolLike, IntoNullable};
use crate::type_level::{Backward, False, Forward, InLeft, InRight, TBool, True};

/// The kind of a join.
pub trait JoinKind: Default + Copy + 'static {
    /// Its SQL keyword.
    const SQL: &'static str;
    /// Whether the right side's columns become nullable.
    type RightNullable: TBool;
}

/// `INNER JOIN`
#[derive(Debug, Clone, Copy, Default)]
pub struct Inner;
/// `LEFT OUTER JOIN`: the right side's columns become nullable.
#[derive(Debug, Clone, Copy, Default)]
pub struct LeftOuter;

impl JoinKind for Inner {
    const SQL: &'static str = " INNER JOIN ";
    type RightNullable = False;
}
impl JoinKind for LeftOuter {
    const SQL: &'static str = " LEFT OUTER JOIN ";
    type RightNullable = True;
}

/// `left <kind> JOIN right ON on`.
#[derive(Debug, Clone, Copy)]
pub struct Join<L, R, K, On> {
    left: L,
    right: R,
    on: On,
    _kind: PhantomData<K>,
}

impl<L: QuerySource, R: QuerySource, K: JoinKind, On> QuerySource for Join<L, R, K, On>
where
    R::DefaultRow: IntoNullable,
{
    type DefaultSelection = (L::DefaultSelection, R::DefaultSelection);
    type DefaultRow = (L::DefaultRow, <K::RightNullable as TBool>::Nullify<R::DefaultRow>);
    type Outer = ();

    fn default_selection(&self) -> Self::DefaultSelection {
        (self.left.default_selection(), self.right.default_selection())
    }
}

impl<DB: Backend, L, R, K, On> FromClause<DB> for Join<L, R, K, On>
where
    L: FromClause<DB>,
    R: FromClause<DB>,
    K: JoinKind,
    On: QueryFragment<DB>,
{
    fn walk_from<'b>(&'b self, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
        self.left.walk_from(pass)?;
        pass.push_sql(K::SQL);
        self.right.walk_from(pass)?;
        pass.push_sql(" ON ");
        self.on.walk_ast(pass)
    }
    fn walk_default_selection<'b>(&'b self, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
        self.left.walk_default_selection(pass)?;
        pass.push_sql(", ");
        self.right.walk_default_selection(pass)
    }
}

#[diagnostic::do_not_recommend]
impl<L, R, K, On, S, I> FindSource<S, InLeft<I>> for Join<L, R, K, On>
where
    L: FindSource<S, I>,
{
    type Nullable = L::Nullable;
}

#[diagnostic::do_not_recommend]
impl<L, R, K: JoinKind, On, S, I> FindSource<S, InRight<I>> for Join<L, R, K, On>
where
    R: FindSource<S, I>,
{
    type Nullable = <R::Nullable as TBool>::Or<K::RightNullable>;
}

// ----- how a join finds its ON clause -----

/// A source with an explicit ON condition: `posts::table.on(posts::user_id.eq(users::id))`.
#[derive(Debug, Clone, Copy)]
pub struct OnClause<S, C> {
    source: S,
    cond: C,
}

/// `.on(condition)` on a table or alias, for joins with an explicit condition.
pub trait WithOn: SingleSource {
    /// This source joined on `cond`.
    fn on<C>(self, cond: C) -> OnClause<Self, C> {
        OnClause { source: self, cond }
    }
}
impl<S: SingleSource> WithOn for S {}

/// Index marker: the join condition was given explicitly.
#[derive(Debug)]
pub struct Explicit<I>(PhantomData<I>);
/// Index marker: the join condition comes from a foreign key.
#[derive(Debug)]
pub struct ViaForeignKey<I>(PhantomData<I>);

/// Something that can be joined to the sources `L`: a table related to them by a foreign key,
/// or a source with an explicit ON condition.
#[diagnostic::on_unimplemented(
    message = "invalid join: a table without `.on(...)` needs a foreign key to the query's tables, an alias or a join needs `.on(...)`, and an `.on(...)` condition must be a boolean over the joined tables without aggregates",
    label = "cannot be joined here",
    note = "an `.on(...)` condition may use only the tables already in the query and the one being joined; without `.on(...)`, the tables must be related by a foreign key declared in the schema (`#[references(other::id)]`)"
)]
pub trait JoinTarget<L, M> {
    /// The joined source.
    type Source;
    /// The ON condition.
    type On;
    /// Splits into source and condition.
    fn into_join(self) -> (Self::Source, Self::On);
}

impl<L, S, C, I> JoinTarget<L, Explicit<I>> for OnClause<S, C>
where
    S: SingleSource,
    C: ValidIn<Ctx<Join<L, S, Inner, C>, NoGroup>, I>,
    C::Agg: NonAggregate,
    C::SqlType: BoolLike,
{
    type Source = S;
    type On = C;
    fn into_join(self) -> (S, C) {
        (self.source, self.cond)
    }
}

impl<L, T, I> JoinTarget<L, ViaForeignKey<I>> for T
where
    T: Table,
    L: FindRelated<T, I>,
{
    type Source = T;
    type On = L::On;
    fn into_join(self) -> (T, L::On) {
        (self, L::join_on())
    }
}

/// One of the tables of `Self` is related to table `T` by a foreign key (in either direction).
#[diagnostic::on_unimplemented(
    message = "cannot join `{T}` without `.on(...)`: no foreign key relates it to the tables of this query",
    label = "no declared relation",
    note = "declare the foreign key in the schema (`#[references(other::id)]`), or give the condition: `.inner_join({T}.on(...))`"
)]
pub trait FindRelated<T, I> {
    /// The join condition.
    type On;
    /// The join condition.
    fn join_on() -> Self::On;
}

impl<S: Table, T: Table> FindRelated<T, Forward> for S
where
    S: ForeignKey<T>,
{
    type On = <S as ForeignKey<T>>::On;
    fn join_on() -> Self::On {
        <S as ForeignKey<T>>::join_on()
    }
}

impl<S: Table, T: Table> FindRelated<T, Backward> for S
where
    T: ForeignKey<S>,
{
    type On = <T as ForeignKey<S>>::On;
    fn join_on() -> Self::On {
        <T as ForeignKey<S>>::join_on()
    }
}

#[diagnostic::do_not_recommend]
impl<L, R, K, On, T, I> FindRelated<T, InLeft<I>> for Join<L, R, K, On>
where
    L: FindRelated<T, I>,
{
    type On = L::On;
    fn join_on() -> Self::On {
        L::join_on()
    }
}

#[diagnostic::do_not_recommend]
impl<L, R, K, On, T, I> FindRelated<T, InRight<I>> for Join<L, R, K, On>
where
    R: FindRelated<T, I>,
{
    type On = R::On;
    fn join_on() -> Self::On {
        R::join_on()
    }
}

/// `inner_join` and `left_join` on tables, aliases and joins.
pub trait JoinDsl: QuerySource {
    /// `self INNER JOIN target ON …`: the condition comes from the foreign key between them, or
    /// from `target.on(condition)`.
    ///
    /// ```
    /// # use quarry::prelude::*;
    /// # quarry::table! {
    /// #     users (id) { id -> Integer, name -> Text, }
    /// #     posts (id) { id -> Integer, #[references(users::id)] user_id -> Integer, title -> Text, }
    /// # }
    /// # fn main() {
    /// let q = users::table.inner_join(posts::table).select((users::name, posts::title));
    /// // SELECT "users"."name", "posts"."title" FROM "users"
    /// //   INNER JOIN "posts" ON "posts"."user_id" = "users"."id"
    /// # let _ = q;
    /// # }
    /// ```
    fn inner_join<T: JoinTarget<Self, M, Source = S, On = On>, M, S, On>(
        self,
        target: T,
    ) -> Join<Self, S, Inner, On> {
        let (right, on) = target.into_join();
        Join {
            left: self,
            right,
            on,
            _kind: PhantomData,
        }
    }

    /// `self LEFT OUTER JOIN target ON …`: the target's columns become nullable, so they load
    /// into `Option<_>`.
    fn left_join<T: JoinTarget<Self, M, Source = S, On = On>, M, S, On>(
        self,
        target: T,
    ) -> Join<Self, S, LeftOuter, On> {
        let (right, on) = target.into_join();
        Join {
            left: self,
            right,
            on,
            _kind: PhantomData,
        }
    }
}

impl<S: QuerySource> JoinDsl for S {}

// ----- correlated subqueries -----

/// The sources of a subquery (`Inner`) that may also refer to the tables `Outer` of the query it
/// is embedded in. Built by `.correlate(outer_table)`; only `Inner` is written after FROM.
#[derive(Debug, Clone, Copy)]
pub struct Correlated<Inner, Outer> {
    pub(crate) inner: Inner,
    pub(crate) outer: PhantomData<Outer>,
}

impl<In: QuerySource, Out> QuerySource for Correlated<In, Out> {
    type DefaultSelection = In::DefaultSelection;
    type DefaultRow = In::DefaultRow;
    type Outer = Out;
    fn default_selection(&self) -> Self::DefaultSelection {
        self.inner.default_selection()
    }
}

impl<DB: Backend, In: FromClause<DB>, Out> FromClause<DB> for Correlated<In, Out> {
    fn walk_from<'b>(&'b self, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
        self.inner.walk_from(pass)
    }
    fn walk_default_selection<'b>(&'b self, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
        self.inner.walk_default_selection(pass)
    }
}

#[diagnostic::do_not_recommend]
impl<In, Out, S, I> FindSource<S, InLeft<I>> for Correlated<In, Out>
where
    In: FindSource<S, I>,
{
    type Nullable = In::Nullable;
}

#[diagnostic::do_not_recommend]
impl<In, Out, S, I> FindSource<S, InRight<I>> for Correlated<In, Out>
where
    Out: FindSource<S, I>,
{
    type Nullable = Out::Nullable;
}

/// The outer tables a subquery refers to are all sources of the enclosing query `F`.
#[diagnostic::on_unimplemented(
    message = "this subquery is correlated with `{Self}`, which is not in the FROM clause of the enclosing query"
)]
pub trait OuterSources<F, I> {}

/// No correlation.
impl<F> OuterSources<F, ()> for () {}

impl<F, S: SingleSource, I> OuterSources<F, I> for S where F: FindSource<S, I> {}
