//! Criterion settings shared by the three benchmark binaries: `QUARRY_BENCH_QUICK=1` (set by
//! `bench/run --quick`) trades precision for a run that fits in a few minutes.

use std::time::Duration;

use criterion::Criterion;

/// Whether the quick mode is on.
pub fn quick() -> bool {
    std::env::var_os("QUARRY_BENCH_QUICK").is_some_and(|v| v != "0")
}

/// The criterion configuration for the current mode.
pub fn criterion() -> Criterion {
    let c = Criterion::default().without_plots();
    if quick() {
        c.sample_size(10)
            .warm_up_time(Duration::from_millis(300))
            .measurement_time(Duration::from_secs(1))
    } else {
        c.sample_size(50)
            .warm_up_time(Duration::from_secs(1))
            .measurement_time(Duration::from_secs(3))
    }
}
