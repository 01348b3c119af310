//! An Insertable struct whose field type does not match its column.
use quarry_error_cases::*;

#[derive(Insertable)]
#[quarry(table = users)]
struct NewUser {
    name: i32,
}

fn main() {
    let mut conn = conn();
    let _ = insert_into(users::table).values(&NewUser { name: 42 }).execute(&mut conn);
}
