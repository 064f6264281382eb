//! `SpoolWriter` for Python: the service's upload spool, hashed and written past the page cache.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard};

use pyo3::buffer::PyBuffer;
use pyo3::exceptions::{PyBufferError, PyValueError};
use pyo3::prelude::*;

use super::digest::algorithm_set;
use super::errors::to_py;
use super::zip::StreamedEntries;
use crate::digest::Algorithm;
use crate::spool;

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<SpoolWriter>()
}

/// An upload spooled to a new file: `write` hashes each chunk (whole-archive digests) and hands it to a
/// background writer thread; `finish` returns the digests. Every call releases the GIL while it hashes,
/// copies, or waits for the disk. Calls from several threads are serialised by an internal lock.
#[pyclass(module = "shipgate._native", frozen)]
struct SpoolWriter {
    inner: Mutex<spool::SpoolWriter>,
    path: PathBuf,
    /// Kept beside the lock so reading it never waits for a write in progress.
    written: AtomicU64,
    direct: bool,
}

/// Why a call did not reach the writer, or what the writer said.
enum Refused {
    Ended(&'static str),
    Failed(crate::Error),
}

impl Refused {
    fn into_py(self, call: &str) -> PyErr {
        match self {
            // As Python's own files: an operation on a closed one is a ValueError, not an OSError.
            Refused::Ended(how) => {
                PyValueError::new_err(format!("{call}() on a {how} SpoolWriter"))
            }
            Refused::Failed(e) => to_py(e),
        }
    }
}

impl SpoolWriter {
    fn lock(&self) -> MutexGuard<'_, spool::SpoolWriter> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Run `f` on the writer unless it was finished or closed.
    fn with_open<T>(
        &self,
        f: impl FnOnce(&mut spool::SpoolWriter) -> crate::Result<T>,
    ) -> Result<T, Refused> {
        let mut writer = self.lock();
        if let Some(how) = writer.ended() {
            return Err(Refused::Ended(how));
        }
        let result = f(&mut writer).map_err(Refused::Failed);
        self.written.store(writer.written(), Ordering::Relaxed);
        result
    }
}

#[pymethods]
impl SpoolWriter {
    /// Create `path` (which must not exist: FileExistsError) with mode 0600. `direct` asks for O_DIRECT;
    /// the `direct` property says whether the filesystem granted it. `entry_digests` (algorithm names)
    /// also verifies the stored entries of a ZIP upload behind the writer, at idle priority: see
    /// `streamed()`.
    #[new]
    #[pyo3(signature = (path, algorithms, *, direct = true, entry_digests = Vec::new()))]
    fn new(
        path: PathBuf,
        algorithms: Vec<String>,
        direct: bool,
        entry_digests: Vec<String>,
    ) -> PyResult<Self> {
        let (algorithms, entry_digests) = (algorithm_set(&algorithms)?, algorithm_set(&entry_digests)?);
        let writer = spool::SpoolWriter::create(&path, &algorithms, direct, &entry_digests)
            .map_err(to_py)?;
        Ok(SpoolWriter {
            direct: writer.is_direct(),
            path,
            inner: Mutex::new(writer),
            written: AtomicU64::new(0),
        })
    }

    /// Hash and append any contiguous bytes-like object. Raises the OSError (ENOSPC, EIO, ...) of an
    /// earlier background write, and ValueError after `finish` or `close`.
    fn write(&self, py: Python<'_>, data: &Bound<'_, PyAny>) -> PyResult<()> {
        let buffer = PyBuffer::<u8>::get(data)?;
        if !buffer.is_c_contiguous() {
            return Err(PyBufferError::new_err("write() needs a contiguous buffer"));
        }
        // SAFETY: `buffer` holds the exporter's buffer (a PEP 3118 export) until it is dropped at the end
        // of this function, so the memory stays valid and cannot be resized; it is contiguous and of
        // `len_bytes()` bytes. The bytes are hashed and copied before `write` returns, never kept. A
        // writer mutating them concurrently spools meaningless bytes, never memory unsafety in practice,
        // which is the contract of `os.write` and hashlib too.
        let bytes: &[u8] = unsafe {
            std::slice::from_raw_parts(buffer.buf_ptr() as *const u8, buffer.len_bytes())
        };
        py.detach(|| self.with_open(|w| w.write(bytes)))
            .map_err(|r| r.into_py("write"))
    }

    /// Write the rest and close the file, which then holds exactly `written` bytes; the whole-archive hex
    /// digests keyed by algorithm name. The file is kept (the caller inspects, then removes it).
    fn finish(&self, py: Python<'_>) -> PyResult<BTreeMap<&'static str, String>> {
        let digests = py
            .detach(|| self.with_open(|w| w.finish()))
            .map_err(|r| r.into_py("finish"))?;
        Ok(digests
            .into_iter()
            .map(|(a, h)| (Algorithm::name(a), h))
            .collect())
    }

    /// After `finish`, the stored entries verified behind the writer before the last byte, for
    /// `inspect_zip(path, streamed=...)`; None without `entry_digests`, or once taken.
    fn streamed(&self) -> Option<StreamedEntries> {
        self.lock()
            .streamed()
            .map(|s| StreamedEntries(std::sync::Arc::new(s)))
    }

    /// Stop the writer thread and close the file without finishing (queued data is dropped); does not
    /// remove the file. Idempotent, and harmless after `finish`.
    fn close(&self, py: Python<'_>) {
        py.detach(|| self.lock().close());
    }

    /// Bytes accepted so far.
    #[getter]
    fn written(&self) -> u64 {
        self.written.load(Ordering::Relaxed)
    }

    /// Bytes of the upload the trailing walk has covered so far (read back, or passed over: a deflated
    /// entry's data); 0 without `entry_digests`.
    #[getter]
    fn walked(&self) -> u64 {
        self.lock().walked()
    }

    /// Whether the file is written with O_DIRECT (False where the filesystem refused it).
    #[getter]
    fn direct(&self) -> bool {
        self.direct
    }

    fn __repr__(&self) -> String {
        format!(
            "SpoolWriter({:?}, direct={}, written={})",
            self.path.display().to_string(),
            if self.direct { "True" } else { "False" },
            self.written()
        )
    }
}
