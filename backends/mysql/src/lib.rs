//! # quarry-mysql: the MySQL / MariaDB backend for Quarry
//!
//! Binds the MySQL C API through `mysqlclient-sys` (its pre-generated bindings, no bindgen at
//! build time), linked against MariaDB Connector/C (`libmariadb`, found with pkg-config; Debian:
//! `apt-get install libmariadb-dev pkg-config`). libmysqlclient should work too but is not
//! tested.
//!
//! Status: only the safe raw layer exists so far ([`raw`]): connections from a `mysql://` URL,
//! SQL batches, prepared statements with typed parameters, and results read in place from
//! bound buffers. The Quarry backend itself (the `Backend` and `Connection` implementations,
//! the SQL dialect and the type mappings) is not built yet.
//!
//! Tests run against a real server named by `QUARRY_MYSQL_URL` (for example
//! `mysql://root@127.0.0.1:3306/test`); without it each server test prints
//! `SKIPPED: QUARRY_MYSQL_URL not set`.

#![warn(missing_docs)]

pub mod raw;

pub use quarry;
