//! Quarry, Diesel and the raw C loop timed in turn, on PostgreSQL and MySQL/MariaDB.
//!
//! Criterion measures one implementation after the other, so a slow minute of the server or the
//! machine lands on whichever implementation it was measuring: on a shared 2-core machine, cases
//! that take a server round trip move by 10–30% between runs that way. This binary measures
//! the three in rounds instead (a batch of calls of each, about 10 ms, in an order that rotates
//! every round, on new connections every round) and reports each one's median over the rounds,
//! so that drift, and the latency of a connection whose server thread the scheduler placed
//! badly, hit all three alike. It writes `results/interleaved.md`, which `bench/run` puts in `RESULTS.md` beside
//! criterion's figures.
//!
//! ```text
//! cargo run --release --bin interleaved [-- --quick]
//! ```
//!
//! Needs `QUARRY_PG_URL` and/or `QUARRY_MYSQL_URL`; a backend without its URL is skipped and
//! says so in the output.

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use quarry_bench::server_impls::{
    connect_mysql, connect_postgres, ServerAdmin as Admin, ServerWorkloads as Workloads,
};
use quarry_bench::{data, mysql, postgres, NewUser};

/// How many implementations each case times: Quarry, Diesel, raw C (in that order).
const IMPLS: usize = 3;

/// What one case runs.
#[derive(Clone, Copy)]
enum Case {
    Trivial(usize),
    Medium(usize),
    Insert(usize),
    Associations,
}

impl Case {
    fn all() -> Vec<Case> {
        let mut cases: Vec<Case> = data::LOAD_SIZES.iter().map(|&n| Case::Trivial(n)).collect();
        cases.extend(data::LOAD_SIZES.iter().map(|&n| Case::Medium(n)));
        cases.extend(data::INSERT_SIZES.iter().map(|&n| Case::Insert(n)));
        cases.push(Case::Associations);
        cases
    }

    fn label(self) -> (&'static str, String) {
        match self {
            Case::Trivial(n) => ("trivial", n.to_string()),
            Case::Medium(n) => ("medium", n.to_string()),
            Case::Insert(n) => ("insert", n.to_string()),
            Case::Associations => (
                "associations",
                format!(
                    "{}x{}x{}",
                    data::ASSOC_USERS,
                    data::ASSOC_POSTS_PER_USER,
                    data::ASSOC_COMMENTS_PER_POST
                ),
            ),
        }
    }

    fn seed(self, admin: &mut dyn Admin) {
        match self {
            Case::Trivial(n) => admin.seed(&data::trivial_users(n), &[], &[]),
            Case::Medium(n) => {
                let (users, posts) = data::medium_rows(n);
                admin.seed(&users, &posts, &[]);
            }
            Case::Insert(_) => admin.seed(&[], &[], &[]),
            Case::Associations => {
                let (users, posts, comments) = data::association_rows();
                admin.seed(&users, &posts, &comments);
            }
        }
    }

    fn run(self, imp: &mut dyn Workloads, rows: &[NewUser]) -> usize {
        match self {
            Case::Trivial(_) => imp.trivial(),
            Case::Medium(_) => imp.medium(),
            Case::Insert(_) => imp.insert(rows),
            Case::Associations => imp.associations(),
        }
    }
}

/// The median of `v` (sorted in place).
fn median(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    let mid = v.len() / 2;
    if v.len() % 2 == 1 {
        v[mid]
    } else {
        (v[mid - 1] + v[mid]) / 2.0
    }
}

fn format_time(seconds: f64) -> String {
    if seconds >= 1e-3 {
        format!("{:.2} ms", seconds * 1e3)
    } else {
        format!("{:.1} µs", seconds * 1e6)
    }
}

/// Times one case: a batch of calls of each implementation per round, in an order that rotates,
/// each round on new connections (a connection's latency depends on where the scheduler puts
/// its server thread, so it must not stay with one implementation for the whole case). Returns
/// the median time per call of each, in the order `connect` returns them (Quarry, Diesel, raw C).
fn time_case(
    case: Case,
    connect: &dyn Fn(usize) -> Box<dyn Workloads>,
    admin: &mut dyn Admin,
    rounds: usize,
) -> Vec<f64> {
    let rows = match case {
        Case::Insert(n) => data::new_users(n),
        _ => Vec::new(),
    };
    // Every implementation does the same work once, untimed, on each new connection: statements
    // get prepared and cached, and the row counts are checked against each other.
    // Connects the three in an order that rotates with the round (a new server process or
    // thread is placed by the scheduler according to what runs when it starts).
    let connect_all = |round: usize| -> Vec<Box<dyn Workloads>> {
        let mut imps: Vec<Box<dyn Workloads>> = (0..IMPLS).map(|j| connect((round + j) % IMPLS)).collect();
        // Back to Quarry, Diesel, raw C: the one connected j-th is implementation (round + j) % 3.
        imps.rotate_right(round % IMPLS);
        imps
    };
    let warm = |imps: &mut Vec<Box<dyn Workloads>>, admin: &mut dyn Admin| {
        let counts: Vec<usize> = imps.iter_mut().map(|imp| case.run(imp.as_mut(), &rows)).collect();
        clean_up(admin, case);
        assert!(
            counts.windows(2).all(|w| w[0] == w[1]),
            "{:?}: the implementations disagree on the row count: {counts:?}",
            case.label()
        );
    };
    let mut imps = connect_all(0);
    warm(&mut imps, admin);
    // A batch lasts about 10 ms (at least one call).
    let start = Instant::now();
    case.run(imps[0].as_mut(), &rows);
    let one = start.elapsed().max(Duration::from_micros(1));
    clean_up(admin, case);
    let batch = (Duration::from_millis(10).as_secs_f64() / one.as_secs_f64()).clamp(1.0, 10_000.0) as usize;
    let mut samples = vec![Vec::with_capacity(rounds); imps.len()];
    for round in 0..rounds {
        if round > 0 {
            drop(std::mem::take(&mut imps));
            imps = connect_all(round);
            warm(&mut imps, admin);
        }
        for j in 0..IMPLS {
            let i = (round + j) % IMPLS;
            let imp = imps[i].as_mut();
            let start = Instant::now();
            for _ in 0..batch {
                case.run(imp, &rows);
            }
            samples[i].push(start.elapsed().as_secs_f64() / batch as f64);
            clean_up(admin, case);
        }
    }
    samples.iter_mut().map(|s| median(s)).collect()
}

