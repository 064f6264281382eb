//! [`Trail`]: the stored entries of an upload verified behind the writer, on CPU time nothing else wants.
//!
//! A thread of its own, at `SCHED_IDLE` priority, reads back what the writer thread has written (with
//! `O_DIRECT` when the spool is written so: those bytes are not in the page cache) and feeds it to a
//! [`StreamWalk`]. The upload never waits for it: it has its own buffer, gets a core only when nothing
//! else wants one (its hashing still competes for what the cores share: 5-11% of the upload's rate on
//! the 2-vCPU VM measured, README), and when the upload ends it stops where it is. What it verified by
//! then is taken by the inspection ([`crate::zip::Options::streamed`]); the rest is read back after the
//! last byte as before.
//! On a machine with a spare core it keeps up and little is left after the last byte; on one whose cores
//! the upload keeps busy it does what the idle moments allow.

use std::fs::File;
use std::io;
use std::os::unix::fs::FileExt;
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::{self, JoinHandle};

use super::aligned::{align_down, AlignedBuf};
use super::enable_direct;
use crate::zip::{StreamWalk, Streamed};

/// Bytes read back per `pread`.
const READ: usize = 4 << 20;

/// The trailing walk of one spool file.
pub(super) struct Trail {
    progress: Arc<Progress>,
    thread: Option<JoinHandle<Streamed>>,
}

/// How far the writer has got, and whether the walk should stop.
#[derive(Default)]
pub(super) struct Progress {
    written: Mutex<u64>,
    moved: Condvar,
    stop: AtomicBool,
    /// Bytes the walk has covered so far (read back, or passed over).
    walked: AtomicU64,
}

impl Progress {
    /// The writer thread: the file now holds the upload's first `end` bytes.
    pub(super) fn advance(&self, end: u64) {
        let mut written = lock(&self.written);
        *written = (*written).max(end);
        self.moved.notify_one();
    }

    /// Bytes the walk has covered so far (read back, or passed over).
    pub(super) fn walked(&self) -> u64 {
        self.walked.load(Ordering::Relaxed)
    }

    fn stop(&self) {
        self.stop.store(true, Ordering::Relaxed);
        let _guard = lock(&self.written);
        self.moved.notify_one();
    }

    /// Wait until more than `pos` bytes are written (their count) or the walk must stop (`None`).
    fn wait_past(&self, pos: u64) -> Option<u64> {
        let mut written = lock(&self.written);
        loop {
            if self.stop.load(Ordering::Relaxed) {
                return None;
            }
            if *written > pos {
                return Some(*written);
            }
            written = self.moved.wait(written).unwrap_or_else(|p| p.into_inner());
        }
    }
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

impl Trail {
    /// Start walking `path` (being written, with `O_DIRECT` when `direct`) behind its writer.
    pub(super) fn start(path: &Path, direct: bool, walk: StreamWalk) -> io::Result<Trail> {
        let file = File::open(path)?;
        let direct = direct && enable_direct(&file)?;
        let progress = Arc::new(Progress::default());
        let thread = {
            let progress = Arc::clone(&progress);
            thread::Builder::new()
                .name("shipgate-spool-walk".into())
                .spawn(move || follow(&file, direct, walk, &progress))?
        };
        Ok(Trail {
            progress,
            thread: Some(thread),
        })
    }

    pub(super) fn progress(&self) -> Arc<Progress> {
        Arc::clone(&self.progress)
    }

    /// Bytes the walk has covered so far.
    pub(super) fn walked(&self) -> u64 {
        self.progress.walked()
    }

    /// Tell the walk to stop where it is (it ends after the read in progress).
    pub(super) fn stop(&self) {
        self.progress.stop();
    }

    /// Stop where the walk is and return what it verified.
    pub(super) fn finish(mut self) -> io::Result<Streamed> {
        self.join()
            .map(Option::unwrap_or_default)
            .map_err(|()| io::Error::other("the spool walk thread panicked"))
    }

    /// Stop the walk and wait for its thread (`None` once joined, `Err` if it panicked).
    fn join(&mut self) -> Result<Option<Streamed>, ()> {
        self.progress.stop();
        self.thread.take().map(|t| t.join().map_err(drop)).transpose()
    }
}

impl Drop for Trail {
    fn drop(&mut self) {
        let _ = self.join();
    }
}

/// The walk's thread: read back what is written, in order, until told to stop, the walk has stopped, or
/// a read fails (the walk then simply covers less).
fn follow(file: &File, direct: bool, mut walk: StreamWalk, progress: &Progress) -> Streamed {
    idle_priority();
    let mut buf = AlignedBuf::zeroed(READ);
    let mut pos: u64 = 0;
    while !walk.done() {
        // Past a deflated entry's data without reading it (to a block boundary with O_DIRECT).
        let needed = walk.needs_from();
        let to = if direct { align_down(needed) } else { needed };
        if to > pos {
            walk.skip_to(to);
            pos = to;
            progress.walked.store(pos, Ordering::Relaxed);
        }
        let Some(written) = progress.wait_past(pos) else {
            break;
        };
        let mut want = (written - pos).min(READ as u64);
        if direct {
            want = align_down(want); // `pos` stays aligned; the unaligned tail is left to the inspection
            if want == 0 {
                break;
            }
        }
        match file.read_at(&mut buf[..want as usize], pos) {
            Ok(0) | Err(_) => break,
            Ok(n) => {
                walk.feed(&buf[..n]);
                pos += n as u64;
                progress.walked.store(pos, Ordering::Relaxed);
            }
        }
    }
    walk.finish()
}

/// `SCHED_IDLE` for the calling thread: it runs only when a core has nothing else to run. Not in the crate's
/// own tests, which wait for the walk with a deadline that a busy machine would otherwise let it miss (the walk
/// then never runs while every core is taken, by design).
#[cfg(all(any(target_os = "linux", target_os = "android"), not(test)))]
fn idle_priority() {
    let param = libc::sched_param { sched_priority: 0 };
    // SAFETY: sched_setscheduler with pid 0 changes only the calling thread; `param` outlives the call.
    // Failure (a seccomp filter, say) leaves the thread at normal priority, which is still correct.
    unsafe {
        libc::sched_setscheduler(0, libc::SCHED_IDLE, &param);
    }
}

#[cfg(any(not(any(target_os = "linux", target_os = "android")), test))]
fn idle_priority() {}
