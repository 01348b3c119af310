//! Methods available on every expression: comparisons, LIKE, IN, BETWEEN, NULL tests, boolean
//! logic, ordering, casts, concatenation; and on some SQL types only: ILIKE on text, operators on
//! arrays ([`ArrayExpressionMethods`]) and on JSON ([`JsonExpressionMethods`],
//! [`JsonbExpressionMethods`]), which are PostgreSQL's.
//!
//! The PostgreSQL-only methods build on every backend, but a query that uses one compiles only
//! for a backend implementing the matching marker trait of [`crate::backend`]
//! (`SupportsIlike`, `SupportsArrayOperators`, `SupportsJsonOperators`).

use crate::expression::*;
use crate::select::Subquery;
use crate::sql_types::{Array, BoolLike, IntoNullable, Jsonb, SqlType, TextLike};

/// Methods on every SQL expression. The right-hand side of each comparison is a Rust value or an
/// expression of a compatible SQL type; Rust values are always bound as parameters.
pub trait ExpressionMethods: Expression + Sized
where
    Self::SqlType: SqlType,
{
    /// `self = other`
    fn eq<T: AsExpression<Self::SqlType>>(self, other: T) -> Eq<Self, T::Expression> {
        Eq::new(self, other.as_expression())
    }
    /// `self <> other`
    fn ne<T: AsExpression<Self::SqlType>>(self, other: T) -> NotEq<Self, T::Expression> {
        NotEq::new(self, other.as_expression())
    }
    /// `self < other`
    fn lt<T: AsExpression<Self::SqlType>>(self, other: T) -> Lt<Self, T::Expression> {
        Lt::new(self, other.as_expression())
    }
    /// `self <= other`
    fn le<T: AsExpression<Self::SqlType>>(self, other: T) -> LtEq<Self, T::Expression> {
        LtEq::new(self, other.as_expression())
    }
    /// `self > other`
    fn gt<T: AsExpression<Self::SqlType>>(self, other: T) -> Gt<Self, T::Expression> {
        Gt::new(self, other.as_expression())
    }
    /// `self >= other`
    fn ge<T: AsExpression<Self::SqlType>>(self, other: T) -> GtEq<Self, T::Expression> {
        GtEq::new(self, other.as_expression())
    }
    /// `self BETWEEN low AND high`
    fn between<A, B>(self, low: A, high: B) -> Between<Self, A::Expression, B::Expression>
    where
        A: AsExpression<Self::SqlType>,
        B: AsExpression<Self::SqlType>,
    {
        Between::new(self, low.as_expression(), high.as_expression())
    }
    /// `self NOT BETWEEN low AND high`
    fn not_between<A, B>(self, low: A, high: B) -> NotBetween<Self, A::Expression, B::Expression>
    where
        A: AsExpression<Self::SqlType>,
        B: AsExpression<Self::SqlType>,
    {
        NotBetween::new(self, low.as_expression(), high.as_expression())
    }
    /// `self IN (v1, v2, …)`, each value bound. An empty list matches no row.
    fn eq_any<I>(self, values: I) -> EqAny<Self, <I::Item as AsExpression<Self::SqlType>>::Expression>
    where
        I: IntoIterator,
        I::Item: AsExpression<Self::SqlType>,
    {
        EqAny::new(
            self,
            values.into_iter().map(AsExpression::as_expression).collect(),
        )
    }
    /// `self NOT IN (v1, v2, …)`. An empty list matches every row.
    fn ne_all<I>(self, values: I) -> NeAll<Self, <I::Item as AsExpression<Self::SqlType>>::Expression>
    where
        I: IntoIterator,
        I::Item: AsExpression<Self::SqlType>,
    {
        NeAll::new(
            self,
            values.into_iter().map(AsExpression::as_expression).collect(),
        )
    }
    /// `self = ANY(array)` (PostgreSQL, [`SupportsArrayOperators`](crate::backend::SupportsArrayOperators)):
    /// `self` equals an element of `array`, an expression of SQL type `Array<_>` whose elements
    /// have `self`'s type (for arrays with nullable elements, use
    /// [`ArrayExpressionMethods::any_eq`]). For a list of Rust values use
    /// [`eq_any`](Self::eq_any), which PostgreSQL also sends as `= ANY($1)`.
    ///
    /// ```
    /// # use quarry::prelude::*;
    /// # quarry::table! {
    /// #     users (id) { id -> Integer, name -> Text, }
    /// #     teams (id) { id -> Integer, member_names -> Array<Text>, }
    /// # }
    /// let q = users::table
    ///     .inner_join(teams::table.on(users::name.eq_any_of(teams::member_names)))
    ///     .select((users::name, teams::id));
    /// // SELECT "users"."name", "teams"."id" FROM "users"
    /// //   INNER JOIN "teams" ON "users"."name" = ANY("teams"."member_names")
    /// # let _ = q;
    /// ```
    fn eq_any_of<A>(self, array: A) -> EqAnyArray<Self, A::Expression>
    where
        A: AsExpression<Array<<Self::SqlType as SqlType>::NotNull>>,
    {
        EqAnyArray::new(self, array.as_expression())
    }
    /// `self IN (subquery)`; the subquery must select one column of a compatible type.
    fn in_subquery<Q>(self, query: Q) -> InSubquery<Self, Q>
    where
        Q: Subquery,
        Q::SqlType: SubqueryColumnOf<Self::SqlType>,
    {
        InSubquery { expr: self, query }
    }
    /// `self NOT IN (subquery)`.
    fn not_in_subquery<Q>(self, query: Q) -> NotInSubquery<Self, Q>
    where
        Q: Subquery,
        Q::SqlType: SubqueryColumnOf<Self::SqlType>,
    {
        NotInSubquery { expr: self, query }
    }
    /// `self IS NULL`
    fn is_null(self) -> IsNull<Self> {
        IsNull(self)
    }
    /// `self IS NOT NULL`
    fn is_not_null(self) -> IsNotNull<Self> {
        IsNotNull(self)
    }
    /// `self ASC` in ORDER BY.
    fn asc(self) -> Asc<Self> {
        Asc(self)
    }
    /// `self DESC` in ORDER BY.
    fn desc(self) -> Desc<Self> {
        Desc(self)
    }
    /// `CAST(self AS ST)`.
    fn cast<ST: SqlType>(self) -> Cast<Self, ST> {
        Cast::new(self)
    }
    /// This expression seen as nullable (no SQL change), to compare with a nullable one.
    fn nullable(self) -> AsNullable<Self>
    where
        Self::SqlType: IntoNullable,
    {
        AsNullable(self)
    }
}

