//! Archives built byte by byte, so each test controls exactly the anomaly it is about.

use std::io::Write;

use flate2::write::DeflateEncoder;
use flate2::Compression;
use sha2::{Digest, Sha256};

use super::*;

pub(crate) struct Spec<'a> {
    pub(crate) name: &'a str,
    pub(crate) data: &'a [u8],
    pub(crate) deflate: bool,
    pub(crate) mode: u32,
    /// Streamed: bit 3, zero CRC and sizes in the local header, a signed data descriptor after the data.
    pub(crate) descriptor: bool,
    /// A ZIP64 extra in the local header (sizes 0xFFFFFFFF there): the descriptor then has 8-byte sizes.
    pub(crate) zip64_local: bool,
}

pub(crate) fn file<'a>(name: &'a str, data: &'a [u8]) -> Spec<'a> {
    Spec {
        name,
        data,
        deflate: false,
        mode: 0o100_644,
        descriptor: false,
        zip64_local: false,
    }
}

/// A well-formed archive of `specs`, then `comment`.
pub(crate) fn build(specs: &[Spec<'_>], comment: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for s in specs {
        let body = if s.deflate {
            let mut enc = DeflateEncoder::new(Vec::new(), Compression::default());
            enc.write_all(s.data).unwrap();
            enc.finish().unwrap()
        } else {
            s.data.to_vec()
        };
        let crc = crc32fast::hash(s.data);
        let method: u16 = if s.deflate { 8 } else { 0 };
        let offset = out.len() as u32;
        let header = |crc: u32, csize: u32, usize_: u32, extra_len: u16| {
            let mut h = Vec::new();
            h.extend_from_slice(&(if s.descriptor { spec::FLAG_DESCRIPTOR } else { 0 }).to_le_bytes());
            h.extend_from_slice(&method.to_le_bytes());
            h.extend_from_slice(&0u16.to_le_bytes()); // time
            h.extend_from_slice(&((44 << 9) | (1 << 5) | 1u16).to_le_bytes()); // 2024-01-01
            h.extend_from_slice(&crc.to_le_bytes());
            h.extend_from_slice(&csize.to_le_bytes());
            h.extend_from_slice(&usize_.to_le_bytes());
            h.extend_from_slice(&(s.name.len() as u16).to_le_bytes());
            h.extend_from_slice(&extra_len.to_le_bytes());
            h
        };
        let common = header(crc, body.len() as u32, s.data.len() as u32, 0);
        let local_extra: Vec<u8> = if s.zip64_local {
            [&1u16.to_le_bytes()[..], &16u16.to_le_bytes(), &[0; 16]].concat()
        } else {
            Vec::new()
        };
        let local = match (s.descriptor, s.zip64_local) {
            (false, _) => common.clone(),
            (true, false) => header(0, 0, 0, 0),
            (true, true) => header(0, u32::MAX, u32::MAX, local_extra.len() as u16),
        };
        out.extend_from_slice(&spec::SIG_LOCAL.to_le_bytes());
        out.extend_from_slice(&20u16.to_le_bytes());
        out.extend_from_slice(&local);
        out.extend_from_slice(s.name.as_bytes());
        out.extend_from_slice(&local_extra);
        out.extend_from_slice(&body);
        if s.descriptor {
            out.extend_from_slice(&spec::SIG_DESCRIPTOR.to_le_bytes());
            out.extend_from_slice(&crc.to_le_bytes());
            if s.zip64_local {
                out.extend_from_slice(&(body.len() as u64).to_le_bytes());
                out.extend_from_slice(&(s.data.len() as u64).to_le_bytes());
            } else {
                out.extend_from_slice(&(body.len() as u32).to_le_bytes());
                out.extend_from_slice(&(s.data.len() as u32).to_le_bytes());
            }
        }
        central.extend_from_slice(&spec::SIG_CENTRAL.to_le_bytes());
        central.extend_from_slice(&(0x0314u16).to_le_bytes()); // made by Unix
        central.extend_from_slice(&20u16.to_le_bytes());
        central.extend_from_slice(&common);
        central.extend_from_slice(&[0; 6]); // comment length, disk, internal attributes
        central.extend_from_slice(&(s.mode << 16).to_le_bytes());
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(s.name.as_bytes());
    }
    let cd_offset = out.len() as u32;
    out.extend_from_slice(&central);
    out.extend_from_slice(&spec::SIG_EOCD.to_le_bytes());
    out.extend_from_slice(&[0; 4]);
    out.extend_from_slice(&(specs.len() as u16).to_le_bytes());
    out.extend_from_slice(&(specs.len() as u16).to_le_bytes());
    out.extend_from_slice(&(central.len() as u32).to_le_bytes());
    out.extend_from_slice(&cd_offset.to_le_bytes());
    out.extend_from_slice(&(comment.len() as u16).to_le_bytes());
    out.extend_from_slice(comment);
    out
}

