//! One-dimensional arrays: `Array<ST>` as `Vec<T>` (and `Array<Nullable<ST>>` as
//! `Vec<Option<T>>`); `[T]` and `Vec<T>` bind as arrays (`&[T]` through the blanket `&T` impl).
//!
//! Binary format (big-endian): number of dimensions (i32), has-NULL flag (i32), element type
//! OID (u32), then per dimension its length (i32) and lower bound (i32), then per element its
//! length (i32, -1 for NULL) and bytes. An empty array has 0 dimensions.

use quarry::deserialize::FromSql;
use quarry::error::DeserializeErrorKind;
use quarry::serialize::ToSql;
use quarry::sql_types::{Array, SqlType, SqlTypeKind};
use quarry::QueryResult;

use super::{DResult, Reader};
use crate::backend::{array_oid, type_oid, Pg};
use crate::bind_value::PgBindValue;
use crate::value::PgValue;

/// The bytes before the first element of a one-dimensional array: ndim, flags, element OID,
/// length, lower bound.
const HEADER_LEN: usize = 20;
/// The header of an empty (0-dimensional) array: ndim, flags, element OID.
const EMPTY_HEADER_LEN: usize = 12;

/// Builds the binary form of a one-dimensional array from its elements' binary values.
#[derive(Debug)]
pub(crate) struct ArrayEncoder {
    out: Vec<u8>,
    element_oid: u32,
    len: i32,
    has_null: bool,
}

impl ArrayEncoder {
    /// An encoder for elements of type `element_oid`, with room for about `capacity` elements.
    pub(crate) fn new(element_oid: u32, capacity: usize) -> Self {
        let mut out = Vec::with_capacity(HEADER_LEN + capacity.saturating_mul(8));
        // The header is written by `finish`, once the length and NULLs are known.
        out.resize(HEADER_LEN, 0);
        Self {
            out,
            element_oid,
            len: 0,
            has_null: false,
        }
    }

    /// Appends one element (`None`: NULL).
    pub(crate) fn push(&mut self, element: Option<&[u8]>) -> QueryResult<()> {
        self.len = self.len.checked_add(1).ok_or_else(|| {
            quarry::Error::Serialize("a PostgreSQL array holds at most 2^31 - 1 elements".into())
        })?;
        match element {
            None => {
                self.has_null = true;
                self.out.extend_from_slice(&(-1i32).to_be_bytes());
            }
            Some(bytes) => {
                let n = i32::try_from(bytes.len())
                    .map_err(|_| quarry::Error::Serialize("an array element is larger than 2 GiB".into()))?;
                self.out.extend_from_slice(&n.to_be_bytes());
                self.out.extend_from_slice(bytes);
            }
        }
        Ok(())
    }

    /// The array's bytes.
    pub(crate) fn finish(mut self) -> Vec<u8> {
        let ndim: i32 = if self.len == 0 { 0 } else { 1 };
        let mut header = [0u8; HEADER_LEN];
        header[0..4].copy_from_slice(&ndim.to_be_bytes());
        header[4..8].copy_from_slice(&i32::from(self.has_null).to_be_bytes());
        header[8..12].copy_from_slice(&self.element_oid.to_be_bytes());
        header[12..16].copy_from_slice(&self.len.to_be_bytes());
        header[16..20].copy_from_slice(&1i32.to_be_bytes());
        if self.len == 0 {
            self.out.truncate(EMPTY_HEADER_LEN);
            self.out.copy_from_slice(&header[..EMPTY_HEADER_LEN]);
        } else if let Some(head) = self.out.get_mut(..HEADER_LEN) {
            head.copy_from_slice(&header);
        }
        self.out
    }
}

/// One array parameter of element type `element` from the elements' own bound values (for
/// `x = ANY($1)` IN lists).
pub(crate) fn encode_bound_array(
    element: SqlTypeKind,
    elements: &[PgBindValue<'_>],
) -> QueryResult<PgBindValue<'static>> {
    let element_oid = type_oid(element);
    let array_oid = array_oid(element);
    if element_oid == 0 || array_oid == 0 {
        return Err(quarry::Error::Serialize(format!(
            "arrays of {element:?} cannot be bound in PostgreSQL's binary format"
        )));
    }
    let mut encoder = ArrayEncoder::new(element_oid, elements.len());
    for value in elements {
        encoder.push(value.as_bytes())?;
    }
    Ok(PgBindValue::owned(array_oid, encoder.finish()))
}

