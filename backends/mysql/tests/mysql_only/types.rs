//! Values of MySQL's types through the DSL: integers (signed and unsigned, range-checked),
//! DECIMAL, dates and times with microseconds, JSON, ENUM, long TEXT and BLOB values; and the
//! errors for values that do not fit their Rust type.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use quarry::prelude::*;
use quarry::sql_types::{BigInt, Integer, SmallInt, Text, Unsigned};
use quarry::{DeserializeErrorKind, Error, QueryResult};
use rust_decimal::Decimal;

use super::db_with;

#[derive(SqlEnum, Debug, Clone, Copy, PartialEq)]
#[quarry(sql_type = MoodType, sql_name = "mood")]
pub enum Mood {
    Happy,
    #[quarry(rename = "so-so")]
    SoSo,
    Sad,
}

quarry::table! {
    nums (id) {
        id -> Integer,
        tiny -> SmallInt,
        medium -> Integer,
        big -> BigInt,
        big_u -> BigInt,
        int_u -> BigInt,
    }
    amounts (id) {
        id -> Integer,
        amount -> Decimal,
        wide -> Nullable<Decimal>,
    }
    moments (id) {
        id -> Integer,
        day -> Date,
        at -> Time,
        dt -> Timestamp,
        ts -> Nullable<Timestamp>,
    }
    docs (id) {
        id -> Integer,
        doc -> Json,
    }
    people (id) {
        id -> Integer,
        name -> Text,
        mood -> crate::mysql_only::types::MoodType,
        previous_mood -> Nullable<crate::mysql_only::types::MoodType>,
    }
    blobs (id) {
        id -> Integer,
        body -> Text,
        data -> Binary,
    }
}

fn deserialize_error<T: std::fmt::Debug>(r: QueryResult<T>) -> (String, DeserializeErrorKind) {
    match r {
        Err(Error::Deserialize { column, kind }) => (column, kind),
        other => panic!("expected a deserialize error, got {other:?}"),
    }
}

#[test]
fn integers_of_every_width_and_unsigned_ones_are_range_checked() -> QueryResult<()> {
    let mut c = db_with!(
        "CREATE TABLE nums (id INT PRIMARY KEY, tiny TINYINT NOT NULL, medium MEDIUMINT NOT NULL,
            big BIGINT NOT NULL, big_u BIGINT UNSIGNED NOT NULL, int_u INT UNSIGNED NOT NULL);
         INSERT INTO nums VALUES (1, -128, -8388608, 9223372036854775807, 9223372036854775807, 4294967295),
                                 (2, 127, 8388607, 10, 18446744073709551615, 0)"
    );
    let row: (i16, i32, i64, i64, i64) = nums::table
        .select((nums::tiny, nums::medium, nums::big, nums::big_u, nums::int_u))
        .filter(nums::id.eq(1))
        .first(&mut c)?;
    assert_eq!(row, (-128, -8_388_608, i64::MAX, i64::MAX, 4_294_967_295));
    // BIGINT UNSIGNED above i64::MAX: an error, never a wrap.
    let (column, kind) = deserialize_error(
        nums::table
            .select(nums::big_u)
            .filter(nums::id.eq(2))
            .first::<i64>(&mut c),
    );
    assert_eq!(column, "big_u");
    assert_eq!(
        kind,
        DeserializeErrorKind::OutOfRange {
            value: i64::MAX,
            target: "i64"
        }
    );
    // INT UNSIGNED 4294967295 does not fit an i32.
    #[derive(QueryableByName, Debug)]
    #[allow(dead_code)]
    struct AsInt {
        #[quarry(sql_type = Integer)]
        int_u: i32,
    }
    let (_, kind) = deserialize_error(sql_query("SELECT int_u FROM nums WHERE id = 1").load::<AsInt>(&mut c));
    assert_eq!(
        kind,
        DeserializeErrorKind::OutOfRange {
            value: 4_294_967_295,
            target: "i32"
        }
    );
    // Integer division truncates, as on the other backends (MySQL's `/` would be a DECIMAL).
    let q = nums::table.select(nums::medium / 2).filter(nums::id.eq(2));
    assert_eq!(
        quarry_mysql::MysqlConnection::debug_sql(&q)?,
        "SELECT (`nums`.`medium` DIV ?) FROM `nums` WHERE `nums`.`id` = ?"
    );
    assert_eq!(q.first::<Option<i32>>(&mut c)?, Some(4_194_303));
    let negative: Option<i32> = nums::table
        .select(nums::medium / 1000)
        .filter(nums::id.eq(1))
        .first(&mut c)?;
    assert_eq!(negative, Some(-8388));
    // SUM of integers is exact; beyond i64 it is an error rather than a saturated number.
    let total: Option<i64> = nums::table.select(sum(nums::medium)).first(&mut c)?;
    assert_eq!(total, Some(-1));
    let (_, kind) = deserialize_error(nums::table.select(sum(nums::big_u)).first::<Option<i64>>(&mut c));
    assert!(
        matches!(kind, DeserializeErrorKind::OutOfRange { target: "i64", .. }),
        "{kind:?}"
    );
    let mean: Option<f64> = nums::table.select(avg(nums::tiny)).first(&mut c)?;
    assert_eq!(mean, Some(-0.5));
    Ok(())
}

