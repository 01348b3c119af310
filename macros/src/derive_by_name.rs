//! `#[derive(QueryableByName)]`: read a struct from a raw SQL row, finding columns by name.

use crate::row_struct::{parse_row_struct, GenericsAllowed};
use proc_macro2::TokenStream;
use quote::quote;

pub fn expand_tokens(input: TokenStream) -> TokenStream {
    expand(input).unwrap_or_else(|e| e.to_compile_error())
}

fn expand(input: TokenStream) -> syn::Result<TokenStream> {
    let input = parse_row_struct(input, "QueryableByName", GenericsAllowed::None)?;
    let opts = &input.options;
    let mut reads = Vec::new();
    let mut bounds = Vec::new();
    for f in &input.fields {
        let ident = &f.ident;
        let ty = &f.ty;
        let (sql_type, column_name) = match (&f.sql_type, &opts.table) {
            (Some(st), _) => {
                let name = f.column.to_string();
                (quote!(#st), quote!(#name))
            }
            (None, Some(table)) => {
                let col = &f.column;
                (
                    quote!(<#table::#col as ::quarry::schema::Column>::SqlType),
                    quote!(<#table::#col as ::quarry::schema::Column>::NAME),
                )
            }
            (None, None) => {
                return Err(syn::Error::new_spanned(
                    ident,
                    "give this field's SQL type with `#[quarry(sql_type = Integer)]`, or the struct's table with `#[quarry(table = path)]`",
                ))
            }
        };
        bounds.push(quote!(#ty: ::quarry::deserialize::FromSql<#sql_type, __DB>));
        reads.push(quote! {
            #ident: {
                let idx = ::quarry::deserialize::column_index::<__DB, __R>(row, #column_name)?;
                ::quarry::deserialize::read_column::<#ty, #sql_type, __DB, __R>(row, idx)?
            }
        });
    }
    let ident = &input.ident;
    Ok(quote! {
        impl<__DB: ::quarry::backend::Backend> ::quarry::deserialize::QueryableByName<__DB> for #ident
        where
            #(#bounds,)*
        {
            fn from_named_row<__R: ::quarry::deserialize::Row<__DB>>(row: &__R) -> ::quarry::QueryResult<Self> {
                ::core::result::Result::Ok(Self { #(#reads,)* })
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use quote::quote;

    use super::expand_tokens;

    #[test]
    fn a_field_needs_a_type_or_a_table() {
        let out = expand_tokens(quote! { struct R { n: i64 } }).to_string();
        assert!(out.contains("give this field's SQL type"), "{out}");
    }

    #[test]
    fn explicit_types_and_names() {
        let out = expand_tokens(quote! { struct R { #[quarry(sql_type = BigInt, column = total)] n: i64 } })
            .to_string();
        assert!(out.contains("\"total\""), "{out}");
        assert!(out.contains("FromSql < BigInt"), "{out}");
    }
}
