//! What the schema macro generates code against: tables, columns and their metadata.

mod column;
mod metadata;
mod table;

pub use self::column::{Column, ColumnIn, GroupContains};
pub use self::metadata::{ColumnMetadata, ForeignKeyMetadata, TableMetadata};
pub use self::table::{walk_column_list, AllColumns, ForeignKey, PrimaryKeyOf, Table, TableMetadataOf};
