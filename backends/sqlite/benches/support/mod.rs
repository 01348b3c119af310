//! Timing shared by the SQLite backend's benchmarks.

use std::hint::black_box;
use std::time::{Duration, Instant};

/// Iterations per measurement: `QUARRY_BENCH_ITERS`, default 200.
pub fn iterations() -> usize {
    std::env::var("QUARRY_BENCH_ITERS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(200)
}

/// The median time of `run` over `iters` runs after 3 warm-up runs; `reset` runs before each
/// run, untimed.
pub fn median(mut run: impl FnMut() -> usize, mut reset: impl FnMut(), iters: usize) -> Duration {
    let mut times = Vec::with_capacity(iters);
    for i in 0..iters + 3 {
        reset();
        let t = Instant::now();
        black_box(run());
        if i >= 3 {
            times.push(t.elapsed());
        }
    }
    times.sort();
    times[iters / 2]
}
