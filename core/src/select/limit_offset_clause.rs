use crate::backend::Backend;
use crate::error::QueryResult;
use crate::query_builder::AstPass;
use crate::serialize::ToSql;
use crate::sql_types::BigInt;

/// No LIMIT.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoLimit;
/// `LIMIT n` (bound as a parameter).
#[derive(Debug, Clone, Copy)]
pub struct Limit(pub(crate) i64);
/// No OFFSET.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoOffset;
/// `OFFSET n` (bound as a parameter).
#[derive(Debug, Clone, Copy)]
pub struct Offset(pub(crate) i64);

/// A LIMIT clause state.
pub trait LimitValue {
    /// The value, if any.
    fn value(&self) -> Option<&i64>;
}
impl LimitValue for NoLimit {
    fn value(&self) -> Option<&i64> {
        None
    }
}
impl LimitValue for Limit {
    fn value(&self) -> Option<&i64> {
        Some(&self.0)
    }
}
impl LimitValue for NoOffset {
    fn value(&self) -> Option<&i64> {
        None
    }
}
impl LimitValue for Offset {
    fn value(&self) -> Option<&i64> {
        Some(&self.0)
    }
}

/// Writes LIMIT/OFFSET for `DB` with bound values.
pub(crate) fn walk_limit_offset<'b, DB: Backend>(
    limit: Option<&'b i64>,
    offset: Option<&'b i64>,
    pass: &mut AstPass<'_, 'b, DB>,
) -> QueryResult<()>
where
    i64: ToSql<BigInt, DB>,
{
    if limit.is_none() && offset.is_none() {
        return Ok(());
    }
    let style = DB::limit_offset_sql(limit.is_some(), offset.is_some());
    match limit {
        Some(l) => {
            pass.push_sql(style.limit_prefix.unwrap_or(" LIMIT "));
            pass.push_bind::<BigInt, i64>(l)?;
        }
        None => {
            if let Some(sql) = style.limit_when_only_offset {
                pass.push_sql(sql);
            }
        }
    }
    if let Some(o) = offset {
        pass.push_sql(style.offset_prefix);
        pass.push_bind::<BigInt, i64>(o)?;
    }
    Ok(())
}
