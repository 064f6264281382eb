//! shipgate's native core.
//!
//! The pure modules (`digest`, `spool`, and the ZIP inspector beside them) know nothing about Python and
//! are tested with `cargo test` alone. `bindings` is the only module that knows pyo3: it converts types
//! and errors and releases the GIL around the work.

#![deny(unsafe_op_in_unsafe_fn)]
// Every `unsafe` block says why it is sound (CONTRIBUTING.md); rust/zip/ forbids `unsafe` altogether.
#![deny(clippy::undocumented_unsafe_blocks)]

pub mod digest;
pub mod error;
pub mod flags;
pub mod spool;
pub mod zip;

#[cfg(feature = "python")]
mod bindings;

pub use error::{Error, Result};