/// Deletes the rows an insert case added (untimed), so that every batch starts from an empty
/// table.
fn clean_up(admin: &mut dyn Admin, case: Case) {
    if let Case::Insert(_) = case {
        admin.delete_users();
    }
}

/// Runs every case on one backend and appends its section to `out`; returns the cases where
/// Quarry's median is above Diesel's.
fn run_backend(
    out: &mut String,
    title: &str,
    admin: &mut dyn Admin,
    connect: &dyn Fn(usize) -> Box<dyn Workloads>,
    rounds: usize,
) -> (usize, Vec<String>) {
    let _ = writeln!(out, "\n## {title}\n");
    let _ = writeln!(
        out,
        "| case | N | Quarry | Diesel | raw C | Quarry/Diesel | Quarry/raw C |"
    );
    let _ = writeln!(out, "|---|---:|---:|---:|---:|---:|---:|");
    let mut misses = Vec::new();
    let mut count = 0;
    let mut current = "";
    for case in Case::all() {
        let (name, n) = case.label();
        if name != current {
            // Each workload starts from fresh tables, as in the criterion benchmarks.
            admin.recreate_tables();
            current = name;
        }
        case.seed(admin);
        eprintln!("interleaved: {title} {name} {n}");
        let t = time_case(case, connect, admin, rounds);
        let (q, d, r) = (t[0], t[1], t[2]);
        let (qd, qr) = (q / d, q / r);
        let mark = if (qd * 100.0).round() / 100.0 > 1.0 {
            misses.push(format!("{name} N={n}: {qd:.2}"));
            " ✗"
        } else {
            ""
        };
        count += 1;
        let _ = writeln!(
            out,
            "| {name} | {n} | {} | {} | {} | {qd:.2}{mark} | {qr:.2} |",
            format_time(q),
            format_time(d),
            format_time(r)
        );
    }
    (count, misses)
}

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let rounds = if quick { 9 } else { 61 };
    let mut body = String::new();
    let mut total = 0;
    let mut misses = Vec::new();
    let mut skipped = Vec::new();
    if let Some(url) = postgres::url() {
        let mut admin = postgres::Admin::connect(&url);
        let connect = |i: usize| connect_postgres(i, &url);
        let (n, m) = run_backend(&mut body, "PostgreSQL", &mut admin, &connect, rounds);
        total += n;
        misses.extend(m.into_iter().map(|m| format!("postgres/{m}")));
    } else {
        skipped.push("PostgreSQL (QUARRY_PG_URL not set)");
    }
    if let Some(url) = mysql::url() {
        let mut admin = mysql::Admin::connect(&url);
        let connect = |i: usize| connect_mysql(i, &url);
        let (n, m) = run_backend(&mut body, "MySQL/MariaDB", &mut admin, &connect, rounds);
        total += n;
        misses.extend(m.into_iter().map(|m| format!("mysql/{m}")));
    } else {
        skipped.push("MySQL/MariaDB (QUARRY_MYSQL_URL not set)");
    }
    let mut out = String::from("## Runtime, interleaved (PostgreSQL and MySQL/MariaDB)\n\n");
    let _ = writeln!(
        out,
        "The same cases timed by `src/bin/interleaved.rs`{}: a batch of about 10 ms of each \
         implementation per round, in an order that rotates every round, on new connections every \
         round, {rounds} rounds; each figure is the median time per call over the rounds. Drift of \
         the server or the machine, and a connection whose server thread the scheduler placed \
         badly, then fall on all three alike, which criterion's one-after-the-other runs on one \
         connection each cannot promise.\n",
        if quick { " (quick mode)" } else { "" }
    );
    if misses.is_empty() {
        let _ = writeln!(out, "- Quarry ≤ 1.00× Diesel: **met** in all {total} cases.");
    } else {
        let _ = writeln!(
            out,
            "- Quarry ≤ 1.00× Diesel: **not met** in {} of {total} cases: {}.",
            misses.len(),
            misses.join("; ")
        );
    }
    for s in &skipped {
        let _ = writeln!(out, "- Skipped: {s}.");
    }
    out.push_str(&body);
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/results/interleaved.md");
    if let Err(e) = std::fs::write(path, out) {
        eprintln!("interleaved: cannot write {path}: {e}");
        std::process::exit(1);
    }
    eprintln!("interleaved: wrote {path}");
}
