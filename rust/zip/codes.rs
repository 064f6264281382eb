//! Every finding code the inspector reports, with every severity it may report it at: the one table the
//! Rust side has. [`Finding::new`](super::Finding::new) takes a [`Code`], so a code that is not here does not
//! compile, and a severity that is not listed for it fails a debug assertion (every `cargo test` and fuzz
//! run). The bindings export the table (`shipgate._native.ZIP_CODES`), and a test holds it equal to the
//! registry of documented codes (python/shipgate/codes/zip.py), so documented severity and implemented
//! severity cannot drift apart.

use super::finding::Severity;

/// A finding code and the severities it is reported at (the usual one first).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Code {
    pub name: &'static str,
    pub severities: &'static [Severity],
}

impl Code {
    /// Whether a finding of this code may have `severity`.
    pub fn allows(&self, severity: Severity) -> bool {
        self.severities.contains(&severity)
    }
}

macro_rules! codes {
    ($($konst:ident = $name:literal: [$($severity:ident),+];)*) => {
        $(pub const $konst: Code = Code { name: $name, severities: &[$(Severity::$severity),+] };)*
        /// Every code, in the order docs/findings.md lists them.
        pub const ALL: &[Code] = &[$($konst),*];
    };
}

codes! {
    NOT_A_ZIP = "zip.not_a_zip": [Critical];
    EOCD_COMMENT_LENGTH = "zip.eocd_comment_length": [Critical, High];
    EOCD_AMBIGUOUS = "zip.eocd_ambiguous": [Critical];
    COMMENT_HIDES_SIGNATURE = "zip.comment_hides_signature": [High];
    DATA_AFTER_EOCD = "zip.data_after_eocd": [Medium, Low];
    MULTI_DISK = "zip.multi_disk": [Critical];
    ZIP64_INVALID = "zip.zip64_invalid": [Critical];
    ZIP64_MISMATCH = "zip.zip64_mismatch": [High];
    ZIP64_UNEXPECTED_LOCATOR = "zip.zip64_unexpected_locator": [Medium];
    ZIP64_EXTRA_MISSING = "zip.zip64_extra_missing": [Critical];
    ZIP64_LOCATOR_MISSING = "zip.zip64_locator_missing": [Low];
    CENTRAL_DIRECTORY_CORRUPT = "zip.central_directory_corrupt": [Critical];
    CENTRAL_DIRECTORY_COUNT_MISMATCH = "zip.central_directory_count_mismatch": [Critical];
    ENTRY_COUNT_WRAPPED = "zip.entry_count_wrapped": [Low];
    CENTRAL_DIRECTORY_SIZE_MISMATCH = "zip.central_directory_size_mismatch": [High];
    TOO_MANY_ENTRIES = "zip.too_many_entries": [Critical];
    TRUNCATED = "zip.truncated": [Critical];
    PREFIXED_OFFSETS = "zip.prefixed_offsets": [Medium];
    DATA_BEFORE_FIRST_ENTRY = "zip.data_before_first_entry": [Medium];
    UNACCOUNTED_BYTES = "zip.unaccounted_bytes": [Medium];
    HIDDEN_LOCAL_HEADER = "zip.hidden_local_header": [High];
    LOCAL_HEADER_INVALID = "zip.local_header_invalid": [Critical];
    LOCAL_HEADER_MISMATCH = "zip.local_header_mismatch": [Critical];
    ENTRY_OUT_OF_BOUNDS = "zip.entry_out_of_bounds": [Critical];
    OVERLAPPING_ENTRIES = "zip.overlapping_entries": [Critical];
    EXTRA_FIELD_MALFORMED = "zip.extra_field_malformed": [High, Medium];
    NAME_INVALID_UTF8 = "zip.name_invalid_utf8": [High];
    UNICODE_PATH_MISMATCH = "zip.unicode_path_mismatch": [High, Low];
    PATH_TRAVERSAL = "zip.path_traversal": [Critical];
    PATH_INVALID = "zip.path_invalid": [High];
    PATH_BACKSLASH = "zip.path_backslash": [High];
    DUPLICATE_NAME = "zip.duplicate_name": [Critical, Low];
    DUPLICATE_NAME_NORMALIZED = "zip.duplicate_name_normalized": [High, Medium];
    SPECIAL_FILE = "zip.special_file": [High, Low];
    SETUID = "zip.setuid": [High];
    MODE_INVALID = "zip.mode_invalid": [Low];
    SYMLINK = "zip.symlink": [Low];
    SYMLINK_ESCAPE = "zip.symlink_escape": [High];
    PATH_THROUGH_SYMLINK = "zip.path_through_symlink": [Critical];
    ENCRYPTED_ENTRY = "zip.encrypted_entry": [High];
    UNSUPPORTED_METHOD = "zip.unsupported_method": [High];
    DECODER_MEMORY_LIMIT = "zip.decoder_memory_limit": [Critical];
    SIZE_MISMATCH = "zip.size_mismatch": [High];
    CRC_MISMATCH = "zip.crc_mismatch": [High];
    CORRUPT_DATA = "zip.corrupt_data": [High];
    COMPRESSION_RATIO = "zip.compression_ratio": [Critical, Low];
    ENTRY_SIZE_LIMIT = "zip.entry_size_limit": [Critical];
    TOTAL_SIZE_LIMIT = "zip.total_size_limit": [Critical];
    TIME_LIMIT = "zip.time_limit": [Critical];
    NESTING_DEPTH = "zip.nesting_depth": [High];
    NESTED_ARCHIVE_UNINSPECTED = "zip.nested_archive_uninspected": [Medium];
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_dotted() {
        let mut names: Vec<_> = ALL.iter().map(|c| c.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), ALL.len());
        assert!(ALL.iter().all(|c| c.name.starts_with("zip.") && !c.severities.is_empty()));
    }
}