fn codes(r: &Report) -> Vec<&'static str> {
    r.findings.iter().map(|f| f.code).collect()
}

#[test]
fn a_clean_archive_verifies_with_digests_and_no_findings() {
    let text = b"hello, hello, hello, hello".repeat(1000);
    let zip = build(
        &[
            file("a.txt", b"abc"),
            Spec {
                name: "dir/b.txt",
                data: &text,
                deflate: true,
                mode: 0o100_755,
                ..file("", b"")
            },
        ],
        b"",
    );
    let r = inspect_bytes(&zip, &Options::default()).unwrap();
    assert_eq!(codes(&r), Vec::<&str>::new());
    assert_eq!(r.entries.len(), 2);
    let b = &r.entries[1];
    assert!(b.verified);
    assert_eq!(
        (b.method, b.uncompressed_size, b.mode),
        (8, text.len() as u64, Some(0o100_755))
    );
    assert_eq!(
        b.digests,
        vec![(crate::digest::Algorithm::Sha256, hex::encode(Sha256::digest(&text)))]
    );
    assert_eq!(b.mtime, Some(1_704_067_200));
    assert_eq!(r.totals.verified_bytes, 3 + text.len() as u64);
}

#[test]
fn the_parser_is_sans_io_and_asks_only_for_ranges() {
    let zip = build(&[file("a", b"1"), file("b", b"22")], b"c");
    let mut parser = Parser::new(zip.len() as u64, &Limits::default());
    let mut asked = Vec::new();
    while let Step::Need { offset, len } = parser.step() {
        asked.push((offset, len));
        let end = (offset + len).min(zip.len() as u64) as usize;
        parser.feed(&zip[offset as usize..end]);
    }
    let s = parser.finish();
    assert_eq!(
        s.entries.iter().map(|e| e.name.as_str()).collect::<Vec<_>>(),
        ["a", "b"]
    );
    assert_eq!(s.comment, "c");
    // Tail, central directory, then one read per local header.
    assert_eq!(asked.len(), 4, "{asked:?}");
    assert_eq!(asked[0], (0, zip.len() as u64));
}

#[test]
fn every_truncation_is_a_finding_never_a_panic() {
    let zip = build(
        &[
            file("a.txt", b"abcdef"),
            Spec {
                name: "b",
                data: &[7; 5000],
                deflate: true,
                mode: 0o100_644,
                ..file("", b"")
            },
        ],
        b"",
    );
    for cut in 0..zip.len() {
        let r = inspect_bytes(&zip[..cut], &Options::default()).unwrap();
        assert!(
            r.findings.iter().any(|f| f.severity >= Severity::High),
            "cut at {cut}: {:?}",
            codes(&r)
        );
    }
}

#[test]
fn corrupted_data_is_a_crc_mismatch() {
    let mut zip = build(&[file("a.txt", b"abcdef")], b"");
    zip[30 + 5] ^= 1; // first data byte after the 30-byte header and 5-byte name
    let r = inspect_bytes(&zip, &Options::default()).unwrap();
    assert_eq!(codes(&r), ["zip.crc_mismatch"]);
    assert!(!r.entries[0].verified && r.entries[0].digests.is_empty());
}

#[test]
fn duplicate_names_exact_and_normalised() {
    let zip = build(
        &[
            file("a.txt", b"1"),
            file("a.txt", b"2"),
            file("B.txt", b"3"),
            file("b.txt", b"4"),
        ],
        b"",
    );
    let r = inspect_bytes(&zip, &Options::default()).unwrap();
    let dup: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.code.starts_with("zip.duplicate"))
        .map(|f| (f.code, f.severity, f.path.as_str()))
        .collect();
    assert_eq!(
        dup,
        [
            ("zip.duplicate_name", Severity::Critical, "a.txt"),
            ("zip.duplicate_name_normalized", Severity::Medium, "b.txt")
        ]
    );
}

