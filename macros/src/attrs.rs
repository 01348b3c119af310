//! Parsing of `#[quarry(...)]`, `#[sql_name = "..."]` and similar attributes.

use syn::{Attribute, LitStr, Path};

/// Options of a derive, from `#[quarry(...)]` on the struct.
#[derive(Default)]
pub struct StructOptions {
    /// `table = path::to::table_module`
    pub table: Option<Path>,
    /// `treat_none_as_null = true`: an `Option` field that is `None` writes NULL (changesets).
    pub treat_none_as_null: bool,
    /// `primary_key(a, b)`: the fields holding the primary key (default `id`).
    pub primary_key: Vec<syn::Ident>,
}

/// Options of a field, from `#[quarry(...)]` on the field.
#[derive(Default)]
pub struct FieldOptions {
    /// `column = name`: the Rust name of the column, if it differs from the field's.
    pub column: Option<syn::Ident>,
    /// `sql_type = Integer`: the SQL type of a raw-SQL result column.
    pub sql_type: Option<syn::Type>,
}

pub fn struct_options(attrs: &[Attribute]) -> syn::Result<StructOptions> {
    let mut out = StructOptions::default();
    for attr in attrs.iter().filter(|a| a.path().is_ident("quarry")) {
        attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("table") {
                out.table = Some(meta.value()?.parse()?);
                Ok(())
            } else if meta.path.is_ident("treat_none_as_null") {
                let lit: syn::LitBool = meta.value()?.parse()?;
                out.treat_none_as_null = lit.value;
                Ok(())
            } else if meta.path.is_ident("primary_key") {
                meta.parse_nested_meta(|key| {
                    out.primary_key.push(key.path.require_ident()?.clone());
                    Ok(())
                })
            } else {
                Err(meta.error(
                    "unknown option: expected `table = path`, `treat_none_as_null = true|false` or `primary_key(field, ...)`",
                ))
            }
        })?;
    }
    Ok(out)
}

pub fn field_options(attrs: &[Attribute]) -> syn::Result<FieldOptions> {
    let mut out = FieldOptions::default();
    for attr in attrs.iter().filter(|a| a.path().is_ident("quarry")) {
        attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("column") {
                out.column = Some(meta.value()?.parse()?);
                Ok(())
            } else if meta.path.is_ident("sql_type") {
                out.sql_type = Some(meta.value()?.parse()?);
                Ok(())
            } else {
                Err(meta.error("unknown option: expected `column = name` or `sql_type = Type`"))
            }
        })?;
    }
    Ok(out)
}

/// The string of `#[name = "value"]`, if the attribute is that.
pub fn name_value_str(attr: &Attribute, name: &str) -> syn::Result<Option<LitStr>> {
    if !attr.path().is_ident(name) {
        return Ok(None);
    }
    let nv = attr.meta.require_name_value()?;
    match &nv.value {
        syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Str(s),
            ..
        }) => Ok(Some(s.clone())),
        other => Err(syn::Error::new_spanned(
            other,
            format!("`{name}` takes a string: #[{name} = \"...\"]"),
        )),
    }
}
