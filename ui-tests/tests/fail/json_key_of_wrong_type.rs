use quarry_ui_tests::schema::*;

quarry::table! {
    events (id) {
        id -> Integer,
        payload -> Jsonb,
    }
}

fn main() {
    let _ = events::table.select(events::payload.get_text(1.5));
}
