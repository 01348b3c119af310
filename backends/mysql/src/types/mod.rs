//! Conversions between Rust values and MySQL values.
//!
//! Every reader checks the value against its column's metadata (protocol type, UNSIGNED flag,
//! character set) before converting it: a value of another type is a
//! [`WrongType`](DeserializeErrorKind::WrongType) error, an integer that does not fit the Rust
//! type an [`OutOfRange`](DeserializeErrorKind::OutOfRange) one (never a wrap), invalid UTF-8 an
//! [`InvalidUtf8`](DeserializeErrorKind::InvalidUtf8) one, and malformed contents (a zero date, a
//! DECIMAL that does not parse) a [`Malformed`](DeserializeErrorKind::Malformed) one. Nothing the
//! server sends can make a reader panic.
//!
//! This module holds the helpers the readers share; each concept has a file of its own.

mod binary;
mod custom;
#[cfg(any(feature = "chrono", feature = "time"))]
mod datetime;
#[cfg(feature = "chrono")]
mod datetime_chrono;
#[cfg(feature = "time")]
mod datetime_time;
#[cfg(feature = "rust_decimal")]
mod decimal;
mod floats;
mod integers;
#[cfg(feature = "serde_json")]
mod json;
mod text;

pub(crate) use self::text::text;

use quarry::error::DeserializeErrorKind;

use crate::value::{type_name, MysqlValue};

type DResult<T> = Result<T, DeserializeErrorKind>;

/// The error for a value whose column has another type than the reader expects.
#[cold]
fn wrong_type(expected: &'static str, value: &MysqlValue<'_>) -> DeserializeErrorKind {
    DeserializeErrorKind::WrongType {
        expected,
        found: type_name(value.column),
    }
}

/// The error for a value whose contents could not be read.
#[cold]
fn malformed(message: String) -> DeserializeErrorKind {
    DeserializeErrorKind::Malformed(message)
}

#[cfg(test)]
pub(crate) mod test_support {
    //! Values with made-up metadata, for the readers' unit tests.

    use crate::raw::{MysqlColumn, MysqlColumnFlags, MysqlType, MysqlValueRef, BINARY_CHARSET};
    use crate::value::MysqlValue;

    /// utf8mb4_general_ci.
    pub const UTF8MB4: u32 = 45;

    pub fn column(column_type: MysqlType, flags: u32, charset: u32, decimals: u32) -> MysqlColumn {
        MysqlColumn {
            name: "c".into(),
            org_name: String::new(),
            table: String::new(),
            column_type,
            flags: MysqlColumnFlags(flags),
            charset,
            length: 0,
            decimals,
        }
    }

    pub fn binary_column(column_type: MysqlType) -> MysqlColumn {
        column(column_type, 0, BINARY_CHARSET, 0)
    }

    pub fn value<'a>(value: MysqlValueRef<'a>, column: &'a MysqlColumn) -> MysqlValue<'a> {
        MysqlValue { value, column }
    }
}
