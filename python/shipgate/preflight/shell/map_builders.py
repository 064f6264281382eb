"""The lookup tables Postfix's map builders write: ``postmap /etc/postfix/vmaps`` builds ``/etc/postfix/vmaps.db``
beside its input (``postalias /etc/aliases`` builds ``/etc/aliases.db``), so an input under ``/etc`` is a write
under ``/etc``. The input may name its table type (``hash:FILE``, ``lmdb:FILE``, ``cdb:FILE``); a type kept in memory
or read from the source itself (``texthash:``, ``regexp:``, ``pcre:``, ``cidr:``, ``inline:``) builds no file.
``-q KEY`` (look a key up) and ``-s`` (dump the table) only read it; ``-d KEY`` deletes a key from the built table,
a write of the same file."""

from __future__ import annotations

from shipgate.preflight.shell.model import Command, Word

MAP_BUILDERS = frozenset({"postmap", "postalias"})
# Each indexed table type and the suffix of the file it builds beside its source; a missing type is the default
# (``hash``, or ``lmdb`` where the distribution's Postfix defaults to it: either way a file beside the source).
_BUILT_SUFFIX = {"hash": ".db", "btree": ".db", "cdb": ".cdb", "lmdb": ".lmdb", "dbm": ".dir", "sdbm": ".dir"}
# options that take the next word as their value (``-c CONFIG_DIR``, ``-d KEY``, ``-q KEY``).
_VALUED = frozenset("cdq")
# options with which the builder only reads its tables (``-q KEY``: a lookup; ``-s``: a dump).
_READ_ONLY = frozenset("qs")


def built_tables(command: Command) -> list[Word]:
    """The indexed files ``command`` (a ``postmap``/``postalias`` call) builds or changes, one per input."""
    if command.name not in MAP_BUILDERS:
        return []
    skip = ended = False
    inputs: list[Word] = []
    for word in command.words:
        text = word.text
        if skip:
            skip = False
        elif ended or not text.startswith("-") or text == "-":
            inputs.append(word)
        elif text == "--":
            ended = True
        elif set(text[1:]) & _READ_ONLY:
            return []
        else:
            skip = text[-1] in _VALUED
    return [table for word in inputs if (table := _built(word)) is not None]


def _built(source: Word) -> Word | None:
    """The file built from ``source`` (``[TYPE:]FILE``), or None for a type that builds none."""
    kind, colon, path = source.text.partition(":")
    if not colon:
        kind, path = "hash", source.text
    suffix = _BUILT_SUFFIX.get(kind)
    if suffix is None or not path:
        return None
    return Word(source.raw, path + suffix, source.line, source.expands, source.assigned_at)
