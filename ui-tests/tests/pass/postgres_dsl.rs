use quarry_postgres::PgConnection;
use quarry_ui_tests::schema::*;

quarry::table! {
    docs (id) {
        id -> Integer,
        tags -> Array<Text>,
        payload -> Jsonb,
    }
}

// The PostgreSQL-only DSL compiles for PostgreSQL (the counterpart of the `*_on_sqlite` fail
// cases). Only the SQL is checked: nothing connects to a server.
fn main() {
    let sql = |s: quarry::QueryResult<String>| s.unwrap();

    let ilike = users::table
        .select(users::id)
        .filter(users::name.ilike("a%").or(users::name.not_ilike("b%")));
    assert_eq!(
        sql(PgConnection::debug_sql(&ilike)),
        r#"SELECT "users"."id" FROM "users" WHERE ("users"."name" ILIKE $1 OR "users"."name" NOT ILIKE $2)"#
    );

    let distinct_on = posts::table
        .select((posts::user_id, posts::title))
        .distinct_on(posts::user_id)
        .order_by((posts::user_id, posts::id.desc()));
    assert_eq!(
        sql(PgConnection::debug_sql(&distinct_on)),
        r#"SELECT DISTINCT ON ("posts"."user_id") "posts"."user_id", "posts"."title" FROM "posts" ORDER BY "posts"."user_id", "posts"."id" DESC"#
    );

    let locks = (
        users::table.select(users::id).for_update().skip_locked(),
        users::table.select(users::id).for_no_key_update().no_wait(),
        users::table.select(users::id).for_share(),
        users::table.find(1).for_key_share(),
    );
    assert_eq!(
        sql(PgConnection::debug_sql(&locks.0)),
        r#"SELECT "users"."id" FROM "users" FOR UPDATE SKIP LOCKED"#
    );
    assert_eq!(
        sql(PgConnection::debug_sql(&locks.1)),
        r#"SELECT "users"."id" FROM "users" FOR NO KEY UPDATE NOWAIT"#
    );
    assert_eq!(
        sql(PgConnection::debug_sql(&locks.2)),
        r#"SELECT "users"."id" FROM "users" FOR SHARE"#
    );
    assert!(sql(PgConnection::debug_sql(&locks.3)).ends_with(r#"WHERE "users"."id" = $1 FOR KEY SHARE"#));

    let upsert = insert_into(tags::table)
        .values(tags::label.eq("rust"))
        .on_conflict_on_constraint("tags_label_key")
        .do_update()
        .set(tags::label.eq(excluded(tags::label)));
    assert_eq!(
        sql(PgConnection::debug_sql(&upsert)),
        r#"INSERT INTO "tags" ("label") VALUES ($1) ON CONFLICT ON CONSTRAINT "tags_label_key" DO UPDATE SET "label" = excluded."label""#
    );

    let arrays = docs::table.select(docs::id).filter(
        docs::tags
            .any_eq("rust")
            .and(docs::tags.overlaps_with(docs::tags)),
    );
    assert_eq!(
        sql(PgConnection::debug_sql(&arrays)),
        r#"SELECT "docs"."id" FROM "docs" WHERE $1 = ANY("docs"."tags") AND "docs"."tags" && "docs"."tags""#
    );

    let json = docs::table
        .select(docs::payload.get_json("user").get_text("name"))
        .filter(docs::payload.contains(docs::payload));
    assert_eq!(
        sql(PgConnection::debug_sql(&json)),
        r#"SELECT (("docs"."payload" -> $1) ->> $2) FROM "docs" WHERE "docs"."payload" @> "docs"."payload""#
    );
}