fn encode<T, ST>(items: &[T]) -> QueryResult<PgBindValue<'static>>
where
    T: ToSql<ST, Pg>,
    ST: SqlType,
{
    let element_oid = type_oid(ST::KIND);
    if element_oid == 0 {
        // The server checks the element OID inside the value against the array's type, and a
        // user-defined type has no OID known here.
        return Err(quarry::Error::Serialize(format!(
            "arrays of {:?} cannot be bound in PostgreSQL's binary format",
            ST::KIND
        )));
    }
    let mut encoder = ArrayEncoder::new(element_oid, items.len());
    for item in items {
        let value = item.to_sql()?;
        encoder.push(value.as_bytes())?;
    }
    Ok(PgBindValue::owned(
        type_oid(<Array<ST> as SqlType>::KIND),
        encoder.finish(),
    ))
}

impl<T, ST> ToSql<Array<ST>, Pg> for [T]
where
    T: ToSql<ST, Pg>,
    ST: SqlType,
{
    fn to_sql(&self) -> QueryResult<PgBindValue<'_>> {
        encode::<T, ST>(self)
    }
}

impl<T, ST> ToSql<Array<ST>, Pg> for Vec<T>
where
    T: ToSql<ST, Pg>,
    ST: SqlType,
{
    fn to_sql(&self) -> QueryResult<PgBindValue<'_>> {
        encode::<T, ST>(self)
    }
}

fn malformed(msg: impl Into<String>) -> DeserializeErrorKind {
    DeserializeErrorKind::Malformed(msg.into())
}

