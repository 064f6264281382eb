//! Per-entry verification: inflate every entry in parallel (one rayon task per entry), streaming in
//! [`IN_CHUNK`]/[`OUT_CHUNK`] pieces, check CRC-32 and size and compute digests of the uncompressed bytes.
//! Nothing holds a whole entry; the one exception is a deflated nested archive, buffered up to
//! [`NESTED_BUFFER_MAX`] so it can be inspected in turn.
//!
//! A big deflated entry is inflated here and hashed on a second thread ([`super::pipe`]).
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

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::Instant;

use flate2::{Decompress, FlushDecompress, Status};
use rayon::prelude::*;

use super::finding::{Finding, Severity};
use super::pipe::{Pipe, PIPELINE_MIN, PIPELINE_MIN_COMPRESSED};
use super::source::{Source, SubSource};
use super::spec::{METHOD_DEFLATE, METHOD_STORED, SIG_LOCAL};
use super::{inspect_nested, Entry, Limits, Options, Report, RATIO_MIN_SIZE};
use crate::digest::MultiDigest;
use crate::flags::FlagScanner;
use crate::error::Result;

/// Compressed bytes read per `pread`: large enough that syscalls are noise, small enough that two
/// workers' buffers are irrelevant to RSS.
const IN_CHUNK: usize = 256 * 1024;
/// Inflated bytes per call into the decoder; the digests consume each piece before the next.
pub(super) const OUT_CHUNK: usize = 256 * 1024;
/// A symlink's target is its data; longer than PATH_MAX is not a target.
const MAX_SYMLINK_TARGET: u64 = 4096;
/// Entries this big (compressed or not) are scheduled one per task; see [`verify_entries`].
const LARGE_ENTRY: u64 = 4 << 20;
/// A deflated archive inside an archive is buffered to be inspected; above this it is reported instead.
const NESTED_BUFFER_MAX: u64 = 64 << 20;
/// Names that are archives whatever their first bytes say.
const ARCHIVE_SUFFIXES: [&str; 7] = [".zip", ".jar", ".war", ".ear", ".apk", ".whl", ".nupkg"];

/// Limits shared by every worker of one inspection, nested archives included.
pub struct Budget {
    limits: Limits,
    deadline: Instant,
    total: AtomicU64,
    stop: AtomicBool,
    reported: Mutex<Vec<&'static str>>,
    /// Flag-like strings the inspection may still keep ([`FlagScanner`]).
    flags_left: std::sync::atomic::AtomicUsize,
}

