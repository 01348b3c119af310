use super::{AggConst, Ctx, Expression, ValidIn};
use crate::backend::Backend;
use crate::error::QueryResult;
use crate::query_builder::{AstPass, QueryFragment};
use crate::query_source::OuterSources;
use crate::select::Subquery;
use crate::sql_types::{Bool, Compatible, Nullable, NullableIfEither, SqlType};

/// `EXISTS (subquery)`
#[derive(Debug, Clone, Copy)]
pub struct Exists<Q>(pub(crate) Q);

/// `NOT EXISTS (subquery)`
#[derive(Debug, Clone, Copy)]
pub struct NotExists<Q>(pub(crate) Q);

/// `EXISTS (query)`: true when the query returns a row. A subquery that refers to the enclosing
/// query's tables declares them with `.correlate(table)`.
pub fn exists<Q: Subquery>(query: Q) -> Exists<Q> {
    Exists(query)
}

/// `NOT EXISTS (query)`.
pub fn not_exists<Q: Subquery>(query: Q) -> NotExists<Q> {
    NotExists(query)
}

/// `(subquery)` used as a value; NULL when it returns no row.
#[derive(Debug, Clone, Copy)]
pub struct ScalarSubquery<Q>(pub(crate) Q);

/// `expr IN (subquery)`
#[derive(Debug, Clone, Copy)]
pub struct InSubquery<E, Q> {
    pub(crate) expr: E,
    pub(crate) query: Q,
}

/// `expr NOT IN (subquery)`
#[derive(Debug, Clone, Copy)]
pub struct NotInSubquery<E, Q> {
    pub(crate) expr: E,
    pub(crate) query: Q,
}

macro_rules! exists_like {
    ($name:ident, $kw:literal) => {
        impl<Q> Expression for $name<Q> {
            type SqlType = Bool;
        }
        impl<Q: Subquery, F, G, I> ValidIn<Ctx<F, G>, I> for $name<Q>
        where
            Q::Outer: OuterSources<F, I>,
        {
            type SqlType = Bool;
            type Agg = AggConst;
        }
        impl<DB: Backend, Q: QueryFragment<DB>> QueryFragment<DB> for $name<Q> {
            fn walk_ast<'b>(&'b self, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
                pass.push_sql($kw);
                self.0.walk_ast(pass)?;
                pass.push_sql(")");
                Ok(())
            }
        }
    };
}
exists_like!(Exists, "EXISTS (");
exists_like!(NotExists, "NOT EXISTS (");

/// A subquery returning one column of a single SQL type.
#[diagnostic::on_unimplemented(
    message = "a subquery used as a value must select exactly one column",
    label = "this subquery selects `{Self}`"
)]
pub trait SingleColumn {
    /// The column's SQL type.
    type Type: SqlType;
}
#[diagnostic::do_not_recommend]
impl<T: SqlType> SingleColumn for T {
    type Type = T;
}

impl<Q: Subquery> Expression for ScalarSubquery<Q>
where
    Q::SqlType: SingleColumn,
{
    type SqlType = Nullable<<<Q::SqlType as SingleColumn>::Type as SqlType>::NotNull>;
}

impl<Q: Subquery, F, G, I> ValidIn<Ctx<F, G>, I> for ScalarSubquery<Q>
where
    Q::SqlType: SingleColumn,
    Q::Outer: OuterSources<F, I>,
{
    type SqlType = Nullable<<<Q::SqlType as SingleColumn>::Type as SqlType>::NotNull>;
    type Agg = AggConst;
}

impl<DB: Backend, Q: QueryFragment<DB>> QueryFragment<DB> for ScalarSubquery<Q> {
    fn walk_ast<'b>(&'b self, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
        pass.push_sql("(");
        self.0.walk_ast(pass)?;
        pass.push_sql(")");
        Ok(())
    }
}

macro_rules! in_subquery {
    ($name:ident, $kw:literal) => {
        // `x IN (SELECT …)` is NULL when x is NULL, or when no row matches and the subquery
        // returned a NULL: nullable if either side is.
        impl<E: Expression, Q: Subquery> Expression for $name<E, Q>
        where
            E::SqlType: SqlType,
            Q::SqlType: SingleColumn,
        {
            type SqlType = NullableIfEither<Bool, E::SqlType, <Q::SqlType as SingleColumn>::Type>;
        }

        impl<E, Q, F, G, IE, IQ> ValidIn<Ctx<F, G>, (IE, IQ)> for $name<E, Q>
        where
            E: ValidIn<Ctx<F, G>, IE>,
            Q: Subquery,
            Q::SqlType: SingleColumn,
            Q::Outer: OuterSources<F, IQ>,
            <E as ValidIn<Ctx<F, G>, IE>>::SqlType: SqlType,
        {
            type SqlType = NullableIfEither<
                Bool,
                <E as ValidIn<Ctx<F, G>, IE>>::SqlType,
                <Q::SqlType as SingleColumn>::Type,
            >;
            type Agg = <E as ValidIn<Ctx<F, G>, IE>>::Agg;
        }

        impl<DB: Backend, E: QueryFragment<DB>, Q: QueryFragment<DB>> QueryFragment<DB> for $name<E, Q> {
            fn walk_ast<'b>(&'b self, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
                self.expr.walk_ast(pass)?;
                pass.push_sql($kw);
                self.query.walk_ast(pass)?;
                pass.push_sql(")");
                Ok(())
            }
        }
    };
}
in_subquery!(InSubquery, " IN (");
in_subquery!(NotInSubquery, " NOT IN (");

/// Checks that a subquery's single column can be compared with `ST`.
#[diagnostic::on_unimplemented(
    message = "the IN subquery selects `{Self}`, but it must select exactly one column of the left side's SQL type `{ST}`",
    label = "subquery of the wrong type",
    note = "an IN subquery must select exactly one column of the same SQL type as the left side"
)]
pub trait SubqueryColumnOf<ST> {}
impl<T, ST> SubqueryColumnOf<ST> for T
where
    T: SingleColumn,
    <T as SingleColumn>::Type: Compatible<ST>,
{
}
