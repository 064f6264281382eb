"""The package-manager action a branch of a maintainer script runs under, from an ``if`` test of ``$1``.

dpkg and rpm call a maintainer script with the action as its first argument (``configure``, ``upgrade``,
``remove``, ``purge``…); debhelper's snippets and most hand-written scripts branch on it with ``case "$1" in``
(read by the reader as ``case:`` conditions) or with a test: ``if [ "$1" = "purge" ]``, ``if [ -z
"${DPKG_ROOT:-}" ] && [ "$1" = "purge" ]``, ``if [ "$1" = remove ] || [ "$1" = purge ]``, ``if test "$1" =
purge``. :func:`action_conditions` gives such a test's words as the same ``case:WORD`` conditions, so what runs
only on removal is known whichever way it is written. In an RPM scriptlet ``$1`` is the count of versions left
(``[ $1 -eq 0 ]``: erase, ``case:0``; ``[ $1 -ge 1 ]``: upgrade). What the name of the script and an early
``exit`` on an upgrade say (``shell.phases``) the reader marks :data:`REMOVAL`. :func:`on_removal_only` is the
one predicate every check of what an upgrade changes asks."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace

from tree_sitter import Node

from shipgate.preflight.shell.model import Command
from shipgate.preflight.shell.words import text

_FIRST_ARGUMENT = re.compile(r"""^["']?\$(?:1|\{1\})["']?$""")
_ACTION = re.compile(r"""^["']?([a-z][\w-]*)["']?$""")
_NUMBER = re.compile(r"""^["']?(\d{1,4})["']?$""")
_MAX_DEPTH = 16


@dataclass(frozen=True)
class _Holds:
    """The actions a test of ``$1`` holds under: ``actions``, or every action but them when ``negated``. rpm's
    count is ``0`` (erase) or ``1`` (one installed version or more: an install or an upgrade)."""

    actions: frozenset[str]
    negated: bool = False


def _count(operator: str, number: int) -> frozenset[str] | None:
    """``$1 OP number`` of rpm's count of versions, as the counts ``0``/``1`` it holds for (None: both)."""
    low = {"-eq": number, "=": number, "==": number}.get(operator)
    if low is not None:
        return frozenset({"0" if low == 0 else "1"})
    if (operator, number) in (("-lt", 1), ("-le", 0)):
        return frozenset({"0"})
    if (operator in ("-gt", "!=", "-ne") and number == 0) or (operator == "-ge" and number >= 1):
        return frozenset({"1"})
    return None


def _comparison(left: str, operator: str, right: str, numeric: bool) -> _Holds | None:
    for subject, value in ((left, right), (right, left)):
        if not _FIRST_ARGUMENT.match(subject):
            continue
        number = _NUMBER.match(value) if numeric else None
        if number is not None:
            found = _count(operator, int(number.group(1))) if subject is left else None
            return _Holds(found) if found is not None else None
        m = _ACTION.match(value)
        if m and operator in ("=", "=="):
            return _Holds(frozenset({m.group(1)}))
        if m and operator == "!=":
            return _Holds(frozenset({m.group(1)}), negated=True)
    return None


def _combined(parts: list[_Holds | None], operators: set[str]) -> _Holds | None:
    """``A || B`` / ``A && B`` of tests of ``$1`` (a test of something else in an ``&&`` narrows nothing)."""
    known = [p for p in parts if p is not None]
    if not known or len({p.negated for p in known}) != 1:
        return None
    negated = known[0].negated
    sets = [p.actions for p in known]
    if operators == {"||"} and len(known) == len(parts):
        return _Holds(frozenset.intersection(*sets) if negated else frozenset().union(*sets), negated)
    if operators == {"&&"}:
        return _Holds(frozenset().union(*sets) if negated else frozenset.intersection(*sets), negated)
    return None


def _words(node: Node, numeric: bool, depth: int = 0) -> _Holds | None:
    """The actions under which ``node`` (a condition) holds, or None when it does not constrain ``$1``."""
    if depth > _MAX_DEPTH:
        return None
    kind, named = node.type, node.named_children
    if kind == "list":
        operators = {c.type for c in node.children if not c.is_named}
        return _combined([_words(c, numeric, depth + 1) for c in named], operators)
    if kind in ("test_command", "redirected_statement") and named:
        return _words(named[0], numeric, depth + 1)
    if kind == "binary_expression" and len(node.children) == 3:
        left, operator, right = (text(c) for c in node.children)
        return _comparison(left, operator, right, numeric)
    if kind == "command" and len(named) == 4 and text(named[0]) in ("test", "["):
        return _comparison(text(named[1]), text(named[2]), text(named[3]), numeric)
    return None


def action_test(conds: list[Node], *, numeric: bool = False) -> _Holds | None:
    """What an ``if`` condition (or the left of ``&&``) says of ``$1``; ``numeric``: a number compared with it is
    rpm's count of versions (:func:`shell.phases.counts_versions`, outside a function)."""
    named = [c for c in conds if c.is_named]
    return _words(named[0], numeric) if len(named) == 1 else None


def action_conditions(conds: list[Node], *, numeric: bool = False) -> tuple[str, ...]:
    """``case:ACTION`` for each action an ``if`` condition lets its branch run under (empty: not a test of $1,
    or a test that holds under every action but some)."""
    holds = action_test(conds, numeric=numeric)
    if holds is None or holds.negated or not holds.actions:
        return ()
    return tuple(f"case:{w}" for w in sorted(holds.actions)[:8])


# The actions dpkg/rpm call a maintainer script with only when the package goes away, never on an upgrade.
_REMOVAL = frozenset({"remove", "purge", "disappear", "0"})  # rpm's %preun/%postun get 0 on erase
# What a removal-side script gets on an upgrade: dpkg's ``upgrade``, rpm's count of one version or more.
_UPGRADE = frozenset({"upgrade", "1"})


def holds_on_upgrade(holds: _Holds | None) -> bool | None:
    """Whether a test of ``$1`` holds when a removal-side script runs for an upgrade (None: not known)."""
    if holds is None:
        return None
    return not (holds.actions & _UPGRADE) if holds.negated else bool(holds.actions & _UPGRADE)


# Set by the reader on a step that runs only when the package is removed, whatever ``case:`` says: a whole
# deinstall script, pacman's ``pre_remove``, a removal-side script's steps after it ended on an upgrade or in a
# branch an upgrade does not take (``shell.phases``).
REMOVAL = "removal"


def on_removal_only(command: Command) -> bool:
    """Under ``case "$1" in purge)`` / ``if [ "$1" = "remove" ]`` / rpm's ``if [ $1 -eq 0 ]``, or marked
    :data:`REMOVAL` by the reader: it runs when the package is removed, never on an upgrade."""
    if REMOVAL in command.conditions:
        return True
    actions = {c[5:].strip("\"')") for c in command.conditions if c.startswith("case:")}
    return bool(actions) and actions <= _REMOVAL


# A vendor installer's own uninstall mode, chosen by the operator: ``install.sh uninstall`` (``case:uninstall``) or an
# option that sets a flag (``u) UNINSTALL="true";;`` … ``if [ "$UNINSTALL" = "true" ]``). Unlike a package manager's
# removal, its steps are still reported (sudo, a disable); what it deletes the operator asked for. The reader marks
# the branch taken in that mode :data:`UNINSTALL` and the other branch of the same test :data:`NOT_UNINSTALL`.
UNINSTALL = "uninstall"
# The branch of a test that can never hold: a switch the file sets once, to another value (``VERIFY_CHECKSUM=0`` …
# ``if [ "$VERIFY_CHECKSUM" = "1" ]``).
NEVER = "never"
# The branch of a test that holds only when the operator's command line asks for it (``--sudo always`` sets
# ``USE_SUDO``, which the file defaults to ``never``; shell.operator_options): not taken by default.
OPTED_IN = "opted-in"
NOT_UNINSTALL = "not-uninstall"
# The flag: ``$UNINSTALL``, ``$do_uninstall``, ``$UNINSTALL_ALL``; or, by itself, ``$REMOVE`` / ``$purge`` (nginx-ui's
# ``--remove`` sets ``REMOVE='1'``; Nyr's openvpn-install reads the answer to "remove OpenVPN?" into ``remove``).
_UNINSTALL_FLAG = re.compile(
    r"""^["']?\$\{?(?:(?:[A-Za-z]\w*_)?(?:un|de)install(?:_[A-Za-z]\w*)?|remove|purge)\}?["']?$""", re.I
)
_SET = frozenset({"true", "yes", "y", "1", "on"})
_YES = re.compile(r"""^["']?\^(?:\[[yY]{1,2}\]|[yY])""")  # ``=~ ^[yY]$``: the operator answered yes


def _flag_set(node: Node) -> bool:
    """``[ "$UNINSTALL" = "true" ]``, ``[[ $uninstall == 1 ]]``, ``[[ "$REMOVE" -eq '1' ]]``, ``[ -n "$UNINSTALL" ]``,
    ``[[ "$remove" =~ ^[yY]$ ]]``: the uninstall flag is on."""
    kind, named = node.type, node.named_children
    if kind in ("test_command", "redirected_statement") and len(named) == 1:
        return _flag_set(named[0])
    words = [text(c) for c in node.children] if kind in ("binary_expression", "unary_expression") else []
    if kind == "command" and named and text(named[0]) in ("test", "["):
        words = [text(c) for c in named[1:] if text(c) != "]"]
    if len(words) == 3 and words[1] == "=~":
        return bool(_UNINSTALL_FLAG.match(words[0])) and bool(_YES.match(words[2]))
    if len(words) == 3 and words[1] in ("=", "==", "-eq"):
        subject, value = (words[0], words[2]) if _UNINSTALL_FLAG.match(words[0]) else (words[2], words[0])
        return bool(_UNINSTALL_FLAG.match(subject)) and value.strip("\"'").lower() in _SET
    return len(words) == 2 and words[0] == "-n" and bool(_UNINSTALL_FLAG.match(words[1]))


def uninstall_test(conds: list[Node]) -> bool:
    """Whether an ``if`` condition holds only in the installer's uninstall mode (its flag set, ``$1`` = uninstall)."""
    named = [c for c in conds if c.is_named]
    if len(named) != 1:
        return False
    holds = action_test(conds)
    return _flag_set(named[0]) or (holds is not None and not holds.negated and holds.actions == {UNINSTALL})


def in_uninstall_mode(command: Command) -> bool:
    """The step runs only when the operator chose the installer's uninstall mode."""
    return UNINSTALL in command.conditions or "case:uninstall" in command.conditions


_CALL_ROUNDS = 8  # functions calling functions followed this many levels


def with_removal_functions(commands: tuple[Command, ...], functions: tuple[str, ...]) -> tuple[Command, ...]:
    """``commands`` with the steps of a function the script calls only on removal (every call under ``case 0)``,
    ``if [ "$1" = purge ]`` or in another such function) marked :data:`REMOVAL`: BunkerWeb's ``remove()`` run from
    ``case "$1" in 0)``; and those of a function called only in the installer's uninstall mode marked
    :data:`UNINSTALL` (bjorn2scan's ``uninstall()`` run from ``case "${1:-}" in uninstall)``). A function never
    called here (pacman calls ``post_install``) is left as it is."""
    commands = _mark_called_only(commands, functions, on_removal_only, REMOVAL)
    return _mark_called_only(commands, functions, in_uninstall_mode, UNINSTALL)


def _mark_called_only(
    commands: tuple[Command, ...], functions: tuple[str, ...], only: Callable[[Command], bool], mark: str
) -> tuple[Command, ...]:
    """``commands`` with ``mark`` added to the steps of every function each call of which holds ``only`` or is
    made from another such function."""
    if not functions or not any(only(c) for c in commands):
        return commands
    defined = frozenset(functions)
    sites: dict[str, list[Command]] = defaultdict(list)
    for command in commands:
        if command.name in defined:
            sites[command.name].append(command)
    marked: set[str] = set()
    for _ in range(_CALL_ROUNDS):
        found = {
            name
            for name, calls in sites.items()
            if name not in marked and all(only(c) or c.function in marked for c in calls)
        }
        if not found:
            break
        marked |= found
    if not marked:
        return commands
    return tuple(
        replace(c, conditions=(*c.conditions, mark)) if c.function in marked and not only(c) else c for c in commands
    )
