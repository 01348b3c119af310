//! What the chrono and time integrations share: reading DATE, TIME, DATETIME and TIMESTAMP
//! values field by field, checked, and building parameters.
//!
//! MySQL `DATETIME` and `TIMESTAMP` both map to `Timestamp` (the session's time zone is UTC, set
//! by the connection, so a TIMESTAMP reads as UTC). Values are exact to the microsecond, MySQL's
//! finest precision (`DATETIME(6)`, `TIME(6)`): nanoseconds are truncated when binding.
//!
//! MySQL accepts "zero" dates (`0000-00-00`, or a zero month or day) in some SQL modes; they
//! are no date at all, so reading one is a `Malformed` error. A `TIME` is a duration of up to
//! ±838:59:59: one outside a day (`00:00:00` to `23:59:59.999999`) does not fit a time of day
//! and is a `Malformed` error too.

use quarry::QueryResult;

use super::{malformed, wrong_type, DResult};
use crate::raw::{MysqlTime, MysqlType, MysqlValueRef};
use crate::value::MysqlValue;

/// The latest year MySQL stores (`9999-12-31`).
const MAX_YEAR: i32 = 9999;

/// A checked calendar date: year 0..=9999, month 1..=12, day 1..=31 (the Rust type checks the
/// day against the month).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct DateParts {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

/// A checked time of day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct TimeParts {
    pub hour: u8,
    pub minute: u8,
    pub second: u8,
    pub microsecond: u32,
}

fn time_value(value: &MysqlValue<'_>, accepted: &[MysqlType], expected: &'static str) -> DResult<MysqlTime> {
    match value.value {
        MysqlValueRef::Time(t) if accepted.contains(&value.column.column_type) => Ok(t),
        _ => Err(wrong_type(expected, value)),
    }
}

fn date_parts(t: &MysqlTime) -> DResult<DateParts> {
    if t.month == 0 || t.day == 0 {
        return Err(malformed(format!(
            "{:04}-{:02}-{:02} is a zero date, not a calendar date",
            t.year, t.month, t.day
        )));
    }
    match (i32::try_from(t.year), u8::try_from(t.month), u8::try_from(t.day)) {
        (Ok(year), Ok(month), Ok(day)) if year <= MAX_YEAR && month <= 12 && day <= 31 => {
            Ok(DateParts { year, month, day })
        }
        _ => Err(malformed(format!(
            "{}-{}-{} is not a valid date",
            t.year, t.month, t.day
        ))),
    }
}

fn time_parts(hour: u32, t: &MysqlTime) -> DResult<TimeParts> {
    match (u8::try_from(hour), u8::try_from(t.minute), u8::try_from(t.second)) {
        (Ok(hour), Ok(minute), Ok(second))
            if hour < 24 && minute < 60 && second < 60 && t.microsecond < 1_000_000 =>
        {
            Ok(TimeParts {
                hour,
                minute,
                second,
                microsecond: t.microsecond,
            })
        }
        _ => Err(malformed(format!(
            "{}:{}:{}.{:06} is not a time of day",
            hour, t.minute, t.second, t.microsecond
        ))),
    }
}

/// A DATE value.
pub(super) fn read_date(value: &MysqlValue<'_>) -> DResult<DateParts> {
    let t = time_value(value, &[MysqlType::Date, MysqlType::NewDate], "DATE")?;
    date_parts(&t)
}

/// A TIME value that is a time of day.
pub(super) fn read_time(value: &MysqlValue<'_>) -> DResult<TimeParts> {
    let t = time_value(value, &[MysqlType::Time, MysqlType::Time2], "TIME")?;
    if t.negative {
        return Err(malformed(format!(
            "-{}:{:02}:{:02} is a negative TIME, not a time of day",
            t.hour, t.minute, t.second
        )));
    }
    time_parts(t.hour, &t)
}

/// A DATETIME or TIMESTAMP value.
pub(super) fn read_datetime(value: &MysqlValue<'_>) -> DResult<(DateParts, TimeParts)> {
    let t = time_value(
        value,
        &[
            MysqlType::DateTime,
            MysqlType::DateTime2,
            MysqlType::Timestamp,
            MysqlType::Timestamp2,
        ],
        "DATETIME",
    )?;
    Ok((date_parts(&t)?, time_parts(t.hour, &t)?))
}

/// A year MySQL can store, as the protocol's unsigned field.
pub(super) fn bind_year(year: i32) -> QueryResult<u32> {
    u32::try_from(year)
        .ok()
        .filter(|y| *y <= MAX_YEAR as u32)
        .ok_or_else(|| {
            quarry::Error::Serialize(format!(
                "year {year} is outside the years MySQL stores (0 to {MAX_YEAR})"
            ))
        })
}

/// Microseconds from nanoseconds; a leap second (nanoseconds past one second) is kept as the
/// last microsecond of its second, which MySQL can store.
pub(super) fn micros(nanos: u32) -> u32 {
    (nanos / 1_000).min(999_999)
}

#[cfg(test)]
mod tests {
    use quarry::error::DeserializeErrorKind;

    use super::*;
    use crate::types::test_support::{binary_column, value};

    #[test]
    fn zero_dates_and_out_of_day_times_are_malformed() {
        let date = binary_column(MysqlType::Date);
        let zero = MysqlTime::date(0, 0, 0);
        assert!(matches!(
            read_date(&value(MysqlValueRef::Time(zero), &date)),
            Err(DeserializeErrorKind::Malformed(m)) if m.contains("zero date")
        ));
        let half_zero = MysqlTime::date(2020, 5, 0);
        assert!(read_date(&value(MysqlValueRef::Time(half_zero), &date)).is_err());
        assert_eq!(
            read_date(&value(MysqlValueRef::Time(MysqlTime::date(2020, 5, 17)), &date)),
            Ok(DateParts {
                year: 2020,
                month: 5,
                day: 17
            })
        );
        let time = binary_column(MysqlType::Time);
        let long = MysqlTime::time(false, 30, 0, 0, 0);
        assert!(read_time(&value(MysqlValueRef::Time(long), &time)).is_err());
        let negative = MysqlTime::time(true, 1, 0, 0, 0);
        assert!(read_time(&value(MysqlValueRef::Time(negative), &time)).is_err());
        // A DATE column is not a DATETIME.
        assert!(matches!(
            read_datetime(&value(MysqlValueRef::Time(MysqlTime::date(2020, 1, 1)), &date)),
            Err(DeserializeErrorKind::WrongType {
                expected: "DATETIME",
                found: "DATE"
            })
        ));
        let dt = binary_column(MysqlType::DateTime);
        let bad_micros = MysqlTime::date_time((2020, 1, 1), (1, 2, 3), 1_000_000);
        assert!(read_datetime(&value(MysqlValueRef::Time(bad_micros), &dt)).is_err());
    }

    #[test]
    fn years_and_microseconds_to_bind() {
        assert_eq!(bind_year(2024).unwrap(), 2024);
        assert!(bind_year(-1).is_err());
        assert!(bind_year(10_000).is_err());
        assert_eq!(micros(1_999_999_999), 999_999);
        assert_eq!(micros(123_456_789), 123_456);
    }
}
