//! Every SELECT feature of the DSL, run against SQLite with the rows checked.

use super::*;
use quarry::prelude::*;
use quarry::sql_types::Text;
use quarry::QueryResult;

type R = QueryResult<()>;

#[test]
fn select_columns_tuples_and_structs() -> R {
    let mut c = conn!();
    let names: Vec<String> = users::table
        .select(users::name)
        .order_by(users::id)
        .load(&mut c)?;
    assert_eq!(names, ["Ada", "Grace", "Linus", "Barbara"]);
    let pairs: Vec<(i32, Option<String>)> = users::table
        .select((users::id, users::hair_color))
        .order_by(users::id)
        .limit(2)
        .load(&mut c)?;
    assert_eq!(pairs, vec![(1, Some("brown".into())), (2, None)]);
    let all: Vec<User> = users::table.order_by(users::id).load(&mut c)?;
    assert_eq!(
        all[3],
        User {
            id: 4,
            name: "Barbara".into(),
            hair_color: None,
            age: 80
        }
    );
    let selected: Vec<User> = users::table
        .select(User::as_select())
        .order_by(users::id)
        .load(&mut c)?;
    assert_eq!(selected, all);
    // A struct without a table loads positionally, e.g. from aggregates.
    #[derive(Queryable, Debug, PartialEq)]
    struct AgeStats {
        n: i64,
        oldest: Option<i32>,
    }
    let stats: AgeStats = users::table
        .select((count_star(), max(users::age)))
        .get_result(&mut c)?;
    assert_eq!(
        stats,
        AgeStats {
            n: 4,
            oldest: Some(80)
        }
    );
    // A subset of columns, by name, in any field order.
    #[derive(Queryable, Selectable, Debug, PartialEq)]
    #[quarry(table = users)]
    struct NameAge {
        age: i32,
        name: String,
    }
    let first: NameAge = users::table
        .select(NameAge::as_select())
        .order_by(users::id)
        .first(&mut c)?;
    assert_eq!(
        first,
        NameAge {
            age: 36,
            name: "Ada".into()
        }
    );
    let by_default: NameAge = users::table.order_by(users::id).first(&mut c)?;
    assert_eq!(by_default, first);
    Ok(())
}

#[test]
fn select_expressions() -> R {
    let mut c = conn!();
    // Division is nullable: SQLite and MySQL return NULL for a division by zero, PostgreSQL
    // refuses it with an error.
    let rows: Vec<(String, i32, Option<i32>)> = users::table
        .select((users::name.concat("!"), users::age + 1, (users::age - 6) * 2 / 3))
        .filter(users::id.eq(1))
        .load(&mut c)?;
    assert_eq!(rows, vec![("Ada!".into(), 37, Some(20))]);
    let by_zero = users::table
        .select(users::age / 0)
        .filter(users::id.eq(1))
        .load::<Option<i32>>(&mut c);
    if DIALECT.division_by_zero_is_null {
        assert_eq!(by_zero?, [None]);
    } else {
        match by_zero {
            Err(quarry::Error::Database(e)) => assert!(e.message.contains("division by zero"), "{e:?}"),
            other => panic!("expected a division-by-zero error, got {other:?}"),
        }
    }
    // Concatenation with a nullable column is nullable.
    let rows: Vec<Option<String>> = users::table
        .select(users::hair_color.concat(" hair"))
        .order_by(users::id)
        .load(&mut c)?;
    assert_eq!(
        rows,
        vec![Some("brown hair".into()), None, Some("blond hair".into()), None]
    );
    Ok(())
}

