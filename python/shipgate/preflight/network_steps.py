"""Root-only changes to the host's network configuration that the general rules in ``privilege.root_only`` do not
name: iproute2's ``ip OBJECT VERB`` when the verb changes the object (``ip route add``, ``ip link set eth0 up``,
``ip addr flush``), net-tools' ``route add``/``route del``, and WireGuard's ``wg-quick up``/``down``/``save`` and
``wg set``/``setconf``/``addconf``/``syncconf``. Each needs CAP_NET_ADMIN (a VPN container's entrypoint brings its
tunnel up and routes the local subnets around it). The reading forms stay quiet: ``ip route``, ``ip -o addr show
dev eth0``, ``ip route get 1``, ``route -n``, ``wg show``, ``wg-quick strip``."""

from __future__ import annotations

from shipgate.preflight.shell.commands import positional_texts
from shipgate.preflight.shell.model import Command

# iproute2's global options that take a value (``ip -n NETNS route add …``, ``ip -f inet addr …``).
_IP_VALUED_OPTIONS = frozenset({"-n", "-netns", "-b", "-batch", "-f", "-family", "-l", "-loops", "-rc", "-rcvbuf"})
# iproute2 verbs that change an object; ``show``/``list``/``get``/``monitor`` (and no verb) only read, and
# ``ip netns exec NAME CMD`` runs CMD (judged on its own).
_IP_CHANGES = frozenset(
    {"add", "del", "delete", "change", "chg", "replace", "set", "flush", "append", "prepend", "attach", "detach"}
)
_ROUTE_CHANGES = frozenset({"add", "del", "delete", "flush"})
_WG_QUICK_CHANGES = frozenset({"up", "down", "save"})
_WG_CHANGES = frozenset({"set", "setconf", "addconf", "syncconf"})


def _ip_object_and_verb(args: list[str]) -> tuple[str, str]:
    """The object and the verb of ``ip [OPTIONS] OBJECT [VERB …]``; empty strings where the line has none."""
    positional = positional_texts(args, _IP_VALUED_OPTIONS)[:2]
    positional += ["", ""]
    return positional[0], positional[1]


def network_step(command: Command) -> str | None:
    """Why ``command`` changes the host's network configuration (which needs root), or None when it only reads it."""
    name = command.name or ""
    args = [w.text for w in command.words]
    if name == "ip":
        obj, verb = _ip_object_and_verb(args)
        if obj and verb in _IP_CHANGES:
            return f"ip {obj} {verb} changes the network configuration"
        return None
    verb = next((a for a in args if not a.startswith("-")), "")
    if name == "route" and verb in _ROUTE_CHANGES:
        return f"route {verb} changes the routing table"
    if name == "wg-quick" and verb in _WG_QUICK_CHANGES:
        return f"wg-quick {verb} changes a WireGuard interface"
    if name == "wg" and verb in _WG_CHANGES:
        return f"wg {verb} changes a WireGuard interface"
    return None
