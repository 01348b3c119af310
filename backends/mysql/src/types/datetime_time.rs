//! Dates and times as the `time` crate's types (feature `time`): `Date` ↔ `time::Date`, `Time`
//! ↔ `time::Time`, `Timestamp` ↔ `time::PrimitiveDateTime` (DATETIME and TIMESTAMP columns).
//! See the `datetime` module for zero dates, TIME ranges and precision.

use quarry::deserialize::FromSql;
use quarry::serialize::ToSql;
use quarry::sql_types::{Date, Time, Timestamp};
use quarry::QueryResult;

use super::datetime::{bind_year, micros, read_date, read_datetime, read_time, DateParts, TimeParts};
use super::{malformed, DResult};
use crate::backend::Mysql;
use crate::bind_value::MysqlBindValue;
use crate::raw::MysqlTime;
use crate::value::MysqlValue;

fn to_date(d: DateParts) -> DResult<time::Date> {
    time::Month::try_from(d.month)
        .and_then(|month| time::Date::from_calendar_date(d.year, month, d.day))
        .map_err(|_| {
            malformed(format!(
                "{:04}-{:02}-{:02} is not a valid date",
                d.year, d.month, d.day
            ))
        })
}

fn to_time(t: TimeParts) -> DResult<time::Time> {
    time::Time::from_hms_micro(t.hour, t.minute, t.second, t.microsecond)
        .map_err(|_| malformed(format!("{:?} is not a valid time", t)))
}

fn date_param(d: &time::Date) -> QueryResult<MysqlTime> {
    Ok(MysqlTime::date(
        bind_year(d.year())?,
        u32::from(u8::from(d.month())),
        u32::from(d.day()),
    ))
}

fn time_fields(t: &time::Time) -> (u32, u32, u32) {
    (u32::from(t.hour()), u32::from(t.minute()), u32::from(t.second()))
}

impl FromSql<Date, Mysql> for time::Date {
    fn from_sql(value: MysqlValue<'_>) -> DResult<Self> {
        to_date(read_date(&value)?)
    }
}
impl ToSql<Date, Mysql> for time::Date {
    fn to_sql(&self) -> QueryResult<MysqlBindValue<'_>> {
        Ok(MysqlBindValue::Time(date_param(self)?))
    }
}

impl FromSql<Time, Mysql> for time::Time {
    fn from_sql(value: MysqlValue<'_>) -> DResult<Self> {
        to_time(read_time(&value)?)
    }
}
impl ToSql<Time, Mysql> for time::Time {
    fn to_sql(&self) -> QueryResult<MysqlBindValue<'_>> {
        let (h, m, s) = time_fields(self);
        Ok(MysqlBindValue::Time(MysqlTime::time(
            false,
            h,
            m,
            s,
            micros(self.nanosecond()),
        )))
    }
}

impl FromSql<Timestamp, Mysql> for time::PrimitiveDateTime {
    fn from_sql(value: MysqlValue<'_>) -> DResult<Self> {
        let (date, time) = read_datetime(&value)?;
        Ok(time::PrimitiveDateTime::new(to_date(date)?, to_time(time)?))
    }
}
impl ToSql<Timestamp, Mysql> for time::PrimitiveDateTime {
    fn to_sql(&self) -> QueryResult<MysqlBindValue<'_>> {
        let date = date_param(&self.date())?;
        Ok(MysqlBindValue::Time(MysqlTime::date_time(
            (date.year, date.month, date.day),
            time_fields(&self.time()),
            micros(self.nanosecond()),
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::raw::{MysqlType, MysqlValueRef};
    use crate::types::test_support::{binary_column, value};

    #[test]
    fn round_trips_through_mysql_time() {
        let date = time::Date::from_calendar_date(1999, time::Month::December, 31).unwrap();
        let dt = time::PrimitiveDateTime::new(date, time::Time::from_hms_micro(1, 2, 3, 4).unwrap());
        let MysqlBindValue::Time(t) = dt.to_sql().unwrap() else {
            panic!("a datetime binds as a time value")
        };
        let c = binary_column(MysqlType::Timestamp);
        assert_eq!(
            <time::PrimitiveDateTime as FromSql<Timestamp, Mysql>>::from_sql(value(
                MysqlValueRef::Time(t),
                &c
            )),
            Ok(dt)
        );
    }
}
