//! PostgreSQL's JSON operators: `->` (a member as JSON) and `->>` (a member as text) on `json`
//! and `jsonb`, and `@>` (containment) on `jsonb`. Each compiles only for backends implementing
//! [`SupportsJsonOperators`]. Keys and indexes given as Rust values are bound parameters.

use super::{ctx_ty, valid_in_node, Bound, Expression};
use crate::backend::SupportsJsonOperators;
use crate::error::QueryResult;
use crate::query_builder::{AstPass, QueryFragment};
use crate::sql_types::{Bool, Integer, Json, Jsonb, Nullable, NullableIfEither, SqlType, Text};
use crate::type_level::False;

/// SQL types of JSON values: `Json`, `Jsonb`, and their `Nullable` forms; `->` and `->>`
/// accept them.
#[diagnostic::on_unimplemented(
    message = "this operation needs a JSON expression (SQL type `Json` or `Jsonb`), but this expression is `{Self}`",
    label = "not JSON"
)]
pub trait JsonLike: SqlType {
    /// `Json` or `Jsonb`, without `Nullable`: the type of the members `->` returns.
    type Json: SqlType<IsNull = False>;
}
impl JsonLike for Json {
    type Json = Json;
}
impl JsonLike for Nullable<Json> {
    type Json = Json;
}
impl JsonLike for Jsonb {
    type Json = Jsonb;
}
impl JsonLike for Nullable<Jsonb> {
    type Json = Jsonb;
}

/// `Jsonb` or `Nullable<Jsonb>`: the containment operator `@>` accepts them (PostgreSQL has
/// no `@>` for `json`; cast to `Jsonb` first).
#[diagnostic::on_unimplemented(
    message = "`@>` (containment) needs a `Jsonb` expression, but this expression is `{Self}`",
    label = "not jsonb",
    note = "PostgreSQL defines `@>` for jsonb only: `.cast::<Jsonb>()` a json value first"
)]
pub trait JsonbLike: SqlType {}
impl JsonbLike for Jsonb {}
impl JsonbLike for Nullable<Jsonb> {}

/// SQL types that can select a member of a JSON value: `Text` (an object's key) and `Integer`
/// (an array's index, from 0; negative counts from the end).
pub trait JsonKeyType: SqlType {}
impl JsonKeyType for Text {}
impl JsonKeyType for Nullable<Text> {}
impl JsonKeyType for Integer {}
impl JsonKeyType for Nullable<Integer> {}

/// A key or index for `->` / `->>`: `&str` / `String` (an object's key), `i32` (an array's
/// index), or a `Text` / `Integer` expression. Rust values are bound as parameters.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot select a JSON member: use text (an object's key) or an `i32` (an array's index)",
    label = "not a JSON key or index",
    note = "a key is a `&str`, a `String` or a Text expression; an index is an `i32` or an Integer expression"
)]
pub trait JsonKey {
    /// The key as an expression.
    type Expression: Expression;
    /// Converts.
    fn into_json_key(self) -> Self::Expression;
}

#[diagnostic::do_not_recommend]
impl<E: Expression> JsonKey for E
where
    E::SqlType: JsonKeyType,
{
    type Expression = E;
    #[inline]
    fn into_json_key(self) -> E {
        self
    }
}

macro_rules! json_key_values {
    ($([$($lt:lifetime)?] $rust:ty => $st:ident;)*) => {$(
        impl<$($lt)?> JsonKey for $rust {
            type Expression = Bound<$st, $rust>;
            #[inline]
            fn into_json_key(self) -> Self::Expression {
                Bound::new(self)
            }
        }
    )*};
}

json_key_values! {
    ['a] &'a str => Text;
    ['a] &'a String => Text;
    [] String => Text;
    [] i32 => Integer;
}

macro_rules! json_get {
    (@type json, $e:ty) => { Nullable<<$e as JsonLike>::Json> };
    (@type text, $e:ty) => { Nullable<Text> };
    ($($(#[$m:meta])* $name:ident => $op:literal, $st:ident;)*) => {$(
        $(#[$m])*
        #[derive(Debug, Clone, Copy)]
        pub struct $name<E, K> {
            pub(crate) json: E,
            pub(crate) key: K,
        }

        impl<E, K> $name<E, K> {
            pub(crate) fn new(json: E, key: K) -> Self {
                Self { json, key }
            }
        }

        impl<E, K> Expression for $name<E, K>
        where
            E: Expression,
            K: Expression,
            E::SqlType: JsonLike,
        {
            type SqlType = json_get!(@type $st, E::SqlType);
        }

        valid_in_node!(impl[E, K] $name<E, K>, E, K => json_get!(@type $st, ctx_ty!(E, __IA)),
            where ctx_ty!(E, __IA): JsonLike,);

        impl<DB, E, K> QueryFragment<DB> for $name<E, K>
        where
            DB: SupportsJsonOperators,
            E: QueryFragment<DB>,
            K: QueryFragment<DB>,
        {
            fn walk_ast<'b>(&'b self, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
                // Parenthesized: `->` has the precedence of every other operator, so
                // `a @> b -> k` would read as `(a @> b) -> k`.
                pass.push_sql("(");
                self.json.walk_ast(pass)?;
                pass.push_sql($op);
                self.key.walk_ast(pass)?;
                pass.push_sql(")");
                Ok(())
            }
        }
    )*};
}

json_get! {
    /// `(json -> key)`: the member `key` (or element at index `key`) as JSON of the same type
    /// (`Json` or `Jsonb`); NULL when there is none.
    JsonGet => " -> ", json;
    /// `(json ->> key)`: the member `key` (or element at index `key`) as text; NULL when there
    /// is none or it is JSON `null`.
    JsonGetText => " ->> ", text;
}

/// `left @> right` on jsonb: `left` contains `right` (every key/value of `right` is in `left`,
/// recursively; array elements in any order).
#[derive(Debug, Clone, Copy)]
pub struct JsonbContains<L, R> {
    pub(crate) left: L,
    pub(crate) right: R,
}

impl<L, R> JsonbContains<L, R> {
    pub(crate) fn new(left: L, right: R) -> Self {
        Self { left, right }
    }
}

impl<L, R> Expression for JsonbContains<L, R>
where
    L: Expression,
    R: Expression,
    L::SqlType: SqlType,
    R::SqlType: SqlType,
{
    type SqlType = NullableIfEither<Bool, L::SqlType, R::SqlType>;
}

valid_in_node!(impl[L, R] JsonbContains<L, R>, L, R =>
    NullableIfEither<Bool, ctx_ty!(L, __IA), ctx_ty!(R, __IB)>,
    where ctx_ty!(L, __IA): SqlType, ctx_ty!(R, __IB): SqlType,);

impl<DB, L, R> QueryFragment<DB> for JsonbContains<L, R>
where
    DB: SupportsJsonOperators,
    L: QueryFragment<DB>,
    R: QueryFragment<DB>,
{
    fn walk_ast<'b>(&'b self, pass: &mut AstPass<'_, 'b, DB>) -> QueryResult<()> {
        self.left.walk_ast(pass)?;
        pass.push_sql(" @> ");
        self.right.walk_ast(pass)
    }
}
