//! Statements that change data: INSERT (with upserts), UPDATE and DELETE.
//! Each returns the number of affected rows through `.execute(&mut conn)`, or rows through
//! `.returning(...)` on backends that support RETURNING.

mod assignment;
mod delete_statement;
mod insert_ignore;
mod insert_statement;
mod insertable_field;
mod replace;
mod returning_clause;
mod update_statement;
mod upsert;
mod upsert_on_constraint;
mod upsert_on_duplicate_key;

pub use self::assignment::{Assignment, AssignmentFragment, AssignmentList, AssignmentTarget, SameTable};
pub use self::delete_statement::{delete, DeleteStatement, IntoWriteTarget};
pub use self::insert_ignore::{insert_ignore_into, IncompleteInsertIgnore, InsertIgnore};
pub use self::insert_statement::{
    insert_into, DefaultValues, DoUpdateBuilder, FromSelect, IncompleteInsert, InsertColumns, InsertRow,
    InsertRowValues, InsertRowsFragment, InsertStatement, InsertVerb, IntoInsertRows, ManyRows, NoSource,
    OnConflictBuilder, RowBatch, SameRowType, SingleRow,
};
pub use self::insertable_field::{ColumnSqlTypeIn, InsertableField, InsertableValue, InsertsInto};
pub use self::replace::{replace_into, IncompleteReplace, Replace};
pub use self::returning_clause::{NoReturning, Returning};
pub use self::update_statement::{update, UpdateStatement, UpdateTarget};
pub use self::upsert::{
    excluded, ConflictTarget, ConflictTargetColumns, DoNothing, DoUpdate, Excluded, InsertedTable,
    NoConflictClause, TargetOf, UpsertSource,
};
pub use self::upsert_on_constraint::{
    DoNothingOnConstraint, DoUpdateOnConstraint, OnConstraintBuilder, OnConstraintUpdateBuilder,
};
pub use self::upsert_on_duplicate_key::{inserted, Inserted, OnDuplicateKeyUpdate};
