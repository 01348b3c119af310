//! Dates and times as the `time` crate's types (feature `time`): `Date` ↔ `time::Date`, `Time` ↔
//! `time::Time`, `Timestamp` ↔ `time::PrimitiveDateTime`, `Timestamptz` ↔
//! `time::OffsetDateTime` (loaded at offset UTC; bound as its instant, whatever its offset).
//!
//! Values are exact to the microsecond (PostgreSQL's precision): nanoseconds are truncated when
//! binding.

use quarry::deserialize::FromSql;
use quarry::serialize::ToSql;
use quarry::sql_types::{Date, Time, Timestamp, Timestamptz};
use quarry::QueryResult;

use super::datetime::{out_of_range, read_date, read_time, read_timestamp, timestamp_bytes, usecs_of_day};
use super::DResult;
use crate::backend::Pg;
use crate::bind_value::PgBindValue;
use crate::value::PgValue;

/// The Julian day number of 2000-01-01, PostgreSQL's epoch.
const PG_EPOCH_JULIAN_DAY: i32 = 2_451_545;

fn date_from_pg(days: i32, target: &'static str) -> DResult<time::Date> {
    days.checked_add(PG_EPOCH_JULIAN_DAY)
        .and_then(|jd| time::Date::from_julian_day(jd).ok())
        .ok_or_else(|| out_of_range(i64::from(days), target))
}

fn date_to_pg(date: time::Date) -> i32 {
    // `time` dates span at most ±999,999 years: no overflow.
    date.to_julian_day() - PG_EPOCH_JULIAN_DAY
}

fn time_from_pg(usecs: i64, target: &'static str) -> DResult<time::Time> {
    // `usecs` is within a day (checked by `read_time` / `read_timestamp`).
    let err = || out_of_range(usecs, target);
    let secs = usecs / 1_000_000;
    let hour = u8::try_from(secs / 3600).map_err(|_| err())?;
    let minute = u8::try_from(secs / 60 % 60).map_err(|_| err())?;
    let second = u8::try_from(secs % 60).map_err(|_| err())?;
    let micro = u32::try_from(usecs % 1_000_000).map_err(|_| err())?;
    time::Time::from_hms_micro(hour, minute, second, micro).map_err(|_| err())
}

fn time_to_pg(t: time::Time) -> i64 {
    let secs = u32::from(t.hour()) * 3600 + u32::from(t.minute()) * 60 + u32::from(t.second());
    usecs_of_day(secs, t.nanosecond())
}

fn timestamp_from_pg(value: &PgValue<'_>, target: &'static str) -> DResult<time::PrimitiveDateTime> {
    let (days, usecs) = read_timestamp(value, target)?;
    Ok(time::PrimitiveDateTime::new(
        date_from_pg(days, target)?,
        time_from_pg(usecs, target)?,
    ))
}

fn timestamp_to_pg(ts: time::PrimitiveDateTime) -> QueryResult<[u8; 8]> {
    timestamp_bytes(i64::from(date_to_pg(ts.date())), time_to_pg(ts.time()))
}

impl FromSql<Date, Pg> for time::Date {
    fn from_sql(value: PgValue<'_>) -> DResult<Self> {
        date_from_pg(read_date(&value, "time::Date")?, "time::Date")
    }
}

impl ToSql<Date, Pg> for time::Date {
    fn to_sql(&self) -> QueryResult<PgBindValue<'_>> {
        Ok(PgBindValue::inline(1082, &date_to_pg(*self).to_be_bytes()))
    }
}

impl FromSql<Time, Pg> for time::Time {
    fn from_sql(value: PgValue<'_>) -> DResult<Self> {
        time_from_pg(read_time(&value, "time::Time")?, "time::Time")
    }
}

impl ToSql<Time, Pg> for time::Time {
    fn to_sql(&self) -> QueryResult<PgBindValue<'_>> {
        Ok(PgBindValue::inline(1083, &time_to_pg(*self).to_be_bytes()))
    }
}

impl FromSql<Timestamp, Pg> for time::PrimitiveDateTime {
    fn from_sql(value: PgValue<'_>) -> DResult<Self> {
        timestamp_from_pg(&value, "time::PrimitiveDateTime")
    }
}

impl ToSql<Timestamp, Pg> for time::PrimitiveDateTime {
    fn to_sql(&self) -> QueryResult<PgBindValue<'_>> {
        Ok(PgBindValue::inline(1114, &timestamp_to_pg(*self)?))
    }
}

impl FromSql<Timestamptz, Pg> for time::OffsetDateTime {
    fn from_sql(value: PgValue<'_>) -> DResult<Self> {
        Ok(timestamp_from_pg(&value, "time::OffsetDateTime")?.assume_utc())
    }
}

impl ToSql<Timestamptz, Pg> for time::OffsetDateTime {
    fn to_sql(&self) -> QueryResult<PgBindValue<'_>> {
        // The local date and time, less the offset: computed in microseconds, so that an instant
        // near the end of `time`'s range never has to be converted to UTC as a date.
        let local = i64::from_be_bytes(timestamp_to_pg(time::PrimitiveDateTime::new(
            self.date(),
            self.time(),
        ))?);
        let utc = local
            .checked_sub(i64::from(self.offset().whole_seconds()) * 1_000_000)
            .filter(|&usecs| usecs != i64::MAX && usecs != i64::MIN)
            .ok_or_else(|| quarry::Error::Serialize("the timestamp is out of PostgreSQL's range".into()))?;
        Ok(PgBindValue::inline(1184, &utc.to_be_bytes()))
    }
}

