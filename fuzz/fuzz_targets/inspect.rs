//! Parser + inspector over arbitrary bytes. The only assertion is the one STYLE.md asks for: no panic,
//! and bounded time and memory (libFuzzer's -timeout and -rss_limit_mb enforce those).
#![no_main]

use std::time::Duration;

use libfuzzer_sys::fuzz_target;
use shipgate_native::digest::Algorithm;
use shipgate_native::zip::{inspect_bytes, Limits, Options};

fuzz_target!(|data: &[u8]| {
    let options = Options {
        limits: Limits {
            max_entry_size: 64 << 20,
            max_total_size: 256 << 20,
            max_time: Duration::from_secs(5),
            ..Limits::default()
        },
        digests: vec![Algorithm::Sha256],
        verify: true,
    };
    let report = inspect_bytes(data, &options).expect("in-memory inspection has no I/O errors");
    // Every entry the report calls verified was inflated to exactly its declared size.
    for e in &report.entries {
        assert!(!e.verified || !e.digests.is_empty());
    }
});
