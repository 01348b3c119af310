use quarry_ui_tests::schema::*;

quarry::alias!(users::table as author);

fn main() {
    // The alias `author` is never joined.
    let _ = posts::table.filter(posts::id.gt(1)).select(author.field(users::name));
}
