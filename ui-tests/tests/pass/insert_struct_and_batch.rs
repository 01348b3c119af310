use quarry_ui_tests::schema::*;

fn main() {
    let mut conn = conn();
    // One derived row, by reference.
    let edsger = NewUser { name: "Edsger", hair_color: None };
    assert_eq!(insert_into(users::table).values(&edsger).execute(&mut conn).unwrap(), 1);
    // A batch of derived rows: one statement.
    let batch = vec![
        NewPost { user_id: 3, title: "Kernels" },
        NewPost { user_id: 3, title: "Git" },
    ];
    assert_eq!(insert_into(posts::table).values(&batch).execute(&mut conn).unwrap(), 2);
    // A batch of assignment tuples, and RETURNING the generated keys.
    let ids: Vec<i32> = insert_into(tags::table)
        .values(vec![(tags::label.eq("sqlite"),), (tags::label.eq("types"),)])
        .returning(tags::id)
        .load(&mut conn)
        .unwrap();
    assert_eq!(ids, [3, 4]);
    // INSERT … SELECT whose query rows match the column list.
    let copied = insert_into(tags::table)
        .from_select(tags::label, users::table.select(users::name).filter(users::id.eq(1)))
        .execute(&mut conn)
        .unwrap();
    assert_eq!(copied, 1);

    let user: User = users::table.filter(users::name.eq("Edsger")).first(&mut conn).unwrap();
    assert_eq!(user, User { id: 4, name: "Edsger".into(), hair_color: None });
    let titles: Vec<String> = posts::table
        .select(posts::title)
        .filter(posts::user_id.eq(3))
        .order_by(posts::id)
        .load(&mut conn)
        .unwrap();
    assert_eq!(titles, ["Kernels", "Git"]);
    let labels: Vec<String> = tags::table.select(tags::label).order_by(tags::id).load(&mut conn).unwrap();
    assert_eq!(labels, ["rust", "sql", "sqlite", "types", "Ada"]);
}
