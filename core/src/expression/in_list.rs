use super::{AggConst, CombineAgg, Expression, ValidIn};
use crate::backend::Backend;
use crate::error::QueryResult;
use crate::query_builder::{AstPass, QueryFragment};
use crate::sql_types::{Bool, NullableIf, SqlType};

macro_rules! in_list {
    ($name:ident, $kw:literal, $array_op:literal, $empty:literal, $doc:literal) => {
        #[doc = $doc]
        ///
        /// An empty list is written as a constant condition (`IN ()` is not valid SQL).
        #[derive(Debug, Clone)]
        pub struct $name<E, V> {
            pub(crate) expr: E,
            pub(crate) values: Vec<V>,
        }

        impl<E, V> $name<E, V> {
            pub(crate) fn new(expr: E, values: Vec<V>) -> Self {
                Self { expr, values }
            }
        }

        impl<E: Expression, V> Expression for $name<E, V>
        where
            E::SqlType: SqlType,
        {
            type SqlType = NullableIf<Bool, E::SqlType>;
        }

        impl<E, V, C, I> ValidIn<C, I> for $name<E, V>
        where
            E: ValidIn<C, I>,
            V: ValidIn<C, (), Agg = AggConst>,
            <E as ValidIn<C, I>>::SqlType: SqlType,
            <E as ValidIn<C, I>>::Agg: CombineAgg<AggConst>,
        {
            type SqlType = NullableIf<Bool, <E as ValidIn<C, I>>::SqlType>;
            type Agg = <E as ValidIn<C, I>>::Agg;
        }

        impl<DB, E, V> QueryFragment<DB> for $name<E, V>
        where
            DB: Backend,
            E: QueryFragment<DB>,
            V: QueryFragment<DB> + Expression,
            V::SqlType: SqlType,
        {
            fn walk_ast<'b>(&'b self, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
                if DB::in_list_as_array(<V::SqlType as SqlType>::KIND)
                    && self.values.iter().all(QueryFragment::is_single_bind)
                {
                    // One array parameter: the same SQL for every length, the empty list included.
                    self.expr.walk_ast(pass)?;
                    pass.push_sql($array_op);
                    pass.push_bind_array(<V::SqlType as SqlType>::KIND, &self.values)?;
                    pass.push_sql(")");
                    return Ok(());
                }
                // The SQL text depends on the list's length.
                pass.mark_dynamic();
                if self.values.is_empty() {
                    pass.push_sql($empty);
                    return Ok(());
                }
                self.expr.walk_ast(pass)?;
                pass.push_sql($kw);
                for (i, v) in self.values.iter().enumerate() {
                    if i > 0 {
                        pass.push_sql(", ");
                    }
                    v.walk_ast(pass)?;
                }
                pass.push_sql(")");
                Ok(())
            }
        }
    };
}

in_list!(EqAny, " IN (", " = ANY(", "1 = 0", "`expr IN (v1, v2, …)`, or `expr = ANY(?)` with one array parameter on backends that have them (PostgreSQL).");
in_list!(NeAll, " NOT IN (", " <> ALL(", "1 = 1", "`expr NOT IN (v1, v2, …)`, or `expr <> ALL(?)` with one array parameter on backends that have them (PostgreSQL).");
