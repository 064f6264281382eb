"""Settings a script writes into a file through a heredoc: ``cat > /var/lib/app/client.cnf <<EOF`` …
``password=healthcheckpass`` … ``EOF`` (also ``>>``, and ``tee FILE <<EOF``). The heredoc's body is the file's text,
so each ``key=value``, ``key = value`` or ``key: value`` line of it (also ``'key': value,`` with the key quoted as a
Python dict's or a JSON object's: a Django settings file) is a setting the package ships as written; the
credential rule reads them as it reads a configuration file's lines (a value holding ``$``, a backquote or a
``{{ … }}`` marker is filled in when the script runs, a reference, not a literal). A heredoc fed to a program that
reads it (``mysql <<EOSQL``, ``ssh host <<EOF``) or printed (``cat <<EOF`` with no file) writes no file: not read.
The line of a setting is counted from the line the heredoc starts on (its body begins on the next one).

The same settings written by an ``echo``/``printf`` whose output goes into a file (``echo "admin_password=x" >>
/etc/app.conf``, ``printf 'password: x\n' | tee FILE``; printf's ``\n`` ends a line) or put in place by ``sed -i``
(``sed -i 's/^password=.*/password=x/' FILE``: the replacement is the line the file then holds) are read too, at the
command's line. Words that expand a variable are filled in at run time: not read. A systemd unit's ``Environment=``
line (``Environment=DB_PASSWORD=x "API_TOKEN=y"``, a unit an installer writes with a heredoc) is read as the
assignments it holds."""

from __future__ import annotations

import itertools
import re
import shlex
from collections.abc import Iterator
from dataclasses import dataclass

from shipgate.preflight.compose import is_compose_file
from shipgate.preflight.shell.commands import written_paths
from shipgate.preflight.shell.model import ParameterDefault, Script
from shipgate.preflight.written_config import sed_replacements, written_lines

# ``password=x``, ``password = x``, ``password: x``, ``export PASSWORD="x"``; a key is a word of settings characters,
# also quoted as a Python dict's or a JSON object's (``'PASSWORD': 'x',``: a Django settings file a heredoc writes).
_SETTING = re.compile(r"""^\s*(?:export\s+)?(["']?)([A-Za-z_][\w.-]*)\1\s*(?:=|:\s)\s*(.*?)\s*$""")
_RUN_TIME = re.compile(r"[$`]|\{\{")
# ``${NAME:-literal}`` (also ``-``, ``:=``, ``=``) in a heredoc the shell expands: the literal when NAME is unset.
_BODY_DEFAULT = re.compile(r"\$\{([A-Za-z_]\w{0,127})(:?[-=])([^${}`]{1,256})\}")


@dataclass(frozen=True)
class WrittenSetting:
    line: int
    key: str
    value: str


def _unquoted(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def _settings(text: str, line: int) -> Iterator[WrittenSetting]:
    m = _SETTING.match(text)
    if m is None or text.lstrip().startswith(("#", ";")):
        return
    quoted, key, value = m.group(1), m.group(2), m.group(3)
    if key == "Environment" and not quoted:
        yield from _unit_environment(value, line)
        return
    value = _unquoted(value.removesuffix(",").rstrip() if quoted else value)
    if value and not _RUN_TIME.search(value):
        yield WrittenSetting(line, key, value)


def _unit_environment(value: str, line: int) -> Iterator[WrittenSetting]:
    """A systemd unit's ``Environment=`` line (a unit written by a heredoc): its assignments, each ``NAME=value``
    word split as systemd splits them (quotes keep a value whole)."""
    try:
        words = shlex.split(value)
    except ValueError:
        return
    for word in words[:64]:
        name, sep, assigned = word.partition("=")
        if sep and assigned and not _RUN_TIME.search(assigned):
            yield WrittenSetting(line, name, assigned)


def written_settings(script: Script) -> Iterator[WrittenSetting]:
    """The literal ``key`` and ``value`` of each setting line a script writes into a file: a heredoc's, an echo's or
    a printf's (written_config), and a ``sed -i`` replacement's (module docstring)."""
    for written in written_lines(script, literal_only=True):
        yield from _settings(written.text, written.line)
    for command in script.commands:
        for text in sed_replacements(command) if command.name == "sed" else ():
            yield from _settings(text, command.line)


def heredoc_defaults(script: Script) -> Iterator[ParameterDefault]:
    """``${NAME:-literal}`` in the body of a heredoc whose marker is not quoted (``cat > .env <<EOF`` …
    ``DB_PASSWORD=${DB_PASSWORD:-password}``): the shell fills the default in when NAME is unset, as it does in a
    command's words; a quoted marker (``<<'EOF'``) passes the body as written, so none is read, unless the body
    goes into a compose file (``cat > docker-compose.yml << 'EOF'``): compose fills the default in when it reads
    the file (holdout138). An ``.env`` file's reader varies (Laravel's phpdotenv has no ``:-``): not read so."""
    for command in script.commands:
        interpolated = any(_interpolated_config(w.text) for w in written_paths(command))
        for redirect in command.redirects:
            if not redirect.op.startswith("<<") or redirect.op == "<<<" or not redirect.body:
                continue
            if not (redirect.expands or interpolated):
                continue
            start = redirect.body_line if redirect.body_line is not None else command.line + 1
            for index, text in enumerate(redirect.body.splitlines()):
                if "${" not in text:
                    continue
                for m in itertools.islice(_BODY_DEFAULT.finditer(text), 32):
                    yield ParameterDefault(m.group(1), m.group(3).strip("\"'"), start + index, m.group(0))


def _interpolated_config(path: str) -> bool:
    """A file whose ``${NAME:-default}`` a tool fills in when it reads it: a compose file."""
    return is_compose_file(path)