#[test]
fn comparisons() -> R {
    let mut c = conn!();
    let eq: Vec<i32> = users::table
        .select(users::id)
        .filter(users::name.eq("Grace"))
        .load(&mut c)?;
    assert_eq!(eq, [2]);
    let ne: Vec<i32> = users::table
        .select(users::id)
        .filter(users::id.ne(2))
        .order_by(users::id)
        .load(&mut c)?;
    assert_eq!(ne, [1, 3, 4]);
    let lt: Vec<i32> = users::table
        .select(users::id)
        .filter(users::age.lt(36))
        .load(&mut c)?;
    assert_eq!(lt, [3]);
    let le: Vec<i32> = users::table
        .select(users::id)
        .filter(users::age.le(36))
        .order_by(users::id)
        .load(&mut c)?;
    assert_eq!(le, [1, 3]);
    let gt: Vec<i32> = users::table
        .select(users::id)
        .filter(users::age.gt(45))
        .load(&mut c)?;
    assert_eq!(gt, [4]);
    let ge: Vec<i32> = users::table
        .select(users::id)
        .filter(users::age.ge(45))
        .order_by(users::id)
        .load(&mut c)?;
    assert_eq!(ge, [2, 4]);
    // Column against column.
    let same: Vec<i32> = posts::table
        .select(posts::id)
        .filter(posts::id.eq(posts::user_id))
        .load(&mut c)?;
    assert_eq!(same, [1]);
    Ok(())
}

#[test]
fn like_and_not_like() -> R {
    let mut c = conn!();
    let like: Vec<String> = users::table
        .select(users::name)
        .filter(users::name.like("%a"))
        .order_by(users::id)
        .load(&mut c)?;
    assert_eq!(like, ["Ada", "Barbara"]);
    let not_like: Vec<String> = users::table
        .select(users::name)
        .filter(users::name.not_like("%a"))
        .order_by(users::id)
        .load(&mut c)?;
    assert_eq!(not_like, ["Grace", "Linus"]);
    Ok(())
}

#[test]
fn in_and_not_in_lists() -> R {
    let mut c = conn!();
    let ids: Vec<i32> = users::table
        .select(users::id)
        .filter(users::name.eq_any(["Ada", "Linus"]))
        .order_by(users::id)
        .load(&mut c)?;
    assert_eq!(ids, [1, 3]);
    let ids: Vec<i32> = users::table
        .select(users::id)
        .filter(users::id.ne_all(vec![1, 2]))
        .order_by(users::id)
        .load(&mut c)?;
    assert_eq!(ids, [3, 4]);
    // Empty lists: IN () matches nothing, NOT IN () everything.
    let none: Vec<i32> = users::table
        .select(users::id)
        .filter(users::id.eq_any(Vec::<i32>::new()))
        .load(&mut c)?;
    assert!(none.is_empty());
    let all: Vec<i32> = users::table
        .select(users::id)
        .filter(users::id.ne_all(Vec::<i32>::new()))
        .load(&mut c)?;
    assert_eq!(all.len(), 4);
    // Lists of different lengths reuse nothing wrongly (the SQL differs, so it is keyed by text).
    for n in 1..=4 {
        let wanted: Vec<i32> = (1..=n).collect();
        let got: Vec<i32> = users::table
            .select(users::id)
            .filter(users::id.eq_any(wanted.clone()))
            .order_by(users::id)
            .load(&mut c)?;
        assert_eq!(got, wanted);
    }
    Ok(())
}

#[test]
fn in_and_not_in_subqueries() -> R {
    let mut c = conn!();
    let authors: Vec<String> = users::table
        .select(users::name)
        .filter(users::id.in_subquery(posts::table.select(posts::user_id).filter(posts::views.gt(50))))
        .order_by(users::id)
        .load(&mut c)?;
    assert_eq!(authors, ["Ada", "Grace"]);
    let never_posted: Vec<String> = users::table
        .select(users::name)
        .filter(users::id.not_in_subquery(posts::table.select(posts::user_id)))
        .load(&mut c)?;
    assert_eq!(never_posted, ["Barbara"]);
    // IN over a subquery that can return NULL is nullable.
    let flags: Vec<Option<bool>> = users::table
        .select(users::id.not_in_subquery(users::table.left_join(posts::table).select(posts::user_id)))
        .order_by(users::id)
        .load(&mut c)?;
    assert_eq!(flags, [Some(false), Some(false), Some(false), None]);
    Ok(())
}

