//! Stored entries verified while an archive streams in, so that the service has little left to read back
//! once the last byte of an upload has arrived.
//!
//! [`StreamWalk`] is fed the archive's bytes in order, as they arrive. It walks the local headers from
//! offset 0 as a streaming extractor would and, for each stored entry whose local header alone delimits it
//! (sizes present and equal, no data descriptor, no encryption), computes the CRC-32 and digests of its
//! bytes as they pass, and collects their flag-like strings ([`crate::flags`]; the service's inspection asks
//! for them, and reading a recorded entry again for them alone would read back what the walk already
//! read). Deflated entries are passed over by their compressed size: inflating them here
//! would not give the inspection's results exactly (its ratio limit is checked at the inflater's own
//! checkpoints), so the inspection inflates them itself. The walk stops for good at the first thing it
//! cannot delimit (a data descriptor, the central directory, anything unexpected). It never judges the
//! archive and reports nothing.
//!
//! What it found ([`Streamed`]) is a cache keyed by where an entry's data starts and how long it is. The
//! inspection of the complete file still parses everything itself, and takes a record only for an entry
//! that the central directory, checked against its local header, says is stored at exactly that range
//! with equal sizes: a CRC or digest of a byte range is the same whoever computed it, provided those
//! bytes are the file's, which holds for the service's spool (the walk reads them back from the file,
//! behind its writer).

use std::collections::HashMap;

use super::spec::{
    LocalHeader, FLAG_DESCRIPTOR, FLAG_ENCRYPTED, FLAG_STRONG_ENCRYPTION, LOCAL_LEN, METHOD_STORED,
};
use super::Entry;
use crate::digest::{Algorithm, MultiDigest};
use crate::error::Result;
use crate::flags::FlagScanner;

/// An entry's whole content is kept up to this many bytes (a symlink's target); the first
/// [`HEAD_MAGIC`] bytes otherwise (enough to recognise a nested archive).
pub const HEAD_ALL: usize = 256;
const HEAD_MAGIC: usize = 8;
/// Memory the records may take (an archive of many tiny entries): the walk stops beyond it.
const MAX_RECORD_BYTES: usize = 32 << 20;
/// Rough cost of one record besides its head and strings: the map slot, the digests' hex strings.
const RECORD_OVERHEAD: usize = 200;
/// Rough cost of one flag-like string besides its bytes.
const FLAG_OVERHEAD: usize = 24;

/// A stored entry's bytes, as they streamed past.
#[derive(Clone, Debug)]
pub struct StreamedEntry {
    pub size: u64,
    pub crc32: u32,
    pub digests: Vec<(Algorithm, String)>,
    /// All of the content up to [`HEAD_ALL`] bytes, else its first few bytes.
    pub head: Vec<u8>,
    /// Its flag-like strings, sorted, bounded per entry only (none for text); an inspection takes them
    /// against its own total ([`crate::flags::claim`]).
    pub flags: Vec<String>,
}

/// What a [`StreamWalk`] verified, by data offset.
#[derive(Clone, Debug, Default)]
pub struct Streamed {
    algorithms: Vec<Algorithm>,
    entries: HashMap<u64, StreamedEntry>,
    walked: u64,
}

impl Streamed {
    /// Entries recorded.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Bytes of the archive the walk was fed, from its start.
    pub fn walked(&self) -> u64 {
        self.walked
    }

    /// The record for `e` when one covers exactly its data and has every digest in `wanted`; the
    /// digests are narrowed to `wanted`. `None` sends the entry to ordinary verification.
    pub(crate) fn get(&self, e: &Entry, wanted: &[Algorithm]) -> Option<StreamedEntry> {
        if e.method != METHOD_STORED
            || e.compressed_size != e.uncompressed_size
            || e.data_offset == 0
        {
            return None;
        }
        let r = self.entries.get(&e.data_offset)?;
        if r.size != e.compressed_size || !wanted.iter().all(|a| self.algorithms.contains(a)) {
            return None;
        }
        if e.is_symlink && r.size > HEAD_ALL as u64 {
            return None; // the target would be cut short
        }
        let mut out = r.clone();
        out.digests.retain(|(a, _)| wanted.contains(a));
        Some(out)
    }
}

