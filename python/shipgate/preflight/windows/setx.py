"""``setx``: the variable a call sets for every later session and the value it gives it."""

from __future__ import annotations

from shipgate.preflight.windows.model import Call, Word


def setx_assignment(call: Call) -> tuple[str, Word | None] | None:
    """``setx [/s HOST [/u USER [/p PASSWORD]]] NAME VALUE [/m]``: NAME (its first word that is not an option:
    ``/m`` anywhere, ``/s``, ``/u``, ``/p`` with their values) and VALUE, the word after it (None when missing);
    None for another command or a ``setx`` that names no variable."""
    if call.name != "setx":
        return None
    words = iter(call.words)
    for word in words:
        option = word.text.lower()
        if option in ("/s", "/u", "/p"):
            next(words, None)
        elif not option.startswith("/"):
            return word.text.strip("'\""), next(words, None)
    return None
