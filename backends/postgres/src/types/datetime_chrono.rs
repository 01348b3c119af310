//! Dates and times as chrono's types (feature `chrono`): `Date` ↔ `NaiveDate`, `Time` ↔
//! `NaiveTime`, `Timestamp` ↔ `NaiveDateTime`, `Timestamptz` ↔ `DateTime<Utc>` (also loads into
//! `DateTime<FixedOffset>` at offset 0, and any `DateTime<Tz>` binds).
//!
//! Values are exact to the microsecond (PostgreSQL's precision): nanoseconds are truncated when
//! binding.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Timelike, Utc};
use quarry::deserialize::FromSql;
use quarry::serialize::ToSql;
use quarry::sql_types::{Date, Time, Timestamp, Timestamptz};
use quarry::QueryResult;

use super::datetime::{out_of_range, read_date, read_time, read_timestamp, timestamp_bytes, usecs_of_day};
use super::DResult;
use crate::backend::Pg;
use crate::bind_value::PgBindValue;
use crate::value::PgValue;

/// `NaiveDate::num_days_from_ce` of 2000-01-01, PostgreSQL's epoch.
const PG_EPOCH_DAYS_FROM_CE: i32 = 730_120;

fn date_from_pg(days: i32, target: &'static str) -> DResult<NaiveDate> {
    days.checked_add(PG_EPOCH_DAYS_FROM_CE)
        .and_then(NaiveDate::from_num_days_from_ce_opt)
        .ok_or_else(|| out_of_range(i64::from(days), target))
}

fn date_to_pg(date: &NaiveDate) -> i32 {
    // chrono's dates span about ±262,000 years: no overflow.
    date.num_days_from_ce() - PG_EPOCH_DAYS_FROM_CE
}

fn time_from_pg(usecs: i64, target: &'static str) -> DResult<NaiveTime> {
    // `usecs` is within a day (checked by `read_time` / `read_timestamp`).
    let secs = u32::try_from(usecs / 1_000_000).map_err(|_| out_of_range(usecs, target))?;
    let nanos = u32::try_from(usecs % 1_000_000 * 1_000).map_err(|_| out_of_range(usecs, target))?;
    NaiveTime::from_num_seconds_from_midnight_opt(secs, nanos).ok_or_else(|| out_of_range(usecs, target))
}

fn time_to_pg(time: &NaiveTime) -> i64 {
    usecs_of_day(time.num_seconds_from_midnight(), time.nanosecond())
}

fn timestamp_from_pg(value: &PgValue<'_>, target: &'static str) -> DResult<NaiveDateTime> {
    let (days, usecs) = read_timestamp(value, target)?;
    Ok(NaiveDateTime::new(
        date_from_pg(days, target)?,
        time_from_pg(usecs, target)?,
    ))
}

fn timestamp_to_pg(ts: &NaiveDateTime) -> QueryResult<[u8; 8]> {
    timestamp_bytes(i64::from(date_to_pg(&ts.date())), time_to_pg(&ts.time()))
}

impl FromSql<Date, Pg> for NaiveDate {
    fn from_sql(value: PgValue<'_>) -> DResult<Self> {
        date_from_pg(read_date(&value, "chrono::NaiveDate")?, "chrono::NaiveDate")
    }
}

impl ToSql<Date, Pg> for NaiveDate {
    fn to_sql(&self) -> QueryResult<PgBindValue<'_>> {
        Ok(PgBindValue::inline(1082, &date_to_pg(self).to_be_bytes()))
    }
}

impl FromSql<Time, Pg> for NaiveTime {
    fn from_sql(value: PgValue<'_>) -> DResult<Self> {
        time_from_pg(read_time(&value, "chrono::NaiveTime")?, "chrono::NaiveTime")
    }
}

impl ToSql<Time, Pg> for NaiveTime {
    fn to_sql(&self) -> QueryResult<PgBindValue<'_>> {
        Ok(PgBindValue::inline(1083, &time_to_pg(self).to_be_bytes()))
    }
}

