//! The sans-I/O structure parser. [`Parser::step`] names the byte range it wants next; the driver reads
//! it from wherever the archive lives and hands it to [`Parser::feed`] (fewer bytes when the data ends
//! first). It never reads, allocates in proportion to anything but the central directory (itself bounded),
//! and turns every inconsistency into a finding rather than an error.
//!
//! Order of work, each a state: the EOCD (4.3.16) among every candidate in the tail; the ZIP64 locator
//! and record (4.3.15, 4.3.14); the central directory (4.3.12); each local header (4.3.7) and data
//! descriptor (4.3.9) in file order; then the layout (overlaps, gaps, prefix and trailing data).

use super::finding::{Finding, Severity};
use super::source::{Source, Windowed};
use super::spec::*;
use super::{Entry, Limits};
use crate::error::{Error, Result};
use unicode_normalization::UnicodeNormalization as _;

/// 4.3.16: a 22-byte record plus a comment of up to 65,535 bytes.
pub const MAX_EOCD_SEARCH: u64 = EOCD_LEN as u64 + 65_535;
/// The central directory is held in memory while parsed. 46 bytes plus a name per entry: this allows
/// `Limits::max_entries` entries with long names, and bounds memory on a hostile size field.
pub const MAX_CENTRAL_DIRECTORY: u64 = 256 << 20;
/// Gaps between entries are scanned for hidden local headers up to this many bytes each.
pub const MAX_GAP_SCAN: u64 = 16 << 20;
/// A local header's name and extra field, as the parser first guesses them from the central directory,
/// plus slack so a differing extra length rarely costs a second read.
const LOCAL_SLACK: u64 = 64;
/// How far before the locator a shifted ZIP64 record is looked for: its fixed part plus a generous
/// extensible data sector (4.3.14.2), which no known writer uses.
const MAX_ZIP64_SEARCH: u64 = 64 * 1024;
/// Signed data descriptor with 64-bit sizes.
const MAX_DESCRIPTOR: u64 = 24;

/// What the parser wants next.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Need { offset: u64, len: u64 },
    Done,
}

/// The parsed structure: entries in central-directory order, findings, and the layout facts.
#[derive(Clone, Debug, Default)]
pub struct Structure {
    pub entries: Vec<Entry>,
    pub findings: Vec<Finding>,
    pub comment: String,
    pub zip64: bool,
    pub cd_offset: u64,
    pub cd_size: u64,
}

#[derive(Clone, Copy, Debug)]
enum State {
    Tail,
    Locator,
    Zip64Record { offset: u64 },
    Zip64Search,
    Central,
    Local { at: usize },
    Descriptor { at: usize },
    Gap { at: usize },
    Done,
}

pub struct Parser {
    size: u64,
    max_entries: u64,
    state: State,
    out: Structure,
    eocd: Option<Eocd>,
    eocd_pos: u64,
    comment_end: u64,
    /// Where the central directory ends: the ZIP64 record, or the EOCD.
    cd_end: u64,
    cd_count: u64,
    /// Bytes of prefix (self-extractor stub) that every stored offset is relative to.
    base: u64,
    /// Entry indices in local-header order.
    order: Vec<usize>,
    /// Per entry: (local header start, end of data and descriptor) once the local header was read.
    spans: Vec<Option<(u64, u64)>>,
    gaps: Vec<(u64, u64)>,
    /// Where the locator says the ZIP64 record is.
    zip64_stated: u64,
    /// Stop after the central directory (a listing): no local headers, no layout checks.
    central_only: bool,
}

fn f(code: &'static str, sev: Severity, path: &str, msg: impl Into<String>) -> Finding {
    Finding::new(code, sev, path, msg)
}

impl Parser {
    pub fn new(size: u64, limits: &Limits) -> Parser {
        Parser {
            size,
            max_entries: limits.max_entries,
            state: State::Tail,
            out: Structure::default(),
            eocd: None,
            eocd_pos: 0,
            comment_end: 0,
            cd_end: 0,
            cd_count: 0,
            base: 0,
            order: Vec::new(),
            spans: Vec::new(),
            gaps: Vec::new(),
            zip64_stated: 0,
            central_only: false,
        }
    }

    /// A parser that stops after the central directory, for listings.
    pub fn central_only(mut self) -> Parser {
        self.central_only = true;
        self
    }

    pub fn step(&self) -> Step {
        match self.state {
            State::Tail => {
                let len = self.size.min(MAX_EOCD_SEARCH);
                Step::Need {
                    offset: self.size - len,
                    len,
                }
            }
            State::Locator => Step::Need {
                offset: self.eocd_pos.saturating_sub(ZIP64_LOCATOR_LEN as u64),
                len: ZIP64_LOCATOR_LEN as u64,
            },
            State::Zip64Record { offset } => Step::Need {
                offset,
                len: ZIP64_EOCD_LEN as u64,
            },
            State::Zip64Search => {
                let end = self.eocd_pos - ZIP64_LOCATOR_LEN as u64;
                let len = end.min(MAX_ZIP64_SEARCH);
                Step::Need { offset: end - len, len }
            }
            State::Central => Step::Need {
                offset: self.out.cd_offset,
                len: self.cd_end - self.out.cd_offset,
            },
            State::Local { at } => {
                let e = &self.out.entries[self.order[at]];
                let guess = LOCAL_LEN as u64 + e.raw_name.len() as u64 + LOCAL_SLACK;
                Step::Need {
                    offset: e.header_offset,
                    len: guess,
                }
            }
            State::Descriptor { at } => {
                let e = &self.out.entries[self.order[at]];
                Step::Need {
                    offset: e.data_offset.saturating_add(e.compressed_size),
                    len: MAX_DESCRIPTOR,
                }
            }
            State::Gap { at } => {
                let (start, end) = self.gaps[at];
                Step::Need {
                    offset: start,
                    len: (end - start).min(MAX_GAP_SCAN),
                }
            }
            State::Done => Step::Done,
        }
    }

