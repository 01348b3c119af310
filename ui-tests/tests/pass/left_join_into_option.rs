use quarry_ui_tests::schema::*;

fn main() {
    let mut conn = conn();
    let rows: Vec<(String, Option<String>)> = users::table
        .left_join(posts::table)
        .select((users::name, posts::title))
        .order_by((users::id, posts::id))
        .load(&mut conn)
        .unwrap();
    assert_eq!(rows.last(), Some(&("Linus".into(), None)));
    // Whole rows: the right side loads into `Option<Post>`.
    let rows: Vec<(User, Option<Post>)> =
        users::table.left_join(posts::table).order_by((users::id, posts::id)).load(&mut conn).unwrap();
    assert_eq!(rows.len(), 4);
    assert!(rows[3].1.is_none());
    let rows: Vec<(User, Option<Post>)> = users::table
        .left_join(posts::table)
        .select((User::as_select(), Post::as_select()))
        .filter(users::id.eq(3))
        .load(&mut conn)
        .unwrap();
    assert_eq!(rows[0].0.name, "Linus");
    assert_eq!(rows[0].1, None);
    // A nullable column, and a nullable column compared with `None`-able values.
    let colors: Vec<Option<String>> = users::table
        .select(users::hair_color)
        .filter(users::hair_color.is_not_null())
        .order_by(users::id)
        .load(&mut conn)
        .unwrap();
    assert_eq!(colors, [Some("brown".to_string()), Some("blond".to_string())]);
}
