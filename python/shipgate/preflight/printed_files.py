"""Secrets a script writes and then prints whole (docs/findings.md, ``secret_printed``).

A heredoc is text the shell fills in: ``cat <<EOF`` … ``Login: admin / ${ADMIN_PASSWORD}`` … ``EOF`` prints the
password as an ``echo`` would. A file the script writes a secret into is printed with it: ``cat > "$ENV" <<EOF`` …
``DB_PASSWORD=${DB_PASSWORD}`` … ``EOF``, later ``echo "Using config:"; cat "$ENV"``. Which expansions are secrets is
the echo rule's judgement, handed in as ``secret_of``; this module knows what is written where and what prints it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from shipgate.preflight.shell.commands import operands
from shipgate.preflight.shell.model import Command, Script, Word

# The secret among the words a command prints (the echo rule), or None.
SecretOf = Callable[[list[Word], Command], "str | None"]

_ECHOES = frozenset({"echo", "printf"})
_WRITES = frozenset({">", ">>", ">|"})


@dataclass(frozen=True)
class PrintedFile:
    """``printer`` prints ``path``, which the command on ``written_at`` wrote the secret ``name`` into."""

    printer: Command
    path: str
    written_at: int
    name: str


def heredoc_words(command: Command) -> list[Word]:
    """The expansions of the heredocs a command is given, as words on their own lines."""
    return [Word(f"${{{name}}}", None, line, (name,)) for r in command.redirects for name, line in r.expands]


def _written_file(command: Command) -> str | None:
    """The file the command's standard output goes into (``> F``, ``>> F``, ``tee F``), None when none is."""
    for r in command.redirects:
        if r.op in _WRITES and r.fd in (None, "1") and r.target is not None and not r.target.text.startswith("/dev/"):
            return r.target.text
    files = operands(command) if command.name == "tee" else []
    return files[0].text if files else None


def _files_with_secrets(script: Script, secret_of: SecretOf) -> dict[str, tuple[int, str]]:
    """Each file a heredoc or an echo writes a secret into: where first, and which."""
    found: dict[str, tuple[int, str]] = {}
    for command in script.commands:
        path = _written_file(command)
        if path is None or path in found:
            continue
        words = heredoc_words(command) + (operands(command) if command.name in _ECHOES else [])
        name = secret_of(words, command) if words else None
        if name is not None:
            found[path] = (command.line, name)
    return found


def printed_files(script: Script, secret_of: SecretOf, prints: Callable[[Command], bool]) -> Iterator[PrintedFile]:
    """``cat FILE`` of a file written with a secret above it, where ``prints`` says the output reaches the log."""
    files: dict[str, tuple[int, str]] | None = None
    for command in script.commands:
        if command.name != "cat" or not command.words or not prints(command):
            continue
        if files is None:
            files = _files_with_secrets(script, secret_of)
        for word in operands(command):
            written = files.get(word.text)
            if written is not None and written[0] < command.line:
                yield PrintedFile(command, word.text, written[0], written[1])
                break
