//! The crate's one error type, converted to Python exceptions once, in `bindings`.

use std::fmt;
use std::io;
use std::path::PathBuf;

/// Every failure of the native core.
#[derive(Debug)]
pub enum Error {
    /// Input that does not follow its format.
    Malformed { what: &'static str, detail: String },
    /// A request for something this build does not do (an unknown digest algorithm, a ZIP method).
    Unsupported { what: &'static str, name: String },
    /// A configured bound was crossed; `limit` names it, `value` is what was seen.
    Limit { limit: &'static str, max: u64, value: u64 },
    /// An I/O failure, with the path when one is involved.
    Io { path: Option<PathBuf>, source: io::Error },
}

pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    pub fn io(path: impl Into<PathBuf>, source: io::Error) -> Self {
        Error::Io { path: Some(path.into()), source }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Malformed { what, detail } => write!(f, "malformed {what}: {detail}"),
            Error::Unsupported { what, name } => write!(f, "unsupported {what}: {name}"),
            Error::Limit { limit, max, value } => {
                write!(f, "limit {limit} exceeded: {value} > {max}")
            }
            Error::Io { path: Some(path), source } => write!(f, "{}: {source}", path.display()),
            Error::Io { path: None, source } => write!(f, "{source}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

impl From<io::Error> for Error {
    fn from(source: io::Error) -> Self {
        Error::Io { path: None, source }
    }
}