#[test]
fn a_comment_hiding_a_signature_is_reported() {
    let mut comment = b"innocent ".to_vec();
    comment.extend_from_slice(&spec::SIG_CENTRAL.to_le_bytes());
    let zip = build(&[file("a", b"1")], &comment);
    let r = inspect_bytes(&zip, &Options::default()).unwrap();
    assert_eq!(codes(&r), ["zip.comment_hides_signature"]);
}

/// `stub` before an archive whose offsets count from its own start (bdist_wininst's installers).
fn after(stub: &[u8], zip: &[u8]) -> Vec<u8> {
    [stub, zip].concat()
}

#[test]
fn a_stub_whose_code_holds_the_signatures_hides_no_entry() {
    // bdist_wininst's stub compares against the local header signature (`cmp dword [esi], 0x04034b50`) and
    // more code follows: read as a header, its name holds a NUL and then other bytes. 7-Zip skips it;
    // streaming extractors never read a file that does not start with "PK".
    let mut stub = b"MZ\x90\x00 installer code \x81\x3e".to_vec();
    stub.extend_from_slice(&spec::SIG_LOCAL.to_le_bytes());
    stub.extend_from_slice(b"\x0f\x85\x3a\x02\0\0\x0f\xbf\x53\x1e\x83\xc0\x2e\x8d\x0c\x07\x89\x4d\xa0\x0f\xbf\x4b");
    stub.extend_from_slice(&[16, 0, 0, 0]); // name and extra lengths
    stub.extend_from_slice(b"\x8b\x45\0\0\x89\x45\xfc\x33\xc0\x75");
    stub.extend_from_slice(&spec::SIG_CENTRAL.to_le_bytes());
    stub.extend_from_slice(b"\xeb\x02 more code");
    let zip = after(&stub, &build(&[file("a", b"1"), file("b", b"2")], b""));
    let r = inspect_bytes(&zip, &Options::default()).unwrap();
    let mut found = codes(&r);
    found.sort_unstable();
    assert_eq!(found, ["zip.data_before_first_entry", "zip.prefixed_offsets"]);
    assert!(r.entries.iter().all(|e| e.verified));
}

#[test]
fn a_local_header_before_the_first_entry_or_between_entries_is_hidden() {
    // A complete local header the directory does not list: what bsdtar reading from a pipe or Java's
    // ZipInputStream extracts first when the file starts with it, and what 7-Zip lists behind a script.
    let hidden = build(&[file("evil", b"payload")], b"");
    let header = &hidden[..30 + "evil".len() + b"payload".len()];
    for prefix in [header.to_vec(), [&b"#!/bin/sh\nexit 0\n"[..], header].concat()] {
        let zip = after(&prefix, &build(&[file("a", b"1")], b""));
        assert!(codes(&inspect_bytes(&zip, &Options::default()).unwrap()).contains(&"zip.hidden_local_header"));
    }
    // And between two entries, wherever the file starts: streaming extractors scan on from an entry's end.
    let zip = build(&[file("a", b"1"), file("b", b"2")], b"");
    let mut junk = b"junk".to_vec();
    junk.extend_from_slice(&spec::SIG_LOCAL.to_le_bytes());
    let zip = insert(&zip, 30 + "a".len() + 1, &junk);
    assert!(codes(&inspect_bytes(&zip, &Options::default()).unwrap()).contains(&"zip.hidden_local_header"));
}

#[test]
fn a_directory_left_between_entries_is_where_streaming_extractors_stop() {
    // The zip crate's append writes the new entries after the first session's directory: streaming extractors
    // stop at its first header and miss what follows, which the message must say (not "more entries").
    let first = build(&[file("a", b"1")], b"");
    let stale_directory = &first[30 + 1 + 1..first.len() - 22];
    let zip = insert(&build(&[file("a", b"1"), file("b", b"2")], b""), 30 + 1 + 1, stale_directory);
    let r = inspect_bytes(&zip, &Options::default()).unwrap();
    let hidden: Vec<_> = r.findings.iter().filter(|f| f.code == "zip.hidden_local_header").collect();
    assert_eq!(hidden.len(), 1);
    assert!(hidden[0].message.contains("stops there and misses the entries after it"), "{}", hidden[0].message);
}

