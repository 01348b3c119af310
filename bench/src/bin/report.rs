//! Writes `bench/results/runtime.md` from criterion's output.
//!
//! ```text
//! cargo run --release --bin report -- [--criterion-dir DIR] [--out FILE] [--since UNIX_SECONDS]
//! ```
//!
//! - Input: every `new/benchmark.json` (`group_id`, `function_id`, `value_str`) with its
//!   `new/estimates.json` (`median.point_estimate`, in ns) under the criterion directory:
//!   `--criterion-dir`, else `$CARGO_TARGET_DIR/criterion`, else `bench/target/criterion`.
//! - Which results count: criterion never deletes old result directories, so a run's output can
//!   mix with older runs'. With `--since T` (the run script passes the time it started), a
//!   benchmark whose `new/estimates.json` was last written before `T` is ignored. Without it,
//!   every result found is used (then delete the criterion directory before the run).
//! - Ids follow the convention of `benches/*.rs`: group `{backend}/{workload}`, function
//!   `quarry`/`diesel`/`rusqlite`/`raw_c`, parameter N (`100x10x10` for associations). Groups or
//!   functions outside it are ignored with a warning on stderr.
//! - Output (`--out`, default `bench/results/runtime.md`): a "Goals" list, then one table per
//!   backend and workload (rows by N ascending) with every implementation's median, `Quarry/Diesel`
//!   and `Quarry/raw C`. A ratio is checked against its goal at the two decimals shown (so 1.004
//!   shows as 1.00 and meets "≤ 1.00"); misses are marked ✗. The file depends only on the results
//!   (no dates or paths), so two reports of the same results are identical.
//! - Missing, unreadable or garbled files stop the report with a message naming the file (exit
//!   code 1).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde_json::Value;

const BACKENDS: [(&str, &str, Option<&str>); 3] = [
    ("sqlite", "SQLite", None),
    ("postgres", "PostgreSQL", Some("QUARRY_PG_URL")),
    ("mysql", "MySQL/MariaDB", Some("QUARRY_MYSQL_URL")),
];
const WORKLOADS: [(&str, &str); 4] = [
    ("trivial", "Trivial query (load N users)"),
    ("medium", "Medium complex query (users LEFT JOIN posts, N users)"),
    ("insert", "Insert (N users in one statement)"),
    ("associations", "Loading associations (users × posts × comments)"),
];
const IMPLS: [(&str, &str); 4] = [
    ("quarry", "Quarry"),
    ("diesel", "Diesel"),
    ("rusqlite", "rusqlite"),
    ("raw_c", "raw C"),
];

/// Quarry/Diesel must not exceed this anywhere.
const DIESEL_GOAL: f64 = 1.00;
/// Quarry/raw C must not exceed this on the trivial query at [`RAW_GOAL_N`] rows...
const RAW_GOAL: f64 = 1.10;
const RAW_GOAL_N: &str = "10000";
/// ... on these backends.
const RAW_GOAL_BACKENDS: [&str; 2] = ["sqlite", "postgres"];

/// The median (ns) of every benchmark: backend → workload → N → implementation → median.
type Results = BTreeMap<String, BTreeMap<String, BTreeMap<Param, BTreeMap<String, f64>>>>;

/// A benchmark parameter, ordered numerically when it is a number.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Param {
    Number(u64),
    Text(String),
}

impl Param {
    fn parse(s: &str) -> Self {
        s.parse()
            .map_or_else(|_| Param::Text(s.to_string()), Param::Number)
    }
}

impl std::fmt::Display for Param {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Param::Number(n) => write!(f, "{n}"),
            Param::Text(s) => f.write_str(s),
        }
    }
}

struct Args {
    criterion_dir: PathBuf,
    out: PathBuf,
    since: Option<SystemTime>,
}

