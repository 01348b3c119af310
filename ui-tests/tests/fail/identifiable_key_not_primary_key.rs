use quarry::prelude::*;
use quarry_ui_tests::schema::*;

// `name` is not the primary key of `users`: UPDATE/DELETE by this "key" would hit other rows.
#[derive(Identifiable)]
#[quarry(table = users, primary_key(name))]
struct ByName {
    name: String,
}

fn main() {}
