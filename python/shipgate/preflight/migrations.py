"""Schema migrations: SQL statements that wait for heavy locks without a bound, index builds that block writes,
table rewrites, migrations in dialects shipgate cannot check, scripts that run migrations outside a lock, and
migrations hidden behind a vendor CLI.

A CLI run in a container (``docker compose run --rm web python manage.py migrate``, a Kubernetes Job's
``command:`` list: ``kube_commands``) counts like one run on the host (``containers.container_command``). Lock
context crosses files: ``psql -f migrations/0042.sql`` is locked when 0042.sql sets ``lock_timeout`` or takes
``pg_advisory_lock`` (or the step runs under ``flock``); then neither file is reported. A database image's
first-init script (``docker-entrypoint-initdb.d/``) runs once on an empty cluster: its client runs are not reported
as outside a lock."""

from __future__ import annotations

import dataclasses
import itertools
import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass

from shipgate.findings import Finding, Severity
from shipgate.preflight.client_sql import created_databases
from shipgate.preflight.compose import service_commands
from shipgate.preflight.container_migrations import migrator_program, migrator_services, own_cli_migrates
from shipgate.preflight.container_shells import container_shell_commands
from shipgate.preflight.containers import container_command, image_word, skip_run_options
from shipgate.preflight.contents import Context, Kind, at_command, at_line, is_maintainer_script
from shipgate.preflight.elixir_release import release_migrates
from shipgate.preflight.fed_sql import fed_words, feeding_cats, listed_path, piped_cats
from shipgate.preflight.inline_sql import inline_sql, mysql_inline_sql
from shipgate.preflight.kube_commands import container_commands
from shipgate.preflight.markup import in_documentation_folder, is_test_path
from shipgate.preflight.migrate_scripts import runs_migrate_file, runs_migrate_script
from shipgate.preflight.migration_history import not_run
from shipgate.preflight.migration_runners import is_migrator, migrator_run, run_kind
from shipgate.preflight.migration_sources import reads_local_migrations
from shipgate.preflight.orm_engines import on_database, sole_database
from shipgate.preflight.python_modules import module_cli
from shipgate.preflight.runners import steps
from shipgate.preflight.schema_options import updates_schema_by_option
from shipgate.preflight.schema_subcommands import runs_schema_subcommand
from shipgate.preflight.shell.arguments import bound_calls
from shipgate.preflight.shell.commands import java_jar, operands, option_values, path_matches
from shipgate.preflight.shell.functions import argument_runners, run_through
from shipgate.preflight.shell.model import Command, Script, Word
from shipgate.preflight.sql import SqlFile
from shipgate.preflight.sql.alembic_url import is_alembic_ini, url_replaced, without_url
from shipgate.preflight.sql.django_history import alter_field_changes, revised
from shipgate.preflight.sql.names import path_dialect, sql_name
from shipgate.preflight.sql.package_db import is_config, offered_databases, package_database
from shipgate.preflight.sql.reader import engine_bound
from shipgate.preflight.sql.sections import down_file

_SQL_CLIENTS = frozenset({"psql", "mysql", "mariadb", "sqlplus", "sqlcmd", "sqlite3"})
# Vendor CLIs that run migrations whose statements are not in the package: (command, words that say migrate).
# Yii's console (``yii migrate --help``): ``migrate`` (its default action is ``up``), ``migrate/up``, ``migrate/to``,
# ``migrate/redo`` and ``migrate/fresh`` apply migration classes; ``migrate/create``, ``/history``, ``/new`` do not.
_YII_MIGRATE = ("migrate", "migrate/up", "migrate/to", "migrate/redo", "migrate/fresh")
_HIDDEN: dict[str, tuple[tuple[str, ...], ...]] = {
    "alembic": (("upgrade",),),
    "flyway": (("migrate",),),
    "liquibase": (("update",), ("updatesql",), ("update-count",)),
    # ``db:prepare`` migrates an existing database (and creates a missing one): Rails' "Runs setup if database
    # does not exist, or runs migrations if it does" (``bin/rails -T``)
    "rails": (("db:migrate",), ("db:prepare",)),
    "rake": (("db:migrate",), ("db:prepare",)),
    "bundle": (
        ("exec", "rake", "db:migrate"),
        ("exec", "rails", "db:migrate"),
        ("exec", "rake", "db:prepare"),
        ("exec", "rails", "db:prepare"),
    ),
    "gitlab-rake": (("db:migrate",), ("gitlab:db:configure",)),
    "gitlab-ctl": (("upgrade",), ("pg-upgrade",), ("reconfigure",)),  # reconfigure runs the migrations too
    # Phinx (PHP): "migrate" runs the pending migrations, "rollback" reverts them; "create", "status" do not
    "phinx": (("migrate",), ("rollback",)),
    "sqitch": (("deploy",),),
    "goose": (("up",),),
    "dbmate": (("up",), ("migrate",)),
    "migrate": (("up",),),
    "knex": (("migrate:latest",),),
    "sequelize": (("db:migrate",),),
    "sequelize-cli": (("db:migrate",),),  # the package's bin as npx runs it: ``npx sequelize-cli db:migrate``
    # TypeORM's CLI, also its ts-node entry points: ``migration:run`` applies the pending migration classes
    "typeorm": (("migration:run",),),
    "typeorm-ts-node-commonjs": (("migration:run",),),
    "typeorm-ts-node-esm": (("migration:run",),),
    # sql-migrate reads its folder from dbconfig.yml, not its command line, and takes no lock
    "sql-migrate": (("up",), ("down",), ("redo",)),
    # Prisma: ``migrate deploy`` applies the pending migration files; ``db push`` syncs the schema file straight to
    # the database with no migration files (``--accept-data-loss`` lets it drop what the schema no longer has), as
    # Drizzle Kit's ``push`` does; ``db pull``, ``db seed``, ``generate`` change no schema (hold-out set 272)
    "prisma": (("migrate", "deploy"), ("db", "push")),
    # Drizzle Kit: ``migrate`` applies the generated SQL migrations, ``push`` applies the schema straight to the
    # database with no migration files (``--force`` accepts its data-loss statements); ``generate``, ``check`` do not
    "drizzle-kit": (("migrate",), ("push",)),
    "diesel": (("migration", "run"),),
    "mix": (("ecto.migrate",),),  # Elixir's build tool: ``mix ecto.migrate`` runs the pending Ecto migrations
    # Laravel's migrate:fresh and migrate:refresh drop or roll back, then run every migration again
    "php": (
        ("artisan", "migrate"),
        ("artisan", "migrate:fresh"),
        ("artisan", "migrate:refresh"),
        ("bin/console", "doctrine:migrations:migrate"),
        # Shopware's own migrator: ``database:migrate`` "Executes all migrations" of an identifier (core, a plugin),
        # ``database:migrate-destructive`` their destructive halves (dropped columns and tables)
        ("bin/console", "database:migrate"),
        ("bin/console", "database:migrate-destructive"),
        ("flarum", "migrate"),  # Flarum's console: "php flarum migrate" runs the outstanding migrations
        ("occ", "upgrade"),  # Nextcloud's console run by the interpreter: ``php /var/www/html/occ upgrade``
        # October CMS's ``october:up`` and its fork Winter CMS's ``winter:up``: "Builds database tables for
        # October/Winter and all plugins" (every pending core and plugin migration); ``october:migrate`` is its
        # later name in October
        ("artisan", "october:up"),
        ("artisan", "october:migrate"),
        ("artisan", "winter:up"),
        ("phinx", "migrate"),  # ``php vendor/bin/phinx migrate``
        ("phinx", "rollback"),
        *(("yii", verb) for verb in _YII_MIGRATE),  # ``php yii migrate/up --interactive=0``
    ),
    # the same entry scripts run as programs by their shebang: ``./artisan migrate``, ``bin/console doctrine:…``
    "artisan": (
        ("migrate",),
        ("migrate:fresh",),
        ("migrate:refresh",),
        ("october:up",),
        ("october:migrate",),
        ("winter:up",),
    ),
    "yii": tuple((verb,) for verb in _YII_MIGRATE),  # the Yii console run by its shebang: ``./yii migrate``
    "console": (("doctrine:migrations:migrate",), ("database:migrate",), ("database:migrate-destructive",)),
    "flask": (("db", "upgrade"),),
    # ./manage.py migrate (Django, Flask-Migrate); Django's ``syncdb`` creates the apps' tables (before 1.7) and
    # runs ``migrate`` (1.7, 1.8): a schema change too (holdout175's ``django-admin syncdb``)
    "manage.py": (("migrate",), ("syncdb",), ("db", "upgrade"), ("db", "migrate")),
    "occ": (("upgrade",),),  # Nextcloud
    "python": (("manage.py", "migrate"), ("manage.py", "syncdb")),
    "python3": (("manage.py", "migrate"), ("manage.py", "syncdb")),
    "django-admin": (("migrate",), ("syncdb",)),
    # the project's manage.py as buildout's djangorecipe writes it: bin/django migrate
    "django": (("migrate",), ("syncdb",)),
    "sentry": (("upgrade",),),  # "Perform any pending database migrations and upgrades" (sentry upgrade --help)
    "influxd": (("upgrade",),),  # converts a 1.x data directory and metadata into a 2.x store
    "plm": (("migration", "run"),),  # Plume
    # Kong (kong migrations --help): "up" runs the new migrations, "finish" the pending ones after it, "bootstrap"
    # the whole schema
    "kong": (("migrations", "up"), ("migrations", "finish"), ("migrations", "bootstrap")),
    # ZITADEL: "setup" runs the migrations of the release; the start-from-* commands run them before serving
    "zitadel": (("setup",), ("start-from-init",), ("start-from-setup",)),
    "sympa": (("upgrade",),),  # Sympa: "upgrade: migrates data structures and the database schema" (sympa help)
    # Bucardo: "upgrade: Upgrade an existing Bucardo installation to the current version" (bucardo help); it alters
    # the bucardo schema in place; ``validate``, ``status``, ``start`` do not
    "bucardo": (("upgrade",),),
    # Postal's CLI (``postal upgrade``, also run in its runner container): "upgrade the database schema"
    "postal": (("upgrade",),),
    # Phabricator's storage tool (``bin/storage upgrade``): applies the release's schema patches to its databases
    "storage": (("upgrade",),),
    # a project's Invoke task named for its migrations (GeoNode's ``invoke migrations`` runs manage.py migrate)
    "invoke": (("migrate",), ("migrations",)),
    # SFTPGo: "initprovider: Initialize and/or updates the configured data provider" (``sftpgo initprovider
    # --help``): it creates the schema of the provider the configuration names, or migrates it to the release's
    "sftpgo": (("initprovider",),),
    # Concrete CMS's console (``concrete/bin/concrete5``, ``concrete/bin/concrete`` since 9): ``c5:update`` applies
    # the core's and the packages' database migrations of the installed release
    "concrete5": (("c5:update",),),
    "concrete": (("c5:update",),),
}
# A migration CLI's global options that take a value, written before its subcommand: Alembic's ``-c/--config FILE``,
# ``-n/--name SECTION`` and ``-x ARG`` (``alembic --help``), as in ``alembic -c src/backend/alembic.ini upgrade
# head``. The value is not the subcommand.
_GLOBAL_VALUE_OPTIONS: dict[str, frozenset[str]] = {
    "alembic": frozenset({"-c", "--config", "-n", "--name", "-x"}),
}