#[test]
fn decimals_round_trip_exactly() -> QueryResult<()> {
    let mut c = db_with!(
        "CREATE TABLE amounts (id INT PRIMARY KEY, amount DECIMAL(20,4) NOT NULL, wide DECIMAL(65,30))"
    );
    let values = ["12345678901234.5678", "-0.0001", "0"];
    for (i, text) in values.iter().enumerate() {
        let amount: Decimal = text.parse().expect("a decimal");
        insert_into(amounts::table)
            .values((amounts::id.eq(i as i32 + 1), amounts::amount.eq(amount)))
            .execute(&mut c)?;
    }
    let back: Vec<Decimal> = amounts::table
        .select(amounts::amount)
        .order_by(amounts::id)
        .load(&mut c)?;
    let texts: Vec<String> = back.iter().map(|d| d.normalize().to_string()).collect();
    assert_eq!(texts, ["12345678901234.5678", "-0.0001", "0"]);
    // Exact comparison with a bound decimal.
    let id: i32 = amounts::table
        .select(amounts::id)
        .filter(amounts::amount.eq("-0.0001".parse::<Decimal>().expect("a decimal")))
        .first(&mut c)?;
    assert_eq!(id, 2);
    // SUM of decimals stays a decimal.
    let total: Option<Decimal> = amounts::table.select(sum(amounts::amount)).first(&mut c)?;
    assert_eq!(
        total.map(|d| d.normalize().to_string()),
        Some("12345678901234.5677".into())
    );
    // More digits than rust_decimal holds: an error, not a rounded value.
    c.batch_execute("UPDATE amounts SET wide = '0.123456789012345678901234567891' WHERE id = 1")?;
    let (column, kind) = deserialize_error(
        amounts::table
            .select(amounts::wide)
            .filter(amounts::id.eq(1))
            .first::<Option<Decimal>>(&mut c),
    );
    assert_eq!(column, "wide");
    assert!(matches!(kind, DeserializeErrorKind::Malformed(_)), "{kind:?}");
    // Trailing zeros of a wide scale are exact, and read.
    c.batch_execute("UPDATE amounts SET wide = '1.5' WHERE id = 2")?;
    let wide: Option<Decimal> = amounts::table
        .select(amounts::wide)
        .filter(amounts::id.eq(2))
        .first(&mut c)?;
    assert_eq!(wide.map(|d| d.normalize().to_string()), Some("1.5".into()));
    Ok(())
}

