//! The result of a statement: a safe owner of a libpq `PGresult`.

use std::ffi::{c_char, c_int, CStr};
use std::fmt;
use std::ptr::NonNull;

use pq_sys::{
    ExecStatusType, PGresult, PQclear, PQcmdTuples, PQfname, PQftype, PQgetisnull, PQgetlength, PQgetvalue,
    PQnfields, PQntuples, PQresultErrorField, PQresultErrorMessage, PQresultStatus,
};

/// A buffered statement result (all rows are in memory); freed with `PQclear` on drop.
///
/// Values are in the format the statement asked for (binary for this crate's calls). Every
/// accessor checks its indices before calling libpq, so out-of-range indices are harmless.
pub struct PgResult {
    ptr: NonNull<PGresult>,
    /// `PQntuples`, read once: the accessors check indices against it for every value.
    rows: usize,
    /// `PQnfields`, read once.
    columns: usize,
    /// The type OIDs (`PQftype`) of the first [`CACHED_TYPES`] columns, read once: decoding
    /// checks a value's type for every value, and a libpq call per value costs more than the
    /// check.
    types: [u32; CACHED_TYPES],
}

/// How many columns' type OIDs a [`PgResult`] keeps (wider results ask libpq for the rest).
const CACHED_TYPES: usize = 16;

// SAFETY: a PGresult is a self-contained heap object, not tied to the connection or thread that
// produced it (libpq documents that results may be passed between threads). This type only reads
// it through `&self` and frees it exactly once, in `Drop`, so moving the owner to another thread
// is sound.
unsafe impl Send for PgResult {}

impl PgResult {
    /// Takes ownership of a result returned by libpq; `None` for a null pointer.
    ///
    /// # Safety
    ///
    /// `ptr` must be null or a result returned by libpq that nothing else frees or uses
    /// afterwards: the returned value calls `PQclear` on it when dropped.
    pub(super) unsafe fn from_raw(ptr: *mut PGresult) -> Option<Self> {
        let ptr = NonNull::new(ptr)?;
        // SAFETY: ptr is a live result (the caller's contract); both calls only read it.
        let (rows, columns) = unsafe { (PQntuples(ptr.as_ptr()), PQnfields(ptr.as_ptr())) };
        let columns = usize::try_from(columns).unwrap_or(0);
        let mut types = [0; CACHED_TYPES];
        for (col, oid) in (0..).zip(types.iter_mut().take(columns)) {
            // SAFETY: ptr is a live result and `col` < PQnfields (at most CACHED_TYPES, which
            // fits a c_int).
            *oid = unsafe { PQftype(ptr.as_ptr(), col) };
        }
        Some(Self {
            ptr,
            rows: usize::try_from(rows).unwrap_or(0),
            columns,
            types,
        })
    }

    /// The result's status (`PQresultStatus`).
    pub(super) fn status(&self) -> ExecStatusType {
        // SAFETY: self.ptr is a live result owned by self.
        unsafe { PQresultStatus(self.ptr.as_ptr()) }
    }

    /// One diagnostic field of an error result (`PQresultErrorField`), lossily decoded.
    pub(super) fn error_field(&self, code: u8) -> Option<String> {
        // SAFETY: self.ptr is a live result; any field code is accepted (unknown ones give null).
        let ptr = unsafe { PQresultErrorField(self.ptr.as_ptr(), c_int::from(code)) };
        // SAFETY: the pointer is null or a NUL-terminated string owned by the result, which
        // outlives this call.
        unsafe { owned_string(ptr) }
    }

    /// The whole error message of the result (`PQresultErrorMessage`), trailing whitespace
    /// removed; empty when there is none.
    pub(super) fn error_message(&self) -> String {
        // SAFETY: self.ptr is a live result.
        let ptr = unsafe { PQresultErrorMessage(self.ptr.as_ptr()) };
        // SAFETY: the pointer is null or a NUL-terminated string owned by the result.
        let message = unsafe { owned_string(ptr) }.unwrap_or_default();
        message.trim_end().to_owned()
    }

    /// The number of rows (`PQntuples`, read when the result was taken).
    #[inline]
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// The number of columns (`PQnfields`, read when the result was taken).
    #[inline]
    pub fn columns(&self) -> usize {
        self.columns
    }

    /// The name of column `col` (`PQfname`); `None` when out of range or not valid UTF-8.
    pub fn column_name(&self, col: usize) -> Option<&str> {
        let col = self.column_index(col)?;
        // SAFETY: self.ptr is a live result and `col` is in range.
        let ptr = unsafe { PQfname(self.ptr.as_ptr(), col) };
        if ptr.is_null() {
            return None;
        }
        // SAFETY: a non-null PQfname pointer is a NUL-terminated string owned by the result; it
        // stays valid and unchanged until PQclear, which only runs in Drop, after this borrow of
        // self has ended.
        let name = unsafe { CStr::from_ptr(ptr) };
        name.to_str().ok()
    }