def _subcommand_words(name: str, words: list[str]) -> list[str]:
    """The words of a known CLI from its subcommand on: its global options (those taking a value with the value,
    ``--config=FILE`` as one word, the switches) dropped from the front. Other CLIs' words are returned as given."""
    value_options = _GLOBAL_VALUE_OPTIONS.get(name)
    if value_options is None:
        return words
    at = 0
    while at < len(words) and words[at].startswith("-"):
        at += 2 if words[at] in value_options else 1
    return words[at:]


# Runners that run the command in their arguments with the product's environment: ``zammad run rake db:migrate``
# (packager.io apps), ``heroku run …``, ``foreman run …``; a wrapper script given by its path runs its first
# operand (``./set-environment bin/plm migration run``).
_RUN_VERBS = frozenset({"run", "exec"})
_PRINTERS = frozenset({"echo", "printf", "log", "info", "warn"})
# A database server's own upgrade of its system tables and data files, whatever the options.
_SCRIPT_INTERPRETERS = frozenset({"php", "perl", "python", "python3", "ruby", "jruby", "sh", "bash"})
# JRuby run by a JVM: ``java -cp … org.jruby.Main [options] script.rb`` runs the Ruby script after the class.
_JRUBY_MAIN = "org.jruby.Main"
_DATA_UPGRADES = frozenset({"mysql_upgrade", "mariadb-upgrade", "mariadb_upgrade"})
# Vendor CLIs whose migration entry point is an option: listmonk --install (creates the schema) / --upgrade,
# miniflux -migrate.
_HIDDEN_FLAGS: dict[str, tuple[str, ...]] = {"listmonk": ("--install", "--upgrade"), "miniflux": ("-migrate",)}
# Vendor database updaters that migrate when run with no verb, unless an option asks for something else:
# ZoneMinder's zmupdate.pl upgrades the schema to the installed version (-f only freshens the config table,
# -c only checks for a newer release).
# A vendor's database updater named for what it does (DAViCal's ``update-davical-database``, an
# ``upgrade_db.sh``, ``update-schema``): it applies the schema changes of the installed version when run.
# A migrator named the same way (ArchivesSpace's ``migrate_db.rb``, a ``migrate-database.py``).
# The noun first (Netdisco's ``netdisco-db-deploy``, a ``db-upgrade.sh``, also the SQL or its engine: CakeBlog's
# ``mysql_update.php``, a ``sql_upgrade.php``), or the product's own migration tool
# (CasaOS' ``casaos-migration-tool``).
_UPDATER_NAME = re.compile(
    r"(?:(?:update|upgrade|migrate)[-_](?:[a-z0-9]+[-_])?(?:database|db|schema)"
    r"|(?:[a-z0-9]+[-_])?(?:database|db|schema)[-_](?:update|upgrade|migrate|deploy)"
    # the SQL or its engine, also glued to a prefix (OpenEMR's ``sql_upgrade.php`` run as a ``TEMPsql_upgrade.php``
    # copy); not ``sql-migrate``, a migration tool of verbs
    r"|(?:[a-z0-9]+[-_]|[A-Za-z0-9]*)(?:sql|mysql|pgsql|sqlite)[-_](?:update|upgrade)"
    r"|(?:[a-z0-9]+[-_])?migration[-_]tool)(?:\.(?:sh|pl|py|php|rb))?"
)
# OpenStack services' ``<service>-manage db_sync`` (also ``db sync``): "upgrade the database schema to the most
# recent version" (glance-manage, keystone-manage, nova-manage, cinder-manage)
_MANAGE_SYNC = (("db_sync",), ("db", "sync"))
# OpenStack services whose Alembic wrapper is ``<service>-db-manage`` (neutron-db-manage, octavia-db-manage):
# ``upgrade`` (``upgrade head``, ``upgrade --expand``) applies the migrations; ``current``, ``history``,
# ``check_migration`` only read
_DB_MANAGE_UPGRADE = "upgrade"
_DEFAULT_UPDATERS: dict[str, frozenset[str]] = {
    "zmupdate.pl": frozenset({"-f", "--freshen", "-c", "--check", "-h", "--help"}),
}
_IF_NOT_EXISTS = re.compile(r"(?i)\s*CREATE\s+(?:UNLOGGED\s+)?TABLE\s+IF\s+NOT\s+EXISTS\b")
_ADD_COLUMN_IF_NOT_EXISTS = re.compile(r"(?i)\bADD\s+(?:COLUMN\s+)?IF\s+NOT\s+EXISTS\b")
_UNLOCKED_KINDS = frozenset(
    {
        "alter_table",
        "alter_table_add_column",
        "alter_table_drop_column",
        "alter_column_type",
        "alter_column_set_not_null",
        "add_constraint",
        "drop_table",
        "truncate",
        "rename",
        "cluster",
        "vacuum",
        "reindex",
        "lock",
    }
)


@dataclass(frozen=True)
class MigrationRun:
    """A shell step that applies migrations: the SQL file it feeds a client, or a vendor CLI."""

    path: str
    command: Command
    sql_file: str | None  # as written in the script
    package_file: str | None  # the package's SQL file it names, when there is one
    hidden: bool  # through a vendor CLI: the statements are not in the package
    locked: bool


def _hidden(command: Command) -> bool:
    """A vendor CLI that applies migrations; Django's ``--fake`` (asked only of a command that is one: most are
    not, and reading its words costs on every command) records them without a change."""
    return (
        _hidden_tool(command)
        or _hidden_through_runner(command)
        or _hidden_through_node_runner(command)
        or runs_migrate_script(command)
        or runs_migrate_file(command)
        or _hidden_through_php_operand(command)
        or _hidden_through_python_module(command)
        or _migrate_through_variable(command)
        or _own_program_migrate(command)
        or release_migrates(command)
        or _manage_migrate(command)
        or _site_manage_migrate(command)
        or runs_schema_subcommand(command)
    ) and not _django_fake(command)


