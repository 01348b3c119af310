//! Statements that change data: UPDATE and DELETE (INSERT comes with its own module).
//! Each returns the number of affected rows through `.execute(&mut conn)`, or rows through
//! `.returning(...)` on backends that support RETURNING.

mod assignment;
mod delete_statement;
mod returning_clause;
mod update_statement;

pub use self::assignment::{Assignment, AssignmentFragment, AssignmentList};
pub use self::delete_statement::{delete, DeleteStatement, IntoWriteTarget};
pub use self::returning_clause::{NoReturning, Returning};
pub use self::update_statement::{update, UpdateStatement, UpdateTarget};
