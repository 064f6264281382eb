//! [`DirectSource`]: a file read with `O_DIRECT` for the ZIP inspector.
//!
//! Direct reads must be aligned in address, offset and length, and each one goes to the device, so small
//! reads are slow (256 KiB requests measured 0.75 GB/s here, 1-2 MiB requests 1.3-1.4 GB/s). The
//! inspector asks for 256 KiB pieces of each entry and small header windows at arbitrary offsets, so reads
//! go through a cache of aligned blocks: a request that continues where a cached block ends is read as a
//! whole [`BLOCK`], any other as [`FIRST_READ`] or just enough to cover it. A parser visiting local headers
//! megabytes apart thus reads a little around each, and a worker streaming an entry reads [`BLOCK`]s.
//!
//! The cache belongs to the source, not to each thread: rayon workers verifying different entries check
//! out their own blocks (so they do not evict each other), the blocks are found again by whichever thread
//! reads next from them, and their memory is freed with the source rather than held by every thread of
//! the pool for the life of the process.

use std::fs::File;
use std::io;
use std::os::unix::fs::FileExt;
use std::path::Path;
use std::sync::{Mutex, MutexGuard};

use super::aligned::{align_down, align_up, AlignedBuf, ALIGN};
use super::enable_direct;
use crate::zip::{FileSource, Source};

/// Read when a request continues a cached block: large enough for the device's full rate.
const BLOCK: usize = 2 << 20;
/// The least read for a request that continues nothing: the size of the inspector's header window and
/// read-ahead, so one read serves them.
const FIRST_READ: usize = 256 << 10;
/// Idle blocks kept beyond the reader threads: the parser and a nested archive's reads besides the
/// workers'.
const SPARE_BLOCKS: usize = 2;

/// A file read with `O_DIRECT` through a block cache, or with plain `pread` when its filesystem refuses
/// direct I/O. Like [`FileSource`], its length is taken at open.
pub struct DirectSource {
    plain: FileSource,
    /// `None`: the filesystem refused `O_DIRECT`, so reads go through the page cache as [`FileSource`]'s.
    cache: Option<Blocks>,
}

/// Idle blocks, least recently used first. A block in use is taken out, so its reader copies from it
/// without holding the lock.
struct Blocks {
    idle: Mutex<Vec<Block>>,
    keep: usize,
}

/// `valid` bytes of the file from `start` (aligned), in `buf`.
struct Block {
    buf: AlignedBuf,
    start: u64,
    valid: usize,
}

impl Block {
    fn end(&self) -> u64 {
        self.start + self.valid as u64
    }
}

impl DirectSource {
    pub fn open(path: &Path) -> io::Result<DirectSource> {
        let plain = FileSource::from_file(File::open(path)?)?;
        let cache = enable_direct(plain.file())?.then(|| Blocks {
            idle: Mutex::new(Vec::new()),
            keep: rayon::current_num_threads() + SPARE_BLOCKS,
        });
        Ok(DirectSource { plain, cache })
    }

    /// Whether reads bypass the page cache.
    pub fn is_direct(&self) -> bool {
        self.cache.is_some()
    }

    /// A block holding `pos`, taken out of the cache, or read from the file: `rest` is how much of the
    /// request remains from `pos`.
    fn take_block(&self, blocks: &Blocks, pos: u64, rest: usize) -> io::Result<Block> {
        let start = align_down(pos);
        let (reuse, size) = {
            let mut idle = blocks.lock();
            if let Some(i) = idle.iter().position(|b| b.start <= pos && pos < b.end()) {
                return Ok(idle.remove(i));
            }
            if let Some(i) = idle.iter().position(|b| b.end() == start) {
                // The request continues a block: a sequential reader, which gets a whole BLOCK, read into
                // the buffer it is done with.
                (Some(idle.remove(i).buf), BLOCK)
            } else {
                let size = align_up((pos - start) as usize + rest).clamp(FIRST_READ, BLOCK);
                let evicted = (idle.len() >= blocks.keep).then(|| idle.remove(0).buf);
                (evicted, size)
            }
        };
        let mut buf = reuse.unwrap_or_else(|| AlignedBuf::zeroed(BLOCK));
        let valid = read_aligned(self.plain.file(), &mut buf[..size], start)?;
        Ok(Block { buf, start, valid })
    }
}

impl Blocks {
    fn lock(&self) -> MutexGuard<'_, Vec<Block>> {
        self.idle.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn put_back(&self, block: Block) {
        let mut idle = self.lock();
        idle.push(block);
        // Readers that found no idle block made new ones; keep only the most recently used.
        if idle.len() > self.keep {
            idle.remove(0);
        }
    }
}

impl Source for DirectSource {
    fn len(&self) -> u64 {
        self.plain.len()
    }

    fn read_at(&self, offset: u64, buf: &mut [u8]) -> io::Result<usize> {
        let Some(blocks) = &self.cache else {
            return self.plain.read_at(offset, buf);
        };
        let want = self.len().saturating_sub(offset).min(buf.len() as u64) as usize;
        let mut done = 0;
        while done < want {
            let pos = offset + done as u64;
            let block = self.take_block(blocks, pos, want - done)?;
            let from = (pos - block.start) as usize;
            let n = block.valid.saturating_sub(from).min(want - done);
            buf[done..done + n].copy_from_slice(&block.buf[from..from + n]);
            blocks.put_back(block);
            if n == 0 {
                break; // the file is shorter than it was at open
            }
            done += n;
        }
        Ok(done)
    }
}

/// Fill `buf` (aligned, with an aligned length) from the aligned offset `start`; fewer bytes only at the
/// end of the file.
fn read_aligned(file: &File, buf: &mut [u8], start: u64) -> io::Result<usize> {
    let mut done = 0;
    while done < buf.len() {
        match file.read_at(&mut buf[done..], start + done as u64) {
            Ok(0) => break,
            Ok(n) => {
                done += n;
                // A direct read stops mid-block only at the end of the file; resuming there would be an
                // unaligned read (EINVAL).
                if done % ALIGN != 0 {
                    break;
                }
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        }
    }
    Ok(done)
}

#[cfg(test)]
mod tests {
    use rayon::prelude::*;

    use super::*;
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
        let idle = source.cache.as_ref().map_or(0, |b| b.lock().len());
        assert!(idle <= rayon::current_num_threads() + SPARE_BLOCKS);
    }

    #[test]
    fn a_directory_is_refused_as_open_would() {
        let dir = ScratchDir::new();
        let err = DirectSource::open(&dir.join("")).err().unwrap();
        assert_eq!(err.raw_os_error(), Some(libc::EISDIR));
    }
}
