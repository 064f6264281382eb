"""Backups a script keeps without a copy command, as the plan reads preflight's parsed commands:
- an in-place edit that keeps the original under a suffix (``sed -i.bak …``, ``sed --in-place=.orig``,
  ``perl -pi.bak -e …``) of a configuration or data file: the original stays next to it;
- a move (``mv``) of a file or directory to a place named like a backup that the rest of the script leaves there:
  no later ``rm`` removes it and no later ``mv`` moves it back (``mv /opt/app /opt/app-backup`` followed by
  ``rm -rf /opt/app-backup`` keeps nothing to roll back to). A move to the same name with a backup suffix
  (``mv "$f" "$f.bak"``) is kept beside its source, as a copy is (``plan.backups``): data when the path says
  neither data nor configuration.
Paths are compared as the parser resolved them (``Word.text``); a move whose destination is not known keeps
nothing the plan can name.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from shipgate.plan.backups import backup_named, kept_beside, place
from shipgate.preflight.shell.model import Command

_EDITORS = frozenset({"sed", "gsed", "perl"})
# The short options that take a value (the rest of their word, or the next word); ``i`` takes the suffix.
_VALUE_LETTERS = {"sed": "efl", "gsed": "efl", "perl": "eEMmIlx0C"}
_SCRIPT_LETTERS = "ef"  # an option that gives the program: the operands are all files
_LONG_VALUE_OPTIONS = frozenset({"--expression", "--file", "--line-length"})


def _short(c: Command, word: str) -> tuple[str | None, str | None]:
    """For a short option cluster: the in-place suffix it sets ('' for none) and the letter whose value is the
    next word, each None when the cluster has none."""
    for k, ch in enumerate(word[1:], 1):
        if ch == "i":
            return word[k + 1:], None
        if ch in _VALUE_LETTERS[c.name or "sed"]:
            return None, ch if k == len(word) - 1 else None
    return None, None


def _suffix(c: Command, words: list[str]) -> str | None:
    """The suffix an in-place edit keeps the original under (``-i.bak`` gives ``.bak``), None when it keeps none."""
    for w in words:
        if w.startswith("--in-place"):
            return w.partition("=")[2] or None
        if w.startswith("-") and not w.startswith("--"):
            suffix, _ = _short(c, w)
            if suffix is not None:
                return suffix or None
    return None


def _edited_files(c: Command, words: list[str]) -> list[str]:
    operands: list[str] = []
    script_given, i = False, 0
    while i < len(words):
        w = words[i]
        letter = _short(c, w)[1] if w.startswith("-") and not w.startswith("--") else None
        if w in _LONG_VALUE_OPTIONS or letter is not None:
            script_given = script_given or w in ("--expression", "--file") or (letter or "") in _SCRIPT_LETTERS
            i += 2
            continue
        if not w.startswith("-"):
            operands.append(w)
        i += 1
    return operands if script_given else operands[1:]


def edited_in_place(c: Command) -> Iterator[tuple[str, list[str]]]:
    """(kind, files) when the command edits files in place and keeps their originals under a suffix."""
    if c.name not in _EDITORS:
        return
    words = [w.text for w in c.words]
    suffix = _suffix(c, words)
    if suffix is None:
        return
    for kind in ("config", "data"):
        files = [f for f in _edited_files(c, words) if place(f) == kind]
        if files:
            yield kind, files


def _undoes(later: Command, destination: str) -> bool:
    """Whether a later command removes the destination or moves it elsewhere."""
    if later.name not in ("rm", "mv"):
        return False
    operands = [w.text.rstrip("/") for w in later.words if not w.text.startswith("-")]
    target = destination.rstrip("/")
    sources = operands if later.name == "rm" else operands[:-1]
    return any(s == target or target.startswith(s + "/") for s in sources)


def moved_aside(c: Command, later: Sequence[Command]) -> Iterator[tuple[str, list[str]]]:
    """(kind, [source]) when ``mv SOURCE DEST`` keeps SOURCE under a backup name that ``later`` leaves there."""
    if c.name != "mv":
        return
    operands = [w.text for w in c.words if not w.text.startswith("-")]
    if len(operands) != 2:
        return
    beside = bool(kept_beside(operands[1], operands[:1]))
    if not (beside or backup_named(operands[1])):
        return
    kind = place(operands[0]) or ("data" if beside else None)  # kept beside: what its path says, else data
    if kind is not None and not any(_undoes(step, operands[1]) for step in later):
        yield kind, [operands[0]]
