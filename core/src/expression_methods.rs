//! Methods available on every expression: comparisons, LIKE, IN, BETWEEN, NULL tests, boolean
//! logic, ordering, casts, concatenation.

use crate::expression::*;
use crate::select::Subquery;
use crate::sql_types::{BoolLike, IntoNullable, SqlType, TextLike};

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
pub trait TextExpressionMethods: Expression + Sized
where
    Self::SqlType: TextLike,
{
    /// `self LIKE pattern`
    fn like<T: AsExpression<Self::SqlType>>(self, pattern: T) -> Like<Self, T::Expression> {
        Like::new(self, pattern.as_expression())
    }
    /// `self NOT LIKE pattern`
    fn not_like<T: AsExpression<Self::SqlType>>(self, pattern: T) -> NotLike<Self, T::Expression> {
        NotLike::new(self, pattern.as_expression())
    }
    /// `self || other` (text concatenation; NULL if either side is NULL).
    fn concat<T: AsExpression<Self::SqlType>>(self, other: T) -> Concat<Self, T::Expression> {
        Concat::new(self, other.as_expression())
    }
}

impl<E: Expression> TextExpressionMethods for E where E::SqlType: TextLike {}

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
