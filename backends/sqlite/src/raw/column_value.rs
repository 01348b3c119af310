//! One column of the current row as SQLite's own value object (`sqlite3_column_value`).
//!
//! Every `sqlite3_column_*` call looks the column up again and runs the statement's API entry and
//! exit checks; `sqlite3_value_*` on the value object reads it directly. Decoding a row column by
//! column therefore does one lookup per column through [`ColumnValue`] instead of two or three
//! (type, then data, then length).

use std::marker::PhantomData;
use std::ptr::NonNull;
use std::slice;

use libsqlite3_sys as ffi;

use super::ColumnType;

/// A column of the current row. Borrows the statement use it came from, so the row cannot move
/// (no step, reset or finalize) while it exists.
#[derive(Debug, Clone, Copy)]
pub struct ColumnValue<'a> {
    value: NonNull<ffi::sqlite3_value>,
    _row: PhantomData<&'a ()>,
}

impl<'a> ColumnValue<'a> {
    /// Wraps the value SQLite returned for a column.
    ///
    /// # Safety
    /// `value` must come from `sqlite3_column_value` on a statement of a connection used by this
    /// thread only, and `'a` must end before that statement is stepped, reset or finalized.
    #[inline]
    pub(crate) unsafe fn new(value: NonNull<ffi::sqlite3_value>) -> Self {
        Self {
            value,
            _row: PhantomData,
        }
    }

    #[inline]
    fn raw(&self) -> *mut ffi::sqlite3_value {
        self.value.as_ptr()
    }

    /// The value's storage class.
    #[inline]
    pub fn column_type(&self) -> ColumnType {
        // SAFETY: a live value of the current row (constructor contract). The value is
        // "unprotected" (SQLite takes no lock to read it), which is sound because the connection
        // is used by one thread at a time, as `new` requires. Reading the type converts nothing.
        match unsafe { ffi::sqlite3_value_type(self.raw()) } {
            ffi::SQLITE_INTEGER => ColumnType::Integer,
            ffi::SQLITE_FLOAT => ColumnType::Float,
            ffi::SQLITE_TEXT => ColumnType::Text,
            ffi::SQLITE_BLOB => ColumnType::Blob,
            _ => ColumnType::Null,
        }
    }

    /// The value as an integer, by SQLite's conversion rules (NULL gives 0).
    #[inline]
    pub fn i64(&self) -> i64 {
        // SAFETY: as in `column_type`; reading a number never modifies the stored value, so
        // slices returned earlier stay valid.
        unsafe { ffi::sqlite3_value_int64(self.raw()) }
    }

    /// The value as a float, by SQLite's conversion rules (NULL gives 0.0).
    #[inline]
    pub fn f64(&self) -> f64 {
        // SAFETY: as in `i64`.
        unsafe { ffi::sqlite3_value_double(self.raw()) }
    }

    /// The value's bytes in place: through `sqlite3_value_blob` when `ty` is
    /// [`ColumnType::Blob`], through `sqlite3_value_text` otherwise (numbers are rendered as text
    /// by SQLite). Empty for NULL and for a zero-length value.
    ///
    /// `ty` must be what [`column_type`](Self::column_type) reports for this value: a BLOB is
    /// then never read as text, which could move the buffer of a slice handed out earlier, and
    /// a value that is not a BLOB is converted to text at most once (its storage class stays the
    /// same, so every later call takes the same path and gets the same buffer).
    #[inline]
    pub fn bytes(&self, ty: ColumnType) -> &'a [u8] {
        // SAFETY: as in `column_type`; pointer first, then the length, as SQLite requires. The
        // bytes belong to the current row, which `'a` keeps in place.
        let (data, len) = unsafe {
            let data: *const u8 = if ty == ColumnType::Blob {
                ffi::sqlite3_value_blob(self.raw()).cast()
            } else {
                ffi::sqlite3_value_text(self.raw())
            };
            (data, ffi::sqlite3_value_bytes(self.raw()))
        };
        match usize::try_from(len) {
            // SAFETY: SQLite returned a non-null pointer to `len` bytes owned by the current
            // row; they stay valid and unmodified for `'a` as argued above.
            Ok(len) if len > 0 && !data.is_null() => unsafe { slice::from_raw_parts(data, len) },
            // NULL, or a zero-length value (SQLite may return a null pointer for it).
            _ => &[],
        }
    }
}
