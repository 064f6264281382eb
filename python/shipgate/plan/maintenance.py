"""Maintenance modes, as the plan reads preflight's parsed commands: a command that takes the product out of
service while its processes keep running — users get a maintenance page, or their connections wait — interrupts
the service as a stop does (docs/plan.md, "What a script does to the service"):
- Laravel's ``artisan down`` (``php artisan down``, ``artisan down``), Magento's ``bin/magento
  maintenance:enable``, Nextcloud's and ownCloud's ``occ maintenance:mode --on``, WP-CLI's ``wp maintenance-mode
  activate``, Drupal's ``drush sset system.maintenance_mode 1`` (also ``state:set``, and Drupal 7's ``vset
  maintenance_mode 1``);
- PgBouncer's ``PAUSE``, ``SUSPEND`` and ``SHUTDOWN`` sent through ``psql -c``: every client waits (or is cut off)
  until ``RESUME``;
- a maintenance flag file created (``touch``, or a redirect: ``echo 1 > x``) that the product checks on each
  request: one named for maintenance (``.maintenance``, ``maintenance.flag``, ``MAINTENANCE``,
  ``maintenance_mode.on``) and Laravel's ``storage/framework/down``.
Each also when run in a container (``docker exec app php artisan down``: ``plan.in_container``). Ending one
(``artisan up``, ``maintenance:disable``, ``--off``, ``RESUME``) interrupts nothing.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator

from shipgate.plan.in_container import inside
from shipgate.preflight.shell.model import Command

_PHP_VALUE_OPTIONS = frozenset({"-d", "-c"})
_PHP = re.compile(r"php(?:\d[\d.]*)?")
_PGBOUNCER_HOLDS = frozenset({"pause", "suspend", "shutdown"})
_ON = frozenset({"1", "true", "TRUE", "True"})
_FLAG = re.compile(r"(?i)\.?maintenance(?:[._-]?(?:mode|flag|on|enabled?|lock))?(?:\.(?:flag|lock|on|enabled?))?")
_LARAVEL_DOWN = "storage/framework/down"


def _run(c: Command) -> tuple[str, list[str], str]:
    """(program name, its words, where it runs) of the command, of what it runs in a container, and of the PHP
    script ``php`` runs."""
    name, words, where = c.name or "", [w.text for w in c.words], ""
    if (found := inside(c)) is not None:
        where, name, words = f" in {found[0]}", posixpath.basename(found[1][0]), found[1][1:]
    if _PHP.fullmatch(name):
        i = 0
        while i < len(words) and words[i].startswith("-"):
            i += 2 if words[i] in _PHP_VALUE_OPTIONS else 1
        if i < len(words):
            name, words = posixpath.basename(words[i]), words[i + 1:]
    return name, words, where


def _psql_command(words: list[str]) -> str:
    """The SQL ``psql`` is given with ``-c``/``--command``, or ''."""
    for i, w in enumerate(words):
        if w in ("-c", "--command") and i + 1 < len(words):
            return words[i + 1]
        if w.startswith("--command="):
            return w.partition("=")[2]
    return ""


def _product(name: str, words: list[str]) -> str | None:
    """Which product the command puts into maintenance mode, None when it does not."""
    ops = [w for w in words if not w.startswith("-")]
    if name == "artisan" and ops[:1] == ["down"]:
        return "Laravel"
    if name == "magento" and ops[:1] == ["maintenance:enable"]:
        return "Magento"
    if name == "occ" and ops[:1] == ["maintenance:mode"] and "--on" in words:
        return "Nextcloud"
    if name == "wp" and ops[:2] == ["maintenance-mode", "activate"]:
        return "WordPress"
    if name == "drush" and ops[:2] in (["sset", "system.maintenance_mode"], ["state:set", "system.maintenance_mode"],
                                       ["state-set", "system.maintenance_mode"], ["vset", "maintenance_mode"],
                                       ["variable-set", "maintenance_mode"]):
        return "Drupal" if ops[2:3] and ops[2] in _ON else None
    if name == "psql":
        sql = _psql_command(words).strip().rstrip(";").split()
        return "PgBouncer" if sql and sql[0].lower() in _PGBOUNCER_HOLDS else None
    return None


def _flag_files(c: Command) -> list[str]:
    """The maintenance flag files the command creates."""
    created = [w.text for w in c.words if not w.text.startswith("-")] if c.name == "touch" else []
    created += [r.target.text for r in c.redirects if r.target is not None and r.op in (">", ">|", ">>")]
    return [f for f in created if _FLAG.fullmatch(posixpath.basename(f)) or f.endswith(_LARAVEL_DOWN)]


def maintenance(c: Command) -> Iterator[tuple[str, str]]:
    """(verb, what) when the command puts a product into maintenance mode or holds its clients."""
    for flag in _flag_files(c):
        yield "maintenance", f"maintenance flag {flag}"
    name, words, where = _run(c)
    product = _product(name, words)
    if product == "PgBouncer":
        yield "pause", f"PgBouncer's clients{where}"
    elif product is not None:
        yield "maintenance", f"{product} (maintenance mode){where}"
