"""A sudoers drop-in an RPM spec installs: a ``%files`` entry placing a file under ``/etc/sudoers.d/`` (or at
``/etc/sudoers``), also through ``%{_sysconfdir}``. rpm puts it in place on install, as a scriptlet copying one there
would; sudo reads every file of that directory, so the package grants some account the right to run commands as
another user: ``preflight.persistence`` (high) at the entry.

The rules are in the drop-in, not in the spec; when the package holds the drop-in itself (a file whose path ends in
``sudoers.d/<name>``), the sudoers reader reports each of its rules and the entry is not reported again. A ``%dir``
entry (the directory, no rule), ``%ghost`` (a file rpm does not install), ``%exclude`` and text outside ``%files`` are
not read."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator

from shipgate.findings import Finding, Severity
from shipgate.preflight.contents import Context
from shipgate.preflight.markup import is_documentation
from shipgate.preflight.package_scripts import is_spec_name, is_spec_section_header

# ``%attr(440,root,root)``, ``%config(noreplace)``, ``%verify(not md5)``, ``%caps(…)``: directives with arguments.
_DIRECTIVE = re.compile(r"%[a-z_]+\([^)]*\)")
_SYSCONFDIR = re.compile(r"%\{?_sysconfdir\}?")
_SUDOERS = re.compile(r"^/etc/sudoers(?:\.d/[^/*?]+)?$")
_NOT_INSTALLED = frozenset({"%dir", "%ghost", "%exclude"})
MAX_SPEC_LINES = 20_000


def _entry_path(line: str) -> str | None:
    """The path a ``%files`` entry installs when it is a sudoers file, else None."""
    words = _DIRECTIVE.sub(" ", line).split()
    if not words or _NOT_INSTALLED.intersection(words) or words[0].startswith("#"):
        return None
    path = _SYSCONFDIR.sub("/etc", words[-1]).replace("//", "/")
    return path if _SUDOERS.match(path) else None


def _shipped(ctx: Context) -> set[str]:
    """Names of the sudoers drop-ins the package holds as files (the sudoers reader reads their rules)."""
    return {
        posixpath.basename(t.path) for t in ctx.texts if posixpath.basename(posixpath.dirname(t.path)) == "sudoers.d"
    }


def scan(ctx: Context) -> Iterator[Finding]:
    shipped: set[str] | None = None
    for text in ctx.texts:
        if not is_spec_name(text.path) or is_documentation(text.path):
            continue
        in_files = False
        for line in text.lines[:MAX_SPEC_LINES]:
            stripped = line.text.strip()
            if is_spec_section_header(stripped):
                in_files = stripped.startswith("%files")
                continue
            path = _entry_path(stripped) if in_files else None
            if path is None:
                continue
            shipped = _shipped(ctx) if shipped is None else shipped
            if posixpath.basename(path) in shipped:
                continue
            yield text.finding(
                line,
                "preflight.persistence",
                Severity.HIGH,
                message=f"the package installs the sudoers file {path}: it lets some account run commands as "
                "another user (its rules are in that file, not in the spec)",
                remedy="Read the drop-in's rules; ask the vendor to drop them or narrow them to the exact commands "
                "the service needs, and record them in the change plan with their owner and how they are removed.",
                target="sudoers",
            )