#[test]
fn between_and_not_between() -> R {
    let mut c = conn!();
    let ids: Vec<i32> = users::table
        .select(users::id)
        .filter(users::age.between(30, 50))
        .order_by(users::id)
        .load(&mut c)?;
    assert_eq!(ids, [1, 2]);
    let ids: Vec<i32> = users::table
        .select(users::id)
        .filter(users::age.not_between(30, 50))
        .order_by(users::id)
        .load(&mut c)?;
    assert_eq!(ids, [3, 4]);
    // A nullable bound makes the test nullable (byte order: 'L' < 'b', so "Linus" <= "blond").
    let tests: Vec<Option<bool>> = users::table
        .select(users::name.between("A", users::hair_color))
        .order_by(users::id)
        .load(&mut c)?;
    assert_eq!(tests, [Some(true), None, Some(true), None]);
    let tests: Vec<Option<bool>> = users::table
        .select(users::name.between("M", users::hair_color))
        .order_by(users::id)
        .load(&mut c)?;
    // Three-valued logic: below the low bound is false even when the high bound is NULL.
    assert_eq!(tests, [Some(false), Some(false), Some(false), Some(false)]);
    Ok(())
}

#[test]
fn null_tests() -> R {
    let mut c = conn!();
    let ids: Vec<i32> = users::table
        .select(users::id)
        .filter(users::hair_color.is_null())
        .order_by(users::id)
        .load(&mut c)?;
    assert_eq!(ids, [2, 4]);
    let ids: Vec<i32> = users::table
        .select(users::id)
        .filter(users::hair_color.is_not_null())
        .order_by(users::id)
        .load(&mut c)?;
    assert_eq!(ids, [1, 3]);
    // A nullable column compared with a plain value.
    let ids: Vec<i32> = users::table
        .select(users::id)
        .filter(users::hair_color.eq("blond"))
        .load(&mut c)?;
    assert_eq!(ids, [3]);
    // ... and with an Option.
    let ids: Vec<i32> = users::table
        .select(users::id)
        .filter(users::hair_color.eq(Some("brown")))
        .load(&mut c)?;
    assert_eq!(ids, [1]);
    Ok(())
}

#[test]
fn boolean_logic_and_or_filter() -> R {
    let mut c = conn!();
    let ids: Vec<i32> = users::table
        .select(users::id)
        .filter(users::age.gt(30).and(users::hair_color.is_null()))
        .order_by(users::id)
        .load(&mut c)?;
    assert_eq!(ids, [2, 4]);
    let ids: Vec<i32> = users::table
        .select(users::id)
        .filter(users::id.eq(1).or(users::id.eq(3)))
        .order_by(users::id)
        .load(&mut c)?;
    assert_eq!(ids, [1, 3]);
    let ids: Vec<i32> = users::table
        .select(users::id)
        .filter(not(users::age.gt(30)))
        .order_by(users::id)
        .load(&mut c)?;
    assert_eq!(ids, [3]);
    // filter + or_filter: (a OR b) AND c keeps the parentheses.
    let q = users::table
        .select(users::id)
        .filter(users::id.eq(1))
        .or_filter(users::id.eq(4))
        .filter(users::age.gt(40));
    assert_eq!(
        sql(&q),
        r#"SELECT "users"."id" FROM "users" WHERE ("users"."id" = ? OR "users"."id" = ?) AND "users"."age" > ?"#
    );
    let ids: Vec<i32> = q.load(&mut c)?;
    assert_eq!(ids, [4]);
    Ok(())
}

#[test]
fn case_when_and_cast() -> R {
    let mut c = conn!();
    let labels: Vec<(String, String)> = users::table
        .select((
            users::name,
            case_when(users::age.lt(30), "young")
                .when(users::age.lt(50), "middle")
                .otherwise("senior"),
        ))
        .order_by(users::id)
        .load(&mut c)?;
    assert_eq!(labels[0].1, "middle");
    assert_eq!(labels[2].1, "young");
    assert_eq!(labels[3].1, "senior");
    // Without ELSE the result is nullable.
    let maybe: Vec<Option<i32>> = users::table
        .select(case_when(users::age.gt(40), users::age))
        .order_by(users::id)
        .load(&mut c)?;
    assert_eq!(maybe, [None, Some(45), None, Some(80)]);
    // A later branch that may be NULL makes the whole CASE nullable.
    let mixed: Vec<Option<String>> = users::table
        .select(
            case_when(users::id.eq(1), users::name)
                .when(users::id.eq(2), users::hair_color)
                .otherwise("other"),
        )
        .order_by(users::id)
        .load(&mut c)?;
    assert_eq!(
        mixed,
        [
            Some("Ada".into()),
            None,
            Some("other".into()),
            Some("other".into())
        ]
    );
    let as_text: Vec<String> = users::table
        .select(users::age.cast::<Text>())
        .filter(users::id.eq(1))
        .load(&mut c)?;
    assert_eq!(as_text, ["36"]);
    Ok(())
}

