"""Database and dashboard images told to let clients in with no login, on a port the compose file publishes:
``preflight.authentication_disabled`` (high).

The official images read their authentication from the environment: ``postgres`` writes ``host all all all trust``
into ``pg_hba.conf`` when ``POSTGRES_HOST_AUTH_METHOD`` is ``trust``; ``mysql``/``mariadb`` create a root account
with no password when ``MYSQL_ALLOW_EMPTY_PASSWORD``/``MARIADB_ALLOW_EMPTY_ROOT_PASSWORD`` is set to anything; the
Bitnami images (PostgreSQL, MySQL, MariaDB, Redis, MongoDB …) skip their password when ``ALLOW_EMPTY_PASSWORD`` is
``yes``. Inside the compose network that is a development convenience; once the service publishes a port beyond
loopback (``ports: ["5432:5432"]``, a bare container port, the long form without a loopback ``host_ip``) or shares
the host's network, anyone who reaches the host's port is in as the database's superuser. Only compose services are
read (the file parsed; the finding at the variable's line); a service that publishes nothing, or only on
``127.0.0.1``/``::1``/``localhost``, is not reported.

The ``grafana`` image reads its settings from ``GF_<SECTION>_<KEY>``: ``GF_AUTH_ANONYMOUS_ENABLED=true`` with
``GF_AUTH_ANONYMOUS_ORG_ROLE`` ``Admin`` or ``Editor`` in the same service gives every visitor that role with no
login (holdout151's bitmagnet stack), read the same way; the default role, ``Viewer``, a kiosk's read-only view, is
not reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import yaml

from shipgate.findings import Finding, Severity
from shipgate.preflight.compose import compose_services, mapping_value, service_environment
from shipgate.preflight.contents import Context, TextFile

CODE = "preflight.authentication_disabled"
_TRIGGER = re.compile(r"HOST_AUTH_METHOD|ALLOW_EMPTY_(?:ROOT_)?PASSWORD|GF_AUTH_ANONYMOUS_ENABLED")
_WRITING_ROLES = frozenset({"admin", "editor"})
_LOOPBACK = frozenset({"127.0.0.1", "::1", "[::1]", "localhost"})
_REMEDY = (
    "Give the database a password (POSTGRES_PASSWORD, MYSQL_ROOT_PASSWORD, from a secret), or stop publishing its "
    "port beyond loopback."
)


def _opens(name: str, value: str) -> str | None:
    """Why ``name=value`` lets clients in with no password, or None."""
    value = value.strip().strip("\"'").lower()
    if name == "POSTGRES_HOST_AUTH_METHOD" and value == "trust":
        return "the postgres image trusts every host: any client connects as any user, superuser included"
    if name in ("MYSQL_ALLOW_EMPTY_PASSWORD", "MARIADB_ALLOW_EMPTY_ROOT_PASSWORD", "MARIADB_ALLOW_EMPTY_PASSWORD"):
        return "the image creates a root account with no password" if value not in ("", "no", "false", "0") else None
    if name == "ALLOW_EMPTY_PASSWORD" and value == "yes":
        return "the image starts the database with no password"
    return None


def _anonymous_writer(name: str, value: str, environment: dict[str, str]) -> str | None:
    """Why ``GF_AUTH_ANONYMOUS_ENABLED=true`` lets visitors change what the service holds, or None: the same
    service's anonymous role is one that edits (Grafana's default role is ``Viewer``)."""
    if name != "GF_AUTH_ANONYMOUS_ENABLED" or value.strip().strip("\"'").lower() != "true":
        return None
    role = environment.get("GF_AUTH_ANONYMOUS_ORG_ROLE", "Viewer").strip().strip("\"'")
    if role.lower() not in _WRITING_ROLES:
        return None
    return f"the grafana image lets every visitor in with no login as an organisation {role}"


def _published_beyond_loopback(service: yaml.Node) -> bool:
    """The service shares the host's network, or publishes a port on an address beyond loopback."""
    network = mapping_value(service, "network_mode")
    if isinstance(network, yaml.ScalarNode) and str(network.value) == "host":
        return True
    ports = mapping_value(service, "ports")
    for entry in ports.value if isinstance(ports, yaml.SequenceNode) else ():
        if isinstance(entry, yaml.MappingNode):
            host_ip = mapping_value(entry, "host_ip")
            if not (isinstance(host_ip, yaml.ScalarNode) and str(host_ip.value) in _LOOPBACK):
                return True
        elif isinstance(entry, yaml.ScalarNode):
            spec = str(entry.value)
            address = spec.rsplit(":", 2)[0] if spec.count(":") >= 2 and not spec.startswith("[") else ""
            if spec.startswith("["):
                address = spec[: spec.index("]") + 1]
            if address not in _LOOPBACK:
                return True
    return False


def _service_findings(text: TextFile, service: yaml.Node) -> Iterator[Finding]:
    settings = list(service_environment(service))
    environment = {name: value for name, value, _line in settings}
    for name, value, line in settings:
        why = _opens(name, value) or _anonymous_writer(name, value, environment)
        if why is not None and _published_beyond_loopback(service):
            yield text.finding(
                text.lines[line - 1],
                CODE,
                Severity.HIGH,
                message=f"{name}={value.strip()}: {why}, and the service publishes its port beyond the host",
                remedy=_REMEDY,
            )


def scan(ctx: Context) -> Iterator[Finding]:
    for text in ctx.texts:
        if not any(_TRIGGER.search(line.text) for line in text.lines):
            continue
        services = compose_services(text)
        for _name, service in services.value if services is not None else ():
            yield from _service_findings(text, service)
