//! [`SpoolWriter`]: an upload hashed and written to its spool file as it arrives.
//!
//! The caller's thread hashes each chunk and copies it into an aligned buffer; a full buffer goes to a
//! background thread that `pwrite`s it at its offset, so the disk works while the next buffer fills.
//! [`POOL`] buffers circulate between the two threads (full ones one way, written ones back), so memory is
//! bounded, nothing is allocated per chunk, and a caller faster than the disk waits for a free buffer.
//!
//! Asked for entry digests, a third thread reads back what is written, at idle priority, and verifies
//! the stored entries of a ZIP upload behind the writer ([`super::trail::Trail`]); the inspection after
//! the last byte reads only the rest ([`SpoolWriter::streamed`]).

use std::fs::{self, File, OpenOptions};
use std::io;
use std::os::unix::fs::{FileExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, Sender, SyncSender, TryRecvError};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::{self, JoinHandle};

use super::aligned::{align_down, align_up, AlignedBuf, ALIGN};
use super::enable_direct;
use super::trail::{Progress, Trail};
use crate::digest::{Algorithm, MultiDigest};
use crate::error::{Error, Result};
use crate::zip::{StreamWalk, Streamed};

/// Bytes per write: `O_DIRECT` writes of 8 MiB measured 0.47 s and 0.1 s of system CPU per GiB here;
/// smaller writes pay the per-request latency more often.
const BUFFER: usize = 8 << 20;
/// One buffer filling while up to two are queued or being written: 24 MiB per upload at most.
const POOL: usize = 3;
/// Largest single write without `O_DIRECT`. Into ext4's page cache on the development VM (Linux 6.18),
/// in one measured state 1 MiB `pwrite`s cost 0.2 s of system CPU per GiB and 8 MiB ones 0.5-1.9 s (in the
/// usual state 1 MiB writes cost 1.5-2.2 s).
const BUFFERED_WRITE: usize = 1 << 20;

/// An upload being spooled: each [`write`](SpoolWriter::write) updates the whole-archive digests and
/// appends to a new file, with `O_DIRECT` when asked and the filesystem allows it.
///
/// [`finish`](SpoolWriter::finish) writes what remains and returns the digests; the file then holds
/// exactly the bytes written. There is no `fsync`: the spool is scratch, useless after a crash. Dropping
/// (or [`close`](SpoolWriter::close)) without `finish` abandons the upload: queued buffers are not written,
/// and the partial file is left for the caller to remove.
pub struct SpoolWriter {
    path: PathBuf,
    direct: bool,
    written: u64,
    digest: MultiDigest,
    state: State,
    streamed: Option<Streamed>,
    walked_at_finish: u64,
}

enum State {
    Open(Pipeline),
    Finished,
    /// A write failed; every later call fails with the same error.
    Failed(io::Error),
    Closed,
}

impl SpoolWriter {
    /// Create `path` (it must not exist; mode 0600, as the spool holds other people's uploads) and start
    /// its writer thread. `direct` asks for `O_DIRECT`; [`is_direct`](Self::is_direct) says whether the
    /// filesystem granted it. Non-empty `entry_digests` also walks the bytes as a ZIP archive, verifying
    /// its stored entries with those digests ([`streamed`](Self::streamed)).
    pub fn create(
        path: &Path,
        algorithms: &[Algorithm],
        direct: bool,
        entry_digests: &[Algorithm],
    ) -> Result<SpoolWriter> {
        let digest = MultiDigest::new(algorithms)?;
        let walk = if entry_digests.is_empty() {
            None
        } else {
            Some(StreamWalk::new(entry_digests)?)
        };
        // `create_new` is O_CREAT | O_EXCL; std opens every file O_CLOEXEC.
        let file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(path)
            .map_err(|e| Error::io(path, e))?;
        let started = (|| {
            let direct = direct && enable_direct(&file)?;
            let trail = walk.map(|walk| Trail::start(path, direct, walk)).transpose()?;
            SpoolWriter::start(path, file, digest, direct, trail)
        })();
        started.map_err(|e| {
            // The file is ours (O_EXCL) and nobody will get a writer for it.
            let _ = fs::remove_file(path);
            Error::io(path, e)
        })
    }