impl FromSql<Timestamp, Pg> for NaiveDateTime {
    fn from_sql(value: PgValue<'_>) -> DResult<Self> {
        timestamp_from_pg(&value, "chrono::NaiveDateTime")
    }
}

impl ToSql<Timestamp, Pg> for NaiveDateTime {
    fn to_sql(&self) -> QueryResult<PgBindValue<'_>> {
        Ok(PgBindValue::inline(1114, &timestamp_to_pg(self)?))
    }
}

impl FromSql<Timestamptz, Pg> for DateTime<Utc> {
    fn from_sql(value: PgValue<'_>) -> DResult<Self> {
        Ok(timestamp_from_pg(&value, "chrono::DateTime<Utc>")?.and_utc())
    }
}

impl FromSql<Timestamptz, Pg> for DateTime<FixedOffset> {
    fn from_sql(value: PgValue<'_>) -> DResult<Self> {
        Ok(timestamp_from_pg(&value, "chrono::DateTime<FixedOffset>")?
            .and_utc()
            .fixed_offset())
    }
}

/// Any time zone: the instant is sent in UTC (`DateTime<Utc>`, `DateTime<FixedOffset>`, and
/// `DateTime<Local>` when chrono's `clock` feature is on).
impl<Tz: TimeZone> ToSql<Timestamptz, Pg> for DateTime<Tz> {
    fn to_sql(&self) -> QueryResult<PgBindValue<'_>> {
        Ok(PgBindValue::inline(1184, &timestamp_to_pg(&self.naive_utc())?))
    }
}

#[cfg(test)]
mod tests {
    use quarry::error::DeserializeErrorKind;

    use super::*;

