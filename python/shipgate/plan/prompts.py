"""What in a script command waits for someone at the terminal, as the plan reads preflight's parsed commands.
Unattended (a scheduler, a pipeline, an SSH command without a TTY) such a step hangs, reads end-of-file and goes
on with an empty answer, or aborts:
- ``read`` from the terminal — not one whose input is a file, heredoc, here-string or pipe (on the command, or on
  the loop around it: ``while read l; do …; done < list``), not ``read -u FD`` nor ``read -t N`` (it times out);
- dialogs: ``whiptail``/``dialog`` boxes that wait for an answer (``--infobox`` and ``--gauge`` do not);
- password prompts: PostgreSQL's tools with ``-W``/``--password``; MySQL's with a bare ``-p``/``--password``;
- containers run or entered with a terminal (``docker run -it``, ``docker exec -it``, ``kubectl exec -it``);
- package managers asked to change packages without ``-y`` (``apt-get install x`` asks ``Do you want to
  continue? [Y/n]`` and aborts on end-of-file);
- ``sudo -k``/``--reset-timestamp`` (also as the prefix a variable puts before a command run by ``eval``): sudo
  forgets its cached credentials and asks for the password at that step, unless the step runs only as root.
  A plain ``sudo`` is not counted: whether it asks depends on the target's sudoers (``NOPASSWD``) and cache.
- ``su -c CMD`` (or ``su root -c``) outside a root-only branch: an account that is not root gets root's password
  prompt. ``su -c CMD -s /bin/sh nobody`` is root dropping to a service account and asks nothing.
"""

from __future__ import annotations

from shipgate.preflight.shell.commands import positional_texts
from shipgate.preflight.shell.model import Command

_DIALOGS = frozenset({"whiptail", "dialog"})
_NO_WAIT_BOXES = frozenset({"--infobox", "--gauge", "--version", "--help", "--prgbox", "--tailboxbg"})
_PG_TOOLS = frozenset({"psql", "pg_dump", "pg_dumpall", "pg_restore", "pg_basebackup", "createdb", "dropdb",
                       "createuser", "dropuser", "vacuumdb", "reindexdb", "clusterdb"})
_MYSQL_TOOLS = frozenset({"mysql", "mysqldump", "mysqladmin", "mysqlcheck", "mysqlimport", "mariadb", "mariadb-dump",
                          "mariadb-admin", "mariadb-check"})
_CONTAINER_CLIS = frozenset({"docker", "podman", "nerdctl", "kubectl"})
_PACKAGE_VERBS = {
    "apt-get": frozenset({"install", "upgrade", "dist-upgrade", "full-upgrade", "remove", "purge", "autoremove"}),
    "apt": frozenset({"install", "upgrade", "dist-upgrade", "full-upgrade", "remove", "purge", "autoremove"}),
    "yum": frozenset({"install", "update", "upgrade", "remove", "erase", "downgrade"}),
    "dnf": frozenset({"install", "update", "upgrade", "remove", "erase", "downgrade"}),
}
# Options of ``docker run``/``exec`` (and kubectl exec) that take a value as the next word.
_CONTAINER_VALUE_OPTIONS = frozenset({
    "-v", "--volume", "-p", "--publish", "--name", "-e", "--env", "--env-file", "-w", "--workdir", "-u", "--user",
    "--network", "--net", "-l", "--label", "--label-file", "--entrypoint", "--mount", "-h", "--hostname",
    "--restart", "-m", "--memory", "--cpus", "--add-host", "--device", "--cap-add", "--cap-drop", "--log-driver",
    "--log-opt", "--platform", "--pull", "--shm-size", "--tmpfs", "--ulimit", "--link", "--dns", "--security-opt",
    "--gpus", "--ipc", "--pid", "--runtime", "--stop-signal", "--expose", "--group-add", "--detach-keys", "-n",
    "--namespace", "-c", "--container", "--index", "-f", "--file", "--project-name",
})
_YES = frozenset({"-y", "--yes", "--assume-yes", "--assumeyes", "-qq", "--force-yes"})
_INPUT_OPS = frozenset({"<", "<<", "<<-", "<<<", "<&"})


