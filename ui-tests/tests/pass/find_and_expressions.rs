use quarry_ui_tests::schema::*;

fn main() {
    let mut conn = conn();
    let grace: User = users::table.find(2).first(&mut conn).unwrap();
    assert_eq!(grace.name, "Grace");
    let rows: Vec<(String, i32, Option<String>)> = users::table
        .select((users::name.concat("!"), users::id * 10, users::hair_color.concat(" hair")))
        .filter(users::name.like("%a%").and(users::id.between(1, 2)))
        .filter(users::hair_color.eq(Some("brown")).or(users::hair_color.is_null()))
        .order_by(users::id)
        .load(&mut conn)
        .unwrap();
    assert_eq!(rows, vec![("Ada!".into(), 10, Some("brown hair".into())), ("Grace!".into(), 20, None)]);
    let labels: Vec<String> = users::table
        .select(case_when(users::id.eq(1), "first").otherwise("other"))
        .order_by(users::id)
        .load(&mut conn)
        .unwrap();
    assert_eq!(labels, ["first", "other", "other"]);
}