impl Budget {
    pub fn new(limits: &Limits) -> Budget {
        Budget {
            limits: limits.clone(),
            deadline: Instant::now() + limits.max_time,
            total: AtomicU64::new(0),
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
pub fn declared_limits(report: &mut Report, limits: &Limits) -> Vec<Finding> {
    let mut out = Vec::new();
    if report.totals.uncompressed > limits.max_total_size {
        out.push(
            Finding::new(
                "zip.total_size_limit",
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
                    "zip.entry_size_limit",
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
            out.push(
                Finding::new(
                    "zip.compression_ratio",
                    Severity::Critical,
                    &e.name,
                    format!(
                        "the entry declares a {}:1 compression ratio, above the limit of {}:1",
                        e.uncompressed_size / e.compressed_size.max(1),
                        limits.max_ratio
                    ),
                )
                .with("compressed_size", e.compressed_size)
                .with("uncompressed_size", e.uncompressed_size),
            );
            e.readable = false;
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
    // Large entries are one task each, largest first (longest-processing-time first), so no worker is
    // left with a run of them while the others idle: rayon splits a range into a few sequential pieces,
    // and large entries stored next to each other would otherwise land in one piece.
    large.sort_by_key(|&i| std::cmp::Reverse(entries[i].uncompressed_size));
    // Small entries in file order, so each worker's read-ahead window serves its next entries.
    small.sort_by_key(|&i| entries[i].data_offset);
    let mut outcomes: Vec<Outcome> = large
        .par_iter()
        .with_max_len(1)
        .chain(small.par_iter())
        .map_init(Scratch::new, |scratch, &i| {
            verify_one(source, &entries[i], i, options, budget, depth, prefix, scratch)
        })
        .collect::<Result<_>>()?;
    // Findings are reported in file order, whatever order the work ran in.
    outcomes.sort_by_key(|o| entries[o.index].data_offset);
    Ok(outcomes)
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

fn is_archive_name(name: &str) -> bool {
    let name = name.as_bytes();
    ARCHIVE_SUFFIXES.iter().any(|s| {
        name.len() >= s.len() && name[name.len() - s.len()..].eq_ignore_ascii_case(s.as_bytes())
    })
}

/// Buffers and a decoder reused across the entries one worker verifies: allocating (and zeroing, and
/// page-faulting) 256 KiB and a 32 KiB window per entry dominated archives of many small entries.
struct Scratch {
    inbuf: Vec<u8>,
    outbuf: Vec<u8>,
    inflater: Decompress,
    ahead: ReadAhead,
    /// The first [`MAX_SYMLINK_TARGET`] inflated bytes of the current entry (symlink target, magic).
    head: Vec<u8>,
}

impl Scratch {
    fn new() -> Scratch {
        Scratch {
            inbuf: vec![0u8; IN_CHUNK],
            outbuf: vec![0u8; OUT_CHUNK],
            inflater: Decompress::new(false),
            ahead: ReadAhead {
                buf: Vec::new(),
                start: 0,
            },
            head: Vec::with_capacity(MAX_SYMLINK_TARGET as usize),
        }
    }
}

/// Reads below this size are served from a per-worker read-ahead window: a worker verifies entries in
/// file order, so one `pread` of [`READ_AHEAD`] serves hundreds of small entries instead of one each.
const SMALL_READ: usize = 16 * 1024;
const READ_AHEAD: usize = 256 * 1024;

struct ReadAhead {
    buf: Vec<u8>,
    start: u64,
}

impl ReadAhead {
    fn read_at(&mut self, source: &dyn Source, pos: u64, out: &mut [u8]) -> std::io::Result<usize> {
        if out.len() > SMALL_READ {
            return source.read_at(pos, out);
        }
        let end = pos + out.len() as u64;
        if pos < self.start || end > self.start + self.buf.len() as u64 {
            self.buf.resize(READ_AHEAD, 0);
            let n = source.read_at(pos, &mut self.buf)?;
            self.buf.truncate(n);
            self.start = pos;
        }
        let from = (pos - self.start) as usize;
        let n = out.len().min(self.buf.len().saturating_sub(from));
        out[..n].copy_from_slice(&self.buf[from..from + n]);
        Ok(n)
    }
}

#[allow(clippy::too_many_arguments)]
fn verify_one(
    source: &dyn Source,
    e: &Entry,
    index: usize,
    options: &Options,
    budget: &Budget,
    depth: u32,
    prefix: &str,
    scratch: &mut Scratch,
) -> Result<Outcome> {
    let mut out = Outcome {
        index,
        ..Outcome::default()
    };
    if budget.stop.load(Ordering::Relaxed) {
        return Ok(out);
    }
    let limits = &budget.limits;
    let mut digest = if options.digests.is_empty() {
        None
    } else {
        Some(MultiDigest::new(&options.digests)?)
    };
    let mut crc = crc32fast::Hasher::new();
    // A big deflated entry is hashed on a second thread while this one inflates (see [`Pipe`]).
    let mut pipe = if e.method == METHOD_DEFLATE
        && e.uncompressed_size >= PIPELINE_MIN
        && e.compressed_size >= PIPELINE_MIN_COMPRESSED
    {
        Pipe::start(digest.clone())
    } else {
        None
    };
    if pipe.is_some() {
        digest = None; // the hashing thread has it
    }
    let mut produced: u64 = 0;
    let mut consumed: u64 = 0;
    let Scratch {
        inbuf,
        outbuf,
        inflater,
        ahead,
        head,
    } = scratch;
    head.clear();
    let maybe_nested = is_archive_name(&e.name);
    let buffer_nested = e.method == METHOD_DEFLATE && e.uncompressed_size <= NESTED_BUFFER_MAX;
    let mut nested_buf: Option<Vec<u8>> = None;
    let collect_nested = buffer_nested && depth < limits.max_depth;
    let mut stopped = false;
    let mut scanner = (options.flags && !e.is_dir && !e.is_symlink).then(|| FlagScanner::new(&budget.flags_left));

    // One closure sees every inflated piece: limits first, then CRC, digests, and what is kept.
    let mut take = |piece: &[u8], consumed: u64, out: &mut Outcome, nested_buf: &mut Option<Vec<u8>>| -> bool {
        let next = produced + piece.len() as u64;
        if next > e.uncompressed_size {
            out.findings.push(
                Finding::new(
                    "zip.size_mismatch",
                    Severity::High,
                    &e.name,
                    format!(
                        "the entry inflates to more than its declared {} bytes",
                        e.uncompressed_size
                    ),
                )
                .with("declared", e.uncompressed_size),
            );
            return false;
        }
        if next >= RATIO_MIN_SIZE && next / consumed.max(1) > limits.max_ratio {
            out.findings.push(
                Finding::new(
                    "zip.compression_ratio",
                    Severity::Critical,
                    &e.name,
                    format!("the entry inflates more than {}:1", limits.max_ratio),
                )
                .with("inflated", next)
                .with("compressed_read", consumed),
            );
            return false;
        }
        let total = budget.total.fetch_add(piece.len() as u64, Ordering::Relaxed) + piece.len() as u64;
        if total > limits.max_total_size {
            out.findings.extend(
                budget.trip(
                    Finding::new(
                        "zip.total_size_limit",
                        Severity::Critical,
                        &e.name,
                        format!("more than {} bytes inflated in all", limits.max_total_size),
                    )
                    .with("limit", limits.max_total_size),
                ),
            );
            return false;
        }
        if Instant::now() > budget.deadline {
            out.findings.extend(
                budget.trip(
                    Finding::new(
                        "zip.time_limit",
                        Severity::Critical,
                        &e.name,
                        format!("verification took longer than {:?}", limits.max_time),
                    )
                    .with("limit_seconds", limits.max_time.as_secs()),
                ),
            );
            return false;
        }
        if budget.stop.load(Ordering::Relaxed) {
            return false;
        }
        produced = next;
        match pipe.as_mut() {
            Some(p) => p.send(piece),
            None => {
                crc.update(piece);
                if let Some(d) = digest.as_mut() {
                    d.update(piece);
                }
            }
        }
        if let Some(s) = scanner.as_mut() {
            s.update(piece);
        }
        if head.len() < MAX_SYMLINK_TARGET as usize {
            let room = MAX_SYMLINK_TARGET as usize - head.len();
            head.extend_from_slice(&piece[..piece.len().min(room)]);
        }
        if produced == piece.len() as u64
            && collect_nested
            && (maybe_nested || piece.starts_with(&SIG_LOCAL.to_le_bytes()))
        {
            // A deflated archive inside: collect it (bounded by NESTED_BUFFER_MAX) to inspect it in turn.
            *nested_buf = Some(Vec::new());
        }
        if let Some(buf) = nested_buf.as_mut() {
            buf.extend_from_slice(piece);
        }
        true
    };

    let mut pos = e.data_offset;
    let end = e.data_offset + e.compressed_size;

    let mut truncated = false;
    // A stored entry verified while the archive streamed in: its results, without reading it again.
    // Records carry no flag-like strings: an entry whose strings are wanted is read again.
    let streamed = match (&options.streamed, depth) {
        (Some(s), 0) if !options.flags => s.get(e, &options.digests).filter(|r| budget.admits(r.size)),
        _ => None,
    };
    let mut streamed_digests = None;
    match (streamed, e.method) {
        (Some(r), _) => {
            budget.total.fetch_add(r.size, Ordering::Relaxed);
            produced = r.size;
            crc = crc32fast::Hasher::new_with_initial_len(r.crc32, r.size);
            *head = r.head;
            streamed_digests = Some(r.digests);
        }
        (None, METHOD_STORED) => {
            while pos < end {
                let want = ((end - pos) as usize).min(inbuf.len());
                let n = ahead.read_at(source, pos, &mut inbuf[..want])?;
                if n == 0 {
                    truncated = true;
                    break;
                }
                pos += n as u64;
                consumed += n as u64;
                if !take(&inbuf[..n], consumed, &mut out, &mut nested_buf) {
                    stopped = true;
                    break;
                }
            }
            nested_buf = None; // stored archives are inspected in place
        }
        (None, _) => {
            inflater.reset(false);
            let (mut avail_start, mut avail_end) = (0usize, 0usize);
            loop {
                if avail_start == avail_end && pos < end {
                    let want = ((end - pos) as usize).min(inbuf.len());
                    let n = ahead.read_at(source, pos, &mut inbuf[..want])?;
                    if n == 0 {
                        truncated = true;
                        break;
                    }
                    pos += n as u64;
                    (avail_start, avail_end) = (0, n);
                }
                let flush = if pos >= end {
                    FlushDecompress::Finish
                } else {
                    FlushDecompress::None
                };
                let (in_before, out_before) = (inflater.total_in(), inflater.total_out());
                let status = inflater.decompress(&inbuf[avail_start..avail_end], outbuf, flush);
                let used = (inflater.total_in() - in_before) as usize;
                let made = (inflater.total_out() - out_before) as usize;
                avail_start += used;
                consumed += used as u64;
                if made > 0 && !take(&outbuf[..made], consumed, &mut out, &mut nested_buf) {
                    stopped = true;
                    break;
                }
                match status {
                    Ok(Status::StreamEnd) => break,
                    Ok(_) if used == 0 && made == 0 && avail_start == avail_end && pos >= end => {
                        truncated = true;
                        break;
                    }
                    Ok(_) => {}
                    Err(err) => {
                        out.findings.push(
                            Finding::new(
                                "zip.corrupt_data",
                                Severity::High,
                                &e.name,
                                format!("the deflate stream is invalid: {err}"),
                            )
                            .with("inflated", inflater.total_out()),
                        );
                        stopped = true;
                        break;
                    }
                }
            }
            if !stopped && !truncated && consumed < e.compressed_size {
                out.findings.push(
                    Finding::new(
                        "zip.unaccounted_bytes",
                        Severity::Medium,
                        &e.name,
                        format!(
                            "the deflate stream ends {} bytes before the entry's compressed size",
                            e.compressed_size - consumed
                        ),
                    )
                    .with("length", e.compressed_size - consumed),
                );
            }
        }
    }
    out.bytes = produced;
    if truncated {
        out.findings.push(
            Finding::new(
                "zip.truncated",
                Severity::Critical,
                &e.name,
                format!(
                    "the entry's data ends after {produced} of {} bytes",
                    e.uncompressed_size
                ),
            )
            .with("inflated", produced),
        );
        return Ok(out);
    }
    if stopped {
        return Ok(out);
    }
    if produced != e.uncompressed_size {
        out.findings.push(
            Finding::new(
                "zip.size_mismatch",
                Severity::High,
                &e.name,
                format!(
                    "the entry inflates to {produced} bytes, not the declared {}",
                    e.uncompressed_size
                ),
            )
            .with("declared", e.uncompressed_size)
            .with("actual", produced),
        );
        return Ok(out);
    }
    if let Some(p) = pipe.take() {
        (crc, digest) = p.finish();
    }
    let actual = crc.finalize();
    if actual != e.crc32 {
        out.findings.push(
            Finding::new(
                "zip.crc_mismatch",
                Severity::High,
                &e.name,
                format!("CRC-32 is {actual:08x}, the archive says {:08x}", e.crc32),
            )
            .with("declared", format!("{:08x}", e.crc32))
            .with("actual", format!("{actual:08x}")),
        );
        return Ok(out);
    }
    out.verified = true;
    out.flags = scanner.take().map(FlagScanner::finish).unwrap_or_default();
    out.digests = streamed_digests.unwrap_or_else(|| digest.map(|d| d.hexdigests()).unwrap_or_default());
    if e.is_symlink && produced <= MAX_SYMLINK_TARGET {
        out.symlink_target = Some(String::from_utf8_lossy(head).into_owned());
    }
    // Nested archives: by name or by the local-header signature at the start.
    let looks_zip = head.starts_with(&SIG_LOCAL.to_le_bytes());
    if maybe_nested || looks_zip {
        let path = format!("{prefix}{}!", e.name);
        if depth + 1 > limits.max_depth {
            out.findings.push(Finding::new(
                "zip.nesting_depth",
                Severity::High,
                &e.name,
                format!(
                    "archive nested deeper than {} levels was not inspected",
                    limits.max_depth
                ),
            ));
        } else if e.method == METHOD_STORED {
            let sub = SubSource {
                inner: source,
                start: e.data_offset,
                len: e.compressed_size,
            };
            let nested = inspect_nested(&sub, options, budget, depth + 1, &path)?;
            nested_findings(&mut out, nested, prefix, maybe_nested);
        } else if let Some(buf) = nested_buf.take() {
            let nested = inspect_nested(&buf.as_slice(), options, budget, depth + 1, &path)?;
            nested_findings(&mut out, nested, prefix, maybe_nested);
        } else {
            out.findings.push(Finding::new(
                "zip.nested_archive_uninspected",
                Severity::Medium,
                &e.name,
                "a nested archive too large to buffer was verified as bytes but not inspected",
            ));
        }
    } else if let Some(kind) = super::parser::sniff(head) {
        out.findings.push(
            Finding::new(
                "zip.nested_archive_uninspected",
                Severity::Medium,
                &e.name,
                format!("a nested {kind} archive is verified as bytes, its contents are not inspected"),
            )
            .with("format", kind),
        );
    }
    Ok(out)
}

/// Findings of a nested archive, paths relative to the caller's prefix (it adds its own). An entry that
/// only starts with a local-header signature but is no archive (CVE-2024-0450's "quoted" data) is data.
fn nested_findings(out: &mut Outcome, nested: Report, prefix: &str, named_archive: bool) {
    if !named_archive && nested.findings.iter().any(|f| f.code == "zip.not_a_zip") {
        return;
    }
    out.findings.extend(nested.findings.into_iter().map(|mut f| {
        f.path = f.path.strip_prefix(prefix).map(str::to_owned).unwrap_or(f.path);
        f
    }));
}
