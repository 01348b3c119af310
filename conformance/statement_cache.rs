//! The prepared-statement cache: typed queries are keyed by type, dynamic ones by SQL text.

use super::*;
use quarry::prelude::*;
use quarry::QueryResult;

#[test]
fn a_repeated_typed_query_is_prepared_once() -> QueryResult<()> {
    let mut c = conn!();
    for id in 1..=4 {
        let name: String = users::table.find(id).select(users::name).first(&mut c)?;
        assert!(!name.is_empty());
    }
    assert_eq!(c.cached_statements(), 1);
    let _: Vec<i32> = users::table.select(users::id).load(&mut c)?;
    assert_eq!(c.cached_statements(), 2);
    Ok(())
}

#[test]
fn dynamic_queries_are_keyed_by_their_sql() -> QueryResult<()> {
    let mut c = conn!();
    // A boxed query's SQL depends on run-time choices: each shape is its own statement.
    let by_filters = |filters: usize| {
        let mut q = users::table.select(users::id).into_boxed::<TestBackend>();
        for min in 0..filters {
            q = q.filter(users::age.gt(min as i32));
        }
        q
    };
    for n in 1..=3 {
        assert_eq!(by_filters(n).load::<i32>(&mut c)?.len(), 4);
    }
    assert_eq!(c.cached_statements(), 3);
    // The same shape again reuses its statement.
    assert_eq!(by_filters(2).load::<i32>(&mut c)?.len(), 4);
    assert_eq!(c.cached_statements(), 3);
    Ok(())
}

#[test]
fn in_lists_of_any_length_are_cached() -> QueryResult<()> {
    let mut c = conn!();
    for n in 1..=3 {
        let ids: Vec<i32> = users::table
            .select(users::id)
            .filter(users::id.eq_any((1..=n).collect::<Vec<_>>()))
            .load(&mut c)?;
        assert_eq!(ids.len(), n as usize);
    }
    // `= ANY($1)` is one statement for every length; `IN (?, ?)` one per length.
    let statements = if DIALECT.in_list_is_one_statement { 1 } else { 3 };
    assert_eq!(c.cached_statements(), statements);
    // The same length again reuses one.
    let mut ids: Vec<i32> = users::table
        .select(users::id)
        .filter(users::id.eq_any(vec![4, 3]))
        .load(&mut c)?;
    ids.sort_unstable();
    assert_eq!(ids, [3, 4]);
    assert_eq!(c.cached_statements(), statements);
    Ok(())
}

#[test]
fn the_cache_is_bounded_and_can_be_turned_off() -> QueryResult<()> {
    let mut c = conn!();
    c.set_statement_cache_capacity(2);
    let _: Vec<i32> = users::table.select(users::id).load(&mut c)?;
    let _: Vec<String> = users::table.select(users::name).load(&mut c)?;
    let _: Vec<i32> = users::table.select(users::age).load(&mut c)?;
    assert_eq!(c.cached_statements(), 2);
    c.set_statement_cache_capacity(0);
    assert_eq!(c.cached_statements(), 0);
    let names: Vec<String> = users::table
        .select(users::name)
        .order_by(users::id)
        .load(&mut c)?;
    assert_eq!(names[0], "Ada");
    assert_eq!(c.cached_statements(), 0);
    Ok(())
}

#[test]
fn a_schema_change_does_not_break_a_cached_statement() -> QueryResult<()> {
    let mut c = conn!();
    let q = || users::table.select(users::name).filter(users::id.eq(1));
    let _: String = q().first(&mut c)?;
    c.batch_execute("ALTER TABLE users ADD COLUMN extra TEXT")?;
    // SQLite re-prepares a persistent statement whose schema changed.
    let name: String = q().first(&mut c)?;
    assert_eq!(name, "Ada");
    Ok(())
}
