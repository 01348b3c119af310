//! `INTERVAL` as [`PgInterval`]: months, days and microseconds, kept apart as PostgreSQL keeps
//! them (a month has no fixed number of days, nor a day of microseconds across DST changes).
//!
//! Binary format: microseconds (i64), days (i32), months (i32), big-endian.

use quarry::deserialize::FromSql;
use quarry::expression::{AsExpression, Bound, IntoExpression};
use quarry::serialize::ToSql;
use quarry::sql_types::{Interval, Nullable};
use quarry::QueryResult;

use super::{check_type, DResult, Reader};
use crate::backend::Pg;
use crate::bind_value::PgBindValue;
use crate::value::PgValue;

/// A PostgreSQL `INTERVAL`: loads from and binds as SQL type `Interval`.
///
/// ```
/// use quarry_postgres::PgInterval;
///
/// // '1 year 2 mons 3 days 04:05:06.5'
/// let i = PgInterval { months: 14, days: 3, microseconds: 14_706_500_000 };
/// assert_eq!(i, PgInterval::new(14, 3, 14_706_500_000));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct PgInterval {
    /// Whole months (a year is 12).
    pub months: i32,
    /// Whole days.
    pub days: i32,
    /// The time part, in microseconds.
    pub microseconds: i64,
}

impl PgInterval {
    /// An interval of `months`, `days` and `microseconds`.
    pub const fn new(months: i32, days: i32, microseconds: i64) -> Self {
        Self {
            months,
            days,
            microseconds,
        }
    }

    fn to_be_bytes(self) -> Vec<u8> {
        let mut out = Vec::with_capacity(16);
        out.extend_from_slice(&self.microseconds.to_be_bytes());
        out.extend_from_slice(&self.days.to_be_bytes());
        out.extend_from_slice(&self.months.to_be_bytes());
        out
    }

    fn from_be_bytes(bytes: &[u8]) -> DResult<Self> {
        let mut r = Reader::new(bytes, "interval");
        let microseconds = r.i64()?;
        let days = r.i32()?;
        let months = r.i32()?;
        r.finish()?;
        Ok(Self {
            months,
            days,
            microseconds,
        })
    }
}

impl FromSql<Interval, Pg> for PgInterval {
    fn from_sql(value: PgValue<'_>) -> DResult<Self> {
        check_type(&value, &[1186], "INTERVAL")?;
        Self::from_be_bytes(value.bytes)
    }
}

impl ToSql<Interval, Pg> for PgInterval {
    fn to_sql(&self) -> QueryResult<PgBindValue<'_>> {
        Ok(PgBindValue::owned(1186, self.to_be_bytes()))
    }
}

quarry::insertable_field! { [] PgInterval => Interval; }

#[diagnostic::do_not_recommend]
impl AsExpression<Interval> for PgInterval {
    type Expression = Bound<Interval, PgInterval>;
    fn as_expression(self) -> Self::Expression {
        Bound::new(self)
    }
}

#[diagnostic::do_not_recommend]
impl AsExpression<Nullable<Interval>> for PgInterval {
    type Expression = Bound<Interval, PgInterval>;
    fn as_expression(self) -> Self::Expression {
        Bound::new(self)
    }
}

impl IntoExpression for PgInterval {
    type Expression = Bound<Interval, PgInterval>;
    fn into_expression(self) -> Self::Expression {
        Bound::new(self)
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
            oid: 1186,
        }
    }

    #[test]
    fn round_trips_and_matches_the_wire_layout() {
        let i = PgInterval::new(-14, 3, -1_500_000);
        let bound = ToSql::<Interval, Pg>::to_sql(&i).unwrap();
        let bytes = bound.as_bytes().unwrap();
        assert_eq!(bytes.len(), 16);
        assert_eq!(&bytes[..8], &(-1_500_000i64).to_be_bytes());
        assert_eq!(&bytes[8..12], &3i32.to_be_bytes());
        assert_eq!(&bytes[12..], &(-14i32).to_be_bytes());
        assert_eq!(
            <PgInterval as FromSql<Interval, Pg>>::from_sql(value(bytes)),
            Ok(i)
        );
    }

    #[test]
    fn wrong_lengths_are_errors() {
        for len in [0, 8, 12, 15, 17, 32] {
            let bytes = vec![0u8; len];
            let err = <PgInterval as FromSql<Interval, Pg>>::from_sql(value(&bytes)).unwrap_err();
            assert!(
                matches!(err, DeserializeErrorKind::Malformed(_)),
                "{len}: {err:?}"
            );
        }
    }
}
