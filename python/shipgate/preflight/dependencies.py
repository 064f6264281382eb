"""Manifest dependencies: unbounded constraints, and constraints the target's installed versions miss."""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping

from shipgate.findings import Finding, Severity
from shipgate.preflight.contents import Context, at_line


def _installed(components: Mapping[str, str], name: str) -> str | None:
    """The installed version by exact name, else by case-insensitive name (``OpenSSL`` / ``openssl``)."""
    if name in components:
        return components[name]
    folded = {k.casefold(): v for k, v in components.items()}
    return folded.get(name.casefold())


def scan(ctx: Context) -> Iterator[Finding]:
    manifest = ctx.manifest
    for dep in manifest.dependencies:
        at_dependency = functools.partial(
            at_line,
            path="manifest.json",
            line=manifest.line_of(dep.name),
            text=f'{{"name": "{dep.name}", "version": "{dep.constraint.text}"}}',
            dependency=dep.name,
            constraint=str(dep.constraint),
        )
        if dep.constraint.unbounded:
            yield at_dependency(
                "preflight.dependency_unbounded",
                Severity.MEDIUM,
                message=f"dependency {dep.name!r} {str(dep.constraint)!r} has no upper bound: "
                "any future major release is declared compatible",
                remedy='Ask the vendor for the tested range (e.g. ">=3.0,<4").',
            )
        if ctx.inventory is None:
            continue
        installed = _installed(ctx.inventory.components, dep.name)
        if installed is None:
            yield at_dependency(
                "preflight.dependency_missing",
                Severity.HIGH,
                message=f"dependency {dep.name!r} is not installed on the target (inventory components)",
                remedy=f"Install {dep.name} {dep.constraint} first, or correct the inventory.",
            )
            continue
        admitted = dep.constraint.admits(installed)
        if admitted is False:
            yield at_dependency(
                "preflight.dependency_unsatisfied",
                Severity.HIGH,
                installed=installed,
                message=f"dependency {dep.name!r} needs {str(dep.constraint)!r}; the target has {installed}",
                remedy=f"Upgrade {dep.name} on the target to a version matching {dep.constraint} first.",
            )
        elif admitted is None:
            yield at_dependency(
                "preflight.dependency_unverifiable",
                Severity.LOW,
                installed=installed,
                message=f"installed {dep.name} version {installed!r} cannot be compared with {str(dep.constraint)!r}",
                remedy="Check the dependency by hand; record the installed version in PEP 440 form.",
            )
