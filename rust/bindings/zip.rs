//! `inspect` for Python: the ZIP inspector's report as plain dicts and lists, which
//! `shipgate.archive` turns into frozen dataclasses. The whole inspection runs without the GIL.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyTuple};

use super::digest::algorithm_set;
use super::errors::to_py;

pyo3::import_exception!(shipgate.errors, MalformedArchive);
use crate::zip::{self, Evidence, Limits, Options};

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(inspect_zip, m)?)?;
    m.add_function(wrap_pyfunction!(zip_names, m)?)?;
    m.add_class::<ZipEntries>()?;
    m.add_class::<StreamedEntries>()?;
    let defaults = Limits::default();
    let d = PyDict::new(m.py());
    d.set_item("max_entry_size", defaults.max_entry_size)?;
    d.set_item("max_total_size", defaults.max_total_size)?;
    d.set_item("max_ratio", defaults.max_ratio)?;
    d.set_item("max_high_ratio_size", defaults.max_high_ratio_size)?;
    d.set_item("max_entries", defaults.max_entries)?;
    d.set_item("max_depth", defaults.max_depth)?;
    d.set_item("max_time", defaults.max_time.as_secs_f64())?;
    m.add("ZIP_DEFAULT_LIMITS", d)?;
    // Every code the inspector reports and the severities it reports it at (rust/zip/codes.rs).
    let codes = PyDict::new(m.py());
    for code in zip::codes::ALL {
        let severities: Vec<&str> = code.severities.iter().map(|s| s.name()).collect();
        codes.set_item(code.name, severities)?;
    }
    m.add("ZIP_CODES", codes)?;
    Ok(())
}

/// The stored entries a `SpoolWriter` verified while the upload streamed in (its `streamed()`), for
/// `inspect_zip(..., streamed=)` of that same file. Opaque; `len()` is the number of entries.
#[pyclass(module = "shipgate._native", frozen)]
pub(crate) struct StreamedEntries(pub(crate) Arc<zip::Streamed>);

#[pymethods]
impl StreamedEntries {
    fn __len__(&self) -> usize {
        self.0.len()
    }

    fn __repr__(&self) -> String {
        format!("<StreamedEntries: {} stored entries>", self.0.len())
    }
}

/// Inspect the ZIP archive at `path`. `verify=False` parses the structure only (a listing).
/// `direct=True` reads with O_DIRECT, for a spool file written past the page cache (`SpoolWriter`);
/// `streamed` takes that writer's results for the stored entries they cover instead of reading them.
/// `flags=True` collects each regular file's flag-like strings (`rust/zip/flags.rs`).
#[pyfunction]
#[pyo3(signature = (path, *, max_entry_size, max_total_size, max_ratio, max_high_ratio_size, max_entries,
                    max_depth, max_time, digests, verify = true, direct = false, streamed = None, flags = false))]
#[allow(clippy::too_many_arguments)]
fn inspect_zip<'py>(
    py: Python<'py>,
    path: PathBuf,
    max_entry_size: u64,
    max_total_size: u64,
    max_ratio: u64,
    max_high_ratio_size: u64,
    max_entries: u64,
    max_depth: u32,
    max_time: f64,
    digests: Vec<String>,
    verify: bool,
    direct: bool,
    streamed: Option<PyRef<'py, StreamedEntries>>,
    flags: bool,
) -> PyResult<Bound<'py, PyDict>> {
    let algorithms = algorithm_set(&digests)?;
    let options = Options {
        limits: Limits {
            max_entry_size,
            max_total_size,
            max_ratio,
            max_high_ratio_size,
            max_entries,
            max_depth,
            max_time: Duration::try_from_secs_f64(max_time.max(0.0)).unwrap_or(Duration::MAX),
        },
        digests: algorithms,
        verify,
        streamed: streamed.map(|s| Arc::clone(&s.0)),
        flags,
    };
    let inspect = if direct { crate::spool::inspect_path_direct } else { zip::inspect_path };
    let report = py.detach(|| inspect(&path, &options)).map_err(to_py)?;
    to_dict(py, report)
}

/// The entry names the central directory lists, in order, without reading anything else. A directory
/// that cannot be read raises `MalformedArchive` with the critical finding's message.
#[pyfunction]
#[pyo3(signature = (path, *, max_entries))]
fn zip_names(py: Python<'_>, path: PathBuf, max_entries: u64) -> PyResult<Vec<String>> {
    let limits = Limits {
        max_entries,
        ..Limits::default()
    };
    let structure = py
        .detach(|| {
            let source = zip::FileSource::open(&path).map_err(|e| crate::Error::io(&path, e))?;
            zip::parse_central_directory(&source, &limits)
        })
        .map_err(to_py)?;
    if let Some(f) = structure
        .findings
        .iter()
        .find(|f| f.severity == zip::Severity::Critical)
    {
        return Err(MalformedArchive::new_err(format!(
            "{}: {} ({})",
            path.display(),
            f.message,
            f.code
        )));
    }
    Ok(structure.entries.into_iter().map(|e| e.name).collect())
}