/// Decodes a one-dimensional array, each element with `element` (which gets `None` for NULL).
pub(crate) fn decode<T>(
    bytes: &[u8],
    mut element: impl FnMut(Option<PgValue<'_>>) -> DResult<T>,
) -> DResult<Vec<T>> {
    let mut r = Reader::new(bytes, "array");
    let ndim = r.i32()?;
    let flags = r.i32()?;
    let element_oid = r.u32()?;
    if flags != 0 && flags != 1 {
        return Err(malformed(format!("invalid array flags {flags}")));
    }
    match ndim {
        0 => {
            r.finish()?;
            return Ok(Vec::new());
        }
        1 => {}
        n if n > 1 => {
            return Err(malformed(format!(
                "a {n}-dimensional array cannot load into a Vec: only one-dimensional arrays are supported"
            )))
        }
        n => return Err(malformed(format!("invalid number of array dimensions {n}"))),
    }
    let len = r.i32()?;
    let _lower_bound = r.i32()?;
    let len = usize::try_from(len).map_err(|_| malformed(format!("invalid array length {len}")))?;
    // Each element takes at least its 4-byte length: never reserve more than the bytes allow.
    let mut out = Vec::with_capacity(len.min(r.remaining() / 4));
    for _ in 0..len {
        let n = r.i32()?;
        let value = match n {
            -1 => None,
            n => {
                let n =
                    usize::try_from(n).map_err(|_| malformed(format!("invalid array element length {n}")))?;
                Some(PgValue {
                    bytes: r.take(n)?,
                    is_null: false,
                    oid: element_oid,
                })
            }
        };
        out.push(element(value)?);
    }
    r.finish()?;
    Ok(out)
}

impl<T, ST> FromSql<Array<ST>, Pg> for Vec<T>
where
    T: FromSql<ST, Pg>,
{
    fn from_sql(value: PgValue<'_>) -> DResult<Self> {
        decode(value.bytes, |element| match element {
            Some(v) => T::from_sql(v),
            // An error for a NULL element unless `T` has room for it (`Option<_>`).
            None => T::from_null(),
        })
    }
}

#[cfg(test)]
mod tests {
    use quarry::sql_types::{Integer, Nullable, Text};

    use super::*;

    fn value(bytes: &[u8]) -> PgValue<'_> {
        PgValue {
            bytes,
            is_null: false,
            oid: 1007,
        }
    }

    fn be(parts: &[i32]) -> Vec<u8> {
        parts.iter().flat_map(|p| p.to_be_bytes()).collect()
    }

    #[test]
    fn encodes_the_documented_layout() {
        let ints = vec![7i32, -1];
        let bound = ToSql::<Array<Integer>, Pg>::to_sql(&ints).unwrap();
        assert_eq!(bound.oid(), 1007);
        assert_eq!(bound.as_bytes().unwrap(), be(&[1, 0, 23, 2, 1, 4, 7, 4, -1]));

        let opts = vec![Some(1i32), None];
        let with_null = ToSql::<Array<Nullable<Integer>>, Pg>::to_sql(&opts).unwrap();
        assert_eq!(with_null.oid(), 1007);
        assert_eq!(with_null.as_bytes().unwrap(), be(&[1, 1, 23, 2, 1, 4, 1, -1]));

        let none = Vec::<String>::new();
        let empty = ToSql::<Array<Text>, Pg>::to_sql(&none).unwrap();
        assert_eq!(empty.oid(), 1009);
        assert_eq!(empty.as_bytes().unwrap(), be(&[0, 0, 25]));
    }

    #[test]
    fn round_trips() {
        let texts = vec!["a".to_string(), String::new(), "ünï".to_string()];
        let bound = ToSql::<Array<Text>, Pg>::to_sql(texts.as_slice()).unwrap();
        let back = <Vec<String> as FromSql<Array<Text>, Pg>>::from_sql(value(bound.as_bytes().unwrap()));
        assert_eq!(back, Ok(texts));

        let opts = vec![None, Some(3i32), None];
        let bound = ToSql::<Array<Nullable<Integer>>, Pg>::to_sql(&opts).unwrap();
        let back = <Vec<Option<i32>> as FromSql<Array<Nullable<Integer>>, Pg>>::from_sql(value(
            bound.as_bytes().unwrap(),
        ));
        assert_eq!(back, Ok(opts));
    }

    fn load_ints(bytes: &[u8]) -> DResult<Vec<i32>> {
        <Vec<i32> as FromSql<Array<Integer>, Pg>>::from_sql(value(bytes))
    }

    #[test]
    fn non_zero_lower_bounds_are_accepted() {
        // '[0:1]={5,6}'
        assert_eq!(load_ints(&be(&[1, 0, 23, 2, 0, 4, 5, 4, 6])), Ok(vec![5, 6]));
    }

    #[test]
    fn elements_of_another_type_are_wrong_type_errors() {
        // An int8[] holding 7, read as integers.
        let mut bytes = be(&[1, 0, 20, 1, 1, 8]);
        bytes.extend_from_slice(&7i64.to_be_bytes());
        assert_eq!(
            load_ints(&bytes),
            Err(DeserializeErrorKind::WrongType {
                expected: "INTEGER",
                found: "bigint"
            })
        );
    }

    #[test]
    fn null_elements_need_option() {
        let bytes = be(&[1, 1, 23, 2, 1, 4, 1, -1]);
        assert_eq!(load_ints(&bytes), Err(DeserializeErrorKind::UnexpectedNull));
    }

    #[test]
    fn malformed_arrays_are_errors_not_panics() {
        let cases: Vec<(&str, Vec<u8>)> = vec![
            ("empty", vec![]),
            ("short header", be(&[1, 0])),
            ("truncated header", be(&[1, 0, 23, 2])),
            ("two dimensions", be(&[2, 0, 23, 1, 1, 1, 1, 4, 7])),
            ("negative dimensions", be(&[-1, 0, 23])),
            ("bad flags", be(&[1, 7, 23, 1, 1, 4, 7])),
            ("negative length", be(&[1, 0, 23, -3, 1])),
            ("huge length", be(&[1, 0, 23, i32::MAX, 1, 4, 7])),
            ("element past the end", be(&[1, 0, 23, 1, 1, 40, 7])),
            ("bad element length", be(&[1, 0, 23, 1, 1, -2, 7])),
            ("missing element", be(&[1, 0, 23, 2, 1, 4, 7])),
            ("trailing bytes", be(&[1, 0, 23, 1, 1, 4, 7, 0])),
            ("empty with trailing bytes", be(&[0, 0, 23, 1])),
            ("wrong element size", be(&[1, 0, 0, 1, 1, 8, 0, 7])),
        ];
        for (name, bytes) in cases {
            match load_ints(&bytes) {
                Err(DeserializeErrorKind::Malformed(msg)) => assert!(!msg.is_empty(), "{name}"),
                other => panic!("{name}: expected a malformed-value error, got {other:?}"),
            }
        }
        let mut partial = be(&[1, 0, 23, 1, 1, 4]);
        partial.extend_from_slice(&[0, 0]);
        assert!(load_ints(&partial).is_err());
        let mut multi_dim_error = String::new();
        if let Err(DeserializeErrorKind::Malformed(m)) = load_ints(&be(&[2, 0, 23, 1, 1, 1, 1, 4, 7])) {
            multi_dim_error = m;
        }
        assert!(multi_dim_error.contains("one-dimensional"), "{multi_dim_error}");
    }
}
