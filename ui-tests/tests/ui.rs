//! Compile-fail and compile-pass cases for Quarry's diagnostics. See `README.md` for the list.
//!
//! Regenerate the expected messages with `TRYBUILD=overwrite cargo test -p quarry-ui-tests`,
//! then read every changed `.stderr`: its first line must name the mistake.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/fail/*.rs");
    t.pass("tests/pass/*.rs");
}
