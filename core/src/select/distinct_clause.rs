/// No DISTINCT.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoDistinct;

/// `SELECT DISTINCT`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Distinct;

/// Whether a statement is DISTINCT.
pub trait DistinctClause {
    /// The SQL written after SELECT.
    const SQL: &'static str;
}
impl DistinctClause for NoDistinct {
    const SQL: &'static str = "";
}
impl DistinctClause for Distinct {
    const SQL: &'static str = "DISTINCT ";
}
