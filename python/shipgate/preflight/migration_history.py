"""Migration files an upgrade does not run: those of product versions the target already runs, and an initial
schema.

- **Applied by version**: a migration named or foldered by the product version it upgrades to (``2.8.0.sql``,
  ``upgrade/7.1.0/x.sql``, ``V7_1_0__x.sql``, ``update-6.2-to-7.0.sql``, ``4.1.0_to_4.2.0_schema.pgsql.sql``,
  ``zm_update-1.36.9.sql``, ``0181_2.15.3_schema.up.sql``) was applied when the target was upgraded to that version.
  When the inventory gives the installed version of the package's product (``[components]``, the manifest's package
  name), the files at or below it are not checked; one info finding says how many and why. The names are taken as
  product versions only when the newest of them is not above the package's own version and shares its major
  number (a schema counter ``V1_1__x`` in a 7.x product is not read as version 1.1). A history numbered by
  sequence or time (Rails ``20230101000000_x.rb``, ``123.sql``) says nothing of the product version: what the
  target applied is in its database (``schema_migrations``, a version table), which the inventory does not carry.
  dbconfig-common's ``upgrade/<dbtype>/<version>`` files are named by the package's own Debian version
  (``sql.dbconfig``): no newest-version check applies to them.
- **Initial schema**: a file whose name says it creates the schema (``schema``, ``install``, ``initial``, ``create``,
  ``structure``: ``ttrss_schema_pgsql.sql``, ``zm_create.sql``, ``postgres.initial.sql``) and whose statements create
  at least two tables, touch no other table, and drop only ``IF EXISTS``: a fresh install runs it on an empty
  database; an upgrade does not. So is dbconfig-common's ``install/<dbtype>``, which it runs on a fresh install
  only. When a step of the package (a ``psql -f`` in a script, the manifest's
  ``migrations``) runs it, it is an upgrade migration after all and is checked like any other.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Mapping, Set
from dataclasses import dataclass

from shipgate.findings import Finding, Severity
from shipgate.preflight.contents import Context, at_line
from shipgate.preflight.markup import is_test_path
from shipgate.preflight.sql import SqlFile
from shipgate.preflight.sql.dbconfig import dbconfig_sql
from shipgate.preflight.sql.names import sql_name

_PRE = r"(?:[-.~]?(?:alpha|beta|rc|pre|dev|a|b)\.?\d*)?"
_V = rf"\d{{1,4}}(?:\.\d{{1,6}}){{1,3}}{_PRE}"
_FROM = r"\d{1,4}(?:\.(?:\d{1,6}|x)){1,3}(?:[a-z]+\d*)?"
_STEM_FORMS = (
    re.compile(rf"^v?({_V})$", re.I),  # 2.8.0
    re.compile(r"^V(\d{1,4}(?:[._]\d{1,6}){1,3})__.+$"),  # Flyway V7_1_0__add_x
    # 4.1.0_to_4.2.0_schema, dnssec-3.x_to_3.4.0_schema, update-6.2-to-7.0, 2.0.0beta3-2.0.0rc1
    re.compile(rf"^(?:[a-z]\w*?[-_])?v?{_FROM}(?:[-_]to[-_]|-)v?({_V})(?:[-_][a-z][\w-]*)?$", re.I),
    # zm_update-1.36.9, upgrade_7.1.0, migrate-v2.3
    re.compile(rf"^(?:[a-z]+[-_])?(?:update|upgrade|migrate|migration|patch)[-_]?v?({_V})(?:[-_][a-z][\w-]*)?$", re.I),
    re.compile(rf"^\d{{1,6}}_v?({_V})(?:[-_][a-z][\w-]*)?$", re.I),  # Harbor's 0181_2.15.3_schema
)
_FOLDER = re.compile(rf"^v?({_V})$", re.I)
_SUFFIXES = (".sql", ".up", ".pgsql", ".postgres", ".postgresql", ".mysql", ".mariadb", ".sqlite", ".sqlite3", ".psql")
_INSTALLED = re.compile(rf"^\s*(?:\d+:)?(\d{{1,4}}(?:\.\d{{1,6}}){{0,3}}){_PRE}", re.I)
_NUMBERS = re.compile(r"\d+")
_PRERELEASE = re.compile(r"(?i)\d(?:[-.~]?(?:alpha|beta|rc|pre|dev|a|b))\.?\d*$|~")
_MAX_LISTED = 200  # files named in the evidence of the applied-history finding (its count is exact)
_SEQUENCED = re.compile(r"^[vV]?\d+[-_.]")
_IF_EXISTS = re.compile(r"(?i)\bif\s+exists\b")
_INITIAL_NAME = re.compile(r"(?i)(?:^|[^a-z])(?:schema|install|initial|init|create|structure)(?:[^a-z]|$)")


@dataclass(frozen=True, order=True)
class Version:
    numbers: tuple[int, ...]
    release: bool  # False for a pre-release (beta, rc, ~git): below the release of the same numbers
    text: str

    def at_or_below(self, other: Version) -> bool:
        """Whether this version is at or below ``other`` for certain (two different pre-releases of the same
        numbers are not ordered)."""
        width = max(len(self.numbers), len(other.numbers))
        mine = self.numbers + (0,) * (width - len(self.numbers))
        theirs = other.numbers + (0,) * (width - len(other.numbers))
        if mine != theirs:
            return mine < theirs
        return other.release or (not self.release and self.text == other.text)


def version(text: str) -> Version | None:
    """A product version as written in a file name or an inventory (``2.13.6``, ``2.13.6-2+deb12u2``, ``1:4.7.3``,
    ``2.0.0rc1``, ``21~git20210204``); None when it does not start with a number."""
    m = _INSTALLED.match(text)
    if m is None:
        return None
    head = text[m.start(1) : m.end()]
    numbers = tuple(int(n) for n in _NUMBERS.findall(m.group(1)))
    release = not (_PRERELEASE.search(head) or text[m.end() : m.end() + 1] == "~")
    return Version(numbers, release, head)


def file_version(path: str) -> Version | None:
    """The product version a migration file is named or foldered by (the version it upgrades to); None when its
    name and folder give none."""
    stem = posixpath.basename(path)
    if dbconfig_sql(path) == "upgrade":
        return version(stem)  # dbconfig-common's upgrade/<dbtype>/<package version>
    while stem.lower().endswith(_SUFFIXES):
        stem = stem[: stem.lower().rfind(".")]
    for form in _STEM_FORMS:
        if m := form.match(stem):
            return version(m.group(1).replace("_", "."))
    folder = posixpath.basename(posixpath.dirname(path))
    if m := _FOLDER.match(folder):
        return version(m.group(1))
    return None


def installed_version(components: Mapping[str, str], name: str) -> Version | None:
    """The inventory's installed version of the package's product (its name, case-insensitively)."""
    found = components.get(name)
    if found is None:
        found = next((v for k, v in components.items() if k.casefold() == name.casefold()), None)
    return version(found) if found is not None else None


def applied(paths: Iterable[str], installed: Version, package: Version | None) -> dict[str, Version]:
    """The migration files (path -> version) the target has applied: named by a product version at or below the
    installed one, in a history whose newest version is not above the package's and shares its major number."""
    named = {p: v for p in paths if (v := file_version(p)) is not None}
    # dbconfig-common's versions are the package's own by definition: it compares them with the one upgraded from
    own = {p: v for p, v in named.items() if dbconfig_sql(p)}
    named = {p: v for p, v in named.items() if p not in own}
    newest = max(named.values(), key=lambda v: v.numbers) if named else None
    if newest is not None and (
        package is None or newest.numbers[:1] != package.numbers[:1] or not newest.at_or_below(package)
    ):
        named = {}  # the names are not this product's versions (a schema counter, another component's)
    return {p: v for p, v in (named | own).items() if v.at_or_below(installed)}


