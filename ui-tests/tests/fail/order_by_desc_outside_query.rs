use quarry_ui_tests::schema::*;

fn main() {
    // Ordering the users by a column of a table the query does not read.
    let _ = users::table
        .select(users::name)
        .order_by(users::name)
        .then_order_by(comments::id.desc());
}
