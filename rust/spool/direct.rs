//! [`DirectSource`]: a file read with `O_DIRECT` for the ZIP inspector, through a [`BlockCache`] of
//! aligned blocks with read-ahead; plain `pread` where the filesystem refuses direct I/O.

use std::fs::File;
use std::io;
use std::path::Path;

use super::blocks::BlockCache;
use super::enable_direct;
use crate::error::{Error, Result};
use crate::zip::{self, FileSource, Options, Report, Source};

/// [`zip::inspect_path`] reading with `O_DIRECT` ([`DirectSource`]): for a spool file written past the page
/// cache, which a buffered read would pull into it for nothing. Falls back to buffered reads where the
/// filesystem has no direct I/O; the report is the same either way.
pub fn inspect_path_direct(path: &Path, options: &Options) -> Result<Report> {
    let source = DirectSource::open(path).map_err(|e| Error::io(path, e))?;
    zip::inspect_source_at(path, &source, options)
}

/// A file read with `O_DIRECT` through a block cache, or with plain `pread` when its filesystem refuses
/// direct I/O. Like [`FileSource`], its length is taken at open.
pub struct DirectSource {
    plain: FileSource,
    /// `None`: the filesystem refused `O_DIRECT`, so reads go through the page cache as [`FileSource`]'s.
    cache: Option<BlockCache>,
}

impl DirectSource {
    pub fn open(path: &Path) -> io::Result<DirectSource> {
        let plain = FileSource::from_file(File::open(path)?)?;
        let cache = if enable_direct(plain.file())? {
            Some(BlockCache::new(plain.file(), plain.len())?)
        } else {
            None
        };
        Ok(DirectSource { plain, cache })
    }

    /// Whether reads bypass the page cache.
    pub fn is_direct(&self) -> bool {
        self.cache.is_some()
    }
}

impl Source for DirectSource {
    fn len(&self) -> u64 {
        self.plain.len()
    }

    fn read_at(&self, offset: u64, buf: &mut [u8]) -> io::Result<usize> {
        let Some(cache) = &self.cache else {
            return self.plain.read_at(offset, buf);
        };
        let want = self.len().saturating_sub(offset).min(buf.len() as u64) as usize;
        let mut done = 0;
        while done < want {
            let pos = offset + done as u64;
            let block = cache.take(pos, want - done)?;
            let bytes = block.bytes();
            let from = ((pos - block.start) as usize).min(bytes.len());
            let n = (bytes.len() - from).min(want - done);
            buf[done..done + n].copy_from_slice(&bytes[from..from + n]);
            cache.put_back(block);
            if n == 0 {
                break; // the file is shorter than it was at open
            }
            done += n;
        }
        Ok(done)
    }
}

#[cfg(test)]
mod tests {
    use rayon::prelude::*;

    use super::*;
    use crate::spool::aligned::ALIGN;
    use crate::spool::blocks::{BLOCK, FIRST_READ};
    use crate::spool::testing::{random_bytes, ScratchDir};

    /// A file of `len` random bytes and the bytes.
    fn sample(dir: &ScratchDir, len: usize) -> (std::path::PathBuf, Vec<u8>) {
        let path = dir.join(&format!("sample-{len}"));
        let data = random_bytes(len, len as u64);
        std::fs::write(&path, &data).unwrap();
        (path, data)
    }

    /// What a plain read of `data` gives for `len` bytes at `offset`.
    fn expected(data: &[u8], offset: u64, len: usize) -> &[u8] {
        let start = (offset as usize).min(data.len());
        &data[start..(start + len).min(data.len())]
    }

    fn read(source: &DirectSource, offset: u64, len: usize) -> Vec<u8> {
        let mut buf = vec![0xAA; len];
        let n = source.read_at(offset, &mut buf).unwrap();
        buf.truncate(n);
        buf
    }

