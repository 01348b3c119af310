use quarry_ui_tests::schema::*;

fn main() {
    // RETURNING can only name columns of the table updated.
    let _ = update(users::table.filter(users::id.eq(1)))
        .set(users::name.eq("Ada"))
        .returning(posts::title);
}
