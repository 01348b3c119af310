//! Result column metadata (`MYSQL_FIELD`): names, types, flags and character sets.

use std::ffi::c_char;
use std::ptr;

use mysqlclient_sys::{enum_field_types, mysql_fetch_fields, mysql_num_fields, MYSQL_FIELD, MYSQL_RES};

// The column type is read from `MYSQL_FIELD` as a plain `u32`: the server chooses that number, so
// it may be one the Rust enum has no variant for.
const _: () = assert!(std::mem::size_of::<enum_field_types>() == std::mem::size_of::<u32>());

/// The collation number of the `binary` character set (`BLOB`, `BINARY`, `VARBINARY` columns).
pub const BINARY_CHARSET: u32 = 63;

/// A column type of the protocol (`enum_field_types`).
///
/// `TEXT` and `BLOB` columns both report one of the blob types, and `CHAR` / `BINARY` both
/// report [`MysqlType::String`]: tell them apart with [`MysqlColumn::is_binary`]. `BOOLEAN` is
/// `TINYINT(1)` ([`MysqlType::Tiny`]); MariaDB reports `JSON` as a blob with a utf8mb4 charset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MysqlType {
    /// `MYSQL_TYPE_DECIMAL` (old-style DECIMAL).
    Decimal,
    /// `TINYINT` (1 byte).
    Tiny,
    /// `SMALLINT` (2 bytes).
    Short,
    /// `INT` (4 bytes).
    Long,
    /// `FLOAT` (4 bytes).
    Float,
    /// `DOUBLE` (8 bytes).
    Double,
    /// The type of a `NULL` literal.
    Null,
    /// `TIMESTAMP`.
    Timestamp,
    /// `BIGINT` (8 bytes).
    LongLong,
    /// `MEDIUMINT` (3 bytes, carried as 4).
    Int24,
    /// `DATE`.
    Date,
    /// `TIME`.
    Time,
    /// `DATETIME`.
    DateTime,
    /// `YEAR` (carried as 2 bytes).
    Year,
    /// `MYSQL_TYPE_NEWDATE` (internal to the server).
    NewDate,
    /// `MYSQL_TYPE_VARCHAR` (internal to the server; `VARCHAR` columns report `VarString`).
    VarChar,
    /// `BIT(n)`, as big-endian bytes.
    Bit,
    /// `MYSQL_TYPE_TIMESTAMP2` (internal to the server).
    Timestamp2,
    /// `MYSQL_TYPE_DATETIME2` (internal to the server).
    DateTime2,
    /// `MYSQL_TYPE_TIME2` (internal to the server).
    Time2,
    /// `JSON` (MySQL).
    Json,
    /// `DECIMAL` / `NUMERIC`, as text.
    NewDecimal,
    /// `ENUM` (usually reported as `String` with the ENUM flag).
    Enum,
    /// `SET` (usually reported as `String` with the SET flag).
    Set,
    /// `TINYBLOB` / `TINYTEXT`.
    TinyBlob,
    /// `MEDIUMBLOB` / `MEDIUMTEXT`.
    MediumBlob,
    /// `LONGBLOB` / `LONGTEXT`.
    LongBlob,
    /// `BLOB` / `TEXT`.
    Blob,
    /// `VARCHAR` / `VARBINARY`.
    VarString,
    /// `CHAR` / `BINARY` (and `ENUM` / `SET`).
    String,
    /// Spatial types.
    Geometry,
    /// A type number this crate does not know (a newer server's type).
    Unknown(u32),
}

impl MysqlType {
    /// The type with this protocol number.
    pub fn from_raw(raw: u32) -> Self {
        match raw {
            0 => Self::Decimal,
            1 => Self::Tiny,
            2 => Self::Short,
            3 => Self::Long,
            4 => Self::Float,
            5 => Self::Double,
            6 => Self::Null,
            7 => Self::Timestamp,
            8 => Self::LongLong,
            9 => Self::Int24,
            10 => Self::Date,
            11 => Self::Time,
            12 => Self::DateTime,
            13 => Self::Year,
            14 => Self::NewDate,
            15 => Self::VarChar,
            16 => Self::Bit,
            17 => Self::Timestamp2,
            18 => Self::DateTime2,
            19 => Self::Time2,
            245 => Self::Json,
            246 => Self::NewDecimal,
            247 => Self::Enum,
            248 => Self::Set,
            249 => Self::TinyBlob,
            250 => Self::MediumBlob,
            251 => Self::LongBlob,
            252 => Self::Blob,
            253 => Self::VarString,
            254 => Self::String,
            255 => Self::Geometry,
            other => Self::Unknown(other),
        }
    }

