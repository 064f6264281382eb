//! The block cache behind [`super::DirectSource`], with read-ahead for readers that stream.
//!
//! Direct reads must be aligned in address, offset and length, and each one goes to the device, so small
//! reads are slow (256 KiB requests measured 0.75 GB/s here, 1-2 MiB requests 1.3-1.4 GB/s). The
//! inspector asks for 256 KiB pieces of each entry and small header windows at arbitrary offsets, so reads
//! go through aligned blocks: a request that continues where a cached block ends is read as a whole
//! [`BLOCK`], any other as [`FIRST_READ`] or just enough to cover it. A parser visiting local headers
//! megabytes apart thus reads a little around each, and a worker streaming an entry reads [`BLOCK`]s.
//!
//! Without the page cache there is no kernel read-ahead either, and a worker that reads a block and then
//! inflates and hashes it leaves the disk idle half the time. So when a reader moves on to a whole block,
//! the next [`AHEAD`] blocks are read by threads of the cache's own while the reader works on this one.
//! Streaming 1 GiB in 256 KiB pieces with CRC-32, SHA-256 and BLAKE3 on each took 1.3-1.6 s with one
//! block read ahead and 1.0-1.15 s with two (reading alone: 0.8 s).
//!
//! The cache belongs to one open file, not to each thread: rayon workers verifying different entries
//! check out their own blocks (so they do not evict each other), a block is found again by whichever
//! thread reads next from it, and the memory is freed with the file rather than held by every thread of
//! the pool for the life of the process.

use std::fs::File;
use std::io;
use std::os::unix::fs::FileExt;
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::{self, JoinHandle};

use super::aligned::{align_down, align_up, AlignedBuf, ALIGN};

/// Read when a request continues a cached block: large enough for the device's full rate.
pub(super) const BLOCK: usize = 2 << 20;
/// The least read for a request that continues nothing: the size of the inspector's header window and
/// read-ahead, so one read serves them.
pub(super) const FIRST_READ: usize = 256 << 10;
/// Blocks read ahead of a streaming reader.
const AHEAD: usize = 2;
/// Threads reading ahead. With two, a read is still queued at the device while the other thread waits to
/// be scheduled: on two cores busy inflating and hashing, that wait left the disk idle (inspecting a
/// 933 MiB archive: 0.92-0.98 s with two threads against 1.04-1.11 s with one, in noisy paired runs).
const READ_AHEAD_THREADS: usize = 2;
/// Idle blocks kept per reader thread: the one it is reading and those read ahead for it.
const BLOCKS_PER_READER: usize = 1 + AHEAD;
/// Idle blocks kept besides: the parser's, a nested archive's.
const SPARE_BLOCKS: usize = 2;

/// `valid` bytes of the file from the aligned offset `start`, in `buf`.
pub struct Block {
    buf: AlignedBuf,
    pub start: u64,
    valid: usize,
}

impl Block {
    pub fn bytes(&self) -> &[u8] {
        &self.buf[..self.valid]
    }

    fn end(&self) -> u64 {
        self.start + self.valid as u64
    }

    fn holds(&self, pos: u64) -> bool {
        self.start <= pos && pos < self.end()
    }
}

/// Aligned blocks of one file opened with `O_DIRECT`.
pub struct BlockCache {
    shared: Arc<Shared>,
    file: Arc<File>,
    /// Block offsets for the read-ahead threads; `None` once closing.
    ahead: Option<Sender<u64>>,
    threads: Vec<JoinHandle<()>>,
}

struct Shared {
    state: Mutex<State>,
    /// Signalled when a read-ahead ends (with a block or without).
    arrived: Condvar,
    /// Idle blocks beyond this many are dropped, least recently used first.
    keep: usize,
    len: u64,
}

#[derive(Default)]
struct State {
    /// Least recently used first. A block in use is taken out, so its reader copies from it without the
    /// lock.
    idle: Vec<Block>,
    /// Offsets of the blocks being read ahead.
    pending: Vec<u64>,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// A buffer for a new block: the least recently used idle one once `keep` are idle, else a new one.
    fn evict_for_new(&self, state: &mut State) -> Option<AlignedBuf> {
        (state.idle.len() >= self.keep).then(|| state.idle.remove(0).buf)
    }

    fn keep_recent(&self, state: &mut State) {
        while state.idle.len() > self.keep {
            state.idle.remove(0);
        }
    }
}

