use quarry_ui_tests::schema::*;

fn main() {
    let _ = users::table.select(users::name).distinct_on(posts::user_id);
}
