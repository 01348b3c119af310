//! PostgreSQL value types against a real server (`QUARRY_PG_URL`): each type goes into a table
//! (insert), comes back (select) and is found by equality (filter); NULLs, arrays (with NULL
//! elements, empty), values produced by SQL literals, `'infinity'` and other values that have no
//! Rust counterpart, and enums declared with `CREATE TYPE ... AS ENUM`.
//!
//! The feature-gated types (chrono, time, rust_decimal, uuid, serde_json) are enabled for every
//! test build by the crate's dev-dependency on itself (see `Cargo.toml`).

mod support;

use std::str::FromStr;

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use quarry::prelude::*;
use quarry::sql_types::{
    Array, BigInt, Binary, Bool, Date, Decimal, Double, Float, Integer, Interval, Json, Jsonb, Nullable,
    SmallInt, Text, Time, Timestamp, Timestamptz, Uuid,
};
use quarry::{DeserializeErrorKind, Error, QueryResult};
use quarry_postgres::{PgConnection, PgInterval};
use rust_decimal::Decimal as RustDecimal;
use serde_json::{json, Value};

quarry::table! {
    moments (id) {
        id -> Integer,
        d -> Date,
        t -> Time,
        ts -> Timestamp,
        tstz -> Timestamptz,
        maybe_ts -> Nullable<Timestamptz>,
    }
    spans (id) {
        id -> Integer,
        span -> Interval,
        maybe_span -> Nullable<Interval>,
    }
    amounts (id) {
        id -> Integer,
        amount -> Decimal,
        maybe_amount -> Nullable<Decimal>,
    }
    things (id) {
        id -> Integer,
        uid -> Uuid,
        maybe_uid -> Nullable<Uuid>,
    }
    documents (id) {
        id -> Integer,
        doc -> Json,
        docb -> Jsonb,
        maybe_docb -> Nullable<Jsonb>,
    }
    lists (id) {
        id -> Integer,
        ints -> Array<Integer>,
        texts -> Array<Text>,
        sparse -> Array<Nullable<Integer>>,
        maybe_ints -> Nullable<Array<Integer>>,
    }
    people (id) {
        id -> Integer,
        name -> Text,
        mood -> crate::MoodType,
        previous_mood -> Nullable<crate::MoodType>,
    }
    labels (id) {
        id -> Integer,
        v -> Text,
        c -> Text,
    }
}

// ---------------------------------------------------------------------------------------------
// Text kinds

