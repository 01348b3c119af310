//! `UUID` as `uuid::Uuid` (feature `uuid`): 16 bytes, bound without a copy.

use quarry::deserialize::FromSql;
use quarry::serialize::ToSql;
use quarry::sql_types::Uuid;
use quarry::QueryResult;

use super::{check_type, fixed, DResult};
use crate::backend::Pg;
use crate::bind_value::PgBindValue;
use crate::value::PgValue;

impl FromSql<Uuid, Pg> for uuid::Uuid {
    fn from_sql(value: PgValue<'_>) -> DResult<Self> {
        check_type(&value, &[2950], "UUID")?;
        fixed::<16>("uuid", &value).map(uuid::Uuid::from_bytes)
    }
}

impl ToSql<Uuid, Pg> for uuid::Uuid {
    fn to_sql(&self) -> QueryResult<PgBindValue<'_>> {
        Ok(PgBindValue::borrowed(2950, self.as_bytes()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(bytes: &[u8]) -> PgValue<'_> {
        PgValue {
            bytes,
            is_null: false,
            oid: 2950,
        }
    }

    #[test]
    fn round_trips_and_rejects_wrong_lengths() {
        let id = uuid::Uuid::from_u128(0x0123_4567_89ab_cdef_fedc_ba98_7654_3210);
        let bound = ToSql::<Uuid, Pg>::to_sql(&id).unwrap();
        assert_eq!(bound.oid(), 2950);
        assert_eq!(bound.as_bytes(), Some(&id.as_bytes()[..]));
        assert_eq!(
            <uuid::Uuid as FromSql<Uuid, Pg>>::from_sql(value(id.as_bytes())),
            Ok(id)
        );
        for len in [0usize, 15, 17, 36] {
            assert!(<uuid::Uuid as FromSql<Uuid, Pg>>::from_sql(value(&vec![1u8; len])).is_err());
        }
    }
}
