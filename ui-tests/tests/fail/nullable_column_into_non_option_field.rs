use quarry_ui_tests::schema::*;

#[derive(Queryable, Selectable)]
#[quarry(table = users)]
struct UserRow {
    id: i32,
    // `hair_color` is nullable: this field must be an `Option<String>`.
    hair_color: String,
}

fn main() {
    let mut conn = conn();
    let _: Vec<UserRow> = users::table.select(UserRow::as_select()).load(&mut conn).unwrap();
}
