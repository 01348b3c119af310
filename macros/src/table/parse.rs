//! Parsing the `table!` syntax:
//!
//! ```text
//! #[sql_name = "SqlName"] #[schema = "public"]   (optional)
//! rust_name (pk1, pk2) {                          (primary key optional: defaults to `id`)
//!     #[sql_name = "ColName"] #[references(other::col)]
//!     column -> SqlType,
//! }
//! ```

use proc_macro2::TokenStream;
use syn::parse::{Parse, ParseStream};
use syn::{braced, parenthesized, Attribute, Ident, Token, Type};

use super::model::{ColumnDef, Reference, Schema, TableDef};
use crate::attrs::name_value_str;

pub fn parse(input: TokenStream) -> syn::Result<Schema> {
    syn::parse2(input)
}

impl Parse for Schema {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let mut tables = Vec::new();
        while !input.is_empty() {
            tables.push(input.parse::<TableDef>()?);
        }
        if tables.is_empty() {
            return Err(input.error("expected at least one table: `name (id) { id -> Integer, }`"));
        }
        let mut seen = std::collections::HashSet::new();
        for t in &tables {
            if !seen.insert(t.name.to_string()) {
                return Err(syn::Error::new(
                    t.name.span(),
                    format!("table `{}` is declared twice", t.name),
                ));
            }
        }
        Ok(Schema { tables })
    }
}

impl Parse for TableDef {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let attrs = input.call(Attribute::parse_outer)?;
        let mut docs = Vec::new();
        let mut sql_name = None;
        let mut schema = None;
        for attr in attrs {
            if let Some(s) = name_value_str(&attr, "sql_name")? {
                sql_name = Some(s.value());
            } else if let Some(s) = name_value_str(&attr, "schema")? {
                schema = Some(s.value());
            } else if attr.path().is_ident("doc") {
                docs.push(attr);
            } else {
                return Err(syn::Error::new_spanned(
                    attr,
                    "unknown table attribute: expected `#[sql_name = \"...\"]`, `#[schema = \"...\"]` or a doc comment",
                ));
            }
        }
        let name: Ident = input.parse()?;
        let primary_key = if input.peek(syn::token::Paren) {
            let content;
            parenthesized!(content in input);
            let keys = content.parse_terminated(Ident::parse, Token![,])?;
            if keys.is_empty() {
                return Err(content.error("a primary key needs at least one column"));
            }
            keys.into_iter().collect()
        } else {
            vec![Ident::new("id", name.span())]
        };
        let content;
        braced!(content in input);
        let columns: Vec<ColumnDef> = content
            .parse_terminated(ColumnDef::parse, Token![,])?
            .into_iter()
            .collect();
        if columns.is_empty() {
            return Err(syn::Error::new(
                name.span(),
                format!("table `{name}` has no columns"),
            ));
        }
        let mut seen = std::collections::HashSet::new();
        for c in &columns {
            if !seen.insert(c.name.to_string()) {
                return Err(syn::Error::new(
                    c.name.span(),
                    format!("column `{}` is declared twice", c.name),
                ));
            }
            if c.name == "table" || c.name == "all_columns" {
                return Err(syn::Error::new(
                    c.name.span(),
                    format!("a column cannot be named `{}` in Rust (it is used by the generated module); rename it and keep the SQL name with #[sql_name = \"{}\"]", c.name, c.name),
                ));
            }
        }
        for pk in &primary_key {
            if !columns.iter().any(|c| c.name == *pk) {
                return Err(syn::Error::new(
                    pk.span(),
                    format!("primary key column `{pk}` is not a column of table `{name}`"),
                ));
            }
        }
        let sql_name = sql_name.unwrap_or_else(|| name.to_string());
        Ok(TableDef {
            docs,
            name,
            sql_name,
            schema,
            primary_key,
            columns,
        })
    }
}

impl Parse for ColumnDef {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let attrs = input.call(Attribute::parse_outer)?;
        let mut docs = Vec::new();
        let mut sql_name = None;
        let mut references = None;
        let mut unique = false;
        for attr in attrs {
            if let Some(s) = name_value_str(&attr, "sql_name")? {
                sql_name = Some(s.value());
            } else if attr.path().is_ident("references") {
                let path: syn::Path = attr.parse_args()?;
                let segs: Vec<_> = path.segments.iter().map(|s| s.ident.clone()).collect();
                if segs.len() != 2 {
                    return Err(syn::Error::new_spanned(
                        path,
                        "expected `#[references(table::column)]`",
                    ));
                }
                references = Some(Reference {
                    table: segs[0].clone(),
                    column: segs[1].clone(),
                });
            } else if attr.path().is_ident("unique") {
                attr.meta.require_path_only()?;
                unique = true;
            } else if attr.path().is_ident("doc") {
                docs.push(attr);
            } else {
                return Err(syn::Error::new_spanned(
                    attr,
                    "unknown column attribute: expected `#[sql_name = \"...\"]`, `#[references(table::column)]`, `#[unique]` or a doc comment",
                ));
            }
        }
        let name: Ident = input.call(Ident::parse_any_ident)?;
        input.parse::<Token![->]>()?;
        let sql_type: Type = input.parse()?;
        let sql_name = sql_name.unwrap_or_else(|| name.to_string().trim_start_matches("r#").to_owned());
        Ok(ColumnDef {
            docs,
            name,
            sql_name,
            sql_type,
            references,
            unique,
        })
    }
}

trait ParseAnyIdent {
    fn parse_any_ident(input: ParseStream<'_>) -> syn::Result<Ident>;
}
impl ParseAnyIdent for Ident {
    fn parse_any_ident(input: ParseStream<'_>) -> syn::Result<Ident> {
        input.parse()
    }
}