#[test]
fn the_split_signature_and_an_apk_signing_block_belong_to_the_archive() {
    // `zip -s` in one piece: PK\x07\x08, then the archive with offsets from the file's start.
    let zip = insert(&build(&[file("a", b"1")], b""), 0, &spec::SIG_DESCRIPTOR.to_le_bytes());
    let r = inspect_bytes(&zip, &Options::default()).unwrap();
    assert!(codes(&r).is_empty(), "{:?}", codes(&r));
    assert!(r.entries.iter().all(|e| e.verified));
    // apksigner: zeros, then the signing block (one pair), right before the central directory.
    let pair = [&12u64.to_le_bytes()[..], &0x7109_871au32.to_le_bytes(), b"signers!"].concat();
    let size = (pair.len() + 24) as u64;
    let block = [&[0u8; 5][..], &size.to_le_bytes(), &pair, &size.to_le_bytes(), b"APK Sig Block 42"].concat();
    let plain = build(&[file("a", b"1")], b"");
    let signed = insert(&plain, 30 + 1 + 1, &block);
    assert!(codes(&inspect_bytes(&signed, &Options::default()).unwrap()).is_empty());
    let mut not_a_block = block.clone();
    not_a_block[block.len() - 1] = b'3';
    let unsigned = insert(&plain, 30 + 1 + 1, &not_a_block);
    assert_eq!(codes(&inspect_bytes(&unsigned, &Options::default()).unwrap()), ["zip.unaccounted_bytes"]);
}

#[test]
fn the_first_piece_of_a_split_archive_is_no_archive_and_says_which_piece() {
    let zip = build(&[file("a", b"1"), file("b", b"2")], b"");
    let first_piece = [&spec::SIG_DESCRIPTOR.to_le_bytes()[..], &zip[..40]].concat();
    let r = inspect_bytes(&first_piece, &Options::default()).unwrap();
    assert_eq!(codes(&r), ["zip.not_a_zip"]);
    assert!(r.findings[0].message.contains("the first piece of a split archive"), "{}", r.findings[0].message);
    let r = inspect_bytes(&zip[..40], &Options::default()).unwrap();
    assert!(r.findings[0].message.contains("not a ZIP archive, or truncated"), "{}", r.findings[0].message);
}

/// `zip` (as [`build`] writes it, no comment) with `bytes` inserted at `at`, before the central directory:
/// the offsets past `at` moved along.
fn insert(zip: &[u8], at: usize, bytes: &[u8]) -> Vec<u8> {
    let u32_at = |z: &[u8], i: usize| u32::from_le_bytes(z[i..i + 4].try_into().unwrap()) as usize;
    let mut out = [&zip[..at], bytes, &zip[at..]].concat();
    let eocd = out.len() - 22;
    let cd = u32_at(&out, eocd + 16);
    out[eocd + 16..eocd + 20].copy_from_slice(&((cd + bytes.len()) as u32).to_le_bytes());
    let mut record = cd + bytes.len();
    while record < eocd {
        let offset = u32_at(&out, record + 42);
        if offset >= at {
            out[record + 42..record + 46].copy_from_slice(&((offset + bytes.len()) as u32).to_le_bytes());
        }
        let name_len = u16::from_le_bytes([out[record + 28], out[record + 29]]) as usize;
        record += 46 + name_len;
    }
    out
}

#[test]
fn special_files_setuid_and_symlinks() {
    let zip = build(
        &[
            Spec {
                name: "fifo",
                data: b"",
                deflate: false,
                mode: 0o010_644,
                ..file("", b"")
            },
            Spec {
                name: "su",
                data: b"x",
                deflate: false,
                mode: 0o104_755,
                ..file("", b"")
            },
            Spec {
                name: "lib",
                data: b"../../etc",
                deflate: false,
                mode: 0o120_777,
                ..file("", b"")
            },
            file("lib/passwd", b"x"),
        ],
        b"",
    );
    let r = inspect_bytes(&zip, &Options::default()).unwrap();
    let mut got = codes(&r);
    got.sort();
    assert_eq!(
        got,
        [
            "zip.path_through_symlink",
            "zip.setuid",
            "zip.special_file",
            "zip.symlink_escape"
        ]
    );
    assert_eq!(r.entries[2].symlink_target.as_deref(), Some("../../etc"));
}

