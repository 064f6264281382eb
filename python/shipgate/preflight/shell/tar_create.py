"""``tar`` asked to create an archive (``tar -czf backup.tgz -C /opt/app .``, ``tar --create --file=x.tar dir``,
``tar cf x.tar dir``): it reads the files it is given and writes one archive; it unpacks nothing. What a fetched tree
packed this way holds reaches the system only where the archive is unpacked again."""

from __future__ import annotations

import re

from shipgate.preflight.shell.model import Command

# tar's keys written old-style, without a dash, as its first word (``tar czf FILE``), and a dash cluster (``-czf``).
_OLD_KEYS = re.compile(r"^[A-Za-z]*[xtcru][A-Za-z]*$")
_CLUSTER = re.compile(r"^-[A-Za-z]+$")


def creates(command: Command) -> bool:
    """``tar -c…``, ``tar --create``, ``tar c…`` (old-style keys first): the command writes an archive."""
    if command.name not in ("tar", "bsdtar"):
        return False
    for i, word in enumerate(command.words):
        text = word.text
        if text == "--create" or (_CLUSTER.match(text) and "c" in text[1:]):
            return True
        if i == 0 and _OLD_KEYS.match(text) and "c" in text:
            return True
    return False


def archive_written(command: Command) -> str | None:
    """The archive a creating ``tar`` writes: ``-f FILE`` (also at the end of a cluster, ``-czf FILE``, or of the
    old-style keys, ``czf FILE``), ``--file FILE``, ``--file=FILE``; None when it writes to its standard output or
    names none."""
    words = [w.text for w in command.words]
    for i, text in enumerate(words):
        if text.startswith("--file="):
            return text.partition("=")[2] or None
        takes_file = text == "--file" or (_CLUSTER.match(text) is not None and text.endswith("f"))
        takes_file = takes_file or (i == 0 and _OLD_KEYS.match(text) is not None and text.endswith("f"))
        if takes_file and i + 1 < len(words):
            return None if words[i + 1] == "-" else words[i + 1]
    return None