    /// The protocol number of this type.
    pub fn raw(self) -> u32 {
        match self {
            Self::Decimal => 0,
            Self::Tiny => 1,
            Self::Short => 2,
            Self::Long => 3,
            Self::Float => 4,
            Self::Double => 5,
            Self::Null => 6,
            Self::Timestamp => 7,
            Self::LongLong => 8,
            Self::Int24 => 9,
            Self::Date => 10,
            Self::Time => 11,
            Self::DateTime => 12,
            Self::Year => 13,
            Self::NewDate => 14,
            Self::VarChar => 15,
            Self::Bit => 16,
            Self::Timestamp2 => 17,
            Self::DateTime2 => 18,
            Self::Time2 => 19,
            Self::Json => 245,
            Self::NewDecimal => 246,
            Self::Enum => 247,
            Self::Set => 248,
            Self::TinyBlob => 249,
            Self::MediumBlob => 250,
            Self::LongBlob => 251,
            Self::Blob => 252,
            Self::VarString => 253,
            Self::String => 254,
            Self::Geometry => 255,
            Self::Unknown(raw) => raw,
        }
    }

    /// Whether the client library can decode a binary-protocol value of this type. It has no
    /// decoder for the server-internal `*2` types nor for unknown numbers (it would call a null
    /// function), so such a result is refused before the first fetch.
    pub(super) fn is_decodable(self) -> bool {
        !matches!(
            self,
            Self::Timestamp2 | Self::DateTime2 | Self::Time2 | Self::Unknown(_)
        )
    }
}

/// The flags of a column (`MYSQL_FIELD.flags`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct MysqlColumnFlags(pub u32);

impl MysqlColumnFlags {
    /// `NOT_NULL_FLAG`.
    pub const NOT_NULL: u32 = 1;
    /// `PRI_KEY_FLAG`.
    pub const PRIMARY_KEY: u32 = 2;
    /// `UNIQUE_KEY_FLAG`.
    pub const UNIQUE_KEY: u32 = 4;
    /// `MULTIPLE_KEY_FLAG`.
    pub const MULTIPLE_KEY: u32 = 8;
    /// `BLOB_FLAG`.
    pub const BLOB: u32 = 16;
    /// `UNSIGNED_FLAG`.
    pub const UNSIGNED: u32 = 32;
    /// `ZEROFILL_FLAG`.
    pub const ZEROFILL: u32 = 64;
    /// `BINARY_FLAG` (also set for binary collations of text, e.g. `utf8mb4_bin`: use
    /// [`MysqlColumn::is_binary`] to tell bytes from text).
    pub const BINARY: u32 = 128;
    /// `ENUM_FLAG`.
    pub const ENUM: u32 = 256;
    /// `AUTO_INCREMENT_FLAG`.
    pub const AUTO_INCREMENT: u32 = 512;
    /// `TIMESTAMP_FLAG`.
    pub const TIMESTAMP: u32 = 1024;
    /// `SET_FLAG`.
    pub const SET: u32 = 2048;
    /// `NUM_FLAG`.
    pub const NUM: u32 = 32768;

    /// Whether all of `flags` are set.
    pub fn contains(self, flags: u32) -> bool {
        self.0 & flags == flags
    }

    /// `NOT_NULL_FLAG`.
    pub fn is_not_null(self) -> bool {
        self.contains(Self::NOT_NULL)
    }

    /// `UNSIGNED_FLAG`.
    pub fn is_unsigned(self) -> bool {
        self.contains(Self::UNSIGNED)
    }

    /// `BINARY_FLAG`.
    pub fn is_binary(self) -> bool {
        self.contains(Self::BINARY)
    }
}

/// The metadata of one result column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MysqlColumn {
    /// The column's name or alias (lossily decoded).
    pub name: String,
    /// The name of the underlying table column (empty for expressions).
    pub org_name: String,
    /// The table name or alias (empty for expressions).
    pub table: String,
    /// The protocol type.
    pub column_type: MysqlType,
    /// The flags (UNSIGNED, NOT NULL, BINARY, ...).
    pub flags: MysqlColumnFlags,
    /// The collation number (`charsetnr`): 63 is `binary`, e.g. 45 `utf8mb4_general_ci`.
    pub charset: u32,
    /// The display length in bytes from the metadata (e.g. 1020 for `VARCHAR(255)` in utf8mb4,
    /// 4294967295 for `LONGTEXT`); a value can be shorter, never longer.
    pub length: u64,
    /// The number of decimals (scale) for numeric and fractional-second types.
    pub decimals: u32,
}

impl MysqlColumn {
    /// Whether the column holds bytes rather than text: its collation is `binary` (63). For
    /// integer, float and date columns it is true as well, and means nothing.
    pub fn is_binary(&self) -> bool {
        self.charset == BINARY_CHARSET
    }

    /// Whether the column is an unsigned integer (`UNSIGNED_FLAG`).
    pub fn is_unsigned(&self) -> bool {
        self.flags.is_unsigned()
    }

    /// Whether the column is declared `NOT NULL` (`NOT_NULL_FLAG`).
    pub fn is_not_null(&self) -> bool {
        self.flags.is_not_null()
    }
}

/// The raw fields of one column, read through a raw pointer.
struct RawField {
    name: *const c_char,
    name_length: u32,
    org_name: *const c_char,
    org_name_length: u32,
    table: *const c_char,
    table_length: u32,
    column_type: u32,
    flags: u32,
    charset: u32,
    length: u64,
    decimals: u32,
}

