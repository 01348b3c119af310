//! Runs one PostgreSQL load case a fixed number of times, for client-side instruction counts
//! under callgrind (the server is another process, so only the client's work is counted).
//!
//! ```text
//! cargo build --release --bin profile_postgres
//! target/release/profile_postgres <quarry|diesel|raw_c> <trivial|medium> <N> <K>
//! ```
//!
//! Needs `QUARRY_PG_URL`. Seeds the tables for the case (as the criterion benchmark does), runs
//! the case once untimed (so that the statement is prepared and cached), then `K` more times.
//! `bench/profile --postgres` turns two runs into instructions per call, `(Ir(K) - Ir(0)) / K`.

use std::hint::black_box;
use std::process::ExitCode;

use quarry_bench::data;
use quarry_bench::postgres::{self, Admin, DieselPg, QuarryPg, RawPg};

/// The workloads this profiler runs, for each implementation.
trait Loads {
    fn trivial(&mut self) -> usize;
    fn medium(&mut self) -> usize;
}

macro_rules! loads {
    ($($imp:ty),*) => {$(
        impl Loads for $imp {
            fn trivial(&mut self) -> usize {
                black_box(<$imp>::trivial(self)).len()
            }
            fn medium(&mut self) -> usize {
                black_box(<$imp>::medium(self)).len()
            }
        }
    )*};
}
loads!(QuarryPg, DieselPg, RawPg);

fn run(imp: &mut dyn Loads, workload: &str, expected: usize, k: usize) -> Result<(), String> {
    for _ in 0..=k {
        let rows = match workload {
            "trivial" => imp.trivial(),
            _ => imp.medium(),
        };
        if rows != expected {
            return Err(format!("{workload} loaded {rows} rows, expected {expected}"));
        }
    }
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: profile_postgres <quarry|diesel|raw_c> <trivial|medium> <N> <K>";
    let [imp, workload, n, k] = args.as_slice() else {
        eprintln!("{usage}");
        return ExitCode::FAILURE;
    };
    let (Ok(n), Ok(k)) = (n.parse::<usize>(), k.parse::<usize>()) else {
        eprintln!("{usage}: N and K are numbers");
        return ExitCode::FAILURE;
    };
    let Some(url) = postgres::url() else {
        eprintln!("QUARRY_PG_URL is not set");
        return ExitCode::FAILURE;
    };
    let mut admin = Admin::connect(&url);
    admin.recreate_tables();
    let expected = match workload.as_str() {
        "trivial" => {
            admin.seed(&data::trivial_users(n), &[], &[]);
            n
        }
        "medium" => {
            let (users, posts) = data::medium_rows(n);
            admin.seed(&users, &posts, &[]);
            data::medium_expected(n).len()
        }
        other => {
            eprintln!("unknown workload `{other}`; {usage}");
            return ExitCode::FAILURE;
        }
    };
    let mut imp: Box<dyn Loads> = match imp.as_str() {
        "quarry" => Box::new(QuarryPg::connect(&url)),
        "diesel" => Box::new(DieselPg::connect(&url)),
        "raw_c" => Box::new(RawPg::connect(&url)),
        other => {
            eprintln!("unknown implementation `{other}`; {usage}");
            return ExitCode::FAILURE;
        }
    };
    match run(imp.as_mut(), workload, expected, k) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}
