use quarry::prelude::*;
use quarry_sqlite::SqliteConnection;

quarry::table! {
    users (id) {
        id -> Integer,
        name -> Text,
        hair_color -> Nullable<Text>,
    }
    posts (id) {
        id -> Integer,
        #[references(users::id)]
        user_id -> Integer,
        title -> Text,
    }
}

#[derive(Queryable, Selectable, Debug, PartialEq)]
#[quarry(table = users)]
struct User {
    id: i32,
    name: String,
    hair_color: Option<String>,
}

#[derive(Queryable, Debug, PartialEq)]
#[quarry(table = posts)]
struct Post {
    id: i32,
    user_id: i32,
    title: String,
}

#[test]
fn smoke() -> quarry::QueryResult<()> {
    let mut conn = SqliteConnection::establish(":memory:")?;
    conn.batch_execute(
        "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL, hair_color TEXT);
         CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users(id), title TEXT NOT NULL);
         INSERT INTO users VALUES (1, 'Ada', 'brown'), (2, 'Grace', NULL);
         INSERT INTO posts VALUES (1, 1, 'Engines'), (2, 1, 'Notes');",
    )?;
    let all: Vec<User> = users::table.order_by(users::id).load(&mut conn)?;
    assert_eq!(all.len(), 2);
    let sel: Vec<User> = users::table.select(User::as_select()).filter(users::name.eq("Ada")).load(&mut conn)?;
    assert_eq!(sel[0].hair_color.as_deref(), Some("brown"));
    let pairs: Vec<(String, Option<String>)> = users::table
        .left_join(posts::table)
        .select((users::name, posts::title))
        .order_by((users::id, posts::id))
        .load(&mut conn)?;
    assert_eq!(pairs.len(), 3);
    let counts: Vec<(String, i64)> = users::table
        .left_join(posts::table)
        .group_by(users::name)
        .select((users::name, count(posts::id)))
        .order_by(users::name)
        .load(&mut conn)?;
    assert_eq!(counts, vec![("Ada".into(), 2), ("Grace".into(), 0)]);
    let joined: Vec<(User, Option<Post>)> = users::table.left_join(posts::table).load(&mut conn)?;
    assert_eq!(joined.len(), 3);
    let u: User = users::table.find(2).first(&mut conn)?;
    assert_eq!(u.name, "Grace");
    Ok(())
}
