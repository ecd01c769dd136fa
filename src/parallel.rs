//! The worker pool and panic guard shared by the two parallel runners: the
//! binary's batch pipeline (`batch/`) and the library's the JSON Lines `Filter` (`jsonl.rs`).
//!
//! Both clean many inputs on a pool of threads, in input order, and neither
//! may let one input's bug stop the others; this file is their one
//! definition of both, in a neutral home rather than inside either of them.
//! The library and the binary each compile it as a private module of their
//! own (`mod parallel;` in `lib.rs` and in `main.rs`), so it adds nothing
//! to the public API.

use std::io;
use std::panic::{self, AssertUnwindSafe};

/// A pool of `jobs` worker threads, or one per core when `None`; the batch
/// and the JSON Lines modes clean on one of these.
pub(crate) fn thread_pool(jobs: Option<usize>) -> io::Result<rayon::ThreadPool> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.unwrap_or(0))
        .thread_name(|i| format!("newsdedup-{i}"))
        .build()
        .map_err(io::Error::other)
}

/// Runs `f`; a panic inside it becomes `Err` with the panic's message, so
/// that one input's bug is that input's error and the run goes on.
pub(crate) fn catch_panic_message<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    panic::catch_unwind(AssertUnwindSafe(f)).map_err(|payload| {
        payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown cause".to_string())
    })
}
