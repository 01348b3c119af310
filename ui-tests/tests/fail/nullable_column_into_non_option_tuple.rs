use quarry_ui_tests::schema::*;

fn main() {
    let mut conn = conn();
    // `hair_color` is nullable: it needs an `Option<String>`.
    let _: Vec<(i32, String)> = users::table
        .select((users::id, users::hair_color))
        .load(&mut conn)
        .unwrap();
}
