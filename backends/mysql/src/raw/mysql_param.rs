//! Statement parameters and their `MYSQL_BIND` array.

use std::borrow::Cow;
use std::ffi::{c_ulong, c_void};
use std::marker::PhantomData;
use std::mem::{offset_of, size_of};
use std::ptr;

use mysqlclient_sys::enum_field_types::{
    MYSQL_TYPE_BLOB, MYSQL_TYPE_DOUBLE, MYSQL_TYPE_FLOAT, MYSQL_TYPE_LONG, MYSQL_TYPE_LONGLONG,
    MYSQL_TYPE_NEWDECIMAL, MYSQL_TYPE_NULL, MYSQL_TYPE_SHORT, MYSQL_TYPE_STRING, MYSQL_TYPE_TINY,
};
use mysqlclient_sys::{enum_field_types, MYSQL_BIND, MYSQL_TIME};

use super::mysql_error::MysqlError;
use super::mysql_time::MysqlTime;

/// Readable bytes to point at for an empty string or blob: the C API copies `length` bytes from
/// `buffer`, and an empty slice's own pointer may be dangling.
static EMPTY_VALUE: [u8; 1] = [0];

/// A parameter value for [`MysqlStatement::execute`](super::MysqlStatement::execute), owned or
/// borrowed.
///
/// Each variant is sent with its own C API buffer type, so the server knows its type (e.g.
/// `SELECT ?` with [`MysqlParam::U64`] is a `BIGINT UNSIGNED`).
#[derive(Debug, Clone, PartialEq)]
pub enum MysqlParam<'a> {
    /// SQL NULL (`MYSQL_TYPE_NULL`).
    Null,
    /// `TINYINT` (`MYSQL_TYPE_TINY`).
    I8(i8),
    /// `SMALLINT` (`MYSQL_TYPE_SHORT`).
    I16(i16),
    /// `INT` (`MYSQL_TYPE_LONG`).
    I32(i32),
    /// `BIGINT` (`MYSQL_TYPE_LONGLONG`).
    I64(i64),
    /// `TINYINT UNSIGNED` (`MYSQL_TYPE_TINY`, `is_unsigned`).
    U8(u8),
    /// `SMALLINT UNSIGNED` (`MYSQL_TYPE_SHORT`, `is_unsigned`).
    U16(u16),
    /// `INT UNSIGNED` (`MYSQL_TYPE_LONG`, `is_unsigned`).
    U32(u32),
    /// `BIGINT UNSIGNED` (`MYSQL_TYPE_LONGLONG`, `is_unsigned`).
    U64(u64),
    /// `FLOAT` (`MYSQL_TYPE_FLOAT`).
    F32(f32),
    /// `DOUBLE` (`MYSQL_TYPE_DOUBLE`).
    F64(f64),
    /// Text in the connection's character set, utf8mb4 (`MYSQL_TYPE_STRING`).
    Text(Cow<'a, str>),
    /// Bytes (`MYSQL_TYPE_BLOB`).
    Bytes(Cow<'a, [u8]>),
    /// A decimal number as text, e.g. `"-12.50"` (`MYSQL_TYPE_NEWDECIMAL`).
    Decimal(Cow<'a, str>),
    /// A `DATE`, `TIME` or `DATETIME` by the value's [`kind`](MysqlTime::kind)
    /// (`MYSQL_TYPE_DATE` / `_TIME` / `_DATETIME`).
    Time(MysqlTime),
}

/// Storage for one fixed-size parameter value: the C API reads numbers and `MYSQL_TIME`s through
/// `MYSQL_BIND.buffer`, so they need an address that stays put until the statement has run.
#[repr(C)]
struct ParamSlot {
    /// A number's native-endian bytes, at the start; 8-byte aligned like every C integer and
    /// float the library may read from it.
    number: u64,
    time: MYSQL_TIME,
}

/// A `MYSQL_BIND` array for a list of parameters, with the storage it points to.
///
/// The binds point into `slots` (a vector that is neither resized nor touched after the
/// pointers are taken, so its elements stay put when this value moves) and into the borrowed
/// parameters' bytes (`'p`), so the array is valid for as long as this value lives.
pub(super) struct BoundParams<'p> {
    binds: Vec<MYSQL_BIND>,
    /// Only read by the C API, through the pointers in `binds`.
    _slots: Vec<ParamSlot>,
    _params: PhantomData<&'p [u8]>,
}

impl<'p> BoundParams<'p> {
    /// Lays out `params` as `MYSQL_BIND`s. A string or blob longer than the C API's length
    /// type can hold is a [`Client`](super::MysqlErrorKind::Client) error.
    pub(super) fn new(params: &'p [MysqlParam<'p>]) -> Result<Self, MysqlError> {
        let mut slots: Vec<ParamSlot> = params
            .iter()
            .map(|param| {
                let mut slot = ParamSlot {
                    number: 0,
                    // SAFETY: MYSQL_TIME is a plain C struct of integers, a `my_bool` and a C enum
                    // with a variant 0; all-zero bytes are a valid value.
                    time: unsafe { std::mem::zeroed() },
                };
                let number = |bytes: &[u8]| {
                    let mut all = [0u8; 8];
                    if let Some(prefix) = all.get_mut(..bytes.len()) {
                        prefix.copy_from_slice(bytes);
                    }
                    u64::from_ne_bytes(all)
                };
                // The value's own native-endian bytes at the start of `number`: the C API reads
                // exactly the first 1, 2, 4 or 8 bytes as the C type of the buffer type.
                slot.number = match param {
                    MysqlParam::I8(v) => number(&v.to_ne_bytes()),
                    MysqlParam::I16(v) => number(&v.to_ne_bytes()),
                    MysqlParam::I32(v) => number(&v.to_ne_bytes()),
                    MysqlParam::I64(v) => number(&v.to_ne_bytes()),
                    MysqlParam::U8(v) => number(&v.to_ne_bytes()),
                    MysqlParam::U16(v) => number(&v.to_ne_bytes()),
                    MysqlParam::U32(v) => number(&v.to_ne_bytes()),
                    MysqlParam::U64(v) => number(&v.to_ne_bytes()),
                    MysqlParam::F32(v) => number(&v.to_ne_bytes()),
                    MysqlParam::F64(v) => number(&v.to_ne_bytes()),
                    _ => 0,
                };
                if let MysqlParam::Time(t) = param {
                    slot.time = t.to_ffi();
                }
                slot
            })
            .collect();

        // From here on `slots` is only reached through pointers derived from this one.
        let base = slots.as_mut_ptr();
        let mut binds = Vec::with_capacity(params.len());
        for (i, param) in params.iter().enumerate() {
            // Pointer arithmetic only (no dereference): `i` is below `slots.len()`, so both field
            // addresses are inside the slot.
            let slot = base.wrapping_add(i).cast::<u8>();
            let number_ptr = slot.wrapping_add(offset_of!(ParamSlot, number)).cast::<c_void>();
            let time_ptr = slot.wrapping_add(offset_of!(ParamSlot, time)).cast::<c_void>();
            // SAFETY: MYSQL_BIND is a plain C struct of pointers (null is valid), integers,
            // `my_bool`s, optional function pointers (all-zero is `None`), a union of pointers and
            // a C enum with a variant 0: all-zero bytes are a valid value, and the C API expects
            // unused fields to be zero.
            let mut bind: MYSQL_BIND = unsafe { std::mem::zeroed() };
            let (buffer_type, buffer, length, unsigned): (enum_field_types, *mut c_void, usize, bool) =
                match param {
                    MysqlParam::Null => (MYSQL_TYPE_NULL, ptr::null_mut(), 0, false),
                    MysqlParam::I8(_) => (MYSQL_TYPE_TINY, number_ptr, 1, false),
                    MysqlParam::I16(_) => (MYSQL_TYPE_SHORT, number_ptr, 2, false),
                    MysqlParam::I32(_) => (MYSQL_TYPE_LONG, number_ptr, 4, false),
                    MysqlParam::I64(_) => (MYSQL_TYPE_LONGLONG, number_ptr, 8, false),
                    MysqlParam::U8(_) => (MYSQL_TYPE_TINY, number_ptr, 1, true),
                    MysqlParam::U16(_) => (MYSQL_TYPE_SHORT, number_ptr, 2, true),
                    MysqlParam::U32(_) => (MYSQL_TYPE_LONG, number_ptr, 4, true),
                    MysqlParam::U64(_) => (MYSQL_TYPE_LONGLONG, number_ptr, 8, true),
                    MysqlParam::F32(_) => (MYSQL_TYPE_FLOAT, number_ptr, 4, false),
                    MysqlParam::F64(_) => (MYSQL_TYPE_DOUBLE, number_ptr, 8, false),
                    MysqlParam::Text(text) => bytes_buffer(MYSQL_TYPE_STRING, text.as_bytes()),
                    MysqlParam::Decimal(text) => bytes_buffer(MYSQL_TYPE_NEWDECIMAL, text.as_bytes()),
                    MysqlParam::Bytes(bytes) => bytes_buffer(MYSQL_TYPE_BLOB, bytes),
                    MysqlParam::Time(t) => (t.field_type(), time_ptr, size_of::<MYSQL_TIME>(), false),
                };
            bind.buffer_type = buffer_type;
            bind.buffer = buffer;
            // With `length` left null, the C API reads the value's length from `buffer_length`.
            bind.buffer_length = c_ulong::try_from(length).map_err(|_| {
                MysqlError::client(format!(
                    "parameter {} is {length} bytes long, over the C API's limit of {}",
                    i + 1,
                    c_ulong::MAX
                ))
            })?;
            bind.is_unsigned = if unsigned {
                mysqlclient_sys::TRUE
            } else {
                mysqlclient_sys::FALSE
            };
            binds.push(bind);
        }
        Ok(Self {
            binds,
            _slots: slots,
            _params: PhantomData,
        })
    }

    /// The bind array for `mysql_stmt_bind_param` (which copies it; the pointers inside must stay
    /// valid until `mysql_stmt_execute` has returned).
    pub(super) fn as_mut_ptr(&mut self) -> *mut MYSQL_BIND {
        self.binds.as_mut_ptr()
    }
}

/// The buffer fields for a string-like value: its bytes (or a readable dummy when empty).
fn bytes_buffer(buffer_type: enum_field_types, bytes: &[u8]) -> (enum_field_types, *mut c_void, usize, bool) {
    let data = if bytes.is_empty() {
        EMPTY_VALUE.as_slice()
    } else {
        bytes
    };
    // The C API's parameter buffer is `void *` but only read for input parameters.
    (
        buffer_type,
        data.as_ptr().cast_mut().cast::<c_void>(),
        bytes.len(),
        false,
    )
}
