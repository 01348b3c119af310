//! `#[derive(Insertable)]`: a struct whose fields are the values of one row of a table.
//!
//! Generates per-struct code (no tuples), so a struct of any width works.

use crate::row_struct::{parse_row_struct, GenericsAllowed};
use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

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
    let ty_generics = input.generics.split_for_impl().1;
    let n = idents.len();
    let mut ref_generics = input.generics.clone();
    ref_generics.params.insert(0, syn::parse_quote!('__quarry_r));
    let mut db_generics = input.generics.clone();
    db_generics
        .params
        .push(syn::parse_quote!(__DB: ::quarry::backend::Backend));
    let (db_impl_generics, _, _) = db_generics.split_for_impl();
    let column_types: Vec<_> = columns
        .iter()
        .map(|column| quote!(<#table::#column as ::quarry::schema::Column>::SqlType))
        .collect();
    // Each field's check: its Rust type is a value of its column's SQL type. The column's type is
    // spelled through the table `__T` the struct is inserted into, a generic parameter, so that
    // rustc checks the field where the struct is used (once, at `.values(...)`) rather than also
    // where it is declared; and with the field's span, so that the error points at the field.
    let checks: Vec<_> = input
        .fields
        .iter()
        .map(|f| {
            let (ty, column) = (&f.ty, &f.column);
            let st = quote!(<#table::#column as ::quarry::write::ColumnSqlTypeIn<__T>>::SqlType);
            (
                ty,
                quote_spanned!(ty.span()=> ::quarry::write::InsertableField<#st>),
            )
        })
        .collect();
    let struct_bounds = input.generics.where_clause.as_ref().map(|w| &w.predicates);
    let check_bounds = checks
        .iter()
        .map(|(ty, check)| quote_spanned!(ty.span()=> #ty: #check,));
    let check_where = quote! {
        where
            #table::table: ::quarry::write::InsertsInto<__T>,
            #(#table::#columns: ::quarry::write::ColumnSqlTypeIn<__T>,)*
            #(#check_bounds)*
            #struct_bounds
    };
    // The row type, `SingleRow<Self>`, spelled through every check: a field of the wrong type
    // leaves it unresolved, so that the statement built from the struct reports nothing more.
    let rows = checks.iter().rev().fold(
        quote!(::quarry::write::SingleRow<Self>),
        |inner, (ty, check)| quote_spanned!(ty.span()=> <#ty as #check>::Then<#inner>),
    );
    let make_rows = checks.iter().rev().fold(
        quote!(::quarry::write::SingleRow::new(self)),
        |inner, (ty, check)| quote_spanned!(ty.span()=> <#ty as #check>::then(#inner)),
    );
    let with_table = |mut generics: syn::Generics| {
        generics.params.push(syn::parse_quote!(__T));
        generics
    };
    let table_generics = with_table(input.generics.clone());
    let (table_impl_generics, _, _) = table_generics.split_for_impl();
    let ref_table_generics = with_table(ref_generics);
    let (ref_table_impl_generics, _, _) = ref_table_generics.split_for_impl();
    let separators = (0..n).map(|i| {
        if i == 0 {
            quote!()
        } else {
            quote!(pass.push_sql(", ");)
        }
    });

    Ok(quote! {
        impl #table_impl_generics ::quarry::write::InsertRow<__T> for #ident #ty_generics #check_where {
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
            #(#types: ::quarry::write::InsertableValue<#column_types, __DB>,)*
        {
            fn walk_values<'__b>(&'__b self, pass: &mut ::quarry::query_builder::AstPass<'_, '__b, __DB>) -> ::quarry::QueryResult<()> {
                #(
                    #separators
                    ::quarry::write::InsertableValue::<#column_types, __DB>::push_value(&self.#idents, pass)?;
                )*
                ::core::result::Result::Ok(())
            }
        }

        impl #table_impl_generics ::quarry::write::IntoInsertRows<__T> for #ident #ty_generics
        #check_where
        {
            type Rows = #rows;
            fn into_rows(self) -> Self::Rows {
                #make_rows
            }
        }

        impl #ref_table_impl_generics ::quarry::write::IntoInsertRows<__T> for &'__quarry_r #ident #ty_generics
        #check_where
        {
            type Rows = #rows;
            fn into_rows(self) -> Self::Rows {
                #make_rows
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
