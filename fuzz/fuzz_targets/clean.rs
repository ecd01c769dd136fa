//! Fuzz target for `newsdedup::clean`: any bytes must give an article or a
//! typed error, never a panic, a hang or runaway memory; and a cleaned
//! article, written out and cleaned again, must come back byte for byte
//! (the idempotence promise `--check` relies on).
//!
//! Run it from the repository root with `cargo +nightly fuzz run clean`.
//! With `NEWSDEDUP_FUZZ_NO_IDEMPOTENCE=1` in the environment only panics,
//! hangs and memory blow-ups count: while a known idempotence failure is
//! open, it would otherwise stop every run at once.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use newsdedup::{clean, writer::to_text, Options};

fn idempotence_checked() -> bool {
    static CHECKED: OnceLock<bool> = OnceLock::new();
    *CHECKED.get_or_init(|| std::env::var_os("NEWSDEDUP_FUZZ_NO_IDEMPOTENCE").is_none())
}

/// Cleans `data` with `opts` and, when that succeeds, checks that its text
/// output is a fixed point.
fn check(data: &[u8], opts: &Options) {
    let Ok(article) = clean(data, opts) else {
        return;
    };
    if !idempotence_checked() {
        return;
    }
    let once = to_text(&article);
    let again = clean(&once, opts).expect("a cleaned article cleans again");
    let twice = to_text(&again);
    assert!(
        once == twice,
        "not idempotent:\n--- once\n{}\n--- twice\n{}",
        String::from_utf8_lossy(&once),
        String::from_utf8_lossy(&twice)
    );
}

fuzz_target!(|data: &[u8]| {
    check(data, &Options::default());
    // The other reading modes share no header checks and decode differently,
    // so they reach the dedup pass with inputs the default mode refuses.
    check(
        data,
        &Options {
            no_header: true,
            lossy: true,
            ..Options::default()
        },
    );
});
