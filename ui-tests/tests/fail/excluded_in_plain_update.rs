use quarry_ui_tests::schema::*;

fn main() {
    // `excluded(...)` is the row an upsert proposed; a plain UPDATE has none.
    let _ = update(users::table).set(users::name.eq(excluded(users::name)));
}
