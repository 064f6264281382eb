//! What the inspector reports. Codes are stable ([`super::codes`], documented in docs/findings.md); the
//! Python layer turns each into a `shipgate.findings.Finding` and adds the registry's remedy.

use super::codes::Code;

/// Ordered like `shipgate.findings.Severity`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Info,
    Low,
    Medium,
    High,
    Critical,
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
            Severity::Critical => "critical",
        }
    }
}

/// A value in a finding's evidence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Evidence {
    Int(i128),
    Text(String),
}

impl From<u64> for Evidence {
    fn from(v: u64) -> Self {
        Evidence::Int(i128::from(v))
    }
}
impl From<u32> for Evidence {
    fn from(v: u32) -> Self {
        Evidence::Int(i128::from(v))
    }
}
impl From<u16> for Evidence {
    fn from(v: u16) -> Self {
        Evidence::Int(i128::from(v))
    }
}
impl From<usize> for Evidence {
    fn from(v: usize) -> Self {
        Evidence::Int(v as i128)
    }
}
impl From<&str> for Evidence {
    fn from(v: &str) -> Self {
        Evidence::Text(v.to_owned())
    }
}
impl From<String> for Evidence {
    fn from(v: String) -> Self {
        Evidence::Text(v)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub code: &'static str,
    pub severity: Severity,
    /// The entry name (prefixed `outer!` inside nested archives), or "" for the whole archive.
    pub path: String,
    pub message: String,
    pub evidence: Vec<(&'static str, Evidence)>,
}

impl Finding {
    /// A finding of `code` at `severity`, which must be one the code is registered with.
    pub fn new(code: Code, severity: Severity, path: impl Into<String>, message: impl Into<String>) -> Self {
        debug_assert!(code.allows(severity), "{} is not registered at {}", code.name, severity.name());
        Finding {
            code: code.name,
            severity,
            path: path.into(),
            message: message.into(),
            evidence: Vec::new(),
        }
    }

    pub fn with(mut self, key: &'static str, value: impl Into<Evidence>) -> Self {
        self.evidence.push((key, value.into()));
        self
    }
}
