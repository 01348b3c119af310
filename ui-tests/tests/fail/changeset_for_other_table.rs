use quarry_ui_tests::schema::*;

#[derive(AsChangeset)]
#[quarry(table = posts)]
struct PostTitle<'a> {
    title: &'a str,
}

fn main() {
    // `PostTitle` is a changeset for `posts`, not for `users`.
    let _ = update(users::table.filter(users::id.eq(1))).set(&PostTitle { title: "Engines" });
}
