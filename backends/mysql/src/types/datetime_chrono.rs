//! Dates and times as chrono's types (feature `chrono`): `Date` ↔ `NaiveDate`, `Time` ↔
//! `NaiveTime`, `Timestamp` ↔ `NaiveDateTime` (DATETIME and TIMESTAMP columns). See the
//! `datetime` module for zero dates, TIME ranges and precision.

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike};
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

fn to_date(d: DateParts) -> DResult<NaiveDate> {
    NaiveDate::from_ymd_opt(d.year, u32::from(d.month), u32::from(d.day)).ok_or_else(|| {
        malformed(format!(
            "{:04}-{:02}-{:02} is not a valid date",
            d.year, d.month, d.day
        ))
    })
}

fn to_time(t: TimeParts) -> DResult<NaiveTime> {
    NaiveTime::from_hms_micro_opt(
        u32::from(t.hour),
        u32::from(t.minute),
        u32::from(t.second),
        t.microsecond,
    )
    .ok_or_else(|| malformed(format!("{:?} is not a valid time", t)))
}

fn date_param(d: &NaiveDate) -> QueryResult<MysqlTime> {
    Ok(MysqlTime::date(bind_year(d.year())?, d.month(), d.day()))
}

impl FromSql<Date, Mysql> for NaiveDate {
    fn from_sql(value: MysqlValue<'_>) -> DResult<Self> {
        to_date(read_date(&value)?)
    }
}
impl ToSql<Date, Mysql> for NaiveDate {
    fn to_sql(&self) -> QueryResult<MysqlBindValue<'_>> {
        Ok(MysqlBindValue::Time(date_param(self)?))
    }
}

impl FromSql<Time, Mysql> for NaiveTime {
    fn from_sql(value: MysqlValue<'_>) -> DResult<Self> {
        to_time(read_time(&value)?)
    }
}
impl ToSql<Time, Mysql> for NaiveTime {
    fn to_sql(&self) -> QueryResult<MysqlBindValue<'_>> {
        Ok(MysqlBindValue::Time(MysqlTime::time(
            false,
            self.hour(),
            self.minute(),
            self.second(),
            micros(self.nanosecond()),
        )))
    }
}

impl FromSql<Timestamp, Mysql> for NaiveDateTime {
    fn from_sql(value: MysqlValue<'_>) -> DResult<Self> {
        let (date, time) = read_datetime(&value)?;
        Ok(NaiveDateTime::new(to_date(date)?, to_time(time)?))
    }
}
impl ToSql<Timestamp, Mysql> for NaiveDateTime {
    fn to_sql(&self) -> QueryResult<MysqlBindValue<'_>> {
        Ok(MysqlBindValue::Time(MysqlTime::date_time(
            (bind_year(self.year())?, self.month(), self.day()),
            (self.hour(), self.minute(), self.second()),
            micros(self.nanosecond()),
        )))
    }
}

#[cfg(test)]
mod tests {
    use quarry::error::DeserializeErrorKind;

    use super::*;
    use crate::raw::{MysqlType, MysqlValueRef};
    use crate::types::test_support::{binary_column, value};

    #[test]
    fn round_trips_through_mysql_time() {
        let dt = NaiveDate::from_ymd_opt(2024, 2, 29)
            .and_then(|d| d.and_hms_micro_opt(23, 59, 58, 123_456))
            .unwrap();
        let MysqlBindValue::Time(t) = dt.to_sql().unwrap() else {
            panic!("a datetime binds as a time value")
        };
        let c = binary_column(MysqlType::DateTime);
        assert_eq!(
            <NaiveDateTime as FromSql<Timestamp, Mysql>>::from_sql(value(MysqlValueRef::Time(t), &c)),
            Ok(dt)
        );
        // 2023 has no February 29th: the server would not send it, the reader refuses it.
        let bad = MysqlTime::date(2023, 2, 29);
        let d = binary_column(MysqlType::Date);
        assert!(matches!(
            <NaiveDate as FromSql<Date, Mysql>>::from_sql(value(MysqlValueRef::Time(bad), &d)),
            Err(DeserializeErrorKind::Malformed(_))
        ));
        let far = NaiveDate::from_ymd_opt(12_000, 1, 1).unwrap();
        assert!(matches!(
            ToSql::<Date, Mysql>::to_sql(&far),
            Err(quarry::Error::Serialize(_))
        ));
    }
}
