//! Date and time types (feature `chrono`), stored as SQLite conventionally stores them: ISO-8601
//! text.
#![cfg(feature = "chrono")]

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use quarry::prelude::*;
use quarry::{DeserializeErrorKind, Error, QueryResult};
use quarry_sqlite::SqliteConnection;

quarry::table! {
    events (id) {
        id -> Integer,
        day -> Date,
        at -> Time,
        stamp -> Timestamp,
        maybe -> Nullable<Timestamp>,
    }
}

#[test]
fn dates_times_and_timestamps_round_trip() -> QueryResult<()> {
    let mut c = SqliteConnection::establish(":memory:")?;
    c.batch_execute(
        "CREATE TABLE events (id INTEGER PRIMARY KEY, day TEXT NOT NULL, at TEXT NOT NULL, stamp TEXT NOT NULL, maybe TEXT);
         INSERT INTO events VALUES (1, '2024-02-29', '13:45:07', '2024-02-29 13:45:07.250', NULL),
                                   (2, '1999-12-31', '23:59:59', '1999-12-31T23:59:59', '2000-01-01 00:00:00');",
    )?;
    let rows: Vec<(i32, NaiveDate, NaiveTime, NaiveDateTime, Option<NaiveDateTime>)> = events::table
        .select((events::id, events::day, events::at, events::stamp, events::maybe))
        .order_by(events::id)
        .load(&mut c)?;
    let d = NaiveDate::from_ymd_opt(2024, 2, 29).expect("date");
    assert_eq!(rows[0].1, d);
    assert_eq!(rows[0].2, NaiveTime::from_hms_opt(13, 45, 7).expect("time"));
    assert_eq!(rows[0].3, d.and_hms_milli_opt(13, 45, 7, 250).expect("stamp"));
    assert_eq!(rows[0].4, None);
    assert_eq!(
        rows[1].3,
        NaiveDate::from_ymd_opt(1999, 12, 31)
            .and_then(|d| d.and_hms_opt(23, 59, 59))
            .expect("stamp")
    );
    // Bound dates compare as SQLite compares the stored text.
    let after: Vec<i32> = events::table
        .select(events::id)
        .filter(events::day.gt(NaiveDate::from_ymd_opt(2000, 1, 1).expect("d")))
        .load(&mut c)?;
    assert_eq!(after, [1]);
    let back: NaiveDateTime = events::table
        .select(case_when(events::id.eq(1), rows[0].3).otherwise(rows[0].3))
        .filter(events::id.eq(1))
        .first(&mut c)?;
    assert_eq!(back, rows[0].3);
    Ok(())
}

#[test]
fn a_malformed_date_is_an_error() {
    let mut c = SqliteConnection::establish(":memory:").expect("open");
    c.batch_execute(
        "CREATE TABLE events (id INTEGER PRIMARY KEY, day TEXT NOT NULL, at TEXT NOT NULL, stamp TEXT NOT NULL, maybe TEXT);
         INSERT INTO events VALUES (1, '2024-13-45', '10:00:00', '2024-01-01 00:00:00', NULL);",
    )
    .expect("setup");
    match events::table.select(events::day).load::<NaiveDate>(&mut c) {
        Err(Error::Deserialize {
            column,
            kind: DeserializeErrorKind::Malformed(msg),
        }) => {
            assert_eq!(column, "day");
            assert!(msg.contains("2024-13-45"), "{msg}");
        }
        other => panic!("expected a malformed-date error, got {other:?}"),
    }
}
