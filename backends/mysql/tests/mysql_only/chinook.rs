//! The Chinook sample database (`Chinook_MySql.sql`, PascalCase names mapped to the Rust names
//! with `#[sql_name]`) loaded into a database of its own, and the shared Chinook query set
//! (`conformance/chinook.rs`) run on it.

use crate::harness::empty_database;
use crate::suite_chinook::{check_chinook, ChinookRawSql};
use quarry::prelude::*;
use quarry::QueryResult;

/// The Chinook tables as the MySQL script names them.
pub mod schema {
    quarry::table! {
        #[sql_name = "Artist"]
        artist (artist_id) {
            #[sql_name = "ArtistId"]
            artist_id -> Integer,
            #[sql_name = "Name"]
            name -> Nullable<Text>,
        }
        #[sql_name = "Album"]
        album (album_id) {
            #[sql_name = "AlbumId"]
            album_id -> Integer,
            #[sql_name = "Title"]
            title -> Text,
            #[sql_name = "ArtistId"]
            #[references(artist::artist_id)]
            artist_id -> Integer,
        }
        #[sql_name = "Genre"]
        genre (genre_id) {
            #[sql_name = "GenreId"]
            genre_id -> Integer,
            #[sql_name = "Name"]
            name -> Nullable<Text>,
        }
        #[sql_name = "Track"]
        track (track_id) {
            #[sql_name = "TrackId"]
            track_id -> Integer,
            #[sql_name = "Name"]
            name -> Text,
            #[sql_name = "AlbumId"]
            #[references(album::album_id)]
            album_id -> Nullable<Integer>,
            #[sql_name = "MediaTypeId"]
            media_type_id -> Integer,
            #[sql_name = "GenreId"]
            #[references(genre::genre_id)]
            genre_id -> Nullable<Integer>,
            #[sql_name = "Composer"]
            composer -> Nullable<Text>,
            #[sql_name = "Milliseconds"]
            milliseconds -> Integer,
            #[sql_name = "Bytes"]
            bytes -> Nullable<Integer>,
            #[sql_name = "UnitPrice"]
            unit_price -> Decimal,
        }
        #[sql_name = "Customer"]
        customer (customer_id) {
            #[sql_name = "CustomerId"]
            customer_id -> Integer,
            #[sql_name = "FirstName"]
            first_name -> Text,
            #[sql_name = "LastName"]
            last_name -> Text,
            #[sql_name = "Country"]
            country -> Nullable<Text>,
            #[sql_name = "Email"]
            email -> Text,
        }
        #[sql_name = "Invoice"]
        invoice (invoice_id) {
            #[sql_name = "InvoiceId"]
            invoice_id -> Integer,
            #[sql_name = "CustomerId"]
            #[references(customer::customer_id)]
            customer_id -> Integer,
            #[sql_name = "InvoiceDate"]
            invoice_date -> Timestamp,
            #[sql_name = "BillingCountry"]
            billing_country -> Nullable<Text>,
            #[sql_name = "Total"]
            total -> Decimal,
        }
        #[sql_name = "InvoiceLine"]
        invoice_line (invoice_line_id) {
            #[sql_name = "InvoiceLineId"]
            invoice_line_id -> Integer,
            #[sql_name = "InvoiceId"]
            #[references(invoice::invoice_id)]
            invoice_id -> Integer,
            #[sql_name = "TrackId"]
            #[references(track::track_id)]
            track_id -> Integer,
            #[sql_name = "UnitPrice"]
            unit_price -> Decimal,
            #[sql_name = "Quantity"]
            quantity -> Integer,
        }
    }
}

const RAW_SQL: ChinookRawSql = ChinookRawSql {
    top_artists: "SELECT ar.Name AS name, COUNT(*) AS n FROM Artist ar JOIN Album al ON al.ArtistId = ar.ArtistId
        JOIN Track t ON t.AlbumId = al.AlbumId GROUP BY ar.ArtistId, ar.Name ORDER BY n DESC, ar.Name LIMIT 10",
    revenue_per_genre: "SELECT g.Name AS name, SUM(il.UnitPrice * CAST(il.Quantity AS DECIMAL(65, 30))) AS amount
        FROM InvoiceLine il JOIN Track t ON t.TrackId = il.TrackId
        JOIN Genre g ON g.GenreId = t.GenreId GROUP BY g.GenreId, g.Name ORDER BY g.Name",
    sales_per_country: "SELECT BillingCountry AS country, COUNT(*) AS n, SUM(Total) AS total FROM Invoice
        GROUP BY BillingCountry HAVING COUNT(*) >= 20 ORDER BY SUM(Total) DESC, BillingCountry",
    invoice_lines: "SELECT il.InvoiceLineId AS invoice_line_id, t.Name AS track, al.Title AS album,
        ar.Name AS artist, il.UnitPrice AS unit_price, il.Quantity AS quantity
        FROM Invoice i JOIN InvoiceLine il ON il.InvoiceId = i.InvoiceId
        JOIN Track t ON t.TrackId = il.TrackId JOIN Album al ON al.AlbumId = t.AlbumId
        JOIN Artist ar ON ar.ArtistId = al.ArtistId WHERE i.InvoiceId = ? ORDER BY il.InvoiceLineId",
    genre_average_length: "SELECT GenreId AS genre_id, CAST(AVG(Milliseconds) AS DOUBLE) AS mean FROM Track
        WHERE GenreId IN (1, 3, 5) GROUP BY GenreId ORDER BY GenreId",
};

/// The folder holding the Chinook scripts: `QUARRY_CHINOOK_DIR`, or `shared/data/chinook` beside
/// the workspace. `.ci/run` sets the variable and fails when the data is missing.
fn chinook_dir() -> std::path::PathBuf {
    match std::env::var_os("QUARRY_CHINOOK_DIR") {
        Some(dir) => dir.into(),
        None => std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/chinook"),
    }
}

#[test]
fn the_chinook_query_set_agrees_with_raw_sql() -> QueryResult<()> {
    let Some(mut db) = empty_database() else {
        return Ok(());
    };
    let path = chinook_dir().join("Chinook_MySql.sql");
    let script = match std::fs::read_to_string(&path) {
        Ok(script) => script,
        Err(e) => {
            use std::io::Write;
            let _ = writeln!(
                std::io::stderr(),
                "SKIPPED: the Chinook data is not at {} ({e}); set QUARRY_CHINOOK_DIR",
                path.display()
            );
            return Ok(());
        }
    };
    // The script creates and switches to its own database; keep only the tables and rows, loaded
    // into this test's database.
    let body: String = script
        .lines()
        .filter(|l| {
            let l = l.trim_start();
            !(l.starts_with("DROP DATABASE") || l.starts_with("CREATE DATABASE") || l.starts_with("USE "))
        })
        .collect::<Vec<_>>()
        .join("\n");
    db.batch_execute(&body)?;
    check_chinook(&mut db, &RAW_SQL)
}
