use quarry_ui_tests::schema::*;

fn main() {
    let mut conn = conn();
    let busy: Vec<(i32, i64, Option<i32>)> = posts::table
        .group_by(posts::user_id)
        .select((posts::user_id, count_star(), max(posts::id)))
        .having(count(posts::id).gt(1))
        .order_by(posts::user_id)
        .load(&mut conn)
        .unwrap();
    assert_eq!(busy, vec![(1, 2, Some(2))]);
    // Grouping by a column of a joined table, counting the other side.
    let per_user: Vec<(String, i64)> = users::table
        .left_join(posts::table)
        .group_by(users::name)
        .select((users::name, count(posts::id)))
        .order_by(users::name)
        .load(&mut conn)
        .unwrap();
    assert_eq!(per_user, vec![("Ada".into(), 2), ("Grace".into(), 1), ("Linus".into(), 0)]);
    // Aggregates alone need no GROUP BY.
    let (n, total): (i64, Option<i64>) =
        users::table.select((count_star(), sum(users::id))).get_result(&mut conn).unwrap();
    assert_eq!((n, total), (3, Some(6)));
}
