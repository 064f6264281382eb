"""What a command changes in the directory it runs in, beyond the files it writes by name: ``unzip Panel4.zip``
with no ``-d`` extracts its members there (as ``tar xzf`` with no ``-C`` does), and ``rm`` of a relative operand
(``rm Panel4.zip index.html``) removes entries of that directory. A caller that knows the directory is a system one
(``cd /usr/share/panel`` above) reads these as writes there. Not ``mkdir``/``chmod``/``touch`` of a relative name:
an entrypoint's ``cd /etc/app; mkdir -p data/cache`` works in a tree the image gave the app's account, and a
``chmod +x`` follows a download the line before already reported."""

from __future__ import annotations

from shipgate.preflight.shell.commands import operands
from shipgate.preflight.shell.model import Command

# unzip's options that list, test, print or show the comment instead of extracting (unzip(1)).
_UNZIP_READS = frozenset("ltvZpcz")


def changes_in_cwd(command: Command) -> str | None:
    """Why ``command`` changes entries of its working directory (the relative operand it names, or ``unzip``
    extracting there); None when it names only absolute or variable paths, or changes nothing."""
    name = command.name or ""
    if name == "unzip":
        return "unzip extracts" if _unzip_here(command) else None
    if name != "rm":
        return None
    ops = operands(command)
    relative = [w.text for w in ops if w.value is not None and not w.text.startswith(("/", "~", "$", "-"))]
    return f"{name} {relative[0].removeprefix('./')}" if relative else None


def _unzip_here(command: Command) -> bool:
    """``unzip ARCHIVE`` extracting into the working directory: no ``-d DIR`` and no listing or testing option."""
    bundles = [w.text[1:] for w in command.words if w.text.startswith("-") and not w.text.startswith("--")]
    return not any("d" in b or _UNZIP_READS.intersection(b) for b in bundles)
