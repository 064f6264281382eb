//! Flag-like strings in a binary's bytes, found in the same pass that computes its CRC-32 and digests:
//! dotted configuration keys (`dten.backoff.v2`), long command-line options (`--dry-run`) and
//! environment-variable names (`DTEN_RETRY_MAX`). The upgrade plan compares them between versions to find
//! behaviour a package switches on without saying so (docs/zip.md, "Flag-like strings").
//!
//! Only binaries are scanned: content whose first [`HEAD_LEN`] bytes hold a NUL or are not UTF-8 (git's
//! and grep's test). Text (configuration, scripts, documents) is what the plan parses itself; its keys
//! come from the parsers, not from a byte scan.
//!
//! A candidate is a maximal run of `[A-Za-z0-9._-]` that holds one of `.`, `_`, `-`. [`blocks`] finds, 64
//! bytes at a time, the anchors that sit in a run long enough to matter, so random-looking bytes (machine
//! code, compressed resources) cost a few vector instructions per block. A run cut by the end of one piece
//! of output is carried into the next: the result does not depend on where the pieces end.
//!
//! Bounded: at most [`MAX_FLAG_LEN`] bytes per string (a longer run is no flag), [`MAX_FLAGS_PER_ENTRY`]
//! distinct strings per entry (the first ones in file order), and a total per inspection that the caller
//! enforces with [`FlagScanner::take_total`] (a scanner of the spool's walk has none: an inspection takes
//! its strings against its own total with [`claim`]).

mod blocks;

use std::collections::HashSet;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Longer runs are data (base64, hashes, minified code), not names a person sets.
pub const MAX_FLAG_LEN: usize = 128;
/// Distinct strings kept per entry; a Go binary holds a few thousand `pkg.func` names.
pub const MAX_FLAGS_PER_ENTRY: usize = 4096;
/// Distinct strings kept per inspection, all entries together: at most ~40 MiB of strings.
pub const MAX_FLAGS_TOTAL: usize = 1 << 18;
/// Bytes from the start of an entry that decide whether it is a binary.
pub const HEAD_LEN: usize = 8192;
/// Shorter runs match by chance in compressed or random bytes (`ab.c`, `X_YZ`): with 6 and two-character
/// segments, ~30 per 256 MiB of random data, against thousands with 4.
const MIN_FLAG_LEN: usize = 6;

/// Bytes that may be part of a candidate.
const TOKEN: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = c.is_ascii_alphanumeric() || c == b'.' || c == b'_' || c == b'-';
        b += 1;
    }
    t
};

fn is_token(b: u8) -> bool {
    TOKEN[b as usize]
}

/// Git's and grep's test for binary content: a NUL, or bytes that are not UTF-8 (a character cut by the
/// end of `head` is not held against it).
pub fn is_binary(head: &[u8]) -> bool {
    head.contains(&0) || std::str::from_utf8(head).is_err_and(|e| e.error_len().is_some())
}

/// The flag-like strings of one entry, fed its bytes in order.
pub struct FlagScanner<'a> {
    /// The first bytes, while it is not yet known whether the entry is a binary.
    head: Option<Vec<u8>>,
    /// Text: nothing is scanned.
    skip: bool,
    /// Anchors that may sit in a long enough run, reused between pieces.
    candidates: Vec<usize>,
    /// The run that the previous piece ended inside.
    carry: Vec<u8>,
    /// The carried run is already longer than [`MAX_FLAG_LEN`]: it is skipped to its end.
    overlong: bool,
    found: HashSet<Box<str>>,
    /// Strings this inspection may still keep, shared by every entry's scanner; `None` for a scanner
    /// bounded only per entry ([`unbudgeted`](FlagScanner::unbudgeted)).
    total: Option<&'a AtomicUsize>,
    full: bool,
}

