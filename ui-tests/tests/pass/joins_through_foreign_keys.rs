use quarry_ui_tests::schema::*;

fn main() {
    let mut conn = conn();
    // users -> posts -> comments: each ON clause comes from a declared foreign key.
    let rows: Vec<(String, String, String)> = users::table
        .inner_join(posts::table)
        .inner_join(comments::table)
        .select((users::name, posts::title, comments::text))
        .order_by(comments::id)
        .load(&mut conn)
        .unwrap();
    assert_eq!(rows[0], ("Ada".into(), "Engines".into(), "great".into()));
    // The relation is found from either side.
    let n: i64 = posts::table.inner_join(users::table).count().get_result(&mut conn).unwrap();
    assert_eq!(n, 3);
    // Tables with no relation join with an explicit ON.
    let pairs: Vec<(String, String)> = users::table
        .inner_join(tags::table.on(tags::id.eq(users::id)))
        .select((users::name, tags::label))
        .order_by(users::id)
        .load(&mut conn)
        .unwrap();
    assert_eq!(pairs, vec![("Ada".into(), "rust".into()), ("Grace".into(), "sql".into())]);
}
