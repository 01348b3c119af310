use quarry_ui_tests::schema::*;

// No `id` field, and no `#[quarry(primary_key(...))]` naming another one.
#[derive(Identifiable)]
#[quarry(table = users)]
struct UserName {
    name: String,
}

fn main() {}
