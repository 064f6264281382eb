"""A program's own command that downloads a new build of it and writes that over its installed executable, checking
no checksum or signature: Caddy's ``caddy upgrade`` (and ``add-package``/``remove-package``, which ask Caddy's build
service for the same build with plugins added or removed) replaces the binary in place with what caddyserver.com
sends and runs it; nothing in the script can pin or check that build. The fetch and the install are one step, at the
command's line (docs/preflight.md, "Downloads").

Only the verbs that replace the binary count: ``caddy run``, ``caddy version``, ``caddy list-modules`` fetch
nothing. A tool whose own update checks a signature (``composer self-update`` verifies the phar's signature against
the keys it holds; ``tailscale update`` installs signed packages) is no such command."""

from __future__ import annotations

from collections.abc import Iterator

from shipgate.preflight.shell.commands import operands
from shipgate.preflight.shell.model import Command, Script

# Caddy's verbs that fetch a build and write it over the executable (also its egress: shipgate.preflight.egress)
CADDY_REPLACING = frozenset({"upgrade", "add-package", "remove-package"})
# program -> (its verbs that fetch and install a build over the executable, where the build comes from)
_SELF_REPLACING: dict[str, tuple[frozenset[str], str]] = {
    "caddy": (CADDY_REPLACING, "a Caddy build from caddyserver.com"),
}


def unchecked_self_replacements(script: Script) -> Iterator[tuple[Command, str]]:
    """(command, what it installs) of each command that replaces its own program's executable with a download."""
    for command in script.commands:
        known = _SELF_REPLACING.get(command.name or "")
        if known is None:
            continue
        verbs, build = known
        ops = operands(command)
        if ops and ops[0].text in verbs:
            yield command, build
