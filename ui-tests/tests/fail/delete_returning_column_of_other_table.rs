use quarry_ui_tests::schema::*;

fn main() {
    // RETURNING can only name columns of the table deleted from.
    let _ = delete(users::table.filter(users::id.eq(1))).returning(posts::title);
}
