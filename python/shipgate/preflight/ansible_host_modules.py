"""Ansible modules that change the host's kernel or a program's privileges, written as the command that does the
same (``shipgate.preflight.embedded`` places it at the task's line, run as root), so the shell checks
(``kernel_settings``, ``privileged_binary``) read them as they read a script:

- ``sysctl`` (``ansible.posix.sysctl``): ``name``/``value`` → ``sysctl -w name=value``; ``state: absent`` removes
  the key from the file and sets nothing;
- ``modprobe`` (``community.general.modprobe``): ``name`` → ``modprobe name``; ``state: absent`` unloads;
- ``capabilities`` (``community.general.capabilities``): ``path``/``capability`` → ``setcap capability path``;
  ``state: absent`` drops it;
- ``service``/``systemd``/``systemd_service``: ``name`` with ``state: stopped`` → ``systemctl stop name``, with
  ``enabled: no`` → ``systemctl disable name`` (both: ``systemctl disable --now name``), so a firewall or audit
  daemon switched off reads as ``protection_disabled`` does in a script; starting or enabling a service is not
  written (it changes no protection);
- ``lineinfile``: ``line`` into ``path`` (or ``dest``) → ``echo LINE >> PATH``, so a setting it writes
  (``admin_password=…``, ``TLS_REQCERT never``) is read as a script's written line is (``state: absent`` removes);
- ``copy`` with ``content`` (no ``src``): each line of the content into ``dest`` → ``echo LINE >> DEST``, at the
  line it is written on in a block scalar (``content: |``), or all at the ``content:`` line for a one-line value,
  so a sudoers rule, an apt source or a password it writes is read as a script's heredoc would be;
- ``sudoers`` (``community.general.sudoers``): the rule it writes for ``user`` (or ``%group``) into
  ``sudoers_path``/``name`` (``/etc/sudoers.d/NAME`` by default) → ``echo 'USER ALL=(RUNAS) NOPASSWD: COMMANDS' >>
  FILE`` at the ``user:``/``group:`` line (``nopassword`` is the module's default; ``state: absent`` removes), so
  the persistence check reads it as a sudoers drop-in a script writes.

A Jinja expression is ``${ANSIBLE_VALUE}`` (a value known when the play runs).
"""

from __future__ import annotations

import re
import shlex

_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}")
_SYSCTL = frozenset({"sysctl", "ansible.posix.sysctl", "ansible.builtin.sysctl"})
_MODPROBE = frozenset({"modprobe", "community.general.modprobe"})
_CAPABILITIES = frozenset({"community.general.capabilities", "capabilities"})
_SERVICE = frozenset(
    f"{prefix}{name}"
    for prefix in ("", "ansible.builtin.", "ansible.legacy.")
    for name in ("service", "systemd", "systemd_service")
)
_LINEINFILE = frozenset({"lineinfile", "ansible.builtin.lineinfile", "ansible.legacy.lineinfile"})
_SUDOERS = frozenset({"sudoers", "community.general.sudoers"})
HOST_MODULES = _SYSCTL | _MODPROBE | _CAPABILITIES | _SERVICE | _LINEINFILE | _SUDOERS
COPY_MODULES = frozenset({"copy", "ansible.builtin.copy", "ansible.legacy.copy"})
# Lines of a ``content:`` read at most (a file's worth of settings, not a bundled document).
_MAX_CONTENT_LINES = 200
# Names that mark a YAML list as a task list (the short ``capabilities`` also names a container's grants, the short
# ``sudoers`` a cloud-init or account list's rule).
TASK_MARKERS = (HOST_MODULES - {"capabilities", "service", "systemd", "lineinfile", "sudoers"}) | (
    COPY_MODULES - {"copy"}
)
_FALSE = frozenset({"no", "false", "off", "0"})


def _value(args: dict[str, tuple[str, int]], key: str) -> str:
    return shlex.quote(_JINJA.sub("${ANSIBLE_VALUE}", args[key][0]))