impl<E: Expression> ExpressionMethods for E where E::SqlType: SqlType {}

/// Methods on text expressions.
///
/// They are on every expression, and require a text one (`Self::SqlType: TextLike`) per method,
/// so that `id.like("1%")` is reported as "LIKE needs a TEXT expression" rather than as a method
/// that does not exist. The operand's type is a projection of the same bound, so a non-text
/// column gives that one error and no second one about the pattern.
pub trait TextExpressionMethods: Expression + Sized {
    /// `self LIKE pattern`
    fn like<T>(self, pattern: T) -> Like<Self, T::Expression>
    where
        Self::SqlType: TextLike,
        T: AsExpression<<Self::SqlType as TextLike>::Operand>,
    {
        Like::new(self, pattern.as_expression())
    }
    /// `self NOT LIKE pattern`
    fn not_like<T>(self, pattern: T) -> NotLike<Self, T::Expression>
    where
        Self::SqlType: TextLike,
        T: AsExpression<<Self::SqlType as TextLike>::Operand>,
    {
        NotLike::new(self, pattern.as_expression())
    }
    /// `self ILIKE pattern`: LIKE ignoring case (PostgreSQL,
    /// [`SupportsIlike`](crate::backend::SupportsIlike); the query does not compile for other
    /// backends). The pattern is bound as a parameter.
    ///
    /// ```
    /// # use quarry::prelude::*;
    /// # quarry::table! { users (id) { id -> Integer, name -> Text, } }
    /// let q = users::table.select(users::id).filter(users::name.ilike("ada%"));
    /// // SELECT "users"."id" FROM "users" WHERE "users"."name" ILIKE $1
    /// # let _ = q;
    /// ```
    fn ilike<T>(self, pattern: T) -> ILike<Self, T::Expression>
    where
        Self::SqlType: TextLike,
        T: AsExpression<<Self::SqlType as TextLike>::Operand>,
    {
        ILike::new(self, pattern.as_expression())
    }
    /// `self NOT ILIKE pattern` (PostgreSQL, [`SupportsIlike`](crate::backend::SupportsIlike)).
    ///
    /// ```
    /// # use quarry::prelude::*;
    /// # quarry::table! { users (id) { id -> Integer, name -> Text, } }
    /// let q = users::table.select(users::id).filter(users::name.not_ilike("%bot"));
    /// // SELECT "users"."id" FROM "users" WHERE "users"."name" NOT ILIKE $1
    /// # let _ = q;
    /// ```
    fn not_ilike<T>(self, pattern: T) -> NotILike<Self, T::Expression>
    where
        Self::SqlType: TextLike,
        T: AsExpression<<Self::SqlType as TextLike>::Operand>,
    {
        NotILike::new(self, pattern.as_expression())
    }
    /// `self || other` (text concatenation; NULL if either side is NULL).
    fn concat<T>(self, other: T) -> Concat<Self, T::Expression>
    where
        Self::SqlType: TextLike,
        T: AsExpression<<Self::SqlType as TextLike>::Operand>,
    {
        Concat::new(self, other.as_expression())
    }
}

