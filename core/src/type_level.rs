//! Type-level booleans and the index types used to find things in type-level lists.
//!
//! Quarry checks at compile time that every column used in a query belongs to a table in its
//! FROM clause. Instead of one impl per pair of tables (O(n²) in the schema), the lookup walks the
//! query's own sources with an *index* type parameter that rustc infers: [`Here`] when the table is
//! the source itself, [`InLeft`]/[`InRight`] to descend into a join. The cost is proportional to the
//! tables of one query, not to the size of the schema.

use std::marker::PhantomData;

use crate::sql_types::IntoNullable;

/// A type-level boolean.
pub trait TBool: 'static {
    /// The runtime value.
    const VALUE: bool;
    /// Logical or with another type-level boolean.
    type Or<B: TBool>: TBool;
    /// `ST` made nullable when `Self` is [`True`], `ST` unchanged otherwise.
    type Nullify<ST: IntoNullable>;
}

/// Type-level `true`.
#[derive(Debug, Clone, Copy, Default)]
pub struct True;
/// Type-level `false`.
#[derive(Debug, Clone, Copy, Default)]
pub struct False;

impl TBool for True {
    const VALUE: bool = true;
    type Or<B: TBool> = True;
    type Nullify<ST: IntoNullable> = ST::Nullable;
}

impl TBool for False {
    const VALUE: bool = false;
    type Or<B: TBool> = B;
    type Nullify<ST: IntoNullable> = ST;
}

/// Index: the item is the source itself.
#[derive(Debug, Clone, Copy, Default)]
pub struct Here;
/// Index: the item is found in the left side of a join.
#[derive(Debug, Clone, Copy, Default)]
pub struct InLeft<I>(PhantomData<I>);
/// Index: the item is found in the right side of a join.
#[derive(Debug, Clone, Copy, Default)]
pub struct InRight<I>(PhantomData<I>);
/// Index: the relation is a foreign key from the searched table to the target.
#[derive(Debug, Clone, Copy, Default)]
pub struct Forward;
/// Index: the relation is a foreign key from the target to the searched table.
#[derive(Debug, Clone, Copy, Default)]
pub struct Backward;
/// Index: the item is found at position `N` of a tuple.
#[derive(Debug, Clone, Copy, Default)]
pub struct At<const N: usize, I>(PhantomData<I>);
