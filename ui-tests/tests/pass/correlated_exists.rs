use quarry_ui_tests::schema::*;

fn main() {
    let mut conn = conn();
    let authors: Vec<String> = users::table
        .select(users::name)
        .filter(exists(posts::table.correlate(users::table).filter(posts::user_id.eq(users::id))))
        .order_by(users::id)
        .load(&mut conn)
        .unwrap();
    assert_eq!(authors, ["Ada", "Grace"]);
    let silent: Vec<String> = users::table
        .select(users::name)
        .filter(not_exists(posts::table.correlate(users::table).filter(posts::user_id.eq(users::id))))
        .load(&mut conn)
        .unwrap();
    assert_eq!(silent, ["Linus"]);
    // Correlated scalar subquery in the select list, and an IN subquery of the right type.
    let counts: Vec<(String, Option<i64>)> = users::table
        .select((
            users::name,
            posts::table.correlate(users::table).select(count_star()).filter(posts::user_id.eq(users::id)).single_value(),
        ))
        .filter(users::id.in_subquery(posts::table.select(posts::user_id)))
        .order_by(users::id)
        .load(&mut conn)
        .unwrap();
    assert_eq!(counts, vec![("Ada".into(), Some(2)), ("Grace".into(), Some(1))]);
}
