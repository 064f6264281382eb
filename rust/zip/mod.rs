//! Hostile-input ZIP inspection: structure, anomalies, and per-entry verification, never extracting.
//!
//! - [`parser`] is sans-I/O (as rc-zip's): it says which byte range it wants next and is fed exactly
//!   those bytes, so the same code runs over a file, a sub-range of a file or a buffer, and is fuzzable.
//! - [`names`] checks entry names for traversal, control characters and duplicates after normalisation.
//! - [`verify`] decodes every entry in parallel (rayon), checks CRC-32 and sizes and computes digests,
//!   streaming in bounded chunks under the [`Limits`]; [`decode`] holds the compression methods behind
//!   one interface; [`pipe`] hashes a big entry on a second thread while it is decoded.
//! - [`source`] is the I/O: `pread` on a file (no mapping, so a spool file still being written or
//!   truncated under us cannot fault the process), or a byte slice; any other [`Source`] goes through
//!   [`inspect_source_at`] (the upload spool reads with `O_DIRECT` that way).
//!
//! Any case where two extractors could write different entry sets is reported `high` or `critical`.
//!
//! No `unsafe` here: the module parses hostile input, so its memory safety is the compiler's to prove.

#![forbid(unsafe_code)]

pub mod codes;
pub mod decode;
mod finding;
mod names;
mod parser;
mod pipe;
mod source;
pub mod spec;
mod stream;
mod verify;

use std::path::Path;
use std::time::Duration;

pub use finding::{Evidence, Finding, Severity};
pub use parser::{parse_central_directory, parse_structure, Parser, Step, Structure};
pub use source::{FileSource, Source};
pub use stream::{StreamWalk, Streamed, StreamedEntry};

use crate::digest::Algorithm;
use crate::error::{Error, Result};

/// Bounds on the work one inspection may do. Crossing one stops the work and becomes a finding.
#[derive(Clone, Debug)]
pub struct Limits {
    /// Uncompressed bytes of one entry.
    pub max_entry_size: u64,
    /// Uncompressed bytes over all entries (nested archives included).
    pub max_total_size: u64,
    /// Uncompressed / compressed, checked on declared sizes and while inflating.
    pub max_ratio: u64,
    /// Uncompressed bytes, over the whole inspection, that entries may inflate at more than `max_ratio`
    /// (padding, sparse images, repeated records) before the archive counts as a bomb.
    pub max_high_ratio_size: u64,
    /// Entries in one archive (the central directory is held in memory: ~150 B per entry).
    pub max_entries: u64,
    /// Archives inside archives.
    pub max_depth: u32,
    /// Wall-clock time for the whole inspection.
    pub max_time: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            // A vendor upgrade holds installers and images; 8 GiB per file and 32 GiB in all is generous,
            // and bounded.
            max_entry_size: 8 << 30,
            max_total_size: 32 << 30,
            // Text compresses ~10:1 and sparse images ~100:1; deflate's ceiling is ~1032:1. Firmware padded
            // with 0xFF, a preallocated database file or a sparse disk image goes beyond 200:1 honestly:
            // such entries are verified (and reported, low) up to 512 MiB in all, decoded in about a
            // second; past that the archive is a bomb.
            max_ratio: 200,
            max_high_ratio_size: 512 << 20,
            max_entries: 250_000,
            max_depth: 3,
            max_time: Duration::from_secs(300),
        }
    }
}

/// Entries below this many uncompressed bytes are never reported for their ratio: a 10 KiB run of zeros
/// compressing 500:1 harms nobody.
pub const RATIO_MIN_SIZE: u64 = 1 << 20;

/// One entry as the central directory (checked against its local header) describes it, plus what
/// verification found.
#[derive(Clone, Debug, Default)]
pub struct Entry {
    pub name: String,
    pub raw_name: Vec<u8>,
    pub method: u16,
    /// 4.4.4 general purpose bit flags.
    pub bit_flags: u16,
    pub crc32: u32,
    pub compressed_size: u64,
    pub uncompressed_size: u64,
    /// Offset of the local header; `data_offset` is where the compressed bytes start (0 when the local
    /// header could not be read).
    pub header_offset: u64,
    pub data_offset: u64,
    /// Unix mode (type and permission bits) when the entry was made on a Unix-like host.
    pub mode: Option<u32>,
    /// Modification time, Unix seconds: extended timestamp or NTFS extra when present, else MS-DOS
    /// fields read as UTC.
    pub mtime: Option<i64>,
    pub is_dir: bool,
    pub is_symlink: bool,
    pub encrypted: bool,
    pub zip64: bool,
    pub symlink_target: Option<String>,
    /// Digests of the uncompressed bytes; empty unless the entry was fully verified.
    pub digests: Vec<(Algorithm, String)>,
    /// Flag-like strings in the uncompressed bytes, sorted ([`Options::flags`]); empty unless verified.
    pub flags: Vec<String>,
    /// CRC-32 and size were checked against the inflated bytes and matched.
    pub verified: bool,
    /// The structure allows reading this entry's data (bounds, method, encryption are all fine).
    pub(crate) readable: bool,
    /// Declares more than `max_ratio` and was admitted within `max_high_ratio_size`: its bytes are not
    /// charged again while it inflates.
    pub(crate) high_ratio: bool,
}

/// Totals over the archive.
#[derive(Clone, Debug, Default)]
pub struct Totals {
    pub entries: u64,
    pub compressed: u64,
    /// Sum of declared uncompressed sizes.
    pub uncompressed: u64,
    /// Uncompressed bytes actually inflated and hashed.
    pub verified_bytes: u64,
}

