//! The SQLite benchmarks: Quarry, Diesel, rusqlite and a hand-written `sqlite3_step` loop on the
//! four workloads (see `quarry_bench::data`), each on its own in-memory database.
//!
//! Ids: group `sqlite/{trivial,medium,insert,associations}`, function `quarry` / `diesel` /
//! `rusqlite` / `raw_c`, parameter N (`100x10x10` for associations). Before measuring a case,
//! every implementation's result is checked against the expected data.
//!
//! `QUARRY_BENCH_ONLY=<text>` (for profiling, e.g. under callgrind) skips the setup and checks
//! of every case none of whose ids contains `<text>`; criterion's own filter still decides what
//! is measured.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::measurement::WallTime;
use criterion::{criterion_group, criterion_main, BenchmarkGroup, BenchmarkId, Criterion};
use quarry_bench::data;
use quarry_bench::sqlite::{
    new_users_as_pairs, DieselSqlite, QuarrySqlite, RawSqlite, RusqliteSqlite, Seed, Workloads,
};
use quarry_bench::{build_tree, NewUser};

/// The insert workload deletes the inserted rows (untimed) after this many batches.
const INSERTS_BETWEEN_CLEANUPS: u64 = 10;

/// The four implementations, each on its own database seeded with the same rows.
struct Impls {
    quarry: QuarrySqlite,
    diesel: DieselSqlite,
    rusqlite: RusqliteSqlite,
    raw: RawSqlite,
}

impl Impls {
    fn open(seed: Seed) -> Self {
        Self {
            quarry: QuarrySqlite::open(seed),
            diesel: DieselSqlite::open(seed),
            rusqlite: RusqliteSqlite::open(seed),
            raw: RawSqlite::open(seed),
        }
    }
}

const IMPL_IDS: [&str; 4] = ["quarry", "diesel", "rusqlite", "raw_c"];

/// Whether the case `sqlite/{workload}/*/{n}` is wanted (see `QUARRY_BENCH_ONLY`).
fn wanted(workload: &str, n: &str) -> bool {
    match std::env::var("QUARRY_BENCH_ONLY") {
        Ok(only) if !only.is_empty() => IMPL_IDS
            .iter()
            .any(|i| format!("sqlite/{workload}/{i}/{n}").contains(&only)),
        _ => true,
    }
}

/// Runs `$body` once per implementation, with `$name` its id and `$w` the implementation, in the
/// order quarry, diesel, rusqlite, raw_c.
macro_rules! each_impl {
    ($imp:expr, |$name:ident, $w:ident| $body:expr) => {{
        {
            let $name = "quarry";
            let $w = &mut $imp.quarry;
            $body;
        }
        {
            let $name = "diesel";
            let $w = &mut $imp.diesel;
            $body;
        }
        {
            let $name = "rusqlite";
            let $w = &mut $imp.rusqlite;
            $body;
        }
        {
            let $name = "raw_c";
            let $w = &mut $imp.raw;
            $body;
        }
    }};
}

/// Benchmarks one load workload of one implementation.
fn bench_load<W: Workloads, T>(
    group: &mut BenchmarkGroup<'_, WallTime>,
    id: BenchmarkId,
    w: &mut W,
    run: fn(&mut W) -> T,
) {
    group.bench_function(id, |b| b.iter(|| run(w)));
}

fn trivial(c: &mut Criterion) {
    let mut group = c.benchmark_group("sqlite/trivial");
    for n in data::LOAD_SIZES {
        if !wanted("trivial", &n.to_string()) {
            continue;
        }
        let expected = data::trivial_users(n);
        let mut imp = Impls::open(Seed::Trivial(n));
        each_impl!(imp, |name, w| assert_eq!(
            w.trivial(),
            expected,
            "{name}, N = {n}"
        ));
        each_impl!(imp, |name, w| bench_load(
            &mut group,
            BenchmarkId::new(name, n),
            w,
            |w| w.trivial()
        ));
    }
    group.finish();
}

fn medium(c: &mut Criterion) {
    let mut group = c.benchmark_group("sqlite/medium");
    for n in data::LOAD_SIZES {
        if !wanted("medium", &n.to_string()) {
            continue;
        }
        let expected = data::medium_expected(n);
        let mut imp = Impls::open(Seed::Medium(n));
        each_impl!(imp, |name, w| assert_eq!(w.medium(), expected, "{name}, N = {n}"));
        each_impl!(imp, |name, w| bench_load(
            &mut group,
            BenchmarkId::new(name, n),
            w,
            |w| w.medium()
        ));
    }
    group.finish();
}

/// Times `iters` inserts of `rows`, deleting the inserted rows (untimed) every
/// [`INSERTS_BETWEEN_CLEANUPS`] batches, so every batch goes into a nearly empty table.
fn time_inserts<W: Workloads>(w: &mut W, iters: u64, rows: &[NewUser]) -> Duration {
    let mut total = Duration::ZERO;
    let mut done = 0;
    while done < iters {
        let batch = INSERTS_BETWEEN_CLEANUPS.min(iters - done);
        let start = Instant::now();
        for _ in 0..batch {
            black_box(w.insert(black_box(rows)));
        }
        total += start.elapsed();
        done += batch;
        w.users_clear();
    }
    total
}

/// Checks one insert batch: the row count, then the rows as read back.
fn check_insert<W: Workloads>(name: &str, w: &mut W, rows: &[NewUser]) {
    let n = rows.len();
    w.users_clear();
    assert_eq!(w.insert(rows), n, "{name}: rows inserted, N = {n}");
    assert_eq!(
        w.users_read_back(),
        new_users_as_pairs(rows),
        "{name}: rows read back, N = {n}"
    );
    w.users_clear();
}

fn insert(c: &mut Criterion) {
    let mut group = c.benchmark_group("sqlite/insert");
    for n in data::INSERT_SIZES {
        if !wanted("insert", &n.to_string()) {
            continue;
        }
        let rows = data::new_users(n);
        let mut imp = Impls::open(Seed::Empty);
        each_impl!(imp, |name, w| check_insert(name, w, &rows));
        each_impl!(imp, |name, w| group
            .bench_function(BenchmarkId::new(name, n), |b| {
                b.iter_custom(|iters| time_inserts(w, iters, &rows))
            }));
    }
    group.finish();
}

fn associations(c: &mut Criterion) {
    let size = format!(
        "{}x{}x{}",
        data::ASSOC_USERS,
        data::ASSOC_POSTS_PER_USER,
        data::ASSOC_COMMENTS_PER_POST
    );
    if !wanted("associations", &size) {
        return;
    }
    let mut group = c.benchmark_group("sqlite/associations");
    let (users, posts, comments) = data::association_rows();
    let expected = build_tree(users, posts, comments);
    let mut imp = Impls::open(Seed::Associations);
    each_impl!(imp, |name, w| assert_eq!(w.associations(), expected, "{name}"));
    each_impl!(imp, |name, w| bench_load(
        &mut group,
        BenchmarkId::new(name, &size),
        w,
        |w| w.associations()
    ));
    group.finish();
}

criterion_group! {
    name = benches;
    config = quarry_bench::settings::criterion();
    targets = trivial, medium, insert, associations
}
criterion_main!(benches);
