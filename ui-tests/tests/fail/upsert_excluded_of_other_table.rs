use quarry_ui_tests::schema::*;

fn main() {
    // The proposed row is a row of `tags`: `excluded(users::name)` does not exist in it.
    let _ = insert_into(tags::table)
        .values(tags::label.eq("rust"))
        .on_conflict(tags::label)
        .do_update()
        .set(tags::label.eq(excluded(users::name)));
}