# A program named only by a variable: ``$RALPH_EXEC migrate`` (the product's CLI set in its environment).
_LONE_EXPANSION = re.compile(r"\$(?:\{\w+\}|\w+)")


def _migrate_through_variable(command: Command) -> bool:
    """A CLI named at run time by one variable and given ``migrate`` as its first word (``$RALPH_EXEC migrate
    --noinput``, ``${APP} migrate``): the verb the management commands of Django and its kin use to apply
    migrations; the program's name is not known to tell it apart, and no other tool takes that verb first."""
    program = command.program.text if command.program is not None else ""
    if command.name is not None or not _LONE_EXPANSION.fullmatch(program):
        return False
    verbs = [w.text for w in operands(command)]
    only_reads = any(w.text in ("-h", "--help", "--check", "--plan") for w in command.words)
    return verbs[:1] == [_DJANGO_MIGRATE] and not only_reads


def _variable_container_run(command: Command) -> Command | None:
    """The command a container runner named only by a variable runs, read by the shape of compose's and the
    engines' ``run``/``exec`` (the verb, its options and the values they take, the service, then the argv):
    ``$compose_cmd exec -T php php artisan migrate --force``, the variable set from a helper the package does not
    hold (``docker compose`` or ``docker-compose``). Asked only whether that argv is a known migration CLI."""
    program = command.program.raw.strip('"') if command.program is not None else ""
    words = command.words
    if command.name is not None or not _LONE_EXPANSION.fullmatch(program) or not words:
        return None
    if words[0].text not in _RUN_VERBS:
        return None
    start = skip_run_options(words, 1) + 1  # after the service
    if start >= len(words):
        return None
    inner = words[start]
    return dataclasses.replace(command, name=posixpath.basename(inner.text), program=inner, words=words[start + 1 :])


# Where the system's own programs live: a path there names a distribution's tool, not the product's CLI.
_SYSTEM_BIN = re.compile(r"^/(?:usr/)?s?bin/")
_PATH_STARTS = ("/", "./", "../", "~/", "$")


def _own_program_migrate(command: Command) -> bool:
    """The product's own CLI, run by its path, given ``migrate`` as its first word (``/opt/acme/bin/acme migrate``,
    ``./acme migrate --yes``, ``"$APP_DIR/bin/acme" migrate``): a program the package installs, by a path outside
    the system's bin directories, given the verb Django and its kin (Rails' ``bin/rails``, Laravel's ``artisan``,
    Go and Rust servers' subcommands) use to apply migrations; not ``--check``, ``--plan`` or help, which apply
    nothing."""
    program = command.program.text if command.program is not None else ""
    if not program.startswith(_PATH_STARTS) or _SYSTEM_BIN.match(program):
        return False  # ``flyway/flyway`` is an image a container command names, not a path
    verbs = [w.text for w in operands(command)]
    only_reads = any(w.text in ("-h", "--help", "--check", "--plan", "--dry-run", "status") for w in command.words)
    return verbs[:1] == [_DJANGO_MIGRATE] and not only_reads


# A product CLI's subcommand that hands the rest of its words to Django's management (``lava-server manage …``).
_MANAGE = "manage"


def _manage_migrate(command: Command) -> bool:
    """A product's CLI given ``manage`` and then Django's ``migrate`` (``lava-server manage migrate --noinput``): the
    subcommand runs the product's Django management commands, as its ``manage.py`` would; not ``--fake``,
    ``--check``, ``--plan`` or help, which apply nothing."""
    verbs = [w.text for w in operands(command)]
    if verbs[:2] != [_MANAGE, _DJANGO_MIGRATE]:
        return False
    return not any(w.text in ("-h", "--help", *_DJANGO_NO_CHANGE) for w in command.words)


# The name of the site a shared manage.py is told to manage before its command (edx-platform's ``lms``/``cms``).
_SITE_WORD = re.compile(r"[a-z][a-z0-9_]*")


def _site_manage_migrate(command: Command) -> bool:
    """A ``manage.py`` that takes the Django project it manages as its first word and then Django's ``migrate``
    (Open edX's ``./manage.py lms migrate``, ``python manage.py cms migrate``: edx-platform's one ``manage.py`` for
    its LMS and Studio projects); ``manage.py help migrate`` applies nothing."""
    args = [w.text for w in operands(command)]
    if command.name in ("python", "python3") and args and _same_script(args[0], "manage.py"):
        args = args[1:]
    elif command.name != "manage.py":
        return False
    return len(args) >= 2 and args[1] == _DJANGO_MIGRATE and bool(_SITE_WORD.fullmatch(args[0])) and args[0] != "help"


# Django's management verb that applies migrations: a module run with it first is Django's own
# (``python -m django migrate``) or a project's package written as its manage.py (``python3 -m pretix migrate``).
_DJANGO_MIGRATE = "migrate"


def _hidden_through_python_module(command: Command) -> bool:
    """A migration CLI run as a Python module: ``python -m alembic upgrade head`` (the CLI of that name, also by
    its entry module, ``-m alembic.config``, and with its global options first, ``-m alembic -c alembic.ini
    upgrade head``), a module given Django's ``migrate`` as its first word (``python -m django migrate``, ``python3
    -m pretix migrate``), or a module whose own CLI is given ``migrate`` as its second subcommand word, a path given
    to an option before them not counted (``python3 -m gramps_webapi --config /app/config/config.cfg user
    migrate``: the product's migrate command of a group, as a container's ``<app> db migrate``)."""
    cli = module_cli(command)
    if not cli:
        return False
    module = _ENTRY_MODULES.get(cli[0], cli[0])
    verbs = [t for t in _subcommand_words(module, cli[1:]) if not t.startswith("-")]
    if verbs[:1] == [_DJANGO_MIGRATE]:
        return True
    group = [t for t in verbs if _SUBCOMMAND.fullmatch(t)]
    if group[1:2] == [_DJANGO_MIGRATE] and len(group) == 2:
        return True
    return any(verbs[: len(p)] == list(p) for p in _HIDDEN.get(module, ()))


_SUBCOMMAND = re.compile(r"[a-z][a-z0-9_-]*")  # a CLI's subcommand word (a path or a value is none)
# A migration CLI's entry module, which runs the CLI when run as a module: Alembic's console script is
# ``alembic.config:main`` and the module calls ``main()`` as ``__main__`` (``python3 -m alembic.config -c
# alembic.ini upgrade head`` is ``alembic -c alembic.ini upgrade head``).
_ENTRY_MODULES = {"alembic.config": "alembic"}


# A PHP interpreter by name, also a versioned one (``php8.2``, ``php$php_version``, ``php${PHP_VERSION}``).
_PHP_WORD = re.compile(r"php(?:\d+(?:\.\d+)?|\$\{?\w+\}?)?")


def _hidden_through_php_operand(command: Command) -> bool:
    """A PHP console migration run by a helper in front of the interpreter (``run_as $user php$ver flarum
    migrate``, ``as_user www-data php8.2 /var/www/app/artisan migrate``): the interpreter named among another
    command's operands starts the command line that runs; the script is compared by its path's tail and the
    options before the verb are skipped."""
    if (command.name or "") in _PRINTERS or _PHP_WORD.fullmatch(command.name or ""):
        return False
    texts = [w.text for w in command.words]
    at = next((i for i, t in enumerate(texts) if _PHP_WORD.fullmatch(t)), None)
    if at is None:
        return False
    rest = [t for t in texts[at + 1 :] if not t.startswith("-")]
    if not rest:
        return False
    script, verbs = rest[0], rest[1:]
    return any(
        (script == p[0] or script.endswith("/" + p[0])) and verbs[: len(p) - 1] == list(p[1:]) for p in _HIDDEN["php"]
    )


# Node package runners: ``npx prisma migrate deploy``, ``bunx knex migrate:latest``, ``npm exec -- sequelize
# db:migrate``, ``yarn prisma migrate deploy`` (yarn and pnpm run a package's bin named as their first word).
_NODE_RUNNERS = frozenset({"npx", "pnpx", "bunx"})
_NODE_MANAGERS = frozenset({"npm", "pnpm", "yarn", "bun"})
_NODE_RUNNER_VALUES = frozenset({"-p", "--package", "-w", "--workspace"})  # options that take the next word


def _node_cli(command: Command) -> list[str]:
    """The words of the package CLI a Node package runner runs (its name first, a ``@version`` dropped); empty
    when the command is no such runner or runs a string (``npx -c '…'``)."""
    name = command.name or ""
    args = [w.text for w in command.words]
    if name in _NODE_RUNNERS:
        i = 0
    elif name in _NODE_MANAGERS and args[:1] == ["exec"]:
        i = 1
    elif name in ("yarn", "pnpm") and args and args[0] in _HIDDEN:
        i = 0
    else:
        return []
    while i < len(args) and args[i].startswith("-"):
        if args[i] in ("-c", "--call"):
            return []
        if args[i] == "--":
            i += 1
            break
        i += 2 if args[i] in _NODE_RUNNER_VALUES else 1
    cli = args[i:]
    if cli and "@" in cli[0][1:]:
        cli[0] = cli[0][: cli[0].index("@", 1)]  # prisma@5.22.0 -> prisma
    return cli


