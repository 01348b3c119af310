//! Runs one PostgreSQL or MySQL/MariaDB load case a fixed number of times, for client-side
//! instruction counts under callgrind (the server is another process, so only the client's work
//! is counted).
//!
//! ```text
//! cargo build --release --bin profile_server
//! target/release/profile_server <postgres|mysql> <quarry|diesel|raw_c> <trivial|medium> <N> <K>
//! ```
//!
//! Needs `QUARRY_PG_URL` or `QUARRY_MYSQL_URL`. Seeds the tables for the case (as the criterion
//! benchmark does), runs the case once untimed (so that the statement is prepared and cached),
//! then `K` more times. `bench/profile --postgres` / `--mysql` turns two runs into instructions
//! per call, `(Ir(K) - Ir(0)) / K`.

use std::process::ExitCode;

use quarry_bench::server_impls::{connect_mysql, connect_postgres, ServerAdmin, ServerWorkloads};
use quarry_bench::{data, mysql, postgres};

fn run(imp: &mut dyn ServerWorkloads, workload: &str, expected: usize, k: usize) -> Result<(), String> {
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

/// Seeds the tables for `workload` with `n` users; returns the rows the workload loads.
fn seed(admin: &mut dyn ServerAdmin, workload: &str, n: usize) -> Result<usize, String> {
    admin.recreate_tables();
    match workload {
        "trivial" => {
            admin.seed(&data::trivial_users(n), &[], &[]);
            Ok(n)
        }
        "medium" => {
            let (users, posts) = data::medium_rows(n);
            admin.seed(&users, &posts, &[]);
            Ok(data::medium_expected(n).len())
        }
        other => Err(format!("unknown workload `{other}`")),
    }
}

/// Implementation `imp`'s index for `connect_postgres` / `connect_mysql`.
fn index(imp: &str) -> Result<usize, String> {
    match imp {
        "quarry" => Ok(0),
        "diesel" => Ok(1),
        "raw_c" => Ok(2),
        other => Err(format!("unknown implementation `{other}`")),
    }
}

fn profile(backend: &str, imp: &str, workload: &str, n: usize, k: usize) -> Result<(), String> {
    let i = index(imp)?;
    let (expected, mut imp) = match backend {
        "postgres" => {
            let url = postgres::url().ok_or("QUARRY_PG_URL is not set")?;
            let expected = seed(&mut postgres::Admin::connect(&url), workload, n)?;
            (expected, connect_postgres(i, &url))
        }
        "mysql" => {
            let url = mysql::url().ok_or("QUARRY_MYSQL_URL is not set")?;
            let expected = seed(&mut mysql::Admin::connect(&url), workload, n)?;
            (expected, connect_mysql(i, &url))
        }
        other => return Err(format!("unknown backend `{other}`")),
    };
    run(imp.as_mut(), workload, expected, k)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: profile_server <postgres|mysql> <quarry|diesel|raw_c> <trivial|medium> <N> <K>";
    let [backend, imp, workload, n, k] = args.as_slice() else {
        eprintln!("{usage}");
        return ExitCode::FAILURE;
    };
    let (Ok(n), Ok(k)) = (n.parse::<usize>(), k.parse::<usize>()) else {
        eprintln!("{usage}: N and K are numbers");
        return ExitCode::FAILURE;
    };
    match profile(backend, imp, workload, n, k) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}; {usage}");
            ExitCode::FAILURE
        }
    }
}
