//! `#[derive(SqlEnum)]`: a Rust enum of unit variants as the values of a user-defined SQL type
//! (a database enum such as PostgreSQL's `CREATE TYPE mood AS ENUM (...)`).
//!
//! [`parse`] turns the input into an [`EnumDef`]; [`expand`] generates the SQL type marker and
//! the conversions. The conversions go through `quarry`'s backend hooks
//! (`serialize::BindCustomLabel`, `deserialize::ReadCustomLabel`), so one derive serves every
//! backend.

use proc_macro2::TokenStream;
use quote::quote;
use syn::ext::IdentExt;
use syn::{Attribute, Data, DeriveInput, Fields, Ident, LitStr, Visibility};

/// A parsed `#[derive(SqlEnum)]` input.
pub struct EnumDef {
    /// The Rust enum.
    pub ident: Ident,
    /// Its visibility, given to the generated SQL type marker.
    pub vis: Visibility,
    /// `sql_type = Ident`: the marker type to generate.
    pub sql_type: Ident,
    /// `sql_name = "..."`: the type's SQL name (default: the enum's name in snake_case).
    pub sql_name: String,
    /// The variants and their labels, in declaration order.
    pub variants: Vec<VariantDef>,
}

/// One variant and the SQL label it stands for.
pub struct VariantDef {
    /// The variant.
    pub ident: Ident,
    /// Its label: `rename = "..."`, or the variant's name in snake_case.
    pub label: String,
}

/// Parses and expands, turning errors into `compile_error!`.
pub fn expand_tokens(input: TokenStream) -> TokenStream {
    match parse(input) {
        Ok(def) => expand(&def),
        Err(e) => e.to_compile_error(),
    }
}

/// `SoSo` → `so_so`, `HTTPStatus` → `http_status`, `V2Beta` → `v2_beta`.
pub fn snake_case(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::with_capacity(name.len() + 4);
    for (i, &c) in chars.iter().enumerate() {
        if c.is_uppercase() {
            let prev = i.checked_sub(1).and_then(|p| chars.get(p));
            let next_is_lower = chars.get(i + 1).is_some_and(|n| n.is_lowercase());
            let boundary = match prev {
                None | Some('_') => false,
                Some(p) => p.is_lowercase() || p.is_numeric() || (p.is_uppercase() && next_is_lower),
            };
            if boundary {
                out.push('_');
            }
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// Options of the enum: `#[quarry(sql_type = T, sql_name = "...")]`.
fn enum_options(attrs: &[Attribute]) -> syn::Result<(Option<Ident>, Option<LitStr>)> {
    let (mut sql_type, mut sql_name) = (None, None);
    for attr in attrs.iter().filter(|a| a.path().is_ident("quarry")) {
        attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("sql_type") {
                sql_type = Some(meta.value()?.parse::<Ident>()?);
                Ok(())
            } else if meta.path.is_ident("sql_name") {
                sql_name = Some(meta.value()?.parse::<LitStr>()?);
                Ok(())
            } else {
                Err(meta.error("unknown option: expected `sql_type = TypeName` or `sql_name = \"...\"`"))
            }
        })?;
    }
    Ok((sql_type, sql_name))
}

/// Options of a variant: `#[quarry(rename = "...")]`.
fn variant_rename(attrs: &[Attribute]) -> syn::Result<Option<LitStr>> {
    let mut rename = None;
    for attr in attrs.iter().filter(|a| a.path().is_ident("quarry")) {
        attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("rename") {
                rename = Some(meta.value()?.parse::<LitStr>()?);
                Ok(())
            } else {
                Err(meta.error("unknown option: expected `rename = \"label\"`"))
            }
        })?;
    }
    Ok(rename)
}

/// Checks a label or SQL name: not empty, no NUL byte.
fn check_text(lit: &LitStr, what: &str) -> syn::Result<String> {
    let value = lit.value();
    if value.is_empty() {
        return Err(syn::Error::new_spanned(lit, format!("{what} cannot be empty")));
    }
    if value.contains('\0') {
        return Err(syn::Error::new_spanned(
            lit,
            format!("{what} cannot contain a NUL character"),
        ));
    }
    Ok(value)
}

