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

use std::hint::black_box;
use std::process::ExitCode;

use quarry_bench::{data, mysql, postgres, Comment, Post, User};

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
loads!(
    postgres::QuarryPg,
    postgres::DieselPg,
    postgres::RawPg,
    mysql::QuarryMysql,
    mysql::DieselMysql,
    mysql::RawMysql
);

/// Creates and seeds the tables of one backend.
trait Seed {
    fn recreate_tables(&mut self);
    fn seed(&mut self, users: &[User], posts: &[Post], comments: &[Comment]);
}

macro_rules! seed {
    ($($admin:ty),*) => {$(
        impl Seed for $admin {
            fn recreate_tables(&mut self) {
                <$admin>::recreate_tables(self)
            }
            fn seed(&mut self, users: &[User], posts: &[Post], comments: &[Comment]) {
                <$admin>::seed(self, users, posts, comments)
            }
        }
    )*};
}
seed!(postgres::Admin, mysql::Admin);

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

/// Seeds the tables for `workload` with `n` users; returns the rows the workload loads.
fn seed(admin: &mut dyn Seed, workload: &str, n: usize) -> Result<usize, String> {
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

fn profile(backend: &str, imp: &str, workload: &str, n: usize, k: usize) -> Result<(), String> {
    let (expected, mut imp): (usize, Box<dyn Loads>) = match backend {
        "postgres" => {
            let url = postgres::url().ok_or("QUARRY_PG_URL is not set")?;
            let expected = seed(&mut postgres::Admin::connect(&url), workload, n)?;
            let imp: Box<dyn Loads> = match imp {
                "quarry" => Box::new(postgres::QuarryPg::connect(&url)),
                "diesel" => Box::new(postgres::DieselPg::connect(&url)),
                "raw_c" => Box::new(postgres::RawPg::connect(&url)),
                other => return Err(format!("unknown implementation `{other}`")),
            };
            (expected, imp)
        }
        "mysql" => {
            let url = mysql::url().ok_or("QUARRY_MYSQL_URL is not set")?;
            let expected = seed(&mut mysql::Admin::connect(&url), workload, n)?;
            let url = mysql::bench_url(&url);
            let imp: Box<dyn Loads> = match imp {
                "quarry" => Box::new(mysql::QuarryMysql::connect(&url)),
                "diesel" => Box::new(mysql::DieselMysql::connect(&url)),
                "raw_c" => Box::new(mysql::RawMysql::connect(&url)),
                other => return Err(format!("unknown implementation `{other}`")),
            };
            (expected, imp)
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