def is_initial_schema(sql: SqlFile) -> bool:
    """A file that creates the schema from nothing (see the module docstring): named so, and its statements create
    at least two tables, touch only those, and drop only ``IF EXISTS``; not a step of a numbered history."""
    if dbconfig_sql(sql.path) == "install":
        return True  # dbconfig-common runs install/<dbtype> on a fresh install only
    name = posixpath.basename(sql.path)
    if not sql_name(name)[0] or _SEQUENCED.match(name) or not _INITIAL_NAME.search(name):
        return False  # an SQL file named as a schema, not one step of a numbered history (029_create_x.rb)
    if file_version(sql.path) is not None:
        return False
    created = {t for s in sql.statements if s.kind == "create_table" for t in s.tables}
    if len(created) < 2:
        return False
    for s in sql.statements:
        if s.kind.startswith("drop_"):
            if not _IF_EXISTS.search(s.text):
                return False
        elif not set(s.tables) <= created or (not s.tables and s.kind in ("truncate", "update", "delete")):
            return False  # a live table touched, or rows changed in tables it does not name
    return True


def not_run(ctx: Context, run_files: Set[str | None]) -> tuple[frozenset[str], list[Finding]]:
    """The SQL files of the package an upgrade does not run (applied by version, initial schemas), and one info
    finding for each reason. A file a step of the package names (``run_files``) is always run."""
    candidates = [p for p in ctx.parsed.sql if p not in run_files and not is_test_path(p)]
    skipped: set[str] = set()
    findings: list[Finding] = []
    name = ctx.manifest.package.name
    installed = installed_version(ctx.inventory.components, name) if ctx.inventory is not None else None
    if installed is not None:
        done = applied(candidates, installed, version(ctx.manifest.package.version))
        if done:
            skipped.update(done)
            findings.append(_applied_finding(done, name, installed))
    for path in candidates:
        if path not in skipped and is_initial_schema(ctx.parsed.sql[path]):
            skipped.add(path)
            findings.append(
                at_line(
                    "preflight.migration_not_run",
                    Severity.INFO,
                    path=path,
                    line=None,
                    reason="initial_schema",
                    message="an initial schema (it creates every table it touches and drops only IF EXISTS): a "
                    "fresh install runs it on an empty database, an upgrade does not, and no step of the package "
                    "runs it; its statements are not checked as a migration",
                    remedy="If the upgrade does run this file on an existing database, name it in the manifest's "
                    "migrations: then it is checked (its DROP TABLE statements would delete data).",
                )
            )
    return frozenset(skipped), findings


def _applied_finding(done: Mapping[str, Version], name: str, installed: Version) -> Finding:
    ordered = sorted(done, key=lambda p: done[p].numbers)
    shown = ", ".join(ordered[:5]) + (f" and {len(ordered) - 5} more" if len(ordered) > 5 else "")
    return at_line(
        "preflight.migration_not_run",
        Severity.INFO,
        path=ordered[0],
        line=None,
        reason="applied",
        installed=installed.text,
        count=len(ordered),
        files=ordered[:_MAX_LISTED],
        message=f"{len(ordered)} migration file(s) named for {name} versions at or below the installed "
        f"{installed.text} (inventory components.{name}) are not checked: the target applied them when it reached "
        f"that version ({shown})",
        remedy=f"Keep components.{name} in the inventory current; if the target skipped one of these versions, "
        "remove the key to have every file checked.",
    )
