"""Settings a script writes into a file through a heredoc: ``cat > /var/lib/app/client.cnf <<EOF`` …
``password=healthcheckpass`` … ``EOF`` (also ``>>``, and ``tee FILE <<EOF``). The heredoc's body is the file's text,
so each ``key=value``, ``key = value`` or ``key: value`` line of it is a setting the package ships as written; the
credential rule reads them as it reads a configuration file's lines (a value holding ``$``, a backquote or a
``{{ … }}`` marker is filled in when the script runs, a reference, not a literal). A heredoc fed to a program that
reads it (``mysql <<EOSQL``, ``ssh host <<EOF``) or printed (``cat <<EOF`` with no file) writes no file: not read.
The line of a setting is counted from the line the heredoc starts on (its body begins on the next one)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from shipgate.preflight.shell.commands import operands
from shipgate.preflight.shell.model import Command, ParameterDefault, Script

# ``password=x``, ``password = x``, ``password: x``, ``export PASSWORD="x"``; a key is a word of settings characters.
_SETTING = re.compile(r"""^\s*(?:export\s+)?([A-Za-z_][\w.-]*)\s*(?:=|:\s)\s*(.*?)\s*$""")
_RUN_TIME = re.compile(r"[$`]|\{\{")
# ``${NAME:-literal}`` (also ``-``, ``:=``, ``=``) in a heredoc the shell expands: the literal when NAME is unset.
_BODY_DEFAULT = re.compile(r"\$\{([A-Za-z_]\w{0,127})(:?[-=])([^${}`]{1,256})\}")


@dataclass(frozen=True)
class WrittenSetting:
    line: int
    key: str
    value: str


def _writes_file(command: Command) -> bool:
    """``cat > FILE``/``>> FILE`` (standard output into a file) or ``tee FILE``."""
    if command.name == "tee" and operands(command):
        return True
    return any(
        r.op in (">", ">>", ">|") and r.fd in (None, "1") and r.target is not None and r.target.text != "/dev/null"
        for r in command.redirects
    )


def _unquoted(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def written_settings(script: Script) -> Iterator[WrittenSetting]:
    """The literal ``key`` and ``value`` of each setting line of a heredoc the script writes into a file."""
    for command in script.commands:
        if not _writes_file(command):
            continue
        for redirect in command.redirects:
            if not redirect.op.startswith("<<") or redirect.op == "<<<" or redirect.body is None:
                continue
            for index, text in enumerate(redirect.body.splitlines(), start=1):
                m = _SETTING.match(text)
                if m is None or text.lstrip().startswith(("#", ";")):
                    continue
                value = _unquoted(m.group(2))
                if value and not _RUN_TIME.search(value):
                    yield WrittenSetting(command.line + index, m.group(1), value)


def heredoc_defaults(script: Script) -> Iterator[ParameterDefault]:
    """``${NAME:-literal}`` in the body of a heredoc whose marker is not quoted (``cat > .env <<EOF`` …
    ``DB_PASSWORD=${DB_PASSWORD:-password}``): the shell fills the default in when NAME is unset, as it does in a
    command's words; a quoted marker (``<<'EOF'``) passes the body as written, so none is read."""
    for command in script.commands:
        for redirect in command.redirects:
            if not redirect.op.startswith("<<") or redirect.op == "<<<" or not redirect.body or not redirect.expands:
                continue
            start = redirect.body_line if redirect.body_line is not None else command.line + 1
            for index, text in enumerate(redirect.body.splitlines()):
                if "${" not in text:
                    continue
                for m in itertools.islice(_BODY_DEFAULT.finditer(text), 32):
                    yield ParameterDefault(m.group(1), m.group(3).strip("\"'"), start + index, m.group(0))