    /// The bytes of the range the last [`Parser::step`] asked for.
    pub fn feed(&mut self, data: &[u8]) {
        self.state = match self.state {
            State::Tail => self.on_tail(data),
            State::Locator => self.on_locator(data),
            State::Zip64Record { offset } => self.on_zip64(offset, data),
            State::Zip64Search => self.on_zip64_search(data),
            State::Central => self.on_central(data),
            State::Local { at } => self.on_local(at, data),
            State::Descriptor { at } => self.on_descriptor(at, data),
            State::Gap { at } => self.on_gap(at, data),
            State::Done => State::Done,
        };
    }

    pub fn finish(self) -> Structure {
        self.out
    }

    fn push(&mut self, finding: Finding) {
        self.out.findings.push(finding);
    }

    // -- 4.3.16 End of central directory ------------------------------------------------------------

    fn on_tail(&mut self, tail: &[u8]) -> State {
        let tail_start = self.size - tail.len() as u64;
        let mut candidates: Vec<(u64, Eocd)> = Vec::new();
        if tail.len() >= EOCD_LEN {
            for i in (0..=tail.len() - EOCD_LEN).rev() {
                if tail[i..i + 4] == SIG_EOCD.to_le_bytes() {
                    if let Some(e) = Eocd::parse(&tail[i..]) {
                        candidates.push((tail_start + i as u64, e));
                    }
                }
            }
        }
        // Go's reader takes the last signature whose comment fits in the file; Info-ZIP and Python take
        // the last signature. Choose as Go does, and report where the others would differ.
        let fits = |pos: u64, e: &Eocd| pos + EOCD_LEN as u64 + u64::from(e.comment_len) <= self.size;
        let Some(chosen) = candidates.iter().position(|(pos, e)| fits(*pos, e)) else {
            let mut finding = f(
                "zip.not_a_zip",
                Severity::Critical,
                "",
                "no end-of-central-directory record: not a ZIP archive, or truncated",
            )
            .with("searched_bytes", tail.len());
            if let Some((pos, e)) = candidates.first() {
                finding = f(
                    "zip.eocd_comment_length",
                    Severity::Critical,
                    "",
                    format!(
                        "the end-of-central-directory record at {pos} declares a {}-byte comment but only {} bytes \
                         follow it",
                        e.comment_len,
                        self.size - pos - EOCD_LEN as u64
                    ),
                )
                .with("offset", *pos);
            }
            self.push(finding);
            return State::Done;
        };
        let (pos, eocd) = candidates[chosen].clone();
        for (other, e) in &candidates[..chosen] {
            // Candidates after the chosen one: in its comment, or in data after it.
            let in_comment = *other < pos + EOCD_LEN as u64 + u64::from(eocd.comment_len);
            let message = if in_comment {
                "the archive comment contains an end-of-central-directory signature".to_owned()
            } else {
                format!("an end-of-central-directory record at {other} declares a comment longer than the file")
            };
            let code = if in_comment {
                "zip.comment_hides_signature"
            } else {
                "zip.eocd_comment_length"
            };
            self.push(
                f(code, Severity::High, "", message)
                    .with("offset", *other)
                    .with("comment_len", e.comment_len),
            );
        }
        for (other, e) in &candidates[chosen + 1..] {
            // Earlier candidates: ambiguous when one would be chosen by a reader that wants an exact fit
            // and it points at a different directory.
            let exact = other + EOCD_LEN as u64 + u64::from(e.comment_len) == self.size;
            let differs = (e.cd_offset, e.cd_size, e.entries) != (eocd.cd_offset, eocd.cd_size, eocd.entries);
            if exact && differs && u64::from(e.cd_offset) + u64::from(e.cd_size) <= *other {
                self.push(
                    f(
                        "zip.eocd_ambiguous",
                        Severity::Critical,
                        "",
                        "two end-of-central-directory records describe different central directories",
                    )
                    .with("chosen_offset", pos)
                    .with("other_offset", *other),
                );
            }
        }
        let comment_start = (pos - tail_start) as usize + EOCD_LEN;
        let comment = &tail[comment_start..comment_start + eocd.comment_len as usize];
        for (sig, what) in [
            (SIG_CENTRAL, "central directory"),
            (SIG_LOCAL, "local file header"),
            (SIG_ZIP64_EOCD, "ZIP64 record"),
            (SIG_ZIP64_LOCATOR, "ZIP64 locator"),
        ] {
            if comment.windows(4).any(|w| w == sig.to_le_bytes()) {
                self.push(
                    f(
                        "zip.comment_hides_signature",
                        Severity::High,
                        "",
                        format!("the archive comment contains a {what} signature"),
                    )
                    .with("signature", format!("{sig:#010x}")),
                );
            }
        }
        self.out.comment = String::from_utf8_lossy(comment).into_owned();
        self.comment_end = pos + EOCD_LEN as u64 + u64::from(eocd.comment_len);
        if self.comment_end < self.size {
            self.push(
                f(
                    "zip.data_after_eocd",
                    Severity::Medium,
                    "",
                    format!("{} bytes follow the end of the archive", self.size - self.comment_end),
                )
                .with("offset", self.comment_end)
                .with("length", self.size - self.comment_end),
            );
        }
        self.eocd_pos = pos;
        self.cd_end = pos;
        self.cd_count = u64::from(eocd.entries);
        self.out.cd_offset = u64::from(eocd.cd_offset);
        self.out.cd_size = u64::from(eocd.cd_size);
        let zip64_needed = eocd.wants_zip64();
        let multi_disk = !zip64_needed && (eocd.disk != 0 || eocd.cd_disk != 0);
        let counts_differ = !zip64_needed && eocd.entries_on_disk != eocd.entries;
        self.eocd = Some(eocd.clone());
        if multi_disk {
            return self.multi_disk(0);
        }
        if counts_differ {
            self.push(
                f(
                    "zip.central_directory_count_mismatch",
                    Severity::Critical,
                    "",
                    "the end record's entry counts disagree (this disk vs. total)",
                )
                .with("entries_on_disk", eocd.entries_on_disk)
                .with("entries", eocd.entries),
            );
            return State::Done;
        }
        let before = (pos - tail_start) as usize;
        if !zip64_needed
            && before >= ZIP64_LOCATOR_LEN
            && Zip64Locator::parse(&tail[before - ZIP64_LOCATOR_LEN..]).is_some()
        {
            // CPython follows such a locator. If it leads to a valid ZIP64 record describing another
            // directory, CPython and Go read different entries: ambiguity, not just an oddity.
            let loc = Zip64Locator::parse(&tail[before - ZIP64_LOCATOR_LEN..]).expect("parsed above");
            let record = loc
                .eocd_offset
                .checked_sub(tail_start)
                .and_then(|at| tail.get(at as usize..))
                .and_then(Zip64Eocd::parse);
            let differs = record.as_ref().is_some_and(|z| {
                (z.entries, z.cd_size, z.cd_offset)
                    != (
                        u64::from(eocd.entries),
                        u64::from(eocd.cd_size),
                        u64::from(eocd.cd_offset),
                    )
            });
            let (code, severity, message) = if differs {
                ("zip.eocd_ambiguous", Severity::Critical, "a ZIP64 record that the end record does not need describes another central directory; CPython reads that one")
            } else {
                ("zip.zip64_unexpected_locator", Severity::Medium, "a ZIP64 locator precedes an end record that needs none; readers that always follow it (CPython) fail")
            };
            self.push(f(code, severity, "", message).with("offset", pos - ZIP64_LOCATOR_LEN as u64));
        }
        // Like Go's reader, follow the ZIP64 locator only when a classic field is saturated: names may
        // legitimately contain the locator's signature (zip2's zip64_magic_in_filename cases).
        if zip64_needed && pos >= ZIP64_LOCATOR_LEN as u64 {
            State::Locator
        } else {
            self.central_or_done()
        }
    }

