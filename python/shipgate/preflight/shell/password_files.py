"""The password file ``htpasswd`` writes: ``htpasswd -bc /etc/nginx/htpasswd USER PASS`` creates or rewrites
its first operand, as ``tee FILE`` writes its own; ``-n`` prints the entry instead and ``-v`` only verifies one,
so neither writes a file."""

from __future__ import annotations

from shipgate.preflight.shell.model import Command, Word

# htpasswd's options that take the next word as their value (``-C COST``, ``-r ROUNDS``).
_VALUED = frozenset("Cr")
# options with which htpasswd writes no file (``-n``: the entry goes to standard output; ``-v``: verify only).
_NO_FILE = frozenset("nv")


def htpasswd_file(command: Command) -> list[Word]:
    """The password file ``command`` (an ``htpasswd`` call) writes, or none."""
    skip = ended = False
    for word in command.words:
        text = word.text
        if skip:
            skip = False
        elif ended or not text.startswith("-") or text == "-":
            return [word]
        elif text == "--":
            ended = True
        elif set(text[1:]) & _NO_FILE:
            return []
        else:
            skip = text[-1] in _VALUED
    return []
