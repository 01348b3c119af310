use quarry_ui_tests::schema::*;

fn main() {
    let _ = users::table.inner_join(posts::table.on(count(posts::id).gt(1)));
}
