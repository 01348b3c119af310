use quarry_ui_tests::schema::*;

#[derive(Queryable, Selectable)]
#[quarry(table = users)]
struct UserAge {
    id: i32,
    // `users` has no `age` column.
    age: i32,
}

fn main() {}
