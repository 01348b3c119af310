//! The Chinook sample database (`../shared/data/chinook/Chinook_PostgreSql.sql`, 11 tables,
//! ~15k rows) loaded into a schema of its own; typed queries (joins across invoice,
//! invoice_line, track, album and artist; aggregates) checked against the same queries written
//! as raw SQL.

use super::*;
use quarry::prelude::*;
use quarry::sql_types::{BigInt, Decimal, Double, Integer, Nullable, Text};
use quarry::QueryResult;
use rust_decimal::Decimal as Dec;

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

#[derive(QueryableByName, Debug, PartialEq)]
struct NameCount {
    #[quarry(sql_type = Nullable<Text>)]
    name: Option<String>,
    #[quarry(sql_type = BigInt)]
    n: i64,
}

#[derive(QueryableByName, Debug, PartialEq)]
struct NameAmount {
    #[quarry(sql_type = Nullable<Text>)]
    name: Option<String>,
    #[quarry(sql_type = Nullable<Decimal>)]
    amount: Option<Dec>,
}

#[derive(QueryableByName, Debug, PartialEq)]
struct InvoiceLineView {
    #[quarry(sql_type = Integer)]
    invoice_line_id: i32,
    #[quarry(sql_type = Text)]
    track: String,
    #[quarry(sql_type = Text)]
    album: String,
    #[quarry(sql_type = Nullable<Text>)]
    artist: Option<String>,
    #[quarry(sql_type = Decimal)]
    unit_price: Dec,
    #[quarry(sql_type = Integer)]
    quantity: i32,
}

