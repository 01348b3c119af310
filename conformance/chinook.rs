//! The Chinook query set: typed queries over the Chinook sample database (joins across
//! invoice, invoice_line, track, album and artist; aggregates), each checked against the same
//! query written as raw SQL, and against facts of the data set.
//!
//! Compiled in by the harnesses of the backends that load Chinook. The including crate provides
//! `crate::chinook_schema` (the `table!` declarations: Rust names are the same everywhere,
//! `#[sql_name]` maps them to each script's own names) and, to [`check_chinook`], the raw SQL
//! in its own dialect.

use crate::chinook_schema::*;
use crate::suite::TestConnection;
use quarry::prelude::*;
use quarry::sql_types::{BigInt, Decimal, Double, Integer, Nullable, Text};
use quarry::QueryResult;
use rust_decimal::Decimal as Dec;

/// The raw SQL twin of each typed query, in the backend's dialect. Column aliases must be the
/// ones the row structs below read.
#[derive(Debug, Clone, Copy)]
pub struct ChinookRawSql {
    /// The ten artists with the most tracks: `name`, `n`.
    pub top_artists: &'static str,
    /// Revenue per genre, ordered by genre name: `name`, `amount`.
    pub revenue_per_genre: &'static str,
    /// Invoices and sales per billing country with at least 20 invoices: `country`, `n`,
    /// `total`.
    pub sales_per_country: &'static str,
    /// The lines of the invoice given as the one bound parameter: `invoice_line_id`, `track`,
    /// `album`, `artist`, `unit_price`, `quantity`.
    pub invoice_lines: &'static str,
    /// Average track length of genres 1, 3 and 5: `genre_id`, `mean`.
    pub genre_average_length: &'static str,
}

#[derive(QueryableByName, Debug, PartialEq)]
pub struct NameCount {
    #[quarry(sql_type = Nullable<Text>)]
    name: Option<String>,
    #[quarry(sql_type = BigInt)]
    n: i64,
}

#[derive(QueryableByName, Debug, PartialEq)]
pub struct NameAmount {
    #[quarry(sql_type = Nullable<Text>)]
    name: Option<String>,
    #[quarry(sql_type = Nullable<Decimal>)]
    amount: Option<Dec>,
}

#[derive(QueryableByName, Debug, PartialEq)]
pub struct InvoiceLineView {
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

/// Runs the query set on a connection holding Chinook.
pub fn check_chinook(c: &mut TestConnection, raw_sql: &ChinookRawSql) -> QueryResult<()> {
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
    let raw: Vec<NameCount> = sql_query(raw_sql.top_artists).load(c)?;
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
    let raw: Vec<NameAmount> = sql_query(raw_sql.revenue_per_genre).load(c)?;
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
    let raw: Vec<CountrySales> = sql_query(raw_sql.sales_per_country).load(c)?;
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
    let raw: Vec<InvoiceLineView> = sql_query(raw_sql.invoice_lines).bind::<Integer, _>(100).load(c)?;
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
    let raw: Vec<GenreAvg> = sql_query(raw_sql.genre_average_length).load(c)?;
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