    /// The type OID of column `col` (`PQftype`, cached for the first columns); 0 (`InvalidOid`)
    /// when out of range.
    #[inline]
    pub fn column_type(&self, col: usize) -> u32 {
        if col < self.columns {
            if let Some(&oid) = self.types.get(col) {
                return oid;
            }
        }
        let Some(col) = self.column_index(col) else {
            return 0;
        };
        // SAFETY: self.ptr is a live result and `col` is in range.
        unsafe { PQftype(self.ptr.as_ptr(), col) }
    }

    /// Whether the value at `row`, `col` is SQL NULL. Out-of-range indices count as NULL (as in
    /// libpq).
    #[cfg(test)]
    pub fn is_null(&self, row: usize, col: usize) -> bool {
        self.cell(row, col).1
    }

    /// The value at `row`, `col` in place, in the result's format (binary for this crate's
    /// calls). Empty for NULL and for out-of-range indices.
    #[cfg(test)]
    pub fn value(&self, row: usize, col: usize) -> &[u8] {
        self.cell(row, col).0
    }

    /// The value at `row`, `col` in place and whether it is NULL, in the fewest libpq calls:
    /// `PQgetvalue` and `PQgetlength`, plus `PQgetisnull` only for an empty value (which is
    /// either NULL or an empty string). Out-of-range indices read as NULL.
    #[inline]
    pub fn cell(&self, row: usize, col: usize) -> (&[u8], bool) {
        let Some((row, col)) = self.cell_index(row, col) else {
            return (&[], true);
        };
        // SAFETY: self.ptr is a live result and both indices are in range.
        let len = unsafe { PQgetlength(self.ptr.as_ptr(), row, col) };
        let len = usize::try_from(len).unwrap_or(0);
        if len == 0 {
            // SAFETY: as above.
            let is_null = unsafe { PQgetisnull(self.ptr.as_ptr(), row, col) != 0 };
            return (&[], is_null);
        }
        // SAFETY: as above.
        let ptr = unsafe { PQgetvalue(self.ptr.as_ptr(), row, col) };
        if ptr.is_null() {
            return (&[], true);
        }
        // SAFETY: libpq guarantees that PQgetvalue points to PQgetlength bytes (followed by a
        // NUL) stored in the result; they stay valid and unchanged until PQclear, which only runs
        // in Drop, after this borrow of self has ended.
        let bytes = unsafe { std::slice::from_raw_parts(ptr.cast::<u8>(), len) };
        (bytes, false)
    }

    /// The number of rows the command affected (`PQcmdTuples` parsed); 0 when the command
    /// reports none (e.g. DDL).
    pub fn affected_rows(&self) -> u64 {
        // SAFETY: self.ptr is a live result; PQcmdTuples only reads it despite its `*mut`
        // signature.
        let ptr = unsafe { PQcmdTuples(self.ptr.as_ptr()) };
        if ptr.is_null() {
            return 0;
        }
        // SAFETY: a non-null PQcmdTuples pointer is a NUL-terminated string owned by the result,
        // used only within this call.
        let text = unsafe { CStr::from_ptr(ptr) };
        text.to_str()
            .ok()
            .and_then(|t| t.trim().parse().ok())
            .unwrap_or(0)
    }

    /// `col` as a libpq column number, if it is in range.
    #[inline]
    fn column_index(&self, col: usize) -> Option<c_int> {
        if col >= self.columns {
            return None;
        }
        c_int::try_from(col).ok()
    }

    /// `row`, `col` as libpq row and column numbers, if both are in range.
    #[inline]
    fn cell_index(&self, row: usize, col: usize) -> Option<(c_int, c_int)> {
        if row >= self.rows {
            return None;
        }
        Some((c_int::try_from(row).ok()?, self.column_index(col)?))
    }
}

impl fmt::Debug for PgResult {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PgResult")
            .field("status", &self.status())
            .field("rows", &self.rows())
            .field("columns", &self.columns())
            .finish()
    }
}

impl Drop for PgResult {
    fn drop(&mut self) {
        // SAFETY: self.ptr is a result this value owns; it is cleared exactly once, here, and no
        // borrow of its data can outlive self.
        unsafe { PQclear(self.ptr.as_ptr()) }
    }
}

/// Copies a NUL-terminated string from libpq, decoding invalid UTF-8 lossily; `None` for null.
///
/// # Safety
///
/// `ptr` must be null or point to a NUL-terminated string that stays valid during the call.
pub(super) unsafe fn owned_string(ptr: *const c_char) -> Option<String> {
    if ptr.is_null() {
        return None;
    }
    // SAFETY: the caller guarantees a valid NUL-terminated string.
    let text = unsafe { CStr::from_ptr(ptr) };
    Some(text.to_string_lossy().into_owned())
}