#[test]
fn varchar_bpchar_and_name_load_as_text() -> QueryResult<()> {
    let Some(mut db) = support::test_db(
        "text_kinds",
        "CREATE TABLE labels (id SERIAL PRIMARY KEY, v VARCHAR(10) NOT NULL, c CHAR(4) NOT NULL);
         INSERT INTO labels (v, c) VALUES ('abc', 'xy');",
    ) else {
        return Ok(());
    };
    let c = &mut *db;
    let (v, ch): (String, String) = labels::table.select((labels::v, labels::c)).first(c)?;
    assert_eq!((v.as_str(), ch.as_str()), ("abc", "xy  "));
    let found: i32 = labels::table
        .select(labels::id)
        .filter(labels::v.eq("abc"))
        .first(c)?;
    assert_eq!(found, 1);

    #[derive(QueryableByName, Debug)]
    struct Names {
        #[quarry(sql_type = Text)]
        n: String,
        #[quarry(sql_type = Text)]
        v: String,
    }
    let row: Names = sql_query("SELECT 'pg_class'::name AS n, 'ü'::varchar AS v").get_result(c)?;
    assert_eq!((row.n.as_str(), row.v.as_str()), ("pg_class", "ü"));
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// chrono

#[derive(Queryable, Selectable, Insertable, Debug, PartialEq, Clone)]
#[quarry(table = moments)]
struct Moment {
    id: i32,
    d: NaiveDate,
    t: NaiveTime,
    ts: NaiveDateTime,
    tstz: DateTime<Utc>,
    maybe_ts: Option<DateTime<Utc>>,
}

const MOMENTS_DDL: &str = "CREATE TABLE moments (id INTEGER PRIMARY KEY, d DATE NOT NULL, t TIME NOT NULL,
    ts TIMESTAMP NOT NULL, tstz TIMESTAMPTZ NOT NULL, maybe_ts TIMESTAMPTZ);";

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn chrono_values_round_trip_and_match_sql_literals() -> QueryResult<()> {
    let Some(mut db) = support::test_db("chrono", MOMENTS_DDL) else {
        return Ok(());
    };
    let c = &mut *db;
    // The session's zone must not matter: timestamptz travels in UTC.
    c.batch_execute("SET TIME ZONE 'Asia/Kolkata'")?;
    let rows = vec![
        Moment {
            id: 1,
            d: ymd(2024, 2, 29),
            t: NaiveTime::from_hms_micro_opt(12, 34, 56, 789_000).unwrap(),
            ts: ymd(2024, 2, 29).and_hms_micro_opt(12, 34, 56, 789_000).unwrap(),
            tstz: ymd(2024, 2, 29).and_hms_opt(12, 0, 0).unwrap().and_utc(),
            maybe_ts: None,
        },
        Moment {
            id: 2,
            d: ymd(1970, 1, 1),
            t: NaiveTime::MIN,
            ts: ymd(1999, 12, 31).and_hms_micro_opt(23, 59, 59, 999_999).unwrap(),
            tstz: ymd(1900, 6, 15).and_hms_opt(0, 0, 1).unwrap().and_utc(),
            maybe_ts: Some(ymd(2000, 1, 1).and_hms_opt(0, 0, 0).unwrap().and_utc()),
        },
        Moment {
            id: 3,
            d: ymd(-4713, 11, 24),
            t: NaiveTime::from_hms_micro_opt(23, 59, 59, 999_999).unwrap(),
            ts: ymd(9999, 12, 31).and_hms_micro_opt(23, 59, 59, 999_999).unwrap(),
            tstz: ymd(2262, 4, 11).and_hms_opt(23, 47, 16).unwrap().and_utc(),
            maybe_ts: None,
        },
    ];
    assert_eq!(insert_into(moments::table).values(&rows).execute(c)?, 3);
    let back: Vec<Moment> = moments::table.order_by(moments::id).load(c)?;
    assert_eq!(back, rows);

    // Filters by equality find the rows: the server reads the bound values as it stored them.
    let by_date: Vec<i32> = moments::table
        .select(moments::id)
        .filter(moments::d.eq(ymd(2024, 2, 29)))
        .load(c)?;
    assert_eq!(by_date, [1]);
    let by_ts: Vec<i32> = moments::table
        .select(moments::id)
        .filter(moments::ts.eq(rows[1].ts).and(moments::t.eq(NaiveTime::MIN)))
        .load(c)?;
    assert_eq!(by_ts, [2]);
    let by_tstz: Vec<i32> = moments::table
        .select(moments::id)
        .filter(moments::tstz.eq(rows[2].tstz))
        .load(c)?;
    assert_eq!(by_tstz, [3]);
    let nulls: Vec<i32> = moments::table
        .select(moments::id)
        .filter(moments::maybe_ts.is_null())
        .order_by(moments::id)
        .load(c)?;
    assert_eq!(nulls, [1, 3]);

    // Values written by SQL literals.
    c.batch_execute(
        "INSERT INTO moments VALUES (4, '2024-02-29', '12:34:56.789', '2024-02-29 12:34:56.789',
                                     '2024-02-29 12:00:00+00', '2024-02-29 17:30:00+05:30')",
    )?;
    let literal: Moment = moments::table.filter(moments::id.eq(4)).first(c)?;
    assert_eq!(
        literal,
        Moment {
            id: 4,
            maybe_ts: Some(rows[0].tstz),
            ..rows[0].clone()
        }
    );

    #[derive(QueryableByName, Debug)]
    struct Literals {
        #[quarry(sql_type = Timestamp)]
        ts: NaiveDateTime,
        #[quarry(sql_type = Date)]
        d: NaiveDate,
        #[quarry(sql_type = Timestamptz)]
        tstz: DateTime<Utc>,
        #[quarry(sql_type = Text)]
        as_text: String,
    }
    let row: Literals = sql_query(
        "SELECT '2024-02-29 12:34:56.789'::timestamp AS ts, '0044-03-15 BC'::date AS d,
                '2024-02-29 23:30:00-01:00'::timestamptz AS tstz, $1::timestamptz::text AS as_text",
    )
    .bind::<Timestamptz, _>(ymd(2024, 2, 29).and_hms_micro_opt(6, 30, 0, 5).unwrap().and_utc())
    .get_result(c)?;
    assert_eq!(
        row.ts,
        ymd(2024, 2, 29).and_hms_milli_opt(12, 34, 56, 789).unwrap()
    );
    assert_eq!(row.d, ymd(-43, 3, 15));
    assert_eq!(row.tstz, ymd(2024, 3, 1).and_hms_opt(0, 30, 0).unwrap().and_utc());
    // 06:30 UTC shown in the session's zone (+05:30).
    assert_eq!(row.as_text, "2024-02-29 12:00:00.000005+05:30");
    Ok(())
}

fn assert_deserialize_error<T: std::fmt::Debug>(r: QueryResult<T>, needle: &str) {
    match r {
        Err(Error::Deserialize { kind, .. }) => {
            let msg = kind.to_string();
            assert!(msg.contains(needle), "expected {needle:?} in {msg:?}");
        }
        other => panic!("expected a deserialize error containing {needle:?}, got {other:?}"),
    }
}

#[derive(QueryableByName, Debug)]
#[allow(dead_code)] // loaded only to see the error
struct OneTimestamp {
    #[quarry(sql_type = Timestamp)]
    v: NaiveDateTime,
}

#[derive(QueryableByName, Debug)]
#[allow(dead_code)] // loaded only to see the error
struct OneTimestamptz {
    #[quarry(sql_type = Timestamptz)]
    v: DateTime<Utc>,
}

#[derive(QueryableByName, Debug)]
struct OneDate {
    #[quarry(sql_type = Date)]
    v: NaiveDate,
}

#[derive(QueryableByName, Debug)]
#[allow(dead_code)] // loaded only to see the error
struct OneTime {
    #[quarry(sql_type = Time)]
    v: NaiveTime,
}

