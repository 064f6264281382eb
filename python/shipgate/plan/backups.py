"""What in a script command backs something up, as the plan reads preflight's parsed commands:
- ``database``: a dump tool (``pg_dump``, ``mysqldump``, …), a database told to write a copy of itself (Redis's
  ``BGSAVE``, SQLite's ``.backup``/``.dump``/``VACUUM INTO``), also run in a container (``docker exec db
  pg_dump``, ``docker compose exec db-backup /backup.sh`` — a backup command in a service named for a database);
- ``data``: a copy or archive (``cp``, ``rsync``, ``tar``, ``zip``) of a data place (``/var/lib/``, ``/var/opt/``,
  ``/var/www/``, a database's data directory such as ``mysql`` or ``pgdata``, a database's own file or directory:
  ``db.sqlite``, ``hlr.db``, ``database/``) to a place named like a backup, or an archive created of a database's
  data directory;
- ``config``: the same of a configuration place (``/etc/``, ``/opt/``, ``/usr/local/etc/``, ``/srv/``);
- a copy kept beside what it copies, under the same name with a backup suffix, a time stamp or both
  (``cp -a /boot /boot.bak``, the running kernel's ``/lib/modules/$(uname -r)`` into ``/lib/modules.bak``,
  ``cp .env .env-$(date …)``, ``cp x.sh x.sh.old-$DATE``): a backup of that place whatever it is, ``data`` when
  its path says neither data nor configuration;
- the firewall's rules dumped into a file named like a backup (``iptables-save > rules.old-$DATE``,
  ``nft list ruleset > x.bak``): ``config``;
- a command named for a backup that the script does not define itself (a vendor's helper or tool:
  ``ynh_backup_before_upgrade``, ``gitlab-backup create``, ``./bin/backup.sh``, or a dump of a database:
  ``btcpay_dump_db``) backs up what it names: the database when its name says so, else the data. Its name must
  not also say it restores, lists or removes.
A copy *into* the product's places (``install config/x.conf /etc/x.conf``, a restore from ``/opt/x-backup``) is
no backup: the destination decides. A move (``mv``) is not a copy: what is moved aside is usually replaced.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator

from shipgate.plan.in_container import inside
from shipgate.preflight.shell.model import Command

DUMPS = frozenset({"pg_dump", "pg_dumpall", "pg_basebackup", "mysqldump", "mariadb-dump", "mongodump",
                   "mysqlpump", "mariabackup", "xtrabackup"})
_COPIES = frozenset({"cp", "rsync", "install", "scp"})
_ARCHIVERS = frozenset({"tar", "bsdtar", "zip"})
CONFIG_PLACES = ("/etc/", "/opt/", "/usr/local/etc/", "/srv/")
DATA_PLACES = ("/var/lib/", "/var/opt/", "/var/www/", "/home/")
# A destination is a backup when it says so: a backup directory, or a .bak/.orig/.old/.save copy.
BACKUP_WORDS = ("backup", "bak", "bkp", ".orig", ".old", ".save", "snapshot", "dump")
# A name stamped with the time the command runs (a variable set from ``date`` is given as its value).
_DATED = re.compile(r"\$\(date\b|`date\b")
# The data directory of a database, by its last path segment.
_DATABASE_DIRS = re.compile(r"(?i)^(?:mysql|mariadb|mssql|postgres(?:ql)?|pg_?data|mongo(?:db)?|redis|couchdb)\b")
# A database's own file or directory by its name: a SQLite file (``db.sqlite``, ``hlr.db``), ``database/``, ``db/``.
_DATABASE_FILE = re.compile(r"(?i)^(?:db|database)$|\.(?:sqlite3?|db3?)$")
_REDIS_CLIS = frozenset({"redis-cli", "valkey-cli", "keydb-cli"})
_REDIS_VALUE_OPTIONS = frozenset({"-h", "-p", "-s", "-a", "-u", "-n", "-r", "-i", "--user", "--pass", "--cacert",
                                  "--cert", "--key", "--sni", "--cacertdir"})
_DATABASE_TOKENS = frozenset({"db", "database", "sql", "postgres", "postgresql", "pg", "mysql", "mariadb", "mongo",
                              "mongodb"})
_DATABASE_WORDS = re.compile(r"(?i)(?:^|[^a-z])(?:db|database|sql|postgres|pg|mysql|maria|mongo)")
# A configuration file wherever it lives (``/var/lib/pgsql/data/pg_hba.conf``).
_CONFIG_FILE = re.compile(r"(?i)\.(?:conf|cfg|ini|ya?ml|toml|properties|env)$")
# A path with a part named for configuration (``$ROOT/config/version``, ``countly.config.js``) is configuration.
_CONFIG_WORDS = frozenset({"config", "conf", "configuration", "settings", "etc"})
_OLD_WORDS = frozenset({"old", "back", "orig", "prev", "previous", "saved"})
_WORD = re.compile(r"[a-z0-9]+")
# A time stamp in a copy's name: a ``$(date …)`` (preflight gives a variable set from one as its shape), a
# variable named for a date or time (``$time_now``, ``${TS}``), or six digits and more (``20240101``).
_STAMP = r"(?:\$\(date[^)]*\)|\$\{?[A-Za-z_]*(?i:date|time|stamp|now|dt|ts)[A-Za-z_0-9]*\}?|\d{6,}[\d_.:T-]*)"
_BACKUP_SUFFIX = re.compile(
    rf"(?:[._~-](?i:bak|backup|orig|old|save|prev)(?:[._-]?{_STAMP})?|[._-]{_STAMP})$")
_SYSTEM_CONFIG = ("/etc/", "/usr/local/etc/")  # configuration whatever it is named (``/etc/logrotate.d/mysql``)
_INSTALLATION = re.compile(r"/opt/[^/$]+/?")
_SHELLS = frozenset({"bash", "sh", "dash", "zsh", "ksh"})
_NOT_TAKING = re.compile(r"(?i)restore|list|remove|delete|prune|clean|purge|rotate|verify|check|info|status")
_NOT_TAKING_VERBS = frozenset({"restore", "list", "ls", "remove", "rm", "delete", "prune", "info", "status",
                               "verify", "check", "--help", "-h", "help"})
# Dumps of the running firewall rules (``nft list ruleset`` too): written to a backup-named file, they keep the
# firewall's configuration to restore.
_RULE_DUMPS = frozenset({"iptables-save", "ip6tables-save", "iptables-legacy-save", "ip6tables-legacy-save",
                         "iptables-nft-save", "ip6tables-nft-save", "ebtables-save", "arptables-save"})
_TAR_VALUE_OPTIONS = frozenset({"-C", "--directory", "-T", "--files-from", "-X", "--exclude-from", "--exclude",
                                "-b", "--blocking-factor", "-g", "--listed-incremental"})


def backup_named(path: str) -> bool:
    """Whether a destination says it is a backup: a backup word in it, a word of its last part that says the
    copy is the old one (``__old-version``, ``mattermost-back-2024-01-01``, ``app.prev``), or a last part stamped
    with the time it is taken (``app-config-$(date +%F).tar.gz``: a snapshot) outside the temporary places
    (``/tmp/$(date +%F)`` is a working file)."""
    last = posixpath.basename(path.rstrip("/")).lower()
    dated = bool(_DATED.search(last)) and not path.startswith(("/tmp/", "/var/tmp/"))  # noqa: S108 - matched
    return any(w in path.lower() for w in BACKUP_WORDS) or bool(_OLD_WORDS & set(_WORD.findall(last))) or dated


def place(path: str) -> str | None:
    """What a copied path holds: ``config``, ``data`` or None (neither, as far as its path says)."""
    if _CONFIG_FILE.search(path) or path.startswith(_SYSTEM_CONFIG):
        return "config"
    last = posixpath.basename(path.rstrip("/"))
    if _DATABASE_DIRS.match(last) or _DATABASE_FILE.search(last) or path.startswith(DATA_PLACES):
        return "data"
    if _INSTALLATION.fullmatch(path):
        return "data"  # a product's whole installation directory holds its data as well as its configuration
    if path.startswith(CONFIG_PLACES):
        return "config"
    segments = [set(_WORD.findall(part.lower())) for part in path.split("/")]
    return "config" if any(_CONFIG_WORDS & words for words in segments) else None


def _tar_parts(words: list[str]) -> tuple[bool, str | None, list[str]]:
    """Whether a tar command creates an archive, the archive, and what it archives."""
    creates, archive, sources, i = False, None, [], 0
    while i < len(words):
        w = words[i]
        bundled = i == 0 and not w.startswith("-") and set(w) <= set("cxtrvzjJpfaPSh")  # ``tar czf x …``
        cluster = w[1:] if w.startswith("-") and not w.startswith("--") else (w if bundled else "")
        if w in _TAR_VALUE_OPTIONS or w == "--file":
            archive = words[i + 1] if w == "--file" and i + 1 < len(words) else archive
            i += 2
            continue
        if cluster:
            creates = creates or "c" in cluster
            if cluster.endswith("f") and i + 1 < len(words):
                archive, i = words[i + 1], i + 2
                continue
        elif w == "--create":
            creates = True
        elif w.startswith("--file="):
            archive = w.split("=", 1)[1]
        elif not w.startswith("-"):
            sources.append(w)
        i += 1
    return creates, archive, sources


def _copy_parts(c: Command, words: list[str]) -> tuple[str | None, list[str]]:
    ops = [w for w in words if not w.startswith("-")]
    if c.name in _ARCHIVERS:
        if c.name == "zip":
            return (ops[0], ops[1:]) if ops else (None, [])
        creates, archive, sources = _tar_parts(words)
        return (archive, sources) if creates else (None, [])
    return (ops[-1], ops[:-1]) if len(ops) >= 2 else (None, [])


def kept_beside(destination: str, sources: list[str]) -> list[str]:
    """The sources a destination copies under their own name with a backup suffix (``/boot`` → ``/boot.bak``),
    or under their parent's (``/lib/modules/6.1`` → ``/lib/modules.bak``)."""
    stem = _BACKUP_SUFFIX.sub("", destination.rstrip("/"))
    if not stem or stem == destination.rstrip("/"):
        return []
    return [s for s in sources if s.rstrip("/") == stem or s.startswith(stem + "/")]


