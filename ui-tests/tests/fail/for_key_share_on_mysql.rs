use quarry_ui_tests::schema::*;

// MySQL locks rows FOR UPDATE / LOCK IN SHARE MODE, but has no key-level locks.
fn lock(conn: &mut quarry_mysql::MysqlConnection) {
    let _ = users::table
        .select(users::id)
        .for_key_share()
        .load::<i32>(conn);
}

fn main() {}
