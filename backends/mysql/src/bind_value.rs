use std::borrow::Cow;

use crate::raw::{MysqlParam, MysqlTime};

/// A value bound to a parameter of a MySQL prepared statement.
///
/// Numbers, dates and times are held inline; text and bytes borrow from the query (bound
/// without a copy); values that had to be encoded (decimals, JSON) are owned. Each variant is
/// sent with its own protocol type, so the server knows the parameter's type.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum MysqlBindValue<'a> {
    /// SQL NULL.
    Null,
    /// A `TINYINT` (booleans are sent as 0 or 1).
    TinyInt(i8),
    /// A `SMALLINT`.
    SmallInt(i16),
    /// An `INT`.
    Int(i32),
    /// A `BIGINT`.
    BigInt(i64),
    /// A `BIGINT UNSIGNED`.
    UnsignedBigInt(u64),
    /// A `FLOAT`.
    Float(f32),
    /// A `DOUBLE`.
    Double(f64),
    /// Text (utf8mb4), borrowed from the query.
    Text(&'a str),
    /// Text encoded for this execution (JSON).
    OwnedText(String),
    /// Bytes, borrowed from the query.
    Bytes(&'a [u8]),
    /// A `DECIMAL`, as its exact decimal text (`-12.50`).
    Decimal(String),
    /// A `DATE`, `TIME` or `DATETIME` (by its kind).
    Time(MysqlTime),
}

impl MysqlBindValue<'_> {
    /// The raw layer's parameter for this value, borrowing its text and bytes.
    pub(crate) fn to_param(&self) -> MysqlParam<'_> {
        match self {
            Self::Null => MysqlParam::Null,
            Self::TinyInt(v) => MysqlParam::I8(*v),
            Self::SmallInt(v) => MysqlParam::I16(*v),
            Self::Int(v) => MysqlParam::I32(*v),
            Self::BigInt(v) => MysqlParam::I64(*v),
            Self::UnsignedBigInt(v) => MysqlParam::U64(*v),
            Self::Float(v) => MysqlParam::F32(*v),
            Self::Double(v) => MysqlParam::F64(*v),
            Self::Text(v) => MysqlParam::Text(Cow::Borrowed(v)),
            Self::OwnedText(v) => MysqlParam::Text(Cow::Borrowed(v)),
            Self::Bytes(v) => MysqlParam::Bytes(Cow::Borrowed(v)),
            Self::Decimal(v) => MysqlParam::Decimal(Cow::Borrowed(v)),
            Self::Time(v) => MysqlParam::Time(*v),
        }
    }
}
