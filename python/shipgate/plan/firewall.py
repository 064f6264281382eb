"""What in a script command changes the firewall, as the plan reads preflight's parsed commands:
- rule changes through the firewall's own tools: ``iptables``/``ip6tables`` (and their ``-nft``/``-legacy``
  builds, ``ebtables``, ``arptables``) appending, inserting, deleting, replacing or flushing rules, setting a
  policy or creating and deleting chains; ``iptables-restore``; ``nft`` adding, inserting, deleting, flushing,
  replacing or loading (``-f``) rules; ``ufw enable``, ``allow``, ``deny``, ``delete``, ``default``, ``reload`` …;
  ``firewall-cmd --add-…``, ``--remove-…``, ``--set-…``, ``--reload`` (which replaces the running rules by the
  permanent ones);
- the unit that is the firewall (``firewalld``, ``iptables``, ``ip6tables``, ``nftables``, ``ufw``,
  ``netfilter-persistent``, or a unit named for one of them, ``openvpn-iptables.service``) started, stopped,
  restarted or reloaded, also through ``enable --now``/``disable --now`` (``netfilter-persistent reload`` too);
- a command named for the firewall that the script does not define itself (a vendor's
  ``vpn-server-node-generate-firewall --install``), unless its name says it only lists or checks.
Reading the rules (``iptables -L``/``-S``/``-C``, ``nft list``, ``ufw status``, ``firewall-cmd --list-…``/
``--get-…``/``--query-…``/``--state``) changes nothing.
"""

from __future__ import annotations

import posixpath
import re

from shipgate.preflight.shell.model import Command

_IPTABLES = frozenset({"iptables", "ip6tables", "iptables-nft", "ip6tables-nft", "iptables-legacy",
                       "ip6tables-legacy", "ebtables", "arptables"})
_RESTORES = frozenset({"iptables-restore", "ip6tables-restore", "iptables-nft-restore", "ip6tables-nft-restore",
                       "iptables-legacy-restore", "ip6tables-legacy-restore", "ebtables-restore"})
# iptables' commands that change the tables (short letters and long names); -L/-S/-C/-Z only read or count.
_IPTABLES_SHORT = frozenset("ADIRFPNXE")
_IPTABLES_LONG = frozenset({"--append", "--delete", "--insert", "--replace", "--flush", "--policy", "--new-chain",
                            "--delete-chain", "--rename-chain"})
# iptables' options that take the next word as their value (the value may start with a letter of a command).
_IPTABLES_VALUE_OPTIONS = frozenset({"-t", "--table", "-s", "--source", "-d", "--destination", "-i", "-o", "-p",
                                     "-j", "-m", "-g", "--comment", "--dport", "--sport", "--to", "--state",
                                     "--to-source", "--to-destination", "--to-ports", "--ctstate"})
_NFT_CHANGES = frozenset({"add", "insert", "delete", "destroy", "flush", "create", "replace", "rename"})
_UFW_CHANGES = frozenset({"enable", "disable", "allow", "deny", "reject", "limit", "delete", "insert", "prepend",
                          "default", "reset", "reload", "route"})
_FIREWALLD_CHANGES = ("--add-", "--remove-", "--set-", "--change-", "--new-", "--delete-", "--load-", "--reset-",
                      "--reload", "--complete-reload", "--runtime-to-permanent", "--panic-", "--lockdown-")
FIREWALL_UNITS = frozenset({"firewalld", "iptables", "ip6tables", "nftables", "ufw", "netfilter-persistent",
                            "ebtables", "shorewall", "shorewall6", "ferm", "arno-iptables-firewall"})
_UNIT_VERBS = frozenset({"start", "stop", "restart", "reload", "try-restart", "reload-or-restart", "force-reload",
                         "try-reload-or-restart", "condrestart", "force-restart"})
_NOW_VERBS = frozenset({"enable", "disable", "mask"})
_WORD = re.compile(r"[a-z0-9]+")
_NAMED_FOR_FIREWALL = frozenset({"firewall", "iptables", "nftables"})
_ONLY_LOOKS = frozenset({"list", "show", "status", "check", "test", "get", "query", "info", "help", "version", "save"})


def firewall_unit(unit: str) -> bool:
    """Whether a unit (``ufw``, ``iptables.service``, ``openvpn-iptables.service``) is the firewall itself."""
    name = posixpath.basename(unit).removesuffix(".service")
    return name in FIREWALL_UNITS or bool({"iptables", "ip6tables", "nftables", "firewall", "firewalld"}
                                          & set(_WORD.findall(name.lower())))


def _operands(words: list[str]) -> list[str]:
    return [w for w in words if not w.startswith("-")]


def _iptables_changes(words: list[str]) -> bool:
    i = 0
    while i < len(words):
        w = words[i]
        if w in _IPTABLES_LONG:
            return True
        if w.startswith("-") and not w.startswith("--") and w[1:2] in _IPTABLES_SHORT:
            return True
        i += 2 if w in _IPTABLES_VALUE_OPTIONS else 1
    return False


def _units_changed(c: Command, words: list[str]) -> list[str]:
    """The units a service manager starts, stops, restarts or reloads (``enable --now`` included)."""
    name = c.name or ""
    ops = _operands(words)
    if name == "systemctl" and ops:
        if ops[0] in _UNIT_VERBS or (ops[0] in _NOW_VERBS and "--now" in words):
            return ops[1:]
    elif name in ("service", "invoke-rc.d", "rc-service") and len(ops) >= 2 and ops[1] in _UNIT_VERBS:
        return ops[:1]
    elif name == "netfilter-persistent" and ops[:1] in (["reload"], ["start"], ["restart"], ["flush"]):
        return [name]
    return []


def _named_for_firewall(c: Command, defined: frozenset[str]) -> bool:
    name = (c.name or "").lower()
    tokens = set(_WORD.findall(name))
    words = {w.lower() for w in (w.text for w in c.words)}
    return (name not in defined and bool(tokens & _NAMED_FOR_FIREWALL) and not tokens & _ONLY_LOOKS
            and not words & {"--help", "-h", "help", "status", "list"})


def changes_firewall(c: Command, *, defined: frozenset[str] = frozenset()) -> bool:
    """Whether the command changes the firewall (see the module's description)."""
    name = c.name or ""
    words = [w.text for w in c.words]
    if name in _IPTABLES:
        return _iptables_changes(words)
    if name in _RESTORES:
        return not {"-t", "--test"} & set(words)
    if name == "nft":
        ops = _operands(words)
        return "-f" in words or "--file" in words or bool(ops and ops[0] in _NFT_CHANGES)
    if name == "ufw":
        ops = _operands(words)
        return bool(ops and ops[0] in _UFW_CHANGES)
    if name == "firewall-cmd":
        return any(w.startswith(_FIREWALLD_CHANGES) for w in words)
    if any(firewall_unit(u) for u in _units_changed(c, words)):
        return True
    return _named_for_firewall(c, defined)
