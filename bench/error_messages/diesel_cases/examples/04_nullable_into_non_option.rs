//! Reading a nullable column into a String instead of an Option<String>.
use diesel_error_cases::*;

fn main() {
    let mut conn = conn();
    let _ = users::table.select(users::hair_color).load::<String>(&mut conn);
}
