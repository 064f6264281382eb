//! What the inspector reports. Codes are stable (documented in docs/findings.md); the Python layer turns
//! each into a `shipgate.findings.Finding` unchanged.

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
    pub remedy: &'static str,
    pub evidence: Vec<(&'static str, Evidence)>,
}

impl Finding {
    pub fn new(code: &'static str, severity: Severity, path: impl Into<String>, message: impl Into<String>) -> Self {
        Finding {
            code,
            severity,
            path: path.into(),
            message: message.into(),
            remedy: remedy(code),
            evidence: Vec::new(),
        }
    }

    pub fn with(mut self, key: &'static str, value: impl Into<Evidence>) -> Self {
        self.evidence.push((key, value.into()));
        self
    }
}

/// What a person should do about each code. One place, so every finding of a code says the same.
fn remedy(code: &'static str) -> &'static str {
    match code {
        "zip.path_traversal" | "zip.symlink_escape" | "zip.path_through_symlink" => {
            "Reject the package: an extractor would write outside its target directory."
        }
        "zip.overlapping_entries"
        | "zip.eocd_ambiguous"
        | "zip.local_header_mismatch"
        | "zip.duplicate_name"
        | "zip.unicode_path_mismatch"
        | "zip.central_directory_count_mismatch"
        | "zip.hidden_local_header" => {
            "Reject the package: different extractors would produce different files. Ask the vendor to rebuild it \
             with a standard ZIP tool."
        }
        "zip.crc_mismatch" | "zip.size_mismatch" | "zip.corrupt_data" | "zip.truncated" => {
            "Re-download the package; if it persists, ask the vendor for a new build."
        }
        "zip.compression_ratio"
        | "zip.entry_size_limit"
        | "zip.total_size_limit"
        | "zip.too_many_entries"
        | "zip.nesting_depth"
        | "zip.time_limit" => {
            "Treat as a decompression bomb unless the vendor explains the size; raise the limit only for a \
             package you trust."
        }
        "zip.encrypted_entry" | "zip.unsupported_method" => {
            "Ask the vendor for an unencrypted package using stored or deflate entries so it can be verified."
        }
        _ => "Ask the vendor to rebuild the package with a standard ZIP tool.",
    }
}
