use quarry_ui_tests::schema::*;

fn main() {
    let _ = posts::table
        .group_by(posts::user_id)
        .select((posts::user_id, count_star()))
        .for_update();
}
