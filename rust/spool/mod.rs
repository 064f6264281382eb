//! The upload spool: an archive arriving in chunks is hashed and written to a scratch file, which the ZIP
//! inspector then reads, all past the page cache.
//!
//! Why direct I/O: on a VM with ext4, filling the page cache can cost more than the disk. Measured on the
//! development VM (Firecracker, ext4, Linux 6.18), per GiB: a buffered read of uncached data takes
//! 1.6-1.7 s of system CPU, and a buffered write 0.2-2.3 s depending on the memory's state (1 MiB writes
//! measured at 0.2 s in one state and 1.5-2.2 s in the usual one; `dd` 1.7-2.3 s); `O_DIRECT` writes in
//! 8 MiB blocks take 0.1-0.3 s of system CPU (0.5-0.7 s wall) and
//! `O_DIRECT` reads in 1-2 MiB blocks ~0.05 s (1.3-1.4 GB/s). A spool is written once and read once, and
//! what it keeps out of the page cache is memory other uploads need. The price: the inspector reads from
//! the disk, not from memory that was just written (a 933 MiB archive: ~0.95 s against 0.57 s hot).
//!
//! - [`SpoolWriter`] hashes each chunk (whole-archive digests, [`crate::digest::MultiDigest`]), gathers
//!   the chunks into aligned buffers and writes full buffers from a background thread.
//! - `trail` walks what the writer has written, at idle priority, verifying stored ZIP entries before the
//!   last byte arrives ([`crate::zip::StreamWalk`]); the inspection takes what it finished.
//! - [`DirectSource`] is a [`crate::zip::Source`] that reads the spool with `O_DIRECT` through a cache of
//!   aligned blocks (`blocks`), reading ahead of the workers that stream entries.
//!
//! A filesystem without direct I/O (some FUSE and network filesystems, tmpfs before Linux 6.6) refuses
//! `O_DIRECT` with `EINVAL`; both then fall back to ordinary buffered I/O and say so (`is_direct`).

mod aligned;
mod blocks;
mod direct;
#[cfg(test)]
mod inspect_tests;
#[cfg(test)]
pub(crate) mod testing;
mod trail;
mod writer;

pub use direct::{inspect_path_direct, DirectSource};
pub use writer::SpoolWriter;

use std::fs::File;
use std::io;

/// Switch an open file to direct I/O. `Ok(false)` when its filesystem does not do direct I/O (or the
/// platform has no `O_DIRECT`): the file stays open, buffered.
///
/// The flag is set with `fcntl(F_SETFL)` after the open rather than passed to `open`, because Linux checks
/// `O_DIRECT` support only after `O_CREAT` has made the file: an `open(O_CREAT | O_EXCL | O_DIRECT)` that
/// fails with `EINVAL` leaves the new file behind, and a retry without the flag would then fail `EEXIST`.
#[cfg(any(target_os = "linux", target_os = "android"))]
pub(crate) fn enable_direct(file: &File) -> io::Result<bool> {
    use std::os::fd::AsRawFd;

    let fd = file.as_raw_fd();
    if in_memory(fd)? {
        return Ok(false);
    }
    // SAFETY: F_GETFL on a descriptor `file` keeps open; it reads flags and touches no memory.
    let flags = unsafe { libc::fcntl(fd, libc::F_GETFL) };
    if flags < 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: as above; F_SETFL only changes the open file's status flags.
    if unsafe { libc::fcntl(fd, libc::F_SETFL, flags | libc::O_DIRECT) } < 0 {
        let err = io::Error::last_os_error();
        return match err.raw_os_error() {
            Some(libc::EINVAL) => Ok(false),
            _ => Err(err),
        };
    }
    Ok(true)
}

/// Whether the file lives in memory (tmpfs, ramfs). Linux 6.6+ accepts `O_DIRECT` there, but the bytes
/// are in memory either way, so direct I/O only adds the alignment copies and the block cache: with it, a
/// tmpfs spool's verdict on a 920 MiB archive came 0.96-1.05 s after the last byte, where inspecting that
/// archive from memory takes 0.50-0.53 s.
#[cfg(any(target_os = "linux", target_os = "android"))]
fn in_memory(fd: std::os::fd::RawFd) -> io::Result<bool> {
    const TMPFS_MAGIC: i64 = 0x0102_1994;
    const RAMFS_MAGIC: i64 = 0x8584_58f6;
    let mut stat = std::mem::MaybeUninit::<libc::statfs>::uninit();
    // SAFETY: fstatfs fills `stat` for an open descriptor and touches nothing else.
    if unsafe { libc::fstatfs(fd, stat.as_mut_ptr()) } < 0 {
        return Err(io::Error::last_os_error());
    }
    #[allow(clippy::unnecessary_cast)] // f_type is i64 on x86_64 but narrower on some architectures
    // SAFETY: fstatfs returned 0, so it initialised `stat`.
    let kind = unsafe { stat.assume_init() }.f_type as i64;
    Ok(kind == TMPFS_MAGIC || kind == RAMFS_MAGIC)
}

#[cfg(not(any(target_os = "linux", target_os = "android")))]
pub(crate) fn enable_direct(_file: &File) -> io::Result<bool> {
    Ok(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_in_memory_stays_buffered() {
        let Ok(file) = File::options().write(true).create(true).truncate(true).open("/dev/shm/shipgate-direct-probe")
        else {
            return; // no /dev/shm here
        };
        let _ = std::fs::remove_file("/dev/shm/shipgate-direct-probe");
        assert!(!enable_direct(&file).unwrap());
    }

    #[test]
    fn a_file_without_direct_io_stays_buffered() {
        // A character device has no direct-I/O method: the kernel answers EINVAL, as a filesystem
        // without O_DIRECT support does.
        let file = File::options().write(true).open("/dev/null").unwrap();
        assert!(!enable_direct(&file).unwrap());
    }
}
