"""How the Go file-based migrators (and Atlas) are invoked, and what a run of one does to the package's database.

golang-migrate (``migrate [options] COMMAND``), goose (``goose [options] [DRIVER DBSTRING] COMMAND``) and dbmate
(``dbmate [options] COMMAND``) take their options before the verb as often as after it (``migrate -source
file://db -database "$DB_URL" up``), each option's value as the next word or after ``=``, with one dash or two (Go's
flag package, urfave/cli). They are also run straight from their module (``go run -tags postgres
github.com/golang-migrate/migrate/v4/cmd/migrate@latest … up``), which is the same CLI.

What a run is depends on where the migrations are read and whether the tool takes a lock:
- a source outside the package (golang-migrate's ``-source github://…``, ``s3://…``, Atlas's ``--dir atlas://…``;
  goose or dbmate given no folder, so one the package does not name) is ``hidden``;
- the package's own folder (golang-migrate's ``-path DIR``/``-source file://DIR``, goose's ``-dir DIR``, dbmate's
  ``-d``/``--migrations-dir DIR``, also set in the command's environment: ``GOOSE_MIGRATION_DIR``,
  ``DBMATE_MIGRATIONS_DIR``; Atlas's ``--dir file://DIR``) under golang-migrate's ``pg_advisory_lock`` or Atlas's
  lock is ``locked``; goose's CLI and dbmate take no lock by default (goose locks only through its library's
  ``SessionLocker``; dbmate's lock is an open request, amacneil/dbmate#101), so their run of the package's own SQL
  is ``outside_lock``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from shipgate.preflight.shell.model import Command, Word

RunKind = Literal["hidden", "outside_lock", "locked"]


@dataclass(frozen=True)
class _Migrator:
    value_options: frozenset[str]  # option names (no dashes) that take a value
    verbs: frozenset[str]  # verbs that apply (or revert) migrations
    verb_at: tuple[int, ...]  # operand positions the verb may take (goose: after DRIVER DBSTRING)
    folder_options: frozenset[str]  # options naming the folder of migrations
    folder_env: str | None  # the environment variable that names it
    locks: bool  # takes a PostgreSQL advisory lock around the run
    group: str | None = None  # the command group written before the verb (atlas's ``migrate apply``)


_MIGRATORS: dict[str, _Migrator] = {
    # golang-migrate's CLI: ``force`` only sets the version, ``drop`` is no migration, ``create`` writes files
    "migrate": _Migrator(
        frozenset({"source", "database", "path", "lock-timeout", "prefetch"}),
        frozenset({"up", "down", "goto"}),
        (0,),
        frozenset({"path"}),
        None,
        True,
    ),
    "goose": _Migrator(
        frozenset({"dir", "table", "env", "certfile", "ssl-cert", "ssl-key", "timeout"}),
        frozenset({"up", "up-by-one", "up-to", "down", "down-to", "redo", "reset"}),
        (0, 2),
        frozenset({"dir"}),
        "GOOSE_MIGRATION_DIR",
        False,
    ),
    "dbmate": _Migrator(
        frozenset({"d", "migrations-dir", "u", "url", "e", "env", "s", "schema-file", "migrations-table"})
        | {"wait-timeout", "env-file"},
        frozenset({"up", "migrate", "down", "rollback"}),
        (0,),
        frozenset({"d", "migrations-dir"}),
        "DBMATE_MIGRATIONS_DIR",
        False,
    ),
    # Atlas's versioned migrations: ``atlas migrate apply --dir file://migrations --url …`` takes a database lock
    # around the run (``--lock-timeout``, ``--lock-name``); ``--dir atlas://app`` reads them from Atlas Cloud
    "atlas": _Migrator(
        frozenset({"dir", "url", "u", "env", "config", "c", "revisions-schema", "lock-timeout", "lock-name"})
        | {"baseline", "tx-mode", "exec-order", "var", "dir-format"},
        frozenset({"apply"}),
        (1,),
        frozenset({"dir"}),
        None,
        True,
        "migrate",
    ),
}
# ``go run``'s build flags that take a value (``go help build``); the first other word is the package run.
_GO_BUILD_VALUES = frozenset(
    {"-tags", "-mod", "-modfile", "-ldflags", "-gcflags", "-asmflags", "-o", "-C", "-p", "-exec", "-overlay"}
    | {"-pkgdir", "-toolexec", "-buildmode", "-compiler", "-gccgoflags", "-installsuffix", "-pgo", "-coverpkg"}
)


def _go_run(words: list[str]) -> tuple[str, list[str]] | None:
    """``go run [build flags] MODULE/cmd/NAME[@version] args``: the command NAME of a module fetched by its import
    path (a domain first: ``github.com/…``), and its arguments; a package of the project (``./cmd/migrate``) is
    the project's own program, not the tool."""
    if words[:1] != ["run"]:
        return None
    at = 1
    while at < len(words) and words[at].startswith("-"):
        at += 1 if "=" in words[at] or words[at] not in _GO_BUILD_VALUES else 2
    if at >= len(words) or "." not in words[at].partition("/")[0] or words[at].startswith("."):
        return None
    name = words[at].partition("@")[0].rstrip("/").rpartition("/")[2]
    return name, words[at + 1 :]


