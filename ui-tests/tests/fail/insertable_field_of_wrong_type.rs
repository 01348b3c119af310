use quarry_ui_tests::schema::*;

#[derive(Insertable)]
#[quarry(table = users)]
struct NewUserWithNumericName {
    // `users.name` is TEXT, not an integer.
    name: i32,
}

fn main() {
    let mut conn = conn();
    let _ = insert_into(users::table)
        .values(&NewUserWithNumericName { name: 42 })
        .execute(&mut conn);
}