#[test]
fn ordering_limit_offset_distinct() -> R {
    let mut c = conn!();
    let names: Vec<String> = users::table
        .select(users::name)
        .order_by(users::age.desc())
        .load(&mut c)?;
    assert_eq!(names, ["Barbara", "Grace", "Ada", "Linus"]);
    let names: Vec<String> = users::table
        .select(users::name)
        .order_by(users::name.asc())
        .limit(2)
        .offset(1)
        .load(&mut c)?;
    assert_eq!(names, ["Barbara", "Grace"]);
    let names: Vec<String> = users::table
        .select(users::name)
        .order_by(users::name)
        .offset(3)
        .load(&mut c)?;
    assert_eq!(names, ["Linus"]);
    // A second key breaks the ties of the first (false sorts before true).
    let by_two: Vec<(bool, String)> = users::table
        .select((users::age.gt(40), users::name))
        .order_by(users::age.gt(40).desc())
        .then_order_by(users::name)
        .load(&mut c)?;
    assert_eq!(
        by_two,
        vec![
            (true, "Barbara".into()),
            (true, "Grace".into()),
            (false, "Ada".into()),
            (false, "Linus".into())
        ]
    );
    let authors: Vec<i32> = posts::table
        .select(posts::user_id)
        .distinct()
        .order_by(posts::user_id)
        .load(&mut c)?;
    assert_eq!(authors, [1, 2, 3]);
    Ok(())
}

#[test]
fn aggregates_group_by_having() -> R {
    let mut c = conn!();
    let n: i64 = users::table.count().get_result(&mut c)?;
    assert_eq!(n, 4);
    let n: i64 = users::table.select(count(users::hair_color)).get_result(&mut c)?;
    assert_eq!(n, 2);
    let (total, mean, lo, hi): (Option<i64>, Option<f64>, Option<i32>, Option<i32>) = users::table
        .select((sum(users::age), avg(users::age), min(users::age), max(users::age)))
        .get_result(&mut c)?;
    assert_eq!((total, lo, hi), (Some(189), Some(28), Some(80)));
    assert!((mean.unwrap_or_default() - 47.25).abs() < 1e-9);
    // Aggregates over no rows are NULL.
    let empty: (Option<i64>, Option<i32>) = users::table
        .select((sum(users::age), max(users::age)))
        .filter(users::id.gt(100))
        .get_result(&mut c)?;
    assert_eq!(empty, (None, None));
    let views: Vec<(i32, i64, Option<i64>)> = posts::table
        .group_by(posts::user_id)
        .select((posts::user_id, count_star(), sum(posts::views)))
        .order_by(posts::user_id)
        .load(&mut c)?;
    assert_eq!(
        views,
        vec![(1, 2, Some(350)), (2, 1, Some(900)), (3, 1, Some(10))]
    );
    let busy: Vec<i32> = posts::table
        .group_by(posts::user_id)
        .select(posts::user_id)
        .having(count_star().gt(1))
        .load(&mut c)?;
    assert_eq!(busy, [1]);
    let distinct_authors: i64 = posts::table
        .select(count_distinct(posts::user_id))
        .get_result(&mut c)?;
    assert_eq!(distinct_authors, 3);
    Ok(())
}