#[test]
fn infinite_and_out_of_range_dates_are_errors() -> QueryResult<()> {
    let Some(mut db) = support::test_db("infinity", "") else {
        return Ok(());
    };
    let c = &mut *db;
    assert_deserialize_error(
        sql_query("SELECT 'infinity'::timestamp AS v").get_result::<OneTimestamp>(c),
        "'infinity'",
    );
    assert_deserialize_error(
        sql_query("SELECT '-infinity'::timestamptz AS v").get_result::<OneTimestamptz>(c),
        "'-infinity'",
    );
    assert_deserialize_error(
        sql_query("SELECT 'infinity'::date AS v").get_result::<OneDate>(c),
        "'infinity'",
    );
    // Valid in PostgreSQL, beyond chrono's range.
    assert_deserialize_error(
        sql_query("SELECT '5874897-12-31'::date AS v").get_result::<OneDate>(c),
        "out of range",
    );
    assert_deserialize_error(
        sql_query("SELECT '294276-12-31 23:59:59'::timestamp AS v").get_result::<OneTimestamp>(c),
        "out of range",
    );
    assert_deserialize_error(
        sql_query("SELECT '24:00:00'::time AS v").get_result::<OneTime>(c),
        "out of range",
    );
    // The connection is still usable.
    let ok: OneDate = sql_query("SELECT '2000-01-01'::date AS v").get_result(c)?;
    assert_eq!(ok.v, ymd(2000, 1, 1));
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// time

#[derive(Queryable, Insertable, Debug, PartialEq)]
#[quarry(table = moments)]
struct TimeMoment {
    id: i32,
    d: time::Date,
    t: time::Time,
    ts: time::PrimitiveDateTime,
    tstz: time::OffsetDateTime,
    maybe_ts: Option<time::OffsetDateTime>,
}

#[test]
fn time_crate_values_round_trip_and_match_sql_literals() -> QueryResult<()> {
    use time::{Month, PrimitiveDateTime, UtcOffset};

    let Some(mut db) = support::test_db("time_crate", MOMENTS_DDL) else {
        return Ok(());
    };
    let c = &mut *db;
    let date = time::Date::from_calendar_date(2024, Month::February, 29).unwrap();
    let at = time::Time::from_hms_micro(12, 34, 56, 789_000).unwrap();
    let row = TimeMoment {
        id: 1,
        d: date,
        t: at,
        ts: PrimitiveDateTime::new(date, at),
        tstz: PrimitiveDateTime::new(date, time::Time::from_hms(12, 0, 0).unwrap()).assume_utc(),
        maybe_ts: None,
    };
    insert_into(moments::table).values(&row).execute(c)?;
    // An offset other than UTC binds the same instant and loads back in UTC.
    let plus = PrimitiveDateTime::new(date, time::Time::from_hms(17, 30, 0).unwrap())
        .assume_offset(UtcOffset::from_hms(5, 30, 0).unwrap());
    insert_into(moments::table)
        .values((
            moments::id.eq(2),
            moments::d.eq(date),
            moments::t.eq(at),
            moments::ts.eq(row.ts),
            moments::tstz.eq(plus),
            moments::maybe_ts.eq(Some(plus)),
        ))
        .execute(c)?;
    let back: Vec<TimeMoment> = moments::table.order_by(moments::id).load(c)?;
    assert_eq!(back[0], row);
    assert_eq!(back[1].tstz, row.tstz);
    assert_eq!(back[1].tstz.offset(), UtcOffset::UTC);
    assert_eq!(back[1].maybe_ts, Some(row.tstz));

    let found: Vec<i32> = moments::table
        .select(moments::id)
        .filter(moments::ts.eq(row.ts))
        .filter(moments::tstz.eq(plus))
        .order_by(moments::id)
        .load(c)?;
    assert_eq!(found, [1, 2]);

    #[derive(QueryableByName, Debug)]
    struct Literals {
        #[quarry(sql_type = Timestamp)]
        ts: time::PrimitiveDateTime,
        #[quarry(sql_type = Time)]
        t: time::Time,
        #[quarry(sql_type = Timestamptz)]
        tstz: time::OffsetDateTime,
    }
    let lit: Literals = sql_query(
        "SELECT '2024-02-29 12:34:56.789'::timestamp AS ts, '12:34:56.789'::time AS t,
                '1999-12-31 23:59:59.999999+00'::timestamptz AS tstz",
    )
    .get_result(c)?;
    assert_eq!((lit.ts, lit.t), (row.ts, at));
    assert_eq!(
        lit.tstz,
        PrimitiveDateTime::new(
            time::Date::from_calendar_date(1999, Month::December, 31).unwrap(),
            time::Time::from_hms_micro(23, 59, 59, 999_999).unwrap()
        )
        .assume_utc()
    );

    #[derive(QueryableByName, Debug)]
    #[allow(dead_code)] // loaded only to see the error
    struct TimeDate {
        #[quarry(sql_type = Date)]
        v: time::Date,
    }
    assert_deserialize_error(
        sql_query("SELECT '-infinity'::date AS v").get_result::<TimeDate>(c),
        "'-infinity'",
    );
    // Year 10000: valid in PostgreSQL, beyond `time` without its `large-dates` feature.
    assert_deserialize_error(
        sql_query("SELECT '10000-01-01'::date AS v").get_result::<TimeDate>(c),
        "out of range",
    );
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// interval

#[test]
fn intervals_round_trip_and_match_sql_literals() -> QueryResult<()> {
    let Some(mut db) = support::test_db(
        "interval",
        "CREATE TABLE spans (id INTEGER PRIMARY KEY, span INTERVAL NOT NULL, maybe_span INTERVAL);",
    ) else {
        return Ok(());
    };
    let c = &mut *db;
    let values = [
        PgInterval::new(14, 3, 14_706_500_000),
        PgInterval::new(-1, -2, -3),
        PgInterval::default(),
        PgInterval::new(i32::MAX, i32::MIN, i64::MAX),
    ];
    for (i, v) in values.iter().enumerate() {
        insert_into(spans::table)
            .values((
                spans::id.eq(i as i32),
                spans::span.eq(*v),
                spans::maybe_span.eq(if i % 2 == 0 { None } else { Some(*v) }),
            ))
            .execute(c)?;
    }
    let back: Vec<(PgInterval, Option<PgInterval>)> = spans::table
        .select((spans::span, spans::maybe_span))
        .order_by(spans::id)
        .load(c)?;
    assert_eq!(back.iter().map(|r| r.0).collect::<Vec<_>>(), values);
    assert_eq!(back[1].1, Some(values[1]));
    assert_eq!(back[0].1, None);
    let found: Vec<i32> = spans::table
        .select(spans::id)
        .filter(spans::span.eq(values[1]))
        .load(c)?;
    assert_eq!(found, [1]);

    #[derive(QueryableByName, Debug)]
    struct Lit {
        #[quarry(sql_type = Interval)]
        v: PgInterval,
        #[quarry(sql_type = Text)]
        shown: String,
    }
    let lit: Lit = sql_query("SELECT '1 year 2 mons 3 days 04:05:06.5'::interval AS v, $1::text AS shown")
        .bind::<Interval, _>(PgInterval::new(-13, 1, -1_000_001))
        .get_result(c)?;
    assert_eq!(lit.v, values[0]);
    assert_eq!(lit.shown, "-1 years -1 mons +1 day -00:00:01.000001");
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// numeric

fn dec(s: &str) -> RustDecimal {
    RustDecimal::from_str(s).unwrap()
}

#[derive(QueryableByName, Debug)]
struct OneDecimal {
    #[quarry(sql_type = Decimal)]
    v: RustDecimal,
}

#[test]
fn decimals_round_trip_and_match_sql_literals() -> QueryResult<()> {
    let Some(mut db) = support::test_db(
        "numeric",
        "CREATE TABLE amounts (id INTEGER PRIMARY KEY, amount NUMERIC NOT NULL, maybe_amount NUMERIC);",
    ) else {
        return Ok(());
    };
    let c = &mut *db;
    let values: Vec<RustDecimal> = [
        "0",
        "1",
        "-1",
        "0.0001",
        "-0.0001",
        "0.00001",
        "1.50",
        "100.000",
        "9999.9999",
        "10000",
        "123456789.123456789",
        "-98765432109876543210.5",
        "3.1415926535897932384626433833",
        "0.0000000000000000000000000001",
        "79228162514264337593543950335",
        "-79228162514264337593543950335",
    ]
    .iter()
    .map(|s| dec(s))
    .collect();
    for (i, v) in values.iter().enumerate() {
        insert_into(amounts::table)
            .values((
                amounts::id.eq(i as i32),
                amounts::amount.eq(*v),
                amounts::maybe_amount.eq((i % 2 == 1).then_some(*v)),
            ))
            .execute(c)?;
    }
    let back: Vec<(RustDecimal, Option<RustDecimal>)> = amounts::table
        .select((amounts::amount, amounts::maybe_amount))
        .order_by(amounts::id)
        .load(c)?;
    for (i, ((got, maybe), want)) in back.iter().zip(&values).enumerate() {
        assert_eq!(got, want);
        // The scale survives the trip (1.50 stays 1.50).
        assert_eq!(got.to_string(), want.to_string());
        assert_eq!(*maybe, (i % 2 == 1).then_some(*want));
    }
    // What the server makes of the bound value, as text, is the value's own text.
    for v in &values {
        #[derive(QueryableByName)]
        struct Shown {
            #[quarry(sql_type = Text)]
            s: String,
        }
        let shown: Shown = sql_query("SELECT $1::text AS s")
            .bind::<Decimal, _>(*v)
            .get_result(c)?;
        assert_eq!(shown.s, v.to_string());
    }
    let found: Vec<i32> = amounts::table
        .select(amounts::id)
        .filter(amounts::amount.eq(dec("123456789.123456789")))
        .load(c)?;
    assert_eq!(found, [10]);

    // Values computed and written by the server.
    let lit: OneDecimal = sql_query("SELECT '123456789.123456789'::numeric AS v").get_result(c)?;
    assert_eq!(lit.v, dec("123456789.123456789"));
    assert_eq!(lit.v.scale(), 9);
    let lit: OneDecimal = sql_query("SELECT 1::numeric / 3 AS v").get_result(c)?;
    assert_eq!(lit.v, dec("0.33333333333333333333"));
    let lit: OneDecimal = sql_query("SELECT 2.50::numeric(10, 4) AS v").get_result(c)?;
    assert_eq!(lit.v.to_string(), "2.5000");
    let lit: OneDecimal = sql_query("SELECT (-0.000)::numeric AS v").get_result(c)?;
    assert_eq!(lit.v, RustDecimal::ZERO);
    let lit: OneDecimal = sql_query("SELECT 1e20::numeric AS v").get_result(c)?;
    assert_eq!(lit.v, dec("100000000000000000000"));

    for (sql, needle) in [
        ("SELECT 'NaN'::numeric AS v", "'NaN'"),
        ("SELECT 'Infinity'::numeric AS v", "'Infinity'"),
        ("SELECT '-Infinity'::numeric AS v", "'-Infinity'"),
        ("SELECT 1e40::numeric AS v", "does not fit"),
        ("SELECT 1e-30::numeric AS v", "does not fit"),
        (
            "SELECT 79228162514264337593543950336::numeric AS v",
            "does not fit",
        ),
    ] {
        assert_deserialize_error(sql_query(sql).get_result::<OneDecimal>(c), needle);
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// uuid

#[test]
fn uuids_round_trip_and_match_sql_literals() -> QueryResult<()> {
    let Some(mut db) = support::test_db(
        "uuid",
        "CREATE TABLE things (id INTEGER PRIMARY KEY, uid UUID NOT NULL, maybe_uid UUID);
         INSERT INTO things VALUES (1, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', NULL);",
    ) else {
        return Ok(());
    };
    let c = &mut *db;
    let literal = uuid::Uuid::parse_str("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11").unwrap();
    let other = uuid::Uuid::from_u128(0xffff_0000_1234_5678_9abc_def0_0000_0001);
    insert_into(things::table)
        .values((
            things::id.eq(2),
            things::uid.eq(other),
            things::maybe_uid.eq(Some(literal)),
        ))
        .execute(c)?;
    let back: Vec<(i32, uuid::Uuid, Option<uuid::Uuid>)> = things::table
        .select((things::id, things::uid, things::maybe_uid))
        .order_by(things::id)
        .load(c)?;
    assert_eq!(back, [(1, literal, None), (2, other, Some(literal))]);
    let found: Vec<i32> = things::table
        .select(things::id)
        .filter(things::uid.eq(literal))
        .load(c)?;
    assert_eq!(found, [1]);
    let found: Vec<i32> = things::table
        .select(things::id)
        .filter(
            things::maybe_uid
                .eq(things::uid)
                .or(things::maybe_uid.eq(literal)),
        )
        .load(c)?;
    assert_eq!(found, [2]);

    #[derive(QueryableByName, Debug)]
    struct Shown {
        #[quarry(sql_type = Text)]
        s: String,
    }
    let shown: Shown = sql_query("SELECT $1::text AS s")
        .bind::<Uuid, _>(other)
        .get_result(c)?;
    assert_eq!(shown.s, other.hyphenated().to_string());
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// json / jsonb

#[test]
fn json_values_round_trip_and_match_sql_literals() -> QueryResult<()> {
    let Some(mut db) = support::test_db(
        "json",
        "CREATE TABLE documents (id INTEGER PRIMARY KEY, doc JSON NOT NULL, docb JSONB NOT NULL, maybe_docb JSONB);
         INSERT INTO documents VALUES (1, '{\"b\": 1,  \"a\": [1, 2]}', '{\"b\": 1,  \"a\": [1, 2]}', NULL);",
    ) else {
        return Ok(());
    };
    let c = &mut *db;
    let value =
        json!({"name": "Ada", "tags": ["x", "ü\"\\"], "n": 1.5, "none": null, "deep": {"k": [true, false]}});
    insert_into(documents::table)
        .values((
            documents::id.eq(2),
            documents::doc.eq(value.clone()),
            documents::docb.eq(value.clone()),
            // JSON null is a value, not SQL NULL.
            documents::maybe_docb.eq(Some(Value::Null)),
        ))
        .execute(c)?;
    let back: Vec<(i32, Value, Value, Option<Value>)> = documents::table
        .select((
            documents::id,
            documents::doc,
            documents::docb,
            documents::maybe_docb,
        ))
        .order_by(documents::id)
        .load(c)?;
    let first = json!({"a": [1, 2], "b": 1});
    assert_eq!(back[0], (1, first.clone(), first.clone(), None));
    assert_eq!(back[1], (2, value.clone(), value.clone(), Some(Value::Null)));

    // jsonb has equality (json has none).
    let found: Vec<i32> = documents::table
        .select(documents::id)
        .filter(documents::docb.eq(json!({"b": 1, "a": [1, 2]})))
        .load(c)?;
    assert_eq!(found, [1]);
    let null_json: Vec<i32> = documents::table
        .select(documents::id)
        .filter(documents::maybe_docb.eq(Value::Null))
        .load(c)?;
    assert_eq!(null_json, [2]);

    #[derive(QueryableByName, Debug)]
    struct Lit {
        #[quarry(sql_type = Json)]
        j: Value,
        #[quarry(sql_type = Jsonb)]
        jb: Value,
        #[quarry(sql_type = Text)]
        shown: String,
    }
    let lit: Lit = sql_query(
        "SELECT '[1, \"two\", {\"3\": null}]'::json AS j, '{\"k\": 1e3}'::jsonb AS jb, $1::text AS shown",
    )
    .bind::<Jsonb, _>(json!({"b": [1], "a": "x"}))
    .get_result(c)?;
    assert_eq!(lit.j, json!([1, "two", {"3": null}]));
    assert_eq!(lit.jb, json!({"k": 1000}));
    assert_eq!(lit.shown, r#"{"a": "x", "b": [1]}"#);
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// arrays

#[derive(Queryable, Insertable, Debug, PartialEq, Clone)]
#[quarry(table = lists)]
struct List {
    id: i32,
    ints: Vec<i32>,
    texts: Vec<String>,
    sparse: Vec<Option<i32>>,
    maybe_ints: Option<Vec<i32>>,
}

#[test]
fn arrays_round_trip_with_nulls_and_empty_arrays() -> QueryResult<()> {
    let Some(mut db) = support::test_db(
        "arrays",
        "CREATE TABLE lists (id INTEGER PRIMARY KEY, ints INT4[] NOT NULL, texts TEXT[] NOT NULL,
                             sparse INT4[] NOT NULL, maybe_ints INT4[]);",
    ) else {
        return Ok(());
    };
    let c = &mut *db;
    let rows = vec![
        List {
            id: 1,
            ints: vec![1, -2, i32::MAX],
            texts: vec!["a".into(), String::new(), "with \"quotes\", commas".into()],
            sparse: vec![None, Some(7), None],
            maybe_ints: None,
        },
        List {
            id: 2,
            ints: vec![],
            texts: vec![],
            sparse: vec![],
            maybe_ints: Some(vec![]),
        },
        List {
            id: 3,
            ints: vec![42],
            texts: vec!["ü".into()],
            sparse: vec![Some(1)],
            maybe_ints: Some(vec![5, 6]),
        },
    ];
    // One row at a time through one cached statement: a NULL array, then arrays, bind with the
    // same parameter types.
    for row in &rows {
        insert_into(lists::table).values(row).execute(c)?;
    }
    let back: Vec<List> = lists::table.order_by(lists::id).load(c)?;
    assert_eq!(back, rows);

    let found: Vec<i32> = lists::table
        .select(lists::id)
        .filter(lists::ints.eq(vec![1, -2, i32::MAX]))
        .load(c)?;
    assert_eq!(found, [1]);
    let empty: Vec<i32> = lists::table
        .select(lists::id)
        .filter(lists::ints.eq(Vec::<i32>::new()))
        .load(c)?;
    assert_eq!(empty, [2]);
    let slice: &[Option<i32>] = &[None, Some(7), None];
    let with_nulls: Vec<i32> = lists::table
        .select(lists::id)
        .filter(lists::sparse.eq(slice))
        .load(c)?;
    assert_eq!(with_nulls, [1]);
    let texts: Vec<i32> = lists::table
        .select(lists::id)
        .filter(lists::texts.eq(vec!["ü".to_string()]))
        .load(c)?;
    assert_eq!(texts, [3]);

    // `Array<Nullable<Integer>>` into `Vec<i32>` does not compile; a NULL element in a column
    // declared `Array<Integer>` is an error when loading.
    c.batch_execute("UPDATE lists SET ints = ARRAY[1, NULL] WHERE id = 3")?;
    let err = lists::table
        .select(lists::ints)
        .filter(lists::id.eq(3))
        .first::<Vec<i32>>(c);
    match err {
        Err(Error::Deserialize {
            column,
            kind: DeserializeErrorKind::UnexpectedNull,
        }) => assert_eq!(column, "ints"),
        other => panic!("expected UnexpectedNull, got {other:?}"),
    }
    Ok(())
}

#[test]
fn arrays_of_every_element_type_round_trip() -> QueryResult<()> {
    let Some(mut db) = support::test_db("array_types", "") else {
        return Ok(());
    };
    let c = &mut *db;

    #[derive(QueryableByName, Debug, PartialEq)]
    struct Arrays {
        #[quarry(sql_type = Array<SmallInt>)]
        i2: Vec<i16>,
        #[quarry(sql_type = Array<BigInt>)]
        i8: Vec<i64>,
        #[quarry(sql_type = Array<Float>)]
        f4: Vec<f32>,
        #[quarry(sql_type = Array<Double>)]
        f8: Vec<f64>,
        #[quarry(sql_type = Array<Bool>)]
        b: Vec<bool>,
        #[quarry(sql_type = Array<Binary>)]
        bytes: Vec<Vec<u8>>,
        #[quarry(sql_type = Array<Nullable<Date>>)]
        dates: Vec<Option<NaiveDate>>,
        #[quarry(sql_type = Array<Time>)]
        times: Vec<NaiveTime>,
        #[quarry(sql_type = Array<Timestamp>)]
        stamps: Vec<NaiveDateTime>,
        #[quarry(sql_type = Array<Timestamptz>)]
        instants: Vec<DateTime<Utc>>,
        #[quarry(sql_type = Array<Interval>)]
        spans: Vec<PgInterval>,
        #[quarry(sql_type = Array<Nullable<Decimal>>)]
        amounts: Vec<Option<RustDecimal>>,
        #[quarry(sql_type = Array<Uuid>)]
        uids: Vec<uuid::Uuid>,
        #[quarry(sql_type = Array<Json>)]
        docs: Vec<Value>,
        #[quarry(sql_type = Array<Jsonb>)]
        docbs: Vec<Value>,
    }
    let want = Arrays {
        i2: vec![i16::MIN, 0, i16::MAX],
        i8: vec![i64::MIN, i64::MAX],
        f4: vec![1.5, -0.25],
        f8: vec![f64::MAX, 1e-300],
        b: vec![true, false, true],
        bytes: vec![vec![], vec![0, 255, 10]],
        dates: vec![Some(ymd(2024, 2, 29)), None],
        times: vec![NaiveTime::from_hms_micro_opt(1, 2, 3, 4).unwrap()],
        stamps: vec![ymd(1999, 12, 31).and_hms_opt(23, 59, 59).unwrap()],
        instants: vec![ymd(2038, 1, 19).and_hms_opt(3, 14, 8).unwrap().and_utc()],
        spans: vec![PgInterval::new(1, 2, 3)],
        amounts: vec![Some(dec("1.50")), None, Some(dec("-0.0001"))],
        uids: vec![uuid::Uuid::from_u128(1), uuid::Uuid::from_u128(u128::MAX)],
        docs: vec![json!({"a": 1}), json!([null])],
        docbs: vec![json!("s"), json!(2)],
    };
    let sql = "SELECT $1 AS i2, $2 AS i8, $3 AS f4, $4 AS f8, $5 AS b, $6 AS bytes, $7 AS dates,
                      $8 AS times, $9 AS stamps, $10 AS instants, $11 AS spans, $12 AS amounts,
                      $13 AS uids, $14 AS docs, $15 AS docbs";
    let got: Arrays = sql_query(sql)
        .bind::<Array<SmallInt>, _>(&want.i2)
        .bind::<Array<BigInt>, _>(&want.i8)
        .bind::<Array<Float>, _>(&want.f4)
        .bind::<Array<Double>, _>(&want.f8)
        .bind::<Array<Bool>, _>(&want.b)
        .bind::<Array<Binary>, _>(&want.bytes)
        .bind::<Array<Nullable<Date>>, _>(&want.dates)
        .bind::<Array<Time>, _>(&want.times)
        .bind::<Array<Timestamp>, _>(&want.stamps)
        .bind::<Array<Timestamptz>, _>(&want.instants)
        .bind::<Array<Interval>, _>(&want.spans)
        .bind::<Array<Nullable<Decimal>>, _>(&want.amounts)
        .bind::<Array<Uuid>, _>(&want.uids)
        .bind::<Array<Json>, _>(&want.docs)
        .bind::<Array<Jsonb>, _>(&want.docbs)
        .get_result(c)?;
    assert_eq!(got, want);

    // The server sees the arrays as arrays of the right types.
    #[derive(QueryableByName, Debug)]
    struct Shown {
        #[quarry(sql_type = Text)]
        types: String,
        #[quarry(sql_type = Text)]
        text: String,
    }
    let shown: Shown =
        sql_query("SELECT pg_typeof($1)::text || ' ' || pg_typeof($2)::text AS types, $2::text AS text")
            .bind::<Array<Nullable<Decimal>>, _>(&want.amounts)
            .bind::<Array<Nullable<Text>>, _>(vec![Some("a b"), None, Some("")])
            .get_result(c)?;
    assert_eq!(shown.types, "numeric[] text[]");
    assert_eq!(shown.text, r#"{"a b",NULL,""}"#);
    Ok(())
}

#[derive(QueryableByName, Debug)]
struct IntArray {
    #[quarry(sql_type = Array<Integer>)]
    v: Vec<i32>,
}

#[derive(QueryableByName, Debug)]
struct SparseArray {
    #[quarry(sql_type = Array<Nullable<Integer>>)]
    v: Vec<Option<i32>>,
}

#[test]
fn arrays_written_by_sql_literals() -> QueryResult<()> {
    let Some(mut db) = support::test_db("array_literals", "") else {
        return Ok(());
    };
    let c = &mut *db;
    let a: SparseArray = sql_query("SELECT ARRAY[1, NULL, 3] AS v").get_result(c)?;
    assert_eq!(a.v, [Some(1), None, Some(3)]);
    let e: IntArray = sql_query("SELECT '{}'::int4[] AS v").get_result(c)?;
    assert!(e.v.is_empty());
    // varchar[] loads as Array<Text> (binds go into such columns too; comparing one with a bound
    // text[] needs a cast, PostgreSQL has no `varchar[] = text[]`).
    #[derive(QueryableByName, Debug)]
    struct Texts {
        #[quarry(sql_type = Array<Text>)]
        v: Vec<String>,
    }
    let v: Texts = sql_query("SELECT ARRAY['a', 'bc']::varchar[] AS v").get_result(c)?;
    assert_eq!(v.v, ["a", "bc"]);
    c.batch_execute("CREATE TABLE names (v VARCHAR(5)[] NOT NULL)")?;
    sql_query("INSERT INTO names VALUES ($1)")
        .bind::<Array<Text>, _>(vec!["x", "yz"])
        .execute(c)?;
    let v: Texts = sql_query("SELECT v FROM names").get_result(c)?;
    assert_eq!(v.v, ["x", "yz"]);
    // Lower bounds other than 1 load in order.
    let shifted: IntArray = sql_query("SELECT '[0:2]={7,8,9}'::int4[] AS v").get_result(c)?;
    assert_eq!(shifted.v, [7, 8, 9]);
    assert_deserialize_error(
        sql_query("SELECT '{{1,2},{3,4}}'::int4[] AS v").get_result::<IntArray>(c),
        "one-dimensional",
    );
    assert_deserialize_error(
        sql_query("SELECT ARRAY[1, NULL] AS v").get_result::<IntArray>(c),
        "NULL",
    );
    // An array of another element type is a typed error, not garbage (a real[] has 4-byte
    // elements like an int4[]).
    assert_deserialize_error(
        sql_query("SELECT ARRAY[1::int8] AS v").get_result::<IntArray>(c),
        "expected INTEGER, found bigint",
    );
    assert_deserialize_error(
        sql_query("SELECT ARRAY[1.5::real] AS v").get_result::<IntArray>(c),
        "expected INTEGER, found real",
    );
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// enums

/// `pub`: the marker `MoodType` gets the enum's visibility, and `table!` makes column types public.
#[derive(SqlEnum, Debug, Clone, Copy, PartialEq)]
#[quarry(sql_type = MoodType, sql_name = "mood")]
pub enum Mood {
    Happy,
    #[quarry(rename = "so-so")]
    SoSo,
    Sad,
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

fn people_db(test: &str) -> Option<support::TestDb> {
    support::test_db(
        test,
        "CREATE TYPE mood AS ENUM ('happy', 'so-so', 'sad');
         CREATE TABLE people (id SERIAL PRIMARY KEY, name TEXT NOT NULL, mood mood NOT NULL, previous_mood mood);",
    )
}

fn insert_people(c: &mut PgConnection) -> QueryResult<()> {
    // One statement, prepared once: NULL and non-NULL enums bind with the same (unspecified) type.
    for (name, mood, previous_mood) in [("Ada", Mood::Happy, None), ("Grace", Mood::SoSo, Some(Mood::Sad))] {
        insert_into(people::table)
            .values(&NewPerson {
                name,
                mood,
                previous_mood,
            })
            .execute(c)?;
    }
    insert_into(people::table)
        .values((
            people::name.eq("Linus"),
            people::mood.eq(Mood::Sad),
            people::previous_mood.eq(Some(Mood::Happy)),
        ))
        .execute(c)?;
    Ok(())
}

#[test]
fn enums_insert_filter_and_load() -> QueryResult<()> {
    let Some(mut db) = people_db("enums") else {
        return Ok(());
    };
    let c = &mut *db;
    insert_people(c)?;
    let all: Vec<Person> = people::table.order_by(people::id).load(c)?;
    assert_eq!(
        all.iter()
            .map(|p| (p.name.as_str(), p.mood, p.previous_mood))
            .collect::<Vec<_>>(),
        [
            ("Ada", Mood::Happy, None),
            ("Grace", Mood::SoSo, Some(Mood::Sad)),
            ("Linus", Mood::Sad, Some(Mood::Happy)),
        ]
    );
    let so_so: Vec<String> = people::table
        .select(people::name)
        .filter(people::mood.eq(Mood::SoSo))
        .load(c)?;
    assert_eq!(so_so, ["Grace"]);
    let wanted = Mood::Sad;
    let by_ref: Vec<String> = people::table
        .select(people::name)
        .filter(people::mood.eq(&wanted).or(people::previous_mood.eq(wanted)))
        .order_by(people::id)
        .load(c)?;
    assert_eq!(by_ref, ["Grace", "Linus"]);
    let any: Vec<i32> = people::table
        .select(people::id)
        .filter(people::mood.eq_any(vec![Mood::Happy, Mood::Sad]))
        .order_by(people::id)
        .load(c)?;
    assert_eq!(any, [1, 3]);
    // Enum order is declaration order in PostgreSQL.
    let ordered: Vec<Mood> = people::table
        .select(people::mood)
        .order_by(people::mood.desc())
        .load(c)?;
    assert_eq!(ordered, [Mood::Sad, Mood::SoSo, Mood::Happy]);
    let updated = update(people::table.filter(people::previous_mood.is_null()))
        .set(people::previous_mood.eq(Some(Mood::SoSo)))
        .execute(c)?;
    assert_eq!(updated, 1);
    let ada: Option<Mood> = people::table
        .select(people::previous_mood)
        .filter(people::name.eq("Ada"))
        .first(c)?;
    assert_eq!(ada, Some(Mood::SoSo));
    // A cast names the type by its SQL name.
    let q = people::table
        .select(people::name.cast::<MoodType>())
        .filter(people::id.eq(-1));
    assert!(PgConnection::debug_sql(&q)?.contains("CAST(\"people\".\"name\" AS mood)"));
    let cast: Vec<Mood> = people::table
        .select(people::name.cast::<MoodType>())
        .filter(people::id.eq(-1))
        .load(c)?;
    assert!(cast.is_empty());
    Ok(())
}

#[test]
fn enum_labels_that_no_variant_has_are_errors() -> QueryResult<()> {
    let Some(mut db) = people_db("enum_labels") else {
        return Ok(());
    };
    let c = &mut *db;
    // A label the database accepts but the Rust enum does not know (the type grew a value).
    // (Two statements: a value added by ALTER TYPE cannot be used in the same transaction.)
    c.batch_execute("ALTER TYPE mood ADD VALUE 'angry'")?;
    c.batch_execute("INSERT INTO people (name, mood) VALUES ('Barbara', 'angry')")?;
    let err = people::table.select(people::mood).first::<Mood>(c).unwrap_err();
    match err {
        Error::Deserialize {
            column,
            kind: DeserializeErrorKind::Malformed(msg),
        } => {
            assert_eq!(column, "mood");
            assert!(msg.contains("\"angry\"") && msg.contains("`mood`"), "{msg}");
        }
        other => panic!("expected a deserialize error, got {other:?}"),
    }
    #[derive(QueryableByName, Debug)]
    struct RawMood {
        #[quarry(sql_type = crate::MoodType)]
        m: Mood,
    }
    let lit: RawMood = sql_query("SELECT 'so-so'::mood AS m").get_result(c)?;
    assert_eq!(lit.m, Mood::SoSo);
    let bound: RawMood = sql_query("SELECT $1::mood AS m")
        .bind::<MoodType, _>(Mood::Sad)
        .get_result(c)?;
    assert_eq!(bound.m, Mood::Sad);
    // A text value that is no label of the enum.
    let err = sql_query("SELECT 'grumpy'::text AS m").get_result::<RawMood>(c);
    assert_deserialize_error(err, "\"grumpy\"");
    Ok(())
}