    fn multi_disk(&mut self, disk: u64) -> State {
        let e = self.eocd.clone().unwrap_or(Eocd {
            disk: 0,
            cd_disk: 0,
            entries_on_disk: 0,
            entries: 0,
            cd_size: 0,
            cd_offset: 0,
            comment_len: 0,
        });
        self.push(
            f(
                "zip.multi_disk",
                Severity::Critical,
                "",
                "the archive claims to span several disks; only single-file archives can be verified",
            )
            .with("disk", u64::from(e.disk).max(disk))
            .with("central_directory_disk", e.cd_disk),
        );
        State::Done
    }

    // -- 4.3.15 / 4.3.14 ZIP64 ---------------------------------------------------------------------------

    fn on_locator(&mut self, data: &[u8]) -> State {
        let Some(loc) = Zip64Locator::parse(data) else {
            return self.central_or_done();
        };
        if loc.disks > 1 || loc.eocd_disk != 0 {
            return self.multi_disk(u64::from(loc.eocd_disk));
        }
        self.out.zip64 = true;
        let record_end = self.eocd_pos - ZIP64_LOCATOR_LEN as u64;
        if loc.eocd_offset.saturating_add(ZIP64_EOCD_LEN as u64) > record_end {
            self.push(
                f(
                    "zip.zip64_invalid",
                    Severity::Critical,
                    "",
                    "the ZIP64 locator points past itself",
                )
                .with("record_offset", loc.eocd_offset),
            );
            return State::Done;
        }
        self.zip64_stated = loc.eocd_offset;
        State::Zip64Record {
            offset: loc.eocd_offset,
        }
    }

    fn on_zip64_search(&mut self, data: &[u8]) -> State {
        // The record must end where the locator starts: its size field (4.3.14.1) says so.
        let record_end = self.eocd_pos - ZIP64_LOCATOR_LEN as u64;
        let start = record_end - data.len() as u64;
        for i in (0..data.len().saturating_sub(ZIP64_EOCD_LEN - 1)).rev() {
            if u32_at(data, i) == Some(SIG_ZIP64_EOCD)
                && u64_at(data, i + 4).and_then(|n| n.checked_add(start + i as u64 + 12)) == Some(record_end)
            {
                return self.on_zip64(start + i as u64, &data[i..]);
            }
        }
        self.push(
            f(
                "zip.zip64_invalid",
                Severity::Critical,
                "",
                "no ZIP64 end-of-central-directory record where the locator points",
            )
            .with("record_offset", self.zip64_stated),
        );
        State::Done
    }

