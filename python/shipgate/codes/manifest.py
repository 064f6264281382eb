"""Finding codes of the ``manifest.`` layer:
Manifest.json: its schema, and the archive against it (shipgate.package).
"""

from __future__ import annotations

from shipgate.codes._model import Code
from shipgate.findings import Severity as S

CODES = (
    Code(
        "manifest.too_large",
        S.HIGH,
        "manifest.json is larger than the 4 MiB bound; not parsed",
        "Ask the vendor for a manifest under 4 MiB; a larger one is not a normal package.",
    ),
    Code("manifest.not_utf8", S.HIGH, "manifest.json is not UTF-8", "Ask the vendor to write manifest.json as UTF-8."),
    Code(
        "manifest.invalid_json",
        S.HIGH,
        "manifest.json is not JSON (line and column in evidence)",
        "Ask the vendor for a manifest that parses as JSON; the evidence names the line and column.",
    ),
    Code(
        "manifest.duplicate_key",
        S.HIGH,
        "a JSON object repeats a key; parsers disagree on which copy counts",
        "Ask the vendor to remove the repeated key: readers disagree on which copy counts.",
    ),
    Code(
        "manifest.too_deep",
        S.HIGH,
        "manifest.json nests deeper than 32 levels",
        "Ask the vendor for a manifest that follows the package format; nothing in it needs that depth.",
    ),
    Code(
        "manifest.unsupported_version",
        S.HIGH,
        "manifest_version is not 1",
        "Ask the vendor for a manifest_version 1 manifest, or upgrade shipgate if a newer version exists.",
    ),
    Code(
        "manifest.field_missing",
        S.HIGH,
        "a required manifest field is missing (path names it, e.g. files[3].sha256)",
        "Ask the vendor to add the named field; the package cannot be checked without it.",
    ),
    Code(
        "manifest.field_invalid",
        S.HIGH,
        "a manifest field has the wrong type or an invalid value (path names it)",
        "Ask the vendor to correct the named field (type and allowed values are in docs/formats.md).",
    ),
    Code(
        "manifest.limit_exceeded",
        S.HIGH,
        "a manifest list has more items than allowed (files: 100,000)",
        "Ask the vendor to split the package; no real package lists that many items.",
    ),
    Code(
        "manifest.unsafe_path",
        S.HIGH,
        "files[].path is absolute, has '..'/'.'/empty parts, a backslash or a NUL",
        "Reject the package: a listed path could be written outside the install directory.",
    ),
    Code(
        "manifest.duplicate_file",
        S.HIGH,
        "files[] lists the same path twice",
        "Ask the vendor to list each file once.",
    ),
    Code(
        "manifest.reference_missing",
        S.HIGH,
        "a migration or hook names a file that files[] does not list",
        "Ask the vendor to list the referenced file in files[] (with its digest), or drop the reference.",
    ),
    Code(
        "manifest.missing",
        S.CRITICAL,
        "the archive has no manifest.json (or the profile's manifest name)",
        "Ask the vendor for a complete package (docs/formats.md §1: manifest.json at the root).",
    ),
    Code(
        "manifest.unreadable",
        S.HIGH,
        "manifest.json could not be read from the verified archive",
        "Re-download the package; if it persists, ask the vendor for a new build.",
    ),
    Code(
        "manifest.file_missing",
        S.CRITICAL,
        "files[] lists a path the archive does not contain",
        "Do not install: the archive lacks a file the signed manifest promises. Ask the vendor for a complete package.",
    ),
    Code(
        "manifest.size_mismatch",
        S.CRITICAL,
        "an entry's uncompressed size differs from files[].size",
        "Do not install: an entry is not the file the signed manifest describes. Re-download, then ask the vendor.",
    ),
    Code(
        "manifest.digest_mismatch",
        S.CRITICAL,
        "an entry's content digest (sha256/blake3/sha512) differs from files[]",
        "Do not install: an entry is not the file the signed manifest describes. Re-download, then ask the vendor.",
    ),
    Code(
        "manifest.entry_unverified",
        S.HIGH,
        "a listed entry could not be inflated and checked, so its digest is unknown",
        "Do not install until the entry can be verified (see the zip finding on the same path).",
    ),
    Code(
        "manifest.mode_mismatch",
        S.HIGH,
        "an entry's Unix mode differs from files[].mode (or the archive records none)",
        "Ask the vendor to make the archive's modes match files[].mode (or correct the manifest).",
    ),
    Code(
        "manifest.unlisted_entry",
        S.HIGH,
        "the archive holds an entry that files[] does not list (signature files excepted)",
        "Do not install unverified content: ask the vendor to list the entry in files[] (with its digest) or "
        "remove it.",
    ),
    Code(
        "manifest.vendor_differs",
        S.HIGH,
        "the caller's vendor (--vendor, the Verify header) differs from the signed manifest's package.vendor: "
        "the package is not that vendor's; the verdict is deny and is not recorded",
        "Verify without --vendor (the manifest's vendor applies), or ask why the package is not from the vendor "
        "you expected.",
    ),
)
