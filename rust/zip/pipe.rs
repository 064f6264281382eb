//! A big compressed entry decoded on one thread and hashed on another: SHA-256 (~1.5 GB/s a core) and
//! inflate then overlap instead of adding up, which keeps the second core busy when one big entry is all
//! that is left to verify (a disk image in a vendor package, or the tail of any archive).

use crate::digest::MultiDigest;

use super::verify::OUT_CHUNK;

/// Compressed entries at least this large (declared, and compressed) go through a [`Pipe`]. The compressed
/// bound makes each extra thread cost a fraction of a percent of the reading it comes with, whatever the
/// entry count an archive claims.
pub const PIPELINE_MIN: u64 = 32 << 20;
pub const PIPELINE_MIN_COMPRESSED: u64 = 4 << 20;
/// Inflated pieces in flight between the two threads: [`PIPE_BUFFERS`] × [`OUT_CHUNK`] bytes per entry.
const PIPE_BUFFERS: usize = 4;
/// The hashing thread feeds digests in slices below `digest`'s parallel thresholds: it is not a rayon
/// worker, and rayon work queued from it could wait for workers that are waiting for it.
const PIPE_FEED: usize = 32 * 1024;

pub type Hashers = (crc32fast::Hasher, Option<MultiDigest>);

/// The inflating side of a two-thread pipeline: pieces are copied into one of [`PIPE_BUFFERS`] buffers
/// and sent to a thread that owns the CRC and digests; buffers come back to be refilled.
pub struct Pipe {
    full: Option<std::sync::mpsc::SyncSender<Vec<u8>>>,
    empty: std::sync::mpsc::Receiver<Vec<u8>>,
    unused: usize,
    hasher: std::thread::JoinHandle<Hashers>,
}

impl Pipe {
    /// `None` when no thread can be started: the caller then hashes inline.
    pub fn start(digest: Option<MultiDigest>) -> Option<Pipe> {
        let (full, full_rx) = std::sync::mpsc::sync_channel::<Vec<u8>>(PIPE_BUFFERS);
        let (empty_tx, empty) = std::sync::mpsc::channel::<Vec<u8>>();
        let hasher = std::thread::Builder::new()
            .name("shipgate-zip-hash".into())
            .spawn(move || {
                let mut crc = crc32fast::Hasher::new();
                let mut digest = digest;
                for buf in full_rx {
                    crc.update(&buf);
                    if let Some(d) = digest.as_mut() {
                        buf.chunks(PIPE_FEED).for_each(|part| d.update(part));
                    }
                    if empty_tx.send(buf).is_err() {
                        break;
                    }
                }
                (crc, digest)
            });
        match hasher {
            Ok(hasher) => Some(Pipe {
                full: Some(full),
                empty,
                unused: PIPE_BUFFERS,
                hasher,
            }),
            Err(_) => None,
        }
    }

    pub fn send(&mut self, piece: &[u8]) {
        let mut buf = if self.unused > 0 {
            self.unused -= 1;
            Vec::with_capacity(OUT_CHUNK)
        } else {
            // Only fails when the hashing thread is gone, which `finish` reports.
            self.empty.recv().unwrap_or_default()
        };
        buf.clear();
        buf.extend_from_slice(piece);
        if let Some(full) = &self.full {
            let _ = full.send(buf);
        }
    }

    /// Wait for the hashing thread to consume everything; its CRC and digests.
    pub fn finish(mut self) -> Hashers {
        drop(self.full.take());
        match self.hasher.join() {
            Ok(hashers) => hashers,
            // A panic while hashing is a bug; surface it as the inline code would have.
            Err(panic) => std::panic::resume_unwind(panic),
        }
    }
}