/// Parses the input of `#[derive(SqlEnum)]`.
pub fn parse(input: TokenStream) -> syn::Result<EnumDef> {
    let input: DeriveInput = syn::parse2(input)?;
    let (sql_type, sql_name) = enum_options(&input.attrs)?;
    let data = match &input.data {
        Data::Enum(data) => data,
        _ => {
            return Err(syn::Error::new_spanned(
                &input.ident,
                "`SqlEnum` is derived for enums of unit variants only",
            ))
        }
    };
    if !input.generics.params.is_empty() {
        return Err(syn::Error::new_spanned(
            &input.generics,
            "`SqlEnum` does not support generic enums",
        ));
    }
    let sql_type = sql_type.ok_or_else(|| {
        syn::Error::new_spanned(
            &input.ident,
            format!(
                "`SqlEnum` needs the name of the SQL type to generate: add `#[quarry(sql_type = {}Type)]`",
                input.ident
            ),
        )
    })?;
    if sql_type == input.ident {
        return Err(syn::Error::new_spanned(
            &sql_type,
            "the SQL type needs a name of its own, not the enum's (for example `MoodType` for `Mood`)",
        ));
    }
    let sql_name = match &sql_name {
        Some(lit) => check_text(lit, "the SQL type name")?,
        None => snake_case(&input.ident.unraw().to_string()),
    };
    if data.variants.is_empty() {
        return Err(syn::Error::new_spanned(
            &input.ident,
            "`SqlEnum` needs at least one variant",
        ));
    }
    let mut variants: Vec<VariantDef> = Vec::with_capacity(data.variants.len());
    for v in &data.variants {
        if !matches!(v.fields, Fields::Unit) {
            return Err(syn::Error::new_spanned(
                v,
                "`SqlEnum` variants cannot have fields: each variant stands for one label",
            ));
        }
        let label = match variant_rename(&v.attrs)? {
            Some(lit) => check_text(&lit, "a label")?,
            None => snake_case(&v.ident.unraw().to_string()),
        };
        if let Some(other) = variants.iter().find(|o| o.label == label) {
            return Err(syn::Error::new_spanned(
                &v.ident,
                format!(
                    "variants `{}` and `{}` have the same label {label:?}; give one `#[quarry(rename = \"...\")]`",
                    other.ident, v.ident
                ),
            ));
        }
        variants.push(VariantDef {
            ident: v.ident.clone(),
            label,
        });
    }
    Ok(EnumDef {
        ident: input.ident,
        vis: input.vis,
        sql_type,
        sql_name,
        variants,
    })
}