#[test]
fn nested_archives_are_inspected_with_their_path() {
    let inner = build(&[file("../evil", b"x")], b"");
    let middle = build(&[file("inner.zip", &inner)], b"");
    let outer = build(
        &[Spec {
            name: "middle.zip",
            data: &middle,
            deflate: true,
            mode: 0o100_644,
            ..file("", b"")
        }],
        b"",
    );
    let r = inspect_bytes(&outer, &Options::default()).unwrap();
    let f = r
        .findings
        .iter()
        .find(|f| f.code == "zip.path_traversal")
        .expect("nested traversal");
    assert_eq!(f.path, "middle.zip!inner.zip!../evil");
    let shallow = Options {
        limits: Limits {
            max_depth: 1,
            ..Limits::default()
        },
        ..Options::default()
    };
    let r = inspect_bytes(&outer, &shallow).unwrap();
    assert_eq!(codes(&r), ["zip.nesting_depth"]);
    assert_eq!(r.findings[0].path, "middle.zip!inner.zip");
}

#[test]
fn limits_stop_the_work() {
    let big = vec![0u8; 4 << 20];
    let zip = build(
        &[
            Spec {
                name: "zeros",
                data: &big,
                deflate: true,
                mode: 0o100_644,
                ..file("", b"")
            },
            file("b", b"1"),
            file("c", b"2"),
        ],
        b"",
    );
    // 4 MiB of zeros, deflated ~1000:1: within the archive's allowance for such data, verified, reported low.
    let r = inspect_bytes(&zip, &Options::default()).unwrap();
    assert_eq!(codes(&r), ["zip.compression_ratio"]);
    assert_eq!(r.findings[0].severity, Severity::Low);
    assert_eq!(r.totals.verified_bytes, (4 << 20) + 2);
    let sparse = Options {
        limits: Limits {
            max_high_ratio_size: 1 << 20,
            ..Limits::default()
        },
        ..Options::default()
    };
    let r = inspect_bytes(&zip, &sparse).unwrap();
    assert_eq!(codes(&r), ["zip.compression_ratio"]);
    assert_eq!(r.findings[0].severity, Severity::Critical);
    assert_eq!(r.totals.verified_bytes, 2);
    let few = Options {
        limits: Limits {
            max_entries: 2,
            ..Limits::default()
        },
        ..Options::default()
    };
    assert_eq!(codes(&inspect_bytes(&zip, &few).unwrap()), ["zip.too_many_entries"]);
    let small = Options {
        limits: Limits {
            max_total_size: 1 << 20,
            ..Limits::default()
        },
        ..Options::default()
    };
    assert_eq!(
        codes(&inspect_bytes(&zip, &small).unwrap()),
        ["zip.total_size_limit", "zip.compression_ratio"]
    );
    // Padding then data (a firmware image): the ratio passes 200:1 while the padding inflates, and the entry
    // is charged for it; over the whole entry it is below the limit, so nothing is reported.
    let mut padded = vec![0xffu8; 4 << 20];
    let mut x = 0x9e37_79b9_u32;
    padded.extend((0..96 << 10).map(|_| {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        x as u8
    }));
    let firmware = build(
        &[Spec {
            name: "fw.bin",
            data: &padded,
            deflate: true,
            mode: 0o100_644,
            ..file("", b"")
        }],
        b"",
    );
    let r = inspect_bytes(&firmware, &Options::default()).unwrap();
    assert_eq!(codes(&r), Vec::<&str>::new());
    assert_eq!(r.totals.verified_bytes, padded.len() as u64);
    let r = inspect_bytes(&firmware, &sparse).unwrap();
    assert_eq!(codes(&r), ["zip.compression_ratio"]);
    assert_eq!(r.findings[0].severity, Severity::Critical);
    let texts = build(
        &[Spec {
            name: "t",
            data: &b"0123456789abcdef".repeat(1 << 17),
            deflate: true,
            mode: 0o100_644,
            ..file("", b"")
        }],
        b"",
    );
    let slow = Options {
        limits: Limits {
            max_time: std::time::Duration::ZERO,
            ..Limits::default()
        },
        ..Options::default()
    };
    assert_eq!(codes(&inspect_bytes(&texts, &slow).unwrap()), ["zip.time_limit"]);
}

