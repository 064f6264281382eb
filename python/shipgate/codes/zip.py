"""Finding codes of the ``zip.`` layer:
ZIP structure and contents, inspected by the native core (rust/zip); the Python layer adds the remedy from here.
"""

from __future__ import annotations

from shipgate.codes._model import Code
from shipgate.findings import Severity as S

CODES = (
    Code(
        "zip.not_a_zip",
        S.CRITICAL,
        "no end-of-central-directory record (evidence names bzip2/gzip/xz/7z/rar/zstd data when recognised)",
        "Ask the vendor to rebuild the package with a standard ZIP tool.",
    ),
    Code(
        "zip.eocd_comment_length",
        S.CRITICAL,
        "the end record's comment length runs past the file (yauzl, Go and Python disagree on such a record); "
        "high: such a record in data after the archive, which CPython takes for the end record",
        "Ask the vendor to rebuild the package with a standard ZIP tool.",
        also=(S.HIGH,),
    ),
    Code(
        "zip.eocd_ambiguous",
        S.CRITICAL,
        "two end records each fit the file exactly, or an unneeded ZIP64 record, describe different central "
        "directories",
        "Reject the package: different extractors would produce different files. Ask the vendor to rebuild it"
        " with a standard ZIP tool.",
    ),
    Code(
        "zip.comment_hides_signature",
        S.HIGH,
        "the archive comment contains a ZIP signature (EOCD, central, local, ZIP64)",
        "Ask the vendor to rebuild the package with a standard ZIP tool.",
    ),
    Code(
        "zip.data_after_eocd",
        S.MEDIUM,
        "bytes follow the end record and its comment (low: zeros only, the block padding bsdtar adds when "
        "writing to a pipe)",
        "Ask the vendor to rebuild the package with a standard ZIP tool.",
        also=(S.LOW,),
    ),
    Code(
        "zip.multi_disk",
        S.CRITICAL,
        "the archive or an entry claims to span several disks",
        "Ask the vendor to rebuild the package with a standard ZIP tool.",
    ),
    Code(
        "zip.zip64_invalid",
        S.CRITICAL,
        "no valid ZIP64 end record where the locator points, or a locator (needed or not) that points past itself "
        "or past the end of the file",
        "Ask the vendor to rebuild the package with a standard ZIP tool.",
    ),
    Code(
        "zip.zip64_mismatch",
        S.HIGH,
        "the ZIP64 end record and the classic one disagree on a non-saturated field",
        "Ask the vendor to rebuild the package with a standard ZIP tool.",
    ),
    Code(
        "zip.zip64_unexpected_locator",
        S.MEDIUM,
        "a ZIP64 locator precedes an end record that needs none and no ZIP64 record is where it points (CPython "
        "follows it and fails, Go does not)",
        "Ask the vendor to rebuild the package with a standard ZIP tool.",
    ),
    Code(
        "zip.zip64_extra_missing",
        S.CRITICAL,
        "a saturated size/offset field has no value in the entry's ZIP64 extra field",
        "Ask the vendor to rebuild the package with a standard ZIP tool.",
    ),
    Code(
        "zip.zip64_locator_missing",
        S.LOW,
        "the end record's directory offset is 0xFFFFFFFF with no ZIP64 record (Info-ZIP's zip -fz to a pipe); the "
        "directory is read where its size places it, as CPython and Info-ZIP do",
        "Nothing to do for this package; the vendor's tool leaves the offset unfilled when it streams.",
    ),
    Code(
        "zip.central_directory_corrupt",
        S.CRITICAL,
        "no central directory header where one must be",
        "Ask the vendor to rebuild the package with a standard ZIP tool.",
    ),
    Code(
        "zip.central_directory_count_mismatch",
        S.CRITICAL,
        "the end record's entry count disagrees with the directory (more records, impossible counts)",
        "Reject the package: different extractors would produce different files. Ask the vendor to rebuild it"
        " with a standard ZIP tool.",
    ),
    Code(
        "zip.entry_count_wrapped",
        S.LOW,
        "more than 65,535 entries without ZIP64: the end record's 16-bit count wrapped, and the records fill the "
        "directory exactly (Go, CPython and Info-ZIP read them all)",
        "Nothing to do for this package; a writer with ZIP64 support records the full count.",
    ),
    Code(
        "zip.central_directory_size_mismatch",
        S.HIGH,
        "bytes follow the last counted record inside the directory's declared size (a record's comment overlapping "
        "the next record): CPython refuses the archive, Go reads fewer entries",
        "Reject the package: different extractors would produce different files. Ask the vendor to rebuild it"
        " with a standard ZIP tool.",
    ),
    Code(
        "zip.too_many_entries",
        S.CRITICAL,
        "more entries than `Limits.max_entries`, or a directory too large to hold (256 MiB)",
        "Treat as a decompression bomb unless the vendor explains the size; raise the limit only for a "
        "package you trust.",
    ),
    Code(
        "zip.truncated",
        S.CRITICAL,
        "the file ends inside a record or an entry's data",
        "Re-download the package; if it persists, ask the vendor for a new build.",
    ),
    Code(
        "zip.prefixed_offsets",
        S.MEDIUM,
        "every offset is off by a prefix (self-extractor stub); Info-ZIP, Python and Go adjust",
        "Ask the vendor to rebuild the package with a standard ZIP tool.",
    ),
    Code(
        "zip.data_before_first_entry",
        S.MEDIUM,
        "bytes before the first local header belong to no entry",
        "Ask the vendor to rebuild the package with a standard ZIP tool.",
    ),
    Code(
        "zip.unaccounted_bytes",
        S.MEDIUM,
        "bytes between entries, after the last entry or after an entry's compressed stream belong to no entry",
        "Ask the vendor to rebuild the package with a standard ZIP tool.",
    ),
    Code(
        "zip.hidden_local_header",
        S.HIGH,
        "bytes outside every entry hold a ZIP header signature: a streaming extractor (or 7-Zip, before the first"
        " entry) sees other entries",
        "Reject the package: different extractors would produce different files. Ask the vendor to rebuild it"
        " with a standard ZIP tool.",
    ),
    Code(
        "zip.local_header_invalid",
        S.CRITICAL,
        "no local file header where the central directory points",
        "Ask the vendor to rebuild the package with a standard ZIP tool.",
    ),
    Code(
        "zip.local_header_mismatch",
        S.CRITICAL,
        "local header or data descriptor disagrees with the central directory (name, method, flags, CRC, sizes)",
        "Reject the package: different extractors would produce different files. Ask the vendor to rebuild it"
        " with a standard ZIP tool.",
    ),
    Code(
        "zip.entry_out_of_bounds",
        S.CRITICAL,
        "an entry's header or data runs into the central directory or past the file",
        "Ask the vendor to rebuild the package with a standard ZIP tool.",
    ),
    Code(
        "zip.overlapping_entries",
        S.CRITICAL,
        "two entries share bytes: full (same header) or quoted (CVE-2024-0450, zip bombs)",
        "Reject the package: different extractors would produce different files. Ask the vendor to rebuild it"
        " with a standard ZIP tool.",
    ),
    Code(
        "zip.extra_field_malformed",
        S.HIGH,
        "an extra field runs past its block (medium: a short extended-timestamp field)",
        "Ask the vendor to rebuild the package with a standard ZIP tool.",
        also=(S.MEDIUM,),
    ),
    Code(
        "zip.name_invalid_utf8",
        S.HIGH,
        "a name flagged UTF-8 is not valid UTF-8",
        "Ask the vendor to rebuild the package with a standard ZIP tool.",
    ),
    Code(
        "zip.unicode_path_mismatch",
        S.HIGH,
        "the Info-ZIP Unicode path extra names the entry differently, or is stale (low when the header name "
        "is a legacy non-ASCII encoding)",
        "Reject the package: different extractors would produce different files. Ask the vendor to rebuild it"
        " with a standard ZIP tool.",
        also=(S.LOW,),
    ),
    Code(
        "zip.path_traversal",
        S.CRITICAL,
        "the name is absolute, has a drive letter, is a UNC path or has a `..` component",
        "Reject the package: an extractor would write outside its target directory.",
    ),
    Code(
        "zip.path_invalid",
        S.HIGH,
        "the name is empty or contains NUL or control characters",
        "Ask the vendor to rebuild the package with a standard ZIP tool.",
    ),
    Code(
        "zip.path_backslash",
        S.HIGH,
        "the name contains `\\` (a separator on Windows only)",
        "Ask the vendor to rebuild the package with a standard ZIP tool.",
    ),
    Code(
        "zip.duplicate_name",
        S.CRITICAL,
        "two entries have the same name (low: a directory listed twice)",
        "Reject the package: different extractors would produce different files. Ask the vendor to rebuild it"
        " with a standard ZIP tool.",
        also=(S.LOW,),
    ),
    Code(
        "zip.duplicate_name_normalized",
        S.HIGH,
        "two names are the same path on every file system (a file `x` beside a directory `x/`, `a\\b` beside "
        "`a/b`); medium when they differ only by case or Unicode composition, which collide on Windows and "
        "macOS but not on Linux",
        "Ask the vendor to rebuild the package without names that collide; for a medium finding, extract it "
        "only on a case-sensitive file system.",
        also=(S.MEDIUM,),
    ),
    Code(
        "zip.special_file",
        S.HIGH,
        "the entry is a FIFO, device or socket (low: a FIFO with contents, as Info-ZIP records data read from a "
        "pipe; extractors write a regular file)",
        "Ask the vendor to rebuild the package with a standard ZIP tool.",
        also=(S.LOW,),
    ),
    Code(
        "zip.setuid",
        S.HIGH,
        "an executable regular file has the setuid bit (or setgid with group execute); not reported for "
        "directories (setgid there only passes the group on) or files nobody may execute",
        "Confirm with the vendor that the program must run with raised privileges; otherwise ask for a package "
        "without the bit (installers should set it, if ever, after reviewing the file).",
    ),
    Code(
        "zip.mode_invalid",
        S.LOW,
        "the Unix mode's file-type bits name no file type (0xFFFF and other garbage); extractors ignore it",
        "Nothing to do for this package unless the entry's permissions matter; the vendor's tool writes a "
        "meaningless mode.",
    ),
    Code(
        "zip.symlink",
        S.LOW,
        "a symlink whose target stays inside the extraction root",
        "Ask the vendor to rebuild the package with a standard ZIP tool.",
    ),
    Code(
        "zip.symlink_escape",
        S.HIGH,
        "a symlink whose target leaves the extraction root",
        "Reject the package: an extractor would write outside its target directory.",
    ),
    Code(
        "zip.path_through_symlink",
        S.CRITICAL,
        "an entry is written through a symlink entry",
        "Reject the package: an extractor would write outside its target directory.",
    ),
    Code(
        "zip.encrypted_entry",
        S.HIGH,
        "the entry is encrypted (PKWARE, strong or AES); its contents cannot be verified",
        "Ask the vendor for a package whose entries are not encrypted, so their contents can be verified.",
    ),
    Code(
        "zip.unsupported_method",
        S.HIGH,
        "a compression method shipgate does not decode (implode, shrink, reduce, WavPack, JPEG...): the "
        "entry is not verified",
        "Ask the vendor for a package whose entries are stored or compressed with deflate, Deflate64, bzip2, LZMA, "
        "Zstandard, XZ or PPMd, so they can be verified.",
    ),
    Code(
        "zip.decoder_memory_limit",
        S.CRITICAL,
        "an LZMA, XZ, Zstandard or PPMd stream declares a dictionary, window or model larger than the decoder may "
        "hold (192 MiB)",
        "Treat as a decompression bomb unless the vendor explains the size; ask for the package compressed with "
        "a smaller dictionary (7-Zip's and xz's presets up to -9 fit).",
    ),
    Code(
        "zip.size_mismatch",
        S.HIGH,
        "inflated size differs from the declared size (or a stored entry's two sizes differ)",
        "Re-download the package; if it persists, ask the vendor for a new build.",
    ),
    Code(
        "zip.crc_mismatch",
        S.HIGH,
        "the inflated bytes' CRC-32 differs from the declared one",
        "Re-download the package; if it persists, ask the vendor for a new build.",
    ),
    Code(
        "zip.corrupt_data",
        S.HIGH,
        "the entry's compressed stream (deflate, Deflate64, bzip2, LZMA, Zstandard, XZ) is invalid",
        "Re-download the package; if it persists, ask the vendor for a new build.",
    ),
    Code(
        "zip.compression_ratio",
        S.CRITICAL,
        "an entry of 1 MiB or more declares or inflates beyond `Limits.max_ratio` (default 200:1) once the "
        "archive's entries above that ratio exceed `Limits.max_high_ratio_size` (default 512 MiB); low when an "
        "entry declares such a ratio within that allowance (padding, a sparse image: it is verified as usual)",
        "Critical: treat as a decompression bomb unless the vendor explains the size; raise the limits only for "
        "a package you trust. Low: nothing to do unless the file should not be mostly repeated bytes.",
        also=(S.LOW,),
    ),
    Code(
        "zip.entry_size_limit",
        S.CRITICAL,
        "an entry declares more than `Limits.max_entry_size` bytes",
        "Treat as a decompression bomb unless the vendor explains the size; raise the limit only for a "
        "package you trust.",
    ),
    Code(
        "zip.total_size_limit",
        S.CRITICAL,
        "entries declare, or inflate to, more than `Limits.max_total_size` bytes in all",
        "Treat as a decompression bomb unless the vendor explains the size; raise the limit only for a "
        "package you trust.",
    ),
    Code(
        "zip.time_limit",
        S.CRITICAL,
        "verification ran past `Limits.max_time`",
        "Treat as a decompression bomb unless the vendor explains the size; raise the limit only for a "
        "package you trust.",
    ),
    Code(
        "zip.nesting_depth",
        S.HIGH,
        "an archive nested deeper than `Limits.max_depth` was not inspected",
        "Treat as a decompression bomb unless the vendor explains the size; raise the limit only for a "
        "package you trust.",
    ),
    Code(
        "zip.nested_archive_uninspected",
        S.MEDIUM,
        "a nested archive (too large to buffer, or gzip/bzip2/xz/7z/rar/zstd) was verified as bytes only",
        "Ask the vendor to rebuild the package with a standard ZIP tool.",
    ),
)
