//! The bound result buffers of a prepared statement: one buffer per column, which
//! `mysql_stmt_fetch` fills in place (`mysql_stmt_bind_result`).

use std::ffi::{c_ulong, c_void};
use std::fmt;
use std::mem::{offset_of, size_of};

use mysqlclient_sys::enum_field_types::{
    MYSQL_TYPE_BLOB, MYSQL_TYPE_DATE, MYSQL_TYPE_DATETIME, MYSQL_TYPE_DOUBLE, MYSQL_TYPE_FLOAT,
    MYSQL_TYPE_LONG, MYSQL_TYPE_LONGLONG, MYSQL_TYPE_SHORT, MYSQL_TYPE_TIME, MYSQL_TYPE_TINY,
};
use mysqlclient_sys::{enum_field_types, my_bool, MYSQL_BIND, MYSQL_TIME};

use super::mysql_column::{MysqlColumn, MysqlType};
use super::mysql_error::MysqlError;
use super::mysql_rows::MysqlValueRef;
use super::mysql_time::{MysqlTime, MysqlTimeKind};

/// Byte columns whose metadata length is at most this get a buffer of that length up front.
const DIRECT_SIZE_LIMIT: u64 = 1024;
/// The first buffer of a longer byte column (`TEXT`, `BLOB`, long `VARCHAR`): values that do
/// not fit are fetched again, in full, into a bigger buffer.
const LONG_INITIAL_SIZE: usize = 256;
/// The smallest byte buffer.
const MIN_BYTES_SIZE: usize = 16;
/// A byte buffer that grew beyond this is shrunk back when the statement runs again, so one
/// huge value does not pin its memory for the statement's life.
pub(super) const RETAIN_LIMIT: usize = 1 << 20;

/// How a column is bound and how its buffer is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum SlotKind {
    /// An integer of `width` bytes (1, 2, 4 or 8).
    Int { width: usize, unsigned: bool },
    /// A 4-byte float.
    Float,
    /// An 8-byte float.
    Double,
    /// A `MYSQL_TIME`.
    Time(MysqlTimeKind),
    /// Bytes, as sent (text, blobs, decimals, JSON, BIT, ENUM, SET, spatial).
    Bytes,
}

/// A heap buffer of whole `u64` words: 8-byte aligned, as every C integer, float and
/// `MYSQL_TIME` the library may store in it needs; zero-initialised.
pub(super) struct AlignedBuffer {
    words: Vec<u64>,
}

impl AlignedBuffer {
    /// A buffer of at least `bytes` bytes (at least one word). Running out of memory is a
    /// [`Client`](super::MysqlErrorKind::Client) error rather than an abort.
    pub(super) fn new(bytes: usize) -> Result<Self, MysqlError> {
        let words = bytes.div_ceil(8).max(1);
        let mut buffer = Vec::new();
        buffer.try_reserve_exact(words).map_err(|_| {
            MysqlError::client(format!("out of memory allocating a {bytes}-byte result buffer"))
        })?;
        buffer.resize(words, 0);
        Ok(Self { words: buffer })
    }

    /// The size in bytes.
    pub(super) fn capacity(&self) -> usize {
        self.words.len().saturating_mul(8)
    }

    /// The buffer's address, for a `MYSQL_BIND`.
    pub(super) fn as_mut_ptr(&mut self) -> *mut c_void {
        self.words.as_mut_ptr().cast::<c_void>()
    }

    /// The first `len` bytes (fewer when the buffer is shorter).
    pub(super) fn bytes(&self, len: usize) -> &[u8] {
        let len = len.min(self.capacity());
        // SAFETY: the words are initialised `u64`s occupying `capacity()` bytes, so their first
        // `len` bytes are readable as `u8`s; the slice borrows `self`, so the words are not
        // freed or reallocated while it lives.
        unsafe { std::slice::from_raw_parts(self.words.as_ptr().cast::<u8>(), len) }
    }

    /// The first 8 bytes.
    fn first_word(&self) -> [u8; 8] {
        self.words.first().copied().unwrap_or(0).to_ne_bytes()
    }
}

impl fmt::Debug for AlignedBuffer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AlignedBuffer")
            .field("capacity", &self.capacity())
            .finish()
    }
}

/// One column's output buffer and the fields the library writes for it (`length`, `is_null`,
/// `error`). The library keeps pointers to these fields (and to `buffer`'s words) from
/// `mysql_stmt_bind_result` until the next bind, so slots live in a vector that is not resized
/// while bound.
#[derive(Debug)]
pub(super) struct ResultSlot {
    pub(super) kind: SlotKind,
    buffer_type: enum_field_types,
    pub(super) buffer: AlignedBuffer,
    /// The value's full length in bytes, written by the library (may exceed the buffer).
    pub(super) length: c_ulong,
    /// Non-zero when the value is NULL, written by the library.
    pub(super) is_null: my_bool,
    /// Non-zero when the value was truncated, written by the library.
    pub(super) error: my_bool,
}