    fn on_zip64(&mut self, offset: u64, data: &[u8]) -> State {
        let Some(z) = Zip64Eocd::parse(data) else {
            // Prepended data shifts the record too: look for it just before the locator.
            return State::Zip64Search;
        };
        if z.disk != 0 || z.cd_disk != 0 || z.entries_on_disk != z.entries {
            return self.multi_disk(u64::from(z.disk));
        }
        let eocd = self.eocd.clone().expect("EOCD parsed before ZIP64");
        let mut contradictions = Vec::new();
        if eocd.entries != u16::MAX && u64::from(eocd.entries) != z.entries {
            contradictions.push(("entries", u64::from(eocd.entries), z.entries));
        }
        if eocd.cd_size != u32::MAX && u64::from(eocd.cd_size) != z.cd_size {
            contradictions.push(("central directory size", u64::from(eocd.cd_size), z.cd_size));
        }
        if eocd.cd_offset != u32::MAX && u64::from(eocd.cd_offset) != z.cd_offset {
            contradictions.push(("central directory offset", u64::from(eocd.cd_offset), z.cd_offset));
        }
        for (what, classic, wide) in contradictions {
            self.push(
                f(
                    "zip.zip64_mismatch",
                    Severity::High,
                    "",
                    format!("the ZIP64 record and the classic record disagree on the {what}"),
                )
                .with("classic", classic)
                .with("zip64", wide),
            );
        }
        self.cd_count = z.entries;
        self.out.cd_offset = z.cd_offset;
        self.out.cd_size = z.cd_size;
        self.cd_end = offset;
        self.central_or_done()
    }

    // -- 4.3.12 Central directory ---------------------------------------------------------------------

    fn central_or_done(&mut self) -> State {
        let (offset, size, end) = (self.out.cd_offset, self.out.cd_size, self.cd_end);
        if self.cd_count > self.max_entries {
            self.push(
                f(
                    "zip.too_many_entries",
                    Severity::Critical,
                    "",
                    format!("{} entries, more than the limit of {}", self.cd_count, self.max_entries),
                )
                .with("entries", self.cd_count)
                .with("limit", self.max_entries),
            );
            return State::Done;
        }
        if self.cd_count.saturating_mul(CENTRAL_LEN as u64) > size {
            self.push(
                f(
                    "zip.central_directory_count_mismatch",
                    Severity::Critical,
                    "",
                    format!(
                        "{} entries cannot fit in a {size}-byte central directory",
                        self.cd_count
                    ),
                )
                .with("entries", self.cd_count)
                .with("central_directory_size", size),
            );
            return State::Done;
        }
        if offset.saturating_add(size) > end {
            // An offset relative to a prefix cannot make the directory end past where it must end.
            self.push(
                f(
                    "zip.truncated",
                    Severity::Critical,
                    "",
                    "the central directory runs past the end-of-central-directory record",
                )
                .with("central_directory_offset", offset)
                .with("central_directory_size", size)
                .with("expected_end", end),
            );
            return State::Done;
        }
        if end - offset > MAX_CENTRAL_DIRECTORY {
            self.push(
                f(
                    "zip.too_many_entries",
                    Severity::Critical,
                    "",
                    "the central directory is larger than shipgate holds in memory",
                )
                .with("central_directory_size", end - offset)
                .with("limit", MAX_CENTRAL_DIRECTORY),
            );
            return State::Done;
        }
        State::Central
    }

    fn on_central(&mut self, region: &[u8]) -> State {
        let size = self.out.cd_size as usize;
        let starts_here = |at: usize| region.get(at..at + 4) == Some(&SIG_CENTRAL.to_le_bytes()[..]);
        let shifted = region.len().saturating_sub(size);
        let start = if self.cd_count == 0 || starts_here(0) {
            0
        } else if shifted > 0 && starts_here(shifted) {
            // Offsets are relative to an archive that was appended to a prefix (a self-extractor stub):
            // Info-ZIP, Python and Go add the difference; a reader that does not finds nothing.
            self.base = shifted as u64;
            self.push(
                f(
                    "zip.prefixed_offsets",
                    Severity::Medium,
                    "",
                    format!("all offsets are off by {shifted} bytes (data was prepended to the archive)"),
                )
                .with("shift", shifted),
            );
            shifted
        } else {
            let found = region.get(..4).and_then(|b| u32_at(b, 0)).unwrap_or(0);
            self.push(
                f(
                    "zip.central_directory_corrupt",
                    Severity::Critical,
                    "",
                    format!(
                        "no central directory header at offset {} (found {found:#010x})",
                        self.out.cd_offset
                    ),
                )
                .with("offset", self.out.cd_offset),
            );
            return State::Done;
        };
        if region.len() < start + size {
            self.push(f(
                "zip.truncated",
                Severity::Critical,
                "",
                "the file ends inside the central directory",
            ));
            return State::Done;
        }
        self.out.cd_offset += self.base;
        let cd = &region[start..start + size];
        let mut at = 0usize;
        for index in 0..self.cd_count {
            let Some(h) = cd.get(at..).and_then(CentralHeader::parse) else {
                let found = u32_at(cd, at).unwrap_or(0);
                self.push(
                    f(
                        "zip.central_directory_corrupt",
                        Severity::Critical,
                        "",
                        format!("central directory record {index} has signature {found:#010x}"),
                    )
                    .with("index", index)
                    .with("offset", self.out.cd_offset + at as u64),
                );
                break;
            };
            let var = at + CENTRAL_LEN;
            let Some(var_bytes) = cd.get(var..var + h.variable_len()) else {
                self.push(
                    f(
                        "zip.central_directory_corrupt",
                        Severity::Critical,
                        "",
                        format!("central directory record {index} runs past the directory"),
                    )
                    .with("index", index),
                );
                break;
            };
            let name = &var_bytes[..h.name_len as usize];
            let extra = &var_bytes[h.name_len as usize..h.name_len as usize + h.extra_len as usize];
            let entry = self.central_entry(&h, name, extra);
            self.out.entries.push(entry);
            at = var + h.variable_len();
        }
        if self.out.entries.len() as u64 == self.cd_count && at < cd.len() {
            let rest = &cd[at..];
            if rest.starts_with(&SIG_CENTRAL.to_le_bytes()) {
                self.push(
                    f(
                        "zip.central_directory_count_mismatch",
                        Severity::Critical,
                        "",
                        "the central directory holds more records than the end record counts",
                    )
                    .with("counted", self.cd_count),
                );
            } else {
                self.push(
                    f(
                        "zip.unaccounted_bytes",
                        Severity::Medium,
                        "",
                        format!("{} unexplained bytes at the end of the central directory", rest.len()),
                    )
                    .with("offset", self.out.cd_offset + at as u64)
                    .with("length", rest.len()),
                );
            }
        }
        let after_cd = self.out.cd_offset + self.out.cd_size;
        if after_cd < self.cd_end && self.base == 0 {
            self.gaps.push((after_cd, self.cd_end));
            self.push(
                f(
                    "zip.unaccounted_bytes",
                    Severity::Medium,
                    "",
                    format!(
                        "{} bytes between the central directory and its end record",
                        self.cd_end - after_cd
                    ),
                )
                .with("offset", after_cd)
                .with("length", self.cd_end - after_cd),
            );
        }
        if self.central_only {
            return State::Done;
        }
        self.spans = vec![None; self.out.entries.len()];
        self.order = (0..self.out.entries.len()).collect();
        self.order.sort_by_key(|&i| self.out.entries[i].header_offset);
        self.next_local(0)
    }

