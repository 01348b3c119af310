//! Turning a query into SQL text and bound parameters.

mod ast_pass;
mod query_fragment;

pub use self::ast_pass::AstPass;
pub use self::query_fragment::{collect_binds, debug_sql, to_sql, QueryFragment};
