//! Quarry quickstart: a small library catalogue in SQLite, queried and changed with typed Rust.
//!
//! Run it from the workspace root with `cargo run --example quickstart`.
//!
//! Every query below is checked by rustc against the schema declared in `quarry::table!`, and
//! every result is checked with `assert_eq!`, so this program also serves as a test.

use std::path::{Path, PathBuf};

use quarry::prelude::*;
use quarry::select::BoxedSelectStatement;
use quarry::sql_types::SelectionOf;
use quarry::QueryResult;
use quarry_sqlite::{Sqlite, SqliteConnection};

// 1. The schema. One module per table (`authors::table`, `authors::name`, ...), with the SQL type
//    of every column. `#[references(...)]` declares a foreign key, which lets `inner_join` and
//    `left_join` find the ON clause by themselves.
quarry::table! {
    authors (id) {
        id -> Integer,
        name -> Text,
        born -> Integer,
    }
    books (id) {
        id -> Integer,
        #[references(authors::id)]
        author_id -> Integer,
        title -> Text,
        year -> Integer,
        series -> Nullable<Text>,
    }
    reviews (id) {
        id -> Integer,
        #[references(books::id)]
        book_id -> Integer,
        stars -> Integer,
    }
}

// 2. Rust structs for rows. `Queryable` reads a row into the struct; `Selectable` lets
//    `Author::as_select()` select exactly the struct's columns, by name.
#[derive(Queryable, Selectable, Debug, Clone, PartialEq)]
#[quarry(table = authors)]
struct Author {
    id: i32,
    name: String,
    born: i32,
}

#[derive(Queryable, Selectable, Debug, Clone, PartialEq)]
#[quarry(table = books)]
struct Book {
    id: i32,
    author_id: i32,
    title: String,
    year: i32,
    // A nullable column is read into an `Option`: with a plain `String` here, every query that
    // loads a `Book` would fail to compile.
    series: Option<String>,
}

// A new row for INSERT: the columns it leaves out (here `id`) take their SQL defaults.
#[derive(Insertable, Debug)]
#[quarry(table = books)]
struct NewBook<'a> {
    author_id: i32,
    title: &'a str,
    year: i32,
    series: Option<&'a str>,
}

// 3. The tables and starting data, in plain SQL: Quarry has no DDL, and the typed INSERT is shown
//    at the end of `run`.
const SETUP: &str = "
CREATE TABLE authors (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    born INTEGER NOT NULL
);
CREATE TABLE books (
    id INTEGER PRIMARY KEY,
    author_id INTEGER NOT NULL REFERENCES authors (id),
    title TEXT NOT NULL,
    year INTEGER NOT NULL,
    series TEXT
);
CREATE TABLE reviews (
    id INTEGER PRIMARY KEY,
    book_id INTEGER NOT NULL REFERENCES books (id),
    stars INTEGER NOT NULL
);
INSERT INTO authors (id, name, born) VALUES
    (1, 'Ursula K. Le Guin', 1929),
    (2, 'Terry Pratchett', 1948),
    (3, 'Octavia E. Butler', 1947),
    (4, 'Stanislaw Lem', 1921);
INSERT INTO books (id, author_id, title, year, series) VALUES
    (1, 1, 'A Wizard of Earthsea', 1968, 'Earthsea'),
    (2, 1, 'The Left Hand of Darkness', 1969, 'Hainish'),
    (3, 1, 'The Dispossessed', 1974, 'Hainish'),
    (4, 2, 'Mort', 1987, 'Discworld'),
    (5, 2, 'Guards! Guards!', 1989, 'Discworld'),
    (6, 3, 'Kindred', 1979, NULL),
    (7, 3, 'Parable of the Sower', 1993, 'Parable');
INSERT INTO reviews (id, book_id, stars) VALUES
    (1, 1, 5), (2, 1, 4), (3, 3, 5), (4, 4, 4), (5, 5, 5), (6, 5, 3), (7, 6, 5);
";

