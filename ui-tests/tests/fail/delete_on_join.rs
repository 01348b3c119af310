use quarry_ui_tests::schema::*;

fn main() {
    // DELETE acts on one table, not on a join.
    let _ = delete(users::table.inner_join(posts::table).filter(posts::id.eq(1)));
}