    fn start(
        path: &Path,
        file: File,
        digest: MultiDigest,
        direct: bool,
        trail: Option<Trail>,
    ) -> io::Result<SpoolWriter> {
        Ok(SpoolWriter {
            path: path.to_owned(),
            direct,
            written: 0,
            digest,
            state: State::Open(Pipeline::start(file, direct, trail)?),
            streamed: None,
            walked_at_finish: 0,
        })
    }

    /// Whether the file is written with `O_DIRECT`.
    pub fn is_direct(&self) -> bool {
        self.direct
    }

    /// Bytes accepted so far.
    pub fn written(&self) -> u64 {
        self.written
    }

    /// `Some("finished")` or `Some("closed")` once the writer accepts no more data through a caller's
    /// mistake rather than an I/O failure (which `write` and `finish` report as the error itself).
    pub fn ended(&self) -> Option<&'static str> {
        match self.state {
            State::Finished => Some("finished"),
            State::Closed => Some("closed"),
            State::Open(_) | State::Failed(_) => None,
        }
    }

    /// Hash `data` and append it. A failure of an earlier background write (ENOSPC, EDQUOT, EIO, with its
    /// OS error number) is returned here, or by [`finish`](Self::finish).
    pub fn write(&mut self, data: &[u8]) -> Result<()> {
        let State::Open(pipeline) = &mut self.state else {
            return Err(self.refusal());
        };
        self.digest.update(data);
        match pipeline.push(data) {
            Ok(()) => {
                self.written += data.len() as u64;
                Ok(())
            }
            Err(e) => Err(self.fail(e)),
        }
    }

    /// Write the rest, wait for the writer thread and return the whole-archive hex digests (in
    /// [`MultiDigest::hexdigests`] order). The file is closed and holds exactly [`written`](Self::written)
    /// bytes.
    pub fn finish(&mut self) -> Result<Vec<(Algorithm, String)>> {
        let pipeline = match std::mem::replace(&mut self.state, State::Finished) {
            State::Open(pipeline) => pipeline,
            other => {
                self.state = other;
                return Err(self.refusal());
            }
        };
        match pipeline.finish(self.written) {
            Ok(streamed) => {
                self.walked_at_finish = streamed.as_ref().map_or(0, Streamed::walked);
                self.streamed = streamed;
                Ok(self.digest.hexdigests())
            }
            Err(e) => Err(self.fail(e)),
        }
    }

    /// Bytes of the upload the trailing walk has covered so far, from its start: read back and walked, or
    /// passed over (a deflated entry's data). 0 without entry digests.
    pub fn walked(&self) -> u64 {
        match &self.state {
            State::Open(pipeline) => pipeline.trail.as_ref().map_or(0, Trail::walked),
            _ => self.walked_at_finish,
        }
    }

    /// After [`finish`](Self::finish), the stored entries verified behind the writer while the bytes
    /// streamed in (`None` when no entry digests were asked for, or once taken).
    pub fn streamed(&mut self) -> Option<Streamed> {
        self.streamed.take()
    }

    /// Stop the writer thread and close the file without finishing; idempotent.
    pub fn close(&mut self) {
        if let State::Open(_) = self.state {
            self.state = State::Closed; // drops the pipeline: abandons queued buffers, joins, closes
        }
    }

    /// Record `e` as the writer's failure (stopping the thread and closing the file) and return it.
    fn fail(&mut self, e: io::Error) -> Error {
        let copy = copy_error(&e);
        self.state = State::Failed(e);
        Error::io(&self.path, copy)
    }

    fn refusal(&self) -> Error {
        let source = match &self.state {
            State::Failed(e) => copy_error(e),
            State::Finished => io::Error::other("the spool file is already finished"),
            State::Closed | State::Open(_) => io::Error::other("the spool writer is closed"),
        };
        Error::io(&self.path, source)
    }
}