/// The walk over an archive's bytes in stream order; see the module documentation.
pub struct StreamWalk {
    /// A fresh digest of the walk's algorithms, cloned for each stored entry.
    digest: MultiDigest,
    /// Stream offset of the next byte fed.
    pos: u64,
    state: Walk,
    out: Streamed,
    record_bytes: usize,
}

enum Walk {
    /// Collecting the local header that starts at `start`: its fixed part, then its name and extra.
    Header { start: u64, buf: Vec<u8> },
    /// Inside a stored entry's data.
    Stored(Box<Current>),
    /// Passing over another entry's data, which ends at `end`.
    Skip { end: u64 },
    /// Stopped; everything further is left to the inspection.
    Done,
}

struct Current {
    data_offset: u64,
    end: u64,
    crc: crc32fast::Hasher,
    digest: MultiDigest,
    head: Vec<u8>,
    flags: FlagScanner<'static>,
}

impl StreamWalk {
    /// A walk computing `algorithms` (at least one) for each stored entry.
    pub fn new(algorithms: &[Algorithm]) -> Result<StreamWalk> {
        let digest = MultiDigest::new(algorithms)?;
        Ok(StreamWalk {
            out: Streamed {
                algorithms: digest.algorithms(),
                ..Streamed::default()
            },
            digest,
            pos: 0,
            state: Walk::Header {
                start: 0,
                buf: Vec::with_capacity(LOCAL_LEN),
            },
            record_bytes: 0,
        })
    }

    /// Whether the walk has stopped (feeding it more is then free).
    pub fn done(&self) -> bool {
        matches!(self.state, Walk::Done)
    }

    /// Where the walk next needs bytes from: past the data of an entry it is passing over (a deflated
    /// one), else where it is. A reader that can seek skips to it with [`skip_to`](Self::skip_to).
    pub fn needs_from(&self) -> u64 {
        match self.state {
            Walk::Skip { end } => end,
            _ => self.pos,
        }
    }

    /// Pass over the bytes up to `to` (at most [`needs_from`](Self::needs_from)) without reading them.
    pub fn skip_to(&mut self, to: u64) {
        if let Walk::Skip { end } = self.state {
            self.pos = self.pos.max(to.min(end));
            self.advance();
        }
    }

    /// The next bytes of the archive, in order.
    pub fn feed(&mut self, mut data: &[u8]) {
        while !data.is_empty() {
            let n = match &mut self.state {
                Walk::Done => return,
                Walk::Header { buf, .. } => {
                    let need = header_len(buf);
                    let n = (need - buf.len()).min(data.len());
                    buf.extend_from_slice(&data[..n]);
                    n
                }
                Walk::Stored(cur) => {
                    let n = (cur.end - self.pos).min(data.len() as u64) as usize;
                    let piece = &data[..n];
                    cur.crc.update(piece);
                    cur.digest.update(piece);
                    cur.flags.update(piece);
                    let keep = if cur.end - cur.data_offset <= HEAD_ALL as u64 {
                        HEAD_ALL
                    } else {
                        HEAD_MAGIC
                    };
                    let room = keep.saturating_sub(cur.head.len()).min(n);
                    cur.head.extend_from_slice(&piece[..room]);
                    n
                }
                Walk::Skip { end } => (*end - self.pos).min(data.len() as u64) as usize,
            };
            data = &data[n..];
            self.pos += n as u64;
            self.advance();
        }
        self.advance(); // an empty stored entry ends where its header does
    }

    /// Move to the next state once the current one has all its bytes.
    fn advance(&mut self) {
        loop {
            let next = match &mut self.state {
                Walk::Header { start, buf } if buf.len() == header_len(buf) => {
                    if buf.len() == LOCAL_LEN && header_len(buf) != LOCAL_LEN {
                        continue; // the fixed part said how long the name and extra are
                    }
                    let (start, buf) = (*start, std::mem::take(buf));
                    self.begin(start, &buf)
                }
                Walk::Stored(cur) if self.pos == cur.end => {
                    let Walk::Stored(cur) = std::mem::replace(&mut self.state, Walk::Done) else {
                        unreachable!()
                    };
                    self.record(*cur)
                }
                Walk::Skip { end } if self.pos == *end => Self::header_at(*end),
                _ => return,
            };
            self.state = next;
        }
    }