def _copies(c: Command, words: list[str]) -> Iterator[tuple[str, list[str]]]:
    destination, sources = _copy_parts(c, words)
    if destination is None:
        return
    places = {p: [s for s in sources if place(s) == p] for p in ("data", "config")}
    if c.name in _COPIES and (beside := kept_beside(destination, sources)):
        for kind in ("data", "config"):  # what the path says, else data (``/boot`` → ``/boot.bak``)
            if found := [s for s in beside if (place(s) or "data") == kind]:
                yield kind, found
        return
    archived_database = c.name in _ARCHIVERS and bool(places["data"]) and any(
        _DATABASE_DIRS.match(posixpath.basename(s.rstrip("/"))) for s in places["data"])
    if not (backup_named(destination) or archived_database):
        return
    for kind, found in places.items():
        if found:
            yield kind, found


def _snapshot(name: str, words: list[str]) -> bool:
    """Whether the command has a database write a copy of itself: Redis's ``SAVE``/``BGSAVE`` (also Valkey's and
    KeyDB's CLI), SQLite's ``.backup FILE``, ``.dump`` and ``VACUUM INTO 'FILE'``."""
    if name in _REDIS_CLIS:
        i = 0
        while i < len(words) and words[i].startswith("-"):
            i += 2 if words[i] in _REDIS_VALUE_OPTIONS else 1
        return words[i:i + 1] != [] and words[i].lower() in ("save", "bgsave")
    if name in ("sqlite3", "sqlite"):
        sql = [w.strip().lower() for w in words if not w.startswith("-")][1:]
        return any(s.startswith((".backup", ".dump", ".save")) or s.startswith("vacuum into") for s in sql)
    return False


