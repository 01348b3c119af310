use quarry_ui_tests::schema::*;

fn main() {
    // A select list means nothing to an UPDATE.
    let _ = update(users::table.select(users::name)).set(users::name.eq("Ada"));
}
