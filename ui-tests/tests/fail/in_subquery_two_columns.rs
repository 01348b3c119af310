use quarry_ui_tests::schema::*;

fn main() {
    let _ = users::table.filter(users::id.in_subquery(posts::table.select((posts::user_id, posts::id))));
}
