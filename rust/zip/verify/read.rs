//! The compressed bytes of one entry, read in pieces: the one read helper both the stored path and every
//! decoder use, with a per-worker read-ahead window for small entries.

use std::io;

use super::super::source::Source;

/// Reads below this size are served from a per-worker read-ahead window: a worker verifies entries in
/// file order, so one `pread` of [`READ_AHEAD`] serves hundreds of small entries instead of one each.
const SMALL_READ: usize = 16 * 1024;
const READ_AHEAD: usize = 256 * 1024;

pub(super) struct ReadAhead {
    buf: Vec<u8>,
    start: u64,
}

impl ReadAhead {
    pub(super) fn new() -> ReadAhead {
        ReadAhead { buf: Vec::new(), start: 0 }
    }

    fn read_at(&mut self, source: &dyn Source, pos: u64, out: &mut [u8]) -> io::Result<usize> {
        if out.len() > SMALL_READ {
            return source.read_at(pos, out);
        }
        let end = pos + out.len() as u64;
        if pos < self.start || end > self.start + self.buf.len() as u64 {
            self.buf.resize(READ_AHEAD, 0);
            let n = source.read_at(pos, &mut self.buf)?;
            self.buf.truncate(n);
            self.start = pos;
        }
        let from = (pos - self.start) as usize;
        let n = out.len().min(self.buf.len().saturating_sub(from));
        out[..n].copy_from_slice(&self.buf[from..from + n]);
        Ok(n)
    }
}

/// What [`Input::next`] read.
pub(super) enum Chunk {
    /// This many bytes, at the start of the buffer.
    Data(usize),
    /// Every byte of the entry was read.
    End,
    /// The file ended first.
    Truncated,
}

/// The byte range `[pos, end)` of one entry's compressed data.
pub(super) struct Input<'s> {
    source: &'s dyn Source,
    pos: u64,
    end: u64,
}

impl<'s> Input<'s> {
    pub(super) fn new(source: &'s dyn Source, start: u64, len: u64) -> Input<'s> {
        Input { source, pos: start, end: start + len }
    }

    /// Whether every byte has been read.
    pub(super) fn done(&self) -> bool {
        self.pos >= self.end
    }

    /// The next bytes, into `buf`.
    pub(super) fn next(&mut self, ahead: &mut ReadAhead, buf: &mut [u8]) -> io::Result<Chunk> {
        if self.done() {
            return Ok(Chunk::End);
        }
        let want = ((self.end - self.pos) as usize).min(buf.len());
        let n = ahead.read_at(self.source, self.pos, &mut buf[..want])?;
        if n == 0 {
            return Ok(Chunk::Truncated);
        }
        self.pos += n as u64;
        Ok(Chunk::Data(n))
    }
}