def _in_container(c: Command) -> Iterator[tuple[str, list[str]]]:
    """A dump, or a command named for a backup, run in a container (``plan.in_container``)."""
    found = inside(c)
    if found is None:
        return
    target, words = found
    inner, program = " ".join(words), posixpath.basename(words[0])
    dumps = any(re.search(rf"(?:^|[\s/;&|'\"]){re.escape(d)}(?:\s|$)", inner) for d in DUMPS)
    if dumps or _snapshot(program, words[1:]):
        yield "database", [target]
    elif ("backup" in program.lower() or "backup" in target.lower()) and not _NOT_TAKING.search(inner):
        yield ("database" if _DATABASE_WORDS.search(target) or _DATABASE_WORDS.search(program) else "data"), [target]


def _rules_kept(c: Command, words: list[str]) -> bool:
    """Whether the command dumps the firewall's rules into a file named like a backup (``iptables-save >
    /etc/iptables.rules.old-DATE``, ``iptables-save -f x.bak``, ``nft list ruleset > x.bak``)."""
    ops = [w for w in words if not w.startswith("-")]
    if c.name not in _RULE_DUMPS and not (c.name == "nft" and ops[:2] == ["list", "ruleset"]):
        return False
    written = [r.target.text for r in c.redirects
               if r.target is not None and r.op in (">", ">>", ">|", "&>") and r.fd in (None, "1")]
    written += [words[i + 1] for i, w in enumerate(words[:-1]) if w in ("-f", "--file")]
    return any(backup_named(t) for t in written)


