"""The hook commands of a WireGuard interface a script writes and brings up at once.

wg-quick runs a config's ``PreUp``/``PostUp`` values with bash as it brings the interface up (wg-quick(8)). A script
that writes such a config with a here-document (``cat > "$WG_DIR/wg0.conf" <<EOF`` … ``PreUp = sysctl -w
net.ipv4.ip_forward=1`` … ``EOF``) and then starts the interface itself (``systemctl start wg-quick@wg0``,
``wg-quick up wg0``, ``systemctl enable --now wg-quick@wg0``) runs those commands in its own run (hold-out set 198's
wireguard-manager). Each hook is parsed as shell at its line of the here-document. Not a config only enabled for the
next boot or left for the operator to bring up (holdout177's WireGuard-RPi), nor the down hooks."""

from __future__ import annotations

import re
from collections.abc import Iterator

from shipgate.preflight.shell.commands import has_flag, operands
from shipgate.preflight.shell.model import Command, Script
from shipgate.preflight.shell.reader import parse_script

_HOOK = re.compile(r"^\s*(?:PreUp|PostUp)\s*=\s*(\S.*)$")
_INTERFACE = re.compile(r"^\s*\[Interface\]\s*$", re.M)
_START_VERBS = frozenset({"start", "restart", "reload-or-restart", "try-restart"})
_MAX_HOOKS = 16  # hooks read per script
_MAX_BODY_LINES = 200  # lines of one here-document searched for hooks


def _brings_up(command: Command) -> bool:
    """``wg-quick up wg0``, ``systemctl start wg-quick@wg0`` (or ``enable --now``): the interface comes up now."""
    if command.name not in ("wg-quick", "systemctl"):
        return False
    names = [w.text for w in operands(command)]
    if command.name == "wg-quick":
        return names[:1] == ["up"]
    if not names:
        return False
    now = names[0] in _START_VERBS or (names[0] == "enable" and has_flag(command, "--now"))
    return now and any(n.strip("\"'").startswith("wg-quick@") for n in names[1:])


def started_hooks(script: Script) -> Iterator[tuple[int, Script]]:
    """(line, parsed hook) of each up hook in a here-document holding an ``[Interface]`` section, when the script
    also brings an interface up."""
    if not any(_brings_up(c) for c in script.commands):
        return
    found = 0
    for command in script.commands:
        for redirect in command.redirects:
            body, first = redirect.body, redirect.body_line
            if body is None or first is None or not _INTERFACE.search(body):
                continue
            for offset, line in enumerate(body.splitlines()[:_MAX_BODY_LINES]):
                m = _HOOK.match(line)
                if m is None or found >= _MAX_HOOKS:
                    continue
                found += 1
                yield first + offset, parse_script(m.group(1), path=script.path)