#[test]
fn dates_and_times_keep_their_microseconds() -> QueryResult<()> {
    let mut c = db_with!(
        "CREATE TABLE moments (id INT PRIMARY KEY, day DATE NOT NULL, at TIME(6) NOT NULL,
            dt DATETIME(6) NOT NULL, ts TIMESTAMP(6) NULL)"
    );
    let day = NaiveDate::from_ymd_opt(2024, 2, 29).expect("a date");
    let at = NaiveTime::from_hms_micro_opt(23, 59, 58, 999_999).expect("a time");
    let dt = NaiveDate::from_ymd_opt(1999, 12, 31)
        .and_then(|d| d.and_hms_micro_opt(1, 2, 3, 456_789))
        .expect("a datetime");
    // Nanoseconds are truncated to MySQL's microseconds.
    let ts_nanos = NaiveDate::from_ymd_opt(2038, 1, 19)
        .and_then(|d| d.and_hms_nano_opt(3, 14, 7, 123_456_789))
        .expect("a datetime");
    insert_into(moments::table)
        .values((
            moments::id.eq(1),
            moments::day.eq(day),
            moments::at.eq(at),
            moments::dt.eq(dt),
            moments::ts.eq(Some(ts_nanos)),
        ))
        .execute(&mut c)?;
    let back: (NaiveDate, NaiveTime, NaiveDateTime, Option<NaiveDateTime>) = moments::table
        .select((moments::day, moments::at, moments::dt, moments::ts))
        .first(&mut c)?;
    let ts_micros = NaiveDate::from_ymd_opt(2038, 1, 19)
        .and_then(|d| d.and_hms_micro_opt(3, 14, 7, 123_456))
        .expect("a datetime");
    assert_eq!(back, (day, at, dt, Some(ts_micros)));
    // The session is in UTC: a TIMESTAMP reads back as written, and as UTC on the server.
    #[derive(QueryableByName)]
    struct Epoch {
        #[quarry(sql_type = BigInt)]
        secs: i64,
    }
    let epoch: Vec<Epoch> =
        sql_query("SELECT CAST(UNIX_TIMESTAMP(ts) AS SIGNED) AS secs FROM moments").load(&mut c)?;
    assert_eq!(
        epoch.first().map(|e| e.secs),
        Some(ts_micros.and_utc().timestamp())
    );
    // Filters with bound dates; the `time` crate's types read the same values.
    let n: i64 = moments::table
        .filter(moments::day.eq(day).and(moments::dt.lt(ts_micros)))
        .count()
        .get_result(&mut c)?;
    assert_eq!(n, 1);
    let (d2, t2, dt2): (time::Date, time::Time, time::PrimitiveDateTime) = moments::table
        .select((moments::day, moments::at, moments::dt))
        .first(&mut c)?;
    assert_eq!((d2.year(), u8::from(d2.month()), d2.day()), (2024, 2, 29));
    assert_eq!(t2.microsecond(), 999_999);
    assert_eq!(dt2.nanosecond(), 456_789_000);
    // A DATETIME is not a DATE.
    let (_, kind) = deserialize_error(sql_query("SELECT dt AS day FROM moments").load::<OnlyDay>(&mut c));
    assert_eq!(
        kind,
        DeserializeErrorKind::WrongType {
            expected: "DATE",
            found: "DATETIME"
        }
    );
    Ok(())
}

#[derive(QueryableByName, Debug)]
struct OnlyDay {
    #[quarry(sql_type = quarry::sql_types::Date)]
    #[allow(dead_code)]
    day: NaiveDate,
}