impl RawField {
    /// # Safety
    ///
    /// `field` must point to a valid `MYSQL_FIELD` of a live result.
    // `c_ulong` is 32 bits on some targets: the conversion is not useless there.
    #[allow(clippy::useless_conversion)]
    unsafe fn read(field: *const MYSQL_FIELD) -> Self {
        // SAFETY: the caller guarantees a valid MYSQL_FIELD. Every field is read on its own
        // through the raw pointer; `type_` is read as the `u32` it is stored as (size checked at
        // compile time above), so a number the Rust enum does not list is not undefined
        // behaviour.
        unsafe {
            Self {
                name: (*field).name,
                name_length: (*field).name_length,
                org_name: (*field).org_name,
                org_name_length: (*field).org_name_length,
                table: (*field).table,
                table_length: (*field).table_length,
                column_type: ptr::addr_of!((*field).type_).cast::<u32>().read(),
                flags: (*field).flags,
                charset: (*field).charsetnr,
                length: u64::from((*field).length),
                decimals: (*field).decimals,
            }
        }
    }

    /// The name bytes (empty for a null pointer).
    ///
    /// # Safety
    ///
    /// The pointers must still point into the live result they were read from.
    unsafe fn name_bytes(&self) -> &[u8] {
        // SAFETY: forwarded to the caller.
        unsafe { counted_bytes(self.name, self.name_length) }
    }

    /// # Safety
    ///
    /// The pointers must still point into the live result they were read from.
    unsafe fn to_column(&self) -> MysqlColumn {
        // SAFETY: forwarded to the caller.
        let (name, org_name, table) = unsafe {
            (
                counted_bytes(self.name, self.name_length),
                counted_bytes(self.org_name, self.org_name_length),
                counted_bytes(self.table, self.table_length),
            )
        };
        MysqlColumn {
            name: String::from_utf8_lossy(name).into_owned(),
            org_name: String::from_utf8_lossy(org_name).into_owned(),
            table: String::from_utf8_lossy(table).into_owned(),
            column_type: MysqlType::from_raw(self.column_type),
            flags: MysqlColumnFlags(self.flags),
            charset: self.charset,
            length: self.length,
            decimals: self.decimals,
        }
    }
}

/// `len` bytes at `ptr`, or nothing for a null pointer.
///
/// # Safety
///
/// A non-null `ptr` must point to at least `len` readable bytes that outlive the returned slice.
unsafe fn counted_bytes<'a>(ptr: *const c_char, len: u32) -> &'a [u8] {
    let Ok(len) = usize::try_from(len) else {
        return &[];
    };
    if ptr.is_null() || len == 0 {
        return &[];
    }
    // SAFETY: the caller guarantees `len` readable bytes at the non-null `ptr`.
    unsafe { std::slice::from_raw_parts(ptr.cast::<u8>(), len) }
}

/// The fields of a result: pointer and count, or nothing.
///
/// # Safety
///
/// `res` must be a live result set.
unsafe fn fields(res: *mut MYSQL_RES) -> impl Iterator<Item = *const MYSQL_FIELD> {
    // SAFETY: the caller guarantees a live result.
    let (count, base) = unsafe { (mysql_num_fields(res), mysql_fetch_fields(res)) };
    let count = if base.is_null() {
        0
    } else {
        usize::try_from(count).unwrap_or(0)
    };
    // `wrapping_add` keeps the pointer arithmetic itself safe; only indices below `count` are
    // produced, and those are inside the array of `count` fields the library returned.
    (0..count).map(move |i| base.cast_const().wrapping_add(i))
}

/// Copies the column metadata of a result set.
///
/// # Safety
///
/// `res` must be a live result set (from `mysql_stmt_result_metadata` or `mysql_store_result`).
pub(super) unsafe fn read_columns(res: *mut MYSQL_RES) -> Vec<MysqlColumn> {
    // SAFETY: `res` is live; each field pointer is inside its field array, and the strings they
    // point to live as long as the result, which outlives this function.
    unsafe { fields(res).map(|f| RawField::read(f).to_column()).collect() }
}

/// Whether a result set's columns are exactly `columns` (names, types, flags, charsets,
/// lengths, decimals), without allocating.
///
/// # Safety
///
/// `res` must be a live result set.
pub(super) unsafe fn columns_match(res: *mut MYSQL_RES, columns: &[MysqlColumn]) -> bool {
    // SAFETY: `res` is live, so its field count and array are valid.
    let count = unsafe { fields(res).count() };
    if count != columns.len() {
        return false;
    }
    // SAFETY: as in `read_columns`.
    unsafe { fields(res) }.zip(columns).all(|(field, column)| {
        // SAFETY: `field` points into the live result's field array.
        let raw = unsafe { RawField::read(field) };
        // SAFETY: the name pointer points into the live result.
        let name = unsafe { raw.name_bytes() };
        name == column.name.as_bytes()
            && raw.column_type == column.column_type.raw()
            && raw.flags == column.flags.0
            && raw.charset == column.charset
            && raw.length == column.length
            && raw.decimals == column.decimals
    })
}
