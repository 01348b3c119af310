//! The input every row derive shares: a struct with named fields, its `#[quarry(...)]` options,
//! and each field's column.

use proc_macro2::TokenStream;
use syn::{Data, DeriveInput, Fields, Generics, Ident, Path, Type};

use crate::attrs::{field_options, struct_options, StructOptions};

/// Which generic parameters a derive accepts.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum GenericsAllowed {
    /// None at all.
    None,
    /// Lifetime parameters only (for borrowed fields).
    Lifetimes,
}

/// One field and the column it maps to.
pub struct RowField {
    pub ident: Ident,
    pub ty: Type,
    /// The Rust name of its column (the field's name unless `#[quarry(column = ...)]`).
    pub column: Ident,
    /// `#[quarry(sql_type = ...)]`, for raw SQL rows.
    pub sql_type: Option<Type>,
}

/// A parsed row struct.
pub struct RowStruct {
    pub ident: Ident,
    pub generics: Generics,
    pub options: StructOptions,
    pub fields: Vec<RowField>,
}

impl RowStruct {
    /// The `#[quarry(table = ...)]` path, or an error saying that `derive` needs it.
    pub fn table(&self, derive: &str) -> syn::Result<&Path> {
        self.options.table.as_ref().ok_or_else(|| {
            syn::Error::new_spanned(
                &self.ident,
                format!("`{derive}` needs the table: add `#[quarry(table = path::to::table_module)]`"),
            )
        })
    }
}

/// Parses the input of `#[derive(<derive>)]`.
pub fn parse_row_struct(
    input: TokenStream,
    derive: &str,
    generics: GenericsAllowed,
) -> syn::Result<RowStruct> {
    let input: DeriveInput = syn::parse2(input)?;
    let options = struct_options(&input.attrs)?;
    let has_non_lifetime =
        input.generics.type_params().next().is_some() || input.generics.const_params().next().is_some();
    match generics {
        GenericsAllowed::None if !input.generics.params.is_empty() => {
            return Err(syn::Error::new_spanned(
                &input.generics,
                format!("`{derive}` does not support generic structs"),
            ));
        }
        GenericsAllowed::Lifetimes if has_non_lifetime => {
            return Err(syn::Error::new_spanned(
                &input.generics,
                format!("`{derive}` supports lifetime parameters only"),
            ));
        }
        _ => {}
    }
    let named = match &input.data {
        Data::Struct(s) => match &s.fields {
            Fields::Named(f) => &f.named,
            _ => None.ok_or_else(|| named_fields_error(&input.ident, derive))?,
        },
        _ => None.ok_or_else(|| named_fields_error(&input.ident, derive))?,
    };
    let mut fields = Vec::with_capacity(named.len());
    for f in named {
        let ident = f
            .ident
            .clone()
            .ok_or_else(|| syn::Error::new_spanned(f, "unnamed field"))?;
        let fopts = field_options(&f.attrs)?;
        fields.push(RowField {
            column: fopts.column.unwrap_or_else(|| ident.clone()),
            sql_type: fopts.sql_type,
            ty: f.ty.clone(),
            ident,
        });
    }
    if fields.is_empty() {
        return Err(syn::Error::new_spanned(
            &input.ident,
            format!("`{derive}` needs a struct with at least one field"),
        ));
    }
    Ok(RowStruct {
        ident: input.ident,
        generics: input.generics,
        options,
        fields,
    })
}

fn named_fields_error(ident: &Ident, derive: &str) -> syn::Error {
    syn::Error::new_spanned(
        ident,
        format!("`{derive}` needs a struct with named fields (the names map to columns)"),
    )
}

#[cfg(test)]
mod tests {
    use quote::quote;

    use super::*;

    fn error(tokens: TokenStream, generics: GenericsAllowed) -> String {
        match parse_row_struct(tokens, "Queryable", generics) {
            Ok(_) => panic!("expected an error"),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn rejects_what_no_derive_can_map() {
        assert!(error(quote! { struct T(i32); }, GenericsAllowed::None).contains("named fields"));
        assert!(error(quote! { enum E { A } }, GenericsAllowed::None).contains("named fields"));
        assert!(error(quote! { struct E {} }, GenericsAllowed::None).contains("at least one field"));
        assert!(error(quote! { struct G<T> { t: T } }, GenericsAllowed::Lifetimes)
            .contains("lifetime parameters only"));
        assert!(error(quote! { struct G<'a> { t: &'a str } }, GenericsAllowed::None).contains("generic"));
    }

    #[test]
    fn maps_fields_to_columns() {
        let row = parse_row_struct(
            quote! { #[quarry(table = users)] struct R<'a> { #[quarry(column = name)] n: &'a str, age: i32 } },
            "Insertable",
            GenericsAllowed::Lifetimes,
        )
        .expect("valid");
        assert_eq!(row.fields[0].column, "name");
        assert_eq!(row.fields[1].column, "age");
        assert!(row.table("Insertable").is_ok());
    }
}
