//! `#[derive(SqlEnum)]` on SQLite: enum values stored as TEXT labels, bound, filtered, loaded.

use quarry::prelude::*;
use quarry::sql_types::Text;
use quarry::{DeserializeErrorKind, Error, QueryResult};
use quarry_sqlite::SqliteConnection;

// `pub`: the marker `MoodType` gets the enum's visibility, and `table!` makes column types public.
#[derive(SqlEnum, Debug, Clone, Copy, PartialEq)]
#[quarry(sql_type = MoodType, sql_name = "mood")]
pub enum Mood {
    Happy,
    #[quarry(rename = "so-so")]
    SoSo,
    Sad,
}

quarry::table! {
    people (id) {
        id -> Integer,
        name -> Text,
        // Resolved inside the module `table!` generates, hence the path.
        mood -> crate::MoodType,
        previous_mood -> Nullable<crate::MoodType>,
    }
}

#[derive(Queryable, Selectable, Debug, PartialEq)]
#[quarry(table = people)]
struct Person {
    id: i32,
    name: String,
    mood: Mood,
    previous_mood: Option<Mood>,
}

#[derive(Insertable)]
#[quarry(table = people)]
struct NewPerson<'a> {
    name: &'a str,
    mood: Mood,
    previous_mood: Option<Mood>,
}

#[derive(QueryableByName, Debug, PartialEq)]
struct RawMood {
    #[quarry(sql_type = Text)]
    label: String,
    #[quarry(sql_type = crate::MoodType)]
    mood: Mood,
}

fn conn() -> QueryResult<SqliteConnection> {
    let mut conn = SqliteConnection::establish(":memory:")?;
    conn.batch_execute(
        "CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT NOT NULL, mood TEXT NOT NULL,
                              previous_mood TEXT);",
    )?;
    let rows = [
        NewPerson {
            name: "Ada",
            mood: Mood::Happy,
            previous_mood: None,
        },
        NewPerson {
            name: "Grace",
            mood: Mood::SoSo,
            previous_mood: Some(Mood::Sad),
        },
    ];
    insert_into(people::table).values(&rows[..]).execute(&mut conn)?;
    insert_into(people::table)
        .values((
            people::name.eq("Linus"),
            people::mood.eq(Mood::Sad),
            people::previous_mood.eq(Some(Mood::Happy)),
        ))
        .execute(&mut conn)?;
    Ok(conn)
}

#[test]
fn enums_insert_filter_and_load() -> QueryResult<()> {
    let mut c = conn()?;
    let all: Vec<Person> = people::table.order_by(people::id).load(&mut c)?;
    assert_eq!(
        all,
        [
            Person {
                id: 1,
                name: "Ada".into(),
                mood: Mood::Happy,
                previous_mood: None
            },
            Person {
                id: 2,
                name: "Grace".into(),
                mood: Mood::SoSo,
                previous_mood: Some(Mood::Sad)
            },
            Person {
                id: 3,
                name: "Linus".into(),
                mood: Mood::Sad,
                previous_mood: Some(Mood::Happy)
            },
        ]
    );

    let so_so: Vec<String> = people::table
        .select(people::name)
        .filter(people::mood.eq(Mood::SoSo))
        .load(&mut c)?;
    assert_eq!(so_so, ["Grace"]);
    let wanted = Mood::Sad;
    let by_ref: Vec<i32> = people::table
        .select(people::id)
        .filter(people::mood.eq(&wanted))
        .load(&mut c)?;
    assert_eq!(by_ref, [3]);
    let not_happy: Vec<i32> = people::table
        .select(people::id)
        .filter(people::mood.ne(Mood::Happy))
        .order_by(people::id)
        .load(&mut c)?;
    assert_eq!(not_happy, [2, 3]);
    let any: Vec<i32> = people::table
        .select(people::id)
        .filter(people::mood.eq_any(vec![Mood::Happy, Mood::Sad]))
        .order_by(people::id)
        .load(&mut c)?;
    assert_eq!(any, [1, 3]);
    // A nullable enum column compares with plain values and loads into `Option`.
    let previous: Vec<Option<Mood>> = people::table
        .select(people::previous_mood)
        .filter(
            people::previous_mood
                .eq(Mood::Sad)
                .or(people::previous_mood.is_null()),
        )
        .order_by(people::id)
        .load(&mut c)?;
    assert_eq!(previous, [None, Some(Mood::Sad)]);
    // Two enum columns of the same SQL type compare with each other.
    let same: i64 = people::table
        .select(count_star())
        .filter(people::mood.eq(people::previous_mood))
        .get_result(&mut c)?;
    assert_eq!(same, 0);

    let sql = SqliteConnection::debug_sql(
        &people::table
            .select(people::id)
            .filter(people::mood.eq(Mood::Happy)),
    )?;
    assert_eq!(
        sql,
        r#"SELECT "people"."id" FROM "people" WHERE "people"."mood" = ?"#
    );
    Ok(())
}

#[test]
fn labels_are_stored_as_text_and_updates_work() -> QueryResult<()> {
    let mut c = conn()?;
    let updated = update(people::table.filter(people::name.eq("Ada")))
        .set((
            people::mood.eq(Mood::SoSo),
            people::previous_mood.eq(Some(Mood::Happy)),
        ))
        .execute(&mut c)?;
    assert_eq!(updated, 1);
    let raw: Vec<RawMood> = sql_query("SELECT mood AS label, mood FROM people ORDER BY id").load(&mut c)?;
    assert_eq!(
        raw.iter().map(|r| (r.label.as_str(), r.mood)).collect::<Vec<_>>(),
        [("so-so", Mood::SoSo), ("so-so", Mood::SoSo), ("sad", Mood::Sad)]
    );
    let bound: Vec<RawMood> = sql_query("SELECT ? AS label, ? AS mood")
        .bind::<Text, _>("x")
        .bind::<MoodType, _>(Mood::Happy)
        .load(&mut c)?;
    assert_eq!(bound[0].mood, Mood::Happy);
    Ok(())
}

#[test]
fn unknown_labels_are_errors_naming_the_label() -> QueryResult<()> {
    let mut c = conn()?;
    c.batch_execute("INSERT INTO people (name, mood) VALUES ('Barbara', 'angry')")?;
    let err = people::table
        .select(people::mood)
        .filter(people::name.eq("Barbara"))
        .first::<Mood>(&mut c)
        .unwrap_err();
    match err {
        Error::Deserialize {
            column,
            kind: DeserializeErrorKind::Malformed(msg),
        } => {
            assert_eq!(column, "mood");
            assert!(msg.contains("\"angry\"") && msg.contains("mood"), "{msg}");
        }
        other => panic!("expected a deserialize error, got {other:?}"),
    }
    Ok(())
}
