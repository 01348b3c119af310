//! PostgreSQL's binary date and time values, shared by the chrono and `time` integrations.
//!
//! - `date`: days since 2000-01-01 (i32);
//! - `time`: microseconds since midnight (i64), 0 to 24:00:00 inclusive;
//! - `timestamp` / `timestamptz`: microseconds since 2000-01-01 00:00:00 (UTC for
//!   `timestamptz`) (i64).
//!
//! `'infinity'` and `'-infinity'` are the largest and smallest values of the integer; they have no
//! counterpart in the Rust types and load as errors, as do values outside the Rust type's range.

use quarry::error::DeserializeErrorKind;
use quarry::QueryResult;

use super::{check_type, fixed, DResult};
use crate::value::PgValue;

/// Microseconds in a day.
pub(super) const USECS_PER_DAY: i64 = 86_400_000_000;

fn infinity(sign: &str, pg_type: &str, target: &'static str) -> DeserializeErrorKind {
    DeserializeErrorKind::Malformed(format!(
        "PostgreSQL {pg_type} '{sign}infinity' has no `{target}` value"
    ))
}

/// An out-of-range error for `value` read into `target`.
pub(super) fn out_of_range(value: i64, target: &'static str) -> DeserializeErrorKind {
    DeserializeErrorKind::OutOfRange { value, target }
}

/// A `date`: days since 2000-01-01, never infinite.
pub(super) fn read_date(value: &PgValue<'_>, target: &'static str) -> DResult<i32> {
    check_type(value, &[1082], "DATE")?;
    match i32::from_be_bytes(fixed::<4>("date", value)?) {
        i32::MAX => Err(infinity("", "date", target)),
        i32::MIN => Err(infinity("-", "date", target)),
        days => Ok(days),
    }
}

/// A `time`: microseconds since midnight, below 24:00:00 (which the Rust types cannot hold).
pub(super) fn read_time(value: &PgValue<'_>, target: &'static str) -> DResult<i64> {
    check_type(value, &[1083], "TIME")?;
    let usecs = i64::from_be_bytes(fixed::<8>("time", value)?);
    if (0..USECS_PER_DAY).contains(&usecs) {
        Ok(usecs)
    } else {
        Err(out_of_range(usecs, target))
    }
}

/// A `timestamp` / `timestamptz` as (days since 2000-01-01, microseconds into that day), never
/// infinite.
pub(super) fn read_timestamp(value: &PgValue<'_>, target: &'static str) -> DResult<(i32, i64)> {
    // Both have the same binary form; `timestamptz` is in UTC.
    check_type(value, &[1114, 1184], "TIMESTAMP")?;
    let usecs = match i64::from_be_bytes(fixed::<8>("timestamp", value)?) {
        i64::MAX => return Err(infinity("", "timestamp", target)),
        i64::MIN => return Err(infinity("-", "timestamp", target)),
        usecs => usecs,
    };
    // |i64| / USECS_PER_DAY is below 2^27: the day always fits an i32.
    let days = i32::try_from(usecs.div_euclid(USECS_PER_DAY)).map_err(|_| out_of_range(usecs, target))?;
    Ok((days, usecs.rem_euclid(USECS_PER_DAY)))
}

/// The binary `timestamp` of `days` since 2000-01-01 plus `usecs_of_day`.
pub(super) fn timestamp_bytes(days: i64, usecs_of_day: i64) -> QueryResult<[u8; 8]> {
    days.checked_mul(USECS_PER_DAY)
        .and_then(|d| d.checked_add(usecs_of_day))
        // i64::MAX / MIN mean ±infinity to PostgreSQL: never send them for a finite value.
        .filter(|&usecs| usecs != i64::MAX && usecs != i64::MIN)
        .map(i64::to_be_bytes)
        .ok_or_else(|| quarry::Error::Serialize("the timestamp is out of PostgreSQL's range".into()))
}

/// Microseconds since midnight of a time of day given as seconds and nanoseconds; a leap second
/// (nanoseconds of 1e9 and more, as chrono represents it) is capped at the second's last
/// microsecond.
pub(super) fn usecs_of_day(seconds: u32, nanos: u32) -> i64 {
    i64::from(seconds) * 1_000_000 + i64::from(nanos.min(999_999_999) / 1_000)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(bytes: &[u8]) -> PgValue<'_> {
        PgValue {
            bytes,
            is_null: false,
            oid: 0,
        }
    }

    #[test]
    fn infinities_and_ranges() {
        let t = "T";
        assert!(read_date(&value(&i32::MAX.to_be_bytes()), t).is_err());
        assert!(read_date(&value(&i32::MIN.to_be_bytes()), t).is_err());
        assert_eq!(read_date(&value(&(-1i32).to_be_bytes()), t), Ok(-1));
        assert!(read_date(&value(&[0, 0, 0]), t).is_err());
        assert!(read_timestamp(&value(&i64::MAX.to_be_bytes()), t).is_err());
        assert!(read_timestamp(&value(&i64::MIN.to_be_bytes()), t).is_err());
        assert_eq!(
            read_timestamp(&value(&(-1i64).to_be_bytes()), t),
            Ok((-1, USECS_PER_DAY - 1))
        );
        assert_eq!(
            read_timestamp(&value(&(i64::MAX - 1).to_be_bytes()), t).map(|(d, _)| d),
            Ok(106_751_991)
        );
        assert!(read_timestamp(&value(&[0; 9]), t).is_err());
        assert_eq!(
            read_time(&value(&USECS_PER_DAY.to_be_bytes()), t),
            Err(out_of_range(USECS_PER_DAY, t))
        );
        assert!(read_time(&value(&(-1i64).to_be_bytes()), t).is_err());
        assert!(read_time(&value(&[1, 2]), t).is_err());
        assert!(timestamp_bytes(i64::MAX / USECS_PER_DAY + 1, 0).is_err());
        assert!(timestamp_bytes(0, i64::MAX).is_err());
        assert_eq!(usecs_of_day(86_399, 1_500_000_000), USECS_PER_DAY - 1);
    }
}
