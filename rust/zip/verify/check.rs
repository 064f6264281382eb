//! [`EntryCheck`]: what every decoded piece of one entry goes through, in one place. Limits first (the
//! declared size, the ratio, the inspection's total and deadline, another worker's stop), then the CRC-32,
//! the digests, the flag-like strings, and what is kept (the head, a nested archive's bytes).

use std::sync::atomic::Ordering;
use std::time::Instant;

use super::super::decode::STORED;
use super::super::finding::Finding;
use super::super::pipe::{Pipe, PIPELINE_MIN, PIPELINE_MIN_COMPRESSED};
use super::super::spec::SIG_LOCAL;
use super::super::stream::StreamedEntry;
use super::super::{Entry, Options, RATIO_MIN_SIZE};
use super::{found, Budget, MAX_SYMLINK_TARGET};
use crate::digest::{Algorithm, MultiDigest};
use crate::error::Result;
use crate::flags::{self, FlagScanner};

/// A nested archive's decoded bytes: collected only when the entry looks like one from its first piece.
enum Nested {
    Never,
    /// Collect if the first piece starts with a local header signature (or the name says archive).
    Maybe { by_name: bool },
    Collecting(Vec<u8>),
}

pub(super) struct EntryCheck<'a> {
    entry: &'a Entry,
    budget: &'a Budget,
    produced: u64,
    crc: crc32fast::Hasher,
    digest: Option<MultiDigest>,
    /// A big entry's CRC and digests, computed on a second thread ([`Pipe`]).
    pipe: Option<Pipe>,
    flags: Option<FlagScanner<'a>>,
    /// Strings taken from a record of the spool's walk instead of being scanned.
    recorded_flags: Option<Vec<String>>,
    /// The first [`MAX_SYMLINK_TARGET`] bytes (symlink target, magic numbers).
    head: &'a mut Vec<u8>,
    nested: Nested,
    /// Digests taken from a record of the spool's walk instead of being computed.
    recorded: Option<Vec<(Algorithm, String)>>,
    pub(super) findings: Vec<Finding>,
}

/// What an entry's bytes turned out to be.
pub(super) struct Checked {
    /// Bytes taken.
    pub(super) produced: u64,
    pub(super) findings: Vec<Finding>,
    pub(super) crc32: u32,
    pub(super) digests: Vec<(Algorithm, String)>,
    pub(super) flags: Vec<String>,
    pub(super) nested: Option<Vec<u8>>,
}