impl ResultSlot {
    /// The slot for a column: its natural C type for integers, floats and temporal types, bytes
    /// for everything else, sized from the metadata.
    pub(super) fn for_column(column: &MysqlColumn) -> Result<Self, MysqlError> {
        let unsigned = column.is_unsigned();
        let (kind, buffer_type, size) = match column.column_type {
            MysqlType::Tiny => (SlotKind::Int { width: 1, unsigned }, MYSQL_TYPE_TINY, 8),
            MysqlType::Short => (SlotKind::Int { width: 2, unsigned }, MYSQL_TYPE_SHORT, 8),
            // YEAR travels as a 2-byte integer; it is never negative.
            MysqlType::Year => (
                SlotKind::Int {
                    width: 2,
                    unsigned: true,
                },
                MYSQL_TYPE_SHORT,
                8,
            ),
            MysqlType::Int24 | MysqlType::Long => (SlotKind::Int { width: 4, unsigned }, MYSQL_TYPE_LONG, 8),
            MysqlType::LongLong => (SlotKind::Int { width: 8, unsigned }, MYSQL_TYPE_LONGLONG, 8),
            MysqlType::Float => (SlotKind::Float, MYSQL_TYPE_FLOAT, 8),
            MysqlType::Double => (SlotKind::Double, MYSQL_TYPE_DOUBLE, 8),
            MysqlType::Date | MysqlType::NewDate => (
                SlotKind::Time(MysqlTimeKind::Date),
                MYSQL_TYPE_DATE,
                size_of::<MYSQL_TIME>(),
            ),
            MysqlType::Time | MysqlType::Time2 => (
                SlotKind::Time(MysqlTimeKind::Time),
                MYSQL_TYPE_TIME,
                size_of::<MYSQL_TIME>(),
            ),
            MysqlType::DateTime | MysqlType::DateTime2 | MysqlType::Timestamp | MysqlType::Timestamp2 => (
                SlotKind::Time(MysqlTimeKind::DateTime),
                MYSQL_TYPE_DATETIME,
                size_of::<MYSQL_TIME>(),
            ),
            _ => (
                SlotKind::Bytes,
                MYSQL_TYPE_BLOB,
                initial_bytes_size(column.length),
            ),
        };
        Ok(Self {
            kind,
            buffer_type,
            buffer: AlignedBuffer::new(size)?,
            length: 0,
            is_null: mysqlclient_sys::FALSE,
            error: mysqlclient_sys::FALSE,
        })
    }

    /// Whether the fetched value is NULL.
    pub(super) fn is_null(&self) -> bool {
        self.is_null != mysqlclient_sys::FALSE
    }

    /// Whether the library flagged the fetched value as truncated.
    pub(super) fn is_truncated(&self) -> bool {
        self.error != mysqlclient_sys::FALSE
    }

    /// For a non-NULL byte value longer than the buffer: its full length.
    // `c_ulong` is 32 bits on some targets: the conversion is not useless there.
    #[allow(clippy::useless_conversion)]
    pub(super) fn overflow_len(&self) -> Option<u64> {
        if self.kind != SlotKind::Bytes || self.is_null() {
            return None;
        }
        let len = u64::from(self.length);
        let capacity = u64::try_from(self.buffer.capacity()).unwrap_or(u64::MAX);
        (len > capacity).then_some(len)
    }

    /// A fresh, small buffer when this one grew past [`RETAIN_LIMIT`].
    pub(super) fn shrunk_buffer(&self, column: &MysqlColumn) -> Result<Option<AlignedBuffer>, MysqlError> {
        if self.kind != SlotKind::Bytes || self.buffer.capacity() <= RETAIN_LIMIT {
            return Ok(None);
        }
        AlignedBuffer::new(initial_bytes_size(column.length)).map(Some)
    }

