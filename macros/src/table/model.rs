//! The schema as plain data.

use syn::{Attribute, Ident, Type};

/// Every table of one `table!` invocation.
pub struct Schema {
    pub tables: Vec<TableDef>,
}

/// One table.
pub struct TableDef {
    /// Doc comments and other attributes passed through to the module.
    pub docs: Vec<Attribute>,
    /// The Rust module name.
    pub name: Ident,
    /// The SQL name (defaults to the Rust name).
    pub sql_name: String,
    /// The SQL schema, if qualified.
    pub schema: Option<String>,
    /// The Rust names of the primary key columns.
    pub primary_key: Vec<Ident>,
    pub columns: Vec<ColumnDef>,
}

/// One column.
pub struct ColumnDef {
    pub docs: Vec<Attribute>,
    pub name: Ident,
    pub sql_name: String,
    pub sql_type: Type,
    /// `#[references(table::column)]`
    pub references: Option<Reference>,
    /// `#[unique]`: a unique index exists on this column (usable as an ON CONFLICT target).
    pub unique: bool,
}

/// A foreign key target.
#[derive(Clone)]
pub struct Reference {
    pub table: Ident,
    pub column: Ident,
}