impl<'a> FlagScanner<'a> {
    /// A scanner that counts what it keeps against `total`, the strings the inspection may still keep.
    pub fn new(total: &'a AtomicUsize) -> FlagScanner<'a> {
        FlagScanner {
            total: Some(total),
            ..FlagScanner::unbudgeted()
        }
    }

    /// A scanner bounded only by [`MAX_FLAGS_PER_ENTRY`]: the spool's walk, ahead of any inspection.
    pub fn unbudgeted() -> FlagScanner<'static> {
        FlagScanner {
            head: Some(Vec::new()),
            skip: false,
            candidates: Vec::new(),
            carry: Vec::new(),
            overlong: false,
            found: HashSet::new(),
            total: None,
            full: false,
        }
    }

    /// A budget for one inspection: [`MAX_FLAGS_TOTAL`] strings.
    pub fn take_total() -> AtomicUsize {
        AtomicUsize::new(MAX_FLAGS_TOTAL)
    }

    /// The next bytes of the entry.
    pub fn update(&mut self, piece: &[u8]) {
        if self.skip || self.full || piece.is_empty() {
            return;
        }
        if let Some(head) = self.head.as_mut() {
            let n = (HEAD_LEN - head.len()).min(piece.len());
            head.extend_from_slice(&piece[..n]);
            if head.len() < HEAD_LEN {
                return;
            }
            self.decide();
            self.update(&piece[n..]);
            return;
        }
        self.scan(piece);
    }

    /// Whether the entry is a binary, from its head; scan the head if it is.
    fn decide(&mut self) {
        let Some(head) = self.head.take() else { return };
        self.skip = !is_binary(&head);
        if !self.skip {
            self.scan(&head);
        }
    }

    fn scan(&mut self, piece: &[u8]) {
        if self.full || piece.is_empty() {
            return;
        }
        let mut at = 0;
        if !self.carry.is_empty() || self.overlong {
            // The run the last piece ended in goes on here.
            let n = piece.iter().take_while(|&&b| is_token(b)).count();
            self.extend_carry(&piece[..n]);
            if n == piece.len() {
                return;
            }
            let run = std::mem::take(&mut self.carry);
            if !std::mem::take(&mut self.overlong) {
                self.classify(&run);
            }
            at = n;
        }
        // The run touching the end of the piece is carried whole; anchors are searched before it.
        let tail = piece.len() - piece[at..].iter().rev().take_while(|&&b| is_token(b)).count();
        let mut candidates = std::mem::take(&mut self.candidates);
        candidates.clear();
        blocks::candidates(&piece[at..tail], MIN_FLAG_LEN, &mut candidates);
        let base = at;
        for &i in &candidates {
            let anchor = base + i;
            if anchor < at {
                continue; // inside the run just classified
            }
            let start = anchor - piece[at..anchor].iter().rev().take_while(|&&b| is_token(b)).count();
            let end = anchor + piece[anchor..tail].iter().take_while(|&&b| is_token(b)).count();
            self.classify(&piece[start..end]);
            if self.full {
                break;
            }
            at = end;
        }
        self.candidates = candidates;
        if !self.full {
            self.extend_carry(&piece[tail..]);
        }
    }

    fn extend_carry(&mut self, bytes: &[u8]) {
        if self.overlong {
            return;
        }
        if self.carry.len() + bytes.len() > MAX_FLAG_LEN + 2 {
            // Two bytes of slack: a string of MAX_FLAG_LEN may end in separators that are trimmed.
            self.carry.clear();
            self.overlong = true;
        } else {
            self.carry.extend_from_slice(bytes);
        }
    }

    /// Keep `run` when it is flag-like.
    fn classify(&mut self, run: &[u8]) {
        let Some(flag) = flag_like(run) else { return };
        // ASCII by construction of the token class.
        let Ok(flag) = std::str::from_utf8(flag) else { return };
        if self.found.contains(flag) {
            return;
        }
        if self.total.is_some_and(|total| !claim(total, 1)) {
            self.full = true;
            return;
        }
        self.found.insert(flag.into());
        if self.found.len() >= MAX_FLAGS_PER_ENTRY {
            self.full = true;
        }
    }

