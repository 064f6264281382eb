//! The only module that knows Python: `shipgate._native`.
//!
//! It converts arguments and results, maps [`crate::Error`] to the exceptions defined in
//! `shipgate.errors` (once, in `errors`), and releases the GIL around every piece of real work.

mod digest;
mod errors;
mod spool;
mod zip;

use pyo3::prelude::*;

#[pymodule]
#[pyo3(name = "_native")]
fn native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    digest::register(m)?;
    spool::register(m)?;
    zip::register(m)?;
    Ok(())
}