    fn central_entry(&mut self, h: &CentralHeader, name: &[u8], extra: &[u8]) -> Entry {
        let utf8 = h.flags & FLAG_UTF8 != 0;
        let decoded = if utf8 {
            String::from_utf8_lossy(name).into_owned()
        } else {
            decode_cp437(name)
        };
        let path = decoded.clone();
        let mut e = Entry {
            name: decoded,
            raw_name: name.to_vec(),
            method: h.method,
            flags: h.flags,
            crc32: h.crc32,
            compressed_size: u64::from(h.compressed_size),
            uncompressed_size: u64::from(h.uncompressed_size),
            header_offset: u64::from(h.local_offset),
            encrypted: h.flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION) != 0 || h.method == 99,
            readable: true,
            ..Entry::default()
        };
        if utf8 && std::str::from_utf8(name).is_err() {
            self.push(f(
                "zip.name_invalid_utf8",
                Severity::High,
                &path,
                "the name is flagged UTF-8 but is not valid UTF-8; extractors replace or reject different bytes",
            ));
        }
        let (fields, overrun) = extra_fields(extra);
        if overrun {
            self.push(f(
                "zip.extra_field_malformed",
                Severity::High,
                &path,
                "an extra field's length runs past the extra-field block; readers disagree on what follows",
            ));
        }
        let (usat, csat, osat) = (
            h.uncompressed_size == u32::MAX,
            h.compressed_size == u32::MAX,
            h.local_offset == u32::MAX,
        );
        let mut saw_zip64 = false;
        let mut unicode: Option<String> = None;
        let mut unicode_stale = false;
        for field in &fields {
            match field.id {
                EXTRA_ZIP64 if !saw_zip64 => {
                    saw_zip64 = true;
                    e.zip64 = true;
                    let z = zip64_extra(field.data, usat, csat, osat);
                    if let Some(missing) = z.missing {
                        self.push(f(
                            "zip.zip64_extra_missing",
                            Severity::Critical,
                            &path,
                            format!("the ZIP64 extra field does not include the {missing}"),
                        ));
                        e.readable = false;
                    }
                    e.uncompressed_size = z.uncompressed_size.unwrap_or(e.uncompressed_size);
                    e.compressed_size = z.compressed_size.unwrap_or(e.compressed_size);
                    e.header_offset = z.local_offset.unwrap_or(e.header_offset);
                }
                // 4.6.9: version 1, CRC-32 of the header name, then the UTF-8 name. A stale CRC means the
                // name was changed by a tool that kept the extra; Info-ZIP then ignores it.
                EXTRA_UNICODE_PATH if field.data.len() >= 5 && field.data[0] == 1 => {
                    let crc = u32_at(field.data, 1).unwrap_or(0);
                    match std::str::from_utf8(&field.data[5..]) {
                        Ok(s) if crc == crc32fast::hash(name) => unicode = Some(s.to_owned()),
                        _ => unicode_stale = true,
                    }
                }
                EXTRA_TIMESTAMP => {
                    let flags = field.data.first().copied().unwrap_or(0);
                    if flags & 1 != 0 {
                        match field.data.get(1..5) {
                            Some(b) => e.mtime = Some(i64::from(i32::from_le_bytes(b.try_into().unwrap_or([0; 4])))),
                            None => self.push(f(
                                "zip.extra_field_malformed",
                                Severity::Medium,
                                &path,
                                "the extended-timestamp field is too short for the times it declares",
                            )),
                        }
                    }
                }
                EXTRA_NTFS if e.mtime.is_none() => {
                    // 4.5.5: 4 reserved bytes, then tagged attributes; tag 1 holds mtime, atime, ctime.
                    let mut at = 4usize;
                    while let (Some(tag), Some(len)) = (u16_at(field.data, at), u16_at(field.data, at + 2)) {
                        if tag == 1 && len >= 8 {
                            if let Some(t) = u64_at(field.data, at + 4) {
                                e.mtime = Some(filetime_to_unix(t));
                            }
                        }
                        at += 4 + len as usize;
                    }
                }
                EXTRA_UNIX1 if e.mtime.is_none() && field.data.len() >= 8 => {
                    e.mtime = u32_at(field.data, 4).map(i64::from);
                }
                _ => {}
            }
        }
        if !saw_zip64 && (usat || csat || osat) {
            // Saturated fields without a ZIP64 extra are taken at face value by Python and Go.
            e.zip64 = false;
        }
        if let Some(u) = unicode {
            let matches = u.nfc().collect::<String>() == e.name.nfc().collect::<String>();
            if !matches {
                let severity = if name.is_ascii() { Severity::High } else { Severity::Low };
                self.push(
                    f("zip.unicode_path_mismatch", severity, &u, "the Info-ZIP Unicode path extra names the entry differently from its header; extractors that ignore the extra write another name")
                        .with("header_name", e.name.clone())
                        .with("unicode_name", u.clone()),
                );
                e.name = u;
            }
        } else if unicode_stale {
            self.push(f("zip.unicode_path_mismatch", Severity::High, &path, "an Info-ZIP Unicode path extra does not belong to this name (stale CRC or bad UTF-8); some extractors use it anyway"));
        }
        e.mtime = e.mtime.or_else(|| dos_to_unix(h.dos_date, h.dos_time));
        let host = (h.made_by >> 8) as u8;
        if matches!(host, HOST_UNIX | HOST_OSX) && h.external_attributes >> 16 != 0 {
            e.mode = Some(h.external_attributes >> 16);
        }
        let file_type = e.mode.map(|m| m & 0o170_000);
        e.is_symlink = file_type == Some(0o120_000);
        e.is_dir = e.name.ends_with('/')
            || file_type == Some(0o040_000)
            || (e.mode.is_none() && h.external_attributes & 0x10 != 0);
        if h.disk_start != 0 && !(h.disk_start == u16::MAX && e.zip64) {
            self.push(
                f(
                    "zip.multi_disk",
                    Severity::Critical,
                    &e.name,
                    "the entry starts on another disk",
                )
                .with("disk", h.disk_start),
            );
            e.readable = false;
        }
        if e.encrypted {
            let what = if h.flags & FLAG_STRONG_ENCRYPTION != 0 {
                "strong encryption"
            } else if h.method == 99 {
                "AES encryption"
            } else {
                "traditional PKWARE encryption"
            };
            self.push(f(
                "zip.encrypted_entry",
                Severity::High,
                &e.name,
                format!("the entry is encrypted ({what}); its contents cannot be verified"),
            ));
            e.readable = false;
        } else if h.method != METHOD_STORED && h.method != METHOD_DEFLATE {
            self.push(
                f(
                    "zip.unsupported_method",
                    Severity::High,
                    &e.name,
                    format!(
                        "compression method {} ({}) is not verified by shipgate",
                        h.method,
                        method_name(h.method)
                    ),
                )
                .with("method", h.method),
            );
            e.readable = false;
        } else if h.method == METHOD_STORED && e.compressed_size != e.uncompressed_size {
            self.push(
                f(
                    "zip.size_mismatch",
                    Severity::High,
                    &e.name,
                    "a stored entry's compressed and uncompressed sizes differ",
                )
                .with("compressed_size", e.compressed_size)
                .with("uncompressed_size", e.uncompressed_size),
            );
        }
        e.header_offset = e.header_offset.saturating_add(self.base);
        e
    }

    // -- 4.3.7 Local file headers, 4.3.9 data descriptors ------------------------------------------------

    fn next_local(&mut self, mut at: usize) -> State {
        while at < self.order.len() {
            let e = &self.out.entries[self.order[at]];
            if e.header_offset.saturating_add(LOCAL_LEN as u64) <= self.out.cd_offset {
                return State::Local { at };
            }
            let (name, off) = (e.name.clone(), e.header_offset);
            self.out.entries[self.order[at]].readable = false;
            self.push(
                f(
                    "zip.entry_out_of_bounds",
                    Severity::Critical,
                    &name,
                    "the local header offset points into or past the central directory",
                )
                .with("offset", off)
                .with("central_directory_offset", self.out.cd_offset),
            );
            at += 1;
        }
        self.layout()
    }

    fn on_local(&mut self, at: usize, data: &[u8]) -> State {
        let index = self.order[at];
        let e = self.out.entries[index].clone();
        let Some(h) = LocalHeader::parse(data) else {
            let found = u32_at(data, 0).unwrap_or(0);
            self.push(
                f(
                    "zip.local_header_invalid",
                    Severity::Critical,
                    &e.name,
                    format!(
                        "no local file header at offset {} (found {found:#010x})",
                        e.header_offset
                    ),
                )
                .with("offset", e.header_offset),
            );
            self.out.entries[index].readable = false;
            return self.next_local(at + 1);
        };
        let var_len = h.name_len as usize + h.extra_len as usize;
        if data.len() < LOCAL_LEN + var_len {
            if (data.len() as u64)
                < self
                    .size
                    .saturating_sub(e.header_offset)
                    .min((LOCAL_LEN + var_len) as u64)
            {
                // The guess was short: the driver will hand us the whole header next time.
                return State::Local { at };
            }
            self.push(f(
                "zip.truncated",
                Severity::Critical,
                &e.name,
                "the file ends inside a local file header",
            ));
            self.out.entries[index].readable = false;
            return self.next_local(at + 1);
        }
        let name = &data[LOCAL_LEN..LOCAL_LEN + h.name_len as usize];
        let extra = &data[LOCAL_LEN + h.name_len as usize..LOCAL_LEN + var_len];
        let mut differs: Vec<&'static str> = Vec::new();
        if name != e.raw_name.as_slice() {
            differs.push("name");
        }
        if h.method != e.method {
            differs.push("method");
        }
        if (h.flags ^ e.flags) & FLAGS_THAT_MATTER != 0 {
            differs.push("flags");
        }
        let descriptor = e.flags & FLAG_DESCRIPTOR != 0;
        let (fields, _) = extra_fields(extra);
        let zip64 = fields.iter().find(|x| x.id == EXTRA_ZIP64).map(|x| {
            zip64_extra(
                x.data,
                h.uncompressed_size == u32::MAX,
                h.compressed_size == u32::MAX,
                false,
            )
        });
        let local_usize = zip64
            .as_ref()
            .and_then(|z| z.uncompressed_size)
            .unwrap_or(u64::from(h.uncompressed_size));
        let local_csize = zip64
            .as_ref()
            .and_then(|z| z.compressed_size)
            .unwrap_or(u64::from(h.compressed_size));
        if !descriptor {
            if h.crc32 != e.crc32 {
                differs.push("crc32");
            }
            if local_csize != e.compressed_size {
                differs.push("compressed size");
            }
            if local_usize != e.uncompressed_size {
                differs.push("uncompressed size");
            }
        }
        if !differs.is_empty() {
            let local_name = String::from_utf8_lossy(name).into_owned();
            self.push(
                f(
                    "zip.local_header_mismatch",
                    Severity::Critical,
                    &e.name,
                    format!(
                        "the local header and the central directory disagree on: {}",
                        differs.join(", ")
                    ),
                )
                .with("fields", differs.join(","))
                .with("local_name", local_name),
            );
        }
        let data_offset = e.header_offset + (LOCAL_LEN + var_len) as u64;
        self.out.entries[index].data_offset = data_offset;
        let data_end = data_offset.saturating_add(e.compressed_size);
        if data_end > self.out.cd_offset {
            self.push(
                f(
                    "zip.entry_out_of_bounds",
                    Severity::Critical,
                    &e.name,
                    format!(
                        "the entry's data ({} bytes at {data_offset}) runs into the central directory at {}",
                        e.compressed_size, self.out.cd_offset
                    ),
                )
                .with("data_offset", data_offset)
                .with("compressed_size", e.compressed_size),
            );
            self.out.entries[index].readable = false;
            self.spans[index] = Some((e.header_offset, self.out.cd_offset.max(e.header_offset)));
            return self.next_local(at + 1);
        }
        self.spans[index] = Some((e.header_offset, data_end));
        if descriptor {
            return State::Descriptor { at };
        }
        self.next_local(at + 1)
    }

    fn on_descriptor(&mut self, at: usize, data: &[u8]) -> State {
        let index = self.order[at];
        let e = self.out.entries[index].clone();
        let data_end = e.data_offset + e.compressed_size;
        match Descriptor::parse(data, e.zip64, e.crc32) {
            Some(d) => {
                let mut differs = Vec::new();
                if d.crc32 != e.crc32 {
                    differs.push("crc32");
                }
                if d.compressed_size != e.compressed_size {
                    differs.push("compressed size");
                }
                if d.uncompressed_size != e.uncompressed_size {
                    differs.push("uncompressed size");
                }
                if !differs.is_empty() {
                    self.push(
                        f(
                            "zip.local_header_mismatch",
                            Severity::Critical,
                            &e.name,
                            format!(
                                "the data descriptor and the central directory disagree on: {}",
                                differs.join(", ")
                            ),
                        )
                        .with("fields", differs.join(",")),
                    );
                }
                let end = (data_end + d.len).min(self.out.cd_offset);
                self.spans[index] = Some((e.header_offset, end));
            }
            None => {
                self.push(f(
                    "zip.truncated",
                    Severity::Critical,
                    &e.name,
                    "the data descriptor is missing (the file ends)",
                ));
            }
        }
        self.next_local(at + 1)
    }

    // -- Layout: what lies between the records -----------------------------------------------------------

    fn layout(&mut self) -> State {
        let mut spans: Vec<(u64, u64, usize)> = self
            .spans
            .iter()
            .enumerate()
            .filter_map(|(i, s)| s.map(|(a, b)| (a, b, i)))
            .collect();
        spans.sort();
        let mut cursor = 0u64;
        let mut previous: Option<(u64, u64, usize)> = None;
        for &(start, end, i) in &spans {
            if let Some((pstart, pend, pi)) = previous {
                if start < pend {
                    let kind = if start == pstart { "full" } else { "quoted" };
                    let (a, b) = (self.out.entries[pi].name.clone(), self.out.entries[i].name.clone());
                    self.push(
                        f(
                            "zip.overlapping_entries",
                            Severity::Critical,
                            &b,
                            format!("entry overlaps the bytes of '{a}' ({kind} overlap): one set of bytes, two files"),
                        )
                        .with("kind", kind)
                        .with("other", a)
                        .with("offset", start),
                    );
                    cursor = cursor.max(end);
                    previous = Some(if end > pend {
                        (start, end, i)
                    } else {
                        (pstart, pend, pi)
                    });
                    continue;
                }
            }
            if start > cursor {
                self.gaps.push((cursor, start));
                if cursor == 0 {
                    self.push(
                        f(
                            "zip.data_before_first_entry",
                            Severity::Medium,
                            "",
                            format!("{start} bytes precede the first entry (a self-extractor stub or prepended data)"),
                        )
                        .with("length", start),
                    );
                } else {
                    self.push(
                        f(
                            "zip.unaccounted_bytes",
                            Severity::Medium,
                            "",
                            format!("{} bytes between entries belong to no entry", start - cursor),
                        )
                        .with("offset", cursor)
                        .with("length", start - cursor),
                    );
                }
            }
            cursor = cursor.max(end);
            previous = Some((start, end, i));
        }
        let cd = self.out.cd_offset;
        if !spans.is_empty() && cursor < cd {
            self.gaps.push((cursor, cd));
            self.push(
                f(
                    "zip.unaccounted_bytes",
                    Severity::Medium,
                    "",
                    format!(
                        "{} bytes between the last entry and the central directory belong to no entry",
                        cd - cursor
                    ),
                )
                .with("offset", cursor)
                .with("length", cd - cursor),
            );
        } else if spans.is_empty() && cd > 0 {
            self.gaps.push((0, cd));
            self.push(
                f(
                    "zip.data_before_first_entry",
                    Severity::Medium,
                    "",
                    format!("{cd} bytes precede the central directory but belong to no entry"),
                )
                .with("length", cd),
            );
        }
        self.next_gap(0)
    }

    fn next_gap(&self, at: usize) -> State {
        if at < self.gaps.len() {
            State::Gap { at }
        } else {
            State::Done
        }
    }

    fn on_gap(&mut self, at: usize, data: &[u8]) -> State {
        let (start, _) = self.gaps[at];
        if let Some(i) = data
            .windows(4)
            .position(|w| w == SIG_LOCAL.to_le_bytes() || w == SIG_CENTRAL.to_le_bytes())
        {
            self.push(
                f("zip.hidden_local_header", Severity::High, "", "bytes outside every entry contain a ZIP header signature: a streaming extractor would see entries the central directory does not list")
                    .with("offset", start + i as u64),
            );
        }
        self.next_gap(at + 1)
    }
}

