"""An application script told by a long option to update its database schema.

Some PHP and Python products ship one maintenance script whose jobs are options rather than verbs: Tiny Tiny RSS's
``php83 update.php --update-schema=force-yes`` applies the release's schema changes to the live database at every
container start. The migration reader knows the verb form (``php console.php updatedb``); this is the same step
written as an option of the script, also when the interpreter is named with its version (``php83``, ``php8.2``)."""

from __future__ import annotations

import re

from shipgate.preflight.shell.commands import operands
from shipgate.preflight.shell.model import Command

_INTERPRETER = re.compile(r"(?:php|python|ruby|perl)(?:\d+(?:\.\d+)?)?")
_SCRIPT = re.compile(r"~?[\w$.{}/-]+\.(?:php|py|rb|pl)")
# a database noun and an update verb in one option name, in either order: --update-schema, --upgrade-db,
# --migrate-database, --schema-upgrade
_NOUN = r"(?:db|database|schema)"
_VERB = r"(?:update|upgrade|migrate)"
_OPTION = re.compile(rf"--(?P<name>{_VERB}[-_]{_NOUN}|{_NOUN}[-_]{_VERB})(?:=(?P<value>.*))?")
_DECLINED = frozenset({"no", "false", "0", "off"})


def updates_schema_by_option(command: Command) -> bool:
    """An interpreter given an application's script file and, after it, a long option naming a schema update
    (``php83 $DST_DIR/update.php --update-schema=force-yes``); not when the option's value declines it
    (``--update-schema=no``) and not an option of the interpreter itself, written before the script."""
    if not _INTERPRETER.fullmatch(command.name or ""):
        return False
    script = next(iter(operands(command)), None)
    if script is None or not _SCRIPT.fullmatch(script.text):
        return False
    words = [w.text for w in command.words]
    after = words[words.index(script.text) + 1 :] if script.text in words else []
    for word in after:
        option = _OPTION.fullmatch(word)
        if option is not None and (option.group("value") or "").lower() not in _DECLINED:
            return True
    return False