def _parse(migrator: _Migrator, words: list[str]) -> tuple[dict[str, list[str]], list[str]]:
    """Options (by name, without dashes) with their values, and the operands, of a migrator's words."""
    options: dict[str, list[str]] = {}
    operands: list[str] = []
    at = 0
    while at < len(words):
        word = words[at]
        at += 1
        if not word.startswith("-") or word == "-":
            operands.append(word)
            continue
        name, eq, value = word.lstrip("-").partition("=")
        if not eq and name in migrator.value_options and at < len(words):
            value, at = words[at], at + 1
        options.setdefault(name, []).append(value)
    return options, operands


def _verb_at(migrator: _Migrator, operands: list[str], at: int) -> bool:
    """A migrating verb at operand ``at``, after the migrator's command group when it has one."""
    if at >= len(operands) or operands[at] not in migrator.verbs:
        return False
    return migrator.group is None or (at > 0 and operands[at - 1] == migrator.group)


def run_kind(name: str, words: list[str], env: tuple[tuple[str, Word], ...] = ()) -> RunKind | None:
    """What a run of the migrator ``name`` with ``words`` (and the command's environment) is; None when ``name`` is
    none of them or no migrating verb is given (``status``, ``create``, ``force``, ``-help``)."""
    migrator = _MIGRATORS.get(name)
    if migrator is None:
        return None
    options, operands = _parse(migrator, words)
    if not any(_verb_at(migrator, operands, i) for i in migrator.verb_at):
        return None
    if name == "migrate":
        sources = options.get("source", [])
        local = bool(options.get("path")) or (bool(sources) and all(s.startswith("file:") for s in sources))
        return "locked" if local else "hidden"
    folders = [v for o in migrator.folder_options for v in options.get(o, [])]
    folders += [w.text for n, w in env if n == migrator.folder_env]
    if not folders or any("://" in f and not f.startswith("file://") for f in folders):
        return "hidden"  # the tool's default folder, which the package does not name
    return "locked" if migrator.locks else "outside_lock"


def migrator_run(command: Command) -> RunKind | None:
    """What the command's run of golang-migrate, goose, dbmate or Atlas is, also run by ``go run`` from its module."""
    name = command.name or ""
    words = [w.text for w in command.words]
    if name == "go":
        found = _go_run(words)
        if found is None:
            return None
        name, words = found
    return run_kind(name, words, command.env)


def is_migrator(command: Command) -> bool:
    """The command runs golang-migrate, goose, dbmate or Atlas (whatever it asks of it)."""
    if command.name == "go":
        found = _go_run([w.text for w in command.words])
        return found is not None and found[0] in _MIGRATORS
    return (command.name or "") in _MIGRATORS
