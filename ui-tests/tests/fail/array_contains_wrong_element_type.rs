use quarry_ui_tests::schema::*;

quarry::table! {
    docs (id) {
        id -> Integer,
        tags -> Array<Text>,
        scores -> Array<Integer>,
    }
}

fn main() {
    let _ = docs::table
        .select(docs::id)
        .filter(docs::tags.contains(docs::scores));
}