# Migration CLIs whose published image runs the tool as its entrypoint (``migrate/migrate``, ``amacneil/dbmate``,
# ``flyway/flyway``, ``liquibase/liquibase``, ``arigaio/atlas``): the words after the image are the tool's.
_ENTRYPOINT_TOOLS = frozenset({"migrate", "goose", "dbmate", "atlas", "flyway", "liquibase"})


def _image_tool(command: Command) -> Command | None:
    """``docker run [options] IMAGE words`` of an image named for a migration CLI, given the tool's options or a
    verb (no program of its own): that CLI run with the words, at the command's line."""
    image = image_word(command)
    if image is None or command.words[0].text != "run":
        return None
    tool = image.text.rpartition("/")[2].partition("@")[0].partition(":")[0]
    at = next((i for i, w in enumerate(command.words) if w is image), None)
    if tool not in _ENTRYPOINT_TOOLS or at is None or at + 1 >= len(command.words):
        return None
    return dataclasses.replace(command, name=tool, program=image, words=command.words[at + 1 :])


def _own_unlocked_run(command: Command | None) -> bool:
    """goose or dbmate given the package's own folder of migrations (also behind a Node package runner or from
    ``go run``): the package's SQL, applied with no lock (migration_runners.py)."""
    if command is None:
        return False
    cli = _node_cli(command)
    kind = run_kind(cli[0], cli[1:], command.env) if cli else migrator_run(command)
    return kind == "outside_lock"


def _hidden_through_node_runner(command: Command) -> bool:
    """A known migration CLI run by a Node package runner in front of it."""
    cli = _node_cli(command)
    kind = run_kind(cli[0], cli[1:], command.env) if cli else None
    if kind is not None:  # ``npx dbmate -d db/migrations up``: read by its source (migration_runners.py)
        return kind == "hidden"
    patterns = _HIDDEN.get(cli[0], ()) if cli else ()
    return any(cli[1 : 1 + len(p)] == list(p) for p in patterns)


# Django ``migrate`` options after which no schema change runs: ``--fake`` only records the migrations as applied,
# ``--check`` exits non-zero while some are unapplied, ``--plan`` lists what would run (``--fake-initial`` still
# applies all but the initial ones).
_DJANGO_NO_CHANGE = frozenset({"--fake", "--check", "--plan"})


def _django_fake(command: Command) -> bool:
    """Django's ``migrate --fake``, ``--check`` or ``--plan`` (``manage.py``, ``django-admin``, djangorecipe's
    ``bin/django``): no schema change runs."""
    texts = [w.text for w in command.words]
    django = (command.name or "") in _DJANGO_ENTRIES or any(t.rpartition("/")[2] == "manage.py" for t in texts)
    return django and "migrate" in texts and any(t in _DJANGO_NO_CHANGE for t in texts)


def _updater_script(command: Command) -> bool:
    """An interpreter given an updater named for its job (Cacti's ``php …/cli/upgrade_database.php``, JRuby on a
    JVM given ``…/migrate_db.rb``)."""
    script = _interpreted_script(command)
    return script is not None and bool(_UPDATER_NAME.fullmatch(script.rpartition("/")[2]))


def _interpreted_script(command: Command) -> str | None:
    """The script an interpreter runs: its first operand, or for ``java … org.jruby.Main [options] script`` the
    first word after JRuby's main class that is no option."""
    if command.name == "java":
        texts = [w.text for w in command.words]
        after = texts[texts.index(_JRUBY_MAIN) + 1 :] if _JRUBY_MAIN in texts else []
        return next((t for t in after if not t.startswith("-")), None)
    if (command.name or "") not in _SCRIPT_INTERPRETERS:
        return None
    script = next(iter(operands(command)), None)
    return script.text if script is not None else None


# An application script's verb that updates its database: one word (``updatedb``, ``upgrade-db``, ``db:update``,
# ``database:upgrade``) or a database noun then the verb (``dbstructure update``, ``schema upgrade``).
_DB_NOUN = r"(?:db|database|schema)"
_DB_VERB = r"(?:update|upgrade|migrate)"
_DB_UPDATE_WORD = re.compile(rf"{_DB_VERB}[-_:]?{_DB_NOUN}|{_DB_NOUN}[-_:]?{_DB_VERB}")
_DB_NOUN_WORD = re.compile(rf"{_DB_NOUN}[a-z]*")
_DB_VERBS = frozenset({"update", "upgrade", "migrate"})


# A script named by its path (``console.php``, ``bin/cli``, ``spark``, ``$APP_DIR/occ``, ``~/html/occ`` under the
# home directory), not code given to ``-r``.
_SCRIPT_PATH = re.compile(r"~?[\w$.{}/-]+")


def _db_update_verb(verb: str) -> bool:
    """A console verb that updates the database, whole or after any ``namespace:`` prefix (``updatedb``,
    ``db:update``, ``admin:updatedatabase``, ``castopod:database-update``), or one that changes the live schema
    under the database namespace (``db:add-missing-indices``)."""
    parts = verb.split(":")
    return _DB_SCHEMA_CHANGE.fullmatch(verb) is not None or any(
        _DB_UPDATE_WORD.fullmatch(":".join(parts[i:])) for i in range(len(parts))
    )


# A console verb in the database namespace that changes existing tables without saying update: schema objects
# added where missing (Nextcloud's ``db:add-missing-indices``, ``…-columns``, ``…-primary-keys``) or columns
# converted to another type, which rewrites the table (``db:convert-filecache-bigint``).
_DB_SCHEMA_CHANGE = re.compile(rf"{_DB_NOUN}:(?:add|convert)-[a-z][a-z-]*")
# Application consoles run as programs by their shebang (``./occ``, ``bin/console``, ``./artisan``).
_CONSOLES = frozenset({"occ", "console", "artisan"})


def _console_schema_change(name: str, command: Command) -> bool:
    """An application console run as a program and given a schema-changing database verb first
    (``sudo -u www-data ./occ db:add-missing-indices``)."""
    if name not in _CONSOLES:
        return False
    verbs = [w.text for w in operands(command)]
    return bool(verbs) and _DB_SCHEMA_CHANGE.fullmatch(verbs[0]) is not None


# Self-updaters that, run without questions, end by applying the new release's migrations: Nextcloud's
# ``updater/updater.phar --no-interaction`` runs ``occ upgrade`` itself (asked otherwise).
_UNATTENDED_UPDATERS: dict[str, str] = {"updater.phar": "--no-interaction"}


def _unattended_updater(command: Command) -> bool:
    """An interpreter given a self-updater of ``_UNATTENDED_UPDATERS`` with the option that answers its
    questions (``php $dir/updater/updater.phar --no-interaction``), or the updater run as a program."""
    script = _interpreted_script(command) if (command.name or "") in _SCRIPT_INTERPRETERS else command.name
    flag = _UNATTENDED_UPDATERS.get((script or "").rpartition("/")[2])
    return flag is not None and any(w.text == flag for w in command.words)


def _shell_script_run(command: Command) -> bool:
    """A shell script run as a program by a path that names its folder (``./run.sh``, ``$DIR/run.sh``)."""
    program = command.program
    return program is not None and "/" in program.raw and (command.name or "").endswith(".sh")


def _script_db_update(command: Command) -> bool:
    """An interpreter given an application's script and a verb that updates its database (LimeSurvey-style
    ``php application/commands/console.php updatedb``, ``php bin/console.php dbstructure update``): the
    application applies its own schema changes; the bare ``migrate`` too (``php command.php migrate``, as
    ``artisan migrate``). The verb comes right after the script, also under a console namespace (Ampache's ``php
    bin/cli admin:updateDatabase``, CodeIgniter's ``php spark castopod:database-update``); ``updatedb`` run as a
    program is mlocate's, not this. A shell script run as a program by its path, with the verb first
    (``$SCRIPTS_DIR/run.sh updatedb``, ``./manage.sh db:update``), is the interpreter given that script."""
    ops = [w.text for w in operands(command)]
    if _shell_script_run(command):
        ops = [command.program.raw if command.program is not None else "", *ops]
    elif (command.name or "") not in _SCRIPT_INTERPRETERS:
        return False
    if len(ops) < 2 or ops[0].startswith("-") or not _SCRIPT_PATH.fullmatch(ops[0]):
        return False  # the first operand names the application's script (console.php, bin/cli, spark), then the verb
    verb = ops[1].lower()
    if _db_update_verb(verb) or verb == "migrate":  # EspoCRM's ``php command.php migrate``
        return True
    return bool(_DB_NOUN_WORD.fullmatch(verb)) and len(ops) > 2 and ops[2] in _DB_VERBS


