//! Parser + inspector over arbitrary bytes: no panic, and bounded time and memory (libFuzzer's -timeout
//! and -rss_limit_mb enforce those), as CONTRIBUTING.md asks. And the service's shortcut is differential-tested:
//! the same bytes walked as a stream ([`StreamWalk`], in odd pieces) and inspected again with its
//! records must give the same report.
#![no_main]

use std::sync::Arc;
use std::time::Duration;

use libfuzzer_sys::fuzz_target;
use shipgate_native::digest::Algorithm;
use shipgate_native::zip::{inspect_bytes, Limits, Options, StreamWalk};

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
        streamed: None,
        flags: true,
    };
    let report = inspect_bytes(data, &options).expect("in-memory inspection has no I/O errors");
    // Every entry the report calls verified was inflated to exactly its declared size.
    for e in &report.entries {
        assert!(!e.verified || !e.digests.is_empty());
    }
    // As the spool's trailing walk reads: odd-sized pieces, seeking past what the walk skips.
    let mut walk = StreamWalk::new(&[Algorithm::Sha256]).expect("a valid digest set");
    let mut pos = 0usize;
    while pos < data.len() && !walk.done() {
        let needed = walk.needs_from().min(data.len() as u64) as usize;
        if needed > pos {
            walk.skip_to(needed as u64);
            pos = needed;
            continue;
        }
        let end = (pos + 4093).min(data.len());
        walk.feed(&data[pos..end]);
        pos = end;
    }
    let walked = Options {
        streamed: Some(Arc::new(walk.finish())),
        ..options
    };
    let again = inspect_bytes(data, &walked).expect("in-memory inspection has no I/O errors");
    let timed_out = |r: &shipgate_native::zip::Report| r.findings.iter().any(|f| f.code == "zip.time_limit");
    if !timed_out(&report) && !timed_out(&again) {
        assert_eq!(format!("{:?}", report.entries), format!("{:?}", again.entries));
        assert_eq!(format!("{:?}", report.findings), format!("{:?}", again.findings));
    }
});
