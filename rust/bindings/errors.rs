//! One conversion from the crate's error to Python. The exception classes live in Python
//! (`shipgate.errors`) so `except shipgate.errors.X` works for errors raised from either side.

use pyo3::exceptions::PyOSError;
use pyo3::prelude::*;

use crate::error::Error;

pyo3::import_exception!(shipgate.errors, MalformedInput);
pyo3::import_exception!(shipgate.errors, UnsupportedInput);
pyo3::import_exception!(shipgate.errors, LimitExceeded);

pub(crate) fn to_py(err: Error) -> PyErr {
    let message = err.to_string();
    match err {
        Error::Malformed { .. } => MalformedInput::new_err(message),
        Error::Unsupported { .. } => UnsupportedInput::new_err(message),
        Error::Limit { .. } => LimitExceeded::new_err(message),
        Error::Io { path, source } => {
            let errno = source.raw_os_error().unwrap_or(0);
            let text = source.to_string();
            match path {
                Some(p) => PyOSError::new_err((errno, text, p.to_string_lossy().into_owned())),
                None => PyOSError::new_err((errno, text)),
            }
        }
    }
}
