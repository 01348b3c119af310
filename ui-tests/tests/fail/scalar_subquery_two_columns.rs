use quarry_ui_tests::schema::*;

fn main() {
    let _ = users::table.select((
        users::name,
        posts::table.select((posts::id, posts::title)).single_value(),
    ));
}