/// The buffers, the channels to the writer thread and the file they share.
struct Pipeline {
    file: Arc<File>,
    direct: bool,
    /// The buffer being filled, `filled` bytes of it, destined for file offset `offset`.
    current: Option<AlignedBuf>,
    filled: usize,
    offset: u64,
    /// Buffers made so far (at most [`POOL`]); more are made only while none is free.
    made: usize,
    jobs: Option<SyncSender<Job>>,
    free: Receiver<AlignedBuf>,
    shared: Arc<Shared>,
    thread: Option<JoinHandle<()>>,
    /// The trailing walk, when entry digests were asked for (stopped on drop).
    trail: Option<Trail>,
}

/// A full buffer and where it goes: `len` bytes are written (padded to a block with `O_DIRECT`), the
/// first `data` of them are the upload's.
struct Job {
    buf: AlignedBuf,
    offset: u64,
    len: usize,
    data: usize,
}

/// What the writer thread tells the caller's thread, and back.
#[derive(Default)]
struct Shared {
    /// The first failed write; later jobs are not written, only their buffers returned.
    failure: Mutex<Option<io::Error>>,
    /// The upload was abandoned: skip the queued jobs.
    abandoned: AtomicBool,
}

impl Shared {
    fn failure(&self) -> MutexGuard<'_, Option<io::Error>> {
        self.failure.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn check(&self) -> io::Result<()> {
        match &*self.failure() {
            Some(e) => Err(copy_error(e)),
            None => Ok(()),
        }
    }
}

impl Pipeline {
    fn start(file: File, direct: bool, trail: Option<Trail>) -> io::Result<Pipeline> {
        let file = Arc::new(file);
        let shared = Arc::new(Shared::default());
        // Capacity POOL: every buffer can be queued at once, so handing one over never blocks.
        let (jobs, queued) = mpsc::sync_channel(POOL);
        let (returned, free) = mpsc::channel();
        let thread = {
            let (file, shared) = (Arc::clone(&file), Arc::clone(&shared));
            let progress = trail.as_ref().map(Trail::progress);
            thread::Builder::new()
                .name("shipgate-spool".into())
                .spawn(move || write_jobs(&file, direct, queued, returned, &shared, progress.as_deref()))?
        };
        Ok(Pipeline {
            file,
            direct,
            current: None,
            filled: 0,
            offset: 0,
            made: 0,
            jobs: Some(jobs),
            free,
            shared,
            thread: Some(thread),
            trail,
        })
    }

    fn push(&mut self, mut data: &[u8]) -> io::Result<()> {
        self.shared.check()?;
        while !data.is_empty() {
            let filled = self.filled;
            let buf = self.buffer()?;
            let n = (BUFFER - filled).min(data.len());
            buf[filled..filled + n].copy_from_slice(&data[..n]);
            self.filled += n;
            data = &data[n..];
            if self.filled == BUFFER {
                self.submit(BUFFER, BUFFER)?;
            }
        }
        Ok(())
    }

    /// The buffer being filled: a returned one, a new one while fewer than [`POOL`] exist, or else the
    /// next one the writer thread gives back (this is where a caller outrunning the disk waits).
    fn buffer(&mut self) -> io::Result<&mut AlignedBuf> {
        let buf = match self.current.take() {
            Some(buf) => buf,
            None => match self.free.try_recv() {
                Ok(buf) => buf,
                Err(TryRecvError::Empty) if self.made < POOL => {
                    self.made += 1;
                    AlignedBuf::zeroed(BUFFER)
                }
                Err(TryRecvError::Empty) => self.free.recv().map_err(|_| thread_gone())?,
                Err(TryRecvError::Disconnected) => return Err(thread_gone()),
            },
        };
        Ok(self.current.insert(buf))
    }

