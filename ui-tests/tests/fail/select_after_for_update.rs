use quarry_ui_tests::schema::*;

fn main() {
    // A locking clause comes last: choose the select list first.
    let _ = users::table.for_update().select(users::name);
}
