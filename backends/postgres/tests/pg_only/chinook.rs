//! The Chinook sample database (`Chinook_PostgreSql.sql`, 11 tables, ~15k rows) loaded into a
//! schema of its own, and the shared Chinook query set (`conformance/chinook.rs`) run on it.

use super::*;
use crate::suite_chinook::{check_chinook, ChinookRawSql};
use quarry::prelude::*;
use quarry::QueryResult;

/// The Chinook tables as the PostgreSQL script names them (snake_case, as the Rust names).
pub mod schema {
    quarry::table! {
        artist (artist_id) {
            artist_id -> Integer,
            name -> Nullable<Text>,
        }
        album (album_id) {
            album_id -> Integer,
            title -> Text,
            #[references(artist::artist_id)]
            artist_id -> Integer,
        }
        genre (genre_id) {
            genre_id -> Integer,
            name -> Nullable<Text>,
        }
        track (track_id) {
            track_id -> Integer,
            name -> Text,
            #[references(album::album_id)]
            album_id -> Nullable<Integer>,
            media_type_id -> Integer,
            #[references(genre::genre_id)]
            genre_id -> Nullable<Integer>,
            composer -> Nullable<Text>,
            milliseconds -> Integer,
            bytes -> Nullable<Integer>,
            unit_price -> Decimal,
        }
        customer (customer_id) {
            customer_id -> Integer,
            first_name -> Text,
            last_name -> Text,
            country -> Nullable<Text>,
            email -> Text,
        }
        invoice (invoice_id) {
            invoice_id -> Integer,
            #[references(customer::customer_id)]
            customer_id -> Integer,
            invoice_date -> Timestamp,
            billing_country -> Nullable<Text>,
            total -> Decimal,
        }
        invoice_line (invoice_line_id) {
            invoice_line_id -> Integer,
            #[references(invoice::invoice_id)]
            invoice_id -> Integer,
            #[references(track::track_id)]
            track_id -> Integer,
            unit_price -> Decimal,
            quantity -> Integer,
        }
    }
}

/// Chinook loaded into a fresh schema (dropped at the end) on a connection whose
/// `search_path` points at it.
struct Chinook {
    conn: TestConnection,
    schema: String,
}

impl Drop for Chinook {
    fn drop(&mut self) {
        let _ = self
            .conn
            .batch_execute(&format!("DROP SCHEMA IF EXISTS {} CASCADE", self.schema));
    }
}

/// The folder holding the Chinook scripts: `QUARRY_CHINOOK_DIR`, or `shared/data/chinook` beside
/// the workspace (where the project's machines keep it). `.ci/run` sets the variable and fails
/// when the data is missing.
fn chinook_dir() -> std::path::PathBuf {
    match std::env::var_os("QUARRY_CHINOOK_DIR") {
        Some(dir) => dir.into(),
        None => std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/chinook"),
    }
}

fn chinook() -> Option<Chinook> {
    let url = crate::harness::url()?;
    let path = chinook_dir().join("Chinook_PostgreSql.sql");
    let script = match std::fs::read_to_string(&path) {
        Ok(script) => script,
        Err(e) => {
            use std::io::Write;
            let _ = writeln!(
                std::io::stderr(),
                "SKIPPED: the Chinook data is not at {} ({e}); set QUARRY_CHINOOK_DIR",
                path.display()
            );
            return None;
        }
    };
    // The script creates and switches to its own database; keep only the tables and rows.
    let body: String = script
        .lines()
        .filter(|l| {
            let l = l.trim_start();
            !(l.starts_with("DROP DATABASE") || l.starts_with("CREATE DATABASE") || l.starts_with("\\c"))
        })
        .collect::<Vec<_>>()
        .join("\n");
    let mut conn = TestConnection::establish(&url).expect("connect");
    let schema = format!("quarry_chinook_{}", std::process::id());
    conn.batch_execute(&format!(
        "DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}; SET search_path TO {schema};"
    ))
    .expect("create the schema");
    let mut db = Chinook { conn, schema };
    db.conn.batch_execute(&body).expect("load Chinook");
    Some(db)
}

const RAW_SQL: ChinookRawSql = ChinookRawSql {
    top_artists: "SELECT ar.name AS name, COUNT(*) AS n FROM artist ar JOIN album al ON al.artist_id = ar.artist_id
        JOIN track t ON t.album_id = al.album_id GROUP BY ar.artist_id, ar.name ORDER BY n DESC, ar.name LIMIT 10",
    revenue_per_genre: "SELECT g.name AS name, SUM(il.unit_price * CAST(il.quantity AS NUMERIC)) AS amount
        FROM invoice_line il JOIN track t ON t.track_id = il.track_id
        JOIN genre g ON g.genre_id = t.genre_id GROUP BY g.genre_id, g.name ORDER BY g.name",
    sales_per_country: "SELECT billing_country AS country, COUNT(*) AS n, SUM(total) AS total FROM invoice
        GROUP BY billing_country HAVING COUNT(*) >= 20 ORDER BY SUM(total) DESC, billing_country",
    invoice_lines: "SELECT il.invoice_line_id, t.name AS track, al.title AS album, ar.name AS artist,
        il.unit_price, il.quantity
        FROM invoice i JOIN invoice_line il ON il.invoice_id = i.invoice_id
        JOIN track t ON t.track_id = il.track_id JOIN album al ON al.album_id = t.album_id
        JOIN artist ar ON ar.artist_id = al.artist_id WHERE i.invoice_id = $1 ORDER BY il.invoice_line_id",
    genre_average_length: "SELECT genre_id, CAST(AVG(milliseconds) AS DOUBLE PRECISION) AS mean FROM track
        WHERE genre_id IN (1, 3, 5) GROUP BY genre_id ORDER BY genre_id",
};

#[test]
fn the_chinook_query_set_agrees_with_raw_sql() -> QueryResult<()> {
    let Some(mut db) = chinook() else { return Ok(()) };
    check_chinook(&mut db.conn, &RAW_SQL)
}
