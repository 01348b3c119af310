use quarry_ui_tests::schema::*;

// ON DUPLICATE KEY UPDATE is MySQL's upsert: PostgreSQL spells it ON CONFLICT.
fn bump(conn: &mut quarry_postgres::PgConnection) {
    let _ = insert_into(tags::table)
        .values((tags::id.eq(1), tags::label.eq("rust")))
        .on_duplicate_key_update(tags::label.eq(inserted(tags::label)))
        .execute(conn);
}

fn main() {}