    /// The strings found, sorted. A run still open at the end of the entry ends there.
    pub fn finish(mut self) -> Vec<String> {
        self.decide();
        if !self.skip && !self.full && !self.overlong && !self.carry.is_empty() {
            let run = std::mem::take(&mut self.carry);
            self.classify(&run);
        }
        let mut out: Vec<String> = self.found.into_iter().map(String::from).collect();
        out.sort_unstable();
        out
    }
}

/// Take `n` strings from an inspection's `total`: all of them, or none when fewer are left.
pub fn claim(total: &AtomicUsize, n: usize) -> bool {
    total
        .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |left| left.checked_sub(n))
        .is_ok()
}

/// `run` (a maximal run of token bytes) with its surrounding punctuation trimmed, when it is a dotted
/// key, a long option or an environment-variable name.
fn flag_like(run: &[u8]) -> Option<&[u8]> {
    let mut s = run;
    while let [b'.' | b'_' | b'-', rest @ ..] = s {
        if s.starts_with(b"--") {
            break;
        }
        s = rest;
    }
    while let [rest @ .., b'.' | b'_' | b'-'] = s {
        s = rest;
    }
    if s.len() < MIN_FLAG_LEN || s.len() > MAX_FLAG_LEN {
        return None;
    }
    (long_option(s) || env_name(s) || dotted_key(s)).then_some(s)
}

/// `--name` or `--two-words`: lower-case words joined by single hyphens.
fn long_option(s: &[u8]) -> bool {
    let Some(rest) = s.strip_prefix(b"--") else { return false };
    rest.first().is_some_and(u8::is_ascii_lowercase)
        && rest.split(|&b| b == b'-').all(|w| !w.is_empty() && w.iter().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}

/// `UPPER_SNAKE` with at least one underscore, words of two or more: `DTEN_RETRY_MAX`, `HTTP_PROXY`.
fn env_name(s: &[u8]) -> bool {
    s[0].is_ascii_uppercase()
        && s.contains(&b'_')
        && s.split(|&b| b == b'_').all(|w| w.len() >= 2 && w.iter().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()))
}

