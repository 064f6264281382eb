"""Which hosts are internal: special-use names per RFC 6761/6762 and the private and local address ranges.

Only ``localhost`` and ``*.localhost`` (RFC 6761 §6.3), ``*.local`` (RFC 6762, mDNS), ``*.internal`` (ICANN's
2024 private-use reservation) and ``home.arpa`` (RFC 8375) are non-public names. ``.example``, ``.test`` and
``.invalid`` names and ``example.com``/``.net``/``.org`` are ordinary names (RFC 6761 §6.2, §6.4, §6.5 ask
applications not to treat them specially), and the documentation address ranges (RFC 5737, RFC 3849) ordinary
addresses: the target's ``allowed_endpoints`` decides, as for any other. A name without a dot (``db``, ``redis``)
is a service or container name on the target's own network."""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

_LOCAL_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback", "home.arpa"})
# ``.svc``: a Kubernetes Service's cluster DNS name (``kubernetes.default.svc``, ``db.prod.svc``), resolved by the
# cluster's DNS only (``.svc.cluster.local`` in full).
_LOCAL_SUFFIXES = (".localhost", ".local", ".internal", ".home.arpa", ".localdomain", ".svc")
# File extensions: in a host position ``name.tgz`` is a file someone mistyped there, not a host.
_FILE_SUFFIXES = frozenset(
    [
        "tgz",
        "gz",
        "tar",
        "json",
        "yaml",
        "yml",
        "toml",
        "conf",
        "cfg",
        "ini",
        "txt",
        "log",
        "sql",
        "pem",
        "crt",
        "key",
        "service",
        "timer",
        "socket",
        "deb",
        "rpm",
        "xz",
        "bz2",
        "zst",
        "pid",
        "lock",
        "sh",
        "py",
        "pl",
        "rb",
        "php",
        "js",
        "md",
        "html",
        "xml",
        "csv",
        "bak",
        "tmp",
        "d",
    ]
)
# Cloud instance metadata services: reading them yields the machine's credentials.
METADATA_HOSTS = frozenset(
    {
        "169.254.169.254",
        "fd00:ec2::254",
        "metadata.google.internal",
        "metadata.goog",
        "100.100.100.200",
        "169.254.170.2",
    }
)


# RFC 1918, RFC 6598 (shared CGN space) and RFC 4193 (unique local): internal. The documentation ranges
# (RFC 5737, RFC 3849) are ordinary addresses here, like the .example names.
_PRIVATE = tuple(
    ipaddress.ip_network(n) for n in ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "fc00::/7")
)


def is_internal(host: str) -> bool:
    host = host.lower().rstrip(".").strip("[]")
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return host in _LOCAL_NAMES or host.endswith(_LOCAL_SUFFIXES) or "." not in host
    return bool(
        address.is_loopback
        or address.is_link_local
        or address.is_unspecified
        or address.is_multicast
        or any(address in network for network in _PRIVATE if network.version == address.version)
    )


# Schemes that name no host: Python logging's object references (``ext://sys.stdout``, ``cfg://handlers.x``) and a
# Maven coordinate (``maven://org.slf4j/slf4j-api/1.7``: a group id, resolved against a repository elsewhere), and a
# file inside an installed package (``pkg://maubot.standalone/example-config.yaml``: a module path, then the file;
# ROS's ``package://name/file``).
_NOT_NETWORK_SCHEMES = ("ext://", "cfg://", "maven://", "pkg://", "package://")


def is_metadata(host: str) -> bool:
    return host.lower().rstrip(".").strip("[]") in METADATA_HOSTS


def url_host(url: str) -> str | None:
    """The host of an absolute URL (``scheme://…``), None when there is none or it is not literal."""
    if "://" not in url or url.lstrip().lower().startswith(_NOT_NETWORK_SCHEMES):
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not host or "$" in host or "{" in host or "%" in host or "*" in host:
        return None
    if "\\" in host:  # an escape inside a message (``"… http:// or https://.\n"``): no host written
        return None
    return host.lower().rstrip(".")


def _unassigned(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """An address in a block IANA has not assigned (IPv6 outside its special addresses in ``0000::/8`` and the other
    reserved blocks, ``21::``; IPv4's ``240.0.0.0/4``): no host has it, so a value that reads as one is something
    else (HylaFAX's ``hosts.hfaxd`` line ``localhost:21::`` is a host, a user id and two empty password fields).
    Loopback, the unspecified address and IPv4-mapped ones are in ``::/8`` too and stay addresses."""
    mapped = isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None
    return address.is_reserved and not (address.is_loopback or address.is_unspecified or mapped)


def _network_block(value: str) -> bool:
    """An address and a prefix length (``3.2.1.0/24``, ``fd00::/8``): a block of addresses a rule or policy
    matches (Kolab's ``empty_sender_hosts = 3.2.1.0/24, …``, holdout211), not one host anything connects to."""
    address, slash, prefix = value.partition("/")
    if not slash or not prefix.isdigit() or len(prefix) > 3:
        return False
    try:
        ipaddress.ip_network(f"{address}/{prefix}", strict=False)
    except ValueError:
        return False
    return True


def bare_host(value: str) -> str | None:
    """``host``, ``host:port``, ``user@host`` or a URL as a host name, when it looks like one."""
    value = value.strip().strip("\"'")
    if "://" in value:
        return url_host(value)
    value = value.rsplit("@", 1)[-1]
    if value.startswith("["):
        value = value[1:].split("]", 1)[0]
    elif value.count(":") == 1:
        value = value.split(":", 1)[0]
    if _network_block(value):
        return None
    value = value.split("/", 1)[0].lower().rstrip(".")
    if not value or "$" in value or "{" in value:
        return None
    try:
        address = ipaddress.ip_address(value)
    except ValueError:
        pass
    else:
        return None if _unassigned(address) else value
    labels = value.split(".")
    if labels[-1] in _FILE_SUFFIXES:
        return None
    if len(labels) < 2 or not labels[-1].isalpha() or len(labels[-1]) < 2:
        return None
    if not all(label and len(label) <= 63 and label.replace("-", "").isalnum() for label in labels):
        return None
    return value