def _hidden_through_runner(command: Command) -> bool:
    """A known migration CLI run by a runner in front of it: ``<app> run rake db:migrate``, or a wrapper script
    given by its path whose first operand is the CLI (``./set-environment bin/plm migration run``)."""
    if (command.name or "") in _PRINTERS or command.name in _HIDDEN:
        return False
    words = command.words
    program = command.program.text if command.program is not None else ""
    start = 1 if words and words[0].text in _RUN_VERBS else 0 if "/" in program else None
    if start is None or len(words) <= start:
        return False
    args = [w.text for w in words]
    name = args[start].rpartition("/")[2]
    patterns = _HIDDEN.get(name, ())
    rest = _subcommand_words(name, args[start + 1 :])
    if start == 1:
        # the runner hands its words to a shell, which splits a quoted task list (``<app> run rake "db:migrate
        # db:seed"``) into the tasks the CLI is given
        rest = [part for arg in rest for part in arg.split()]
    return any(rest[: len(p)] == list(p) for p in patterns)


def _manage_sync(command: Command) -> bool:
    """``glance-manage db_sync`` / ``keystone-manage db sync``: OpenStack's schema upgrade verb among the operands."""
    verbs = [w.text for w in operands(command) if not w.text.startswith("-")]
    return any(verbs[i : i + len(p)] == list(p) for p in _MANAGE_SYNC for i in range(len(verbs)))


# A product's own database tool named for it (``onedb``): its ``upgrade``/``migrate`` verb upgrades the schema.
_VENDOR_DB_TOOL = re.compile(r"[a-z][a-z0-9]{1,15}db")


# A product's upgrade tool shipped as a jar (openHAB's ``runtime/bin/upgradetool.jar``, an ``upgrade-tool-2.1.jar``):
# run on upgrade, it converts the stored data to the new version's format.
_UPGRADE_JAR = re.compile(r"(?:[a-z0-9]+[-_])*upgrade[-_]?tool(?:[-_][a-z0-9.]+)?\.jar", re.IGNORECASE)


def _upgrade_jar(command: Command) -> bool:
    """``java -jar …/upgradetool.jar``: the jar Java runs is named as the product's upgrade tool."""
    jar = java_jar(command) if command.name == "java" else None
    return jar is not None and bool(_UPGRADE_JAR.fullmatch(jar.text.rpartition("/")[2]))


def _cake_migrate(name: str, command: Command) -> bool:
    """CakePHP's console (``bin/cake``, also given to ``php``) run with ``migrate`` as its command or as the command
    of a plugin's namespace: ``bin/cake migrations migrate`` (the Migrations plugin) and a plugin's own
    ``bin/cake <plugin> migrate``, which CakePHP names ``<plugin> <command>``. Not ``migrations status``/``seed``."""
    ops = [w.text for w in operands(command)]
    if name == "php" and ops and ops[0].rpartition("/")[2] == "cake":
        ops = ops[1:]
    elif name != "cake":
        return False
    verbs = list(itertools.takewhile(lambda o: not o.startswith("-"), ops[:2]))
    return "migrate" in verbs


# MediaWiki's schema updater, by its place in the wiki's tree: ``maintenance/update.php``, and since 1.40 the same
# script run through the maintenance runner, ``maintenance/run.php update``. ``--schema FILE`` writes the statements
# to FILE instead of running them.
_WIKI_UPDATER = "maintenance/update.php"
_WIKI_RUNNER = "maintenance/run.php"


def _wiki_update(name: str, command: Command) -> bool:
    """``php /var/www/html/maintenance/update.php --quick``, ``php maintenance/run.php update``: a MediaWiki's
    database brought to the installed version's schema (not ``run.php runJobs`` or another maintenance script)."""
    if not _PHP_WORD.fullmatch(name) or any(w.text == "--schema" for w in command.words):
        return False
    ops = [w.text for w in operands(command) if not w.text.startswith("-")]
    script = "/" + ops[0] if ops else ""
    if script.endswith("/" + _WIKI_UPDATER):
        return True
    return script.endswith("/" + _WIKI_RUNNER) and ops[1:2] in (["update"], ["update.php"])


# Moodle's command-line upgrade, by its place in the site's tree: ``php admin/cli/upgrade.php --non-interactive``
# runs every pending core and plugin upgrade step on the site's database; ``--is-pending`` only tells whether one is
# due (its exit status), ``-h``/``--help`` prints the usage (``admin/cli/upgrade.php --help``).
_MOODLE_UPGRADE = "admin/cli/upgrade.php"
_MOODLE_NO_CHANGE = frozenset({"--is-pending", "-h", "--help"})


def _moodle_upgrade(name: str, command: Command) -> bool:
    """``php admin/cli/upgrade.php --non-interactive``, ``php /var/www/moodle/admin/cli/upgrade.php``: a Moodle
    site's database brought to the code's version (not another ``admin/cli`` script, not ``--is-pending``)."""
    if not _PHP_WORD.fullmatch(name) or any(w.text in _MOODLE_NO_CHANGE for w in command.words):
        return False
    ops = [w.text for w in operands(command) if not w.text.startswith("-")]
    return bool(ops) and ("/" + ops[0]).endswith("/" + _MOODLE_UPGRADE)


def _hidden_tool(command: Command) -> bool:
    name = command.name or ""
    named = (
        (_UPDATER_NAME.fullmatch(name) and name not in _DATA_UPGRADES)
        or _updater_script(command)
        or _script_db_update(command)
    )
    named = named or _cake_migrate(name, command) or _wiki_update(name, command) or _moodle_upgrade(name, command)
    if named or _upgrade_jar(command) or updates_schema_by_option(command):
        return not any(w.text in ("-h", "--help", "--version", "-n", "--dry-run") for w in command.words)
    if _console_schema_change(name, command) or _unattended_updater(command):
        return not any(w.text in ("-h", "--help") for w in command.words)
    if name in _DATA_UPGRADES:
        return not any(w.text in ("--help", "-?", "--version", "-V") for w in command.words)
    if name.endswith("-manage") and _manage_sync(command):
        return True
    if name.endswith("-db-manage"):
        verbs = [w.text for w in operands(command) if not w.text.startswith("-")]
        return _DB_MANAGE_UPGRADE in verbs and not any(w.text in ("-h", "--help") for w in command.words)
    if name in _HIDDEN_FLAGS:
        return any(w.text in _HIDDEN_FLAGS[name] for w in command.words)
    if name in _DEFAULT_UPDATERS:
        return not any(w.text in _DEFAULT_UPDATERS[name] for w in command.words)
    if name.endswith(("-ctl", "ctl")) and name not in ("systemctl", "journalctl", "sysctl"):
        # <app>ctl / <app> db upgrade|migrate: the vendor's own migration entry point
        if _ctl_database_verb([w.text for w in operands(command)]):
            return True
        if name not in _HIDDEN:
            return False
    if _rake_migrate_task(name, [w.text for w in command.words]):
        return True
    if _VENDOR_DB_TOOL.fullmatch(name) and name not in _HIDDEN:
        # <app>db upgrade|migrate (OpenNebula's onedb): the vendor's database tool given its schema upgrade verb
        return [w.text for w in operands(command)][:1] in (["upgrade"], ["migrate"])
    if is_migrator(command):  # golang-migrate, goose, dbmate: by their source and lock (migration_runners.py)
        return migrator_run(command) == "hidden"
    patterns = _HIDDEN.get(name)
    if reads_local_migrations(command):
        return False  # the package's own SQL files, under the tool's advisory lock (migration_sources.py)
    if patterns is None and not any(w.text == "db" for w in command.words):
        return False  # neither a known migration tool nor "<app> db upgrade|migrate"
    args = [w.text for w in operands(command)]
    if name in _GLOBAL_VALUE_OPTIONS:
        args = [w for w in _subcommand_words(name, [w.text for w in command.words]) if not w.startswith("-")]
    if patterns is None:
        return len(args) >= 2 and args[0] == "db" and args[1] in ("upgrade", "migrate") and name not in ("flask",)
    # an interpreter given the script by its path: ``php /app/www/artisan migrate``, ``python /srv/manage.py migrate``
    return any(
        len(args) >= len(p) and _same_script(args[0], p[0]) and args[1 : len(p)] == list(p[1:]) for p in patterns
    )


