//! `ILIKE` / `NOT ILIKE`: case-insensitive pattern matching (PostgreSQL).

use super::comparison::comparison;
use super::{ctx_ty, valid_in_node, Expression};
use crate::backend::SupportsIlike;
use crate::error::QueryResult;
use crate::query_builder::{AstPass, QueryFragment};
use crate::sql_types::{Bool, NullableIfEither, SqlType};

comparison! {
    backend: SupportsIlike;
    /// `left ILIKE pattern`: LIKE ignoring case (PostgreSQL; [`SupportsIlike`]).
    ILike => " ILIKE ";
    /// `left NOT ILIKE pattern` (PostgreSQL; [`SupportsIlike`]).
    NotILike => " NOT ILIKE ";
}