#[cfg(test)]
mod tests {
    use quarry::error::DeserializeErrorKind;
    use time::{Month, OffsetDateTime, PrimitiveDateTime, UtcOffset};

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

    fn ymd(y: i32, m: Month, d: u8) -> time::Date {
        time::Date::from_calendar_date(y, m, d).unwrap()
    }

    #[test]
    fn epoch_constant() {
        assert_eq!(ymd(2000, Month::January, 1).to_julian_day(), PG_EPOCH_JULIAN_DAY);
    }

    #[test]
    fn wire_values_match_postgres() {
        let day = ymd(1999, Month::December, 31);
        let bytes = ToSql::<Date, Pg>::to_sql(&day).unwrap();
        assert_eq!(bytes.as_bytes().unwrap(), (-1i32).to_be_bytes());
        let ts = PrimitiveDateTime::new(
            ymd(2000, Month::January, 1),
            time::Time::from_hms_micro(0, 0, 1, 500_000).unwrap(),
        );
        let bytes = ToSql::<Timestamp, Pg>::to_sql(&ts).unwrap();
        assert_eq!(bytes.as_bytes().unwrap(), 1_500_000i64.to_be_bytes());
    }

    #[test]
    fn round_trips() {
        for d in [
            ymd(2000, Month::January, 1),
            ymd(2024, Month::February, 29),
            ymd(-4713, Month::November, 24),
            ymd(9999, Month::December, 31),
        ] {
            assert_eq!(round_trip::<_, Date>(&d), Ok(d));
            for t in [
                time::Time::MIDNIGHT,
                time::Time::from_hms_micro(12, 34, 56, 789_000).unwrap(),
                time::Time::from_hms_micro(23, 59, 59, 999_999).unwrap(),
            ] {
                assert_eq!(round_trip::<_, Time>(&t), Ok(t));
                let ts = PrimitiveDateTime::new(d, t);
                assert_eq!(round_trip::<_, Timestamp>(&ts), Ok(ts));
                let utc = ts.assume_utc();
                assert_eq!(round_trip::<_, Timestamptz>(&utc), Ok(utc));
            }
        }
        // An offset binds as the same instant and loads back in UTC.
        let local = PrimitiveDateTime::new(ymd(2024, Month::February, 29), time::Time::MIDNIGHT)
            .assume_offset(UtcOffset::from_hms(5, 30, 0).unwrap());
        let back: OffsetDateTime = round_trip::<_, Timestamptz>(&local).unwrap();
        assert_eq!(back, local);
        assert_eq!(back.offset(), UtcOffset::UTC);
        assert_eq!(back.hour(), 18);
    }

    #[test]
    fn infinity_and_out_of_range_are_errors() {
        let inf = <PrimitiveDateTime as FromSql<Timestamp, Pg>>::from_sql(value(&i64::MAX.to_be_bytes()));
        assert!(matches!(inf, Err(DeserializeErrorKind::Malformed(m)) if m.contains("infinity")));
        let ninf = <OffsetDateTime as FromSql<Timestamptz, Pg>>::from_sql(value(&i64::MIN.to_be_bytes()));
        assert!(matches!(ninf, Err(DeserializeErrorKind::Malformed(m)) if m.contains("-infinity")));
        let dinf = <time::Date as FromSql<Date, Pg>>::from_sql(value(&i32::MIN.to_be_bytes()));
        assert!(matches!(dinf, Err(DeserializeErrorKind::Malformed(m)) if m.contains("-infinity")));
        // Year 10,000 is valid in PostgreSQL, beyond `time` without `large-dates`.
        let last = ymd(9999, Month::December, 31);
        let far = ToSql::<Date, Pg>::to_sql(&last).unwrap();
        let next = i32::from_be_bytes(far.as_bytes().unwrap().try_into().unwrap()) + 1;
        let far = <time::Date as FromSql<Date, Pg>>::from_sql(value(&next.to_be_bytes()));
        assert!(
            matches!(far, Err(DeserializeErrorKind::OutOfRange { .. })),
            "{far:?}"
        );
        let midnight = <time::Time as FromSql<Time, Pg>>::from_sql(value(&86_400_000_000i64.to_be_bytes()));
        assert!(matches!(midnight, Err(DeserializeErrorKind::OutOfRange { .. })));
        for len in [0usize, 3, 5, 7, 9] {
            let bytes = vec![0u8; len];
            assert!(<time::Date as FromSql<Date, Pg>>::from_sql(value(&bytes)).is_err());
            assert!(<time::Time as FromSql<Time, Pg>>::from_sql(value(&bytes)).is_err());
            assert!(<PrimitiveDateTime as FromSql<Timestamp, Pg>>::from_sql(value(&bytes)).is_err());
            assert!(<OffsetDateTime as FromSql<Timestamptz, Pg>>::from_sql(value(&bytes)).is_err());
        }
    }
}