/// Drive a [`Parser`] over `source` to the end.
pub fn parse_structure<S: Source + ?Sized>(source: &S, limits: &Limits) -> Result<Structure> {
    drive(Parser::new(source.len(), limits), source, limits)
}

/// The central directory only: names, sizes and CRCs as listed, without reading any local header.
pub fn parse_central_directory<S: Source + ?Sized>(source: &S, limits: &Limits) -> Result<Structure> {
    drive(Parser::new(source.len(), limits).central_only(), source, limits)
}

fn drive<S: Source + ?Sized>(mut parser: Parser, source: &S, limits: &Limits) -> Result<Structure> {
    let mut window = Windowed::new(source);
    // Each state is visited a bounded number of times (a local header at most twice), so this loop is
    // bounded by a small multiple of the entry count.
    let mut budget = 8u64 * (limits.max_entries + 16);
    while let Step::Need { offset, len } = parser.step() {
        budget = budget.checked_sub(1).ok_or(Error::Malformed {
            what: "ZIP parser",
            detail: "did not terminate".into(),
        })?;
        if matches!(parser.state, State::Local { .. }) {
            let data = window.get(offset, len)?.to_vec();
            parser.feed_local_exact(&data, &mut window)?;
        } else {
            let data = window.get(offset, len)?.to_vec();
            parser.feed(&data);
        }
    }
    let mut out = parser.finish();
    if out.findings.iter().any(|x| x.code == "zip.not_a_zip") {
        let head = source.read_vec(0, 8)?;
        if let Some(kind) = sniff(&head) {
            for x in &mut out.findings {
                if x.code == "zip.not_a_zip" {
                    x.message = format!("not a ZIP archive: the data is {kind}");
                    x.evidence.push(("format", kind.into()));
                }
            }
        }
    }
    Ok(out)
}