#[test]
fn a_zero_date_is_an_error_not_a_panic() -> QueryResult<()> {
    let mut c = db_with!(
        "CREATE TABLE moments (id INT PRIMARY KEY, day DATE NOT NULL, at TIME(6) NOT NULL,
        dt DATETIME(6) NOT NULL, ts TIMESTAMP(6) NULL)"
    );
    // Zero dates need a lax SQL mode to be stored at all.
    c.batch_execute(
        "SET @mode = @@SESSION.sql_mode; SET SESSION sql_mode = '';
         INSERT INTO moments VALUES (1, '0000-00-00', '-01:00:00', '2020-00-10 00:00:00', NULL);
         SET SESSION sql_mode = @mode",
    )?;
    let (column, kind) = deserialize_error(moments::table.select(moments::day).first::<NaiveDate>(&mut c));
    assert_eq!(column, "day");
    assert!(
        matches!(&kind, DeserializeErrorKind::Malformed(m) if m.contains("zero date")),
        "{kind:?}"
    );
    let (_, kind) = deserialize_error(moments::table.select(moments::dt).first::<NaiveDateTime>(&mut c));
    assert!(matches!(kind, DeserializeErrorKind::Malformed(_)), "{kind:?}");
    let (_, kind) = deserialize_error(moments::table.select(moments::day).first::<time::Date>(&mut c));
    assert!(matches!(kind, DeserializeErrorKind::Malformed(_)), "{kind:?}");
    // A negative TIME is a duration, not a time of day.
    let (_, kind) = deserialize_error(moments::table.select(moments::at).first::<NaiveTime>(&mut c));
    assert!(matches!(kind, DeserializeErrorKind::Malformed(_)), "{kind:?}");
    Ok(())
}

#[test]
fn json_round_trips_through_mariadbs_longtext() -> QueryResult<()> {
    let mut c = db_with!("CREATE TABLE docs (id INT PRIMARY KEY, doc JSON NOT NULL)");
    let doc = serde_json::json!({"name": "Ada", "tags": ["a", "ü 🐢"], "n": 1.5, "none": null});
    insert_into(docs::table)
        .values((docs::id.eq(1), docs::doc.eq(&doc)))
        .execute(&mut c)?;
    let back: serde_json::Value = docs::table.select(docs::doc).first(&mut c)?;
    assert_eq!(back, doc);
    // MariaDB checks the text is JSON (its JSON is LONGTEXT with a JSON_VALID check).
    let err = c
        .batch_execute("INSERT INTO docs VALUES (2, '{not json')")
        .expect_err("invalid JSON");
    assert!(matches!(err, Error::Database(_)), "{err:?}");
    Ok(())
}

#[derive(Queryable, Selectable, Debug, PartialEq)]
#[quarry(table = people)]
struct Person {
    id: i32,
    name: String,
    mood: Mood,
    previous_mood: Option<Mood>,
}

#[test]
fn enums_map_to_mysql_enum_columns() -> QueryResult<()> {
    let mut c = db_with!(
        "CREATE TABLE people (id INT AUTO_INCREMENT PRIMARY KEY, name TEXT NOT NULL,
            mood ENUM('happy', 'so-so', 'sad', 'angry') NOT NULL, previous_mood ENUM('happy', 'so-so', 'sad'))"
    );
    insert_into(people::table)
        .values(vec![
            (
                people::name.eq("Ada"),
                people::mood.eq(Mood::Happy),
                people::previous_mood.eq(None::<Mood>),
            ),
            (
                people::name.eq("Grace"),
                people::mood.eq(Mood::SoSo),
                people::previous_mood.eq(Some(Mood::Sad)),
            ),
        ])
        .execute(&mut c)?;
    let all: Vec<Person> = people::table.order_by(people::id).load(&mut c)?;
    assert_eq!(
        all[1],
        Person {
            id: 2,
            name: "Grace".into(),
            mood: Mood::SoSo,
            previous_mood: Some(Mood::Sad)
        }
    );
    let sad_before: Vec<String> = people::table
        .select(people::name)
        .filter(people::previous_mood.eq(Mood::Sad))
        .load(&mut c)?;
    assert_eq!(sad_before, ["Grace"]);
    update(people::table.filter(people::id.eq(1)))
        .set(people::mood.eq(Mood::Sad))
        .execute(&mut c)?;
    let mood: Mood = people::table.find(1).select(people::mood).first(&mut c)?;
    assert_eq!(mood, Mood::Sad);
    // A label the Rust enum does not have is an error naming it.
    c.batch_execute("INSERT INTO people (name, mood) VALUES ('Linus', 'angry')")?;
    let (column, kind) = deserialize_error(people::table.find(3).select(people::mood).first::<Mood>(&mut c));
    assert_eq!(column, "mood");
    assert!(
        matches!(&kind, DeserializeErrorKind::Malformed(m) if m.contains("angry")),
        "{kind:?}"
    );
    // A label outside the ENUM is refused by the server (strict mode).
    let err = c
        .batch_execute("INSERT INTO people (name, mood) VALUES ('X', 'bored')")
        .expect_err("not a label of the ENUM");
    assert!(matches!(err, Error::Database(_)), "{err:?}");
    Ok(())
}