fn to_dict(py: Python<'_>, report: zip::Report) -> PyResult<Bound<'_, PyDict>> {
    let out = PyDict::new(py);
    out.set_item(intern!(py, "size"), report.size)?;
    out.set_item(intern!(py, "comment"), report.comment)?;
    out.set_item(intern!(py, "zip64"), report.zip64)?;
    let totals = PyDict::new(py);
    totals.set_item(intern!(py, "entries"), report.totals.entries)?;
    totals.set_item(intern!(py, "compressed"), report.totals.compressed)?;
    totals.set_item(intern!(py, "uncompressed"), report.totals.uncompressed)?;
    totals.set_item(intern!(py, "verified_bytes"), report.totals.verified_bytes)?;
    let verified = report.entries.iter().filter(|e| e.verified && !e.is_dir).count();
    let files = report.entries.iter().filter(|e| !e.is_dir).count();
    totals.set_item(intern!(py, "verified_entries"), verified)?;
    totals.set_item(intern!(py, "file_entries"), files)?;
    out.set_item(intern!(py, "totals"), totals)?;
    out.set_item(
        intern!(py, "entries"),
        ZipEntries {
            entries: report.entries,
        },
    )?;
    let findings = PyList::empty(py);
    for f in report.findings {
        let d = PyDict::new(py);
        d.set_item(intern!(py, "code"), f.code)?;
        d.set_item(intern!(py, "severity"), f.severity.name())?;
        d.set_item(intern!(py, "path"), f.path)?;
        d.set_item(intern!(py, "message"), f.message)?;
        let evidence = PyDict::new(py);
        for (k, v) in f.evidence {
            match v {
                Evidence::Int(i) => evidence.set_item(k, i)?,
                Evidence::Text(t) => evidence.set_item(k, t)?,
            }
        }
        d.set_item(intern!(py, "evidence"), evidence)?;
        findings.append(d)?;
    }
    out.set_item(intern!(py, "findings"), findings)?;
    Ok(out)
}

/// A report's entries, still in Rust. Python builds its objects only when asked (`to_dicts`): 100,000
/// entries are ~0.2 s of dicts and dataclasses that a verdict on the totals and findings never needs.
#[pyclass(module = "shipgate._native", frozen)]
struct ZipEntries {
    entries: Vec<zip::Entry>,
}

#[pymethods]
impl ZipEntries {
    fn __len__(&self) -> usize {
        self.entries.len()
    }

    /// One dict per entry, in central-directory order, with exactly `shipgate.archive.Entry`'s fields.
    fn to_dicts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let out = PyList::empty(py);
        for e in &self.entries {
            let d = PyDict::new(py);
            d.set_item(intern!(py, "name"), &e.name)?;
            d.set_item(intern!(py, "method"), e.method)?;
            d.set_item(intern!(py, "bit_flags"), e.bit_flags)?;
            d.set_item(intern!(py, "crc32"), e.crc32)?;
            d.set_item(intern!(py, "compressed_size"), e.compressed_size)?;
            d.set_item(intern!(py, "uncompressed_size"), e.uncompressed_size)?;
            d.set_item(intern!(py, "header_offset"), e.header_offset)?;
            d.set_item(intern!(py, "data_offset"), e.data_offset)?;
            d.set_item(intern!(py, "mode"), e.mode)?;
            d.set_item(intern!(py, "mtime"), e.mtime)?;
            d.set_item(intern!(py, "is_dir"), e.is_dir)?;
            d.set_item(intern!(py, "is_symlink"), e.is_symlink)?;
            d.set_item(intern!(py, "encrypted"), e.encrypted)?;
            d.set_item(intern!(py, "symlink_target"), &e.symlink_target)?;
            d.set_item(intern!(py, "verified"), e.verified)?;
            let digests = PyDict::new(py);
            for (alg, hex) in &e.digests {
                digests.set_item(alg.name(), hex)?;
            }
            d.set_item(intern!(py, "digests"), digests)?;
            d.set_item(intern!(py, "flags"), PyTuple::new(py, &e.flags)?)?;
            out.append(d)?;
        }
        Ok(out)
    }
}
