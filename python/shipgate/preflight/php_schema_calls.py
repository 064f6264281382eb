"""PHP install and upgrade commands that apply the product's schema changes through another class: Magento's
``setup:upgrade`` calls ``$installer->installSchema()``, Matomo's ``core:update`` ``$controller->runUpdaterAndExit()``,
ownCloud's ``upgrade`` ``$updater->upgrade()``, a Laravel installer fires ``'command.runmigrations'`` for its listener.
The statements are in the called class, not in the file: the call is the product's own migration step, written as
its own ``migrate`` command (``hidden_migration``), as the Go reader writes a call into a migrations package
(docs/preflight.md, "Install programs in other languages: PHP console commands").

Read, by the call's name alone (a file is read only when it is an install or upgrade step, ``php_script``):
- a method named by a verb that applies and the schema or database it applies to, its first two words
  (``installSchema``, ``upgradeDatabase``, ``updateDb``, ``runMigrations``, ``runUpdater…``, ``installData…``:
  Magento's data patches);
- ``upgrade``/``update``/``migrate`` called on a receiver named as the product's updater or migrator
  (``$updater->upgrade()``, ``$this->migrator->migrate()``);
- an event fired (``fire``, ``dispatch``, ``trigger``) whose literal name asks for the migrations to run
  (``'command.runmigrations'``, ``'app.migrate'``).
Not: a method of the class itself (``$this->runMigrations()``: its body is in the file, read where it runs), a
method that updates something else (``updateModulesSequence``, ``installPlugins``, ``updateConfig``), a
check (``$updater->isUpgradePossible()``, ``checkForUpdates``), an event that only announces (``'migrations.done'``)."""

from __future__ import annotations

import re

import tree_sitter

from shipgate.preflight.syntax_nodes import node_text

Node = tree_sitter.Node

# the product's own migration step, as the shell checks read it (``migrations._migrate_through_variable``)
MIGRATE_STEP = "${PHP_APPLICATION} migrate"

_WORDS = re.compile(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])")
_APPLY_VERBS = frozenset({"install", "upgrade", "update", "run", "apply", "execute"})
_SCHEMA_NOUNS = frozenset({"schema", "database", "db", "migration", "migrations", "updater", "upgrader", "migrator"})
# Magento's ``installDataFixtures``: the data patches of every module; only after the verbs that put them in place
_DATA_VERBS = frozenset({"install", "upgrade"})
_UPDATER_RECEIVER = re.compile(r"(?:updater|upgrader|migrator|migrations?)", re.IGNORECASE)
_RECEIVER_VERBS = frozenset({"upgrade", "update", "migrate"})
_OWN_CLASS = frozenset({"$this", "self", "static"})
_FIRE_METHODS = frozenset({"fire", "dispatch", "trigger"})
_MIGRATE_EVENT = re.compile(r"(?:^|[.:_-])(?:run[-_.]?)?migrat(?:e|ions?)$", re.IGNORECASE)


def _words(name: str) -> list[str]:
    return [w.lower() for w in _WORDS.findall(name)]


def _named_step(name: str) -> bool:
    """``installSchema``, ``runUpdaterAndExit``, ``installDataFixtures``: the verb, then what it applies."""
    words = _words(name)
    if len(words) < 2 or words[0] not in _APPLY_VERBS:
        return False
    return words[1] in _SCHEMA_NOUNS or (words[0] in _DATA_VERBS and words[1] == "data")


def _receiver_name(call: Node) -> str:
    """The last name of a call's receiver: ``updater`` of ``$updater`` and of ``$this->updater``."""
    receiver = call.child_by_field_name("object") or call.child_by_field_name("scope")
    text = node_text(receiver) if receiver is not None else ""
    return re.split(r"->|::|\$", text)[-1]


def _fired_migration(call: Node, name: str, args: list[Node]) -> bool:
    if name not in _FIRE_METHODS or not args or args[0].type not in ("string", "encapsed_string"):
        return False
    return bool(_MIGRATE_EVENT.search(node_text(args[0]).strip("'\"")))


def applies_schema(call: Node, name: str, args: list[Node]) -> bool:
    """A method call (``->``/``::``) of a step that applies the product's schema changes held in another class."""
    if call.type not in ("member_call_expression", "scoped_call_expression"):
        return False
    receiver = call.child_by_field_name("object") or call.child_by_field_name("scope")
    if receiver is not None and node_text(receiver) in _OWN_CLASS:
        return False  # the class's own method: its body is in the file, read where it runs
    if _named_step(name) or _fired_migration(call, name, args):
        return True
    return name in _RECEIVER_VERBS and bool(_UPDATER_RECEIVER.fullmatch(_receiver_name(call)))
