/// A value bound to a SQLite statement parameter. Text and blobs borrow from the query.
#[derive(Debug, Clone, PartialEq)]
pub enum SqliteBindValue<'a> {
    /// NULL
    Null,
    /// INTEGER
    Integer(i64),
    /// REAL
    Real(f64),
    /// TEXT, borrowed (bound without a copy).
    Text(&'a str),
    /// BLOB, borrowed (bound without a copy).
    Blob(&'a [u8]),
    /// TEXT computed for this execution (formatted dates); copied by SQLite when bound.
    OwnedText(String),
}