    fn header_at(start: u64) -> Walk {
        Walk::Header {
            start,
            buf: Vec::with_capacity(LOCAL_LEN),
        }
    }

    /// The state after the whole local header at `start`.
    fn begin(&mut self, start: u64, header: &[u8]) -> Walk {
        let Some(h) = LocalHeader::parse(header) else {
            return Walk::Done; // the central directory, or something no extractor would take for an entry
        };
        if h.flags & (FLAG_ENCRYPTED | FLAG_DESCRIPTOR | FLAG_STRONG_ENCRYPTION) != 0 {
            return Walk::Done; // sizes unknown until a descriptor, or bytes that are not the content
        }
        let (csize, usize_) = h.sizes(&header[LOCAL_LEN + h.name_len as usize..]);
        let data_offset = start + header.len() as u64;
        let Some(end) = data_offset.checked_add(csize) else {
            return Walk::Done;
        };
        if h.method != METHOD_STORED || csize != usize_ {
            return Walk::Skip { end };
        }
        if self.record_bytes > MAX_RECORD_BYTES {
            return Walk::Done;
        }
        Walk::Stored(Box::new(Current {
            data_offset,
            end,
            crc: crc32fast::Hasher::new(),
            digest: self.digest.clone(),
            head: Vec::new(),
            flags: FlagScanner::unbudgeted(),
        }))
    }

    fn record(&mut self, cur: Current) -> Walk {
        let flags = cur.flags.finish();
        let flag_bytes: usize = flags.iter().map(|f| f.len() + FLAG_OVERHEAD).sum();
        self.record_bytes += RECORD_OVERHEAD + cur.head.len() + flag_bytes;
        self.out.entries.insert(
            cur.data_offset,
            StreamedEntry {
                size: cur.end - cur.data_offset,
                crc32: cur.crc.finalize(),
                digests: cur.digest.hexdigests(),
                head: cur.head,
                flags,
            },
        );
        Self::header_at(cur.end)
    }

    /// What was verified. An entry whose bytes did not all arrive is not included.
    pub fn finish(mut self) -> Streamed {
        self.out.walked = self.pos;
        self.out
    }
}

