//! Expanding a [`Schema`] into one module per table.
//!
//! Per table: a zero-sized `table` type, one zero-sized type per column, their trait impls and a
//! static [`TableMetadata`]; per foreign key, one `ForeignKey` impl. Nothing is generated per pair
//! of tables or per pair of columns: the FROM-clause and GROUP BY checks are blanket impls in
//! `quarry`, so generated code grows linearly with the schema.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::model::{Schema, TableDef};

pub fn expand(schema: &Schema) -> TokenStream {
    schema.tables.iter().map(expand_table).collect()
}

fn expand_table(t: &TableDef) -> TokenStream {
    let module = &t.name;
    let docs = &t.docs;
    let rust_name = module.to_string();
    let sql_name = &t.sql_name;
    let schema = match &t.schema {
        Some(s) => quote!(::core::option::Option::Some(#s)),
        None => quote!(::core::option::Option::None),
    };
    let table_doc = format!("The `{sql_name}` table.");

    let pk = &t.primary_key;
    let pk_type = if pk.len() == 1 {
        quote!(#(#pk)*)
    } else {
        quote!((#(#pk,)*))
    };
    let pk_sql: Vec<&str> = pk
        .iter()
        .map(|k| {
            t.columns
                .iter()
                .find(|c| c.name == *k)
                .map(|c| c.sql_name.as_str())
                .unwrap_or_default()
        })
        .collect();

    let column_names: Vec<&str> = t.columns.iter().map(|c| c.sql_name.as_str()).collect();

    let columns = t.columns.iter().enumerate().map(|(index, c)| {
        let name = &c.name;
        let col_sql = &c.sql_name;
        let ty = &c.sql_type;
        let docs = &c.docs;
        let doc = format!("The `{col_sql}` column of `{sql_name}`.");
        quote! {
            #(#docs)*
            #[doc = #doc]
            #[derive(Debug, Clone, Copy, Default)]
            pub struct #name;
            impl ::quarry::schema::Column for #name {
                type Table = table;
                type SqlType = #ty;
                const NAME: &'static str = #col_sql;
                const INDEX: usize = #index;
            }
            ::quarry::__impl_arithmetic_ops!(impl[] #name);
            ::quarry::__impl_column_valid_in!(#name);
        }
    });

    let column_meta = t.columns.iter().map(|c| {
        let col_sql = &c.sql_name;
        let rust = c.name.to_string();
        let col = &c.name;
        let ty = quote!(<#module::#col as ::quarry::schema::Column>::SqlType);
        quote! {
            ::quarry::schema::ColumnMetadata {
                name: #col_sql,
                rust_name: #rust,
                sql_type: <#ty as ::quarry::sql_types::SqlType>::KIND,
                nullable: <<#ty as ::quarry::sql_types::SqlType>::IsNull as ::quarry::type_level::TBool>::VALUE,
            }
        }
    });

    let fk_columns: Vec<_> = t
        .columns
        .iter()
        .filter_map(|c| c.references.as_ref().map(|r| (c, r)))
        .collect();
    let fk_meta = fk_columns.iter().map(|(c, r)| {
        let col_sql = &c.sql_name;
        let (rt, rc) = (&r.table, &r.column);
        quote! {
            ::quarry::schema::ForeignKeyMetadata {
                columns: &[#col_sql],
                references_table: <#rt::table as ::quarry::schema::Table>::NAME,
                references_columns: &[<#rt::#rc as ::quarry::schema::Column>::NAME],
            }
        }
    });
    // A join condition is derived from a foreign key only when it is the one key from this table
    // to its target (with two, the join is ambiguous and needs an explicit ON); a key to the
    // table itself needs an alias and an explicit ON anyway.
    let fk_impls = fk_columns.iter().filter(|(_, r)| {
        r.table != *module && fk_columns.iter().filter(|(_, o)| o.table == r.table).count() == 1
    });
    let fk_impls = fk_impls.map(|(c, r)| {
        let col = &c.name;
        let (rt, rc) = (&r.table, &r.column);
        quote! {
            impl ::quarry::schema::ForeignKey<#rt::table> for #module::table {
                type On = ::quarry::__private::Eq<#module::#col, #rt::#rc>;
                #[inline]
                fn join_on() -> Self::On {
                    ::quarry::__private::Eq::new(#module::#col, #rt::#rc)
                }
            }
        }
    });

    // Unique keys usable as ON CONFLICT targets: the primary key and `#[unique]` columns.
    let pk_conflict = quote! {
        impl ::quarry::schema::PrimaryKeyOf<table> for #pk_type {}
        impl ::quarry::write::ConflictTarget<table> for #pk_type {
            const COLUMNS: &'static [&'static str] = &[#(#pk_sql),*];
        }
    };
    let unique_conflicts = t
        .columns
        .iter()
        .filter(|c| c.unique && !(pk.len() == 1 && pk[0] == c.name))
        .map(|c| {
            let name = &c.name;
            let col_sql = &c.sql_name;
            quote! {
                impl ::quarry::write::ConflictTarget<table> for #name {
                    const COLUMNS: &'static [&'static str] = &[#col_sql];
                }
            }
        });

    let metadata_ident = format_ident!("__QUARRY_METADATA");
    quote! {
        #(#docs)*
        #[allow(non_camel_case_types, non_upper_case_globals, dead_code, unused_imports, missing_docs)]
        pub mod #module {
            use ::quarry::sql_types::*;

            #[doc = #table_doc]
            #[derive(Debug, Clone, Copy, Default)]
            pub struct table;

            /// All columns of this table, in declaration order.
            pub const all_columns: ::quarry::schema::AllColumns<table> = ::quarry::schema::AllColumns::new();

            // Not listed under errors as "the following other types implement `Table`": that
            // list would be every table of the schema.
            #[diagnostic::do_not_recommend]
            impl ::quarry::schema::Table for table {
                type PrimaryKey = #pk_type;
                const NAME: &'static str = #sql_name;
                const SCHEMA: ::core::option::Option<&'static str> = #schema;
                const COLUMN_NAMES: &'static [&'static str] = &[#(#column_names),*];
                fn metadata() -> &'static ::quarry::schema::TableMetadata {
                    <table as ::quarry::schema::TableMetadataOf>::metadata_of()
                }
            }
            ::quarry::__table_source!(table);

            #(#columns)*
            #pk_conflict
            #(#unique_conflicts)*
        }

        // Outside the module: foreign keys name other tables by the paths written in the
        // schema, resolved where `table!` is invoked (a module, or a function body).
        impl ::quarry::schema::TableMetadataOf for #module::table {
            fn metadata_of() -> &'static ::quarry::schema::TableMetadata {
                static #metadata_ident: ::quarry::schema::TableMetadata = ::quarry::schema::TableMetadata {
                    name: #sql_name,
                    schema: #schema,
                    rust_name: #rust_name,
                    columns: &[#(#column_meta),*],
                    primary_key: &[#(#pk_sql),*],
                    foreign_keys: &[#(#fk_meta),*],
                };
                &#metadata_ident
            }
        }
        #(#fk_impls)*
    }
}
