//! Findings the parser reports from several places, one constructor each.

use super::super::codes;
use super::super::finding::{Finding, Severity};

pub(super) fn count_mismatch(message: &str) -> Finding {
    Finding::new(codes::CENTRAL_DIRECTORY_COUNT_MISMATCH, Severity::Critical, "", message)
}

pub(super) fn truncated(path: &str, message: &str) -> Finding {
    Finding::new(codes::TRUNCATED, Severity::Critical, path, message)
}

pub(super) fn central_corrupt(message: String) -> Finding {
    Finding::new(codes::CENTRAL_DIRECTORY_CORRUPT, Severity::Critical, "", message)
}

pub(super) fn out_of_bounds(path: &str, message: String) -> Finding {
    Finding::new(codes::ENTRY_OUT_OF_BOUNDS, Severity::Critical, path, message)
}

pub(super) fn too_many_entries(message: String) -> Finding {
    Finding::new(codes::TOO_MANY_ENTRIES, Severity::Critical, "", message)
}

pub(super) fn unaccounted(offset: u64, length: u64, message: String) -> Finding {
    Finding::new(codes::UNACCOUNTED_BYTES, Severity::Medium, "", message).with("offset", offset).with("length", length)
}

pub(super) fn before_first_entry(length: u64, message: String) -> Finding {
    Finding::new(codes::DATA_BEFORE_FIRST_ENTRY, Severity::Medium, "", message).with("length", length)
}

pub(super) fn header_mismatch(path: &str, what: &str, differs: &[&str]) -> Finding {
    Finding::new(
        codes::LOCAL_HEADER_MISMATCH,
        Severity::Critical,
        path,
        format!("the {what} and the central directory disagree on: {}", differs.join(", ")),
    )
    .with("fields", differs.join(","))
}

pub(super) fn zip64_invalid(message: &str, record_offset: u64) -> Finding {
    Finding::new(codes::ZIP64_INVALID, Severity::Critical, "", message).with("record_offset", record_offset)
}