    /// Hand the first `len` bytes of the current buffer, `data` of them the upload's, to the writer thread.
    fn submit(&mut self, len: usize, data: usize) -> io::Result<()> {
        let buf = self.current.take().ok_or_else(thread_gone)?;
        let job = Job {
            buf,
            offset: self.offset,
            len,
            data,
        };
        self.offset += len as u64;
        self.filled = 0;
        let jobs = self.jobs.as_ref().ok_or_else(thread_gone)?;
        jobs.send(job).map_err(|_| thread_gone())?;
        self.shared.check()
    }

    /// Write the partial last buffer, wait for every write, cut the file to `written` bytes, and stop the
    /// walk where it is.
    fn finish(mut self, written: u64) -> io::Result<Option<Streamed>> {
        if let Some(trail) = &self.trail {
            trail.stop(); // the last byte is here: the inspection takes over, and reads the rest itself
        }
        if self.filled > 0 {
            let filled = self.filled;
            // O_DIRECT writes whole blocks: pad the last one with zeros, then truncate the padding away.
            let len = if self.direct {
                align_up(filled)
            } else {
                filled
            };
            if let Some(buf) = self.current.as_mut() {
                buf[filled..len].fill(0);
            }
            self.submit(len, filled)?;
        }
        self.join()?;
        self.shared.check()?;
        if self.direct && written % ALIGN as u64 != 0 {
            self.file.set_len(written)?;
        }
        self.trail.take().map(Trail::finish).transpose()
    }

    /// Close the job channel (the thread ends after the queued jobs) and wait for the thread.
    fn join(&mut self) -> io::Result<()> {
        self.jobs = None;
        match self.thread.take() {
            Some(thread) => thread
                .join()
                .map_err(|_| io::Error::other("the spool writer thread panicked")),
            None => Ok(()),
        }
    }
}

impl Drop for Pipeline {
    /// Without `finish` the upload is abandoned: skip what is queued, but always wait for the thread so
    /// no write lands after the caller has removed (or reused) the path.
    fn drop(&mut self) {
        if self.thread.is_some() {
            self.shared.abandoned.store(true, Ordering::Relaxed);
        }
        let _ = self.join();
    }
}

fn thread_gone() -> io::Error {
    io::Error::other("the spool writer thread stopped unexpectedly")
}

/// The writer thread: write each job unless a write has failed or the upload was abandoned, and
/// always return the buffer.
fn write_jobs(
    file: &File,
    direct: bool,
    jobs: Receiver<Job>,
    returned: Sender<AlignedBuf>,
    shared: &Shared,
    progress: Option<&Progress>,
) {
    for job in jobs {
        let skip = shared.abandoned.load(Ordering::Relaxed) || shared.failure().is_some();
        if !skip {
            match write_all_at(file, &job.buf[..job.len], job.offset, direct) {
                Ok(()) => {
                    if let Some(progress) = progress {
                        progress.advance(job.offset + job.data as u64);
                    }
                }
                Err(e) => *shared.failure() = Some(e),
            }
        }
        // The caller may be gone (abandoned upload): the buffer is then simply freed.
        let _ = returned.send(job.buf);
    }
}

