use super::{AsExpression, CombineAgg, Combined, Expression, IntoExpression, ValidIn};
use crate::backend::Backend;
use crate::error::QueryResult;
use crate::query_builder::{AstPass, QueryFragment};
use crate::sql_types::{BoolLike, Nullable, NullableIfEither, SqlType};

/// The first `WHEN cond THEN value` branch of a CASE.
#[derive(Debug, Clone, Copy)]
pub struct When<C, T> {
    cond: C,
    then: T,
}

/// A further `WHEN cond THEN value` branch after `Prev`.
#[derive(Debug, Clone, Copy)]
pub struct WhenChain<Prev, C, T> {
    prev: Prev,
    branch: When<C, T>,
}

/// A CASE without ELSE: its value is NULL when no branch matches.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoElse;

/// The `ELSE value` of a CASE.
#[derive(Debug, Clone, Copy)]
pub struct Else<E>(E);

/// `CASE WHEN … THEN … [WHEN … THEN …] [ELSE …] END`, built by [`case_when`].
#[derive(Debug, Clone, Copy)]
pub struct CaseWhen<W, E> {
    whens: W,
    otherwise: E,
}

/// Starts a `CASE WHEN cond THEN value … END` expression.
///
/// Without `.otherwise(...)` its SQL type is nullable (no branch may match).
///
/// ```
/// # use quarry::prelude::*;
/// # quarry::table! { users (id) { id -> Integer, name -> Text, } }
/// let label = case_when(users::id.lt(10), "early").when(users::id.lt(100), "mid").otherwise("late");
/// // CASE WHEN "users"."id" < ? THEN ? WHEN "users"."id" < ? THEN ? ELSE ? END
/// # let _ = label;
/// ```
pub fn case_when<C, T>(cond: C, then: T) -> CaseWhen<When<C, T::Expression>, NoElse>
where
    C: Expression,
    C::SqlType: BoolLike,
    T: IntoExpression,
{
    CaseWhen {
        whens: When {
            cond,
            then: then.into_expression(),
        },
        otherwise: NoElse,
    }
}

/// The SQL type of the branches of a CASE.
pub trait Branches {
    /// The type of the branches' values (nullable if any branch is).
    type Then;
}
impl<C, T: Expression> Branches for When<C, T>
where
    T::SqlType: SqlType,
{
    type Then = T::SqlType;
}
impl<P: Branches, C, T: Expression> Branches for WhenChain<P, C, T>
where
    P::Then: SqlType,
    T::SqlType: SqlType,
{
    // Nullable if any branch is.
    type Then = NullableIfEither<<P::Then as SqlType>::NotNull, P::Then, T::SqlType>;
}

impl<W: Branches> CaseWhen<W, NoElse> {
    /// Adds a `WHEN cond THEN value` branch.
    pub fn when<C, T>(self, cond: C, then: T) -> CaseWhen<WhenChain<W, C, T::Expression>, NoElse>
    where
        C: Expression,
        C::SqlType: BoolLike,
        T: AsExpression<W::Then>,
    {
        CaseWhen {
            whens: WhenChain {
                prev: self.whens,
                branch: When {
                    cond,
                    then: then.as_expression(),
                },
            },
            otherwise: NoElse,
        }
    }

    /// Adds the `ELSE value` branch.
    pub fn otherwise<E>(self, value: E) -> CaseWhen<W, Else<E::Expression>>
    where
        E: AsExpression<W::Then>,
    {
        CaseWhen {
            whens: self.whens,
            otherwise: Else(value.as_expression()),
        }
    }
}

impl<W: Branches> Expression for CaseWhen<W, NoElse>
where
    W::Then: SqlType,
{
    type SqlType = Nullable<<W::Then as SqlType>::NotNull>;
}

impl<W: Branches, E: Expression> Expression for CaseWhen<W, Else<E>>
where
    W::Then: SqlType,
    E::SqlType: SqlType,
{
    type SqlType = NullableIfEither<<W::Then as SqlType>::NotNull, W::Then, E::SqlType>;
}

impl<Cx, C, T, IC, IT> ValidIn<Cx, (IC, IT)> for When<C, T>
where
    C: ValidIn<Cx, IC>,
    T: ValidIn<Cx, IT>,
    C::Agg: CombineAgg<T::Agg>,
{
    type SqlType = T::SqlType;
    type Agg = Combined<C::Agg, T::Agg>;
}

impl<Cx, P, C, T, IP, IW> ValidIn<Cx, (IP, IW)> for WhenChain<P, C, T>
where
    P: ValidIn<Cx, IP>,
    When<C, T>: ValidIn<Cx, IW>,
    P::SqlType: SqlType,
    <When<C, T> as ValidIn<Cx, IW>>::SqlType: SqlType,
    P::Agg: CombineAgg<<When<C, T> as ValidIn<Cx, IW>>::Agg>,
{
    type SqlType = NullableIfEither<
        <P::SqlType as SqlType>::NotNull,
        P::SqlType,
        <When<C, T> as ValidIn<Cx, IW>>::SqlType,
    >;
    type Agg = Combined<P::Agg, <When<C, T> as ValidIn<Cx, IW>>::Agg>;
}

impl<Cx, W, I> ValidIn<Cx, I> for CaseWhen<W, NoElse>
where
    W: ValidIn<Cx, I>,
    W::SqlType: SqlType,
{
    type SqlType = Nullable<<W::SqlType as SqlType>::NotNull>;
    type Agg = W::Agg;
}

impl<Cx, W, E, IW, IE> ValidIn<Cx, (IW, IE)> for CaseWhen<W, Else<E>>
where
    W: ValidIn<Cx, IW>,
    E: ValidIn<Cx, IE>,
    W::SqlType: SqlType,
    E::SqlType: SqlType,
    W::Agg: CombineAgg<E::Agg>,
{
    type SqlType = NullableIfEither<<W::SqlType as SqlType>::NotNull, W::SqlType, E::SqlType>;
    type Agg = Combined<W::Agg, E::Agg>;
}

impl<DB: Backend, C: QueryFragment<DB>, T: QueryFragment<DB>> QueryFragment<DB> for When<C, T> {
    fn walk_ast<'b>(&'b self, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
        pass.push_sql(" WHEN ");
        self.cond.walk_ast(pass)?;
        pass.push_sql(" THEN ");
        self.then.walk_ast(pass)
    }
}

impl<DB: Backend, P: QueryFragment<DB>, C: QueryFragment<DB>, T: QueryFragment<DB>> QueryFragment<DB>
    for WhenChain<P, C, T>
{
    fn walk_ast<'b>(&'b self, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
        self.prev.walk_ast(pass)?;
        self.branch.walk_ast(pass)
    }
}

impl<DB: Backend> QueryFragment<DB> for NoElse {
    fn walk_ast<'b>(&'b self, _: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
        Ok(())
    }
}

impl<DB: Backend, E: QueryFragment<DB>> QueryFragment<DB> for Else<E> {
    fn walk_ast<'b>(&'b self, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
        pass.push_sql(" ELSE ");
        self.0.walk_ast(pass)
    }
}

impl<DB: Backend, W: QueryFragment<DB>, E: QueryFragment<DB>> QueryFragment<DB> for CaseWhen<W, E> {
    fn walk_ast<'b>(&'b self, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
        pass.push_sql("CASE");
        self.whens.walk_ast(pass)?;
        self.otherwise.walk_ast(pass)?;
        pass.push_sql(" END");
        Ok(())
    }
}