# A control tool's database, by itself or of one component (``db``, ``database``, GitLab's ``registry-database``).
_CTL_DATABASE = re.compile(r"(?:[a-z0-9]+[-_])*(?:db|database)")
_CTL_DB_VERBS = frozenset({"upgrade", "migrate"})


def _ctl_database_verb(args: list[str]) -> bool:
    """``<app>ctl db upgrade``, ``<app>ctl migrate``, ``gitlab-ctl registry-database migrate up``: a control tool
    given a database (its own or a component's) and the verb that migrates it, or the verb alone."""
    if args[:1] in (["migrate"], ["upgrade-db"]):
        return True
    return len(args) >= 2 and bool(_CTL_DATABASE.fullmatch(args[0])) and args[1] in _CTL_DB_VERBS


# A Rake task that runs migrations: Rails' ``db:migrate`` and a namespace's own (``redmine:plugins:migrate``, the
# migrations of every installed plugin); not ``db:migrate:status`` or ``railties:install:migrations`` (copies files).
_RAKE_MIGRATE = re.compile(r"[\w-]+(?::[\w-]+)*:migrate")
_RAKE_RUNNERS = frozenset({"rake", "rails"})
# Rails' database tasks that migrate an existing database, also with the data-migrate gem's ``:with_data`` (the
# schema migrations and the data migrations in one run): ``db:migrate``, ``db:prepare``, ``db:prepare:with_data``.
_RAILS_MIGRATE_TASK = re.compile(r"db:(?:migrate|prepare)(?::with_data)?")


def _rake_migrate_task(name: str, words: list[str]) -> bool:
    """``rake redmine:plugins:migrate``, also through ``bundle exec``; under ``bundle exec`` any program given one
    of Rails' migrating database tasks (``bundle exec amiko db:prepare:with_data``): the app's own binstub runs its
    tasks in the bundle, as ``bin/rails`` does."""
    tasks = [w for w in words if not w.startswith("-")]
    if name == "bundle" and words[:1] == ["exec"] and len(words) > 1:
        name, tasks = words[1].rpartition("/")[2], tasks[2:]
        if any(_RAILS_MIGRATE_TASK.fullmatch(w) for w in tasks):
            return True
    if name in _RAKE_RUNNERS and any(_RAILS_MIGRATE_TASK.fullmatch(w) for w in tasks):
        return True
    return name in _RAKE_RUNNERS and any(_RAKE_MIGRATE.fullmatch(w) for w in tasks)


# Programs that run Django's management commands (``manage.py``, ``django-admin``, djangorecipe's ``bin/django``, an
# interpreter given ``manage.py``).
_DJANGO_ENTRIES = frozenset({"manage.py", "django-admin", "django", "python", "python3"})

# Scripts an interpreter runs to migrate (``php artisan``, ``php bin/console``, ``python manage.py``).
_ENTRY_SCRIPTS = frozenset({"artisan", "bin/console", "manage.py", "occ", "phinx"})


def _same_script(arg: str, expected: str) -> bool:
    """``arg`` is ``expected``, or names the same entry script by a longer path (``/app/www/artisan``)."""
    return arg == expected or (expected in _ENTRY_SCRIPTS and arg.endswith("/" + expected))


def _sql_file(command: Command, feeders: list[Command]) -> str | None:
    if command.name not in _SQL_CLIENTS:
        return None
    for word in fed_words(command, feeders):
        text = listed_path(word.text)
        if sql_name(text)[0] or command.name == "psql":
            return text
    if command.name == "sqlite3":
        return next((w.text for w in operands(command) if sql_name(w.text)[0]), None)
    return None


# psql options that take a value (the next word is not the database).
_PSQL_VALUE_OPTIONS = frozenset({"-c", "-f", "-d", "-U", "-h", "-p", "-v", "-o", "-L", "-P", "-T", "-F", "-R"})


# mysql's and mariadb's options that take the next word as their value (``-p`` takes only a value written onto it).
_MYSQL_VALUE_OPTIONS = frozenset(
    {"-h", "--host", "-u", "--user", "-P", "--port", "-S", "--socket", "-e", "--execute", "--default-character-set"}
)


def _client_database(command: Command) -> str | None:
    """The database a client connects to: psql's ``-d NAME``/``--dbname=NAME``, mysql's ``-D NAME``/
    ``--database=NAME``, or the first operand; None when not named."""
    if command.name == "psql":
        selects, values = ("-d", "--dbname"), _PSQL_VALUE_OPTIONS
    elif command.name in ("mysql", "mariadb"):
        selects, values = ("-D", "--database"), _MYSQL_VALUE_OPTIONS
    else:
        return None
    words = [w.text for w in command.words]
    i = 0
    while i < len(words):
        word = words[i]
        if word in selects and i + 1 < len(words):
            return words[i + 1]
        if word.startswith(selects[1] + "="):
            return word.partition("=")[2]
        if word in values:
            i += 2
        elif word.startswith("-"):
            i += 1
        else:
            return word
    return None


def _script_locked(script: Script) -> bool:
    """The script serialises its steps: flock (as a command or a wrapper) or an advisory lock via psql."""
    for command in script.commands:
        if command.name == "flock" or "flock" in command.wrappers:
            return True
        if command.name == "psql" and any("pg_advisory" in w.text for w in option_values(command, "-c", "--command")):
            return True
    return False


def _container_shell_run(command: Command, path: str) -> MigrationRun | None:
    """The first migration run of the ``sh -c`` string ``command`` hands a container's shell (``docker compose
    exec -T web bash -lc "alembic upgrade head && …"``: ``container_shells``), as a run on the host would be read."""
    for sub in container_shell_commands(command, path):
        if _own_unlocked_run(sub):
            return MigrationRun(path, sub, None, None, False, False)
        if _hidden(sub):
            return MigrationRun(path, sub, None, None, True, False)
    return None


def _first_init(path: str) -> bool:
    """A script in ``docker-entrypoint-initdb.d/``: the database image's entrypoint runs it once, when it
    initialises an empty data directory, against a server that listens on its socket only; no second run can race
    it, so SQL it feeds to a client needs no lock."""
    return "docker-entrypoint-initdb.d/" in "/" + path


# An SQL file named as the first load of a new database: ``init.sql``, ``init_schema.sql``, ``init-db/01-init.sql``.
_INIT_LOAD = re.compile(r"(?i)(?:^|[^a-z])(?:init|initial|initialise|initialize|initdb)(?:[^a-z]|$)")


def _init_load(sql_file: str) -> bool:
    """The client loads a file named as a new database's initial schema that the package does not hold, so its
    statements cannot be read (openreplay's ``psql -f init_schema.sql`` when not migrating, DataHub's ``mariadb <
    /tmp/init-final.sql`` made from ``/init.sql``): it creates the database, it does not migrate an existing one.
    A file the package holds is read by its statements instead (``migration_history.is_initial_schema``)."""
    return bool(_INIT_LOAD.search(posixpath.basename(sql_file)))


def runs(ctx: Context) -> Iterator[MigrationRun]:
    for text in ctx.of_kind(Kind.CONFIG):  # a compose service that migrates when it starts
        embedded = text.path in ctx.parsed.embedded_lines  # its ``sh -c`` scripts are read with the scripts below
        for command in [*service_commands(text), *container_commands(text, ctx.texts), *migrator_services(text)]:
            if embedded and re.search(r"-\w*c$", command.via or ""):
                continue
            if _own_unlocked_run(command):
                yield MigrationRun(text.path, command, None, None, False, False)
                continue
            if _hidden(command) or own_cli_migrates(command) or migrator_program(command):
                yield MigrationRun(text.path, command, None, None, True, False)
    # a service's Exec* lines run at every start: ``ExecStartPre=/usr/bin/app migrate`` migrates like a script
    for path, script in [*steps(ctx), *ctx.parsed.unit_commands.items()]:
        locked = _script_locked(script)
        created: set[str] = set()  # databases this script made with createdb, in command order
        through = _migrating_calls(script)
        cats = piped_cats(script)
        for command in script.commands:
            if command.name == "createdb":
                created.update(w.text for w in command.words[:1] if not w.text.startswith("-"))
            created.update(created_databases(command))  # ``echo "create database app" | mysql``
            if id(command) in through:
                run = through[id(command)]
                yield MigrationRun(path, run, None, None, True, locked or "flock" in command.wrappers)
                continue
            inner = container_command(command)
            inner = _image_tool(command) or inner
            shelled = _container_shell_run(command, path)
            if shelled is not None:
                yield dataclasses.replace(shelled, locked=locked or "flock" in command.wrappers)
                continue
            if _own_unlocked_run(inner) or _own_unlocked_run(command):
                yield MigrationRun(path, inner or command, None, None, False, locked or "flock" in command.wrappers)
                continue
            guessed = _variable_container_run(command) if inner is None else None
            if (inner is not None and _hidden(inner)) or (guessed is not None and _hidden(guessed)):
                yield MigrationRun(
                    path, inner or guessed or command, None, None, True, locked or "flock" in command.wrappers
                )
                continue
            if _hidden(command) and not _names_own_function(command, script):
                yield MigrationRun(path, command, None, None, True, locked or "flock" in command.wrappers)
                continue
            client = inner if inner is not None and inner.name in _SQL_CLIENTS else command
            feeders = feeding_cats(command, cats)
            written = _sql_file(client, feeders)
            if written is None or _first_init(path) or _client_database(client) in created:
                continue  # a first load into the database the script just made: a rerun fails at createdb
            fed = fed_words(client, feeders)
            if _unpacked_dump(script, client, fed, written) or _backup_named(fed, written):
                continue  # a restore: the dump the script unpacked from its backup, no migration of the package
            target = next(
                (p for p in ctx.parsed.sql if path_matches(p, written) or p.endswith("/" + written.lstrip("./"))), None
            )
            if target is None and _init_load(written):
                continue
            sql = ctx.parsed.sql.get(target) if target else None
            yield MigrationRun(path, command, written, target, False, locked or (sql is not None and sql.locked))


