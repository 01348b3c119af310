use quarry_ui_tests::schema::*;

fn main() {
    // UPDATE acts on one table, not on a join.
    let _ = update(users::table.inner_join(posts::table)).set(users::name.eq("Ada"));
}