    /// The fetched value, read in place.
    pub(super) fn value(&self) -> MysqlValueRef<'_> {
        if self.is_null() {
            return MysqlValueRef::Null;
        }
        let [b0, b1, b2, b3, b4, b5, b6, b7] = self.buffer.first_word();
        match self.kind {
            SlotKind::Int {
                width,
                unsigned: false,
            } => MysqlValueRef::Int(match width {
                1 => i64::from(i8::from_ne_bytes([b0])),
                2 => i64::from(i16::from_ne_bytes([b0, b1])),
                4 => i64::from(i32::from_ne_bytes([b0, b1, b2, b3])),
                _ => i64::from_ne_bytes([b0, b1, b2, b3, b4, b5, b6, b7]),
            }),
            SlotKind::Int {
                width,
                unsigned: true,
            } => MysqlValueRef::UInt(match width {
                1 => u64::from(u8::from_ne_bytes([b0])),
                2 => u64::from(u16::from_ne_bytes([b0, b1])),
                4 => u64::from(u32::from_ne_bytes([b0, b1, b2, b3])),
                _ => u64::from_ne_bytes([b0, b1, b2, b3, b4, b5, b6, b7]),
            }),
            SlotKind::Float => MysqlValueRef::Float(f32::from_ne_bytes([b0, b1, b2, b3])),
            SlotKind::Double => MysqlValueRef::Double(f64::from_ne_bytes([b0, b1, b2, b3, b4, b5, b6, b7])),
            SlotKind::Time(kind) => {
                if self.buffer.capacity() < size_of::<MYSQL_TIME>() {
                    // Unreachable: temporal buffers are created with this size and never change.
                    return MysqlValueRef::Null;
                }
                let ptr = self.buffer.words.as_ptr().cast::<MYSQL_TIME>();
                // SAFETY: the buffer holds at least one MYSQL_TIME, is 8-byte aligned (u64 words,
                // MYSQL_TIME's alignment is 8) and fully initialised (zeroed, then written by the
                // library); `read` only reads the integer fields.
                MysqlValueRef::Time(unsafe { MysqlTime::read(ptr, kind) })
            }
            SlotKind::Bytes => {
                let len = usize::try_from(self.length).unwrap_or(usize::MAX);
                MysqlValueRef::Bytes(self.buffer.bytes(len))
            }
        }
    }
}

/// The first buffer size of a byte column whose metadata length is `length`.
fn initial_bytes_size(length: u64) -> usize {
    if length <= DIRECT_SIZE_LIMIT {
        usize::try_from(length)
            .unwrap_or(LONG_INITIAL_SIZE)
            .max(MIN_BYTES_SIZE)
    } else {
        LONG_INITIAL_SIZE
    }
}

/// The size to grow a byte buffer to for a value of `len` bytes: the next power of two (room
/// for slightly longer values in later rows), or `len` itself near the top of the range.
pub(super) fn grown_size(len: u64) -> Result<usize, MysqlError> {
    let len = usize::try_from(len)
        .map_err(|_| MysqlError::client(format!("a {len}-byte value does not fit in memory")))?;
    Ok(len.checked_next_power_of_two().unwrap_or(len))
}

/// A `MYSQL_BIND` for slot `index` of `slots`, pointing at `buffer` (its own buffer, or a new
/// one for `mysql_stmt_fetch_column`) and at the slot's `length`, `is_null` and `error`
/// fields. `None` for an index out of range.
///
/// The field pointers are derived from `slots.as_mut_ptr()` without creating references to the
/// slots, and stay valid as long as the vector is neither dropped nor resized.
pub(super) fn slot_bind(
    slots: &mut [ResultSlot],
    index: usize,
    buffer: Option<&mut AlignedBuffer>,
) -> Option<MYSQL_BIND> {
    let (kind, buffer_type, own_buffer) = {
        let slot = slots.get_mut(index)?;
        (slot.kind, slot.buffer_type, &mut slot.buffer)
    };
    let target = match buffer {
        Some(buffer) => buffer,
        None => own_buffer,
    };
    let buffer_ptr = target.as_mut_ptr();
    let buffer_length = c_ulong::try_from(target.capacity()).unwrap_or(c_ulong::MAX);
    // Pointer arithmetic only (no dereference): `index` is in range, so the field addresses are
    // inside that slot.
    let slot = slots.as_mut_ptr().wrapping_add(index).cast::<u8>();
    // SAFETY: MYSQL_BIND is a plain C struct of pointers (null is valid), integers, `my_bool`s,
    // optional function pointers (all-zero is `None`), a union of pointers and a C enum with a
    // variant 0: all-zero bytes are a valid value, and the C API expects unused fields zeroed.
    let mut bind: MYSQL_BIND = unsafe { std::mem::zeroed() };
    bind.buffer_type = buffer_type;
    bind.buffer = buffer_ptr;
    bind.buffer_length = buffer_length;
    bind.length = slot
        .wrapping_add(offset_of!(ResultSlot, length))
        .cast::<c_ulong>();
    bind.is_null = slot
        .wrapping_add(offset_of!(ResultSlot, is_null))
        .cast::<my_bool>();
    bind.error = slot.wrapping_add(offset_of!(ResultSlot, error)).cast::<my_bool>();
    bind.is_unsigned = match kind {
        SlotKind::Int { unsigned: true, .. } => mysqlclient_sys::TRUE,
        _ => mysqlclient_sys::FALSE,
    };
    Some(bind)
}

/// `MYSQL_BIND`s for every slot, in order (see [`slot_bind`]).
pub(super) fn slot_binds(slots: &mut [ResultSlot]) -> Vec<MYSQL_BIND> {
    (0..slots.len())
        .filter_map(|i| slot_bind(slots, i, None))
        .collect()
}
