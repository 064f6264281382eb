//! `MultiDigest` and `hash_file` for Python.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Mutex;

use pyo3::buffer::PyBuffer;
use pyo3::exceptions::PyBufferError;
use pyo3::prelude::*;

use super::errors::to_py;
use crate::digest::{self, Algorithm};

/// Below this, releasing and re-taking the GIL costs more than hashing (CPython's hashlib uses 2 KiB).
const GIL_RELEASE_MIN: usize = 2048;

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<MultiDigest>()?;
    m.add_function(wrap_pyfunction!(hash_file, m)?)?;
    m.add("ALGORITHMS", Algorithm::ALL.map(Algorithm::name).to_vec())?;
    Ok(())
}

/// `names` as a set of algorithms in the stable order (sha256, sha512, blake3); an empty list stays empty
/// (the callee says whether that means none or is an error); an unknown name raises.
pub(crate) fn algorithm_set(names: &[String]) -> PyResult<Vec<Algorithm>> {
    let parsed: crate::error::Result<Vec<Algorithm>> = names.iter().map(|n| n.parse()).collect();
    let mut set = parsed.map_err(to_py)?;
    set.sort();
    set.dedup();
    Ok(set)
}

fn parse_algorithms(names: Vec<String>) -> PyResult<digest::MultiDigest> {
    digest::MultiDigest::from_names(&names).map_err(to_py)
}

fn into_dict(digests: Vec<(Algorithm, String)>) -> BTreeMap<&'static str, String> {
    digests.into_iter().map(|(a, h)| (a.name(), h)).collect()
}

/// Several digests over one stream. Updates from several threads are serialised by an internal lock,
/// like `hashlib`'s: each `update` is atomic, the order between threads is the callers' business.
#[pyclass(module = "shipgate._native", frozen)]
struct MultiDigest {
    state: Mutex<digest::MultiDigest>,
}

#[pymethods]
impl MultiDigest {
    #[new]
    #[pyo3(signature = (algorithms = vec!["sha256".to_owned(), "blake3".to_owned()]))]
    fn new(algorithms: Vec<String>) -> PyResult<Self> {
        Ok(MultiDigest { state: Mutex::new(parse_algorithms(algorithms)?) })
    }

    /// Hash any contiguous bytes-like object, without copying it and without the GIL.
    fn update(&self, py: Python<'_>, data: &Bound<'_, PyAny>) -> PyResult<()> {
        let buffer = PyBuffer::<u8>::get(data)?;
        if !buffer.is_c_contiguous() {
            return Err(PyBufferError::new_err("update() needs a contiguous buffer"));
        }
        // SAFETY: `buffer` holds the exporter's buffer (a PEP 3118 export) until it is dropped at the end
        // of this function, so the memory stays valid and cannot be resized; it is contiguous and of
        // `len_bytes()` bytes. A writer mutating its contents concurrently yields a meaningless digest
        // of bytes, never memory unsafety in practice, which is the contract hashlib has too.
        let bytes: &[u8] =
            unsafe { std::slice::from_raw_parts(buffer.buf_ptr() as *const u8, buffer.len_bytes()) };
        let run = || self.state.lock().unwrap_or_else(|p| p.into_inner()).update(bytes);
        if bytes.len() >= GIL_RELEASE_MIN {
            py.detach(run);
        } else {
            run();
        }
        Ok(())
    }

    /// The hex digests so far, keyed by algorithm name; more data may still follow.
    fn hexdigests(&self) -> BTreeMap<&'static str, String> {
        into_dict(self.state.lock().unwrap_or_else(|p| p.into_inner()).hexdigests())
    }

    #[getter]
    fn bytes_hashed(&self) -> u64 {
        self.state.lock().unwrap_or_else(|p| p.into_inner()).bytes_hashed()
    }

    #[getter]
    fn algorithms(&self) -> Vec<&'static str> {
        let state = self.state.lock().unwrap_or_else(|p| p.into_inner());
        state.algorithms().into_iter().map(Algorithm::name).collect()
    }

    fn __repr__(&self) -> String {
        format!("MultiDigest(algorithms={:?})", self.algorithms())
    }
}

/// Hash the file at `path`; `progress(bytes_done)` is called every 64 MiB when given.
#[pyfunction]
#[pyo3(signature = (path, algorithms = vec!["sha256".to_owned()], progress = None))]
fn hash_file(
    py: Python<'_>,
    path: PathBuf,
    algorithms: Vec<String>,
    progress: Option<Py<PyAny>>,
) -> PyResult<BTreeMap<&'static str, String>> {
    let mut state = parse_algorithms(algorithms)?;
    let mut callback_error: Option<PyErr> = None;
    let result = py.detach(|| {
        let mut report = |done: u64| {
            if let (Some(cb), None) = (&progress, &callback_error) {
                Python::attach(|py| {
                    if let Err(e) = cb.call1(py, (done,)) {
                        callback_error = Some(e);
                    }
                });
            }
        };
        digest::hash_path(&path, &mut state, &mut report)
    });
    if let Some(e) = callback_error {
        return Err(e);
    }
    result.map_err(to_py)?;
    Ok(into_dict(state.hexdigests()))
}
