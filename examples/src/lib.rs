//! Runnable examples for Quarry; see `examples/quickstart.rs`.
//!
//! The workspace README is included below so that `cargo test --workspace` compiles and runs its
//! example as a doctest: the README cannot drift from the real API unnoticed.
#![doc = include_str!("../../README.md")]
