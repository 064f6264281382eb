"""Files a script finds or resolves rather than names: ``F="$PWD/$(find . -name '*.tgz')"`` after a ``wget "$URL"``
that saved under the URL's (unknown) name, or ``DIR=$(find "$WORK" -name install.sh -exec dirname {} \\;)`` over a
tree a download was unpacked into. What ``find`` prints from such a place is the download, or a file in it; the variable
it is assigned to names that file wherever it is used (fetched follows it as it follows a name written out). So does
a variable assigned a path resolved inside such a tree (``BUILD_DIR=$(realpath -e "$TMP_DIR"/build)``)."""

from __future__ import annotations

from shipgate.preflight.shell.commands import (
    downloaded_files,
    has_flag,
    operands,
    option_values,
    to_standard_output,
)
from shipgate.preflight.shell.model import Assignment, Command, Script, Word

# find's expression starts at its first test, action, operator or group (``-name``, ``!``, ``(``).
_EXPRESSION_START = ("-", "!", "(", ")")
_LEADING_OPTIONS = frozenset({"-H", "-L", "-P"})


def search_roots(command: Command) -> list[Word]:
    """The starting points of ``find [-H|-L|-P] PATH… EXPRESSION`` (none written: ``.``)."""
    roots: list[Word] = []
    for word in command.words:
        if not roots and word.text in _LEADING_OPTIONS:
            continue
        if word.text.startswith(_EXPRESSION_START):
            break
        roots.append(word)
    return roots or [Word(".", ".", command.line)]


def located_variables(script: Script, command: Command) -> list[str]:
    """The variables a ``find`` run inside ``$(…)`` fills: those assigned on its line from a command's output."""
    if command.name != "find" or "captured" not in command.conditions:
        return []
    return [a.name for a in script.assignments if a.line == command.line and a.generated_by is not None]


def resolved_paths(script: Script, command: Command) -> tuple[list[Word], list[Assignment]]:
    """``BUILD_DIR=$(realpath -e "$TMP_DIR"/build || …)``, ``D=$(readlink -f x)``: the paths a resolver run inside
    ``$(…)`` prints (its operands, resolved), and the variables assigned its output on its line; none for any other
    command."""
    resolves = command.name == "realpath" or (command.name == "readlink" and has_flag(command, "-f", "-e", "-m"))
    if not resolves or "captured" not in command.conditions:
        return [], []
    filled = [a for a in script.assignments if a.line == command.line and a.generated_by is not None]
    return (operands(command), filled) if filled else ([], [])


def unknown_name_directory(command: Command) -> str | None:
    """Where a fetch saves under a name the script does not know (``wget "$URL"``, no ``-O``, not piped; ``curl -O
    "$URL"``; the URL's last part not known before the run): wget's ``-P DIR``, else ``.`` (the working directory);
    None for any other fetch. A URL whose last part holds an expansion the script leaves unknown
    (``wget ${URL:-https://host/v$VERSION/app-$VERSION.zip}``) saves under a name known only in its shape."""
    saved = downloaded_files(command)
    if command.piped_to or command.writes() or to_standard_output(command) or not all(_shaped_by_url(w) for w in saved):
        return None
    if command.name == "wget":
        prefix = option_values(command, "-P", "--directory-prefix")
        return prefix[-1].text if prefix else "."
    return "." if command.name == "curl" and has_flag(command, "-O", "--remote-name") else None


def _shaped_by_url(saved: Word) -> bool:
    """A file saved under its URL's last part (not an ``-o``/``-O`` name) where that part is not known."""
    return "://" in saved.raw and "$" in saved.text
