//! A low-level safe wrapper over libpq (through `pq-sys`).
//!
//! [`PgConnection`] owns a `PGconn`, [`PgResult`] owns a `PGresult`, and [`PgError`] carries the
//! diagnostic fields of a failure. Parameters and results use the binary format. Every call into
//! libpq is checked: a failed or unexpected result becomes a [`PgError`], indices and lengths are
//! checked before they reach libpq, and strings from libpq are decoded lossily. Rows can also be
//! read one at a time in libpq's single-row mode ([`SingleRowStep`]). `COPY ... FROM STDIN` and
//! `COPY ... TO STDOUT` run through the guards of
//! [`PgConnection::copy_in`] and [`PgConnection::copy_out`].

mod copy;
mod pg_connection;
mod pg_error;
mod pg_result;
mod single_row;

#[cfg(test)]
mod tests;

pub use self::copy::CopyIn;
pub use self::pg_connection::PgConnection;
pub use self::pg_error::{PgError, PgErrorKind};
pub use self::pg_result::PgResult;
pub use self::single_row::SingleRowStep;