impl<'a> EntryCheck<'a> {
    /// `collect_nested`: buffer the bytes if they turn out to be an archive (decoded entries only: a stored
    /// one is inspected where it lies).
    pub(super) fn new(
        entry: &'a Entry,
        options: &Options,
        budget: &'a Budget,
        head: &'a mut Vec<u8>,
        collect_nested: bool,
        by_name: bool,
    ) -> Result<EntryCheck<'a>> {
        head.clear();
        let mut digest = if options.digests.is_empty() { None } else { Some(MultiDigest::new(&options.digests)?) };
        let big = entry.method != STORED
            && entry.uncompressed_size >= PIPELINE_MIN
            && entry.compressed_size >= PIPELINE_MIN_COMPRESSED;
        let pipe = if big { Pipe::start(digest.clone()) } else { None };
        if pipe.is_some() {
            digest = None; // the hashing thread has it
        }
        let regular = !entry.is_dir && !entry.is_symlink;
        Ok(EntryCheck {
            entry,
            budget,
            produced: 0,
            crc: crc32fast::Hasher::new(),
            digest,
            pipe,
            flags: (options.flags && regular).then(|| FlagScanner::new(&budget.flags_left)),
            head,
            nested: if collect_nested { Nested::Maybe { by_name } } else { Nested::Never },
            recorded: None,
            recorded_flags: None,
            findings: Vec::new(),
        })
    }

    /// Bytes decoded so far.
    pub(super) fn produced(&self) -> u64 {
        self.produced
    }

    /// The next decoded `piece`, `consumed` compressed bytes having been read: false to stop the entry.
    pub(super) fn take(&mut self, piece: &[u8], consumed: u64) -> bool {
        let next = self.produced + piece.len() as u64;
        if !self.within_limits(next, consumed, piece.len() as u64) {
            return false;
        }
        self.produced = next;
        match self.pipe.as_mut() {
            Some(p) => p.send(piece),
            None => {
                self.crc.update(piece);
                if let Some(d) = self.digest.as_mut() {
                    d.update(piece);
                }
            }
        }
        if let Some(s) = self.flags.as_mut() {
            s.update(piece);
        }
        self.keep(piece);
        true
    }

    fn within_limits(&mut self, next: u64, consumed: u64, len: u64) -> bool {
        let (e, limits) = (self.entry, &self.budget.limits);
        if next > e.uncompressed_size {
            self.findings.push(found::inflates_past_declared(e));
            return false;
        }
        // Above the ratio, bytes count against the archive's allowance for such data, unless the entry was
        // admitted on its declared sizes (then its declared size bounds it).
        if next >= RATIO_MIN_SIZE
            && next / consumed.max(1) > limits.max_ratio
            && !e.high_ratio
            && !self.budget.admit_high_ratio(len)
        {
            self.findings.push(found::ratio(e, limits, next, consumed));
            return false;
        }
        let total = self.budget.total.fetch_add(len, Ordering::Relaxed) + len;
        if total > limits.max_total_size {
            self.findings.extend(self.budget.trip(found::total_size(e, limits.max_total_size)));
            return false;
        }
        !self.out_of_time() && !self.budget.stopped()
    }

    /// Whether the inspection's deadline has passed (reported once, by the first worker to see it).
    pub(super) fn out_of_time(&mut self) -> bool {
        if Instant::now() <= self.budget.deadline {
            return false;
        }
        self.findings.extend(self.budget.trip(found::time_limit(self.entry, self.budget.limits.max_time)));
        true
    }

    fn keep(&mut self, piece: &[u8]) {
        if self.head.len() < MAX_SYMLINK_TARGET as usize {
            let room = MAX_SYMLINK_TARGET as usize - self.head.len();
            self.head.extend_from_slice(&piece[..piece.len().min(room)]);
        }
        if let Nested::Maybe { by_name } = self.nested {
            // A decoded archive inside: collected (bounded by NESTED_BUFFER_MAX) to be inspected in turn.
            self.nested = if by_name || piece.starts_with(&SIG_LOCAL.to_le_bytes()) {
                Nested::Collecting(Vec::new())
            } else {
                Nested::Never
            };
        }
        if let Nested::Collecting(buf) = &mut self.nested {
            buf.extend_from_slice(piece);
        }
    }

    /// Whether this entry's flag-like strings are still to be collected (wanted, and not taken from a
    /// record).
    pub(super) fn wants_flags(&self) -> bool {
        self.flags.is_some()
    }

    /// Feed `piece` to the flag scanner only (a recorded entry read again for its strings).
    pub(super) fn scan_flags(&mut self, piece: &[u8]) {
        if let Some(s) = self.flags.as_mut() {
            s.update(piece);
        }
    }

    /// A stored entry the spool's walk verified as the file streamed in: its results, counted against the
    /// total like bytes read here. Its strings, when wanted, are taken if the inspection's total admits all
    /// of them; otherwise [`wants_flags`](Self::wants_flags) stays true and the bytes are scanned again.
    pub(super) fn take_record(&mut self, r: StreamedEntry) {
        self.budget.total.fetch_add(r.size, Ordering::Relaxed);
        self.produced = r.size;
        self.crc = crc32fast::Hasher::new_with_initial_len(r.crc32, r.size);
        *self.head = r.head;
        self.recorded = Some(r.digests);
        if self.flags.is_some() && flags::claim(&self.budget.flags_left, r.flags.len()) {
            self.flags = None;
            self.recorded_flags = Some(r.flags);
        }
    }

    /// The CRC-32, digests and strings of everything taken (waiting for the hashing thread, if any).
    pub(super) fn finish(mut self) -> Checked {
        if let Some(p) = self.pipe.take() {
            (self.crc, self.digest) = p.finish();
        }
        let digests = match self.recorded {
            Some(d) => d,
            None => self.digest.map(|d| d.hexdigests()).unwrap_or_default(),
        };
        Checked {
            produced: self.produced,
            findings: self.findings,
            crc32: self.crc.finalize(),
            digests,
            flags: match self.recorded_flags {
                Some(f) => f,
                None => self.flags.map(FlagScanner::finish).unwrap_or_default(),
            },
            nested: match self.nested {
                Nested::Collecting(buf) => Some(buf),
                _ => None,
            },
        }
    }
}
