use quarry_ui_tests::schema::*;

/// A partial change: `None` leaves the column as it is.
#[derive(AsChangeset, Default)]
#[quarry(table = users)]
struct UserPatch<'a> {
    name: Option<&'a str>,
    // Nullable column: the outer `Option` says whether to write, the inner one what.
    hair_color: Option<Option<&'a str>>,
}

/// A whole loaded row: its `id` identifies it, the other fields are the SET list, and a `None`
/// writes NULL (without `treat_none_as_null`, a `None` field would be left unchanged).
#[derive(Queryable, Selectable, Identifiable, AsChangeset, Debug, PartialEq)]
#[quarry(table = users, treat_none_as_null = true)]
struct EditableUser {
    id: i32,
    name: String,
    hair_color: Option<String>,
}

fn main() {
    let mut conn = conn();
    let patch = UserPatch { hair_color: Some(Some("grey")), ..Default::default() };
    let n = update(users::table.filter(users::id.eq(2))).set(&patch).execute(&mut conn).unwrap();
    assert_eq!(n, 1);

    let mut linus: EditableUser = users::table
        .select(EditableUser::as_select())
        .filter(users::id.eq(3))
        .first(&mut conn)
        .unwrap();
    linus.name = "Linus T.".into();
    linus.hair_color = None;
    assert_eq!(update(&linus).set(&linus).execute(&mut conn).unwrap(), 1);

    // An expression over the row's own columns, and RETURNING the new values.
    let renamed: Vec<(i32, String)> = update(users::table.filter(users::id.eq(1)))
        .set(users::name.eq(users::name.concat(" L.")))
        .returning((users::id, users::name))
        .load(&mut conn)
        .unwrap();
    assert_eq!(renamed, vec![(1, "Ada L.".to_string())]);

    let users: Vec<User> = users::table.order_by(users::id).load(&mut conn).unwrap();
    assert_eq!(
        users,
        vec![
            User { id: 1, name: "Ada L.".into(), hair_color: Some("brown".into()) },
            User { id: 2, name: "Grace".into(), hair_color: Some("grey".into()) },
            User { id: 3, name: "Linus T.".into(), hair_color: None },
        ]
    );
    // `delete(&row)` removes the row its key identifies.
    assert_eq!(delete(&linus).execute(&mut conn).unwrap(), 1);
    assert_eq!(users::table.count().get_result::<i64>(&mut conn).unwrap(), 2);
}