/// The result of [`inspect_path`].
#[derive(Clone, Debug, Default)]
pub struct Report {
    pub size: u64,
    pub comment: String,
    pub zip64: bool,
    pub entries: Vec<Entry>,
    pub findings: Vec<Finding>,
    pub totals: Totals,
}

/// What to do besides parsing.
#[derive(Clone, Debug)]
pub struct Options {
    pub limits: Limits,
    /// Digests of each entry's uncompressed bytes. Empty with `verify` still checks CRC-32 and sizes.
    pub digests: Vec<Algorithm>,
    /// Inflate and check every entry (false: structure only, as a listing).
    pub verify: bool,
    /// Stored entries already verified while the file streamed in (the service's spool): taken for the
    /// entries they exactly cover instead of reading those again ([`StreamWalk`]).
    pub streamed: Option<std::sync::Arc<Streamed>>,
    /// Collect each binary's flag-like strings while it is verified ([`crate::flags`]).
    pub flags: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            limits: Limits::default(),
            digests: vec![Algorithm::Sha256],
            verify: true,
            streamed: None,
            flags: false,
        }
    }
}

/// Inspect the archive at `path`. Only I/O failures on the file itself are errors; everything wrong with
/// its contents is a finding.
pub fn inspect_path(path: &Path, options: &Options) -> Result<Report> {
    let source = FileSource::open(path).map_err(|e| Error::io(path, e))?;
    inspect_source_at(path, &source, options)
}

/// Inspect `source`, which reads the file at `path` (named in I/O errors): for readers other than
/// [`FileSource`], such as the upload spool's direct-I/O one.
pub fn inspect_source_at(path: &Path, source: &dyn Source, options: &Options) -> Result<Report> {
    inspect_source(source, options).map_err(|e| match e {
        Error::Io { path: None, source } => Error::io(path, source),
        other => other,
    })
}

/// Inspect an archive held in memory (nested archives, fuzzing, tests).
pub fn inspect_bytes(data: &[u8], options: &Options) -> Result<Report> {
    inspect_source(&data, options)
}

pub fn inspect_source(source: &dyn Source, options: &Options) -> Result<Report> {
    let budget = verify::Budget::new(&options.limits);
    inspect_nested(source, options, &budget, 0, "")
}

fn inspect_nested(
    source: &dyn Source,
    options: &Options,
    budget: &verify::Budget,
    depth: u32,
    prefix: &str,
) -> Result<Report> {
    let structure = parse_structure(source, &options.limits)?;
    let mut report = Report {
        size: source.len(),
        comment: structure.comment,
        zip64: structure.zip64,
        entries: structure.entries,
        findings: structure.findings,
        totals: Totals::default(),
    };
    for e in &report.entries {
        report.totals.entries += 1;
        report.totals.compressed = report.totals.compressed.saturating_add(e.compressed_size);
        report.totals.uncompressed = report.totals.uncompressed.saturating_add(e.uncompressed_size);
    }
    let declared = verify::declared_limits(&mut report, budget);
    // The names are checked while the entries are verified (both only read them): on 100,000 small
    // entries the check is tens of milliseconds that would otherwise run on one core alone.
    let (named, outcomes) = if options.verify {
        let entries = &report.entries;
        let (named, outcomes) = rayon::join(
            || names::check(entries),
            || verify::verify_entries(source, entries, options, budget, depth, prefix),
        );
        (named, Some(outcomes?))
    } else {
        (names::check(&report.entries), None)
    };
    report.findings.extend(named);
    report.findings.extend(declared);
    if let Some(outcomes) = outcomes {
        verify::apply(&mut report, outcomes);
    }
    names::check_symlinks(&report.entries, &mut report.findings);
    if !prefix.is_empty() {
        for f in &mut report.findings {
            f.path = if f.path.is_empty() {
                prefix.trim_end_matches('!').to_owned()
            } else {
                format!("{prefix}{}", f.path)
            };
        }
    }
    report.findings.sort_by_key(|f| std::cmp::Reverse(f.severity));
    report.findings = cap_repeats(std::mem::take(&mut report.findings));
    Ok(report)
}

/// One finding code repeated for every entry of a bomb (250 overlaps in zbsm.zip) says nothing the
/// first few do not; keep [`MAX_FINDINGS_PER_CODE`] and summarise the rest.
pub const MAX_FINDINGS_PER_CODE: usize = 20;

fn cap_repeats(findings: Vec<Finding>) -> Vec<Finding> {
    let mut counts: std::collections::HashMap<&'static str, usize> = std::collections::HashMap::new();
    let mut out = Vec::with_capacity(findings.len().min(256));
    let mut dropped: Vec<(&'static str, Severity, usize)> = Vec::new();
    for f in findings {
        let n = counts.entry(f.code).or_insert(0);
        *n += 1;
        if *n <= MAX_FINDINGS_PER_CODE {
            out.push(f);
        } else if let Some(d) = dropped.iter_mut().find(|d| d.0 == f.code) {
            d.2 += 1;
        } else {
            dropped.push((f.code, f.severity, 1));
        }
    }
    for (code, severity, more) in dropped {
        // The code and severity of findings already made, so already checked against the table.
        let summary = Finding {
            code,
            severity,
            path: String::new(),
            message: format!("{more} more findings of this kind were not listed"),
            evidence: Vec::new(),
        };
        out.push(summary.with("not_listed", more));
    }
    out
}

#[cfg(test)]
pub(crate) mod tests;
