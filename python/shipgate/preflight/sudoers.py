"""Sudoers rules a package ships as a file (``etc/sudoers.d/<name>``, or a ``*.sudo``/``*.sudoers`` template its
installer copies there): each rule that lets an account run commands as another user is ``preflight.persistence``
(high), as a script that writes it to ``/etc/sudoers.d`` is. A file is read as sudoers (sudoers(5)) by its place or
name, or by its content when every line that is not a comment is sudoers syntax (rules, ``Defaults``,
``*_Alias``, ``@include``) and one of them is a rule; a line ending in a backslash goes on over the next."""

from __future__ import annotations

import re
from collections.abc import Iterator

from shipgate.findings import Finding, Severity
from shipgate.preflight.contents import Context, Kind, Line, TextFile
from shipgate.preflight.markup import is_documentation

_PLACE = re.compile(r"(?:^|/)sudoers(?:\.d/[^/]+)?$|\.sudo(?:ers)?$")
# user_list host_list = [(runas)] [TAG: …] command, …  (the command: a path, ALL, a negation or an alias)
_RULE = re.compile(
    r"^(?P<users>%?[\w.@+-]+(?:\s*,\s*%?[\w.@+-]+)*)\s+(?:ALL|[\w.,!+-]+)\s*=\s*(?:\((?P<runas>[^)]*)\)\s*)?"
    r"(?P<tags>(?:[A-Z_]+:\s*)*)(?P<commands>(?:/|ALL\b|!|sudoedit\b|[A-Z][A-Z0-9_]*\b).*)$"
)
_SYNTAX = re.compile(r"^(?:Defaults\b|(?:User|Runas|Host|Cmnd|Cmd)_Alias\b|[@#]include(?:dir)?\b)")
MAX_RULE_LINES = 1_000


def _rules(text: TextFile) -> list[tuple[Line, re.Match[str]]]:
    """The rule lines of a sudoers file; [] when the file is not one."""
    rules: list[tuple[Line, re.Match[str]]] = []
    placed = bool(_PLACE.search(text.path))
    for line, stripped in _logical_lines(text.lines[:MAX_RULE_LINES]):
        if not stripped or (stripped.startswith("#") and not _SYNTAX.match(stripped)):
            continue
        if _SYNTAX.match(stripped):
            continue  # Defaults, aliases and includes grant nothing by themselves
        rule = _RULE.match(stripped)
        if rule is not None and (placed or _sudo_words(rule)):
            rules.append((line, rule))
        elif not placed:
            return []  # a line sudoers would refuse: some other configuration
    return rules


def _logical_lines(lines: tuple[Line, ...]) -> Iterator[tuple[Line, str]]:
    """Each entry at its first line, stripped, with the lines a trailing backslash continues joined (sudoers(5): a
    long ``Cmnd_Alias`` or rule goes on over several lines)."""
    first: Line | None = None
    parts: list[str] = []
    for line in lines:
        stripped = line.text.strip()
        if first is None and stripped.startswith("#"):
            yield line, stripped
            continue
        first = first or line
        if stripped.endswith("\\"):
            parts.append(stripped[:-1].strip())
            continue
        parts.append(stripped)
        yield first, " ".join(p for p in parts if p)
        first, parts = None, []
    if first is not None:
        yield first, " ".join(p for p in parts if p)


def _sudo_words(rule: re.Match[str]) -> bool:
    """Whether a rule found by content says something only sudoers says (a tag, a runas list, ALL): a Makefile's
    ``export PATH = /usr/bin`` has the shape of a rule too."""
    return bool(
        rule.group("tags")
        or rule.group("runas") is not None
        or "ALL" in rule.group(0).split("=", 1)[0]
        or rule.group("commands").startswith("ALL")
    )


def scan(ctx: Context) -> Iterator[Finding]:
    for text in ctx.of_kind(Kind.CONFIG):
        if is_documentation(text.path):
            continue  # an example rule in the documentation (share/doc/…/examples) is not in effect
        for line, rule in _rules(text):
            runas = (rule.group("runas") or "root").split(":")[0].strip() or "root"
            runas = "root" if runas == "ALL" else runas
            no_password = "NOPASSWD:" in rule.group("tags")
            yield text.finding(
                line,
                "preflight.persistence",
                Severity.HIGH,
                message=f"the package installs a sudoers rule: {rule.group('users')} may run "
                f"{rule.group('commands').strip()} as {runas}" + (" without a password" if no_password else ""),
                remedy="Ask the vendor to drop the rule or narrow it to the exact commands the service needs; "
                "record it in the change plan with its owner and how it is removed.",
                target="sudoers",
            )
