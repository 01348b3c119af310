use quarry_ui_tests::schema::*;

fn main() {
    // RETURNING can only name columns of the table inserted into.
    let _ = insert_into(users::table)
        .values(users::name.eq("Ada"))
        .returning(posts::title);
}
