/// A parameter sent to PostgreSQL in binary format, with its type OID.
#[derive(Debug, Clone, PartialEq)]
pub struct PgBindValue<'a> {
    pub(crate) oid: u32,
    pub(crate) bytes: Option<Bytes<'a>>,
}

/// The binary value of a parameter: small values inline (no allocation), text and bytea
/// borrowed from the query, encoded values (arrays, numeric, json…) owned.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Bytes<'a> {
    Inline([u8; 8], u8),
    Borrowed(&'a [u8]),
    Owned(Vec<u8>),
}

impl<'a> PgBindValue<'a> {
    pub(crate) fn null(oid: u32) -> Self {
        Self { oid, bytes: None }
    }

    pub(crate) fn inline(oid: u32, bytes: &[u8]) -> Self {
        let mut buf = [0u8; 8];
        let n = bytes.len().min(8);
        buf[..n].copy_from_slice(&bytes[..n]);
        Self {
            oid,
            bytes: Some(Bytes::Inline(buf, n as u8)),
        }
    }

    pub(crate) fn borrowed(oid: u32, bytes: &'a [u8]) -> Self {
        Self {
            oid,
            bytes: Some(Bytes::Borrowed(bytes)),
        }
    }

    pub(crate) fn owned(oid: u32, bytes: Vec<u8>) -> Self {
        Self {
            oid,
            bytes: Some(Bytes::Owned(bytes)),
        }
    }

    /// The binary bytes, or `None` for NULL.
    pub fn as_bytes(&self) -> Option<&[u8]> {
        match &self.bytes {
            None => None,
            Some(Bytes::Inline(buf, n)) => Some(&buf[..usize::from(*n)]),
            Some(Bytes::Borrowed(b)) => Some(b),
            Some(Bytes::Owned(b)) => Some(b),
        }
    }

    /// The parameter's type OID (0: let the server infer it).
    pub fn oid(&self) -> u32 {
        self.oid
    }
}
