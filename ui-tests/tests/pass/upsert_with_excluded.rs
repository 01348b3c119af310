use quarry_ui_tests::schema::*;

fn main() {
    let mut conn = conn();
    // On a `#[unique]` column: the existing row takes the proposed label, uppercased by SQL
    // concatenation of the old and the proposed values.
    let n = insert_into(tags::table)
        .values((tags::id.eq(10), tags::label.eq("rust")))
        .on_conflict(tags::label)
        .do_update()
        .set(tags::label.eq(tags::label.concat("/").concat(excluded(tags::label))))
        .execute(&mut conn)
        .unwrap();
    assert_eq!(n, 1);
    // No conflict: a plain insert.
    insert_into(tags::table)
        .values((tags::id.eq(11), tags::label.eq("new")))
        .on_conflict(tags::label)
        .do_nothing()
        .execute(&mut conn)
        .unwrap();
    // On the primary key, with RETURNING.
    let name: String = insert_into(users::table)
        .values((users::id.eq(2), users::name.eq("Grace H.")))
        .on_conflict(users::id)
        .do_update()
        .set(users::name.eq(excluded(users::name)))
        .returning(users::name)
        .get_result(&mut conn)
        .unwrap();
    assert_eq!(name, "Grace H.");
    // DO NOTHING skips the conflicting row.
    let skipped = insert_into(tags::table)
        .values(tags::label.eq("sql"))
        .on_conflict(tags::label)
        .do_nothing()
        .execute(&mut conn)
        .unwrap();
    assert_eq!(skipped, 0);

    let tags: Vec<(i32, String)> =
        tags::table.select((tags::id, tags::label)).order_by(tags::id).load(&mut conn).unwrap();
    assert_eq!(tags, vec![(1, "rust/rust".into()), (2, "sql".into()), (11, "new".into())]);
    let users: i64 = users::table.count().get_result(&mut conn).unwrap();
    assert_eq!(users, 3);
}
