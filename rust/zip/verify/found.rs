//! The findings verification reports, one constructor each: every place that reports one says the same.

use super::super::codes;
use super::super::finding::{Finding, Severity};
use super::super::{Entry, Limits};

pub(super) fn inflates_past_declared(e: &Entry) -> Finding {
    Finding::new(
        codes::SIZE_MISMATCH,
        Severity::High,
        &e.name,
        format!("the entry inflates to more than its declared {} bytes", e.uncompressed_size),
    )
    .with("declared", e.uncompressed_size)
}

pub(super) fn size_mismatch(e: &Entry, actual: u64) -> Finding {
    Finding::new(
        codes::SIZE_MISMATCH,
        Severity::High,
        &e.name,
        format!("the entry inflates to {actual} bytes, not the declared {}", e.uncompressed_size),
    )
    .with("declared", e.uncompressed_size)
    .with("actual", actual)
}

/// Inflating past `max_ratio` once the archive's `max_high_ratio_size` is spent.
pub(super) fn ratio(e: &Entry, limits: &Limits, inflated: u64, consumed: u64) -> Finding {
    Finding::new(
        codes::COMPRESSION_RATIO,
        Severity::Critical,
        &e.name,
        format!(
            "the entry inflates more than {}:1, beyond the {} bytes the archive may inflate at such ratios",
            limits.max_ratio, limits.max_high_ratio_size
        ),
    )
    .with("inflated", inflated)
    .with("compressed_read", consumed)
    .with("limit", limits.max_high_ratio_size)
}

/// An entry that declares more than `max_ratio`: low when `admitted` (it is verified like any other),
/// critical when the archive's `max_high_ratio_size` is spent (it is not read).
pub(super) fn declared_ratio(e: &Entry, limits: &Limits, admitted: bool) -> Finding {
    let ratio = e.uncompressed_size / e.compressed_size.max(1);
    let (severity, message) = if admitted {
        (
            Severity::Low,
            format!(
                "the entry declares a {ratio}:1 compression ratio ({} bytes from {}): highly repetitive data such \
                 as padding or a sparse image, within the {} bytes an archive may inflate above {}:1",
                e.uncompressed_size, e.compressed_size, limits.max_high_ratio_size, limits.max_ratio
            ),
        )
    } else {
        (
            Severity::Critical,
            format!(
                "the entry declares a {ratio}:1 compression ratio, above {}:1, and the archive's entries above \
                 that ratio exceed {} bytes",
                limits.max_ratio, limits.max_high_ratio_size
            ),
        )
    };
    Finding::new(codes::COMPRESSION_RATIO, severity, &e.name, message)
        .with("compressed_size", e.compressed_size)
        .with("uncompressed_size", e.uncompressed_size)
        .with("limit", limits.max_high_ratio_size)
}

pub(super) fn total_size(e: &Entry, limit: u64) -> Finding {
    Finding::new(
        codes::TOTAL_SIZE_LIMIT,
        Severity::Critical,
        &e.name,
        format!("more than {limit} bytes inflated in all"),
    )
    .with("limit", limit)
}

pub(super) fn time_limit(e: &Entry, limit: std::time::Duration) -> Finding {
    Finding::new(
        codes::TIME_LIMIT,
        Severity::Critical,
        &e.name,
        format!("verification took longer than {limit:?}"),
    )
    .with("limit_seconds", limit.as_secs())
}

pub(super) fn truncated(e: &Entry, produced: u64) -> Finding {
    Finding::new(
        codes::TRUNCATED,
        Severity::Critical,
        &e.name,
        format!("the entry's data ends after {produced} of {} bytes", e.uncompressed_size),
    )
    .with("inflated", produced)
}

pub(super) fn crc_mismatch(e: &Entry, actual: u32) -> Finding {
    Finding::new(
        codes::CRC_MISMATCH,
        Severity::High,
        &e.name,
        format!("CRC-32 is {actual:08x}, the archive says {:08x}", e.crc32),
    )
    .with("declared", format!("{:08x}", e.crc32))
    .with("actual", format!("{actual:08x}"))
}

pub(super) fn corrupt(e: &Entry, message: String, produced: u64) -> Finding {
    Finding::new(codes::CORRUPT_DATA, Severity::High, &e.name, message).with("inflated", produced)
}

pub(super) fn decoder_memory(e: &Entry, limit: u64) -> Finding {
    Finding::new(
        codes::DECODER_MEMORY_LIMIT,
        Severity::Critical,
        &e.name,
        format!(
            "the {} stream declares a dictionary, window or model larger than the {limit}-byte limit; it was not decoded",
            super::super::decode::name(e.method)
        ),
    )
    .with("limit", limit)
}

pub(super) fn ends_early(e: &Entry, consumed: u64) -> Finding {
    let left = e.compressed_size - consumed;
    Finding::new(
        codes::UNACCOUNTED_BYTES,
        Severity::Medium,
        &e.name,
        format!(
            "the {} stream ends {left} bytes before the entry's compressed size",
            super::super::decode::name(e.method)
        ),
    )
    .with("length", left)
}

pub(super) fn too_deep(e: &Entry, max_depth: u32) -> Finding {
    Finding::new(
        codes::NESTING_DEPTH,
        Severity::High,
        &e.name,
        format!("archive nested deeper than {max_depth} levels was not inspected"),
    )
}

pub(super) fn nested_too_large(e: &Entry) -> Finding {
    Finding::new(
        codes::NESTED_ARCHIVE_UNINSPECTED,
        Severity::Medium,
        &e.name,
        "a nested archive too large to buffer was verified as bytes but not inspected",
    )
}

pub(super) fn nested_other_format(e: &Entry, kind: &'static str) -> Finding {
    Finding::new(
        codes::NESTED_ARCHIVE_UNINSPECTED,
        Severity::Medium,
        &e.name,
        format!("a nested {kind} archive is verified as bytes, its contents are not inspected"),
    )
    .with("format", kind)
}
