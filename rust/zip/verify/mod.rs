//! Per-entry verification: decode every entry in parallel (one rayon task per entry), streaming in
//! [`IN_CHUNK`]/[`OUT_CHUNK`] pieces, check CRC-32 and size and compute digests of the uncompressed bytes.
//! Nothing holds a whole entry; the one exception is a compressed nested archive, buffered up to
//! [`NESTED_BUFFER_MAX`] so it can be inspected in turn.
//!
//! - [`entry`]: one entry, in steps ([`entry::Context`] is what every entry of an archive shares);
//! - [`check`]: what every decoded piece goes through ([`check::EntryCheck`]);
//! - [`read`]: the compressed bytes, read in pieces by the stored path and every decoder alike;
//! - [`nested`]: archives inside archives; [`found`]: the findings, one constructor each.
//!
//! A big compressed entry is decoded here and hashed on a second thread ([`super::pipe`]).
//!
//! Limits are shared by every worker through [`Budget`]: the first to cross one sets `stop`, and every
//! other worker sees it at its next chunk.
//!
//! Entries the parser found overlapping another entry (`zip.overlapping_entries`, critical) are not
//! inflated at all: the archive is already rejected, their shared bytes prove nothing about what an
//! extractor would write, and inflating every entry that quotes one stream is a work amplifier (zbsm.zip:
//! n entries cost n inflations of the same bytes, up to the 32 GiB total limit). Every other entry is still
//! verified, and every structural finding is kept. Other critical ambiguities (`eocd_ambiguous`,
//! `local_header_mismatch`, `duplicate_name`, ...) do not share bytes between entries, so the work they
//! allow stays bounded by the ratio limit times the archive's size, and their entries are still verified.

mod check;
mod entry;
mod found;
mod nested;
mod read;

use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Instant;

use rayon::prelude::*;

use self::entry::Context;
use self::read::ReadAhead;
use super::decode::Deflate;
use super::codes;
use super::finding::{Finding, Severity};
use super::source::Source;
use super::{Entry, Limits, Options, Report, RATIO_MIN_SIZE};
use crate::error::Result;
use crate::flags::FlagScanner;

/// Compressed bytes read per `pread`: large enough that syscalls are noise, small enough that two
/// workers' buffers are irrelevant to RSS.
const IN_CHUNK: usize = 256 * 1024;
/// Inflated bytes per call into the decoder; the digests consume each piece before the next.
pub(super) const OUT_CHUNK: usize = 256 * 1024;
/// A symlink's target is its data; longer than PATH_MAX is not a target.
const MAX_SYMLINK_TARGET: u64 = 4096;
/// Entries this big (compressed or not) are scheduled one per task; see [`verify_entries`].
const LARGE_ENTRY: u64 = 4 << 20;
/// A compressed archive inside an archive is buffered to be inspected; above this it is reported instead.
const NESTED_BUFFER_MAX: u64 = 64 << 20;

/// Limits shared by every worker of one inspection, nested archives included.
pub struct Budget {
    limits: Limits,
    deadline: Instant,
    total: AtomicU64,
    /// Bytes admitted or inflated at more than `max_ratio` ([`Limits::max_high_ratio_size`]).
    high_ratio: AtomicU64,
    stop: AtomicBool,
    reported: Mutex<Vec<&'static str>>,
    /// Flag-like strings the inspection may still keep ([`FlagScanner`]).
    flags_left: AtomicUsize,
}

impl Budget {
    pub fn new(limits: &Limits) -> Budget {
        Budget {
            limits: limits.clone(),
            deadline: Instant::now() + limits.max_time,
            total: AtomicU64::new(0),
            high_ratio: AtomicU64::new(0),
            stop: AtomicBool::new(false),
            reported: Mutex::new(Vec::new()),
            flags_left: FlagScanner::take_total(),
        }
    }

    /// Whether `bytes` more may be verified without crossing the total or the deadline (the checks a
    /// streamed entry's results must pass to be taken: the inspection itself reports any crossing).
    fn admits(&self, bytes: u64) -> bool {
        !self.stop.load(Ordering::Relaxed)
            && self.total.load(Ordering::Relaxed).saturating_add(bytes) <= self.limits.max_total_size
            && Instant::now() <= self.deadline
    }

    /// Count `bytes` more inflated at more than `max_ratio`: false once that crosses
    /// [`Limits::max_high_ratio_size`] (the bytes stay counted: the archive is a bomb either way).
    fn admit_high_ratio(&self, bytes: u64) -> bool {
        let before = self.high_ratio.fetch_add(bytes, Ordering::Relaxed);
        before.saturating_add(bytes) <= self.limits.max_high_ratio_size
    }

    /// Whether a worker stopped all work.
    fn stopped(&self) -> bool {
        self.stop.load(Ordering::Relaxed)
    }

    /// Stop all work; `Some(finding)` for the first worker to report this code.
    fn trip(&self, finding: Finding) -> Option<Finding> {
        self.stop.store(true, Ordering::Relaxed);
        let mut seen = self.reported.lock().unwrap_or_else(|p| p.into_inner());
        if seen.contains(&finding.code) {
            return None;
        }
        seen.push(finding.code);
        Some(finding)
    }
}

