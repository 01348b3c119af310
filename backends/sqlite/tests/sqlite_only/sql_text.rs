//! The SQL generated for representative queries. Values are always placeholders.

use super::*;
use quarry::prelude::*;

#[test]
fn default_select_lists_every_column() {
    assert_eq!(
        sql(&users::table.as_query()),
        r#"SELECT "users"."id", "users"."name", "users"."hair_color", "users"."age" FROM "users""#
    );
}

#[test]
fn filters_order_limit_offset() {
    let q = users::table
        .select((users::id, users::name))
        .filter(users::name.like("A%"))
        .filter(users::age.between(18, 65))
        .order_by((users::age.desc(), users::id))
        .limit(10)
        .offset(20);
    assert_eq!(
        sql(&q),
        r#"SELECT "users"."id", "users"."name" FROM "users" WHERE "users"."name" LIKE ? AND "users"."age" BETWEEN ? AND ? ORDER BY "users"."age" DESC, "users"."id" LIMIT ? OFFSET ?"#
    );
    assert_eq!(
        sql(&users::table.select(users::id).offset(5)),
        r#"SELECT "users"."id" FROM "users" LIMIT -1 OFFSET ?"#
    );
}

#[test]
fn joins_use_the_foreign_key() {
    let q = users::table
        .inner_join(posts::table)
        .left_join(comments::table)
        .select((users::name, comments::body));
    assert_eq!(
        sql(&q),
        r#"SELECT "users"."name", "comments"."body" FROM "users" INNER JOIN "posts" ON "posts"."user_id" = "users"."id" LEFT OUTER JOIN "comments" ON "comments"."post_id" = "posts"."id""#
    );
}

#[test]
fn aliases_qualify_their_columns() {
    quarry::alias!(employees::table as boss);
    let q = employees::table
        .inner_join(boss.on(employees::manager_id.eq(boss.field(employees::id).nullable())))
        .select((employees::name, boss.field(employees::name)));
    assert_eq!(
        sql(&q),
        r#"SELECT "employees"."name", "boss"."name" FROM "employees" INNER JOIN "employees" AS "boss" ON "employees"."manager_id" = "boss"."id""#
    );
}

#[test]
fn grouping_and_aggregates() {
    let q = posts::table
        .group_by(posts::user_id)
        .select((
            posts::user_id,
            count_star(),
            sum(posts::views),
            avg(posts::views),
            min(posts::title),
            max(posts::id),
        ))
        .having(count(posts::id).gt(1))
        .order_by(posts::user_id);
    assert_eq!(
        sql(&q),
        r#"SELECT "posts"."user_id", COUNT(*), SUM("posts"."views"), AVG("posts"."views"), MIN("posts"."title"), MAX("posts"."id") FROM "posts" GROUP BY "posts"."user_id" HAVING COUNT("posts"."id") > ? ORDER BY "posts"."user_id""#
    );
    assert_eq!(
        sql(&posts::table.select(count_distinct(posts::user_id)).distinct()),
        r#"SELECT DISTINCT COUNT(DISTINCT "posts"."user_id") FROM "posts""#
    );
}

#[test]
fn subqueries_case_cast_and_lists() {
    let q = users::table
        .select(users::id)
        .filter(exists(
            posts::table
                .correlate(users::table)
                .select(posts::id)
                .filter(posts::user_id.eq(users::id)),
        ))
        .filter(users::id.in_subquery(posts::table.select(posts::user_id)))
        .filter(users::id.eq_any([1, 2, 3]))
        .filter(users::id.ne_all(Vec::<i32>::new()));
    assert_eq!(
        sql(&q),
        r#"SELECT "users"."id" FROM "users" WHERE EXISTS (SELECT "posts"."id" FROM "posts" WHERE "posts"."user_id" = "users"."id") AND "users"."id" IN (SELECT "posts"."user_id" FROM "posts") AND "users"."id" IN (?, ?, ?) AND 1 = 1"#
    );
    let q = users::table.select((
        case_when(users::age.lt(18), "minor").otherwise("adult"),
        users::age.cast::<quarry::sql_types::Text>(),
        (users::age + 1) * 2,
        users::name.concat("!"),
        not(users::hair_color.is_null()),
    ));
    assert_eq!(
        sql(&q),
        r#"SELECT CASE WHEN "users"."age" < ? THEN ? ELSE ? END, CAST("users"."age" AS TEXT), (("users"."age" + ?) * ?), ("users"."name" || ?), NOT ("users"."hair_color" IS NULL) FROM "users""#
    );
}

#[test]
fn find_by_composite_key() {
    assert_eq!(
        sql(&order_items::table.find((1, 2)).select(order_items::product)),
        r#"SELECT "Order Items"."Product Name" FROM "Order Items" WHERE "Order Items"."OrderId" = ? AND "Order Items"."Line" = ?"#
    );
}
