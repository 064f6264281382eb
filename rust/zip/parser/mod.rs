//! The sans-I/O structure parser. [`Parser::step`] names the byte range it wants next; the driver reads
//! it from wherever the archive lives and hands it to [`Parser::feed`] (fewer bytes when the data ends
//! first). It never reads, allocates in proportion to anything but the central directory (itself bounded),
//! and turns every inconsistency into a finding rather than an error.
//!
//! Order of work, each a state: the EOCD (4.3.16) among every candidate in the tail; the ZIP64 locator
//! and record (4.3.15, 4.3.14); the central directory (4.3.12); each local header (4.3.7) and data
//! descriptor (4.3.9) in file order; then the layout (overlaps, gaps, prefix and trailing data).

mod central;
mod found;
mod end;
mod known_gaps;
mod local;

use super::codes;
use super::finding::{Finding, Severity};
use super::source::{Source, Windowed};
use super::spec::*;
use super::{Entry, Limits};
use crate::error::{Error, Result};

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
    /// Per entry: its local header has a ZIP64 extra field, so its data descriptor has 8-byte sizes
    /// (4.3.9.2).
    local_zip64: Vec<bool>,
    /// Byte ranges outside every entry, each with the finding it is reported as unless
    /// [`known_gaps`] recognises what a writer put there (`None`: already reported).
    gaps: Vec<(u64, u64, Option<Finding>)>,
    /// Where the locator says the ZIP64 record is.
    zip64_stated: u64,
    /// Stop after the central directory (a listing): no local headers, no layout checks.
    central_only: bool,
}

fn f(code: codes::Code, sev: Severity, path: &str, msg: impl Into<String>) -> Finding {
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
            local_zip64: Vec::new(),
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
                let (start, end, _) = self.gaps[at];
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
        // Fed straight from the window, no copy: 100,000 local headers were 100,000 allocations.
        let data = window.get(offset, len)?;
        match parser.local_shortfall(data) {
            None => parser.feed(data),
            Some(need) => parser.feed_local_exact(offset, need, &mut window)?,
        }
    }
    let mut out = parser.finish();
    if out.findings.iter().any(|x| x.code == codes::NOT_A_ZIP.name) {
        let head = source.read_vec(0, 8)?;
        let said = match sniff(&head) {
            Some(kind) => Some((format!("not a ZIP archive: the data is {kind}"), kind)),
            None => split_piece(&head).then(|| (SPLIT_PIECE.to_owned(), "split ZIP piece")),
        };
        if let Some((message, kind)) = said {
            for x in &mut out.findings {
                if x.code == codes::NOT_A_ZIP.name {
                    x.message.clone_from(&message);
                    x.evidence.push(("format", kind.into()));
                }
            }
        }
    }
    Ok(out)
}

impl Parser {
    /// In the local-header state, when `data` (the guess from the central directory's lengths) is
    /// shorter than the name and extra field the local header itself declares: how many bytes it needs.
    fn local_shortfall(&self, data: &[u8]) -> Option<u64> {
        if !matches!(self.state, State::Local { .. }) {
            return None;
        }
        let h = LocalHeader::parse(data)?;
        let need = (LOCAL_LEN + h.name_len as usize + h.extra_len as usize) as u64;
        ((data.len() as u64) < need).then_some(need)
    }

    /// A local header's guessed range was short when its own lengths differ from the central
    /// directory's: read exactly what it declares.
    fn feed_local_exact<S: Source + ?Sized>(
        &mut self,
        offset: u64,
        need: u64,
        window: &mut Windowed<'_, S>,
    ) -> Result<()> {
        let State::Local { at } = self.state else {
            unreachable!("only called in Local")
        };
        let exact = window.get(offset, need)?;
        self.feed(exact);
        if matches!(self.state, State::Local { at: again } if again == at) {
            // Still short: the file ends inside the header.
            let finding = found::truncated(&self.out.entries[self.order[at]].name, "the file ends inside a local file header");
            self.state = self.skip_local(at, finding);
        }
        Ok(())
    }
}

/// What the finding says of a file [`split_piece`] recognises.
const SPLIT_PIECE: &str = "not a whole ZIP archive: the first piece of a split archive (it starts with the split \
    signature and has no end record, as the .z01 `zip -s` writes); join the pieces into one archive";

/// The split-archive signature (APPNOTE 8.5.3), then a local header: the first piece of a split archive.
fn split_piece(head: &[u8]) -> bool {
    head.len() == 8 && head[..4] == SIG_DESCRIPTOR.to_le_bytes() && head[4..] == SIG_LOCAL.to_le_bytes()
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