#[test]
fn a_big_deflated_entry_is_hashed_on_a_second_thread_with_the_same_results() {
    // Above the pipeline thresholds (32 MiB inflated, 4 MiB compressed): incompressible bytes.
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    let data: Vec<u8> = (0..(33usize << 20) / 8)
        .flat_map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state.to_le_bytes()
        })
        .collect();
    let mut zip = build(
        &[Spec {
            name: "image.bin",
            data: &data,
            deflate: true,
            mode: 0o100_644,
            ..file("", b"")
        }],
        b"",
    );
    let r = inspect_bytes(&zip, &Options::default()).unwrap();
    assert_eq!(codes(&r), Vec::<&str>::new());
    assert!(r.entries[0].verified);
    assert_eq!(r.entries[0].digests[0].1, hex::encode(Sha256::digest(&data)));
    // The CRC computed on the other thread is checked like any other: damage the declared one (local
    // header and central directory alike).
    let crc = crc32fast::hash(&data).to_le_bytes();
    let wrong = (crc32fast::hash(&data) ^ 1).to_le_bytes();
    for at in 0..zip.len() - 3 {
        if zip[at..at + 4] == crc {
            zip[at..at + 4].copy_from_slice(&wrong);
        }
    }
    let r = inspect_bytes(&zip, &Options::default()).unwrap();
    assert_eq!(codes(&r), ["zip.crc_mismatch"]);
    assert!(r.entries[0].digests.is_empty());
}

#[test]
fn overlapping_entries_full_and_quoted() {
    // Two central records pointing at the same local header: a full overlap.
    let mut zip = build(&[file("a", b"1"), file("b", b"2")], b"");
    let cd = zip.len() - 22 - 2 * (46 + 1);
    let second_offset = cd + 46 + 1 + 42;
    zip[second_offset..second_offset + 4].copy_from_slice(&0u32.to_le_bytes());
    let r = inspect_bytes(&zip, &Options::default()).unwrap();
    let kinds: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.code == "zip.overlapping_entries")
        .map(|f| f.evidence.clone())
        .collect();
    assert_eq!(kinds.len(), 1);
    assert!(kinds[0].contains(&("kind", Evidence::Text("full".into()))));
    assert!(codes(&r).contains(&"zip.local_header_mismatch"));
    // Overlapping entries are not inflated: n entries quoting one stream must not cost n inflations.
    assert!(r.entries.iter().all(|e| !e.verified));
    assert_eq!(r.totals.verified_bytes, 0);
}

#[test]
fn two_end_records_that_both_fit_are_ambiguous() {
    // The real archive's comment is itself an empty archive's end record: readers that take the last
    // signature see no entries, readers that want the first exact fit see "a".
    let mut empty_eocd = spec::SIG_EOCD.to_le_bytes().to_vec();
    empty_eocd.extend_from_slice(&[0; 18]);
    let zip = build(&[file("a", b"1")], &empty_eocd);
    let r = inspect_bytes(&zip, &Options::default()).unwrap();
    assert_eq!(codes(&r)[0], "zip.eocd_ambiguous");
    assert_eq!(r.findings[0].severity, Severity::Critical);
}

#[test]
fn an_unneeded_zip64_record_describing_another_directory_is_ambiguous() {
    // Go ignores a ZIP64 locator when no classic field is saturated; CPython follows it. Insert a valid
    // ZIP64 record (an empty directory) and its locator before a classic end record that lists "a".
    let zip = build(&[file("a", b"1")], b"");
    let eocd_at = zip.len() - 22;
    let mut out = zip[..eocd_at].to_vec();
    let record_at = out.len() as u64;
    out.extend_from_slice(&spec::SIG_ZIP64_EOCD.to_le_bytes());
    out.extend_from_slice(&44u64.to_le_bytes());
    out.extend_from_slice(&[45, 3, 45, 0]);
    out.extend_from_slice(&[0; 8]); // disks
    out.extend_from_slice(&[0; 32]); // entries (twice), directory size and offset: an empty archive
    out.extend_from_slice(&spec::SIG_ZIP64_LOCATOR.to_le_bytes());
    out.extend_from_slice(&0u32.to_le_bytes());
    out.extend_from_slice(&record_at.to_le_bytes());
    out.extend_from_slice(&1u32.to_le_bytes());
    out.extend_from_slice(&zip[eocd_at..]);
    let r = inspect_bytes(&out, &Options::default()).unwrap();
    assert_eq!(codes(&r)[0], "zip.eocd_ambiguous");
    assert_eq!(r.entries.len(), 1);
}

/// Drive a parser over `zip` by hand, as a caller that owns the I/O does: the ranges it asked for, and
/// what it found.
fn drive_by_hand(zip: &[u8]) -> (Vec<(u64, u64)>, Structure) {
    let mut parser = Parser::new(zip.len() as u64, &Limits::default());
    let mut asked = Vec::new();
    while let Step::Need { offset, len } = parser.step() {
        asked.push((offset, len));
        let end = (offset + len).min(zip.len() as u64) as usize;
        parser.feed(&zip[offset.min(zip.len() as u64) as usize..end]);
    }
    (asked, parser.finish())
}