fn parse_args() -> Result<Args, String> {
    let manifest_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut criterion_dir = None;
    let mut out = None;
    let mut since = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--criterion-dir" => criterion_dir = Some(PathBuf::from(value("--criterion-dir")?)),
            "--out" => out = Some(PathBuf::from(value("--out")?)),
            "--since" => {
                let v = value("--since")?;
                let secs: u64 = v
                    .parse()
                    .map_err(|_| format!("--since takes whole unix seconds, not `{v}`"))?;
                since = Some(UNIX_EPOCH + Duration::from_secs(secs));
            }
            "-h" | "--help" => {
                return Err("usage: report [--criterion-dir DIR] [--out FILE] [--since UNIX_SECONDS]".into())
            }
            other => return Err(format!("unknown argument `{other}` (see --help)")),
        }
    }
    let criterion_dir = criterion_dir.unwrap_or_else(|| match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir).join("criterion"),
        _ => manifest_dir.join("target").join("criterion"),
    });
    let out = out.unwrap_or_else(|| manifest_dir.join("results").join("runtime.md"));
    Ok(Args {
        criterion_dir,
        out,
        since,
    })
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("report: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let args = parse_args()?;
    let results = collect(&args.criterion_dir, args.since)?;
    let markdown = render(&results);
    if let Some(dir) = args.out.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    std::fs::write(&args.out, markdown).map_err(|e| format!("cannot write {}: {e}", args.out.display()))?;
    let count: usize = results
        .values()
        .flat_map(|w| w.values())
        .flat_map(|n| n.values())
        .map(|i| i.len())
        .sum();
    eprintln!(
        "report: {count} results from {} -> {}",
        args.criterion_dir.display(),
        args.out.display()
    );
    Ok(())
}

/// Reads every benchmark result under `root` (newer than `since`, if given).
fn collect(root: &Path, since: Option<SystemTime>) -> Result<Results, String> {
    if !root.is_dir() {
        return Err(format!(
            "no criterion results at {} (run the benches first, or pass --criterion-dir)",
            root.display()
        ));
    }
    let mut new_dirs = Vec::new();
    find_new_dirs(root, &mut new_dirs)?;
    new_dirs.sort();
    let mut results = Results::new();
    // When two directories carry the same id, the newer one wins.
    let mut written: BTreeMap<(String, String, Param, String), SystemTime> = BTreeMap::new();
    for dir in new_dirs {
        let estimates_path = dir.join("estimates.json");
        let modified = std::fs::metadata(&estimates_path)
            .and_then(|m| m.modified())
            .map_err(|e| format!("cannot read {}: {e}", estimates_path.display()))?;
        if since.is_some_and(|since| modified < since) {
            continue;
        }
        let bench = read_json(&dir.join("benchmark.json"))?;
        let estimates = read_json(&estimates_path)?;
        let field = |name: &str| -> Result<String, String> {
            bench
                .get(name)
                .and_then(Value::as_str)
                .map(str::to_string)
                .ok_or_else(|| {
                    format!(
                        "{}: no string field `{name}`",
                        dir.join("benchmark.json").display()
                    )
                })
        };
        let group = field("group_id")?;
        let function = match bench.get("function_id") {
            Some(Value::String(s)) => s.clone(),
            _ => {
                eprintln!(
                    "report: warning: {group} has no function id, ignored ({})",
                    dir.display()
                );
                continue;
            }
        };
        let value = match bench.get("value_str") {
            Some(Value::String(s)) => s.clone(),
            _ => {
                eprintln!(
                    "report: warning: {group}/{function} has no parameter, ignored ({})",
                    dir.display()
                );
                continue;
            }
        };
        let median = estimates
            .pointer("/median/point_estimate")
            .and_then(Value::as_f64)
            .filter(|v| v.is_finite() && *v >= 0.0)
            .ok_or_else(|| format!("{}: no valid `median.point_estimate`", estimates_path.display()))?;
        let Some((backend, workload)) = group.split_once('/') else {
            eprintln!("report: warning: group `{group}` is not `backend/workload`, ignored");
            continue;
        };
        if !BACKENDS.iter().any(|b| b.0 == backend) || !WORKLOADS.iter().any(|w| w.0 == workload) {
            eprintln!("report: warning: unknown group `{group}`, ignored");
            continue;
        }
        if !IMPLS.iter().any(|i| i.0 == function) {
            eprintln!("report: warning: unknown implementation `{function}` in {group}, ignored");
            continue;
        }
        let key = (
            backend.to_string(),
            workload.to_string(),
            Param::parse(&value),
            function.clone(),
        );
        if written.get(&key).is_some_and(|prev| *prev > modified) {
            continue;
        }
        written.insert(key, modified);
        results
            .entry(backend.to_string())
            .or_default()
            .entry(workload.to_string())
            .or_default()
            .entry(Param::parse(&value))
            .or_default()
            .insert(function, median);
    }
    Ok(results)
}