/// `pwrite` all of `data` at `offset` (in [`BUFFERED_WRITE`] pieces without `O_DIRECT`), resuming after
/// short writes.
fn write_all_at(file: &File, data: &[u8], offset: u64, direct: bool) -> io::Result<()> {
    let mut done = 0usize;
    let mut stalled = false;
    while done < data.len() {
        let end = if direct {
            data.len()
        } else {
            data.len().min(done + BUFFERED_WRITE)
        };
        match file.write_at(&data[done..end], offset + done as u64) {
            Ok(0) => return Err(io::ErrorKind::WriteZero.into()),
            Ok(n) => {
                // A short direct write can end mid-block, and resuming there would be unaligned (EINVAL,
                // hiding the real cause, typically ENOSPC on the next call): resume at the block start.
                let next = if direct {
                    align_down((done + n) as u64) as usize
                } else {
                    done + n
                };
                if next == done {
                    if stalled {
                        return Err(io::Error::new(
                            io::ErrorKind::WriteZero,
                            "the file system accepted less than one block twice in a row",
                        ));
                    }
                    stalled = true;
                } else {
                    stalled = false;
                }
                done = next;
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// `io::Error` is not `Clone`; a failure reported more than once keeps its OS error number (so Python
/// still raises `OSError(ENOSPC, ...)`) or else its kind and text.
fn copy_error(e: &io::Error) -> io::Error {
    match e.raw_os_error() {
        Some(code) => io::Error::from_raw_os_error(code),
        None => io::Error::new(e.kind(), e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use std::os::unix::fs::PermissionsExt;

    use super::*;
    use crate::spool::testing::{random_bytes, ScratchDir};

    const ALGORITHMS: [Algorithm; 2] = [Algorithm::Sha256, Algorithm::Blake3];

    /// Piece sizes that never line up with a block or a buffer.
    const PIECES: [usize; 6] = [1, 4093, 65_537, 7, (1 << 20) + 3, (3 << 20) + 1];

    /// Spool `data` in odd-sized pieces; check the file and the digests; return whether it was direct.
    fn spool_and_check(dir: &ScratchDir, data: &[u8], direct: bool) -> bool {
        let path = dir.join(&format!("spool-{}-{direct}", data.len()));
        let mut writer = SpoolWriter::create(&path, &ALGORITHMS, direct, &[]).unwrap();
        let mut rest = data;
        for &piece in PIECES.iter().cycle() {
            if rest.is_empty() {
                break;
            }
            let (now, later) = rest.split_at(piece.min(rest.len()));
            writer.write(now).unwrap();
            rest = later;
        }
        assert_eq!(writer.written(), data.len() as u64);
        let digests = writer.finish().unwrap();
        let mut expected = MultiDigest::new(&ALGORITHMS).unwrap();
        expected.update(data);
        assert_eq!(digests, expected.hexdigests(), "{} bytes", data.len());
        let on_disk = fs::read(&path).unwrap();
        assert_eq!(on_disk.len(), data.len());
        assert!(
            on_disk == data,
            "{} bytes: the file differs from the input",
            data.len()
        );
        writer.is_direct()
    }

    const SIZES: [usize; 9] = [
        0,
        1,
        ALIGN - 1,
        ALIGN,
        ALIGN + 1,
        BUFFER - 1,
        BUFFER,
        BUFFER + 1,
        20 * (1 << 20) + 12_345,
    ];

    /// Whether the file system under `dir` grants O_DIRECT (ext4 does: the temporary directory on the
    /// development VM and in CI).
    fn grants_direct(dir: &ScratchDir) -> bool {
        let probe = dir.join("probe");
        let file = File::create(&probe).unwrap();
        let granted = enable_direct(&file).unwrap();
        fs::remove_file(&probe).unwrap();
        granted
    }

    #[test]
    fn the_file_holds_exactly_the_bytes_written() {
        let dir = ScratchDir::new();
        let granted = grants_direct(&dir);
        for (i, &size) in SIZES.iter().enumerate() {
            let data = random_bytes(size, i as u64);
            assert_eq!(spool_and_check(&dir, &data, true), granted);
            assert!(!spool_and_check(&dir, &data, false));
        }
    }

    #[test]
    fn tmpfs_spools_the_same_bytes() {
        let shm = Path::new("/dev/shm");
        if !shm.is_dir() {
            return;
        }
        // tmpfs grants O_DIRECT since Linux 6.6 and refuses it before; either way the bytes are the same.
        let dir = ScratchDir::under(shm);
        let granted = grants_direct(&dir);
        for (i, &size) in [0, ALIGN + 1, BUFFER + 1].iter().enumerate() {
            let data = random_bytes(size, 100 + i as u64);
            assert_eq!(spool_and_check(&dir, &data, true), granted);
            assert!(!spool_and_check(&dir, &data, false));
        }
    }

    #[test]
    fn an_existing_path_is_refused_and_left_alone() {
        let dir = ScratchDir::new();
        let path = dir.join("taken");
        fs::write(&path, b"someone else's").unwrap();
        let err = SpoolWriter::create(&path, &ALGORITHMS, true, &[])
            .err()
            .unwrap();
        let Error::Io {
            path: Some(p),
            source,
        } = &err
        else {
            panic!("{err:?}")
        };
        assert_eq!(p, &path);
        assert_eq!(source.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read(&path).unwrap(), b"someone else's");
    }

    #[test]
    fn the_spool_is_private_to_its_owner() {
        let dir = ScratchDir::new();
        let path = dir.join("private");
        let mut writer = SpoolWriter::create(&path, &ALGORITHMS, true, &[]).unwrap();
        writer.finish().unwrap();
        assert_eq!(
            fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }

    #[test]
    fn a_full_disk_is_reported_with_its_errno() {
        // /dev/full fails every write with ENOSPC, as a full file system does.
        let file = File::options().write(true).open("/dev/full").unwrap();
        let digest = MultiDigest::new(&ALGORITHMS).unwrap();
        let mut writer =
            SpoolWriter::start(Path::new("/dev/full"), file, digest, false, None).unwrap();
        let data = random_bytes(BUFFER + 1, 7);
        // The first buffer goes to the writer thread; its failure arrives with a later call.
        let mut first_error = None;
        for _ in 0..4 {
            if let Err(e) = writer.write(&data) {
                first_error = Some(e);
                break;
            }
        }
        let err = first_error.unwrap_or_else(|| writer.finish().unwrap_err());
        let Error::Io { source, .. } = &err else {
            panic!("{err:?}")
        };
        assert_eq!(source.raw_os_error(), Some(libc::ENOSPC), "{err}");
        // Every later call reports the same failure.
        for again in [
            writer.write(b"x").unwrap_err(),
            writer.finish().unwrap_err(),
        ] {
            let Error::Io { source, .. } = &again else {
                panic!("{again:?}")
            };
            assert_eq!(source.raw_os_error(), Some(libc::ENOSPC));
        }
        assert_eq!(writer.ended(), None);
    }

    #[test]
    fn a_short_tail_is_reported_by_finish() {
        let file = File::options().write(true).open("/dev/full").unwrap();
        let digest = MultiDigest::new(&ALGORITHMS).unwrap();
        let mut writer =
            SpoolWriter::start(Path::new("/dev/full"), file, digest, false, None).unwrap();
        writer.write(b"less than a buffer").unwrap();
        let err = writer.finish().unwrap_err();
        assert!(
            err.to_string()
                .starts_with("/dev/full: No space left on device"),
            "{err}"
        );
    }

    #[test]
    fn finished_and_closed_writers_refuse_more() {
        let dir = ScratchDir::new();
        let mut writer = SpoolWriter::create(&dir.join("done"), &ALGORITHMS, true, &[]).unwrap();
        writer.write(b"abc").unwrap();
        writer.finish().unwrap();
        assert_eq!(writer.ended(), Some("finished"));
        assert!(writer
            .write(b"d")
            .unwrap_err()
            .to_string()
            .contains("already finished"));
        assert!(writer
            .finish()
            .unwrap_err()
            .to_string()
            .contains("already finished"));
        writer.close();
        assert_eq!(writer.ended(), Some("finished"));

        let mut writer = SpoolWriter::create(&dir.join("closed"), &ALGORITHMS, true, &[]).unwrap();
        writer.write(&random_bytes(BUFFER * 2 + 5, 3)).unwrap();
        writer.close();
        writer.close();
        assert_eq!(writer.ended(), Some("closed"));
        assert!(writer
            .write(b"d")
            .unwrap_err()
            .to_string()
            .contains("closed"));
        assert!(writer.finish().unwrap_err().to_string().contains("closed"));
    }

    /// A local header for a stored entry named "x" holding `content`, then `content`.
    fn stored_entry(content: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        out.extend_from_slice(&[20, 0, 0, 0, 0, 0, 0, 0, 0, 0]); // version, flags, stored, time, date
        out.extend_from_slice(&crc32fast::hash(content).to_le_bytes());
        out.extend_from_slice(&(content.len() as u32).to_le_bytes());
        out.extend_from_slice(&(content.len() as u32).to_le_bytes());
        out.extend_from_slice(&[1, 0, 0, 0, b'x']); // name length 1, no extra, "x"
        out.extend_from_slice(content);
        out
    }

    /// Wait (up to 20 s) until the walk has read back `bytes`.
    fn wait_walked(writer: &SpoolWriter, bytes: u64) {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        while writer.walked() < bytes {
            assert!(std::time::Instant::now() < deadline, "walked {} of {bytes}", writer.walked());
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
    }

    #[test]
    fn the_walk_trails_the_writer_and_stops_at_finish() {
        // Two stored entries: the first within the eight buffers written before `finish`, the second
        // ending in the last, partial one, which is written by `finish` after the walk has stopped.
        let dir = ScratchDir::new();
        let mut data = stored_entry(&random_bytes(BUFFER * 5, 5));
        data.extend(stored_entry(&random_bytes(BUFFER * 3, 6)));
        let path = dir.join("walked");
        let mut writer =
            SpoolWriter::create(&path, &ALGORITHMS, true, &[Algorithm::Sha256]).unwrap();
        for piece in data.chunks((1 << 20) + 7) {
            writer.write(piece).unwrap();
        }
        wait_walked(&writer, BUFFER as u64 * 8);
        let digests = writer.finish().unwrap();
        let mut expected = MultiDigest::new(&ALGORITHMS).unwrap();
        expected.update(&data);
        assert_eq!(digests, expected.hexdigests());
        assert!(fs::read(&path).unwrap() == data);
        assert_eq!(writer.walked(), BUFFER as u64 * 8);
        assert_eq!(writer.streamed().unwrap().len(), 1);
        assert!(writer.streamed().is_none(), "taken once");

        // Finished at once: the walk stops wherever it is, and nothing waits for it.
        let mut writer =
            SpoolWriter::create(&dir.join("early"), &ALGORITHMS, true, &[Algorithm::Sha256]).unwrap();
        writer.write(&data).unwrap();
        writer.finish().unwrap();
        assert!(writer.streamed().unwrap().len() <= 1);
        let mut writer = SpoolWriter::create(&dir.join("plain"), &ALGORITHMS, true, &[]).unwrap();
        writer.write(&data[..100]).unwrap();
        writer.finish().unwrap();
        assert!(writer.streamed().is_none());
        assert_eq!(writer.walked(), 0);
    }

    #[test]
    fn dropping_an_unfinished_writer_stops_its_thread() {
        let dir = ScratchDir::new();
        let path = dir.join("abandoned");
        let mut writer =
            SpoolWriter::create(&path, &ALGORITHMS, true, &[Algorithm::Sha256]).unwrap();
        writer.write(&random_bytes(BUFFER * 3 + 1, 4)).unwrap();
        drop(writer);
        // Nothing writes to the path any more: it can be removed and reused at once.
        fs::remove_file(&path).unwrap();
        let mut again = SpoolWriter::create(&path, &ALGORITHMS, true, &[]).unwrap();
        again.write(b"fresh").unwrap();
        again.finish().unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"fresh");
    }

    #[test]
    fn an_empty_algorithm_set_creates_no_file() {
        let dir = ScratchDir::new();
        let path = dir.join("nothing");
        assert!(matches!(
            SpoolWriter::create(&path, &[], true, &[]),
            Err(Error::Unsupported { .. })
        ));
        assert!(!path.exists());
    }
}
