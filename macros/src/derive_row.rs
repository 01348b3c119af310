//! `#[derive(Queryable)]` and `#[derive(Selectable)]`.

use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::Ident;

use crate::row_struct::{parse_row_struct, GenericsAllowed, RowStruct};

fn parse_input(input: TokenStream, derive: &str) -> syn::Result<RowStruct> {
    parse_row_struct(input, derive, GenericsAllowed::None)
}

fn to_compile_error(r: syn::Result<TokenStream>) -> TokenStream {
    r.unwrap_or_else(|e| e.to_compile_error())
}

pub fn expand_queryable_tokens(input: TokenStream) -> TokenStream {
    to_compile_error(parse_input(input, "Queryable").and_then(|i| expand_queryable(&i)))
}

pub fn expand_selectable_tokens(input: TokenStream) -> TokenStream {
    to_compile_error(parse_input(input, "Selectable").and_then(|i| expand_selectable(&i)))
}

/// Tuple selects are supported up to this arity (the tuple impls of `quarry`).
const MAX_TUPLE: usize = 12;

fn expand_queryable(input: &RowStruct) -> syn::Result<TokenStream> {
    let RowStruct {
        ident,
        options,
        fields,
        ..
    } = input;
    let table = &options.table;
    let field_idents: Vec<_> = fields.iter().map(|f| &f.ident).collect();
    let field_types: Vec<_> = fields.iter().map(|f| &f.ty).collect();

    // Positional, from a tuple select of the same arity: only for structs that name no table
    // (aggregates, computed columns). A struct bound to a table maps by column name instead, so
    // that two columns of the same type can never be swapped silently.
    let tuple_impl = if table.is_none() && fields.len() <= MAX_TUPLE {
        let sts: Vec<_> = (0..fields.len())
            .map(|i| Ident::new(&format!("__ST{i}"), Span::call_site()))
            .collect();
        let n = fields.len();
        quote! {
            impl<__DB: ::quarry::backend::Backend, #(#sts),*> ::quarry::deserialize::FromRow<(#(#sts,)*), __DB> for #ident
            where
                #(#field_types: ::quarry::deserialize::FromRow<#sts, __DB>,)*
            {
                const COLUMNS: usize = #n;
                #[inline]
                fn from_row<__R: ::quarry::deserialize::Row<__DB>>(row: &__R, offset: usize) -> ::quarry::QueryResult<Self> {
                    let mut __at = offset;
                    #(
                        let #field_idents = <#field_types as ::quarry::deserialize::FromRow<#sts, __DB>>::from_row(row, __at)?;
                        __at += <#field_types as ::quarry::deserialize::FromRow<#sts, __DB>>::COLUMNS;
                    )*
                    let _ = __at;
                    ::core::result::Result::Ok(Self { #(#field_idents),* })
                }
            }
        }
    } else {
        TokenStream::new()
    };

    // By name: from the table's default selection (all its columns).
    let table_impl = match table {
        Some(table) => {
            let columns: Vec<_> = fields.iter().map(|f| &f.column).collect();
            quote! {
                impl<__DB: ::quarry::backend::Backend> ::quarry::deserialize::FromRow<::quarry::sql_types::RowOf<#table::table>, __DB> for #ident
                where
                    #(#field_types: ::quarry::deserialize::FromSql<<#table::#columns as ::quarry::schema::Column>::SqlType, __DB>,)*
                {
                    const COLUMNS: usize = <#table::table as ::quarry::schema::Table>::COLUMN_NAMES.len();
                    #[inline]
                    fn from_row<__R: ::quarry::deserialize::Row<__DB>>(row: &__R, offset: usize) -> ::quarry::QueryResult<Self> {
                        ::core::result::Result::Ok(Self {
                            #(
                                #field_idents: ::quarry::deserialize::read_column::<
                                    #field_types,
                                    <#table::#columns as ::quarry::schema::Column>::SqlType,
                                    __DB,
                                    __R,
                                >(row, offset + <#table::#columns as ::quarry::schema::Column>::INDEX)?,
                            )*
                        })
                    }
                }
            }
        }
        None => TokenStream::new(),
    };
    Ok(quote! { #tuple_impl #table_impl })
}

fn expand_selectable(input: &RowStruct) -> syn::Result<TokenStream> {
    let RowStruct { ident, fields, .. } = input;
    let table = input.table("Selectable")?;
    let field_idents: Vec<_> = fields.iter().map(|f| &f.ident).collect();
    let field_types: Vec<_> = fields.iter().map(|f| &f.ty).collect();
    let columns: Vec<_> = fields.iter().map(|f| &f.column).collect();
    let indices: Vec<usize> = (0..fields.len()).collect();
    let n = fields.len();
    Ok(quote! {
        impl ::quarry::selectable::Selectable for #ident {
            type Source = #table::table;
            const COLUMNS: &'static [&'static str] = &[#(<#table::#columns as ::quarry::schema::Column>::NAME),*];
        }

        impl<__DB: ::quarry::backend::Backend> ::quarry::deserialize::FromRow<::quarry::sql_types::SelectionOf<#ident>, __DB> for #ident
        where
            #(#field_types: ::quarry::deserialize::FromSql<<#table::#columns as ::quarry::schema::Column>::SqlType, __DB>,)*
        {
            const COLUMNS: usize = #n;
            #[inline]
            fn from_row<__R: ::quarry::deserialize::Row<__DB>>(row: &__R, offset: usize) -> ::quarry::QueryResult<Self> {
                ::core::result::Result::Ok(Self {
                    #(
                        #field_idents: ::quarry::deserialize::read_column::<
                            #field_types,
                            <#table::#columns as ::quarry::schema::Column>::SqlType,
                            __DB,
                            __R,
                        >(row, offset + #indices)?,
                    )*
                })
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use quote::quote;

    use super::*;

    #[test]
    fn selectable_requires_a_table() {
        let out = expand_selectable_tokens(quote! { struct U { id: i32 } }).to_string();
        assert!(out.contains("needs the table"), "{out}");
    }

    #[test]
    fn queryable_rejects_tuple_structs() {
        let out = expand_queryable_tokens(quote! { struct U(i32); }).to_string();
        assert!(out.contains("named fields"), "{out}");
    }

    #[test]
    fn table_bound_structs_map_by_name_only() {
        let out = expand_queryable_tokens(quote! {
            #[quarry(table = users)]
            struct U { id: i32, other_id: i32 }
        })
        .to_string();
        assert!(
            !out.contains("__ST0"),
            "no positional impl for a table-bound struct: {out}"
        );
        let positional =
            expand_queryable_tokens(quote! { struct Stats { n: i64, total: Option<i64> } }).to_string();
        assert!(
            positional.contains("__ST0"),
            "structs without a table load positionally"
        );
    }

    #[test]
    fn wide_structs_skip_the_tuple_impl_but_keep_the_table_impl() {
        let fields: Vec<_> = (0..150u32).map(|i| quote::format_ident!("c{}", i)).collect();
        let out = expand_queryable_tokens(quote! {
            #[quarry(table = wide)]
            struct W { #(#fields: i32,)* }
        })
        .to_string();
        assert!(!out.contains("__ST0"), "no tuple impl for 150 fields");
        assert!(out.contains("RowOf < wide :: table >"));
    }

    #[test]
    fn column_override_maps_field_to_another_column() {
        let out = expand_selectable_tokens(quote! {
            #[quarry(table = users)]
            struct U { #[quarry(column = name)] user_name: String }
        })
        .to_string();
        assert!(out.contains("users :: name"), "{out}");
    }
}