/// Collects every `new` directory holding a `benchmark.json` under `dir`.
fn find_new_dirs(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
        let path = entry.path();
        let is_dir = entry
            .file_type()
            .map_err(|e| format!("cannot stat {}: {e}", path.display()))?
            .is_dir();
        if !is_dir {
            continue;
        }
        if entry.file_name() == "new" && path.join("benchmark.json").is_file() {
            out.push(path);
        } else if entry.file_name() != "report" {
            find_new_dirs(&path, out)?;
        }
    }
    Ok(())
}

fn read_json(path: &Path) -> Result<Value, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{} is not valid JSON: {e}", path.display()))
}

/// A duration in ns with three significant digits and a readable unit.
fn human(ns: f64) -> String {
    // Boundaries at 999.5 so that rounding never shows "1000 ns" instead of "1.00 µs".
    let (value, unit) = if ns < 999.5 {
        (ns, "ns")
    } else if ns < 999.5e3 {
        (ns / 1e3, "µs")
    } else if ns < 999.5e6 {
        (ns / 1e6, "ms")
    } else {
        (ns / 1e9, "s")
    };
    let decimals = if value < 9.995 {
        2
    } else if value < 99.95 {
        1
    } else {
        0
    };
    format!("{value:.decimals$} {unit}")
}

/// A ratio rounded to the two decimals shown (the value checked against the goals).
fn rounded(ratio: f64) -> f64 {
    (ratio * 100.0).round() / 100.0
}

/// Whether the Quarry/raw C ratio of this case has a goal.
fn has_raw_goal(backend: &str, workload: &str, n: &Param) -> bool {
    RAW_GOAL_BACKENDS.contains(&backend) && workload == "trivial" && n.to_string() == RAW_GOAL_N
}

fn backend_title(backend: &str) -> &'static str {
    BACKENDS.iter().find(|b| b.0 == backend).map_or("?", |b| b.1)
}

