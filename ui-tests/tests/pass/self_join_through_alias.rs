use quarry_ui_tests::schema::*;

quarry::alias!(users::table as other);

fn main() {
    let mut conn = conn();
    // Pairs of users sharing a hair color status, through a second name for `users`.
    let pairs: Vec<(String, String)> = users::table
        .inner_join(other.on(other.field(users::id).gt(users::id)))
        .select((users::name, other.field(users::name)))
        .filter(users::hair_color.is_not_null().and(other.field(users::hair_color).is_not_null()))
        .load(&mut conn)
        .unwrap();
    assert_eq!(pairs, vec![("Ada".into(), "Linus".into())]);
    // A LEFT JOIN to the alias makes its columns nullable.
    let rows: Vec<(i32, Option<String>)> = users::table
        .left_join(other.on(other.field(users::id).eq(users::id + 1)))
        .select((users::id, other.field(users::name)))
        .order_by(users::id)
        .load(&mut conn)
        .unwrap();
    assert_eq!(rows, vec![(1, Some("Grace".into())), (2, Some("Linus".into())), (3, None)]);
}