/// Bytes of the local header being collected in `buf`: the fixed part, then (once it is there) the
/// name and extra it announces. A fixed part without the signature asks for nothing more.
fn header_len(buf: &[u8]) -> usize {
    // `parse` needs the whole fixed part, so a shorter `buf` asks for exactly that.
    LocalHeader::parse(buf).map_or(LOCAL_LEN, |h| LOCAL_LEN + h.name_len as usize + h.extra_len as usize)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::zip::spec::SIG_LOCAL;
    use crate::zip::tests::{build, file, Spec};
    use crate::zip::{inspect_bytes, Options};

    fn stored(name: &str, data: &[u8]) -> Vec<u8> {
        let crc = crc32fast::hash(data);
        let mut h = Vec::new();
        h.extend_from_slice(&SIG_LOCAL.to_le_bytes());
        h.extend_from_slice(&[20, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        h.extend_from_slice(&crc.to_le_bytes());
        h.extend_from_slice(&(data.len() as u32).to_le_bytes());
        h.extend_from_slice(&(data.len() as u32).to_le_bytes());
        h.extend_from_slice(&(name.len() as u16).to_le_bytes());
        h.extend_from_slice(&0u16.to_le_bytes());
        h.extend_from_slice(name.as_bytes());
        h.extend_from_slice(data);
        h
    }

    fn walk(bytes: &[u8], piece: usize) -> Streamed {
        let mut w = StreamWalk::new(&[Algorithm::Sha256]).unwrap();
        for chunk in bytes.chunks(piece.max(1)) {
            w.feed(chunk);
        }
        w.finish()
    }

    #[test]
    fn records_stored_entries_whatever_the_pieces() {
        let mut bytes = stored("a.txt", b"hello");
        bytes.extend(stored("empty", b""));
        bytes.extend(stored("big.bin", &vec![7u8; 100_000]));
        bytes.extend_from_slice(&0x0201_4b50u32.to_le_bytes()); // a central directory starts
        for piece in [1, 3, 29, 30, 31, 4096, bytes.len()] {
            let s = walk(&bytes, piece);
            assert_eq!(s.len(), 3, "piece {piece}");
            let a = &s.entries[&35];
            assert_eq!(
                (a.size, a.crc32, a.head.as_slice()),
                (5, crc32fast::hash(b"hello"), &b"hello"[..])
            );
            let big = s.entries.values().find(|e| e.size == 100_000).unwrap();
            assert_eq!(big.head.len(), HEAD_MAGIC);
            assert_eq!(big.crc32, crc32fast::hash(&vec![7u8; 100_000]));
        }
    }

    #[test]
    fn a_deflated_entry_can_be_skipped_without_its_bytes() {
        let bytes = build(
            &[
                file("a", b"first"),
                Spec {
                    deflate: true,
                    ..file("b", &b"compressible ".repeat(10_000))
                },
                file("c", b"third"),
            ],
            b"",
        );
        let mut w = StreamWalk::new(&[Algorithm::Sha256]).unwrap();
        let mut pos = 0usize;
        while pos < bytes.len() && !w.done() {
            let needed = w.needs_from() as usize;
            if needed > pos {
                w.skip_to(needed as u64 - 3); // part of the way, then the rest
                w.skip_to(needed as u64);
                pos = needed;
            }
            w.feed(&bytes[pos..pos + 1]);
            pos += 1;
        }
        let s = w.finish();
        assert_eq!(s.len(), 2, "the stored entries before and after the skipped one");
        assert_eq!(s.walked(), pos as u64);
    }

    #[test]
    fn stops_at_what_it_cannot_delimit() {
        let mut bytes = stored("a", b"one");
        let mut descriptor = stored("b", b"two");
        descriptor[6] = FLAG_DESCRIPTOR as u8;
        bytes.extend(descriptor);
        bytes.extend(stored("c", b"three"));
        let s = walk(&bytes, 7);
        assert_eq!(s.len(), 1);
        // Garbage first: nothing.
        let mut junk = b"MZ\x90\x00".to_vec();
        junk.extend(stored("a", b"one"));
        assert!(walk(&junk, 64).is_empty());
    }

    #[test]
    fn an_entry_cut_short_is_not_recorded() {
        let bytes = stored("a", &[1u8; 1000]);
        assert!(walk(&bytes[..bytes.len() - 1], 100).is_empty());
    }

    fn both_ways(bytes: &[u8], expect_records: usize) {
        for flags in [false, true] {
            let plain = inspect_bytes(
                bytes,
                &Options {
                    flags,
                    ..Options::default()
                },
            )
            .unwrap();
            let streamed = walk(bytes, 8192);
            assert_eq!(streamed.len(), expect_records);
            let options = Options {
                flags,
                streamed: Some(std::sync::Arc::new(streamed)),
                ..Options::default()
            };
            let reused = inspect_bytes(bytes, &options).unwrap();
            assert_eq!(
                format!("{:?}", plain.entries),
                format!("{:?}", reused.entries)
            );
            assert_eq!(
                format!("{:?}", plain.findings),
                format!("{:?}", reused.findings)
            );
            assert_eq!(plain.totals.verified_bytes, reused.totals.verified_bytes);
        }
    }

    #[test]
    fn the_inspection_reports_the_same_with_or_without_records() {
        let mut tool = vec![9u8; 300_000];
        tool[150_000..150_017].copy_from_slice(b"\0dten.backoff.v2\0");
        let text = b"read me ".repeat(5000);
        // A stored archive inside is inspected from the file either way.
        let inner = build(&[file("x", b"nested")], b"");
        let bytes = build(
            &[
                file("bin/tool", &tool),
                Spec {
                    deflate: true,
                    ..file("doc/readme.txt", &text)
                },
                Spec {
                    mode: 0o120_777,
                    ..file("lib/link", b"../../../etc/passwd")
                },
                file("inner.zip", &inner),
                file("tiny", b"x"),
                file("empty", b""),
            ],
            b"",
        );
        both_ways(&bytes, 5);
    }

    #[test]
    fn records_carry_the_strings_so_the_file_is_not_read_again_for_them() {
        let mut tool = vec![0u8; 300_000];
        tool[1000..1017].copy_from_slice(b"\0dten.backoff.v2\0");
        let genuine = build(&[file("bin/tool", &tool), file("doc/notes.txt", b"dten.backoff.v3 is text")], b"");
        let streamed = walk(&genuine, 4096);
        let flags: Vec<&[String]> = streamed.entries.values().map(|r| r.flags.as_slice()).collect();
        assert!(flags.contains(&&["dten.backoff.v2".to_string()][..]), "{flags:?}");
        assert!(flags.contains(&&[][..]), "text is not scanned: {flags:?}");
        // The strings of an altered copy are the record's: the walk's bytes are the ones that count.
        let mut altered = genuine.clone();
        let at = altered.windows(15).position(|w| w == b"dten.backoff.v2").unwrap();
        altered[at] = b'x';
        let options = Options {
            flags: true,
            streamed: Some(std::sync::Arc::new(streamed)),
            ..Options::default()
        };
        let report = inspect_bytes(&altered, &options).unwrap();
        let tool_entry = report.entries.iter().find(|e| e.name == "bin/tool").unwrap();
        assert_eq!(tool_entry.flags, ["dten.backoff.v2"]);
    }

    #[test]
    fn findings_are_the_same_when_the_file_is_wrong() {
        // A CRC that does not match the data: the record's CRC is the data's, and the inspection compares
        // it with the central directory's as it would have compared its own.
        let mut bytes = build(&[file("a", b"genuine"), file("b", b"second")], b"");
        let at = bytes.windows(7).position(|w| w == b"genuine").unwrap();
        bytes[at] = b'G';
        both_ways(&bytes, 2);
    }

    #[test]
    fn records_are_taken_instead_of_reading_the_file() {
        // Records of the genuine bytes, an inspection of a file altered since: the altered entry is not
        // read (no CRC mismatch), which is why only the spool's own writer may supply records.
        let genuine = build(&[file("a", b"genuine"), file("b", b"second")], b"");
        let mut altered = genuine.clone();
        let at = altered.windows(7).position(|w| w == b"genuine").unwrap();
        altered[at] = b'G';
        let options = Options {
            streamed: Some(std::sync::Arc::new(walk(&genuine, 5))),
            ..Options::default()
        };
        let report = inspect_bytes(&altered, &options).unwrap();
        assert!(report.findings.is_empty(), "{:?}", report.findings);
        assert!(report.entries.iter().all(|e| e.verified));
        let plain = inspect_bytes(&altered, &Options::default()).unwrap();
        assert_eq!(plain.findings[0].code, "zip.crc_mismatch");
    }

    #[test]
    fn a_record_is_taken_only_for_the_same_stored_range_and_digests() {
        let bytes = build(&[file("a", b"genuine")], b"");
        let streamed = walk(&bytes, 4096);
        let at = bytes.windows(7).position(|w| w == b"genuine").unwrap() as u64;
        let e = Entry {
            method: 0,
            compressed_size: 7,
            uncompressed_size: 7,
            data_offset: at,
            ..Entry::default()
        };
        assert!(streamed.get(&e, &[Algorithm::Sha256]).is_some());
        assert!(streamed
            .get(
                &Entry {
                    method: 8,
                    ..e.clone()
                },
                &[Algorithm::Sha256]
            )
            .is_none());
        let shorter = Entry {
            compressed_size: 6,
            uncompressed_size: 6,
            ..e.clone()
        };
        assert!(streamed.get(&shorter, &[Algorithm::Sha256]).is_none());
        assert!(streamed
            .get(
                &Entry {
                    data_offset: at + 1,
                    ..e.clone()
                },
                &[Algorithm::Sha256]
            )
            .is_none());
        assert!(
            streamed.get(&e, &[Algorithm::Blake3]).is_none(),
            "a digest it did not compute"
        );
    }
}