fn render(results: &Results) -> String {
    let mut diesel_misses = Vec::new();
    let mut diesel_cases = 0;
    let mut raw_goal: BTreeMap<&str, Option<f64>> = RAW_GOAL_BACKENDS.iter().map(|b| (*b, None)).collect();
    let mut tables = String::new();

    for (backend, title, url_var) in BACKENDS {
        let _ = writeln!(tables, "## {title}\n");
        let Some(workloads) = results.get(backend) else {
            let why = url_var.map_or_else(String::new, |v| format!(" (skipped: {v} was not set?)"));
            let _ = writeln!(tables, "Not measured: no results for {title}{why}.\n");
            continue;
        };
        for (workload, workload_title) in WORKLOADS {
            let _ = writeln!(tables, "### {workload_title}\n");
            let Some(rows) = workloads.get(workload) else {
                let _ = writeln!(tables, "Not measured.\n");
                continue;
            };
            let impls: Vec<(&str, &str)> = IMPLS
                .iter()
                .copied()
                .filter(|(id, _)| rows.values().any(|r| r.contains_key(*id)))
                .collect();
            let mut header = String::from("| N |");
            let mut rule = String::from("|---:|");
            for (_, name) in &impls {
                let _ = write!(header, " {name} |");
                rule.push_str("---:|");
            }
            header.push_str(" Quarry/Diesel | Quarry/raw C |");
            rule.push_str("---:|---:|");
            let _ = writeln!(tables, "{header}\n{rule}");
            for (n, medians) in rows {
                let mut line = format!("| {n} |");
                for (id, _) in &impls {
                    let cell = medians.get(*id).map_or_else(|| "—".to_string(), |v| human(*v));
                    let _ = write!(line, " {cell} |");
                }
                let quarry = medians.get("quarry");
                let case = format!("{backend}/{workload} N={n}");
                // Quarry/Diesel: goal everywhere.
                match (quarry, medians.get("diesel")) {
                    (Some(q), Some(d)) if *d > 0.0 => {
                        let r = rounded(q / d);
                        diesel_cases += 1;
                        let flag = if r > DIESEL_GOAL {
                            diesel_misses.push(format!("{case}: {r:.2}"));
                            " ✗"
                        } else {
                            ""
                        };
                        let _ = write!(line, " {r:.2}{flag} |");
                    }
                    _ => line.push_str(" — |"),
                }
                // Quarry/raw C: goal only on the trivial query at 10,000 rows (SQLite, PostgreSQL).
                match (quarry, medians.get("raw_c")) {
                    (Some(q), Some(raw)) if *raw > 0.0 => {
                        let r = rounded(q / raw);
                        let mut flag = "";
                        if has_raw_goal(backend, workload, n) {
                            raw_goal.insert(backend, Some(r));
                            if r > RAW_GOAL {
                                flag = " ✗";
                            }
                        }
                        let _ = write!(line, " {r:.2}{flag} |");
                    }
                    _ => line.push_str(" — |"),
                }
                let _ = writeln!(tables, "{line}");
            }
            tables.push('\n');
        }
    }

    let mut out = String::from("# Runtime: Quarry, Diesel, rusqlite and raw C\n\n");
    out.push_str(
        "Medians of criterion's estimates (`new/estimates.json`), written by `src/bin/report.rs`. \
         Ratios are Quarry's median over the other's, checked against the goals at the two \
         decimals shown; ✗ marks a miss.\n\n",
    );
    out.push_str("## Goals\n\n");
    if diesel_cases == 0 {
        out.push_str("- Quarry ≤ 1.00× Diesel everywhere: **not measured** (no case has both).\n");
    } else if diesel_misses.is_empty() {
        let _ = writeln!(
            out,
            "- Quarry ≤ 1.00× Diesel everywhere: **met** ({diesel_cases} cases)."
        );
    } else {
        let _ = writeln!(
            out,
            "- Quarry ≤ 1.00× Diesel everywhere: **not met** in {} of {diesel_cases} cases: {}.",
            diesel_misses.len(),
            diesel_misses.join("; ")
        );
    }
    for backend in RAW_GOAL_BACKENDS {
        let title = backend_title(backend);
        let goal = format!("Quarry ≤ {RAW_GOAL:.2}× raw C on the {title} trivial query at {RAW_GOAL_N} rows");
        match raw_goal.get(backend).copied().flatten() {
            None => {
                let _ = writeln!(out, "- {goal}: **not measured**.");
            }
            Some(r) if r > RAW_GOAL => {
                let _ = writeln!(out, "- {goal}: **not met** ({r:.2}).");
            }
            Some(r) => {
                let _ = writeln!(out, "- {goal}: **met** ({r:.2}).");
            }
        }
    }
    out.push('\n');
    out.push_str(&tables);
    // One trailing newline.
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn human_units() {
        assert_eq!(human(512.0), "512 ns");
        assert_eq!(human(1_234.0), "1.23 µs");
        assert_eq!(human(45_600.0), "45.6 µs");
        assert_eq!(human(2_500_000.0), "2.50 ms");
        assert_eq!(human(3.2e9), "3.20 s");
        assert_eq!(human(999.7), "1.00 µs");
        assert_eq!(human(9.996e3), "10.0 µs");
    }

    #[test]
    fn params_sort_numerically() {
        let mut ps = [
            Param::parse("100"),
            Param::parse("10"),
            Param::parse("10000"),
            Param::parse("1"),
        ];
        ps.sort();
        assert_eq!(
            ps.iter().map(ToString::to_string).collect::<Vec<_>>(),
            ["1", "10", "100", "10000"]
        );
    }
}