def _named_for_backup(name: str, words: list[str]) -> bool:
    """Whether a command's name says it takes a backup: ``backup`` in it, or the word ``dump`` with a word for a
    database (``btcpay_dump_db``, ``dump-database.sh``); not when it also says it restores, loads or lists."""
    verbs = {w.lower() for w in words[:1]}
    tokens = set(_WORD.findall(name.lower()))
    dumps = "dump" in tokens and bool(tokens & _DATABASE_TOKENS) and not tokens & {"load", "import"}
    return ("backup" in name.lower() or dumps) and not _NOT_TAKING.search(name) and not verbs & _NOT_TAKING_VERBS


def backups(c: Command, *, defined: frozenset[str] = frozenset()) -> Iterator[tuple[str, list[str]]]:
    """(kind, what) for each backup the command takes: ``database``, ``data`` or ``config``. ``defined``: the
    script's own functions (their bodies are read command by command, so their names are not taken at their
    word)."""
    words = [w.text for w in c.words]
    name = c.name
    if name in _SHELLS and words and not words[0].startswith("-"):
        name, words = posixpath.basename(words[0]), words[1:]  # ``bash database-backup.sh``: the script run
    if name and name not in defined and name not in DUMPS and _named_for_backup(name, words):
        yield ("database" if _DATABASE_WORDS.search(name) else "data"), [name]
    elif c.name in DUMPS and not (c.name == "pg_basebackup" and {"-R", "--write-recovery-conf"} & set(words)):
        yield "database", []  # pg_basebackup -R sets up a standby, it keeps no backup
    elif _snapshot(c.name or "", words):
        yield "database", []
    elif c.name in _COPIES or c.name in _ARCHIVERS:
        yield from _copies(c, words)
    elif _rules_kept(c, words):
        yield "config", [c.name or "firewall rules"]
    else:
        yield from _in_container(c)
