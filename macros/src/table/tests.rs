use quote::quote;

use super::{expand_tokens, parse};

#[test]
fn parses_names_keys_and_references() {
    let schema = parse(quote! {
        #[sql_name = "Album"]
        #[schema = "music"]
        albums (album_id) {
            #[sql_name = "AlbumId"]
            album_id -> Integer,
            title -> Nullable<Text>,
            #[references(artists::artist_id)]
            artist_id -> Integer,
        }
        artists (artist_id) { artist_id -> Integer, }
    })
    .expect("valid schema");
    assert_eq!(schema.tables.len(), 2);
    let albums = &schema.tables[0];
    assert_eq!(albums.sql_name, "Album");
    assert_eq!(albums.schema.as_deref(), Some("music"));
    assert_eq!(albums.primary_key[0], "album_id");
    assert_eq!(albums.columns[0].sql_name, "AlbumId");
    assert_eq!(albums.columns[1].sql_name, "title");
    let r = albums.columns[2].references.as_ref().expect("reference");
    assert_eq!(
        (r.table.to_string(), r.column.to_string()),
        ("artists".into(), "artist_id".into())
    );
}

#[test]
fn primary_key_defaults_to_id_and_composite_keys_parse() {
    let schema = parse(quote! {
        users { id -> Integer, }
        memberships (user_id, group_id) { user_id -> Integer, group_id -> Integer, }
    })
    .expect("valid schema");
    assert_eq!(schema.tables[0].primary_key.len(), 1);
    assert_eq!(schema.tables[1].primary_key.len(), 2);
}

fn error_of(tokens: proc_macro2::TokenStream) -> String {
    match parse(tokens) {
        Ok(_) => panic!("expected an error"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn rejects_mistakes_with_clear_messages() {
    assert!(error_of(quote! { users (uid) { id -> Integer, } })
        .contains("primary key column `uid` is not a column"));
    assert!(error_of(quote! { users { id -> Integer, id -> Text, } }).contains("declared twice"));
    assert!(error_of(quote! { users { } }).contains("no columns"));
    assert!(error_of(quote! { #[bogus] users { id -> Integer, } }).contains("unknown table attribute"));
    assert!(error_of(quote! { users { #[references(users)] id -> Integer, } })
        .contains("references(table::column)"));
    assert!(error_of(quote! { users { id -> Integer, table -> Text, } }).contains("cannot be named `table`"));
}

#[test]
fn generated_code_is_linear_in_columns() {
    let small = expand_tokens(quote! { t { id -> Integer, } }).to_string().len();
    let cols: Vec<_> = (0..100u32).map(|i| quote::format_ident!("c{}", i)).collect();
    let big = expand_tokens(quote! { t { id -> Integer, #(#cols -> Integer,)* } })
        .to_string()
        .len();
    let one_column = (big - small) / 100;
    // Every column costs the same: no per-pair or quadratic output.
    let cols2: Vec<_> = (0..200u32).map(|i| quote::format_ident!("c{}", i)).collect();
    let bigger = expand_tokens(quote! { t { id -> Integer, #(#cols2 -> Integer,)* } })
        .to_string()
        .len();
    let per_column_200 = (bigger - small) / 200;
    assert!(
        per_column_200 <= one_column + 8,
        "{per_column_200} vs {one_column}"
    );
}

#[test]
fn foreign_key_join_is_generated_only_when_unambiguous() {
    let out = expand_tokens(quote! {
        posts {
            id -> Integer,
            #[references(users::id)] author_id -> Integer,
            #[references(users::id)] editor_id -> Integer,
            #[references(blogs::id)] blog_id -> Integer,
        }
    })
    .to_string();
    assert_eq!(out.matches("ForeignKey <").count(), 1, "{out}");
    assert!(
        out.contains("ForeignKey < blogs :: table > for posts :: table"),
        "{out}"
    );
}