# Programs that write a database dump, or unpack one from its compressed backup, to their standard output.
_DUMP_WRITERS = frozenset(
    {"gunzip", "zcat", "gzip", "xz", "unxz", "xzcat", "bzip2", "bunzip2", "bzcat", "zstd", "zstdcat"}
    | {"pg_dump", "pg_dumpall", "mysqldump", "mariadb-dump"}
)


def _unpacked_dump(script: Script, client: Command, fed: list[Word], sql_file: str) -> bool:
    """The SQL file a client loads was written by the script before it from a compressed backup or a database dump
    (``gunzip -c $DIR/dump.gz > $TMP/dump`` then ``psql -f $TMP/dump``): the run restores a backup; the file holds
    the data of the database's own dump, not migrations the package ships. The file is the same when its value is,
    or when both are written with the same variables (``mysqldump … > "$DIR/$SQL_FILE"`` in one function, ``mysql
    … < "$DIR/$SQL_FILE"`` in another: the value read on each line follows that line's own assignments, not the
    function calls between them)."""
    loaded = {w.raw for w in fed if w.text == sql_file and w.expands}
    return any(
        command.line < client.line
        and command.name in _DUMP_WRITERS
        and any(
            r.op == ">" and r.target is not None and (r.target.text == sql_file or r.target.raw in loaded)
            for r in command.redirects
        )
        for command in script.commands
    )


# A file or variable named as a backup: ``backup.sql``, ``"$BACKUP_SQL"``, ``${backup_file}``.
_BACKUP_WORD = re.compile(r"backup", re.IGNORECASE)


def _backup_named(fed: list[Word], sql_file: str) -> bool:
    """The client loads a file named as a backup, by its own name or the variable that holds it (a rollback's
    ``psql < "$BACKUP_SQL"``, ``mysql < /var/backups/app/backup.sql``): a restore of the database's own data, not
    migrations the package ships. The last path element is read, not the folder (``backups/0042_add.sql``)."""
    loaded = [w for w in fed if w.text == sql_file]
    names = [posixpath.basename(sql_file)] + [posixpath.basename(w.raw.strip("\"'")) for w in loaded]
    return any(_BACKUP_WORD.search(n) for n in names)


def _names_own_function(command: Command, script: Script) -> bool:
    """A call of a function the script defines, whose name is all that would mark it a migrator
    (``migrate_database`` of an update script that only makes the data directory): the name reads like a vendor's
    updater program (``upgrade-db``), but the body says what the call does, and its commands are read where they
    are written (a body that migrates with its own words) or at the call (one that forwards the call's words)."""
    name = command.name or ""
    return name in script.functions and bool(_UPDATER_NAME.fullmatch(name))


def _migrates(command: Command) -> bool:
    inner = container_command(command)
    return _hidden(inner if inner is not None else command)


def _forwards(command: Command) -> bool:
    """A body command that carries its function's arguments (``docker compose run --rm web "$@"``)."""
    return any(n in "123456789@*" for word in command.words for n in word.expands if len(n) == 1)


def _migrating_calls(script: Script) -> dict[int, Command]:
    """ids of calls of the script's functions whose body, run with the call's words, applies migrations -> the step
    to report: the migration CLI is written at the call (``runweb python manage.py migrate`` with ``runweb() {
    docker compose run --rm web "$@"; }``), so the call is the step; a call of a function that runs its arguments
    as a command (``run_logged "db.migrate" alembic upgrade head``) is the command it runs. A body command that
    migrates with words of its own is read where it is written."""
    if not script.functions:
        return {}
    bodies = bound_calls(script, _forwards)
    out = {id(c): c for c in script.commands if any(_migrates(b) for b in bodies.get(id(c), ()))}
    runners = argument_runners(script)
    for call in script.commands:
        run = run_through(call, runners) if call.name in runners else call
        if run is not call and _migrates(run):
            out[id(call)] = run
    return out


def _rows_only(sql: SqlFile | None) -> bool:
    """A file of ``INSERT`` rows alone, every statement read (glewlwyd's ``postgre.default.sql`` of default scopes
    and modules): it seeds data and changes no schema, so two runs cannot migrate concurrently."""
    return (
        sql is not None
        and bool(sql.statements)
        and sql.unchecked == 0
        and all(s.kind == "insert" for s in sql.statements)
    )


def _locked_by_callers(found: list[MigrationRun]) -> set[str]:
    return {r.package_file for r in found if r.package_file and r.locked}


def _new_tables(sql: SqlFile) -> list[bool]:
    """For each statement, whether every table it names was created by an earlier statement of the file (a table
    renamed or dropped before a CREATE TABLE of the same name is still the live one where that happens). A table
    created ``IF NOT EXISTS`` and altered later in the file is one the file upgrades in place (Alerta's
    ``schema.sql``, run at every start): it may be live, so it is not new. In a module of upgrade functions run one
    at a time (``sql.step_starts``), a table is new only within the step that creates it."""
    created: set[str] = set()
    kept = _upgraded_in_place(sql)
    new: list[bool] = []
    starts = list(sql.step_starts)
    for s in sql.statements:
        while starts and s.line >= starts[0]:
            starts.pop(0)
            created.clear()  # a later step: what earlier steps created is live by now
        new.append(bool(s.tables) and set(s.tables) <= created)
        if s.kind == "create_table":
            created.update(t for t in s.tables if t not in kept)
    return new


def _upgraded_in_place(sql: SqlFile) -> set[str]:
    """Tables the file creates ``IF NOT EXISTS`` and then alters, when it is an idempotent schema file that upgrades
    its tables in place: it adds a column ``IF NOT EXISTS`` to one of them, or changes a column's type (NodeBB's
    session upgrade creates ``session`` if missing, then retypes the columns of the one connect-pg-simple made; a
    new table would have them already). A delta that runs once creates a new table that way and renames or
    constrains it: that table is new (also when it retypes a column before the rename)."""
    maybe: set[str] = set()
    altered: set[str] = set()
    retyped: set[str] = set()  # a column retyped after the CREATE gave it its type: a live table of an older shape
    renamed: set[str] = set()  # a table built aside and renamed into place: new
    in_place = False
    for s in sql.statements:
        if s.kind == "create_table" and _IF_NOT_EXISTS.match(s.text):
            maybe.update(s.tables)
        elif s.kind in _UNLOCKED_KINDS and s.kind != "drop_table" and set(s.tables) & maybe:
            named = {t for t in s.tables if t in maybe}
            altered |= named
            retyped |= named if s.kind == "alter_column_type" else set()
            renamed |= named if s.kind == "rename" else set()
            in_place = in_place or bool(_ADD_COLUMN_IF_NOT_EXISTS.search(s.text))
    return altered if in_place or retyped - renamed else set()


def _inline_findings(ctx: Context) -> Iterator[Finding]:
    """The locks, index builds and rewrites of SQL a script hands psql inline (``psql -c "ALTER TABLE …"``), bounded
    when the script serialises its steps (flock, an advisory lock) or the text sets ``lock_timeout`` itself; not in a
    database image's first-init script, which runs on an empty cluster."""
    for path, script in steps(ctx):
        if _first_init(path):
            continue
        locked = _script_locked(script)
        for command, sql in inline_sql(path, script, fed=True):
            yield from _sql_findings(sql, locked or "flock" in command.wrappers)
        # MySQL's statements (``mysql -e``): a schema change is unchecked, reported once per script as per file
        changes = (sql for _, sql in mysql_inline_sql(path, script, fed=True) if _changes_tables(sql))
        first = next((_on_package_database(sql, "mysql", "given to the mysql client") for sql in changes), None)
        if first is not None:
            yield from _sql_findings(first, False)


