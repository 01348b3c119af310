use quarry::backend::RawValue;
use quarry::DeserializeErrorKind;

use crate::raw::{MysqlColumn, MysqlColumnFlags, MysqlTime, MysqlType, MysqlValueRef, BINARY_CHARSET};

/// A column of the current row, read in place from the statement's result buffers, with the
/// column's metadata (protocol type, flags, character set) that the readers check it against.
#[derive(Debug, Clone, Copy)]
pub struct MysqlValue<'a> {
    pub(crate) value: MysqlValueRef<'a>,
    pub(crate) column: &'a MysqlColumn,
}

/// The metadata of a value whose column does not exist (an index past the row's end): read as
/// NULL.
static NO_COLUMN: MysqlColumn = MysqlColumn {
    name: String::new(),
    org_name: String::new(),
    table: String::new(),
    column_type: MysqlType::Null,
    flags: MysqlColumnFlags(0),
    charset: BINARY_CHARSET,
    length: 0,
    decimals: 0,
};

impl<'a> MysqlValue<'a> {
    /// The value at `idx` of a row with these `columns` (NULL when out of range).
    pub(crate) fn new(value: Option<MysqlValueRef<'a>>, column: Option<&'a MysqlColumn>) -> Self {
        match (value, column) {
            (Some(value), Some(column)) => Self { value, column },
            _ => Self {
                value: MysqlValueRef::Null,
                column: &NO_COLUMN,
            },
        }
    }

    /// The value as the raw layer decoded it (integers widened to 64 bits, temporal values as
    /// [`MysqlTime`], everything else as bytes).
    pub fn value(&self) -> MysqlValueRef<'a> {
        self.value
    }

    /// The column's metadata.
    pub fn column(&self) -> &'a MysqlColumn {
        self.column
    }

    /// The column's protocol type.
    pub fn mysql_type(&self) -> MysqlType {
        self.column.column_type
    }

    /// The bytes of a text, blob, DECIMAL, JSON, BIT, ENUM or SET value, in place.
    pub fn as_bytes(&self) -> Option<&'a [u8]> {
        self.value.as_bytes()
    }

    /// The date or time of a DATE, TIME, DATETIME or TIMESTAMP value.
    pub fn as_time(&self) -> Option<MysqlTime> {
        match self.value {
            MysqlValueRef::Time(t) => Some(t),
            _ => None,
        }
    }

    /// The text of a text column (not a binary one), borrowed from the row's buffer without a
    /// copy; valid until the cursor moves. Another type is a `WrongType` error, invalid UTF-8
    /// an `InvalidUtf8` one.
    pub fn as_str(&self) -> Result<&'a str, DeserializeErrorKind> {
        crate::types::text(self, "TEXT")
    }

    /// Whether the column holds text rather than bytes or numbers: a string, blob, ENUM, SET
    /// or JSON type with a character set other than `binary`.
    pub fn is_text(&self) -> bool {
        match self.column.column_type {
            MysqlType::Json | MysqlType::Enum | MysqlType::Set => true,
            MysqlType::TinyBlob
            | MysqlType::MediumBlob
            | MysqlType::LongBlob
            | MysqlType::Blob
            | MysqlType::VarString
            | MysqlType::VarChar
            | MysqlType::String => !self.column.is_binary(),
            _ => false,
        }
    }
}

impl RawValue for MysqlValue<'_> {
    #[inline]
    fn is_null(&self) -> bool {
        self.value.is_null()
    }
}

/// A readable name of a column's type, for error messages.
pub(crate) fn type_name(column: &MysqlColumn) -> &'static str {
    let binary = column.is_binary();
    match column.column_type {
        MysqlType::Tiny => "TINYINT",
        MysqlType::Short => "SMALLINT",
        MysqlType::Int24 => "MEDIUMINT",
        MysqlType::Long => "INT",
        MysqlType::LongLong => "BIGINT",
        MysqlType::Float => "FLOAT",
        MysqlType::Double => "DOUBLE",
        MysqlType::Decimal | MysqlType::NewDecimal => "DECIMAL",
        MysqlType::Null => "NULL",
        MysqlType::Timestamp | MysqlType::Timestamp2 => "TIMESTAMP",
        MysqlType::Date | MysqlType::NewDate => "DATE",
        MysqlType::Time | MysqlType::Time2 => "TIME",
        MysqlType::DateTime | MysqlType::DateTime2 => "DATETIME",
        MysqlType::Year => "YEAR",
        MysqlType::Bit => "BIT",
        MysqlType::Json => "JSON",
        MysqlType::Enum => "ENUM",
        MysqlType::Set => "SET",
        MysqlType::String if column.flags.contains(MysqlColumnFlags::ENUM) => "ENUM",
        MysqlType::String if column.flags.contains(MysqlColumnFlags::SET) => "SET",
        MysqlType::TinyBlob | MysqlType::MediumBlob | MysqlType::LongBlob | MysqlType::Blob => {
            if binary {
                "BLOB"
            } else {
                "TEXT"
            }
        }
        MysqlType::VarString | MysqlType::VarChar => {
            if binary {
                "VARBINARY"
            } else {
                "VARCHAR"
            }
        }
        MysqlType::String => {
            if binary {
                "BINARY"
            } else {
                "CHAR"
            }
        }
        MysqlType::Geometry => "GEOMETRY",
        MysqlType::Unknown(_) => "an unknown type",
    }
}