    /// Offsets and lengths around every alignment that matters: blocks, first reads, the end.
    fn ranges(len: u64) -> Vec<(u64, usize)> {
        let mut points = vec![
            0,
            1,
            ALIGN as u64 - 1,
            ALIGN as u64,
            12_345,
            FIRST_READ as u64 + 7,
        ];
        for k in 1..=(len / BLOCK as u64) {
            let b = k * BLOCK as u64;
            points.extend([b - 1, b, b + 1, b - 3000]);
        }
        points.extend([
            len.saturating_sub(5000),
            len.saturating_sub(1),
            len,
            len + 1,
            len + 1_000_000,
        ]);
        let lengths = [
            0,
            1,
            22,
            4095,
            4096,
            4097,
            65_557,
            256 << 10,
            BLOCK + 3,
            3 * BLOCK + 5,
        ];
        points
            .iter()
            .flat_map(|&p| lengths.iter().map(move |&l| (p, l)))
            .collect()
    }

    fn check_ranges(dir: &ScratchDir, len: usize) -> bool {
        let (path, data) = sample(dir, len);
        let source = DirectSource::open(&path).unwrap();
        assert_eq!(source.len(), len as u64);
        for (offset, n) in ranges(len as u64) {
            assert!(
                read(&source, offset, n) == expected(&data, offset, n),
                "{n} bytes at {offset} of {len}"
            );
        }
        // Sequential 256 KiB reads, as a worker streams an entry, from an unaligned start.
        let mut pos = 777u64;
        while pos < len as u64 {
            let got = read(&source, pos, 256 << 10);
            assert!(got == expected(&data, pos, 256 << 10), "streaming at {pos}");
            pos += got.len() as u64;
        }
        source.is_direct()
    }

    #[test]
    fn any_range_reads_as_a_plain_read_would() {
        let dir = ScratchDir::new();
        for len in [0, 1, ALIGN - 1, ALIGN, BLOCK, BLOCK + 1, 5 * BLOCK + 12_345] {
            check_ranges(&dir, len);
        }
        // On ext4 (the temporary directory here) the direct path is the one tested.
        let (path, _) = sample(&dir, 10);
        let probe = File::open(&path).unwrap();
        assert_eq!(
            DirectSource::open(&path).unwrap().is_direct(),
            enable_direct(&probe).unwrap()
        );
    }

    #[test]
    fn tmpfs_reads_the_same_bytes() {
        let shm = Path::new("/dev/shm");
        if shm.is_dir() {
            let dir = ScratchDir::under(shm);
            check_ranges(&dir, 3 * BLOCK + 5);
        }
    }

    #[test]
    fn parallel_readers_get_their_own_bytes() {
        let dir = ScratchDir::new();
        let len = 9 * BLOCK + 4321;
        let (path, data) = sample(&dir, len);
        let source = DirectSource::open(&path).unwrap();
        // Several streams at once, interleaved across threads, each in 256 KiB pieces.
        (0..16u64).into_par_iter().for_each(|stream| {
            let mut pos = stream * 555_555 % len as u64;
            for _ in 0..12 {
                let got = read(&source, pos, 256 << 10);
                assert!(
                    got == expected(&data, pos, 256 << 10),
                    "stream {stream} at {pos}"
                );
                pos += got.len() as u64;
            }
        });
        assert!(source.cache.as_ref().unwrap().idle() <= source.cache.as_ref().unwrap().keep());
    }

    #[test]
    fn a_source_dropped_while_reading_ahead_closes_promptly() {
        let dir = ScratchDir::new();
        let (path, data) = sample(&dir, 12 * BLOCK);
        for _ in 0..20 {
            let source = DirectSource::open(&path).unwrap();
            // Two pieces in a row: the second continues the first, so blocks are being read ahead.
            assert!(read(&source, 0, 300_000) == data[..300_000]);
            assert!(read(&source, 300_000, 300_000) == data[300_000..600_000]);
        }
    }

    #[test]
    fn a_directory_is_refused_as_open_would() {
        let dir = ScratchDir::new();
        let err = DirectSource::open(&dir.join("")).err().unwrap();
        assert_eq!(err.raw_os_error(), Some(libc::EISDIR));
    }
}
