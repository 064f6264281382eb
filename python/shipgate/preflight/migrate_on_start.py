"""Settings that make a service apply its own schema migrations whenever it starts (Miniflux's
``RUN_MIGRATIONS=1``, wger's ``DJANGO_PERFORM_MIGRATIONS=True``, ``MIGRATE_ON_STARTUP=true``,
``DB_APPLY_NEW_MIGRATIONS_AUTOMATICALLY=true``): the migrations are the vendor's, their statements are not in the
package, and they run at every start of every replica with no operator step and outside any lock the upgrade could
hold. That is ``preflight.hidden_migration``, at the setting's line.

Read in configuration files (env files, compose files, YAML, INI/TOML), in program source (a keyword argument's
``run_sql_migrations=True``, a settings class's ``AUTO_MIGRATE: bool = True``) and in a unit's ``Environment=``
lines, outside comments. A name that says the opposite or something about the migrations (``SKIP_MIGRATIONS``,
``DISABLE_AUTO_MIGRATE``, ``RUN_MIGRATIONS_DIR``, ``…_LOCK_TIMEOUT``) and a value that is not true (``0``,
``false``, ``${RUN_MIGRATIONS}``) are not reported, nor a test's fixture (``tests/test_data/…/settings.yaml``,
``markup.is_test_path``): the settings a test loads, not the ones the service starts with.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from shipgate.findings import Finding, Severity
from shipgate.preflight.contents import Context, Kind, TextFile
from shipgate.preflight.markup import is_test_path

CODE = "preflight.hidden_migration"
# Every ``NAME=value``/``NAME: value`` on a line, overlapping (``Environment=RUN_MIGRATIONS=1`` holds two); a
# settings class's annotated default too (``AUTO_MIGRATE: bool = True``: the annotation names the type).
_SETTING = re.compile(r"""(?=(?<![\w.-])([A-Za-z][\w.-]*)\s*(?::\s*[\w.]+\s*(?==))?[:=]\s*["']?([^\s"'#,;=]*))""")
# A name that says the service runs its migrations: a verb before ``migrat…``, or ``migrat…`` at start/automatically.
_DOES = re.compile(
    r"(?i)(?:^|[_.-])(?:run|perform|auto|apply|execute|exec|do)[_.-]?(?:\w*?[_.-])?migrat"
    r"|migrat\w*?[_.-]?on[_.-]?(?:start|startup|boot|launch)|migrat\w*?[_.-]automatically"
)
_ABOUT = re.compile(
    r"(?i)skip|disable|(?:^|[_.-])no[_.-]|dont|ignore|dry|check|lock|timeout|(?:^|[_.-])(?:dir|path|table|file|"
    r"prefix|url|user|password|schema)(?:$|[_.-])"
)
_TRUE = frozenset({"1", "true", "yes", "on", "always", "y", "t"})
_COMMENT = ("#", ";", "//")


def scan(ctx: Context) -> Iterator[Finding]:
    for text in ctx.of_kind(Kind.CONFIG, Kind.SYSTEMD):
        if not is_test_path(text.path):
            yield from _settings(text)


def _settings(text: TextFile) -> Iterator[Finding]:
    unit = text.kind is Kind.SYSTEMD
    for line in text.lines:
        stripped = line.text.lstrip()
        if "igrat" not in stripped.lower() or stripped.startswith(_COMMENT):  # the cheap test first
            continue
        if unit and not stripped.startswith("Environment="):
            continue
        for m in _SETTING.finditer(line.text):
            name, value = m.group(1), m.group(2)
            if _DOES.search(name) and not _ABOUT.search(name) and value.lower() in _TRUE:
                yield text.finding(
                    line,
                    CODE,
                    Severity.MEDIUM,
                    setting=name,
                    message=f"{name}={value}: the service applies its own schema migrations whenever it starts; "
                    "their statements are not in the package, and every start (of every replica) runs them with no "
                    "lock the upgrade holds",
                    remedy="Switch the setting off and run the vendor's migration step once, under flock with a "
                    "lock_timeout, after reading its SQL (or its dry-run output).",
                )
                break
