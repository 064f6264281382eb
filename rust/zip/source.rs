//! Where the bytes come from. The parser never reads; drivers read the ranges it asks for from a
//! [`Source`].
//!
//! Files are read with `pread` (positioned, thread-safe, no shared cursor) rather than mapped: a spool
//! file can still be open by its writer, and a mapping of a file truncated underneath would fault
//! (SIGBUS) where `pread` just returns fewer bytes, which becomes a `zip.truncated` finding. Resident
//! memory is the callers' buffers only, whatever the file's size.

use std::fs::File;
use std::io;
use std::os::unix::fs::FileExt;
use std::path::Path;

const EISDIR: i32 = 21;

/// Random-access bytes of a known length.
pub trait Source: Sync {
    fn len(&self) -> u64;

    fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Fill `buf` from `offset`; returns how many bytes were read (fewer only at the end of the data).
    fn read_at(&self, offset: u64, buf: &mut [u8]) -> io::Result<usize>;

    /// Read `len` bytes from `offset` into a new buffer, shorter if the data ends first.
    fn read_vec(&self, offset: u64, len: usize) -> io::Result<Vec<u8>> {
        let avail = self.len().saturating_sub(offset).min(len as u64) as usize;
        let mut buf = vec![0u8; avail];
        let n = self.read_at(offset, &mut buf)?;
        buf.truncate(n);
        Ok(buf)
    }
}

/// A file read by `pread`. Its length is taken once, at open: bytes a writer appends later are not part
/// of this inspection.
pub struct FileSource {
    file: File,
    len: u64,
}

impl FileSource {
    pub fn open(path: &Path) -> io::Result<FileSource> {
        FileSource::from_file(File::open(path)?)
    }

    /// A file already open for reading (by a caller that sets flags on it, as the upload spool does).
    pub fn from_file(file: File) -> io::Result<FileSource> {
        let meta = file.metadata()?;
        if meta.is_dir() {
            // EISDIR (21 on Linux and the BSDs), so Python raises IsADirectoryError as open() would.
            return Err(io::Error::from_raw_os_error(EISDIR));
        }
        Ok(FileSource { len: meta.len(), file })
    }

    pub fn file(&self) -> &File {
        &self.file
    }
}

impl Source for FileSource {
    fn len(&self) -> u64 {
        self.len
    }

    fn read_at(&self, offset: u64, buf: &mut [u8]) -> io::Result<usize> {
        let want = (self.len.saturating_sub(offset)).min(buf.len() as u64) as usize;
        let mut done = 0;
        while done < want {
            match self.file.read_at(&mut buf[done..want], offset + done as u64) {
                Ok(0) => break,
                Ok(n) => done += n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            }
        }
        Ok(done)
    }
}

impl Source for &[u8] {
    fn len(&self) -> u64 {
        <[u8]>::len(self) as u64
    }

    fn read_at(&self, offset: u64, buf: &mut [u8]) -> io::Result<usize> {
        let start = offset.min(<[u8]>::len(self) as u64) as usize;
        let n = (<[u8]>::len(self) - start).min(buf.len());
        buf[..n].copy_from_slice(&self[start..start + n]);
        Ok(n)
    }
}

/// `len` bytes of another source starting at `start`: a stored archive inside an archive, read in place.
pub struct SubSource<'a, S: Source + ?Sized> {
    pub inner: &'a S,
    pub start: u64,
    pub len: u64,
}

impl<S: Source + ?Sized> Source for SubSource<'_, S> {
    fn len(&self) -> u64 {
        self.len
    }

    fn read_at(&self, offset: u64, buf: &mut [u8]) -> io::Result<usize> {
        let avail = self.len.saturating_sub(offset).min(buf.len() as u64) as usize;
        self.inner.read_at(self.start + offset, &mut buf[..avail])
    }
}

/// A read cache of one window, for the parser's many small reads of neighbouring local headers: one
/// `pread` of [`WINDOW`] serves every header in it.
pub struct Windowed<'a, S: Source + ?Sized> {
    source: &'a S,
    start: u64,
    buf: Vec<u8>,
}

/// Large enough to hold hundreds of small entries' headers, small enough to be irrelevant to RSS.
const WINDOW: usize = 256 * 1024;

impl<'a, S: Source + ?Sized> Windowed<'a, S> {
    pub fn new(source: &'a S) -> Self {
        Windowed {
            source,
            start: 0,
            buf: Vec::new(),
        }
    }

    /// `len` bytes from `offset` (fewer at the end of the data).
    pub fn get(&mut self, offset: u64, len: u64) -> io::Result<&[u8]> {
        let end = offset.saturating_add(len).min(self.source.len());
        let offset = offset.min(end);
        let buf_end = self.start + self.buf.len() as u64;
        if offset < self.start || end > buf_end {
            if len as usize > WINDOW {
                self.buf = self.source.read_vec(offset, (end - offset) as usize)?;
            } else {
                self.buf.resize(WINDOW.min((self.source.len() - offset) as usize), 0);
                let n = self.source.read_at(offset, &mut self.buf)?;
                self.buf.truncate(n);
            }
            self.start = offset;
        }
        let from = (offset - self.start) as usize;
        let to = ((end - self.start) as usize).min(self.buf.len());
        Ok(&self.buf[from.min(to)..to])
    }
}
