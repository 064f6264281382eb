"""Secrets a script writes and then prints whole (docs/findings.md, ``secret_printed``).

A heredoc is text the shell fills in: ``cat <<EOF`` … ``Login: admin / ${ADMIN_PASSWORD}`` … ``EOF`` prints the
password as an ``echo`` would. A file the script writes a secret into is printed with it: ``cat > "$ENV" <<EOF`` …
``DB_PASSWORD=${DB_PASSWORD}`` … ``EOF``, later ``echo "Using config:"; cat "$ENV"``. Which expansions are secrets is
the echo rule's judgement, handed in as ``secret_of``; this module knows what is written where and what prints it.

A file named for a secret is printed whole too, whoever wrote it: ``sudo cat /var/lib/jenkins/secrets/
initialAdminPassword``, ``echo "Admin password: $(cat "$DATA/initial_password")"`` (the product generated it; the
install log now holds it). Not a public key, a digest or signature beside it, a template, or an htpasswd file (it
holds hashes)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from shipgate.preflight.secrets import secret_name
from shipgate.preflight.shell.commands import operands
from shipgate.preflight.shell.model import Command, Script, Word

# The secret among the words a command prints (the echo rule), or None.
SecretOf = Callable[[list[Word], Command], "str | None"]

_ECHOES = frozenset({"echo", "printf"})
# Programs that print (part of) the files they are given; grep's first operand is its pattern.
_FILE_PRINTERS = frozenset({"cat", "grep", "head", "tail"})
_NOT_SECRET_FILE = (".pub", ".sha256", ".sha512", ".md5", ".asc", ".sig", ".example", ".sample", ".template", ".dist")
_WRITES = frozenset({">", ">>", ">|"})
# The account list every user may read: its password field is ``x`` (the hashes are in /etc/shadow), so a line of it
# printed (``grep $USER /etc/passwd | cut -d: -f6``) shows no secret.
_ACCOUNT_LISTS = frozenset({"/etc/passwd"})


@dataclass(frozen=True)
class PrintedFile:
    """``printer`` prints ``path``, which the command on ``written_at`` wrote the secret ``name`` into."""

    printer: Command
    path: str
    written_at: int | None  # None: a file named for a secret, not written by the script
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


def named_for_secret(path: str) -> bool:
    """``path``'s file name says it holds a secret (``initialAdminPassword``, ``admin.password``, ``token.txt``)."""
    base = path.rstrip("/").rsplit("/", 1)[-1]
    if path in _ACCOUNT_LISTS:
        return False
    if not base or "$" in base or base.endswith(_NOT_SECRET_FILE) or "htpasswd" in base.lower():
        return False
    return secret_name(base.removesuffix(".txt"))


# grep options after which it prints no line of the file (only a status, a count or file names).
_GREP_QUIET = frozenset({"-q", "--quiet", "--silent", "-s", "-c", "--count", "-l", "-L", "--files-with-matches"})


def _printed_operands(command: Command) -> list[Word]:
    files = operands(command)
    if command.name != "grep":
        return files
    quiet = any(
        w.text in _GREP_QUIET or (w.text.startswith("-") and not w.text.startswith("--") and set(w.text) & set("qcl"))
        for w in command.words
    )
    return [] if quiet else files[1:]


def printed_files(script: Script, secret_of: SecretOf, prints: Callable[[Command], bool]) -> Iterator[PrintedFile]:
    """``cat FILE`` of a file written with a secret above it, or of a file named for a secret, where ``prints``
    says the output reaches the log (for a ``$(cat FILE)``, the echo that prints it)."""
    files: dict[str, tuple[int, str]] | None = None
    echoes: dict[int, list[Command]] | None = None
    for command in script.commands:
        if command.name not in _FILE_PRINTERS or not command.words:
            continue
        printer: Command | None = command
        if "captured" in command.conditions:
            if echoes is None:
                echoes = _echoes_by_line(script, prints)
            printer = next((e for e in echoes.get(command.line, ()) if _holds(e, command)), None)
        elif not prints(command):
            printer = None
        if printer is None:
            continue
        if files is None:
            files = _files_with_secrets(script, secret_of)
        for word in _printed_operands(command):
            written = files.get(word.text) if command.name == "cat" else None
            if written is not None and written[0] < command.line:
                yield PrintedFile(printer, word.text, written[0], written[1])
                break
            if named_for_secret(word.text):
                yield PrintedFile(printer, word.text, None, word.text.rsplit("/", 1)[-1])
                break


def _echoes_by_line(script: Script, prints: Callable[[Command], bool]) -> dict[int, list[Command]]:
    """The printing echoes by every line their words span: a ``$(cat F)`` on the second line of a string that
    starts on the first (``echo "Done`` / ``key: $(cat F)"``) is that echo's."""
    found: dict[int, list[Command]] = {}
    for command in script.commands:
        if command.name in _ECHOES and "captured" not in command.conditions and prints(command):
            last = max((w.line + w.raw.count("\n") for w in command.words), default=command.line)
            for line in range(command.line, max(command.line, last) + 1):
                found.setdefault(line, []).append(command)
    return found


def _holds(echo: Command, reader: Command) -> bool:
    """``echo``'s words hold ``reader`` as a command substitution (``echo "pw: $(cat F)"``)."""
    files = [w.raw for w in operands(reader)]
    return any(("$(" in w.raw or "`" in w.raw) and all(f in w.raw for f in files) for w in echo.words)