    fn value(bytes: &[u8]) -> PgValue<'_> {
        PgValue {
            bytes,
            is_null: false,
            oid: 0,
        }
    }

    fn round_trip<T, ST>(v: &T) -> DResult<T>
    where
        T: ToSql<ST, Pg> + FromSql<ST, Pg>,
    {
        let bound = v.to_sql().unwrap();
        T::from_sql(value(bound.as_bytes().unwrap()))
    }

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn epoch_constant() {
        assert_eq!(ymd(2000, 1, 1).num_days_from_ce(), PG_EPOCH_DAYS_FROM_CE);
    }

    #[test]
    fn wire_values_match_postgres() {
        // SELECT '2000-01-02'::date  -> 1 ; '1999-12-31' -> -1
        let day = ymd(2000, 1, 2);
        let bytes = ToSql::<Date, Pg>::to_sql(&day).unwrap();
        assert_eq!(bytes.as_bytes().unwrap(), 1i32.to_be_bytes());
        assert_eq!(
            <NaiveDate as FromSql<Date, Pg>>::from_sql(value(&(-1i32).to_be_bytes())),
            Ok(ymd(1999, 12, 31))
        );
        // '2000-01-01 00:00:01.5' -> 1_500_000 µs; '1999-12-31 23:59:59.999999' -> -1
        let ts = ymd(2000, 1, 1).and_hms_micro_opt(0, 0, 1, 500_000).unwrap();
        let bytes = ToSql::<Timestamp, Pg>::to_sql(&ts).unwrap();
        assert_eq!(bytes.as_bytes().unwrap(), 1_500_000i64.to_be_bytes());
        assert_eq!(
            <NaiveDateTime as FromSql<Timestamp, Pg>>::from_sql(value(&(-1i64).to_be_bytes())),
            Ok(ymd(1999, 12, 31).and_hms_micro_opt(23, 59, 59, 999_999).unwrap())
        );
    }

    #[test]
    fn round_trips() {
        for d in [
            ymd(2000, 1, 1),
            ymd(2024, 2, 29),
            ymd(1, 1, 1),
            ymd(-4713, 11, 24),
            ymd(9999, 12, 31),
        ] {
            assert_eq!(round_trip::<_, Date>(&d), Ok(d));
            for t in [
                NaiveTime::MIN,
                NaiveTime::from_hms_micro_opt(12, 34, 56, 789_000).unwrap(),
                NaiveTime::from_hms_micro_opt(23, 59, 59, 999_999).unwrap(),
            ] {
                assert_eq!(round_trip::<_, Time>(&t), Ok(t));
                let ts = NaiveDateTime::new(d, t);
                assert_eq!(round_trip::<_, Timestamp>(&ts), Ok(ts));
                let utc = ts.and_utc();
                assert_eq!(round_trip::<_, Timestamptz>(&utc), Ok(utc));
            }
        }
        // Other zones bind as the same instant.
        let utc = ymd(2024, 2, 29).and_hms_opt(10, 0, 0).unwrap().and_utc();
        let plus2 = utc.with_timezone(&FixedOffset::east_opt(7200).unwrap());
        assert_eq!(
            ToSql::<Timestamptz, Pg>::to_sql(&plus2).unwrap(),
            ToSql::<Timestamptz, Pg>::to_sql(&utc).unwrap()
        );
        assert_eq!(
            <DateTime<FixedOffset> as FromSql<Timestamptz, Pg>>::from_sql(value(
                ToSql::<Timestamptz, Pg>::to_sql(&plus2)
                    .unwrap()
                    .as_bytes()
                    .unwrap()
            )),
            Ok(plus2)
        );
    }

    #[test]
    fn sub_microseconds_are_truncated_toward_the_past() {
        let ts = ymd(1999, 12, 31)
            .and_hms_nano_opt(23, 59, 59, 999_999_999)
            .unwrap();
        let back = round_trip::<_, Timestamp>(&ts).unwrap();
        assert_eq!(
            back,
            ymd(1999, 12, 31).and_hms_micro_opt(23, 59, 59, 999_999).unwrap()
        );
    }

    #[test]
    fn infinity_and_out_of_range_are_errors() {
        let inf = <NaiveDateTime as FromSql<Timestamp, Pg>>::from_sql(value(&i64::MAX.to_be_bytes()));
        assert!(matches!(inf, Err(DeserializeErrorKind::Malformed(m)) if m.contains("infinity")));
        let ninf = <DateTime<Utc> as FromSql<Timestamptz, Pg>>::from_sql(value(&i64::MIN.to_be_bytes()));
        assert!(matches!(ninf, Err(DeserializeErrorKind::Malformed(m)) if m.contains("-infinity")));
        let dinf = <NaiveDate as FromSql<Date, Pg>>::from_sql(value(&i32::MAX.to_be_bytes()));
        assert!(matches!(dinf, Err(DeserializeErrorKind::Malformed(m)) if m.contains("infinity")));
        // A date PostgreSQL accepts (year 5,874,897) beyond chrono's range.
        let far = <NaiveDate as FromSql<Date, Pg>>::from_sql(value(&2_147_000_000i32.to_be_bytes()));
        assert!(
            matches!(far, Err(DeserializeErrorKind::OutOfRange { .. })),
            "{far:?}"
        );
        // A timestamp near i64::MAX (year ~294,000) is beyond chrono's range too.
        let far = <NaiveDateTime as FromSql<Timestamp, Pg>>::from_sql(value(&(i64::MAX - 1).to_be_bytes()));
        assert!(
            matches!(far, Err(DeserializeErrorKind::OutOfRange { .. })),
            "{far:?}"
        );
        // 24:00:00 is a valid PostgreSQL time but not a NaiveTime.
        let midnight = <NaiveTime as FromSql<Time, Pg>>::from_sql(value(&86_400_000_000i64.to_be_bytes()));
        assert!(matches!(midnight, Err(DeserializeErrorKind::OutOfRange { .. })));
        for len in [0usize, 3, 5, 7, 9] {
            let bytes = vec![0u8; len];
            assert!(<NaiveDate as FromSql<Date, Pg>>::from_sql(value(&bytes)).is_err());
            assert!(<NaiveTime as FromSql<Time, Pg>>::from_sql(value(&bytes)).is_err());
            assert!(<NaiveDateTime as FromSql<Timestamp, Pg>>::from_sql(value(&bytes)).is_err());
            assert!(<DateTime<Utc> as FromSql<Timestamptz, Pg>>::from_sql(value(&bytes)).is_err());
        }
    }
}
