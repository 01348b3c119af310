use quarry_ui_tests::schema::*;

fn main() {
    // ASC/DESC belong in ORDER BY, not in DISTINCT ON.
    let _ = users::table.distinct_on(users::name.desc());
}
