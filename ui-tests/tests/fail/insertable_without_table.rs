use quarry_ui_tests::schema::*;

// `Insertable` does not know which table the struct is a row of.
#[derive(Insertable)]
struct NewTag<'a> {
    label: &'a str,
}

fn main() {}
