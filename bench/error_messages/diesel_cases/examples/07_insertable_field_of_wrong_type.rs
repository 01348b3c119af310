//! An Insertable struct whose field type does not match its column.
use diesel_error_cases::*;

#[derive(Insertable)]
#[diesel(table_name = users)]
struct NewUser {
    name: i32,
}

fn main() {
    let mut conn = conn();
    let _ = diesel::insert_into(users::table).values(&NewUser { name: 42 }).execute(&mut conn);
}