/// Findings from declared sizes alone, before anything is inflated. Entries they condemn are not read.
pub fn declared_limits(report: &mut Report, budget: &Budget) -> Vec<Finding> {
    let limits = &budget.limits;
    let mut out = Vec::new();
    if report.totals.uncompressed > limits.max_total_size {
        out.push(
            Finding::new(
                codes::TOTAL_SIZE_LIMIT,
                Severity::Critical,
                "",
                format!(
                    "the entries declare {} bytes in all, more than the limit of {}",
                    report.totals.uncompressed, limits.max_total_size
                ),
            )
            .with("declared", report.totals.uncompressed)
            .with("limit", limits.max_total_size),
        );
        report.entries.iter_mut().for_each(|e| e.readable = false);
    }
    for e in &mut report.entries {
        if e.uncompressed_size > limits.max_entry_size {
            out.push(
                Finding::new(
                    codes::ENTRY_SIZE_LIMIT,
                    Severity::Critical,
                    &e.name,
                    format!(
                        "the entry declares {} bytes, more than the limit of {}",
                        e.uncompressed_size, limits.max_entry_size
                    ),
                )
                .with("declared", e.uncompressed_size)
                .with("limit", limits.max_entry_size),
            );
            e.readable = false;
        } else if e.uncompressed_size >= RATIO_MIN_SIZE
            && e.uncompressed_size / e.compressed_size.max(1) > limits.max_ratio
        {
            let admitted = budget.admit_high_ratio(e.uncompressed_size);
            out.push(found::declared_ratio(e, limits, admitted));
            e.readable &= admitted;
            e.high_ratio = admitted;
        }
    }
    out
}

/// What verifying one entry found; [`apply`] writes it into the report.
#[derive(Default)]
pub struct Outcome {
    index: usize,
    findings: Vec<Finding>,
    digests: Vec<(crate::digest::Algorithm, String)>,
    verified: bool,
    bytes: u64,
    symlink_target: Option<String>,
    flags: Vec<String>,
}

/// Verify every readable entry; the report is untouched until [`apply`].
pub fn verify_entries(
    source: &dyn Source,
    entries: &[Entry],
    options: &Options,
    budget: &Budget,
    depth: u32,
    prefix: &str,
) -> Result<Vec<Outcome>> {
    let (mut large, mut small): (Vec<usize>, Vec<usize>) = (0..entries.len())
        .filter(|&i| entries[i].readable && entries[i].data_offset > 0)
        .partition(|&i| entries[i].compressed_size.max(entries[i].uncompressed_size) >= LARGE_ENTRY);
    // Large entries are one task each, longest first (longest-processing-time first), so no worker is
    // left with a run of them while the others idle: rayon splits a range into a few sequential pieces,
    // and large entries stored next to each other would otherwise land in one piece. How long is the
    // size times the method's cost (a bzip2 entry takes ten times a deflated one of the same size).
    large.sort_by_key(|&i| std::cmp::Reverse(entries[i].uncompressed_size.saturating_mul(decode_cost(entries[i].method))));
    // Small entries in file order, so each worker's read-ahead window serves its next entries.
    small.sort_by_key(|&i| entries[i].data_offset);
    let ctx = Context { source, entries, options, budget, depth, prefix };
    let mut outcomes: Vec<Outcome> = large
        .par_iter()
        .with_max_len(1)
        .chain(small.par_iter())
        .map_init(Scratch::new, |scratch, &i| entry::verify_one(&ctx, i, scratch))
        .collect::<Result<_>>()?;
    // Findings are reported in file order, whatever order the work ran in.
    outcomes.sort_by_key(|o| entries[o.index].data_offset);
    Ok(outcomes)
}

/// Relative time to verify a byte of each method (hashing included), measured on text on the development VM:
/// stored ~1, deflate and Zstandard ~2, Deflate64 ~4, LZMA ~8, bzip2 ~25.
fn decode_cost(method: u16) -> u64 {
    use super::decode::{BZIP2, DEFLATE, DEFLATE64, LZMA, STORED, XZ, ZSTD};
    match method {
        STORED => 1,
        DEFLATE | ZSTD => 2,
        DEFLATE64 => 4,
        LZMA | XZ => 8,
        BZIP2 => 25,
        _ => 1,
    }
}

/// Write what [`verify_entries`] found into the report, in file order.
pub fn apply(report: &mut Report, outcomes: Vec<Outcome>) {
    for o in outcomes {
        let e = &mut report.entries[o.index];
        e.digests = o.digests;
        e.verified = o.verified;
        e.symlink_target = o.symlink_target;
        e.flags = o.flags;
        report.totals.verified_bytes += o.bytes;
        report.findings.extend(o.findings);
    }
}

/// Buffers and a deflate decoder reused across the entries one worker verifies: allocating (and zeroing,
/// and page-faulting) 256 KiB and a 32 KiB window per entry dominated archives of many small entries.
struct Scratch {
    inbuf: Vec<u8>,
    outbuf: Vec<u8>,
    deflate: Deflate,
    ahead: ReadAhead,
    /// The first [`MAX_SYMLINK_TARGET`] decoded bytes of the current entry (symlink target, magic).
    head: Vec<u8>,
}

impl Scratch {
    fn new() -> Scratch {
        Scratch {
            inbuf: vec![0u8; IN_CHUNK],
            outbuf: vec![0u8; OUT_CHUNK],
            deflate: Deflate::new(),
            ahead: ReadAhead::new(),
            head: Vec::with_capacity(MAX_SYMLINK_TARGET as usize),
        }
    }
}
