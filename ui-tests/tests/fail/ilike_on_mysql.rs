use quarry_ui_tests::schema::*;

// ILIKE is PostgreSQL's; MySQL's LIKE follows the column's collation instead.
fn find(conn: &mut quarry_mysql::MysqlConnection) {
    let _ = users::table
        .select(users::id)
        .filter(users::name.ilike("ada%"))
        .load::<i32>(conn);
}

fn main() {}
