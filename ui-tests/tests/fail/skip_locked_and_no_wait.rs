use quarry_ui_tests::schema::*;

fn main() {
    // One of SKIP LOCKED and NOWAIT, not both.
    let _ = users::table.for_update().skip_locked().no_wait();
}
