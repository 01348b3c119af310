use crate::backend::Backend;
use crate::error::{Error, QueryResult};
use crate::serialize::ToSql;
use crate::sql_types::SqlTypeKind;

/// One walk over a query's AST: either writing its SQL or collecting its bound values.
///
/// Every AST node's [`QueryFragment::walk_ast`](super::QueryFragment::walk_ast) does the same
/// calls in both passes, so SQL and binds can never disagree.
#[allow(missing_debug_implementations)]
pub struct AstPass<'p, 'b, DB: Backend> {
    kind: PassKind<'p, 'b, DB>,
}

enum PassKind<'p, 'b, DB: Backend> {
    Sql {
        out: &'p mut String,
        binds: usize,
    },
    Binds {
        out: &'p mut Vec<DB::BindValue<'b>>,
        dynamic: &'p mut bool,
    },
}

impl<'p, 'b, DB: Backend> AstPass<'p, 'b, DB> {
    pub(crate) fn to_sql(out: &'p mut String) -> Self {
        Self {
            kind: PassKind::Sql { out, binds: 0 },
        }
    }

    pub(crate) fn collect_binds(out: &'p mut Vec<DB::BindValue<'b>>, dynamic: &'p mut bool) -> Self {
        Self {
            kind: PassKind::Binds { out, dynamic },
        }
    }

    /// Writes literal SQL (a keyword or punctuation; never a value).
    #[inline]
    pub fn push_sql(&mut self, sql: &str) {
        if let PassKind::Sql { out, .. } = &mut self.kind {
            out.push_str(sql);
        }
    }

    /// Writes an identifier, quoted by the backend.
    #[inline]
    pub fn push_identifier(&mut self, ident: &str) {
        if let PassKind::Sql { out, .. } = &mut self.kind {
            DB::push_identifier(out, ident);
        }
    }

    /// Writes a placeholder and binds `value` to it as SQL type `ST`.
    #[inline]
    pub fn push_bind<ST, T>(&mut self, value: &'b T) -> QueryResult<()>
    where
        T: ToSql<ST, DB> + ?Sized,
    {
        match &mut self.kind {
            PassKind::Sql { out, binds } => {
                DB::push_bind_placeholder(out, *binds);
                *binds += 1;
                if *binds > DB::MAX_BIND_PARAMS {
                    return Err(Error::QueryBuilder(format!(
                        "the query has more than {} bound parameters, the limit of {}",
                        DB::MAX_BIND_PARAMS,
                        DB::NAME
                    )));
                }
            }
            PassKind::Binds { out, .. } => out.push(value.to_sql()?),
        }
        Ok(())
    }

    /// Writes one placeholder and binds the values of `elements` (each a single bound
    /// parameter, see [`QueryFragment::is_single_bind`](super::QueryFragment)) to it as one
    /// array of SQL type `element[]`, built by [`Backend::bind_array`].
    pub fn push_bind_array<V>(&mut self, element: SqlTypeKind, elements: &'b [V]) -> QueryResult<()>
    where
        V: super::QueryFragment<DB>,
    {
        match &mut self.kind {
            PassKind::Sql { out, binds } => {
                DB::push_bind_placeholder(out, *binds);
                *binds += 1;
                Ok(())
            }
            PassKind::Binds { out, dynamic } => {
                let start = out.len();
                {
                    let mut inner = AstPass::<DB>::collect_binds(out, dynamic);
                    for e in elements {
                        e.walk_ast(&mut inner)?;
                    }
                }
                let values = out.split_off(start);
                if values.len() != elements.len() {
                    return Err(Error::QueryBuilder(
                        "an array parameter's elements must each be one bound value".into(),
                    ));
                }
                out.push(DB::bind_array(element, values)?);
                Ok(())
            }
        }
    }

    /// Binds `value` without writing a placeholder: for raw SQL, whose text already holds its
    /// placeholders (`?` on SQLite, `$1` on PostgreSQL).
    #[inline]
    pub fn push_bind_without_placeholder<ST, T>(&mut self, value: &'b T) -> QueryResult<()>
    where
        T: ToSql<ST, DB> + ?Sized,
    {
        match &mut self.kind {
            PassKind::Sql { binds, .. } => {
                *binds += 1;
                Ok(())
            }
            PassKind::Binds { out, .. } => {
                out.push(value.to_sql()?);
                Ok(())
            }
        }
    }

    /// Says that this query's SQL text depends on run-time data (an IN list's length, a boxed
    /// clause), so it must be cached by its SQL text rather than by its type.
    #[inline]
    pub fn mark_dynamic(&mut self) {
        if let PassKind::Binds { dynamic, .. } = &mut self.kind {
            **dynamic = true;
        }
    }

    /// Whether this pass writes SQL (as opposed to collecting binds).
    #[inline]
    pub fn is_sql_pass(&self) -> bool {
        matches!(self.kind, PassKind::Sql { .. })
    }
}