fn main() -> QueryResult<()> {
    // The example makes its own database file in the system's temporary directory (named after
    // the process, so that two runs at once do not share it).
    let path = std::env::temp_dir().join(format!("quarry-quickstart-{}.sqlite3", std::process::id()));
    remove_if_exists(&path)?;
    let path_str = path
        .to_str()
        .ok_or_else(|| quarry::Error::Connection(format!("temp path is not UTF-8: {}", path.display())))?;
    println!("database: {path_str}\n");

    // Declared before the connection, so dropped after it: the file is deleted once the
    // connection is closed, also when a query fails or an assertion panics.
    let _cleanup = RemoveOnDrop(path.clone());
    let mut conn = SqliteConnection::establish(path_str)?;
    run(&mut conn)?;

    println!("\nAll queries returned what was expected.");
    Ok(())
}

fn run(conn: &mut SqliteConnection) -> QueryResult<()> {
    conn.batch_execute(SETUP)?;

    // --- Filter with LIKE, order and limit -------------------------------------------------------
    // SQLite's LIKE ignores ASCII case, so '%the%' also matches "The ...".
    let titles: Vec<(String, i32)> = books::table
        .select((books::title, books::year))
        .filter(books::title.like("%the%"))
        .order_by(books::year.desc())
        .limit(2)
        .load(conn)?;
    println!("Two newest titles containing 'the':");
    for (title, year) in &titles {
        println!("  {year}  {title}");
    }
    assert_eq!(
        titles,
        [
            ("Parable of the Sower".to_string(), 1993),
            ("The Dispossessed".to_string(), 1974)
        ]
    );

    // --- A whole row into a struct, by primary key -----------------------------------------------
    let pratchett: Author = authors::table.find(2).first(conn)?;
    println!("\nAuthor #2: {pratchett:?}");
    assert_eq!(
        pratchett,
        Author {
            id: 2,
            name: "Terry Pratchett".into(),
            born: 1948
        }
    );

    // A missing key is `Error::NotFound`, not a panic.
    let missing = authors::table.find(99).first::<Author>(conn);
    assert!(matches!(missing, Err(quarry::Error::NotFound)));

    // `Book::as_select()` selects the struct's columns by name; the nullable `series` is `None`.
    let kindred: Book = books::table
        .select(Book::as_select())
        .filter(books::title.eq("Kindred"))
        .first(conn)?;
    println!("A book without a series: {kindred:?}");
    assert_eq!(kindred.series, None);

    // --- INNER JOIN through the foreign key ------------------------------------------------------
    // No ON clause: `books.author_id` references `authors.id`.
    let by_author: Vec<(String, String)> = books::table
        .inner_join(authors::table)
        .select((books::title, authors::name))
        .filter(books::year.between(1975, 1990))
        .order_by(books::year)
        .load(conn)?;
    println!("\nBooks from 1975 to 1990:");
    for (title, author) in &by_author {
        println!("  {title} by {author}");
    }
    assert_eq!(
        by_author,
        [
            ("Kindred".to_string(), "Octavia E. Butler".to_string()),
            ("Mort".to_string(), "Terry Pratchett".to_string()),
            ("Guards! Guards!".to_string(), "Terry Pratchett".to_string()),
        ]
    );

    // --- LEFT JOIN: authors with or without books ------------------------------------------------
    // The right side of a LEFT JOIN may be missing, so it must be loaded as an `Option`.
    let shelves: Vec<(Author, Option<Book>)> = authors::table
        .left_join(books::table)
        .filter(authors::id.ge(3))
        .order_by((authors::id, books::id))
        .load(conn)?;
    println!("\nAuthors #3 and #4 with their books:");
    for (author, book) in &shelves {
        match book {
            Some(book) => println!("  {}: {}", author.name, book.title),
            None => println!("  {}: (no books in the catalogue)", author.name),
        }
    }
    let summary: Vec<(&str, Option<&str>)> = shelves
        .iter()
        .map(|(a, b)| (a.name.as_str(), b.as_ref().map(|b| b.title.as_str())))
        .collect();
    assert_eq!(
        summary,
        [
            ("Octavia E. Butler", Some("Kindred")),
            ("Octavia E. Butler", Some("Parable of the Sower")),
            ("Stanislaw Lem", None),
        ]
    );

    // --- GROUP BY with COUNT, AVG and HAVING -----------------------------------------------------
    // Books with at least two reviews, with their review count and average rating.
    // The select list is checked against GROUP BY: selecting `books::year` here would not compile.
    let rated: Vec<(String, i64, Option<f64>)> = books::table
        .inner_join(reviews::table)
        .group_by(books::title)
        .select((books::title, count(reviews::id), avg(reviews::stars)))
        .having(count(reviews::id).ge(2))
        .order_by(books::title)
        .load(conn)?;
    println!("\nBooks with two reviews or more:");
    for (title, n, mean) in &rated {
        println!("  {title}: {n} reviews, average {:.1}", mean.unwrap_or_default());
    }
    assert_eq!(
        rated,
        [
            ("A Wizard of Earthsea".to_string(), 2, Some(4.5)),
            ("Guards! Guards!".to_string(), 2, Some(4.0))
        ]
    );

    // Books per author, counting zero for authors without books (COUNT of a LEFT JOINed column).
    let per_author: Vec<(String, i64)> = authors::table
        .left_join(books::table)
        .group_by(authors::name)
        .select((authors::name, count(books::id)))
        .order_by(authors::name)
        .load(conn)?;
    println!("\nBooks per author:");
    for (name, n) in &per_author {
        println!("  {name}: {n}");
    }
    assert_eq!(
        per_author,
        [
            ("Octavia E. Butler".to_string(), 2),
            ("Stanislaw Lem".to_string(), 0),
            ("Terry Pratchett".to_string(), 2),
            ("Ursula K. Le Guin".to_string(), 3),
        ]
    );

    // --- A boxed query: filters chosen at run time -----------------------------------------------
    let discworld = BookSearch {
        series: Some("Discworld"),
        ..BookSearch::default()
    };
    let found: Vec<Book> = search_books(&discworld).load(conn)?;
    let titles: Vec<&str> = found.iter().map(|b| b.title.as_str()).collect();
    println!("\nSearch {discworld:?}:\n  {titles:?}");
    assert_eq!(titles, ["Mort", "Guards! Guards!"]);

    let after_1969 = BookSearch {
        published_after: Some(1969),
        title_contains: Some("e"),
        ..BookSearch::default()
    };
    let found: Vec<Book> = search_books(&after_1969).load(conn)?;
    let titles: Vec<&str> = found.iter().map(|b| b.title.as_str()).collect();
    println!("Search {after_1969:?}:\n  {titles:?}");
    assert_eq!(titles, ["The Dispossessed", "Kindred", "Parable of the Sower"]);

    let everything: Vec<Book> = search_books(&BookSearch::default()).load(conn)?;
    assert_eq!(everything.len(), 7);

    // --- The SQL behind a query ------------------------------------------------------------------
    // Values are never pasted into the SQL: they are bound as parameters (`?`).
    let query = books::table
        .inner_join(authors::table)
        .select((books::title, authors::name))
        .filter(authors::born.lt(1930))
        .order_by(books::title);
    let sql = SqliteConnection::debug_sql(&query)?;
    println!("\nSQL of one query:\n  {sql}");
    assert_eq!(
        sql,
        r#"SELECT "books"."title", "authors"."name" FROM "books" INNER JOIN "authors" ON "books"."author_id" = "authors"."id" WHERE "authors"."born" < ? ORDER BY "books"."title""#
    );
    let old_masters: Vec<(String, String)> = query.load(conn)?;
    assert_eq!(old_masters.len(), 3);
    assert!(old_masters
        .iter()
        .all(|(_, author)| author == "Ursula K. Le Guin"));

    // --- Writing: INSERT, UPDATE and DELETE in a transaction -------------------------------------
    // The closure's changes are committed when it returns `Ok`, rolled back when it returns `Err`.
    let solaris = conn.transaction(|conn| -> QueryResult<Book> {
        // RETURNING gives back the row as stored, with its generated id.
        let solaris: Book = insert_into(books::table)
            .values(&NewBook {
                author_id: 4,
                title: "Solaris",
                year: 1961,
                series: None,
            })
            .returning(Book::as_select())
            .get_result(conn)?;
        let added = insert_into(reviews::table)
            .values(vec![
                (reviews::book_id.eq(solaris.id), reviews::stars.eq(5)),
                (reviews::book_id.eq(solaris.id), reviews::stars.eq(4)),
            ])
            .execute(conn)?;
        assert_eq!(added, 2);
        // Affected-row counts come back from `execute`.
        let standalone = update(books::table.filter(books::series.is_null()))
            .set(books::series.eq("Standalone"))
            .execute(conn)?;
        assert_eq!(standalone, 2); // Kindred and Solaris
        let removed = delete(reviews::table.filter(reviews::stars.lt(4))).execute(conn)?;
        assert_eq!(removed, 1);
        Ok(solaris)
    })?;
    println!("\nInserted: {solaris:?}");
    assert_eq!(solaris.id, 8);
    assert_eq!(solaris.title, "Solaris");

    // A failing statement rolls the whole transaction back: the first INSERT is undone too.
    let failed = conn.transaction(|conn| -> QueryResult<()> {
        insert_into(books::table)
            .values(&NewBook {
                author_id: 1,
                title: "The Lathe of Heaven",
                year: 1971,
                series: None,
            })
            .execute(conn)?;
        // There is no author 99: SQLite's foreign key check refuses the row.
        insert_into(books::table)
            .values(&NewBook {
                author_id: 99,
                title: "Nobody's Book",
                year: 2000,
                series: None,
            })
            .execute(conn)?;
        Ok(())
    });
    match &failed {
        Err(quarry::Error::Database(e)) if e.kind == quarry::DatabaseErrorKind::ForeignKeyViolation => {
            println!("Rolled back: {e}");
        }
        other => panic!("expected a foreign key violation, got {other:?}"),
    }
    let lathe: i64 = books::table
        .filter(books::title.eq("The Lathe of Heaven"))
        .count()
        .get_result(conn)?;
    assert_eq!(lathe, 0);

    let lem: Vec<(String, Option<String>)> = books::table
        .inner_join(authors::table)
        .select((books::title, books::series))
        .filter(authors::name.eq("Stanislaw Lem"))
        .load(conn)?;
    assert_eq!(lem, [("Solaris".to_string(), Some("Standalone".to_string()))]);

    Ok(())
}