impl<E: Expression> TextExpressionMethods for E {}

/// Methods on array expressions (SQL type `Array<T>`, possibly nullable): PostgreSQL's array
/// operators ([`SupportsArrayOperators`](crate::backend::SupportsArrayOperators); queries using
/// them do not compile for other backends). Arguments must have the same element type.
///
/// The examples read this table:
///
/// ```
/// quarry::table! {
///     posts (id) {
///         id -> Integer,
///         tags -> Array<Text>,
///         required_tags -> Array<Text>,
///     }
/// }
/// ```
pub trait ArrayExpressionMethods: Expression + Sized
where
    Self::SqlType: ArrayLike,
{
    /// `self @> other`: `self` contains every element of `other`.
    ///
    /// ```
    /// # use quarry::prelude::*;
    /// # quarry::table! { posts (id) { id -> Integer, tags -> Array<Text>, required_tags -> Array<Text>, } }
    /// let q = posts::table.select(posts::id).filter(posts::tags.contains(posts::required_tags));
    /// // SELECT "posts"."id" FROM "posts" WHERE "posts"."tags" @> "posts"."required_tags"
    /// # let _ = q;
    /// ```
    fn contains<T>(self, other: T) -> ArrayContains<Self, T::Expression>
    where
        T: AsExpression<Array<<Self::SqlType as ArrayLike>::Element>>,
    {
        ArrayContains::new(self, other.as_expression())
    }

    /// `self <@ other`: every element of `self` is in `other`.
    ///
    /// ```
    /// # use quarry::prelude::*;
    /// # quarry::table! { posts (id) { id -> Integer, tags -> Array<Text>, required_tags -> Array<Text>, } }
    /// let q = posts::table.select(posts::id).filter(posts::required_tags.is_contained_by(posts::tags));
    /// // SELECT "posts"."id" FROM "posts" WHERE "posts"."required_tags" <@ "posts"."tags"
    /// # let _ = q;
    /// ```
    fn is_contained_by<T>(self, other: T) -> ArrayContainedBy<Self, T::Expression>
    where
        T: AsExpression<Array<<Self::SqlType as ArrayLike>::Element>>,
    {
        ArrayContainedBy::new(self, other.as_expression())
    }

    /// `self && other`: the arrays have at least one element in common.
    ///
    /// ```
    /// # use quarry::prelude::*;
    /// # quarry::table! { posts (id) { id -> Integer, tags -> Array<Text>, required_tags -> Array<Text>, } }
    /// let q = posts::table.select(posts::id).filter(posts::tags.overlaps_with(posts::required_tags));
    /// // SELECT "posts"."id" FROM "posts" WHERE "posts"."tags" && "posts"."required_tags"
    /// # let _ = q;
    /// ```
    fn overlaps_with<T>(self, other: T) -> ArrayOverlaps<Self, T::Expression>
    where
        T: AsExpression<Array<<Self::SqlType as ArrayLike>::Element>>,
    {
        ArrayOverlaps::new(self, other.as_expression())
    }

    /// `value = ANY(self)`: some element of `self` equals `value` (a Rust value, bound as a
    /// parameter, or an expression of the element type). The same SQL as
    /// [`ExpressionMethods::eq_any_of`], written from the array's side.
    ///
    /// ```
    /// # use quarry::prelude::*;
    /// # quarry::table! { posts (id) { id -> Integer, tags -> Array<Text>, required_tags -> Array<Text>, } }
    /// let q = posts::table.select(posts::id).filter(posts::tags.any_eq("rust"));
    /// // SELECT "posts"."id" FROM "posts" WHERE $1 = ANY("posts"."tags")
    /// # let _ = q;
    /// ```
    fn any_eq<T>(self, value: T) -> EqAnyArray<T::Expression, Self>
    where
        T: AsExpression<<<Self::SqlType as ArrayLike>::Element as SqlType>::NotNull>,
    {
        EqAnyArray::new(value.as_expression(), self)
    }
}

