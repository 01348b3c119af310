//! `#[derive(AsChangeset)]` and `#[derive(Identifiable)]`.

use proc_macro2::TokenStream;
use quote::quote;
use syn::{GenericArgument, PathArguments, Type};

use crate::row_struct::{parse_row_struct, GenericsAllowed, RowStruct};

pub fn expand_changeset_tokens(input: TokenStream) -> TokenStream {
    expand_changeset(input).unwrap_or_else(|e| e.to_compile_error())
}

pub fn expand_identifiable_tokens(input: TokenStream) -> TokenStream {
    expand_identifiable(input).unwrap_or_else(|e| e.to_compile_error())
}

/// `T` if `ty` is `Option<T>`.
fn option_inner(ty: &Type) -> Option<&Type> {
    let Type::Path(p) = ty else { return None };
    let last = p.path.segments.last()?;
    if last.ident != "Option" {
        return None;
    }
    let PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    match args.args.first() {
        Some(GenericArgument::Type(t)) if args.args.len() == 1 => Some(t),
        _ => None,
    }
}

fn parse(input: TokenStream, derive: &str) -> syn::Result<(RowStruct, syn::Path)> {
    let row = parse_row_struct(input, derive, GenericsAllowed::Lifetimes)?;
    let table = row.table(derive)?.clone();
    Ok((row, table))
}

