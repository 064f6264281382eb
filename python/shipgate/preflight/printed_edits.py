"""A stream editor that prints what it edits: ``sed FILE -e "s/@password@/$ADMIN_PASS/" FILE`` with no ``-i``
writes the edited text, the secret filled in, to standard output (a Transmission image's start script meant to
edit its settings in place and printed them to the container log instead). The words of sed's script are what it
puts into its output; printed_secrets reads them as it reads an echo's operands, and what it already knows of where
the output goes (a redirection into a file, a pipe into a program, ``$(…)``) keeps the edit of a template into a
file quiet. Not an in-place edit (``-i``, ``-i.bak``, ``-ri``, ``--in-place``) nor ``-n`` (sed prints only the
lines its script asks for)."""

from __future__ import annotations

import re

from shipgate.preflight.shell.model import Command, Word

# A short-option cluster that edits in place (``-i``, ``-i.bak``, ``-ri``, ``-Ei``) or prints nothing by itself
# (``-n``, ``-rn``): sed's value-less switches before the letter.
_IN_PLACE = re.compile(r"^-[nrEsuz]*i")
_QUIET = re.compile(r"^-[rEsuz]*n")
_LONG_SILENT = ("--in-place", "--quiet", "--silent")


def _prints_input(words: list[str]) -> bool:
    return not any(w.startswith(_LONG_SILENT) or _IN_PLACE.match(w) or _QUIET.match(w) for w in words)


def edit_script_words(command: Command) -> list[Word]:
    """The words of the script ``sed`` runs when it prints its edited input: every ``-e``/``--expression`` value,
    or with none, its first operand; nothing for an in-place or ``-n`` edit, a script read from a file (``-f``) or
    another command."""
    if command.name != "sed" or not _prints_input([w.text for w in command.words]):
        return []
    scripts: list[Word] = []
    operands: list[Word] = []
    words = command.words
    i = 0
    while i < len(words):  # bounded: every pass moves on one or two words
        text = words[i].text
        if text in ("-e", "--expression") and i + 1 < len(words):
            scripts.append(words[i + 1])
            i += 2
            continue
        if text in ("-f", "--file", "-l", "--line-length"):
            if text in ("-f", "--file"):
                return []
            i += 2
            continue
        if text.startswith("--expression="):
            scripts.append(words[i])
        elif not text.startswith("-") or text == "-":
            operands.append(words[i])
        i += 1
    return scripts or operands[:1]
