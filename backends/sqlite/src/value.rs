use quarry::backend::RawValue;

use crate::raw::{ColumnType, ColumnValue, StatementUse};

/// A column of the current row, read in place from SQLite's buffers.
#[derive(Debug, Clone, Copy)]
pub struct SqliteValue<'a> {
    // The column's value object, looked up once (`None` only if SQLite gave none, read as NULL).
    value: Option<ColumnValue<'a>>,
    // Read once: every accessor below dispatches on it instead of asking SQLite again.
    ty: ColumnType,
}

impl<'a> SqliteValue<'a> {
    #[inline]
    pub(crate) fn new(stmt: &'a StatementUse<'a, 'a>, idx: usize) -> Self {
        let value = stmt.column_value(idx);
        let ty = value.map_or(ColumnType::Null, |v| v.column_type());
        Self { value, ty }
    }

    /// The value's storage class.
    #[inline]
    pub fn storage(&self) -> ColumnType {
        self.ty
    }

    /// The value as an integer (SQLite's conversion rules apply).
    #[inline]
    pub fn as_i64(&self) -> i64 {
        self.value.map_or(0, |v| v.i64())
    }

    /// The value as a float.
    #[inline]
    pub fn as_f64(&self) -> f64 {
        self.value.map_or(0.0, |v| v.f64())
    }

    /// The value's text bytes, in place (not yet checked for UTF-8).
    #[inline]
    pub fn text_bytes(&self) -> &'a [u8] {
        self.value.map_or(&[], |v| v.bytes(self.ty))
    }

    /// The value's blob bytes, in place.
    #[inline]
    pub fn blob(&self) -> &'a [u8] {
        self.value.map_or(&[], |v| v.bytes(self.ty))
    }
}

impl<'a> SqliteValue<'a> {
    /// The TEXT value borrowed from SQLite's buffer, without a copy; valid until the cursor
    /// moves to the next row. NULL, other storage classes and invalid UTF-8 are errors.
    pub fn as_str(&self) -> Result<&'a str, quarry::DeserializeErrorKind> {
        match self.ty {
            ColumnType::Text => {
                std::str::from_utf8(self.text_bytes()).map_err(|_| quarry::DeserializeErrorKind::InvalidUtf8)
            }
            ColumnType::Null => Err(quarry::DeserializeErrorKind::UnexpectedNull),
            other => Err(quarry::DeserializeErrorKind::WrongType {
                expected: "TEXT",
                found: storage_name(other),
            }),
        }
    }

    /// The BLOB value borrowed from SQLite's buffer, without a copy.
    pub fn as_bytes(&self) -> Result<&'a [u8], quarry::DeserializeErrorKind> {
        match self.ty {
            ColumnType::Blob => Ok(self.blob()),
            ColumnType::Null => Err(quarry::DeserializeErrorKind::UnexpectedNull),
            other => Err(quarry::DeserializeErrorKind::WrongType {
                expected: "BLOB",
                found: storage_name(other),
            }),
        }
    }
}

impl RawValue for SqliteValue<'_> {
    #[inline]
    fn is_null(&self) -> bool {
        self.ty == ColumnType::Null
    }
}

/// A readable name of a storage class, for error messages.
pub(crate) fn storage_name(t: ColumnType) -> &'static str {
    match t {
        ColumnType::Integer => "INTEGER",
        ColumnType::Float => "REAL",
        ColumnType::Text => "TEXT",
        ColumnType::Blob => "BLOB",
        ColumnType::Null => "NULL",
    }
}