#[test]
fn inner_and_left_joins_through_foreign_keys() -> R {
    let mut c = conn!();
    let rows: Vec<(String, String)> = users::table
        .inner_join(posts::table)
        .select((users::name, posts::title))
        .order_by(posts::id)
        .load(&mut c)?;
    assert_eq!(rows[0], ("Ada".into(), "Engines".into()));
    assert_eq!(rows.len(), 4);
    // The relation is found in either direction.
    let rows: Vec<(String, String)> = posts::table
        .inner_join(users::table)
        .select((posts::title, users::name))
        .order_by(posts::id)
        .load(&mut c)?;
    assert_eq!(rows[2], ("Compilers".into(), "Grace".into()));
    let left: Vec<(User, Option<Post>)> = users::table
        .left_join(posts::table)
        .order_by((users::id, posts::id))
        .load(&mut c)?;
    assert_eq!(left.len(), 5);
    assert_eq!(left[4].0.name, "Barbara");
    assert_eq!(left[4].1, None);
    assert_eq!(left[0].1.as_ref().map(|p| p.title.as_str()), Some("Engines"));
    // Three tables: comments relate to posts, which is in the join.
    let rows: Vec<(String, String, Option<String>)> = users::table
        .inner_join(posts::table)
        .left_join(comments::table)
        .select((users::name, posts::title, comments::body))
        .order_by((posts::id, comments::id))
        .load(&mut c)?;
    assert_eq!(rows.len(), 5);
    assert_eq!(rows[1], ("Ada".into(), "Engines".into(), Some("more".into())));
    assert_eq!(rows[2], ("Ada".into(), "Notes".into(), None));
    // Selectable structs on both sides of a LEFT JOIN.
    let rows: Vec<(User, Option<Post>)> = users::table
        .left_join(posts::table)
        .select((User::as_select(), Post::as_select()))
        .filter(users::id.eq(4))
        .load(&mut c)?;
    assert_eq!(
        rows,
        vec![(
            User {
                id: 4,
                name: "Barbara".into(),
                hair_color: None,
                age: 80
            },
            None
        )]
    );
    Ok(())
}

#[test]
fn joins_with_explicit_on_and_self_joins() -> R {
    let mut c = conn!();
    // Explicit ON: users whose age is greater than a post's views (not a declared relation).
    let rows: Vec<(String, String)> = users::table
        .inner_join(posts::table.on(posts::views.lt(users::age.cast::<quarry::sql_types::BigInt>())))
        .select((users::name, posts::title))
        .order_by((users::id, posts::id))
        .load(&mut c)?;
    assert_eq!(rows.first(), Some(&("Ada".into(), "Kernels".into())));
    assert_eq!(rows.len(), 4);
    quarry::alias!(employees::table as manager);
    let rows: Vec<(String, Option<String>)> = employees::table
        .left_join(manager.on(employees::manager_id.eq(manager.field(employees::id).nullable())))
        .select((employees::name, manager.field(employees::name)))
        .order_by(employees::id)
        .load(&mut c)?;
    assert_eq!(
        rows,
        vec![
            ("Boss".into(), None),
            ("Ann".into(), Some("Boss".into())),
            ("Bob".into(), Some("Boss".into())),
            ("Cid".into(), Some("Ann".into()))
        ]
    );
    Ok(())
}

#[test]
fn exists_and_scalar_subqueries() -> R {
    let mut c = conn!();
    let with_posts: Vec<String> = users::table
        .select(users::name)
        .filter(exists(
            posts::table
                .correlate(users::table)
                .select(posts::id)
                .filter(posts::user_id.eq(users::id)),
        ))
        .order_by(users::id)
        .load(&mut c)?;
    assert_eq!(with_posts, ["Ada", "Grace", "Linus"]);
    let without: Vec<String> = users::table
        .select(users::name)
        .filter(not_exists(
            posts::table
                .correlate(users::table)
                .select(posts::id)
                .filter(posts::user_id.eq(users::id)),
        ))
        .load(&mut c)?;
    assert_eq!(without, ["Barbara"]);
    let counts: Vec<(String, Option<i64>)> = users::table
        .select((
            users::name,
            posts::table
                .correlate(users::table)
                .select(count_star())
                .filter(posts::user_id.eq(users::id))
                .single_value(),
        ))
        .order_by(users::id)
        .load(&mut c)?;
    assert_eq!(counts[0], ("Ada".into(), Some(2)));
    assert_eq!(counts[3], ("Barbara".into(), Some(0)));
    Ok(())
}

