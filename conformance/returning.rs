//! `RETURNING` on INSERT, UPDATE and DELETE, for the backends that have it (SQLite,
//! PostgreSQL). Compiled into a backend's suite by its harness.

use crate::suite::*;
use quarry::prelude::*;
use quarry::QueryResult;

#[derive(Insertable, Debug, Clone)]
#[quarry(table = users)]
struct NewUser<'a> {
    name: &'a str,
    hair_color: Option<&'a str>,
    age: i32,
}

#[test]
fn returning_gives_generated_keys_and_defaults() -> QueryResult<()> {
    let mut c = conn!();
    let (id, value, hits): (i32, String, i32) = insert_into(settings::table)
        .values(settings::key.eq("a"))
        .returning((settings::id, settings::value, settings::hits))
        .get_result(&mut c)?;
    assert_eq!((id, value.as_str(), hits), (1, "unset", 0));
    let ids: Vec<i32> = insert_into(settings::table)
        .values(vec![settings::key.eq("b"), settings::key.eq("c")])
        .returning(settings::id)
        .load(&mut c)?;
    assert_eq!(ids, [2, 3]);
    let user: User = insert_into(users::table)
        .values(&NewUser {
            name: "Ret",
            hair_color: None,
            age: 5,
        })
        .returning(User::as_select())
        .get_result(&mut c)?;
    assert_eq!(
        user,
        User {
            id: 5,
            name: "Ret".into(),
            hair_color: None,
            age: 5
        }
    );
    Ok(())
}

#[test]
fn update_returning_gives_the_new_values() -> QueryResult<()> {
    let mut c = conn!();
    let changed: Vec<(i32, i32)> = update(users::table.filter(users::name.like("%a")))
        .set(users::age.eq(users::age * 2))
        .returning((users::id, users::age))
        .load(&mut c)?;
    let mut changed = changed;
    changed.sort();
    assert_eq!(changed, vec![(1, 72), (4, 160)]);
    let whole: User = update(users::table.filter(users::id.eq(3)))
        .set(users::name.eq("Linus T."))
        .returning(User::as_select())
        .get_result(&mut c)?;
    assert_eq!(
        whole,
        User {
            id: 3,
            name: "Linus T.".into(),
            hair_color: Some("blond".into()),
            age: 28
        }
    );
    Ok(())
}

#[test]
fn delete_returning_gives_the_deleted_rows() -> QueryResult<()> {
    let mut c = conn!();
    let gone: Vec<Post> = delete(posts::table.filter(posts::views.lt(50)))
        .returning(Post::as_select())
        .load(&mut c)?;
    assert_eq!(
        gone,
        vec![Post {
            id: 4,
            user_id: 3,
            title: "Kernels".into(),
            views: 10
        }]
    );
    let ids: Vec<i32> = delete(comments::table).returning(comments::id).load(&mut c)?;
    let mut ids = ids;
    ids.sort();
    assert_eq!(ids, [1, 2, 3]);
    assert_eq!(posts::table.count().get_result::<i64>(&mut c)?, 3);
    Ok(())
}
