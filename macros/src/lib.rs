//! Procedural macros for Quarry: the `table!` schema macro and the row derives.
//!
//! This crate is a thin shell: each macro parses its input into a plain data model and expands
//! it with plain functions (`table::parse`, `table::expand`, `derive_row::expand`,
//! `derive_enum::parse`, `derive_enum::expand`), which are
//! unit-tested without the compiler's proc-macro machinery.

mod attrs;
mod derive_by_name;
mod derive_changeset;
mod derive_enum;
mod derive_insertable;
mod derive_row;
mod row_struct;
mod table;

use proc_macro::TokenStream;

/// Declares one or more tables. See the `quarry` crate docs for the syntax.
///
/// ```ignore
/// quarry::table! {
///     #[sql_name = "Album"]
///     albums (album_id) {
///         #[sql_name = "AlbumId"]
///         album_id -> Integer,
///         title -> Text,
///         #[references(artists::artist_id)]
///         artist_id -> Integer,
///     }
/// }
/// ```
#[proc_macro]
pub fn table(input: TokenStream) -> TokenStream {
    table::expand_tokens(input.into()).into()
}

/// Loads a struct from a row.
///
/// With `#[quarry(table = path)]` the fields map to that table's columns **by name** (field
/// `name` reads column `name`, or the column given by `#[quarry(column = other)]`): the struct
/// loads from the table's default selection and, with `#[derive(Selectable)]`, from
/// `Struct::as_select()`. A field whose type does not match its column fails to compile.
///
/// Without a table, the struct loads **positionally** from a tuple select of the same arity
/// (for aggregates and computed values).
#[proc_macro_derive(Queryable, attributes(quarry))]
pub fn derive_queryable(input: TokenStream) -> TokenStream {
    derive_row::expand_queryable_tokens(input.into()).into()
}

/// Generates `Struct::as_select()`, selecting the struct's fields as columns of
/// `#[quarry(table = path)]`, by name.
#[proc_macro_derive(Selectable, attributes(quarry))]
pub fn derive_selectable(input: TokenStream) -> TokenStream {
    derive_row::expand_selectable_tokens(input.into()).into()
}

/// Makes a struct insertable into `#[quarry(table = path)]`: each field sets the column of the
/// same name (or `#[quarry(column = other)]`). Fields may be owned or borrowed (`&'a str`);
/// columns without a field take their database default.
///
/// `insert_into(users::table).values(&new_user)` inserts one row; `.values(&rows)` a batch.
#[proc_macro_derive(Insertable, attributes(quarry))]
pub fn derive_insertable(input: TokenStream) -> TokenStream {
    derive_insertable::expand_tokens(input.into()).into()
}

/// Loads a struct from raw SQL results by column name. Each field's SQL type comes from the
/// column of `#[quarry(table = path)]` with the field's name, or from `#[quarry(sql_type = T)]`.
#[proc_macro_derive(QueryableByName, attributes(quarry))]
pub fn derive_queryable_by_name(input: TokenStream) -> TokenStream {
    derive_by_name::expand_tokens(input.into()).into()
}

/// Makes a struct a SET list for `update(...).set(&changes)` on `#[quarry(table = path)]`.
///
/// Each field sets the column of the same name. An `Option<T>` field that is `None` leaves its
/// column unchanged (for a nullable column, use `Option<Option<T>>` to be able to write NULL);
/// with `#[quarry(treat_none_as_null = true)]`, `None` writes NULL instead. The primary key
/// fields (`id`, or those named by `#[quarry(primary_key(...))]`) identify the row and are not set.
#[proc_macro_derive(AsChangeset, attributes(quarry))]
pub fn derive_as_changeset(input: TokenStream) -> TokenStream {
    derive_changeset::expand_changeset_tokens(input.into()).into()
}

/// Lets `update(&row)` and `delete(&row)` target a row by its primary key, held in the fields
/// named by `#[quarry(primary_key(a, b))]` (default: the field `id`) of `#[quarry(table = path)]`.
#[proc_macro_derive(Identifiable, attributes(quarry))]
pub fn derive_identifiable(input: TokenStream) -> TokenStream {
    derive_changeset::expand_identifiable_tokens(input.into()).into()
}

/// Maps a Rust enum of unit variants to a user-defined SQL type (a database enum, such as
/// PostgreSQL's `CREATE TYPE mood AS ENUM (...)`; a TEXT column on SQLite).
///
/// `#[quarry(sql_type = MoodType)]` names the SQL type marker the derive generates, with the
/// enum's visibility; use it in `table!` like any SQL type, `Nullable<_>` included (`table!`
/// makes column types public, so an enum used there must be `pub`). The
/// optional `sql_name = "mood"` is the type's SQL name (default: the enum's name in snake_case),
/// used in casts. Each variant stands for a label: the variant's name in snake_case, or
/// `#[quarry(rename = "...")]`.
///
/// ```ignore
/// #[derive(SqlEnum, Debug, Clone, Copy, PartialEq)]
/// #[quarry(sql_type = MoodType, sql_name = "mood")]
/// pub enum Mood {
///     Happy,                        // 'happy'
///     #[quarry(rename = "so-so")]
///     SoSo,                         // 'so-so'
///     Sad,                          // 'sad'
/// }
///
/// quarry::table! {
///     people (id) {
///         id -> Integer,
///         // The path is resolved inside the module `table!` generates: name the marker from
///         // there (`super::`, `crate::`), as for any type that is not one of `quarry::sql_types`.
///         mood -> super::MoodType,
///         previous_mood -> Nullable<super::MoodType>,
///     }
/// }
///
/// let happy: Vec<i32> = people::table.select(people::id).filter(people::mood.eq(Mood::Happy)).load(&mut conn)?;
/// ```
///
/// The enum then binds (`eq`, `eq_any`, inserts, updates), loads (`Queryable`, `Option<Mood>`
/// for a nullable column) and compares only with columns of its own SQL type. A label read from
/// the database that no variant has is an error naming the label. Backends take part through
/// `quarry::serialize::BindCustomLabel` and `quarry::deserialize::ReadCustomLabel`: PostgreSQL
/// binds the label with an unspecified type so that the server infers the enum type; SQLite
/// stores TEXT.
#[proc_macro_derive(SqlEnum, attributes(quarry))]
pub fn derive_sql_enum(input: TokenStream) -> TokenStream {
    derive_enum::expand_tokens(input.into()).into()
}
