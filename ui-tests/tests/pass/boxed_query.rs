use quarry_ui_tests::schema::*;

fn search(
    conn: &mut SqliteConnection,
    name: Option<&str>,
    with_hair_color: bool,
) -> Vec<String> {
    let mut q = users::table.select(users::name).into_boxed::<quarry_sqlite::Sqlite>();
    if let Some(name) = name {
        q = q.filter(users::name.like(format!("%{name}%")));
    }
    if with_hair_color {
        q = q.filter(users::hair_color.is_not_null());
    }
    q.order_by(users::id.desc()).load(conn).unwrap()
}

fn main() {
    let mut conn = conn();
    assert_eq!(search(&mut conn, None, false), ["Linus", "Grace", "Ada"]);
    assert_eq!(search(&mut conn, Some("a"), true), ["Ada"]);
    // A boxed join keeps both tables for its filters.
    let titles: Vec<String> = users::table
        .inner_join(posts::table)
        .select(posts::title)
        .into_boxed::<quarry_sqlite::Sqlite>()
        .filter(users::name.eq("Grace"))
        .load(&mut conn)
        .unwrap();
    assert_eq!(titles, ["Compilers"]);
}