# Statements that change an existing table's definition (not rows, accounts, databases, or maintenance).
_TABLE_CHANGES = (_UNLOCKED_KINDS - {"lock", "vacuum", "cluster", "reindex", "truncate"}) | {
    "create_index",
    "drop_index",
}


def _changes_tables(sql: SqlFile) -> bool:
    """Whether ``sql`` changes a table's definition (``ALTER TABLE``, ``DROP TABLE``, an index): a schema migration,
    not a row written, a database or an account made (``CREATE DATABASE``, ``INSERT``, ``ALTER USER``)."""
    return any(s.kind in _TABLE_CHANGES for s in sql.statements)


def _unchecked_line(sql: SqlFile) -> int:
    """Where an unchecked migration is reported: its first statement when the whole file is another database's
    (MySQL or SQLite read from its text: every statement runs on that engine, a ``DROP PROCEDURE`` before the
    first lock included), else its first statement preflight could not check (line 1 when none: the dialect is
    read from the text, a dump's ``/*!40101 … */`` header)."""
    unchecked = [s.line for s in sql.statements if not s.checked]
    if not unchecked:
        return 1
    if sql.dialect in ("mysql", "sqlite"):
        return min(unchecked[0], sql.statements[0].line)
    return unchecked[0]


def _sql_findings(sql: SqlFile, locked_by_caller: bool) -> Iterator[Finding]:
    # a dialect read from the text is reported as such; one the path gives, through the statements it leaves unchecked
    if sql.unchecked or (sql.dialect != "postgresql" and path_dialect(sql.path) is None):
        yield at_line(
            "preflight.migration_unchecked",
            Severity.LOW,
            path=sql.path,
            line=_unchecked_line(sql),
            dialect=sql.dialect,
            unchecked=sql.unchecked,
            message=(
                f"{sql.unchecked or 'some'} statement(s) are not PostgreSQL ({sql.dialect})"
                if sql.dialect != "postgresql"
                else f"{sql.unchecked} statement(s) could not be read"
            )
            + "; their locks and rewrites are not checked"
            + (f" ({sql.first_error})" if sql.first_error else ""),
            remedy="Review these statements by hand for locks, rewrites and reversibility.",
        )
    bounded = sql.locked or locked_by_caller
    for s, new_table in zip(sql.statements, _new_tables(sql), strict=True):
        if not s.checked:  # PostgreSQL's lock rules are not this statement's (another database, or unparsed)
            continue
        if s.kind in ("create_index", "drop_index") and not s.concurrent and not new_table:
            yield at_line(
                "preflight.index_not_concurrent",
                Severity.HIGH,
                path=sql.path,
                line=s.line,
                text=s.text,
                statement=s.kind.replace("_", " ").upper(),
                message=f"{s.kind.replace('_', ' ').upper()} without CONCURRENTLY blocks writes to the table while it "
                "runs",
                remedy="Use CREATE/DROP INDEX CONCURRENTLY (outside a transaction), or schedule a maintenance window.",
            )
        elif s.takes_lock and s.kind in _UNLOCKED_KINDS and not bounded and not new_table:
            statement = " ".join(s.text.split()[:2]).upper()
            yield at_line(
                "preflight.migration_unlocked",
                Severity.HIGH,
                path=sql.path,
                line=s.line,
                text=s.text,
                statement=statement,
                kind=s.kind,
                message=f"{statement} on a live schema without lock_timeout or an advisory lock: it can queue every "
                "query behind it",
                remedy="Start the migration with SET lock_timeout = '5s' (and retry), and serialise migration runs "
                "with pg_advisory_lock.",
            )
        if s.rewrites_table and not new_table:
            yield at_line(
                "preflight.migration_rewrites_table",
                Severity.MEDIUM,
                path=sql.path,
                line=s.line,
                text=s.text,
                kind=s.kind,
                message=f"{s.detail or 'the statement rewrites or scans the whole table'}",
                remedy="Split the change (add the column, backfill in batches, then constrain with NOT VALID + "
                "VALIDATE), or plan the downtime the rewrite needs.",
            )


def _on_package_database(sql: SqlFile, database: str | None, reason: str = "") -> SqlFile:
    """``sql`` read for the package's database when neither its path nor its text names one (it was read as
    PostgreSQL by default, or found in part not PostgreSQL): what PostgreSQL would lock or rewrite is then not
    known (ZoneMinder's MySQL ``zm_update-*.sql``, some of whose statements PostgreSQL's parser also accepts).
    ``reason`` says how the database is known, when not from the package's configuration (the client run)."""
    if database is None or sql.dialect not in ("postgresql", "unknown") or path_dialect(sql.path) is not None:
        return sql
    statements = tuple(dataclasses.replace(s, checked=False) if engine_bound(s) else s for s in sql.statements)
    unchecked = sum(not s.checked for s in statements)
    note = reason or f"the package's configuration names {database} as its database"
    return dataclasses.replace(
        sql, dialect=database, statements=statements, unchecked=unchecked, first_error=sql.first_error or note
    )


def _offered(ctx: Context) -> set[str]:
    """The databases the package's maintainer scripts offer through dbconfig-common (``dbc_dbtypes``)."""
    values = (
        a.value or ""
        for path, script in ctx.parsed.scripts.items()
        if is_maintainer_script(path)
        for a in script.bindings("dbc_dbtypes")
    )
    return offered_databases(values)


def _alembic_urls_read(ctx: Context, named: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The configuration texts the package's database is decided from: an ``alembic.ini`` whose URL the product's
    code replaces is read without it (``sql.alembic_url``)."""
    if not any(is_alembic_ini(path) for path, _ in named):
        return named
    sources = ((t.path, "\n".join(line.text for line in t.lines)) for t in ctx.texts if t.path.endswith(".py"))
    if not url_replaced(sources):
        return named
    return [(path, without_url(text) if is_alembic_ini(path) else text) for path, text in named]


def scan(ctx: Context) -> Iterator[Finding]:
    found = list(runs(ctx))
    locked_files = _locked_by_callers(found)
    run_files = {r.package_file for r in found} | set(ctx.manifest.migrations)
    django_database = sole_database(ctx.texts)  # a Django product that names SQLite, MySQL or Oracle alone
    configs = (t for t in ctx.of_kind(Kind.CONFIG) if is_config(t.path))  # the only ones package_database reads
    named = [(t.path, "\n".join(line.text for line in t.lines)) for t in configs]
    database = package_database(_alembic_urls_read(ctx, named), _offered(ctx))
    skipped, history = not_run(ctx, run_files)  # applied by the installed version; an initial schema
    yield from history
    # a Django AlterField is read against the field the app's earlier migrations define (sql.django_history)
    altered = ctx.django_changes
    if altered is None:  # a context made without the package's files
        altered = alter_field_changes(
            (t.path, "\n".join(line.text for line in t.lines)) for t in ctx.texts if t.path.endswith(".py")
        )
    for path, sql in ctx.parsed.sql.items():
        if path in skipped:
            continue
        if down_file(path) and path not in run_files:  # a rollback: the upgrade does not run it
            continue
        if is_test_path(path) and path not in run_files:  # a test's fixture database, not the product's
            continue
        if in_documentation_folder(path) and path not in run_files:  # an example or a manual step for a reader
            continue
        if django_database is not None:
            read = on_database(sql, django_database)
        else:
            read = _on_package_database(revised(sql, altered), database)
        yield from _sql_findings(read, path in locked_files)
    yield from _inline_findings(ctx)
    for run in found:
        if run.locked or _rows_only(ctx.parsed.sql.get(run.package_file or "")):
            continue
        if run.hidden:
            yield at_command(
                "preflight.hidden_migration",
                Severity.MEDIUM,
                path=run.path,
                command=run.command,
                tool=run.command.name,
                message=f"{run.command.name} applies schema migrations whose statements are not in the package: "
                "their locks, rewrites and reversibility cannot be checked, and nothing serialises the run",
                remedy="Ask the vendor for the migration SQL (or its dry-run output) and run the step under flock "
                "with a lock_timeout.",
            )
        else:
            where = (
                f" ({posixpath.basename(run.package_file)} is in the package and takes no lock)"
                if run.package_file
                else ""
            )
            yield at_command(
                "preflight.migration_outside_lock",
                Severity.MEDIUM,
                path=run.path,
                command=run.command,
                sql_file=run.sql_file,
                message="the script runs a schema migration without holding a lock: two upgrade runs (or a retry) "
                f"can migrate concurrently{where}",
                remedy="Wrap the migration in flock or take pg_advisory_lock first.",
            )
