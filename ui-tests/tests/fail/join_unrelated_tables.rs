use quarry_ui_tests::schema::*;

fn main() {
    // No foreign key relates `tags` to `users`, and no `.on(...)` is given.
    let _ = users::table.inner_join(tags::table);
}
