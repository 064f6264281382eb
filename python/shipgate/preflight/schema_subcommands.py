"""A vendor's database tool given a subcommand that is itself "update the schema".

Some products ship their schema tool as a program of its own and name the step in one subcommand word: Temporal's
``temporal-sql-tool update-schema -d …/versioned`` applies the release's versioned schema changes and its
``setup-schema -v 0.0`` creates the schema at its base version; a tool's ``upgrade-db``, ``migrate-database`` or
``schema-upgrade`` reads the same. The statements live in the tool or its image, not in the package, so the run is a
hidden migration wherever it is written (a Helm hook Job's ``args:``, a compose ``command:``, a script).

The subcommand is the first operand, or one of the words before it that the option preceding it may have taken as its
value (``temporal-sql-tool --ep db -p 5432 update-schema -d DIR``: which options take a value is not known for an
unknown tool, and a schema verb is never one's value). Not read: an interpreter's operand (its script, read by the
updater-name rule of shipgate.preflight.migrations), a printer's text, a ``--help`` run, or a verb that only reads or
checks (``validate-schema``, ``schema-version``, ``dump-schema``)."""

from __future__ import annotations

import re

from shipgate.preflight.shell.model import Command

# update|upgrade|migrate and the noun in either order, or setting the schema up (its base version): one word.
_SCHEMA_SUBCOMMAND = re.compile(
    r"(?:update|upgrade|migrate)[-_]?(?:db|database|schema)|(?:db|database|schema)[-_]?(?:update|upgrade|migrate)"
    r"|setup[-_]?schema|schema[-_]?setup",
    re.IGNORECASE,
)
_NOT_TOOLS = frozenset(
    {"echo", "printf", "log", "info", "warn", "php", "perl", "python", "python3", "ruby", "jruby", "sh", "bash", "java"}
)
_HELP = frozenset({"-h", "--help", "help", "--version"})


def runs_schema_subcommand(command: Command) -> bool:
    """The command's program is given a schema-update subcommand (see the module's docstring)."""
    if (command.name or "") in _NOT_TOOLS or _SCHEMA_SUBCOMMAND.fullmatch(command.name or ""):
        return False  # an interpreter's script, a printer, or an updater named for its job (read elsewhere)
    texts = [w.text for w in command.words]
    if any(t in _HELP for t in texts):
        return False
    after_option = False
    for text in texts:
        if text.startswith("-"):
            after_option = "=" not in text
            continue
        if _SCHEMA_SUBCOMMAND.fullmatch(text):
            return True
        if not after_option:
            return False  # the first operand that is no option's value is the subcommand, and it is another one
        after_option = False
    return False