/// The SQL type marker and its impls, and the enum's conversions.
pub fn expand(def: &EnumDef) -> TokenStream {
    let EnumDef {
        ident,
        vis,
        sql_type: st,
        sql_name,
        variants,
    } = def;
    let variant_idents: Vec<&Ident> = variants.iter().map(|v| &v.ident).collect();
    let labels: Vec<&str> = variants.iter().map(|v| v.label.as_str()).collect();
    let doc = format!(
        "The SQL type `{sql_name}`, a user-defined enum whose values are [`{ident}`] \
         (generated by `#[derive(SqlEnum)]`)."
    );
    let nullable = quote!(::quarry::sql_types::Nullable<#st>);
    let kind = quote!(<#st as ::quarry::sql_types::SqlType>::KIND);
    let bound = |value: TokenStream| quote!(::quarry::expression::Bound<#st, #value>);
    let (bound_owned, bound_ref) = (bound(quote!(#ident)), bound(quote!(&'__quarry_a #ident)));

    quote! {
        #[doc = #doc]
        #[derive(Debug, Clone, Copy, Default)]
        #vis struct #st;

        impl ::quarry::sql_types::SqlType for #st {
            type IsNull = ::quarry::type_level::False;
            type NotNull = #st;
            const KIND: ::quarry::sql_types::SqlTypeKind = ::quarry::sql_types::SqlTypeKind::Custom(#sql_name);
        }

        // Gives the `Compatible` / `AssignableTo` impls of a SQL type (comparable with itself,
        // either side nullable; storable into its own columns), as blanket impls in `quarry`:
        // the orphan rule forbids writing `Compatible<Nullable<T>> for Nullable<T>` here.
        impl ::quarry::serialize::CustomSqlType for #st {}

        impl<__DB: ::quarry::serialize::BindCustomLabel> ::quarry::serialize::ToSql<#st, __DB> for #ident {
            #[inline]
            fn to_sql(&self) -> ::quarry::QueryResult<<__DB as ::quarry::backend::Backend>::BindValue<'_>> {
                let label: &'static str = match self {
                    #(Self::#variant_idents => #labels,)*
                };
                <__DB as ::quarry::serialize::BindCustomLabel>::bind_custom_label(#kind, label)
            }
        }

        impl<__DB: ::quarry::deserialize::ReadCustomLabel> ::quarry::deserialize::FromSql<#st, __DB> for #ident {
            fn from_sql(
                value: <__DB as ::quarry::backend::Backend>::RawValue<'_>,
            ) -> ::core::result::Result<Self, ::quarry::DeserializeErrorKind> {
                match <__DB as ::quarry::deserialize::ReadCustomLabel>::read_custom_label(value)? {
                    #(#labels => ::core::result::Result::Ok(Self::#variant_idents),)*
                    other => ::core::result::Result::Err(::quarry::deserialize::unknown_label(#kind, other)),
                }
            }
        }

        impl<__DB: ::quarry::backend::Backend> ::quarry::deserialize::FromRow<#st, __DB> for #ident
        where
            #ident: ::quarry::deserialize::FromSql<#st, __DB>,
        {
            const COLUMNS: usize = 1;
            #[inline]
            fn from_row<__R: ::quarry::deserialize::Row<__DB>>(row: &__R, offset: usize) -> ::quarry::QueryResult<Self> {
                ::quarry::deserialize::read_column::<Self, #st, __DB, __R>(row, offset)
            }
        }

        ::quarry::insertable_field! {
            [] #ident => #st;
            ['__quarry_a] &'__quarry_a #ident => #st;
        }

        #[diagnostic::do_not_recommend]
        impl ::quarry::expression::AsExpression<#st> for #ident {
            type Expression = #bound_owned;
            #[inline]
            fn as_expression(self) -> Self::Expression {
                ::quarry::expression::Bound::new(self)
            }
        }
        #[diagnostic::do_not_recommend]
        impl ::quarry::expression::AsExpression<#nullable> for #ident {
            type Expression = #bound_owned;
            #[inline]
            fn as_expression(self) -> Self::Expression {
                ::quarry::expression::Bound::new(self)
            }
        }
        impl ::quarry::expression::IntoExpression for #ident {
            type Expression = #bound_owned;
            #[inline]
            fn into_expression(self) -> Self::Expression {
                ::quarry::expression::Bound::new(self)
            }
        }
        #[diagnostic::do_not_recommend]
        impl<'__quarry_a> ::quarry::expression::AsExpression<#st> for &'__quarry_a #ident {
            type Expression = #bound_ref;
            #[inline]
            fn as_expression(self) -> Self::Expression {
                ::quarry::expression::Bound::new(self)
            }
        }
        #[diagnostic::do_not_recommend]
        impl<'__quarry_a> ::quarry::expression::AsExpression<#nullable> for &'__quarry_a #ident {
            type Expression = #bound_ref;
            #[inline]
            fn as_expression(self) -> Self::Expression {
                ::quarry::expression::Bound::new(self)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use quote::quote;

    use super::*;

    fn parse_ok(input: TokenStream) -> EnumDef {
        match parse(input) {
            Ok(def) => def,
            Err(e) => panic!("valid input: {e}"),
        }
    }

    fn parse_err(input: TokenStream) -> String {
        match parse(input) {
            Ok(def) => panic!("invalid input parsed as enum `{}`", def.ident),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn snake_case_labels() {
        let cases = [
            ("Happy", "happy"),
            ("SoSo", "so_so"),
            ("HTTPStatus", "http_status"),
            ("V2Beta", "v2_beta"),
            ("ABC", "abc"),
            ("already_snake", "already_snake"),
            ("Under_Score", "under_score"),
            ("A", "a"),
        ];
        for (name, label) in cases {
            assert_eq!(snake_case(name), label, "{name}");
        }
    }

    #[test]
    fn parses_options_labels_and_visibility() {
        let def = parse_ok(quote! {
            #[derive(Debug)]
            #[quarry(sql_type = MoodType, sql_name = "mood")]
            pub(crate) enum Mood { Happy, #[quarry(rename = "so-so")] SoSo, VerySad = 7 }
        });
        assert_eq!(def.ident, "Mood");
        assert_eq!(def.sql_type, "MoodType");
        assert_eq!(def.sql_name, "mood");
        assert!(matches!(def.vis, Visibility::Restricted(_)));
        let labels: Vec<_> = def.variants.iter().map(|v| v.label.as_str()).collect();
        assert_eq!(labels, ["happy", "so-so", "very_sad"]);
    }

    #[test]
    fn sql_name_defaults_to_the_snake_case_enum_name() {
        let def = parse_ok(quote! { #[quarry(sql_type = OrderStatusType)] enum OrderStatus { Open } });
        assert_eq!(def.sql_name, "order_status");
    }

    #[test]
    fn rejects_what_cannot_map_to_labels() {
        let cases = [
            (quote! { enum E { A } }, "needs the name of the SQL type"),
            (quote! { #[quarry(sql_type = E)] enum E { A } }, "name of its own"),
            (
                quote! { #[quarry(sql_type = T)] struct E { a: i32 } },
                "enums of unit variants",
            ),
            (
                quote! { #[quarry(sql_type = T)] enum E { A(i32) } },
                "cannot have fields",
            ),
            (
                quote! { #[quarry(sql_type = T)] enum E { A { x: i32 } } },
                "cannot have fields",
            ),
            (
                quote! { #[quarry(sql_type = T)] enum E {} },
                "at least one variant",
            ),
            (quote! { #[quarry(sql_type = T)] enum E<X> { A(X) } }, "generic"),
            (
                quote! { #[quarry(sql_type = T)] enum E { A, #[quarry(rename = "a")] B } },
                "same label",
            ),
            (
                quote! { #[quarry(sql_type = T)] enum E { #[quarry(rename = "")] A } },
                "cannot be empty",
            ),
            (
                quote! { #[quarry(sql_type = T, sql_name = "a\0b")] enum E { A } },
                "NUL",
            ),
            (
                quote! { #[quarry(sql_type = T, table = x)] enum E { A } },
                "unknown option",
            ),
            (
                quote! { #[quarry(sql_type = T)] enum E { #[quarry(label = "x")] A } },
                "unknown option",
            ),
            (
                quote! { #[quarry(sql_type = T, sql_name = mood)] enum E { A } },
                "expected string literal",
            ),
        ];
        for (input, expected) in cases {
            let err = parse_err(input.clone());
            assert!(err.contains(expected), "{input}: {err}");
        }
    }

    #[test]
    fn expands_the_marker_and_the_conversions() {
        let out = expand_tokens(quote! {
            #[quarry(sql_type = MoodType, sql_name = "mood")]
            pub enum Mood { Happy, #[quarry(rename = "so-so")] SoSo }
        })
        .to_string();
        for expected in [
            "pub struct MoodType",
            "SqlTypeKind :: Custom (\"mood\")",
            "impl :: quarry :: serialize :: CustomSqlType for MoodType",
            "Self :: SoSo => \"so-so\"",
            "\"so-so\" => :: core :: result :: Result :: Ok (Self :: SoSo)",
            "bind_custom_label",
            "read_custom_label",
            "unknown_label",
            "FromRow < MoodType , __DB > for Mood",
            "AsExpression < MoodType > for & '__quarry_a Mood",
        ] {
            assert!(out.contains(expected), "missing `{expected}` in {out}");
        }
    }

    #[test]
    fn errors_become_compile_errors() {
        let out = expand_tokens(quote! { enum E { A } }).to_string();
        assert!(out.contains("compile_error"), "{out}");
    }
}
