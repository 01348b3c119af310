use quarry_ui_tests::schema::*;

fn main() {
    let q = users::table.select(users::name).into_boxed::<quarry_sqlite::Sqlite>();
    let _ = q.filter(posts::title.eq("Engines"));
}