def host_module_command(module: str, args: dict[str, tuple[str, int]]) -> tuple[int, str] | None:
    """(line, shell command) of a host-changing module task with ``args``; None for any other module, a removal
    (``state: absent``), or a task missing the arguments it needs."""
    if args.get("state", ("present", 0))[0] == "absent":
        return None
    if module in _SYSCTL and "name" in args and "value" in args:
        return args["name"][1], f"sysctl -w {_value(args, 'name')}={_value(args, 'value')}"
    if module in _MODPROBE and "name" in args:
        return args["name"][1], f"modprobe {_value(args, 'name')}"
    if module in _CAPABILITIES and "path" in args and "capability" in args:
        return args["capability"][1], f"setcap {_value(args, 'capability')} {_value(args, 'path')}"
    if module in _SERVICE and "name" in args:
        return _service_command(args)
    path = args.get("path", args.get("dest"))
    if module in _LINEINFILE and "line" in args and path is not None:
        return args["line"][1], f"echo {_value(args, 'line')} >> {_value(args, 'path' if 'path' in args else 'dest')}"
    if module in _SUDOERS:
        return _sudoers_rule(args)
    return None


def _sudoers_rule(args: dict[str, tuple[str, int]]) -> tuple[int, str] | None:
    """``echo RULE >> /etc/sudoers.d/NAME`` of a sudoers task: the rule for its ``user`` or ``%group``; None
    without a name or an account (the module refuses the task)."""
    who = "user" if "user" in args else "group"
    if "name" not in args or who not in args:
        return None
    account = _JINJA.sub("${ANSIBLE_VALUE}", args[who][0])
    runas = _JINJA.sub("${ANSIBLE_VALUE}", args.get("runas", ("ALL", 0))[0])
    commands = _JINJA.sub("${ANSIBLE_VALUE}", args.get("commands", ("${ANSIBLE_VALUE}", 0))[0])
    tag = "" if args.get("nopassword", ("yes", 0))[0].strip().lower() in _FALSE else "NOPASSWD: "
    rule = f"{'%' if who == 'group' else ''}{account} ALL=({runas}) {tag}{commands}"
    directory = _JINJA.sub("${ANSIBLE_VALUE}", args.get("sudoers_path", ("/etc/sudoers.d", 0))[0]).rstrip("/")
    path = f"{directory}/{_JINJA.sub('${ANSIBLE_VALUE}', args['name'][0])}"
    return args[who][1], f"echo {shlex.quote(rule)} >> {shlex.quote(path)}"


def _service_command(args: dict[str, tuple[str, int]]) -> tuple[int, str] | None:
    """``systemctl stop``/``disable [--now]`` of a service task that stops or disables its unit."""
    stopped = args.get("state", ("", 0))[0].strip().lower() == "stopped"
    disabled = args.get("enabled", ("", 0))[0].strip().lower() in _FALSE
    if not (stopped or disabled):
        return None
    verb = "disable --now" if stopped and disabled else ("stop" if stopped else "disable")
    return args["name"][1], f"systemctl {verb} {_value(args, 'name')}"


def copied_content(args: dict[str, tuple[str, int]], *, block: bool) -> list[tuple[int, str]]:
    """(line, shell command) for each line a ``copy`` task's ``content`` writes into its ``dest``: the first
    ``echo … > DEST``, the others ``>>``; none without both (a ``src`` copies a file of the role, read on its own).
    ``block``: the content is a block scalar (``content: |``), each line on its own line of the file after it."""
    if "content" not in args or "dest" not in args or args.get("state", ("", 0))[0] == "absent":
        return []
    content, line = args["content"]
    dest = _value(args, "dest")
    lines = content.removesuffix("\n").split("\n")[:_MAX_CONTENT_LINES]
    return [
        (
            line + index + 1 if block else line,
            f"echo {shlex.quote(_JINJA.sub('${ANSIBLE_VALUE}', text))} {'>' if index == 0 else '>>'} {dest}",
        )
        for index, text in enumerate(lines if block else ["\\n".join(lines)])
    ]
