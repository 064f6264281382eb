//! Hashing a file by path or any reader.
//!
//! Regular files above [`MMAP_MIN`] are memory-mapped, as `b3sum` does: the hashers read the page cache
//! directly, with no copy. The mapping is walked in [`WINDOW`]-sized windows and each window is dropped
//! from the process (`MADV_DONTNEED`) once hashed, so resident memory stays near one window whatever the
//! file's size. Pipes, special files and small or empty files take the plain-read path.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

use memmap2::{Advice, Mmap, UncheckedAdvice};

use super::{Algorithm, MultiDigest};
use crate::error::{Error, Result};

/// Below this, mapping costs more than reading (the `b3sum` threshold).
const MMAP_MIN: u64 = 16 * 1024;
/// Bytes hashed between progress reports and released from the mapping at a time (two windows are
/// resident at most: the one being hashed and the next, being faulted in). A multiple of every
/// page size in use (4 KiB, 16 KiB, 64 KiB), large enough for BLAKE3's multithreaded path to scale.
const WINDOW: usize = 32 * 1024 * 1024;
/// Plain-read buffer: large enough that several digests run in parallel on each fill.
const READ_BUFFER: usize = 4 * 1024 * 1024;

/// Called with the number of bytes hashed so far.
pub type Progress<'a> = &'a mut dyn FnMut(u64);

/// Hash the file at `path` into `digest`.
pub fn hash_path(path: &Path, digest: &mut MultiDigest, progress: Progress<'_>) -> Result<()> {
    let file = File::open(path).map_err(|e| Error::io(path, e))?;
    let meta = file.metadata().map_err(|e| Error::io(path, e))?;
    // A directory opens on Unix; the first read then fails with EISDIR, which names it precisely.
    if meta.is_file() && meta.len() >= MMAP_MIN {
        if let Some(map) = map_file(&file) {
            hash_mapping(&map, digest, progress);
            return Ok(());
        }
    }
    hash_reader(file, digest, progress).map_err(|e| match e {
        Error::Io { path: None, source } => Error::io(path, source),
        other => other,
    })
}

/// Hash everything `reader` yields into `digest`.
pub fn hash_reader<R: Read>(mut reader: R, digest: &mut MultiDigest, progress: Progress<'_>) -> Result<()> {
    let mut buf = vec![0u8; READ_BUFFER];
    let mut since_report = 0usize;
    loop {
        let filled = fill(&mut reader, &mut buf)?;
        if filled == 0 {
            break;
        }
        digest.update(&buf[..filled]);
        since_report += filled;
        if since_report >= WINDOW {
            since_report = 0;
            progress(digest.bytes_hashed());
        }
    }
    progress(digest.bytes_hashed());
    Ok(())
}

/// Read until `buf` is full or the reader is at its end; a short read from a pipe is not the end.
fn fill<R: Read>(reader: &mut R, buf: &mut [u8]) -> io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match reader.read(&mut buf[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        }
    }
    Ok(filled)
}

fn map_file(file: &File) -> Option<Mmap> {
    // SAFETY: the mapping is read-only and private to this call. If another process truncates the file
    // while it is mapped, reads past the new end fault (SIGBUS); `b3sum` accepts the same risk, and the
    // service only maps spool files it owns. Mapping failures fall back to plain reads.
    let map = unsafe { Mmap::map(file) }.ok()?;
    let _ = map.advise(Advice::Sequential);
    Some(map)
}

fn hash_mapping(map: &Mmap, digest: &mut MultiDigest, progress: Progress<'_>) {
    let window = |offset: usize| offset..(offset + WINDOW).min(map.len());
    // BLAKE3 alone already keeps every core busy; prefaulting beside it only steals a worker from it.
    let prefetch = digest.algorithms() != [Algorithm::Blake3];
    let prefault = |range| if prefetch { prefault(map, range) };
    prefault(window(0));
    let mut offset = 0usize;
    while offset < map.len() {
        let current = window(offset);
        let end = current.end;
        // Fault in the next window on another core while this one is hashed: page-table work
        // otherwise stalls the hasher (SHA-256 alone runs ~10% slower without it).
        rayon::join(|| digest.update(&map[current.clone()]), || prefault(window(end)));
        // SAFETY: no reference into this window outlives the `update` above. For a read-only shared
        // file mapping, MADV_DONTNEED only drops the resident pages; a later access would re-read them
        // from the file. `offset` is a multiple of WINDOW and so page-aligned.
        let _ = unsafe { map.unchecked_advise_range(UncheckedAdvice::DontNeed, offset, end - offset) };
        offset = end;
        progress(offset as u64);
    }
}

/// Map a window's pages in advance (MADV_POPULATE_READ, Linux 5.14+); a no-op where unsupported.
fn prefault(map: &Mmap, range: std::ops::Range<usize>) {
    #[cfg(target_os = "linux")]
    if !range.is_empty() {
        let _ = map.advise_range(Advice::PopulateRead, range.start, range.len());
    }
    #[cfg(not(target_os = "linux"))]
    let _ = (map, range);
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn digests_of(data: &[u8]) -> Vec<(Algorithm, String)> {
        let mut d = MultiDigest::new(&Algorithm::ALL).unwrap();
        d.update(data);
        d.hexdigests()
    }

    #[test]
    fn mapped_and_read_paths_agree_at_the_edges() {
        let dir = std::env::temp_dir().join(format!("shipgate-digest-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        for len in [0usize, 1, MMAP_MIN as usize - 1, MMAP_MIN as usize, 65_535, 65_536, 65_537, (1 << 20) + 7] {
            let data: Vec<u8> = (0..len).map(|i| (i * 31 % 251) as u8).collect();
            let path = dir.join(format!("f{len}"));
            File::create(&path).unwrap().write_all(&data).unwrap();
            let mut d = MultiDigest::new(&Algorithm::ALL).unwrap();
            let mut reports = Vec::new();
            hash_path(&path, &mut d, &mut |n| reports.push(n)).unwrap();
            assert_eq!(d.hexdigests(), digests_of(&data), "len {len}");
            assert_eq!(d.bytes_hashed(), len as u64);
            if len > 0 {
                assert_eq!(reports.last(), Some(&(len as u64)));
            }
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn directories_and_missing_files_are_io_errors_naming_the_path() {
        let mut d = MultiDigest::new(&[Algorithm::Sha256]).unwrap();
        let err = hash_path(Path::new("/"), &mut d, &mut |_| {}).unwrap_err();
        assert!(err.to_string().starts_with("/: "), "{err}");
        let err = hash_path(Path::new("/no/such/file"), &mut d, &mut |_| {}).unwrap_err();
        assert!(matches!(err, Error::Io { path: Some(_), .. }));
    }

    #[test]
    fn reader_with_short_reads() {
        struct Trickle<'a>(&'a [u8]);
        impl Read for Trickle<'_> {
            fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
                let n = self.0.len().min(buf.len()).min(7);
                buf[..n].copy_from_slice(&self.0[..n]);
                self.0 = &self.0[n..];
                Ok(n)
            }
        }
        let data = vec![42u8; 100_003];
        let mut d = MultiDigest::new(&Algorithm::ALL).unwrap();
        hash_reader(Trickle(&data), &mut d, &mut |_| {}).unwrap();
        assert_eq!(d.hexdigests(), digests_of(&data));
    }
}
