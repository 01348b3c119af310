//! Dates, times and date-times as the binary protocol carries them (`MYSQL_TIME`).

use mysqlclient_sys::enum_field_types::{MYSQL_TYPE_DATE, MYSQL_TYPE_DATETIME, MYSQL_TYPE_TIME};
use mysqlclient_sys::enum_mysql_timestamp_type::{
    MYSQL_TIMESTAMP_DATE, MYSQL_TIMESTAMP_DATETIME, MYSQL_TIMESTAMP_TIME,
};
use mysqlclient_sys::{enum_field_types, MYSQL_TIME};

/// Which SQL type a [`MysqlTime`] stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MysqlTimeKind {
    /// `DATE`: year, month and day.
    Date,
    /// `TIME`: a signed duration of up to 838:59:59.999999 (hours, minutes, seconds,
    /// microseconds and `negative`).
    Time,
    /// `DATETIME` or `TIMESTAMP`: a date and a time of day with microseconds.
    DateTime,
}

/// A date, a time or a date-time, field by field (the C API's `MYSQL_TIME`).
///
/// Values are not validated here: the server rejects or adjusts out-of-range fields according to
/// its `sql_mode`, and MySQL allows "zero" dates (`0000-00-00`) in some modes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MysqlTime {
    /// The year (0 for a `TIME`).
    pub year: u32,
    /// The month, 1..=12 (0 for a `TIME` or a zero date).
    pub month: u32,
    /// The day of the month, 1..=31 (0 for a `TIME` or a zero date).
    pub day: u32,
    /// The hour: 0..=23 for a date-time; for a `TIME`, the whole number of hours (up to 838).
    pub hour: u32,
    /// The minute, 0..=59.
    pub minute: u32,
    /// The second, 0..=59.
    pub second: u32,
    /// The fraction of the second in microseconds, 0..=999_999.
    pub microsecond: u32,
    /// Whether a `TIME` is negative (false for the other kinds).
    pub negative: bool,
    /// Which SQL type this is.
    pub kind: MysqlTimeKind,
}

impl MysqlTime {
    /// A `DATE`.
    pub fn date(year: u32, month: u32, day: u32) -> Self {
        Self {
            year,
            month,
            day,
            hour: 0,
            minute: 0,
            second: 0,
            microsecond: 0,
            negative: false,
            kind: MysqlTimeKind::Date,
        }
    }

    /// A `DATETIME` (also used for `TIMESTAMP` parameters).
    pub fn date_time(
        (year, month, day): (u32, u32, u32),
        (hour, minute, second): (u32, u32, u32),
        microsecond: u32,
    ) -> Self {
        Self {
            year,
            month,
            day,
            hour,
            minute,
            second,
            microsecond,
            negative: false,
            kind: MysqlTimeKind::DateTime,
        }
    }

    /// A `TIME`: `hours` may exceed 23 (up to 838).
    pub fn time(negative: bool, hours: u32, minute: u32, second: u32, microsecond: u32) -> Self {
        Self {
            year: 0,
            month: 0,
            day: 0,
            hour: hours,
            minute,
            second,
            microsecond,
            negative,
            kind: MysqlTimeKind::Time,
        }
    }

    /// The C API buffer type for a parameter of this kind.
    pub(super) fn field_type(&self) -> enum_field_types {
        match self.kind {
            MysqlTimeKind::Date => MYSQL_TYPE_DATE,
            MysqlTimeKind::Time => MYSQL_TYPE_TIME,
            MysqlTimeKind::DateTime => MYSQL_TYPE_DATETIME,
        }
    }

    /// This value as a `MYSQL_TIME`. A `TIME`'s hours are split into days and hours, as the
    /// client library sends the hour of a `TIME` in one byte.
    pub(super) fn to_ffi(self) -> MYSQL_TIME {
        // SAFETY: MYSQL_TIME is a plain C struct of unsigned integers, a `my_bool` and a C enum
        // whose variant 0 is MYSQL_TIMESTAMP_DATE (the MySQL 8 layout adds an `int`): all-zero
        // bytes are a valid value of every field. Every field that matters is set below.
        let mut t: MYSQL_TIME = unsafe { std::mem::zeroed() };
        t.year = self.year;
        t.month = self.month;
        t.minute = self.minute;
        t.second = self.second;
        t.second_part = self.microsecond.into();
        match self.kind {
            MysqlTimeKind::Time => {
                t.day = self.hour / 24;
                t.hour = self.hour % 24;
                t.neg = if self.negative {
                    mysqlclient_sys::TRUE
                } else {
                    mysqlclient_sys::FALSE
                };
                t.time_type = MYSQL_TIMESTAMP_TIME;
            }
            MysqlTimeKind::Date => {
                t.day = self.day;
                t.hour = self.hour;
                t.time_type = MYSQL_TIMESTAMP_DATE;
            }
            MysqlTimeKind::DateTime => {
                t.day = self.day;
                t.hour = self.hour;
                t.time_type = MYSQL_TIMESTAMP_DATETIME;
            }
        }
        t
    }

    /// Reads a `MYSQL_TIME` that the client library filled in for a column of `kind`. The
    /// library's own `time_type` field is not read (its kind comes from the column's type, and
    /// reading the C enum could meet a value outside the Rust enum). A `TIME`'s days are folded
    /// into its hours.
    ///
    /// # Safety
    ///
    /// `ptr` must point to a readable, aligned `MYSQL_TIME` whose integer fields are
    /// initialised (written by the client library or zeroed).
    pub(super) unsafe fn read(ptr: *const MYSQL_TIME, kind: MysqlTimeKind) -> Self {
        // SAFETY: the caller guarantees `ptr` is a valid, aligned MYSQL_TIME with initialised
        // integer fields; each field is read on its own through the raw pointer (no reference
        // to the whole struct, and not `time_type`).
        let (year, month, day, hour, minute, second, second_part, neg) = unsafe {
            (
                (*ptr).year,
                (*ptr).month,
                (*ptr).day,
                (*ptr).hour,
                (*ptr).minute,
                (*ptr).second,
                (*ptr).second_part,
                (*ptr).neg,
            )
        };
        let microsecond = u32::try_from(second_part).unwrap_or(u32::MAX);
        match kind {
            MysqlTimeKind::Time => Self::time(
                neg != mysqlclient_sys::FALSE,
                hour.saturating_add(day.saturating_mul(24)),
                minute,
                second,
                microsecond,
            ),
            MysqlTimeKind::Date => Self::date(year, month, day),
            MysqlTimeKind::DateTime => {
                Self::date_time((year, month, day), (hour, minute, second), microsecond)
            }
        }
    }
}
