use quarry_ui_tests::schema::*;

fn main() {
    // The subquery is correlated with `users`, but the enclosing query reads `tags`.
    let _ = tags::table.filter(exists(
        posts::table.correlate(users::table).filter(posts::user_id.eq(users::id)),
    ));
}