#[test]
fn megabyte_text_and_blob_values_round_trip() -> QueryResult<()> {
    let mut c =
        db_with!("CREATE TABLE blobs (id INT PRIMARY KEY, body LONGTEXT NOT NULL, data LONGBLOB NOT NULL)");
    let body: String = "żółw 🐢 and some ASCII; ".repeat((1 << 20) / 24 + 1);
    assert!(body.len() > 1 << 20);
    let data: Vec<u8> = (0..(1usize << 20) + 7).map(|i| (i * 31 % 251) as u8).collect();
    insert_into(blobs::table)
        .values((
            blobs::id.eq(1),
            blobs::body.eq(&body),
            blobs::data.eq(data.as_slice()),
        ))
        .execute(&mut c)?;
    insert_into(blobs::table)
        .values((
            blobs::id.eq(2),
            blobs::body.eq("short"),
            blobs::data.eq(&[1u8, 2][..]),
        ))
        .execute(&mut c)?;
    // Long and short values in the same statement's buffers, both ways round.
    for _ in 0..2 {
        let rows: Vec<(i32, String, Vec<u8>)> = blobs::table
            .select((blobs::id, blobs::body, blobs::data))
            .order_by(blobs::id)
            .load(&mut c)?;
        assert_eq!(rows.len(), 2);
        assert!(rows[0].1 == body, "the long text came back changed");
        assert!(rows[0].2 == data, "the long blob came back changed");
        assert_eq!(
            (rows[1].1.as_str(), rows[1].2.as_slice()),
            ("short", &[1u8, 2][..])
        );
    }
    let found: i32 = blobs::table
        .select(blobs::id)
        .filter(blobs::data.eq(data.as_slice()))
        .first(&mut c)?;
    assert_eq!(found, 1);
    Ok(())
}

#[test]
fn values_of_another_type_are_typed_errors() -> QueryResult<()> {
    let mut c = db_with!(
        "CREATE TABLE blobs (id INT PRIMARY KEY, body LONGTEXT NOT NULL, data LONGBLOB NOT NULL);
        INSERT INTO blobs VALUES (1, 'text', x'00ff')"
    );
    #[derive(QueryableByName, Debug)]
    #[allow(dead_code)]
    struct IdAsText {
        #[quarry(sql_type = Text)]
        id: String,
    }
    let (_, kind) = deserialize_error(sql_query("SELECT id FROM blobs").load::<IdAsText>(&mut c));
    assert_eq!(
        kind,
        DeserializeErrorKind::WrongType {
            expected: "TEXT",
            found: "INT"
        }
    );
    // Bytes are not text, nor text bytes.
    let (_, kind) = deserialize_error(sql_query("SELECT data AS id FROM blobs").load::<IdAsText>(&mut c));
    assert_eq!(
        kind,
        DeserializeErrorKind::WrongType {
            expected: "TEXT",
            found: "BLOB"
        }
    );
    #[derive(QueryableByName, Debug)]
    #[allow(dead_code)]
    struct BodyAsBytes {
        #[quarry(sql_type = quarry::sql_types::Binary)]
        body: Vec<u8>,
    }
    let (_, kind) = deserialize_error(sql_query("SELECT body FROM blobs").load::<BodyAsBytes>(&mut c));
    assert_eq!(
        kind,
        DeserializeErrorKind::WrongType {
            expected: "BLOB",
            found: "TEXT"
        }
    );
    // Text that is not UTF-8: a latin1 value sent unconverted.
    c.batch_execute("SET SESSION character_set_results = NULL")?;
    let (_, kind) = deserialize_error(
        sql_query("SELECT CAST(x'ff' AS CHAR CHARACTER SET latin1) AS id").load::<IdAsText>(&mut c),
    );
    assert_eq!(kind, DeserializeErrorKind::InvalidUtf8);
    c.batch_execute("SET SESSION character_set_results = utf8mb4")?;
    Ok(())
}