#[test]
fn typed_queries_agree_with_raw_sql_on_chinook() -> QueryResult<()> {
    let Some(mut db) = chinook() else { return Ok(()) };
    let c = &mut db.conn;

    // The row counts of the script.
    assert_eq!(track::table.count().get_result::<i64>(c)?, 3503);
    assert_eq!(invoice_line::table.count().get_result::<i64>(c)?, 2240);

    // The ten artists with the most tracks: artist ⋈ album ⋈ track, grouped.
    let typed: Vec<(Option<String>, i64)> = artist::table
        .inner_join(album::table)
        .inner_join(track::table.on(track::album_id.eq(album::album_id.nullable())))
        .group_by((artist::artist_id, artist::name))
        .select((artist::name, count_star()))
        .order_by((count_star().desc(), artist::name))
        .limit(10)
        .load(c)?;
    let raw: Vec<NameCount> = sql_query(
        "SELECT ar.name AS name, COUNT(*) AS n FROM artist ar JOIN album al ON al.artist_id = ar.artist_id
         JOIN track t ON t.album_id = al.album_id GROUP BY ar.artist_id, ar.name ORDER BY n DESC, ar.name LIMIT 10",
    )
    .load(c)?;
    assert_eq!(typed.len(), 10);
    assert_eq!(typed[0], (Some("Iron Maiden".into()), 213));
    assert_eq!(typed, raw.into_iter().map(|r| (r.name, r.n)).collect::<Vec<_>>());

    // Revenue per genre: invoice_line ⋈ track ⋈ genre, SUM(unit_price * quantity) in NUMERIC.
    let typed: Vec<(Option<String>, Option<Dec>)> = invoice_line::table
        .inner_join(track::table)
        .inner_join(genre::table.on(genre::genre_id.nullable().eq(track::genre_id)))
        .group_by((genre::genre_id, genre::name))
        .select((
            genre::name,
            sum(invoice_line::unit_price * invoice_line::quantity.cast::<Decimal>()),
        ))
        .order_by(genre::name)
        .load(c)?;
    let raw: Vec<NameAmount> = sql_query(
        "SELECT g.name AS name, SUM(il.unit_price * CAST(il.quantity AS NUMERIC)) AS amount
         FROM invoice_line il JOIN track t ON t.track_id = il.track_id
         JOIN genre g ON g.genre_id = t.genre_id GROUP BY g.genre_id, g.name ORDER BY g.name",
    )
    .load(c)?;
    assert_eq!(
        typed,
        raw.into_iter().map(|r| (r.name, r.amount)).collect::<Vec<_>>()
    );
    let rock = typed.iter().find(|(n, _)| n.as_deref() == Some("Rock"));
    assert_eq!(rock.and_then(|r| r.1), Some(Dec::new(82665, 2)));

    // Sales per billing country, with the invoice count and average total.
    let typed: Vec<(Option<String>, i64, Option<Dec>)> = invoice::table
        .group_by(invoice::billing_country)
        .select((invoice::billing_country, count_star(), sum(invoice::total)))
        .having(count_star().ge(20_i64))
        .order_by((sum(invoice::total).desc(), invoice::billing_country))
        .load(c)?;
    #[derive(QueryableByName)]
    struct CountrySales {
        #[quarry(sql_type = Nullable<Text>)]
        country: Option<String>,
        #[quarry(sql_type = BigInt)]
        n: i64,
        #[quarry(sql_type = Nullable<Decimal>)]
        total: Option<Dec>,
    }
    let raw: Vec<CountrySales> = sql_query(
        "SELECT billing_country AS country, COUNT(*) AS n, SUM(total) AS total FROM invoice
         GROUP BY billing_country HAVING COUNT(*) >= 20 ORDER BY SUM(total) DESC, billing_country",
    )
    .load(c)?;
    assert_eq!(
        typed,
        raw.into_iter()
            .map(|r| (r.country, r.n, r.total))
            .collect::<Vec<_>>()
    );
    assert_eq!(typed[0].0.as_deref(), Some("USA"));

    // One invoice's lines across five tables: invoice ⋈ invoice_line ⋈ track ⋈ album ⋈ artist.
    let typed: Vec<(i32, String, String, Option<String>, Dec, i32)> = invoice::table
        .inner_join(invoice_line::table)
        .inner_join(track::table.on(track::track_id.eq(invoice_line::track_id)))
        .inner_join(album::table.on(album::album_id.nullable().eq(track::album_id)))
        .inner_join(artist::table.on(artist::artist_id.eq(album::artist_id)))
        .filter(invoice::invoice_id.eq(100))
        .select((
            invoice_line::invoice_line_id,
            track::name,
            album::title,
            artist::name,
            invoice_line::unit_price,
            invoice_line::quantity,
        ))
        .order_by(invoice_line::invoice_line_id)
        .load(c)?;
    let raw: Vec<InvoiceLineView> = sql_query(
        "SELECT il.invoice_line_id, t.name AS track, al.title AS album, ar.name AS artist, il.unit_price, il.quantity
         FROM invoice i JOIN invoice_line il ON il.invoice_id = i.invoice_id
         JOIN track t ON t.track_id = il.track_id JOIN album al ON al.album_id = t.album_id
         JOIN artist ar ON ar.artist_id = al.artist_id WHERE i.invoice_id = $1 ORDER BY il.invoice_line_id",
    )
    .bind::<Integer, _>(100)
    .load(c)?;
    assert!(!typed.is_empty());
    assert_eq!(
        typed,
        raw.into_iter()
            .map(|r| (
                r.invoice_line_id,
                r.track,
                r.album,
                r.artist,
                r.unit_price,
                r.quantity
            ))
            .collect::<Vec<_>>()
    );

    // Average track length per genre for a list of genres (AVG of an integer as a double).
    let genres = [1, 3, 5];
    let typed: Vec<(Option<i32>, Option<f64>)> = track::table
        .filter(track::genre_id.eq_any(genres.iter().map(|g| Some(*g))))
        .group_by(track::genre_id)
        .select((track::genre_id, avg(track::milliseconds)))
        .order_by(track::genre_id)
        .load(c)?;
    #[derive(QueryableByName)]
    struct GenreAvg {
        #[quarry(sql_type = Nullable<Integer>)]
        genre_id: Option<i32>,
        #[quarry(sql_type = Nullable<Double>)]
        mean: Option<f64>,
    }
    let raw: Vec<GenreAvg> = sql_query(
        "SELECT genre_id, CAST(AVG(milliseconds) AS DOUBLE PRECISION) AS mean FROM track
         WHERE genre_id IN (1, 3, 5) GROUP BY genre_id ORDER BY genre_id",
    )
    .load(c)?;
    assert_eq!(typed.len(), 3);
    for ((id, mean), r) in typed.iter().zip(&raw) {
        assert_eq!(*id, r.genre_id);
        let (a, b) = (mean.unwrap_or(f64::NAN), r.mean.unwrap_or(f64::NAN));
        assert!((a - b).abs() < 1e-6, "{a} vs {b}");
    }

    // A customer's invoices through the declared foreign key, newest first.
    let dates: Vec<(String, chrono::NaiveDateTime, Dec)> = customer::table
        .inner_join(invoice::table)
        .filter(customer::email.eq("luisg@embraer.com.br"))
        .select((customer::last_name, invoice::invoice_date, invoice::total))
        .order_by(invoice::invoice_date.desc())
        .limit(2)
        .load(c)?;
    assert_eq!(dates.len(), 2);
    assert!(dates[0].1 > dates[1].1);
    assert!(dates.iter().all(|d| d.0 == "Gonçalves"));
    Ok(())
}
