//! `#[derive(Insertable)]`: a struct whose fields are the values of one row of a table.
//!
//! Generates per-struct code (no tuples), so a struct of any width works.

use crate::row_struct::{parse_row_struct, GenericsAllowed};
use proc_macro2::TokenStream;
use quote::quote;

pub fn expand_tokens(input: TokenStream) -> TokenStream {
    expand(input).unwrap_or_else(|e| e.to_compile_error())
}

fn expand(input: TokenStream) -> syn::Result<TokenStream> {
    let input = parse_row_struct(input, "Insertable", GenericsAllowed::Lifetimes)?;
    let table = input.table("Insertable")?;
    let idents: Vec<_> = input.fields.iter().map(|f| &f.ident).collect();
    let types: Vec<_> = input.fields.iter().map(|f| &f.ty).collect();
    let columns: Vec<_> = input.fields.iter().map(|f| &f.column).collect();
    let ident = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let n = idents.len();
    let mut ref_generics = input.generics.clone();
    ref_generics.params.insert(0, syn::parse_quote!('__quarry_r));
    let (ref_impl_generics, _, _) = ref_generics.split_for_impl();
    let mut db_generics = input.generics.clone();
    db_generics
        .params
        .push(syn::parse_quote!(__DB: ::quarry::backend::Backend));
    let (db_impl_generics, _, _) = db_generics.split_for_impl();
    let separators = (0..n).map(|i| {
        if i == 0 {
            quote!()
        } else {
            quote!(pass.push_sql(", ");)
        }
    });

    Ok(quote! {
        impl #impl_generics ::quarry::write::InsertRow<#table::table> for #ident #ty_generics #where_clause {
            fn column_count(&self) -> usize {
                #n
            }
            fn walk_columns<__DB: ::quarry::backend::Backend>(&self, pass: &mut ::quarry::query_builder::AstPass<'_, '_, __DB>) {
                let names: [&str; #n] = [#(<#table::#columns as ::quarry::schema::Column>::NAME),*];
                for (i, name) in names.iter().enumerate() {
                    if i > 0 {
                        pass.push_sql(", ");
                    }
                    pass.push_identifier(name);
                }
            }
        }

        impl #db_impl_generics ::quarry::write::InsertRowValues<__DB> for #ident #ty_generics
        where
            #(#types: ::quarry::serialize::ToSql<<#table::#columns as ::quarry::schema::Column>::SqlType, __DB>,)*
        {
            fn walk_values<'__b>(&'__b self, pass: &mut ::quarry::query_builder::AstPass<'_, '__b, __DB>) -> ::quarry::QueryResult<()> {
                #(
                    #separators
                    pass.push_bind::<<#table::#columns as ::quarry::schema::Column>::SqlType, #types>(&self.#idents)?;
                )*
                ::core::result::Result::Ok(())
            }
        }

        impl #impl_generics ::quarry::write::IntoInsertRows<#table::table> for #ident #ty_generics #where_clause {
            type Rows = ::quarry::write::SingleRow<Self>;
            fn into_rows(self) -> Self::Rows {
                ::quarry::write::SingleRow::new(self)
            }
        }

        impl #ref_impl_generics ::quarry::write::IntoInsertRows<#table::table> for &'__quarry_r #ident #ty_generics #where_clause {
            type Rows = ::quarry::write::SingleRow<Self>;
            fn into_rows(self) -> Self::Rows {
                ::quarry::write::SingleRow::new(self)
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use quote::quote;

    use super::expand_tokens;

    #[test]
    fn needs_a_table() {
        let out = expand_tokens(quote! { struct N { name: String } }).to_string();
        assert!(out.contains("needs the table"), "{out}");
    }

    #[test]
    fn keeps_lifetimes_and_maps_renamed_fields() {
        let out = expand_tokens(quote! {
            #[quarry(table = users)]
            struct N<'a> { #[quarry(column = name)] full_name: &'a str, age: i32 }
        })
        .to_string();
        assert!(out.contains("users :: name"), "{out}");
        assert!(out.contains("& self . full_name"), "{out}");
        assert!(out.contains("N < 'a >"), "{out}");
    }
}
