use quarry_ui_tests::schema::*;

fn main() {
    // `users.name` is TEXT: an integer cannot be inserted into it.
    let _ = insert_into(users::table).values((users::name.eq(42), users::hair_color.eq("red")));
}
