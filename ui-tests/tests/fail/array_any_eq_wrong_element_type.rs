use quarry_ui_tests::schema::*;

quarry::table! {
    docs (id) {
        id -> Integer,
        tags -> Array<Text>,
    }
}

fn main() {
    let _ = docs::table.select(docs::id).filter(docs::tags.any_eq(7));
}