impl Parser {
    /// A local header's guessed range was short when its own lengths differ from the central
    /// directory's: read exactly what it declares.
    fn feed_local_exact<S: Source + ?Sized>(&mut self, data: &[u8], window: &mut Windowed<'_, S>) -> Result<()> {
        let State::Local { at } = self.state else {
            unreachable!("only called in Local")
        };
        if let Some(h) = LocalHeader::parse(data) {
            let need = (LOCAL_LEN + h.name_len as usize + h.extra_len as usize) as u64;
            if (data.len() as u64) < need {
                let offset = self.out.entries[self.order[at]].header_offset;
                let exact = window.get(offset, need)?.to_vec();
                self.feed(&exact);
                if matches!(self.state, State::Local { at: again } if again == at) {
                    // Still short: the file ends inside the header.
                    let name = self.out.entries[self.order[at]].name.clone();
                    self.push(f(
                        "zip.truncated",
                        Severity::Critical,
                        &name,
                        "the file ends inside a local file header",
                    ));
                    self.out.entries[self.order[at]].readable = false;
                    self.state = self.next_local(at + 1);
                }
                return Ok(());
            }
        }
        self.feed(data);
        Ok(())
    }
}

/// Name a few formats that are not ZIP by their magic number, for the finding.
pub fn sniff(head: &[u8]) -> Option<&'static str> {
    let starts = |m: &[u8]| head.starts_with(m);
    Some(if starts(b"BZh") {
        "bzip2"
    } else if starts(&[0x1f, 0x8b]) {
        "gzip"
    } else if starts(&[0xfd, b'7', b'z', b'X', b'Z', 0]) {
        "xz"
    } else if starts(&[b'7', b'z', 0xbc, 0xaf, 0x27, 0x1c]) {
        "7z"
    } else if starts(b"Rar!") {
        "rar"
    } else if starts(&[0x28, 0xb5, 0x2f, 0xfd]) {
        "zstd"
    } else {
        return None;
    })
}
