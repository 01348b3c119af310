use quarry_ui_tests::schema::*;

fn main() {
    // `users.name` has no unique index (neither the primary key nor `#[unique]`).
    let _ = insert_into(users::table)
        .values(users::name.eq("Ada"))
        .on_conflict(users::name)
        .do_nothing();
}
