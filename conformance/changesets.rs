//! Derived changesets and identifiable rows: `update(&row).set(&changes)`, `delete(&row)`.

use super::*;
use quarry::prelude::*;
use quarry::{Error, QueryResult};

#[derive(AsChangeset, Debug, Default)]
#[quarry(table = users)]
struct UserPatch<'a> {
    name: Option<&'a str>,
    // Nullable column: the outer Option says whether to write, the inner what.
    hair_color: Option<Option<&'a str>>,
    age: Option<i32>,
}

#[derive(AsChangeset, Debug)]
#[quarry(table = users, treat_none_as_null = true)]
struct HairColor {
    hair_color: Option<String>,
}

#[derive(Queryable, Selectable, Identifiable, AsChangeset, Debug, Clone, PartialEq)]
#[quarry(table = users)]
struct EditableUser {
    id: i32,
    name: String,
    hair_color: Option<String>,
    age: i32,
}

#[derive(Identifiable, Debug)]
#[quarry(table = order_items, primary_key(order_id, line))]
struct ItemKey {
    order_id: i32,
    line: i32,
}

#[test]
fn none_fields_are_left_unchanged() -> QueryResult<()> {
    let mut c = conn!();
    let patch = UserPatch {
        age: Some(37),
        ..Default::default()
    };
    let q = update(users::table.filter(users::id.eq(1))).set(&patch);
    assert_eq!(sql(&q), r#"UPDATE "users" SET "age" = ? WHERE "users"."id" = ?"#);
    assert_eq!(q.execute(&mut c)?, 1);
    let patch = UserPatch {
        name: Some("Ada L."),
        hair_color: Some(None),
        age: None,
    };
    update(users::table.filter(users::id.eq(1)))
        .set(&patch)
        .execute(&mut c)?;
    let ada: User = users::table.find(1).first(&mut c)?;
    assert_eq!(
        ada,
        User {
            id: 1,
            name: "Ada L.".into(),
            hair_color: None,
            age: 37
        }
    );
    Ok(())
}

#[test]
fn an_empty_changeset_is_an_error_not_broken_sql() -> QueryResult<()> {
    let mut c = conn!();
    match update(users::table).set(&UserPatch::default()).execute(&mut c) {
        Err(Error::QueryBuilder(msg)) => assert!(msg.contains("sets no column"), "{msg}"),
        other => panic!("expected a query-builder error, got {other:?}"),
    }
    Ok(())
}

#[test]
fn none_can_mean_null() -> QueryResult<()> {
    let mut c = conn!();
    update(users::table.filter(users::id.eq(3)))
        .set(&HairColor { hair_color: None })
        .execute(&mut c)?;
    let hair: Option<String> = users::table.find(3).select(users::hair_color).first(&mut c)?;
    assert_eq!(hair, None);
    Ok(())
}

#[test]
fn a_loaded_row_is_updated_and_deleted_by_its_key() -> QueryResult<()> {
    let mut c = conn!();
    let mut grace: EditableUser = users::table
        .select(EditableUser::as_select())
        .filter(users::id.eq(2))
        .first(&mut c)?;
    grace.age += 1;
    grace.hair_color = Some("silver".into());
    // The key field is not part of the SET list.
    let q = update(&grace).set(&grace);
    assert_eq!(
        sql(&q),
        r#"UPDATE "users" SET "name" = ?, "hair_color" = ?, "age" = ? WHERE "users"."id" = ?"#
    );
    assert_eq!(q.execute(&mut c)?, 1);
    let reloaded: EditableUser = users::table
        .select(EditableUser::as_select())
        .filter(users::id.eq(2))
        .first(&mut c)?;
    assert_eq!(reloaded, grace);
    // Barbara has no posts, so she can be deleted.
    let barbara: EditableUser = users::table
        .select(EditableUser::as_select())
        .filter(users::id.eq(4))
        .first(&mut c)?;
    assert_eq!(delete(&barbara).execute(&mut c)?, 1);
    assert_eq!(users::table.count().get_result::<i64>(&mut c)?, 3);
    Ok(())
}

#[test]
fn composite_keys_identify_rows() -> QueryResult<()> {
    let mut c = conn!();
    let key = ItemKey { order_id: 1, line: 2 };
    let q = update(&key).set(order_items::product.eq("oat milk"));
    assert_eq!(
        sql(&q),
        r#"UPDATE "Order Items" SET "Product Name" = ? WHERE "Order Items"."OrderId" = ? AND "Order Items"."Line" = ?"#
    );
    assert_eq!(q.execute(&mut c)?, 1);
    let p: String = order_items::table
        .find((1, 2))
        .select(order_items::product)
        .first(&mut c)?;
    assert_eq!(p, "oat milk");
    assert_eq!(delete(&key).execute(&mut c)?, 1);
    assert_eq!(delete(&key).execute(&mut c)?, 0);
    Ok(())
}