#[test]
fn find_first_load_and_iterate() -> R {
    let mut c = conn!();
    let grace: User = users::table.find(2).first(&mut c)?;
    assert_eq!(grace.name, "Grace");
    assert!(matches!(
        users::table.find(99).first::<User>(&mut c),
        Err(quarry::Error::NotFound)
    ));
    let item: (i32, i32, String) = order_items::table
        .find((1, 2))
        .select((order_items::order_id, order_items::line, order_items::product))
        .first(&mut c)?;
    assert_eq!(item.2, "milk");
    let oldest: String = users::table
        .select(users::name)
        .order_by(users::age.desc())
        .first(&mut c)?;
    assert_eq!(oldest, "Barbara");
    let query = users::table.select(users::name).order_by(users::id);
    let mut seen = Vec::new();
    for name in query.load_iter::<String>(&mut c)? {
        seen.push(name?);
    }
    assert_eq!(seen, ["Ada", "Grace", "Linus", "Barbara"]);
    // Stopping early and running again starts from the first row.
    let first_two: Vec<String> = query
        .load_iter::<String>(&mut c)?
        .take(2)
        .collect::<QueryResult<_>>()?;
    assert_eq!(first_two, ["Ada", "Grace"]);
    let again: Vec<String> = query.load(&mut c)?;
    assert_eq!(again.len(), 4);
    Ok(())
}

#[test]
fn boxed_queries_built_at_run_time() -> R {
    let mut c = conn!();
    let search = |name: Option<&str>, min_age: Option<i32>, newest_first: bool| {
        let mut q = users::table.select(users::id).into_boxed::<TestBackend>();
        if let Some(name) = name {
            q = q.filter(users::name.like(format!("%{name}%")));
        }
        if let Some(age) = min_age {
            q = q.filter(users::age.ge(age));
        }
        if newest_first {
            q.order_by(users::id.desc())
        } else {
            q.order_by(users::id.asc())
        }
    };
    assert_eq!(search(None, None, false).load::<i32>(&mut c)?, [1, 2, 3, 4]);
    assert_eq!(search(Some("a"), None, true).load::<i32>(&mut c)?, [4, 2, 1]);
    assert_eq!(search(Some("a"), Some(40), false).load::<i32>(&mut c)?, [2, 4]);
    let q = search(None, Some(40), false)
        .or_filter(users::name.eq("Ada"))
        .limit(1)
        .offset(1);
    assert_eq!(
        sql(&q),
        r#"SELECT "users"."id" FROM "users" WHERE ("users"."age" >= ? OR "users"."name" = ?) ORDER BY "users"."id" ASC LIMIT ? OFFSET ?"#
    );
    assert_eq!(q.load::<i32>(&mut c)?, [2]);
    // A boxed aggregate query runs too.
    let grouped = posts::table
        .group_by(posts::user_id)
        .select((posts::user_id, count_star()))
        .into_boxed::<TestBackend>()
        .order_by(posts::user_id.desc());
    assert_eq!(grouped.load::<(i32, i64)>(&mut c)?, [(3, 1), (2, 1), (1, 2)]);
    let total: i64 = users::table
        .select(count_star())
        .into_boxed::<TestBackend>()
        .get_result(&mut c)?;
    assert_eq!(total, 4);
    // A boxed query keeps its earlier clauses.
    let boxed = users::table
        .filter(users::age.gt(40))
        .order_by(users::id)
        .into_boxed::<TestBackend>();
    let names: Vec<User> = boxed.load(&mut c)?;
    assert_eq!(names.iter().map(|u| u.id).collect::<Vec<_>>(), [2, 4]);
    Ok(())
}

#[test]
fn quoted_identifiers_and_sql_names() -> R {
    let mut c = conn!();
    let q = order_items::table
        .select(order_items::product)
        .filter(order_items::order_id.eq(1))
        .order_by(order_items::line);
    assert_eq!(
        sql(&q),
        r#"SELECT "Order Items"."Product Name" FROM "Order Items" WHERE "Order Items"."OrderId" = ? ORDER BY "Order Items"."Line""#
    );
    assert_eq!(q.load::<String>(&mut c)?, ["tea", "milk"]);
    Ok(())
}

#[test]
fn optional_turns_not_found_into_none() -> R {
    use quarry::OptionalExtension;
    let mut c = conn!();
    let missing: Option<User> = users::table.find(99).first(&mut c).optional()?;
    assert_eq!(missing, None);
    let found: Option<User> = users::table.find(1).first(&mut c).optional()?;
    assert_eq!(found.map(|u| u.name), Some("Ada".into()));
    Ok(())
}