quarry::table! {
    unsigned_nums (id) {
        id -> Integer,
        tiny -> TinyInt,
        tiny_u -> Unsigned<TinyInt>,
        small_u -> Unsigned<SmallInt>,
        int_u -> Unsigned<Integer>,
        big_u -> Unsigned<BigInt>,
        maybe_u -> Nullable<Unsigned<Integer>>,
    }
}

#[derive(Queryable, Insertable, Debug, Clone, PartialEq)]
#[quarry(table = unsigned_nums)]
struct UnsignedNums {
    id: i32,
    tiny: i8,
    tiny_u: u8,
    small_u: u16,
    int_u: u32,
    big_u: u64,
    maybe_u: Option<u32>,
}

#[test]
fn tinyint_and_unsigned_integers_round_trip_at_their_limits() -> QueryResult<()> {
    let mut c = db_with!(
        "CREATE TABLE unsigned_nums (id INT PRIMARY KEY, tiny TINYINT NOT NULL,
            tiny_u TINYINT UNSIGNED NOT NULL, small_u SMALLINT UNSIGNED NOT NULL,
            int_u INT UNSIGNED NOT NULL, big_u BIGINT UNSIGNED NOT NULL, maybe_u INT UNSIGNED)"
    );
    let rows = vec![
        UnsignedNums {
            id: 1,
            tiny: i8::MIN,
            tiny_u: u8::MAX,
            small_u: u16::MAX,
            int_u: u32::MAX,
            big_u: u64::MAX,
            maybe_u: None,
        },
        UnsignedNums {
            id: 2,
            tiny: i8::MAX,
            tiny_u: 0,
            small_u: 0,
            int_u: 0,
            big_u: 0,
            maybe_u: Some(7),
        },
    ];
    insert_into(unsigned_nums::table).values(&rows).execute(&mut c)?;
    let back: Vec<UnsignedNums> = unsigned_nums::table.order_by(unsigned_nums::id).load(&mut c)?;
    assert_eq!(back, rows);
    // Unsigned values bind and compare as unsigned: u64::MAX is not -1.
    let ids: Vec<i32> = unsigned_nums::table
        .select(unsigned_nums::id)
        .filter(
            unsigned_nums::big_u
                .eq(u64::MAX)
                .and(unsigned_nums::tiny.lt(0_i8)),
        )
        .load(&mut c)?;
    assert_eq!(ids, [1]);
    let total: Option<u64> = unsigned_nums::table
        .select(sum(unsigned_nums::int_u))
        .get_result(&mut c)?;
    assert_eq!(total, Some(u64::from(u32::MAX)));
    // The sum of BIGINT UNSIGNED maxima does not fit a u64: an error, not a wrapped value.
    insert_into(unsigned_nums::table)
        .values(UnsignedNums {
            id: 3,
            big_u: u64::MAX,
            ..rows[1].clone()
        })
        .execute(&mut c)?;
    let overflow = unsigned_nums::table
        .select(sum(unsigned_nums::big_u))
        .get_result::<Option<u64>>(&mut c);
    assert!(
        matches!(
            overflow,
            Err(Error::Deserialize {
                kind: DeserializeErrorKind::OutOfRange { .. },
                ..
            })
        ),
        "{overflow:?}"
    );
    // A value the column cannot hold is refused by the server (strict mode), not truncated.
    let too_big = sql_query("INSERT INTO unsigned_nums VALUES (9, 0, ?, 0, 0, 0, NULL)")
        .bind::<Unsigned<SmallInt>, _>(300_u16)
        .execute(&mut c);
    assert!(matches!(too_big, Err(Error::Database(_))), "{too_big:?}");
    Ok(())
}