/// Two or more lower-case segments of two or more characters joined by dots, each starting with a
/// letter: `dten.backoff.v2`.
fn dotted_key(s: &[u8]) -> bool {
    s.contains(&b'.')
        && s.split(|&b| b == b'.').all(|w| {
            w.len() >= 2
                && w[0].is_ascii_lowercase()
                && w.iter().all(|&b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The strings of `pieces`, fed in that order after a head of NULs (so the content is a binary and
    /// the pieces are scanned as they come).
    fn scan(pieces: &[&[u8]]) -> Vec<String> {
        let total = FlagScanner::take_total();
        let mut s = FlagScanner::new(&total);
        s.update(&[0; HEAD_LEN]);
        pieces.iter().for_each(|p| s.update(p));
        s.finish()
    }

    #[test]
    fn text_is_not_scanned_binaries_are() {
        let text = b"dten.backoff.v2 = true\n".repeat(1000);
        let total = FlagScanner::take_total();
        let mut s = FlagScanner::new(&total);
        s.update(&text);
        assert!(s.finish().is_empty());
        for binary in [&b"\x7fELF\x02\x01\0\0 dten.backoff.v2"[..], b"\xff\xfe latin-1 \xe9 dten.backoff.v2"] {
            let mut s = FlagScanner::new(&total);
            s.update(binary);
            assert_eq!(s.finish(), ["dten.backoff.v2"]);
        }
        // Decided on the first HEAD_LEN bytes: a NUL after them does not make text a binary.
        let mut late = b"x".repeat(HEAD_LEN);
        late.extend_from_slice(b"\0 dten.backoff.v2");
        let mut s = FlagScanner::new(&total);
        s.update(&late);
        assert!(s.finish().is_empty());
        assert!(!is_binary("caf\u{e9}".as_bytes()) && !is_binary(&"\u{e9}".as_bytes()[..1]));
    }

    #[test]
    fn finds_the_three_kinds_and_nothing_else() {
        let text = b"set dten.backoff.v2=true; run with --dry-run or --retries=3, export DTEN_RETRY_MAX=5.\n\
            \0libc.so.6\0GLIBC_2.2.5\0.text\0__cxa_finalize\0_ITM_registerTMCloneTable\0runtime.gcBgMark\0\
            a.b X_Y --x ---bad --Bad -- -x dten..bad Dten.key 2fa.key x.yzzz ab.c.de AB_C_DE --all";
        assert_eq!(
            scan(&[text]),
            ["--dry-run", "--retries", "DTEN_RETRY_MAX", "dten.backoff.v2"]
        );
    }

    #[test]
    fn strings_cut_between_pieces_are_found_whole() {
        let text = b"xx dten.backoff.v2 yy DTEN_RETRY_MAX zz --long-option end";
        let whole = scan(&[text]);
        for cut in 0..text.len() {
            assert_eq!(scan(&[&text[..cut], &text[cut..]]), whole, "cut at {cut}");
        }
        let bytes: Vec<&[u8]> = text.chunks(1).collect();
        assert_eq!(scan(&bytes), whole);
    }

    #[test]
    fn the_block_filter_loses_nothing_a_plain_scan_finds() {
        // Bytes drawn mostly from the token alphabet, so runs of every length sit across block edges.
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        let alphabet = b"abcdefgh.._-\0 abcdefgh..-\0 XYZW__\0";
        let data: Vec<u8> = (0..200_000)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                alphabet[(state % alphabet.len() as u64) as usize]
            })
            .collect();
        let mut plain: Vec<String> = data
            .split(|&b| !is_token(b))
            .filter_map(flag_like)
            .map(|f| String::from_utf8(f.to_vec()).unwrap())
            .collect();
        plain.sort();
        plain.dedup();
        assert!((300..MAX_FLAGS_PER_ENTRY).contains(&plain.len()), "{}", plain.len());
        for piece in [7, 64, 1000, 65_536] {
            let pieces: Vec<&[u8]> = data.chunks(piece).collect();
            let found = scan(&pieces);
            assert_eq!(found, plain, "pieces of {piece}");
        }
    }

    #[test]
    fn a_string_at_the_very_end_counts() {
        assert_eq!(scan(&[b"\0dten.hybrid", b".enable"]), ["dten.hybrid.enable"]);
    }

    #[test]
    fn bounded_in_length_count_and_total() {
        let long = format!("aa.{}", "b".repeat(MAX_FLAG_LEN));
        assert!(scan(&[long.as_bytes()]).is_empty());
        let just = format!("aa.{}", "b".repeat(MAX_FLAG_LEN - 3));
        assert_eq!(scan(&[just.as_bytes()]), [just]);
        // An overlong run split across pieces is skipped to its end, and what follows is still found.
        let mut cut = long.clone().into_bytes();
        cut.extend_from_slice(b" next.key");
        assert_eq!(scan(&[&cut[..60], &cut[60..]]), ["next.key"]);
        let many: String = (0..MAX_FLAGS_PER_ENTRY + 50).map(|i| format!("key.n{i:04} ")).collect();
        assert_eq!(scan(&[many.as_bytes()]).len(), MAX_FLAGS_PER_ENTRY);
        let total = AtomicUsize::new(3);
        let mut s = FlagScanner::new(&total);
        s.update(b"\0ab.cde ef.ghi ij.klm mn.opq");
        assert_eq!(s.finish().len(), 3);
        assert_eq!(total.load(Ordering::Relaxed), 0);
    }

    #[test]
    fn unbudgeted_scanners_keep_everything_and_claims_are_all_or_nothing() {
        let mut s = FlagScanner::unbudgeted();
        s.update(b"\0ab.cde ef.ghi ij.klm mn.opq");
        assert_eq!(s.finish(), ["ab.cde", "ef.ghi", "ij.klm", "mn.opq"]);
        let total = AtomicUsize::new(3);
        assert!(!claim(&total, 4));
        assert_eq!(total.load(Ordering::Relaxed), 3);
        assert!(claim(&total, 3));
        assert_eq!(total.load(Ordering::Relaxed), 0);
    }
}