def _short_flags(words: list[str]) -> set[str]:
    """The letters of short option clusters (``-it`` gives ``i`` and ``t``)."""
    return {ch for w in words if w.startswith("-") and not w.startswith("--") for ch in w[1:]}


def _reads_terminal(c: Command, fed: bool) -> bool:
    own = [r for r in c.redirects if r.op in _INPUT_OPS]
    if any(r.target is not None and r.target.text == "/dev/tty" for r in own):
        return True
    words = [w.text for w in c.words]
    flags = _short_flags([w for w in words if w[1:2] not in ("p", "d")])  # -p PROMPT and -d DELIM take values
    return not (own or c.piped_from or fed or "u" in flags or "t" in flags)


def _leading_options(words: list[str]) -> list[str]:
    """The options before the first operand (the image, container or pod): what follows is the command's own."""
    out, i = [], 0
    while i < len(words) and words[i].startswith("-") and words[i] != "--":
        out.append(words[i])
        i += 2 if words[i] in _CONTAINER_VALUE_OPTIONS else 1
    return out


def _tty_container(c: Command, words: list[str]) -> bool:
    rest = words[1:] if words[:1] == ["compose"] else words
    if not rest or rest[0] not in ("run", "exec"):
        return False
    options = _leading_options(rest[1:])
    flags = _short_flags(options)
    interactive = "i" in flags or "--interactive" in options or "-it" in options
    terminal = "t" in flags or "--tty" in options
    return interactive and terminal and "d" not in flags and "--detach" not in options


def _password(c: Command, words: list[str]) -> bool:
    if c.name in _PG_TOOLS:
        return "-W" in words or "--password" in words
    return c.name in _MYSQL_TOOLS and ("-p" in words or "--password" in words)


def _unanswered_package_change(c: Command, words: list[str]) -> bool:
    verbs = _PACKAGE_VERBS.get(c.name or "")
    ops = [w for w in words if not w.startswith("-")]
    yes = _YES & set(words) or "y" in _short_flags(words) or any(w.startswith("--assume-yes") for w in words)
    return bool(verbs and ops and ops[0] in verbs and not yes)


def _sudo_forgets_password(c: Command) -> bool:
    if c.escalation != "sudo" or "root" in c.conditions:
        return False
    options = c.escalation_options
    return "--reset-timestamp" in options or "k" in _short_flags([o for o in options if o[1:2] not in ("u", "g")])


# su's options that take the next word as their value (util-linux su).
_SU_VALUE_OPTIONS = frozenset({"-c", "--command", "-s", "--shell", "-g", "--group", "-G", "--supplementary-group",
                               "-w", "--whitelist-environment", "--session-command"})


def _su_account(options: tuple[str, ...]) -> str:
    """The account ``su`` switches to: its first operand, root when none is written."""
    accounts = positional_texts(options, _SU_VALUE_OPTIONS)
    return accounts[0] if accounts else "root"


def _su_asks_root_password(c: Command) -> bool:
    return c.escalation == "su" and "root" not in c.conditions and _su_account(c.escalation_options) == "root"


def prompt(c: Command, *, fed: bool = False) -> str | None:
    """Why the command waits for someone at the terminal, or None. ``fed``: the loop or group around it takes
    its input from elsewhere."""
    words = [w.text for w in c.words]
    name = c.name or ""
    if name == "read" and _reads_terminal(c, fed):
        return "reads an answer from the terminal"
    if name in _DIALOGS and not _NO_WAIT_BOXES & set(words):
        return f"shows a {name} dialog and waits for an answer"
    if _password(c, words):
        return "asks for a password"
    if name in _CONTAINER_CLIS and _tty_container(c, words):
        return "runs a container with an interactive terminal (-it): it needs one"
    if _unanswered_package_change(c, words):
        return f"{name} changes packages without -y and asks for confirmation"
    if _sudo_forgets_password(c):
        return "sudo -k forgets the cached credentials: it asks for the password at this step"
    if _su_asks_root_password(c):
        return "su to root asks for root's password unless the script already runs as root"
    return None
