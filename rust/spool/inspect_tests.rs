//! The inspector reading a spool file: with direct I/O, and taking the records of the walk behind the
//! writer, the report is the one a plain read of the same file gives.

use super::testing::{random_bytes, ScratchDir};
use super::{inspect_path_direct, SpoolWriter};
use crate::zip::tests::{build, file, Spec};
use crate::zip::{self, Options, Report};

fn codes(r: &Report) -> Vec<&'static str> {
    r.findings.iter().map(|f| f.code).collect()
}

#[test]
fn direct_io_reads_give_the_same_report_as_buffered_reads() {

    // Entries that cross the direct source's blocks, many small ones verified from its read-ahead, a
    // nested archive read in place, and a corrupted entry, so the report has findings too.
    let stored = random_bytes((5 << 20) + 333, 1);
    let text = b"the quick brown fox jumps over the lazy dog\n".repeat(70_000);
    let inner = build(&[file("inner.txt", b"nested")], b"");
    let smalls: Vec<(String, Vec<u8>)> = (0..400)
        .map(|i| (format!("small/{i:03}.bin"), random_bytes(100 + i * 37, i as u64)))
        .collect();
    let mut specs = vec![
        file("big.bin", &stored),
        Spec {
            name: "text.txt",
            data: &text,
            deflate: true,
            mode: 0o100_644,
            ..file("", b"")
        },
        file("inner.zip", &inner),
        file("corrupt.bin", b"these bytes will not match their CRC"),
    ];
    specs.extend(smalls.iter().map(|(name, data)| file(name, data)));
    let mut zip = build(&specs, b"comment");
    let corrupt_at = zip
        .windows(8)
        .position(|w| w == b"these by")
        .unwrap();
    zip[corrupt_at] ^= 0xff;

    let dir = ScratchDir::new();
    let path = dir.join("archive.zip");
    // Spooled as the service does: direct writes in odd-sized pieces.
    let mut writer =
        SpoolWriter::create(&path, &[crate::digest::Algorithm::Sha256], true, &[]).unwrap();
    for piece in zip.chunks(1_000_003) {
        writer.write(piece).unwrap();
    }
    writer.finish().unwrap();

    let options = Options {
        digests: vec![crate::digest::Algorithm::Sha256, crate::digest::Algorithm::Blake3],
        ..Options::default()
    };
    let buffered = zip::inspect_path(&path, &options).unwrap();
    let direct = inspect_path_direct(&path, &options).unwrap();
    assert_eq!(format!("{direct:?}"), format!("{buffered:?}"));
    assert!(codes(&buffered).contains(&"zip.crc_mismatch"), "{:?}", codes(&buffered));
    assert_eq!(buffered.entries.len(), 404);
    assert!(buffered.entries[0].verified);
    assert_eq!(buffered.totals.verified_bytes, direct.totals.verified_bytes);
}

#[test]
fn a_spool_walked_behind_its_writer_gives_the_same_report() {
    use crate::digest::Algorithm;

    // A corrupted small entry and a 9 MiB one inside the first two 8 MiB buffers (walked before
    // `finish`), then entries the walk does not reach: deflated text, a second big one, small ones.
    let first = random_bytes(9 << 20, 1);
    let second = random_bytes(9 << 20, 2);
    let text = b"the quick brown fox jumps over the lazy dog\n".repeat(10_000);
    let specs = [
        file("corrupt.bin", b"these bytes will not match their CRC"),
        file("first.bin", &first),
        Spec {
            deflate: true,
            ..file("text.txt", &text)
        },
        file("second.bin", &second),
        file("tail.bin", b"tail"),
    ];
    let mut zip = build(&specs, b"");
    let corrupt_at = zip.windows(8).position(|w| w == b"these by").unwrap();
    zip[corrupt_at] ^= 0xff;

    let dir = ScratchDir::new();
    let path = dir.join("walked.zip");
    let options = Options {
        digests: vec![Algorithm::Sha256],
        ..Options::default()
    };
    let mut writer = SpoolWriter::create(&path, &[Algorithm::Sha256], true, &options.digests).unwrap();
    for piece in zip.chunks(999_983) {
        writer.write(piece).unwrap();
    }
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while writer.walked() < 16 << 20 && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    writer.finish().unwrap();
    let streamed = writer.streamed().unwrap();
    assert_eq!(streamed.len(), 2, "the corrupted entry and the first big one");
    let plain = inspect_path_direct(&path, &options).unwrap();
    let walked = Options {
        streamed: Some(std::sync::Arc::new(streamed)),
        ..options
    };
    let reused = inspect_path_direct(&path, &walked).unwrap();
    assert_eq!(format!("{reused:?}"), format!("{plain:?}"));
    assert_eq!(codes(&plain), ["zip.crc_mismatch"]);
}
