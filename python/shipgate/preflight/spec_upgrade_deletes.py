"""A file an RPM spec's ``%preun`` or ``%postun`` deletes that its own ``%files`` installs, in a step with no test of
rpm's count ``$1``. rpm runs the OLD package's removal scriptlets during an upgrade too, after the new package's files
are in place (``%preun`` before the old files go, ``%postun`` last), so the step deletes the file the upgrade has just
installed: Jarvis agent's ``%postun`` ``rm -rf /etc/default/jarvis-agent`` leaves every upgraded host without its
settings file (hold-out set 186). On erase rpm removes the file anyway; under ``if [ $1 -eq 0 ]`` (or any other test
the reader knows as removal-only, ``shell.actions.on_removal_only``) the step is the erase's and is not reported.
``preflight.destructive_delete`` at the delete; a data path (``/var/lib/…``) is left to the data-delete reading of
``shell_risk``, which reports it with its backup rules.

A ``%files`` entry is its last word after the directives with arguments (``%attr(…)``, ``%config(noreplace)``),
macros expanded; ``%dir`` (the directory alone), ``%ghost`` and ``%exclude`` entries install no file and are not
counted. A delete counts when its operand is an installed path or a directory holding one."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from shipgate.findings import Finding, Severity
from shipgate.preflight.contents import Context, at_command
from shipgate.preflight.markup import is_documentation
from shipgate.preflight.package_scripts import expand_macros, is_spec_name, is_spec_section_header, spec_macros
from shipgate.preflight.runners import steps
from shipgate.preflight.shell.actions import NEVER, on_removal_only
from shipgate.preflight.shell.commands import operands
from shipgate.preflight.shell.model import Command
from shipgate.preflight.shell_risk import data_path

MAX_SPEC_LINES = 20_000
_REMOVAL_SCRIPTLET = re.compile(r"^%(?:preun|postun)(?:\s|$)")
_DIRECTIVE = re.compile(r"%[a-z_]+\([^)]*\)")
_NOT_INSTALLED = frozenset({"%dir", "%ghost", "%exclude"})
_DELETERS = frozenset({"rm", "unlink"})


def _installed(line: str, macros: dict[str, str]) -> str | None:
    """The absolute path a ``%files`` entry installs, or None."""
    words = _DIRECTIVE.sub(" ", line).split()
    if not words or words[0].startswith("#") or _NOT_INSTALLED.intersection(words):
        return None
    path = expand_macros(words[-1], macros).replace("//", "/").rstrip("/")
    return path if path.startswith("/") and "%" not in path else None


def _layout(lines: Sequence[str]) -> tuple[list[tuple[int, int]], frozenset[str]]:
    """(the 1-based line spans of the ``%preun``/``%postun`` sections, the paths ``%files`` installs)."""
    macros = spec_macros(lines)
    spans: list[tuple[int, int]] = []
    installed: set[str] = set()
    section, start = "", 0
    for number, line in enumerate(lines, 1):
        stripped = line.strip()
        if not is_spec_section_header(stripped):
            path = _installed(stripped, macros) if section == "files" else None
            if path is not None:
                installed.add(path)
            continue
        if section == "removal":
            spans.append((start, number))
        section = "removal" if _REMOVAL_SCRIPTLET.match(stripped) else "files" if stripped.startswith("%files") else ""
        start = number
    if section == "removal":
        spans.append((start, len(lines) + 1))
    return spans, frozenset(installed)


def _deleted_file(command: Command, installed: frozenset[str]) -> str | None:
    """The installed path (or the directory holding one) ``command`` deletes, when not a data path."""
    if command.name not in _DELETERS:
        return None
    for word in operands(command):
        target = word.text.rstrip("/")
        if not target.startswith("/") or data_path(word):
            continue
        prefix = target + "/"
        if target in installed or any(path.startswith(prefix) for path in installed):
            return target
    return None


def scan(ctx: Context) -> Iterator[Finding]:
    specs = {t.path: t for t in ctx.texts if is_spec_name(t.path) and not is_documentation(t.path)}
    for path, script in steps(ctx):
        text = specs.get(path)
        if text is None:
            continue
        spans, installed = _layout([line.text for line in text.lines[:MAX_SPEC_LINES]])
        if not spans or not installed:
            continue
        for command in script.commands:
            if on_removal_only(command) or NEVER in command.conditions:
                continue
            if not any(first < command.line < end for first, end in spans):
                continue
            target = _deleted_file(command, installed)
            if target is None:
                continue
            yield at_command(
                "preflight.destructive_delete",
                Severity.HIGH,
                path=path,
                command=command,
                target=target,
                message=f"deletes {target}, a file the package itself installs, in a removal scriptlet rpm also "
                "runs at the end of an upgrade (no test of $1): every upgrade leaves the new version without it",
                remedy="Ask the vendor to run the delete only on erase (if [ $1 -eq 0 ]), or to drop it: rpm "
                "removes the package's own files itself.",
            )
