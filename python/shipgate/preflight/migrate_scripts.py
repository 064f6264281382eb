"""A project's package script named for applying its migrations, run by a Node package manager: ``npm run
db:migrate``, ``npm -w @app/api run migrate:deploy``, ``pnpm run migration:run``, ``yarn migrate`` (yarn and pnpm
run a script named as their first word). The script's body is in the project's ``package.json``, not in the file
read, so the statements it applies are not in the package: a hidden migration (holdout165's Hail-Mary updater,
``docker exec API sh -lc 'npm -w @hail-mary/api run db:migrate'``). Scripts that make, list or revert migrations
(``migration:generate``, ``migrate:status``, ``migrate:rollback``) apply nothing new and are not read as one.

The same job as a script file an interpreter runs by its path: ``node src/scripts/migrate.js``, ``python
migrate.py``, ``php db-migrate.php`` (holdout206's Tinchost panel updater). The file is the product's own runner, its
statements are not in the script read; a first operand naming another job (``node migrate.js create x``,
``… status``) is not read as one."""

from __future__ import annotations

import re

from shipgate.preflight.shell.commands import operands
from shipgate.preflight.shell.model import Command

_MANAGERS = frozenset({"npm", "pnpm", "yarn", "bun"})
_RUN = frozenset({"run", "run-script"})
# options of the managers that take the next word (a workspace, a directory, a filter)
_VALUE_OPTIONS = frozenset({"-w", "--workspace", "--prefix", "-C", "--dir", "--cwd", "-F", "--filter"})
_APPLIES = frozenset({"migrate", "migrations", "migration"})
# words of a script name that make, show or undo migrations rather than apply the pending ones
_OTHER_JOB = frozenset(
    {"make", "create", "generate", "new", "status", "list", "show", "check", "rollback", "down", "revert", "undo"}
    | {"reset", "fresh", "refresh", "drop", "dry", "test"}
)
_SEPARATORS = re.compile(r"[:_.\-/]")


def _script_name(command: Command) -> str | None:
    """The package script a manager runs: after ``run``/``run-script`` (options and their values skipped), or
    yarn's and pnpm's first word when it is not an option."""
    if (command.name or "") not in _MANAGERS:
        return None
    words = [w.text for w in command.words]
    at, seen_run = 0, False
    while at < len(words):
        word = words[at]
        if word in _VALUE_OPTIONS:
            at += 2
        elif word.startswith("-"):
            at += 1
        elif word in _RUN and not seen_run:
            seen_run, at = True, at + 1
        else:
            return word if seen_run or command.name in ("yarn", "pnpm") else None
    return None


def runs_migrate_script(command: Command) -> bool:
    """A Node package manager running a package script named for applying migrations (module docstring)."""
    name = _script_name(command)
    if name is None:
        return False
    parts = {p.lower() for p in _SEPARATORS.split(name) if p}
    return bool(parts & _APPLIES) and not parts & _OTHER_JOB


# Interpreters that run the script file named by their first operand.
_INTERPRETERS = frozenset({"node", "nodejs", "bun", "tsx", "ts-node", "python", "python3", "php", "ruby", "perl"})
# a file named for applying migrations, alone or after a database noun: migrate.js, migrations.py, db-migrate.php
_MIGRATE_FILE = re.compile(r"(?:(?:db|database)[-_.])?(?:migrate|migrations?)(?:\.(?:[cm]?[jt]s|py|php|rb|pl))?")


def runs_migrate_file(command: Command) -> bool:
    """An interpreter given a script file named for applying migrations (module docstring)."""
    if (command.name or "") not in _INTERPRETERS:
        return False
    ops = [w.text for w in operands(command)]
    if not ops or not _MIGRATE_FILE.fullmatch(ops[0].rpartition("/")[2].lower()):
        return False
    job = {p.lower() for p in _SEPARATORS.split(ops[1]) if p} if len(ops) > 1 else set()
    return not job & _OTHER_JOB
