//! Runs one SQLite case a fixed number of times, for instruction counts under callgrind.
//!
//! ```text
//! cargo build --release --bin profile_sqlite
//! target/release/profile_sqlite <quarry|diesel|rusqlite|raw_c> <trivial|medium|insert|associations> <N> <K>
//! ```
//!
//! Opens the implementation's database seeded for the case (as the criterion benchmark does),
//! runs the case once untimed (so that statements are prepared and cached), then `K` more times.
//! The cost of one call is `(Ir(K) - Ir(0)) / K`, with `Ir` callgrind's total for the run: the
//! subtraction removes the setup. `bench/profile` does that arithmetic.

use std::hint::black_box;
use std::process::ExitCode;

use quarry_bench::data;
use quarry_bench::sqlite::{DieselSqlite, QuarrySqlite, RawSqlite, RusqliteSqlite, Seed, Workloads};

fn run<W: Workloads>(workload: &str, n: usize, k: usize) -> Result<(), String> {
    let seed = match workload {
        "trivial" => Seed::Trivial(n),
        "medium" => Seed::Medium(n),
        "insert" => Seed::Empty,
        "associations" => Seed::Associations,
        other => return Err(format!("unknown workload `{other}`")),
    };
    let mut w = W::open(seed);
    let rows = data::new_users(n);
    // One untimed call first: the statement is prepared and cached before counting starts.
    for _ in 0..=k {
        match workload {
            "trivial" => drop(black_box(w.trivial())),
            "medium" => drop(black_box(w.medium())),
            "insert" => {
                black_box(w.insert(&rows));
                w.users_clear();
            }
            _ => drop(black_box(w.associations())),
        }
    }
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: profile_sqlite <quarry|diesel|rusqlite|raw_c> <workload> <N> <K>";
    let [imp, workload, n, k] = args.as_slice() else {
        eprintln!("{usage}");
        return ExitCode::FAILURE;
    };
    let (Ok(n), Ok(k)) = (n.parse::<usize>(), k.parse::<usize>()) else {
        eprintln!("{usage}: N and K are numbers");
        return ExitCode::FAILURE;
    };
    let result = match imp.as_str() {
        "quarry" => run::<QuarrySqlite>(workload, n, k),
        "diesel" => run::<DieselSqlite>(workload, n, k),
        "rusqlite" => run::<RusqliteSqlite>(workload, n, k),
        "raw_c" => run::<RawSqlite>(workload, n, k),
        other => Err(format!("unknown implementation `{other}`")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}; {usage}");
            ExitCode::FAILURE
        }
    }
}
