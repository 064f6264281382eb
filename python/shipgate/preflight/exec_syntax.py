"""A unit's ``Exec*=`` command line as the shell reader should see it (systemd.service(5), "Command lines").

systemd splits a command line into words with the shell's quoting, but it has no redirections, pipes or background
jobs: ``<``, ``>``, ``|`` and ``&`` outside quotes are characters of a word (``docker pull <%= $image %>``, a Rex or
ERB template's placeholder, is ``docker pull`` given three words). Read as shell, a line ending in ``%>`` is a
redirection with no target, a syntax error that takes the next command line with it. So those characters are
escaped before the line is parsed; inside quotes (``sh -c 'a | b'``, a shell's own script) they are left alone."""

from __future__ import annotations

_LITERAL = frozenset("<>|&")


def literal_operators(value: str) -> str:
    """``value`` with every ``<``, ``>``, ``|`` and ``&`` outside quotes escaped by a backslash (one pass)."""
    out: list[str] = []
    quote = ""
    escaped = False
    for char in value:
        if escaped:
            escaped = False
        elif char == "\\" and quote != "'":
            escaped = True
        elif quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char in _LITERAL:
            out.append("\\")
        out.append(char)
    return "".join(out)
