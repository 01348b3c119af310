use quarry_ui_tests::schema::*;

#[derive(Queryable)]
struct NameAndColor {
    name: String,
    hair_color: Option<String>,
}

fn main() {
    let mut conn = conn();
    // `NameAndColor` has two fields; the query selects three columns.
    let _: Vec<NameAndColor> = users::table
        .select((users::id, users::name, users::hair_color))
        .load(&mut conn)
        .unwrap();
}