impl BlockCache {
    /// A cache over `file` (already switched to `O_DIRECT`) of `len` bytes, with its read-ahead threads.
    pub fn new(file: &File, len: u64) -> io::Result<BlockCache> {
        // A second descriptor of the same open file, so its O_DIRECT flag too.
        let file = Arc::new(file.try_clone()?);
        let shared = Arc::new(Shared {
            state: Mutex::new(State::default()),
            arrived: Condvar::new(),
            keep: rayon::current_num_threads() * BLOCKS_PER_READER + SPARE_BLOCKS,
            len,
        });
        let (ahead, requests) = mpsc::channel();
        let requests = Arc::new(Mutex::new(requests));
        let mut threads = Vec::new();
        for _ in 0..READ_AHEAD_THREADS {
            let (file, shared, requests) = (
                Arc::clone(&file),
                Arc::clone(&shared),
                Arc::clone(&requests),
            );
            threads.push(
                thread::Builder::new()
                    .name("shipgate-read-ahead".into())
                    .spawn(move || read_ahead(&file, &shared, &requests))?,
            );
        }
        Ok(BlockCache {
            shared,
            file,
            ahead: Some(ahead),
            threads,
        })
    }

    /// A block holding `pos` (or, at the end of the file, an empty one), taken out of the cache until
    /// [`put_back`](Self::put_back): cached, being read ahead (then waited for), or read now. `rest` is
    /// how much of the request remains from `pos`.
    pub fn take(&self, pos: u64, rest: usize) -> io::Result<Block> {
        let shared = &*self.shared;
        let mut state = shared.lock();
        loop {
            if let Some(i) = state.idle.iter().position(|b| b.holds(pos)) {
                let block = state.idle.remove(i);
                if block.valid == BLOCK {
                    self.read_ahead_from(&mut state, block.end());
                }
                return Ok(block);
            }
            if !state
                .pending
                .iter()
                .any(|&s| s <= pos && pos < s + BLOCK as u64)
            {
                break;
            }
            state = shared
                .arrived
                .wait(state)
                .unwrap_or_else(|p| p.into_inner());
        }
        let start = align_down(pos);
        let (reuse, size) = match state.idle.iter().position(|b| b.end() == start) {
            // The request continues a block: a streaming reader, which gets a whole BLOCK, read into the
            // buffer it is done with, and the block after it read ahead.
            Some(i) => {
                self.read_ahead_from(&mut state, start + BLOCK as u64);
                (Some(state.idle.remove(i).buf), BLOCK)
            }
            None => {
                let size = align_up((pos - start) as usize + rest).clamp(FIRST_READ, BLOCK);
                (shared.evict_for_new(&mut state), size)
            }
        };
        drop(state);
        let mut buf = reuse.unwrap_or_else(|| AlignedBuf::zeroed(BLOCK));
        let valid = read_aligned(&self.file, &mut buf[..size], start)?;
        Ok(Block { buf, start, valid })
    }

    /// Idle blocks now, and the most kept.
    #[cfg(test)]
    pub fn idle(&self) -> usize {
        self.shared.lock().idle.len()
    }

    #[cfg(test)]
    pub fn keep(&self) -> usize {
        self.shared.keep
    }

    pub fn put_back(&self, block: Block) {
        let mut state = self.shared.lock();
        state.idle.push(block);
        // Readers that found no idle block made new ones; keep only the most recently used.
        self.shared.keep_recent(&mut state);
    }

    /// Ask the read-ahead threads for the [`AHEAD`] blocks from `from`, but none past the end, cached or
    /// already asked for.
    fn read_ahead_from(&self, state: &mut State, from: u64) {
        for k in 0..AHEAD as u64 {
            let start = from + k * BLOCK as u64;
            let known = state.idle.iter().any(|b| b.holds(start)) || state.pending.contains(&start);
            if start >= self.shared.len || known {
                continue;
            }
            if let Some(ahead) = &self.ahead {
                if ahead.send(start).is_ok() {
                    state.pending.push(start);
                }
            }
        }
    }
}

impl Drop for BlockCache {
    /// Wait for the read-ahead threads (at most one block's read each) so the descriptor closes with the
    /// cache; requests still queued are dropped with the channel.
    fn drop(&mut self) {
        self.ahead = None;
        for thread in self.threads.drain(..) {
            let _ = thread.join();
        }
    }
}

/// A read-ahead thread: read each requested block into the cache. A failed read leaves no block, so
/// the reader that needs it reads it itself and gets the error.
fn read_ahead(file: &File, shared: &Shared, requests: &Mutex<Receiver<u64>>) {
    loop {
        let next = requests.lock().unwrap_or_else(|p| p.into_inner()).recv();
        let Ok(start) = next else { break };
        let reuse = shared.evict_for_new(&mut shared.lock());
        let mut buf = reuse.unwrap_or_else(|| AlignedBuf::zeroed(BLOCK));
        let read = read_aligned(file, &mut buf, start);
        let mut state = shared.lock();
        state.pending.retain(|&s| s != start);
        if let Ok(valid @ 1..) = read {
            state.idle.push(Block { buf, start, valid });
            shared.keep_recent(&mut state);
        }
        drop(state);
        shared.arrived.notify_all();
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