#[test]
fn the_parser_reads_a_descriptor_as_wide_as_the_local_header_says() {
    let text = b"streamed ".repeat(300);
    for zip64_local in [false, true] {
        let zip = build(
            &[Spec {
                deflate: true,
                descriptor: true,
                zip64_local,
                ..file("a", &text)
            }],
            b"",
        );
        let (asked, s) = drive_by_hand(&zip);
        // Tail, central directory, the local header, then the descriptor right after the data.
        assert_eq!(asked.len(), 4, "{asked:?}");
        let e = &s.entries[0];
        assert_eq!(asked[3].0, e.data_offset + e.compressed_size);
        assert!(s.findings.is_empty(), "zip64_local {zip64_local}: {:?}", s.findings);
    }
}

#[test]
fn the_parser_reads_past_a_wrapped_count_to_the_end_of_the_directory() {
    let names: Vec<String> = (0..65_540).map(|i| format!("{i:05}")).collect();
    let specs: Vec<Spec<'_>> = names.iter().map(|n| file(n, b"")).collect();
    let zip = build(&specs, b""); // the 16-bit counts say 4
    let (_, s) = drive_by_hand(&zip);
    assert_eq!(s.entries.len(), 65_540);
    let codes: Vec<_> = s.findings.iter().map(|f| (f.code, f.severity)).collect();
    assert_eq!(codes, [("zip.entry_count_wrapped", Severity::Low)]);
}

/// Overwrite a little-endian field of `name`'s local header and central record alike; `local_at` is the
/// field's offset in the local header (the central record has it 2 bytes later).
fn set_both(zip: &mut [u8], name: &str, local_at: usize, value: &[u8]) {
    let at = zip.windows(name.len()).enumerate().filter(|(_, w)| *w == name.as_bytes());
    for p in at.map(|(i, _)| i).collect::<Vec<_>>() {
        let base = if p >= 30 && zip[p - 30..p - 26] == spec::SIG_LOCAL.to_le_bytes() {
            p - 30 + local_at
        } else if p >= 46 && zip[p - 46..p - 42] == spec::SIG_CENTRAL.to_le_bytes() {
            p - 46 + local_at + 2
        } else {
            continue;
        };
        zip[base..base + value.len()].copy_from_slice(value);
    }
}

#[test]
fn a_stream_only_a_lenient_inflater_accepts_is_corrupt_data() {
    // Found by fuzzing a libdeflate fast path (since removed): libdeflate inflates these 16 bytes to 1,033
    // bytes with this CRC, but zlib (and so Python's zipfile and most extractors) stops after 517 with
    // "invalid distance code". An entry some extractors cannot write is not verified.
    let stream = b"\xed\xc0\x81\x08\x00\x00\x00\xc0\x30\xd6\xfb\x4b\x5c\x64\x0b\x64";
    let mut zip = build(&[file("a", stream)], b"");
    set_both(&mut zip, "a", 8, &8u16.to_le_bytes()); // method: deflate
    set_both(&mut zip, "a", 14, &0xbb38_1ee2u32.to_le_bytes()); // CRC-32 of libdeflate's output
    set_both(&mut zip, "a", 22, &1033u32.to_le_bytes()); // uncompressed size
    let r = inspect_bytes(&zip, &Options::default()).unwrap();
    assert_eq!(codes(&r), ["zip.corrupt_data"]);
    assert!(!r.entries[0].verified);
}

#[test]
fn an_end_record_after_the_archive_with_a_comment_longer_than_the_file_is_high() {
    // CPython takes the last signature in the tail for the end record; Go the last one whose comment fits.
    let mut zip = build(&[file("a", b"1")], b"");
    zip.extend_from_slice(&spec::SIG_EOCD.to_le_bytes());
    zip.extend_from_slice(&[0; 16]);
    zip.extend_from_slice(&1000u16.to_le_bytes());
    let r = inspect_bytes(&zip, &Options::default()).unwrap();
    let found: Vec<_> = r.findings.iter().map(|f| (f.code, f.severity)).collect();
    assert!(found.contains(&("zip.eocd_comment_length", Severity::High)), "{found:?}");
}
