"""Build the package index (``plan.index``) from an inspected archive: the entries as the native inspector
verified them (digests, modes, flag strings), the text files read through the bounded entry reader, and
what preflight read in the scripts (``plan.facts``)."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Mapping

from shipgate.archive import ArchiveReport, Entry
from shipgate.errors import ShipgateError
from shipgate.package.manifest import Manifest
from shipgate.package.reader import EntryReader
from shipgate.plan.config_files import ConfigFile, config_format, parse_config
from shipgate.plan.facts import PackageFacts
from shipgate.plan.index import (
    MAX_FILES,
    MAX_FLAGS_PER_BINARY,
    IndexedFile,
    ManifestStatements,
    PackageIndex,
)

# Text files read for configuration keys and for the flags they name: each up to 1 MiB, 32 MiB in all
# (the same budget preflight reads within).
MAX_TEXT_BYTES = 1024 * 1024
MAX_TEXT_TOTAL = 32 * 1024 * 1024
# A NUL in this many first bytes makes a file binary, not text.
_SNIFF_BYTES = 8192

_BINARY_MAGIC = (b"\x7fELF", b"MZ", b"\xcf\xfa\xed\xfe", b"\xce\xfa\xed\xfe", b"\xca\xfe\xba\xbe")
_TEXT_SUFFIXES = (".md", ".txt", ".rst", ".adoc", ".html", ".htm", ".sh", ".bash", ".sql", ".xml", ".j2",
                  ".tmpl", ".example", ".sample", ".1", ".5", ".8", ".cron")
_TEXT_NAMES = ("readme", "changes", "changelog", "news", "release-notes", "upgrading", "crontab")
_TEXT_DIRS = frozenset({"doc", "docs", "man", "scripts", "config", "conf", "etc", "cron", "systemd", "hooks",
                        "migrations"})
_UNIT_SUFFIXES = (".service", ".timer", ".socket", ".path", ".mount")
# The shapes the native inspector extracts (docs/plan.md): dotted keys, --long-options, ENV_NAMES. The first
# run of a dotted key is possessive (``{0,62}+``): giving back characters of that class can never make the
# ``.`` after it match, so the matches are the same, and a long run without a dot (a SHA-256 in the
# manifest) is not tried again at every length (a manifest listing 2,000 files: ~3x faster).
_FLAG_TOKEN = re.compile(r"--[A-Za-z][A-Za-z0-9-]{1,62}|[A-Za-z_][A-Za-z0-9_-]{0,62}+(?:\.[A-Za-z0-9_-]{1,62}){1,8}|"
                         r"[A-Z][A-Z0-9_]{2,62}")


def _digest(entry: Entry) -> str:
    for algorithm in ("sha256", "blake3", "sha512"):
        if algorithm in entry.digests:
            return f"{algorithm}:{entry.digests[algorithm]}"
    return f"crc32:{entry.crc32:08x}"


def _is_text_candidate(name: str) -> bool:
    lower = name.lower()
    base = posixpath.basename(lower)
    return (
        config_format(name) is not None
        or lower.endswith(_TEXT_SUFFIXES)
        or base.split(".", 1)[0] in _TEXT_NAMES
        or (any(part in _TEXT_DIRS for part in lower.split("/")[:-1]) and "." not in base)
    )


def _looks_binary(reader: EntryReader, entry: Entry) -> bool:
    lower = entry.name.lower()
    if not (entry.mode is not None and entry.mode & 0o111) and not lower.endswith((".so", ".ko", ".dll", ".exe")):
        return False
    try:
        return reader.head(entry.name, 8).startswith(_BINARY_MAGIC)
    except ShipgateError:
        return False


def build_index(
    report: ArchiveReport,
    reader: EntryReader,
    *,
    manifest: Manifest | None,
    sha256: str,
    facts: PackageFacts | None = None,
    skip: Iterable[str] = (),
    texts: Mapping[str, bytes] | None = None,
) -> PackageIndex:
    """The index of the package ``report`` describes (inspected with ``flags=True``), read through
    ``reader``; ``facts`` are preflight's reading of its scripts, SQL, units and crontabs (``plan.facts``);
    ``skip`` names entries that are not the package's payload (the manifest and its signature files);
    ``texts`` are entries already read whole (preflight's files), taken from there instead of read again."""
    skipped = set(skip)
    entries = [e for e in report.entries if not e.is_dir and not e.is_symlink and e.name not in skipped]
    truncated: list[str] = []
    if len(entries) > MAX_FILES:
        truncated.append("files")
        entries = entries[:MAX_FILES]
    flags: dict[str, tuple[str, ...]] = {}
    files: list[IndexedFile] = []
    for e in entries:
        found = tuple(sorted(set(e.flags)))
        if len(found) > MAX_FLAGS_PER_BINARY:
            truncated.append(f"flags:{e.name}")
            found = found[:MAX_FLAGS_PER_BINARY]
        binary = bool(found) or _looks_binary(reader, e)
        if found:
            flags[e.name] = found
        files.append(IndexedFile(path=e.name, digest=_digest(e), size=e.uncompressed_size, mode=e.mode,
                                 binary=binary))
    binaries = {f.path for f in files if f.binary}
    texts = texts or {}
    config, documented = _read_texts(reader, [e for e in entries if e.name not in binaries], flags, manifest, texts)
    facts = facts or PackageFacts()
    config.update(facts.units)
    units = {posixpath.basename(e.name): e.name for e in entries if e.name.lower().endswith(_UNIT_SUFFIXES)}
    return PackageIndex(
        name=manifest.package.name if manifest else "",
        version=manifest.package.version if manifest else "",
        vendor=manifest.package.vendor if manifest else "",
        sha256=sha256,
        size=report.size,
        files=tuple(files),
        config=config,
        units=units,
        flags=flags,
        documented_flags=documented,
        jobs=facts.jobs,
        endpoints=facts.endpoints,
        statements=facts.statements,
        commands=facts.commands,
        units_used=facts.units_used,
        manifest=statements_of(manifest),
        truncated=tuple(truncated),
    )


def statements_of(manifest: Manifest | None) -> ManifestStatements:
    if manifest is None:
        return ManifestStatements()
    return ManifestStatements(
        removed=manifest.config.removed,
        renamed=dict(manifest.config.renamed),
        required=dict(manifest.config.required),
        services=manifest.services,
        migrations=manifest.migrations,
        upgrades_from=tuple(c.text for c in manifest.upgrades_from),
        reboot=manifest.reboot.value,
        downtime_seconds=manifest.downtime.total_seconds() if manifest.downtime else None,
    )


def _read_texts(
    reader: EntryReader,
    entries: list[Entry],
    flags: Mapping[str, tuple[str, ...]],
    manifest: Manifest | None,
    texts: Mapping[str, bytes],
) -> tuple[dict[str, ConfigFile], frozenset[str]]:
    """Configuration files parsed, and which binary flags any text file (or the manifest) names. Each
    candidate's size counts against ``MAX_TEXT_TOTAL``, a binary's too."""
    wanted = {f for found in flags.values() for f in found}
    named: set[str] = set()
    if manifest is not None and wanted:
        named |= wanted & set(_FLAG_TOKEN.findall(manifest.raw.decode("utf-8", "replace")))
    config: dict[str, ConfigFile] = {}
    total = 0
    for e in sorted(entries, key=lambda e: e.name):
        if not _is_text_candidate(e.name) or e.uncompressed_size > MAX_TEXT_BYTES:
            continue
        if total + e.uncompressed_size > MAX_TEXT_TOTAL:
            break
        try:
            data = _text(reader, e, texts)
        except ShipgateError:
            continue
        total += e.uncompressed_size
        if data is None:
            continue
        parsed = parse_config(e.name, data)
        if parsed is not None:
            config[e.name] = parsed
        if wanted:
            named |= wanted & set(_FLAG_TOKEN.findall(data.decode("utf-8", "replace")))
    return config, frozenset(named)


def _text(reader: EntryReader, entry: Entry, texts: Mapping[str, bytes]) -> bytes | None:
    """``entry``'s bytes, or None when a NUL in its first ``_SNIFF_BYTES`` makes it binary: from ``texts`` when
    it was read already, else its head first, so that a binary is not read whole."""
    data = texts.get(entry.name)
    if data is None:
        if b"\x00" in reader.head(entry.name, _SNIFF_BYTES):
            return None
        data = reader.read(entry.name, limit=MAX_TEXT_BYTES)
    return None if b"\x00" in data[:_SNIFF_BYTES] else data