impl<E: Expression> ArrayExpressionMethods for E where E::SqlType: ArrayLike {}

/// Methods on JSON expressions (SQL type `Json` or `Jsonb`, possibly nullable): PostgreSQL's
/// `->` and `->>` ([`SupportsJsonOperators`](crate::backend::SupportsJsonOperators); queries using
/// them do not compile for other backends). A key is text (an object's member) or an `i32` (an
/// array's element, from 0); Rust keys are bound as parameters.
///
/// The examples read this table:
///
/// ```
/// quarry::table! {
///     events (id) {
///         id -> Integer,
///         payload -> Jsonb,
///     }
/// }
/// ```
pub trait JsonExpressionMethods: Expression + Sized
where
    Self::SqlType: JsonLike,
{
    /// `(self -> key)`: the member `key` (or the element at index `key`) as JSON of the same type
    /// (`Json` stays `Json`, `Jsonb` stays `Jsonb`), nullable: NULL when there is no such member.
    ///
    /// ```
    /// # use quarry::prelude::*;
    /// # quarry::table! { events (id) { id -> Integer, payload -> Jsonb, } }
    /// // Chained: the first element of the "items" array, as jsonb.
    /// let q = events::table.select(events::payload.get_json("items").get_json(0));
    /// // SELECT (("events"."payload" -> $1) -> $2) FROM "events"
    /// # let _ = q;
    /// ```
    fn get_json<K: JsonKey>(self, key: K) -> JsonGet<Self, K::Expression> {
        JsonGet::new(self, key.into_json_key())
    }

    /// `(self ->> key)`: the member `key` (or the element at index `key`) as text
    /// (`Nullable<Text>`): strings without their quotes, other values as JSON text; NULL when
    /// there is no such member or it is JSON `null`.
    ///
    /// ```
    /// # use quarry::prelude::*;
    /// # quarry::table! { events (id) { id -> Integer, payload -> Jsonb, } }
    /// let q = events::table
    ///     .select(events::id)
    ///     .filter(events::payload.get_text("kind").eq("login"));
    /// // SELECT "events"."id" FROM "events" WHERE ("events"."payload" ->> $1) = $2
    /// # let _ = q;
    /// ```
    fn get_text<K: JsonKey>(self, key: K) -> JsonGetText<Self, K::Expression> {
        JsonGetText::new(self, key.into_json_key())
    }
}

impl<E: Expression> JsonExpressionMethods for E where E::SqlType: JsonLike {}

/// Methods on `Jsonb` expressions only: containment `@>`
/// ([`SupportsJsonOperators`](crate::backend::SupportsJsonOperators)).
pub trait JsonbExpressionMethods: Expression + Sized
where
    Self::SqlType: JsonbLike,
{
    /// `self @> other`: the JSON value `self` contains `other` (every member of `other` is in
    /// `self` with a contained value, recursively; array elements in any order).
    ///
    /// ```
    /// # use quarry::prelude::*;
    /// # quarry::table! { events (id) { id -> Integer, payload -> Jsonb, filter -> Jsonb, } }
    /// let q = events::table.select(events::id).filter(events::payload.contains(events::filter));
    /// // SELECT "events"."id" FROM "events" WHERE "events"."payload" @> "events"."filter"
    /// # let _ = q;
    /// ```
    fn contains<T: AsExpression<Jsonb>>(self, other: T) -> JsonbContains<Self, T::Expression> {
        JsonbContains::new(self, other.as_expression())
    }
}

impl<E: Expression> JsonbExpressionMethods for E where E::SqlType: JsonbLike {}

/// Methods on boolean expressions.
pub trait BoolExpressionMethods: Expression + Sized
where
    Self::SqlType: BoolLike,
{
    /// `self AND other`
    fn and<T>(self, other: T) -> And<Self, T>
    where
        T: Expression,
        T::SqlType: BoolLike,
    {
        And::new(self, other)
    }
    /// `(self OR other)`
    fn or<T>(self, other: T) -> Or<Self, T>
    where
        T: Expression,
        T::SqlType: BoolLike,
    {
        Or::new(self, other)
    }
}

impl<E: Expression> BoolExpressionMethods for E where E::SqlType: BoolLike {}

/// `NOT (expr)`
pub fn not<E>(expr: E) -> Not<E>
where
    E: Expression,
    E::SqlType: BoolLike,
{
    Not(expr)
}
