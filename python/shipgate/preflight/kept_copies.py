"""The copies of data a script keeps before it deletes anything: backup steps (an archive, a dump, a ``cp``/``mv`` to
``*.bak``), and whether the script deletes a copy again. A copy the same script removes later (``pg_dumpall >
13.dump`` … ``rm 13.dump``; ``mv …/lib …/lib.bak`` … ``rm -rf …/lib.bak``) is no backup once it is gone: deleting the
set-aside copy of a data directory when no other copy the script made survives deletes the only rollback."""

from __future__ import annotations

import posixpath

from shipgate.preflight.containers import container_command
from shipgate.preflight.shell.commands import operands, option_values
from shipgate.preflight.shell.model import Command, Script

BACKUP_COMMANDS = frozenset(
    {
        "pg_dump",
        "pg_dumpall",
        "pg_basebackup",
        "mysqldump",
        "mariadb-dump",
        "xtrabackup",
        "mongodump",
        "tar",
        "rsync",
        "borg",
        "restic",
        "duplicity",
        "dump",
        "cpio",
        "zip",
        "btrfs",
        "lvcreate",
        "gitlab-backup",
    }
)
_COPIES = frozenset({"cp", "mv", "rsync"})
_DUMP_FILE_OPTIONS = ("-f", "--file", "-r", "--result-file")


def backup_step(command: Command) -> bool:
    """An archive, a dump or a snapshot (``tar c…``, ``pg_dump``, ``rsync``), or a ``cp``/``mv`` whose words name a
    backup (``*.bak``, ``*.orig``, ``*.old``, ``…backup…``); also one run inside a container (``docker compose exec
    -T db pg_dumpall > backup.sql``, ``kubectl exec db-0 -- pg_dump …``)."""
    inner = container_command(command)
    if inner is not None:
        return backup_step(inner)
    name = command.name or ""
    if name in BACKUP_COMMANDS or "backup" in name:
        return name != "tar" or any("c" in w.text.lstrip("-")[:3] for w in command.words[:1])
    return name in ("cp", "mv") and any(
        w.text.endswith((".bak", ".orig", ".old")) or "backup" in w.text for w in command.words
    )


def _clean(path: str) -> str:
    return posixpath.normpath(path) if path.startswith("/") else path.rstrip("/")


def _outputs(command: Command) -> tuple[str, ...]:
    """Where a backup step writes its copy, when the command says so: a redirection (``pg_dumpall > f``), a dump's
    or archive's file option (``-f f``, ``tar czf f …``), a copy's destination; empty when not known."""
    found = [r.target.text for r in command.redirects if r.op in (">", ">>") and r.target is not None and not r.fd]
    name = command.name or ""
    if name == "tar":
        first = command.words[0].text if command.words else ""
        if not first.startswith("-") and "f" in first and len(command.words) > 1:
            found.append(command.words[1].text)
        found.extend(w.text for w in option_values(command, "-f", "--file"))
    elif name in _COPIES:
        targets = operands(command)
        found.extend(w.text for w in targets[-1:] if len(targets) > 1)
    elif name in BACKUP_COMMANDS:
        found.extend(w.text for w in option_values(command, *_DUMP_FILE_OPTIONS))
    return tuple(_clean(f) for f in found if f.startswith("/"))


def _deleted_after(script: Script, path: str, line: int) -> bool:
    """A later ``rm`` removes ``path`` or a directory holding it."""
    for c in script.commands:
        if c.name != "rm" or c.line <= line:
            continue
        for word in operands(c):
            gone = _clean(word.text)
            if gone.startswith("/") and (path == gone or path.startswith(gone + "/")):
                return True
    return False


def backup_survives(script: Script) -> bool:
    """Some backup step of ``script`` keeps a copy the script does not delete again (one whose output is not
    known counts as kept)."""
    for c in script.commands:
        if not backup_step(c):
            continue
        outputs = _outputs(c)
        if not outputs or not all(_deleted_after(script, o, c.line) for o in outputs):
            return True
    return False


def set_aside_copy(script: Script, command: Command, target: str) -> bool:
    """``target`` is where an earlier ``mv``/``cp``/``rsync`` of the script put a directory of data
    (``mv /var/lib/postgresql/lib /var/lib/postgresql/lib.bak``): the copy kept as the rollback."""
    target = _clean(target)
    for c in script.named(*_COPIES):
        if c.line >= command.line:
            continue
        words = operands(c)
        if len(words) > 1 and _clean(words[-1].text) == target and any(w.text.startswith("/") for w in words[:-1]):
            return True
    return False
