//! The PostgreSQL benchmarks: Quarry, Diesel and a hand-written libpq loop on the four workloads
//! (see `quarry_bench::data`). Needs `QUARRY_PG_URL`; without it, prints `SKIPPED` and exits 0.
//! The tables live in the schema `quarry_bench`, dropped and recreated by every workload.
//!
//! Ids: group `postgres/{trivial,medium,insert,associations}`, function `quarry` / `diesel` /
//! `raw_c`, parameter N (`100x10x10` for associations). Before measuring a case, every
//! implementation's result is checked against the expected data.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{criterion_group, BenchmarkId, Criterion};
use quarry_bench::data;
use quarry_bench::postgres::{self, Admin, DieselPg, QuarryPg, RawPg};
use quarry_bench::{build_tree, NewUser};

/// The insert workload deletes the inserted rows (untimed) after this many batches.
const INSERTS_BETWEEN_CLEANUPS: u64 = 10;

fn url() -> String {
    postgres::url().expect("QUARRY_PG_URL is checked in main")
}

/// The three implementations, connected after the tables were (re)created.
struct Impls {
    quarry: QuarryPg,
    diesel: DieselPg,
    raw: RawPg,
}

impl Impls {
    fn connect(url: &str) -> Self {
        Self {
            quarry: QuarryPg::connect(url),
            diesel: DieselPg::connect(url),
            raw: RawPg::connect(url),
        }
    }
}

fn trivial(c: &mut Criterion) {
    let url = url();
    let mut admin = Admin::connect(&url);
    admin.recreate_tables();
    let mut imp = Impls::connect(&url);
    let mut group = c.benchmark_group("postgres/trivial");
    for n in data::LOAD_SIZES {
        let expected = data::trivial_users(n);
        admin.seed(&expected, &[], &[]);
        assert_eq!(imp.quarry.trivial(), expected, "quarry, N = {n}");
        assert_eq!(imp.diesel.trivial(), expected, "diesel, N = {n}");
        assert_eq!(imp.raw.trivial(), expected, "raw_c, N = {n}");
        group.bench_with_input(BenchmarkId::new("quarry", n), &n, |b, _| {
            b.iter(|| imp.quarry.trivial())
        });
        group.bench_with_input(BenchmarkId::new("diesel", n), &n, |b, _| {
            b.iter(|| imp.diesel.trivial())
        });
        group.bench_with_input(BenchmarkId::new("raw_c", n), &n, |b, _| {
            b.iter(|| imp.raw.trivial())
        });
    }
    group.finish();
}

fn medium(c: &mut Criterion) {
    let url = url();
    let mut admin = Admin::connect(&url);
    admin.recreate_tables();
    let mut imp = Impls::connect(&url);
    let mut group = c.benchmark_group("postgres/medium");
    for n in data::LOAD_SIZES {
        let (users, posts) = data::medium_rows(n);
        admin.seed(&users, &posts, &[]);
        let expected = data::medium_expected(n);
        assert_eq!(imp.quarry.medium(), expected, "quarry, N = {n}");
        assert_eq!(imp.diesel.medium(), expected, "diesel, N = {n}");
        assert_eq!(imp.raw.medium(), expected, "raw_c, N = {n}");
        group.bench_with_input(BenchmarkId::new("quarry", n), &n, |b, _| {
            b.iter(|| imp.quarry.medium())
        });
        group.bench_with_input(BenchmarkId::new("diesel", n), &n, |b, _| {
            b.iter(|| imp.diesel.medium())
        });
        group.bench_with_input(BenchmarkId::new("raw_c", n), &n, |b, _| {
            b.iter(|| imp.raw.medium())
        });
    }
    group.finish();
}

/// Times `insert` only: the rows are deleted outside the timing every few batches.
fn time_inserts(
    admin: &mut Admin,
    iters: u64,
    rows: &[NewUser],
    mut insert: impl FnMut(&[NewUser]) -> usize,
) -> Duration {
    let mut total = Duration::ZERO;
    for i in 0..iters {
        let start = Instant::now();
        let inserted = insert(black_box(rows));
        total += start.elapsed();
        debug_assert_eq!(inserted, rows.len());
        black_box(inserted);
        if (i + 1) % INSERTS_BETWEEN_CLEANUPS == 0 {
            admin.delete_users();
        }
    }
    admin.delete_users();
    total
}

/// Checks one batch of `insert`: the count it reports, and the rows the table then holds.
fn check_insert(admin: &mut Admin, name: &str, rows: &[NewUser], insert: impl FnOnce(&[NewUser]) -> usize) {
    admin.delete_users();
    assert_eq!(
        insert(rows),
        rows.len(),
        "{name}: rows reported inserted, N = {}",
        rows.len()
    );
    let stored = admin.user_names();
    let expected: Vec<(String, Option<String>)> = rows
        .iter()
        .map(|r| (r.name.clone(), r.hair_color.clone()))
        .collect();
    assert_eq!(stored, expected, "{name}: rows stored, N = {}", rows.len());
    admin.delete_users();
}

fn insert(c: &mut Criterion) {
    let url = url();
    let mut admin = Admin::connect(&url);
    admin.recreate_tables();
    let mut imp = Impls::connect(&url);
    let mut group = c.benchmark_group("postgres/insert");
    for n in data::INSERT_SIZES {
        let rows = data::new_users(n);
        check_insert(&mut admin, "quarry", &rows, |r| imp.quarry.insert(r));
        check_insert(&mut admin, "diesel", &rows, |r| imp.diesel.insert(r));
        check_insert(&mut admin, "raw_c", &rows, |r| imp.raw.insert(r));
        group.bench_with_input(BenchmarkId::new("quarry", n), &n, |b, _| {
            b.iter_custom(|iters| time_inserts(&mut admin, iters, &rows, |r| imp.quarry.insert(r)))
        });
        group.bench_with_input(BenchmarkId::new("diesel", n), &n, |b, _| {
            b.iter_custom(|iters| time_inserts(&mut admin, iters, &rows, |r| imp.diesel.insert(r)))
        });
        group.bench_with_input(BenchmarkId::new("raw_c", n), &n, |b, _| {
            b.iter_custom(|iters| time_inserts(&mut admin, iters, &rows, |r| imp.raw.insert(r)))
        });
    }
    group.finish();
}

fn associations(c: &mut Criterion) {
    let url = url();
    let mut admin = Admin::connect(&url);
    admin.recreate_tables();
    let (users, posts, comments) = data::association_rows();
    admin.seed(&users, &posts, &comments);
    let expected = build_tree(users, posts, comments);
    let mut imp = Impls::connect(&url);
    assert_eq!(imp.quarry.associations(), expected, "quarry");
    assert_eq!(imp.diesel.associations(), expected, "diesel");
    assert_eq!(imp.raw.associations(), expected, "raw_c");
    let mut group = c.benchmark_group("postgres/associations");
    let size = "100x10x10";
    group.bench_with_input(BenchmarkId::new("quarry", size), &size, |b, _| {
        b.iter(|| imp.quarry.associations())
    });
    group.bench_with_input(BenchmarkId::new("diesel", size), &size, |b, _| {
        b.iter(|| imp.diesel.associations())
    });
    group.bench_with_input(BenchmarkId::new("raw_c", size), &size, |b, _| {
        b.iter(|| imp.raw.associations())
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = quarry_bench::settings::criterion();
    targets = trivial, medium, insert, associations
}

fn main() {
    if postgres::url().is_none() {
        println!("SKIPPED: {} is not set", postgres::URL_VAR);
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