/// Search criteria that a user might fill in at run time; `None` means "any".
#[derive(Debug, Default)]
struct BookSearch<'a> {
    title_contains: Option<&'a str>,
    series: Option<&'a str>,
    published_after: Option<i32>,
}

/// Builds a query from the criteria that are set. A boxed query keeps one type whatever filters
/// are added, so it can be built step by step; each filter is still checked against `books`.
fn search_books<'a>(
    search: &BookSearch<'a>,
) -> BoxedSelectStatement<'a, books::table, SelectionOf<Book>, Sqlite> {
    let mut query = books::table.select(Book::as_select()).into_boxed::<Sqlite>();
    if let Some(text) = search.title_contains {
        query = query.filter(books::title.like(format!("%{text}%")));
    }
    if let Some(series) = search.series {
        query = query.filter(books::series.eq(series));
    }
    if let Some(year) = search.published_after {
        query = query.filter(books::year.gt(year));
    }
    query.order_by(books::year)
}

fn remove_if_exists(path: &Path) -> QueryResult<()> {
    match std::fs::remove_file(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(quarry::Error::Connection(format!(
            "cannot remove {}: {e}",
            path.display()
        ))),
    }
}

/// Deletes a file when dropped.
struct RemoveOnDrop(PathBuf);

impl Drop for RemoveOnDrop {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}
