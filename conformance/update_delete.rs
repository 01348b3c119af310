//! UPDATE and DELETE on SQLite: typed assignments, filters, affected-row counts, RETURNING.

use super::*;
use quarry::prelude::*;
use quarry::{DatabaseErrorKind, Error, QueryResult};

#[test]
fn update_sets_values_and_expressions_and_counts_rows() -> QueryResult<()> {
    let mut c = conn!();
    let q = update(users::table.filter(users::age.gt(40)))
        .set((users::hair_color.eq("grey"), users::age.eq(users::age + 1)));
    assert_eq!(
        sql(&q),
        r#"UPDATE "users" SET "hair_color" = ?, "age" = ("users"."age" + ?) WHERE "users"."age" > ?"#
    );
    assert_eq!(q.execute(&mut c)?, 2);
    let rows: Vec<(i32, Option<String>, i32)> = users::table
        .select((users::id, users::hair_color, users::age))
        .filter(users::age.gt(40))
        .order_by(users::id)
        .load(&mut c)?;
    assert_eq!(
        rows,
        vec![(2, Some("grey".into()), 46), (4, Some("grey".into()), 81)]
    );
    // Untouched rows stay as they were.
    let ada: User = users::table.find(1).first(&mut c)?;
    assert_eq!((ada.age, ada.hair_color.as_deref()), (36, Some("brown")));
    Ok(())
}

#[test]
fn update_can_write_null_and_filter_after_set() -> QueryResult<()> {
    let mut c = conn!();
    let n = update(users::table)
        .set(users::hair_color.eq(None::<String>))
        .filter(users::id.eq(1))
        .execute(&mut c)?;
    assert_eq!(n, 1);
    let hair: Option<String> = users::table.find(1).select(users::hair_color).first(&mut c)?;
    assert_eq!(hair, None);
    // No matching row: zero rows, no error.
    assert_eq!(
        update(users::table.filter(users::id.eq(99)))
            .set(users::age.eq(1))
            .execute(&mut c)?,
        0
    );
    Ok(())
}

#[test]
fn update_that_violates_a_constraint_is_a_typed_error() -> QueryResult<()> {
    let mut c = conn!();
    match update(posts::table.filter(posts::id.eq(1)))
        .set(posts::user_id.eq(99))
        .execute(&mut c)
    {
        Err(Error::Database(e)) => assert_eq!(e.kind, DatabaseErrorKind::ForeignKeyViolation),
        other => panic!("expected a foreign key violation, got {other:?}"),
    }
    // Barbara (4) has no posts: changing the key of a user with posts would break a foreign key
    // too, which MySQL checks first.
    match update(users::table.filter(users::id.eq(4)))
        .set(users::id.eq(1))
        .execute(&mut c)
    {
        Err(Error::Database(e)) => {
            assert_eq!(e.kind, DatabaseErrorKind::UniqueViolation);
            assert_eq!(e.constraint, constraint("users.id"));
        }
        other => panic!("expected a unique violation, got {other:?}"),
    }
    Ok(())
}

#[test]
fn delete_with_filters_counts_rows() -> QueryResult<()> {
    let mut c = conn!();
    let q = delete(comments::table.filter(comments::post_id.eq(1)));
    assert_eq!(
        sql(&q),
        r#"DELETE FROM "comments" WHERE "comments"."post_id" = ?"#
    );
    assert_eq!(q.execute(&mut c)?, 2);
    assert_eq!(
        delete(comments::table)
            .filter(comments::id.eq(3))
            .execute(&mut c)?,
        1
    );
    let left: i64 = comments::table.count().get_result(&mut c)?;
    assert_eq!(left, 0);
    assert_eq!(delete(comments::table).execute(&mut c)?, 0);
    Ok(())
}

#[test]
fn delete_refused_by_a_foreign_key_leaves_the_rows() -> QueryResult<()> {
    let mut c = conn!();
    match delete(users::table.filter(users::id.eq(1))).execute(&mut c) {
        Err(Error::Database(e)) => assert_eq!(e.kind, DatabaseErrorKind::ForeignKeyViolation),
        other => panic!("expected a foreign key violation, got {other:?}"),
    }
    assert_eq!(users::table.count().get_result::<i64>(&mut c)?, 4);
    Ok(())
}

#[test]
fn values_with_quotes_and_nul_bytes_are_stored_unchanged() -> QueryResult<()> {
    let mut c = conn!();
    let tricky = ["O'Brien \"the\" -- ; DROP TABLE users", "nul\0inside", "ünï 🐢"];
    for (i, s) in tricky.iter().enumerate() {
        let id = i as i32 + 1;
        if s.contains('\0') && !DIALECT.text_holds_nul {
            let err = update(users::table.filter(users::id.eq(id)))
                .set(users::name.eq(*s))
                .execute(&mut c)
                .expect_err("text with a NUL byte");
            assert!(matches!(err, Error::Serialize(_)), "{err:?}");
            continue;
        }
        update(users::table.filter(users::id.eq(id)))
            .set(users::name.eq(*s))
            .execute(&mut c)?;
        let back: String = users::table.find(id).select(users::name).first(&mut c)?;
        assert_eq!(back, *s);
    }
    assert_eq!(users::table.count().get_result::<i64>(&mut c)?, 4);
    Ok(())
}
