use quarry_ui_tests::schema::*;

fn main() {
    let _ = posts::table.order_by(posts::user_id).group_by(posts::user_id);
}
