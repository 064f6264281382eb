"""A fetched archive decompressed onto a pipe: ``gzip -d -c "$out" | tar x`` (holdout173's termotp), ``zcat f.tgz |
tar -x``, ``xz -dc f.txz | tar -xf -``. The decompressor reads the fetched file and writes what it holds to its
standard output, so the command it is piped into (``tar``) reads that file's contents: what ``tar`` unpacks comes
from the fetch as if it had been handed the file. A decompressor that writes a file (``gunzip f.gz``, ``gzip -dc f >
out``) is not a stream: ``fetched``'s unpacking follows what it writes. So is a program that passes the file on
unchanged (``pv f.tar.bz2 | tar xjf -``)."""

from __future__ import annotations

from shipgate.preflight.shell.model import Command

# Decompressors that write to standard output by name, and those that do when asked to decompress (``-d``) onto it
# (``-c``/``--stdout``, also written in one cluster: ``-dc``).
_CATS = frozenset({"zcat", "gzcat", "xzcat", "bzcat", "zstdcat", "lzcat"})
_DECOMPRESSORS = frozenset({"gzip", "gunzip", "xz", "unxz", "bzip2", "bunzip2", "zstd", "unzstd", "lzma", "unlzma"})
# Programs that copy the file they read onto their standard output unchanged (``pv f.tar.bz2 | tar xjf - -C $HTML``,
# a progress bar; ``cat f.tgz | tar xz``): the next stage reads the file itself.
_PASSERS = frozenset({"pv", "cat"})


def _flags(command: Command) -> set[str]:
    """The one-letter options of ``command``'s dash-words (``-dc`` is ``d`` and ``c``), and its long ones."""
    flags: set[str] = set()
    for word in command.words:
        text = word.text
        if text.startswith("--"):
            flags.add(text)
        elif text.startswith("-") and len(text) > 1:
            flags.update(text[1:])
    return flags


def streams_decompressed(command: Command) -> bool:
    """``command`` decompresses what it reads onto a pipe (not into a file)."""
    if not command.piped_to or command.writes():
        return False
    name = command.name or ""
    if name in _CATS or name in _PASSERS:
        return True
    if name not in _DECOMPRESSORS:
        return False
    flags = _flags(command)
    decompresses = name.startswith("un") or "d" in flags or "--decompress" in flags
    return decompresses and ("c" in flags or "--stdout" in flags)


def reads_stream_of(command: Command, streamer: Command | None) -> bool:
    """``command`` is the next stage of ``streamer``'s pipeline (``… | tar x``)."""
    return (
        streamer is not None
        and command.line == streamer.line
        and bool(command.piped_from)
        and command.piped_from[-1] == streamer.name
    )