fn expand_changeset(input: TokenStream) -> syn::Result<TokenStream> {
    let (p, table) = parse(input, "AsChangeset")?;
    let table = &table;
    let ident = &p.ident;
    let pk: Vec<String> = if p.options.primary_key.is_empty() {
        vec!["id".into()]
    } else {
        p.options.primary_key.iter().map(|k| k.to_string()).collect()
    };
    let mut bounds = Vec::new();
    let mut writes = Vec::new();
    let mut skippable = false;
    for f in &p.fields {
        let (field, ty, column) = (&f.ident, &f.ty, &f.column);
        // A primary key field identifies the row; it is not part of the SET list.
        if pk.contains(&field.to_string()) && p.fields.len() > 1 {
            continue;
        }
        let st = quote!(<#table::#column as ::quarry::schema::Column>::SqlType);
        let assign = |value: TokenStream, vty: &Type, st: &TokenStream| {
            quote! {
                if __n > 0 {
                    pass.push_sql(", ");
                }
                __n += 1;
                pass.push_identifier(<#table::#column as ::quarry::schema::Column>::NAME);
                pass.push_sql(" = ");
                pass.push_bind::<#st, #vty>(#value)?;
            }
        };
        match option_inner(ty) {
            Some(inner) if !p.options.treat_none_as_null => {
                skippable = true;
                // `Some(v)` writes `v`: a value of the column's non-null type, unless `v` is
                // itself an `Option` (then it may write NULL into a nullable column).
                let value_st = if option_inner(inner).is_some() {
                    st.clone()
                } else {
                    quote!(<#st as ::quarry::sql_types::SqlType>::NotNull)
                };
                bounds.push(quote!(#inner: ::quarry::serialize::ToSql<#value_st, __DB>));
                let body = assign(quote!(__v), inner, &value_st);
                writes.push(quote! {
                    if let ::core::option::Option::Some(__v) = &self.#field {
                        #body
                    }
                });
            }
            _ => {
                bounds.push(quote!(#ty: ::quarry::serialize::ToSql<#st, __DB>));
                writes.push(assign(quote!(&self.#field), ty, &st));
            }
        }
    }
    let mark_dynamic = if skippable {
        quote!(pass.mark_dynamic();)
    } else {
        quote!()
    };
    let (impl_generics, ty_generics, where_clause) = p.generics.split_for_impl();
    let mut db_generics = p.generics.clone();
    db_generics
        .params
        .push(syn::parse_quote!(__DB: ::quarry::backend::Backend));
    let (db_impl_generics, _, _) = db_generics.split_for_impl();
    let mut ref_generics = p.generics.clone();
    ref_generics.params.insert(0, syn::parse_quote!('__quarry_r));
    let (ref_impl_generics, _, _) = ref_generics.split_for_impl();
    Ok(quote! {
        impl #impl_generics ::quarry::write::AssignmentList<#table::table, ()> for #ident #ty_generics #where_clause {}
        impl #ref_impl_generics ::quarry::write::AssignmentList<#table::table, ()> for &'__quarry_r #ident #ty_generics #where_clause {}

        impl #db_impl_generics ::quarry::write::AssignmentFragment<__DB> for #ident #ty_generics
        where
            #(#bounds,)*
        {
            fn walk_assign<'__b>(&'__b self, pass: &mut ::quarry::query_builder::AstPass<'_, '__b, __DB>) -> ::quarry::QueryResult<()> {
                #mark_dynamic
                let mut __n = 0usize;
                #(#writes)*
                if __n == 0 {
                    return ::core::result::Result::Err(::quarry::Error::QueryBuilder(
                        ::core::concat!("the changeset `", ::core::stringify!(#ident), "` sets no column (every field is None)").into(),
                    ));
                }
                ::core::result::Result::Ok(())
            }
        }
    })
}

fn expand_identifiable(input: TokenStream) -> syn::Result<TokenStream> {
    let (p, table) = parse(input, "Identifiable")?;
    let table = &table;
    let ident = &p.ident;
    let keys: Vec<syn::Ident> = if p.options.primary_key.is_empty() {
        vec![syn::Ident::new("id", proc_macro2::Span::call_site())]
    } else {
        p.options.primary_key.clone()
    };
    let mut key_fields = Vec::new();
    for k in &keys {
        let Some(f) = p.fields.iter().find(|f| f.ident == *k) else {
            return Err(syn::Error::new_spanned(
                ident,
                format!("no field `{k}` holds the primary key: name the key fields with `#[quarry(primary_key(...))]`"),
            ));
        };
        key_fields.push((f.ident.clone(), f.ty.clone(), f.column.clone()));
    }
    let eq = |(field, ty, column): &(syn::Ident, Type, syn::Ident)| {
        (
            quote!(::quarry::__private::Eq<#table::#column, ::quarry::expression::Bound<<#table::#column as ::quarry::schema::Column>::SqlType, &'__quarry_r #ty>>),
            quote!(::quarry::__private::Eq::new(#table::#column, ::quarry::expression::Bound::new(&self.#field))),
        )
    };
    let (mut pred_ty, mut pred) = eq(&key_fields[0]);
    for k in &key_fields[1..] {
        let (t, v) = eq(k);
        pred_ty = quote!(::quarry::expression::And<#pred_ty, #t>);
        pred = quote!(::quarry::expression::And::new(#pred, #v));
    }
    let mut ref_generics = p.generics.clone();
    ref_generics.params.insert(0, syn::parse_quote!('__quarry_r));
    let (ref_impl_generics, _, _) = ref_generics.split_for_impl();
    let (_, ty_generics, where_clause) = p.generics.split_for_impl();
    // The key fields must be the table's primary key, in order.
    let key_columns: Vec<&syn::Ident> = key_fields.iter().map(|(_, _, c)| c).collect();
    let key_value = if key_columns.len() == 1 {
        quote!(#(#table::#key_columns)*)
    } else {
        quote!((#(#table::#key_columns,)*))
    };
    Ok(quote! {
        const _: () = {
            fn __quarry_primary_key_check<K: ::quarry::schema::PrimaryKeyOf<#table::table>>(_: K) {}
            fn __quarry_check() {
                __quarry_primary_key_check(#key_value);
            }
        };

        impl #ref_impl_generics ::quarry::write::IntoWriteTarget for &'__quarry_r #ident #ty_generics #where_clause {
            type Table = #table::table;
            type Where = ::quarry::select::Where<#pred_ty>;
            fn into_target(self) -> (Self::Table, Self::Where) {
                (#table::table, ::quarry::select::Where::new(#pred))
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use quote::quote;

    use super::*;

    #[test]
    fn option_fields_are_skipped_unless_none_means_null() {
        let out = expand_changeset_tokens(quote! {
            #[quarry(table = users)]
            struct C { name: Option<String>, age: i32 }
        })
        .to_string();
        assert!(
            out.contains("if let :: core :: option :: Option :: Some"),
            "{out}"
        );
        assert!(out.contains("mark_dynamic"), "{out}");
        let out = expand_changeset_tokens(quote! {
            #[quarry(table = users, treat_none_as_null = true)]
            struct C { name: Option<String> }
        })
        .to_string();
        assert!(!out.contains("if let"), "{out}");
        assert!(!out.contains("mark_dynamic"), "{out}");
    }

    #[test]
    fn identifiable_needs_its_key_fields() {
        let out =
            expand_identifiable_tokens(quote! { #[quarry(table = t)] struct R { name: String } }).to_string();
        assert!(out.contains("no field `id` holds the primary key"), "{out}");
        let out = expand_identifiable_tokens(quote! {
            #[quarry(table = t, primary_key(a, b))] struct R { a: i32, b: i32 }
        })
        .to_string();
        assert!(out.contains("And :: new"), "{out}");
    }
}
