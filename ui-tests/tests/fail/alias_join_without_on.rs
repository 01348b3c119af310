use quarry_ui_tests::schema::*;

quarry::alias!(users::table as author);

fn main() {
    // An alias has no foreign key of its own: joining it needs `.on(...)`.
    let _ = posts::table.inner_join(author);
}
