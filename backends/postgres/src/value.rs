use quarry::backend::RawValue;

/// A column of the current row, read in place from libpq's result buffer (binary format).
#[derive(Debug, Clone, Copy)]
pub struct PgValue<'a> {
    pub(crate) bytes: &'a [u8],
    pub(crate) is_null: bool,
    pub(crate) oid: u32,
}

impl<'a> PgValue<'a> {
    /// The binary bytes.
    pub fn bytes(&self) -> &'a [u8] {
        self.bytes
    }

    /// The column's type OID.
    pub fn oid(&self) -> u32 {
        self.oid
    }
}

impl RawValue for PgValue<'_> {
    fn is_null(&self) -> bool {
        self.is_null
    }
}
