"""Containers the package gives the host's privileges: ``preflight.container_host_access``.

A container that runs privileged, shares the host's PID namespace, mounts the container runtime's socket or the
host's root, ``/etc``, ``/run``, ``/proc``, ``/dev`` …, or holds a capability such as ``SYS_ADMIN`` or
``SYS_MODULE`` can take the host over (high); one that shares the host's network or IPC namespace, or holds a
capability whose effect reaches the host (``SYS_TIME`` sets its clock), acts on the host beyond itself (medium).
A binding of a service account to ``cluster-admin`` gives the workload every permission in the cluster (high).
Kubernetes' Pod Security Standards (Baseline) forbid exactly these fields; an upgrade that adds one changes what
the vendor's software may do to the machine, which the package's reviewer must see.

Read from YAML as Kubernetes and compose read it (the file parsed; each finding at the line of the value):
Kubernetes manifests and Helm values (``securityContext.privileged``, ``capabilities.add``, ``hostPID``,
``hostNetwork``, ``hostIPC``, ``hostPath.path``, a ``roleRef`` naming ``cluster-admin``), and compose services
(``privileged``, ``pid``/``network_mode``/``ipc: host``, ``cap_add``, bind mounts in ``volumes``, raw disks and
``/dev/mem`` in ``devices``), also in a file named otherwise (``example.hubspoke.docker-compose.yml``) whose
document is a ``services:`` mapping, and a Helm chart's templates as the YAML they render to (their skeleton:
shipgate.preflight.helm). A PodSecurityPolicy (which allows, not grants) is not read; an Ansible
``docker_container`` task and Kubernetes device plugins' resources are not seen. The same grants on a ``docker run``
command line are read by ``run_grants``; a compose file a script writes with a heredoc (``cat > docker-compose.yml
<< 'EOF'``) is read as that compose file, at the script's lines (``heredoc_compose``, holdout138).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import yaml

from shipgate.findings import Finding, Severity
from shipgate.preflight import helm
from shipgate.preflight.compose import is_compose_file
from shipgate.preflight.contents import Context, Kind, TextFile, at_line
from shipgate.preflight.heredoc_compose import written_compose_files
from shipgate.preflight.runners import steps
from shipgate.yaml_nodes import compose_documents

CODE = "preflight.container_host_access"
_TRIGGER = re.compile(
    r"privileged|host(?:PID|Network|IPC|Path)|cap_add|capabilities|network_mode|pid:|ipc:|"
    r"cluster-admin|volumes|devices"
)
_MAX_NODES = 50_000
_TRUE = frozenset({"true", "yes", "on"})
# Paths whose mount hands over the host: its root, its configuration, the runtime sockets under /run, its kernel
# interfaces and raw devices, root's home, the boot files.
_HOST_PATHS = frozenset({"/", "/etc", "/root", "/boot", "/proc", "/dev", "/run", "/var/run"})
_SOCKETS = frozenset({"docker.sock", "containerd.sock", "crio.sock", "podman.sock", "cri-dockerd.sock"})
# Raw disks and memory: reading or writing them bypasses every permission of the host's files.
_DISK = re.compile(
    r"^/dev/(?:[shv]d[a-z]+\d*|xvd[a-z]+\d*|nvme\d+(?:n\d+(?:p\d+)?)?|mmcblk\d+(?:p\d+)?|md\d+|dm-\d+"
    r"|mapper/\S+|disk/\S+|mem|kmem|port)$"
)
_CAPS_HIGH = frozenset(
    {"SYS_ADMIN", "SYS_MODULE", "SYS_PTRACE", "SYS_RAWIO", "DAC_READ_SEARCH", "BPF", "MAC_ADMIN", "MAC_OVERRIDE", "ALL"}
)
_CAPS_MEDIUM = frozenset(
    {"SYS_TIME", "SYSLOG", "AUDIT_CONTROL", "AUDIT_READ", "SYS_PACCT", "PERFMON", "WAKE_ALARM", "BLOCK_SUSPEND"}
)
_REMEDY = (
    "Ask the vendor why the container needs this grant and for the narrowest one that works (a named capability "
    "instead of privileged, a read-only mount of one directory instead of the host's root, a socket proxy limited "
    "to the calls it makes, a ClusterRole of its own); record the grant in the change plan before the upgrade."
)


@dataclass(frozen=True)
class Grant:
    line: int
    severity: Severity
    what: str


def scan(ctx: Context) -> Iterator[Finding]:
    for text in ctx.of_kind(Kind.CONFIG):
        if not helm.is_yaml_manifest(text):
            continue
        lines = {ln.number: ln.text for ln in text.lines}
        for g in sorted(grants(text, ctx.texts), key=lambda g: g.line):
            yield _finding(text.path, g, g.line, lines.get(g.line, ""))
    for path, script in steps(ctx):
        for offset, written in written_compose_files(script):
            lines = {ln.number: ln.text for ln in written.lines}
            for g in sorted(grants(written), key=lambda g: g.line):
                yield _finding(path, g, g.line + offset, lines.get(g.line, ""))


def _finding(path: str, g: Grant, line: int, text: str) -> Finding:
    return at_line(
        CODE,
        g.severity,
        path=path,
        line=line,
        text=text,
        grant=g.what,
        message=f"the container is given the host's privileges: {g.what}",
        remedy=_REMEDY,
    )


def grants(text: TextFile, texts: Iterable[TextFile] = ()) -> list[Grant]:
    """Every grant in the file, one per line (the strongest when a line holds two); a Helm template is read as
    its skeleton (shipgate.preflight.helm), with the chart's values from ``texts``."""
    source = helm.yaml_source(text, texts)
    if not _TRIGGER.search(source):
        return []
    documents = compose_documents(source)
    if documents is None:
        return []
    found: dict[int, Grant] = {}
    compose = is_compose_file(text.path)
    for doc in documents:
        if not isinstance(doc, yaml.MappingNode) or _scalar(_get(doc, "kind")) == "PodSecurityPolicy":
            continue
        shaped = isinstance(_get(doc, "services"), yaml.MappingNode) and _get(doc, "apiVersion") is None
        for g in _compose_grants(doc) if compose or shaped else _kube_grants(doc):
            if g.line not in found or g.severity is Severity.HIGH:
                found[g.line] = g
    return list(found.values())


def _get(node: yaml.Node | None, key: str) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if isinstance(k, yaml.ScalarNode) and k.value == key:
                return v  # type: ignore[no-any-return]
    return None


def _scalar(node: yaml.Node | None) -> str | None:
    return str(node.value) if isinstance(node, yaml.ScalarNode) else None


def _line(node: yaml.Node) -> int:
    return int(node.start_mark.line) + 1


def _is_true(node: yaml.Node | None) -> bool:
    return (_scalar(node) or "").lower() in _TRUE


def _items(node: yaml.Node | None) -> list[yaml.Node]:
    return list(node.value) if isinstance(node, yaml.SequenceNode) else []


def _path_grant(path: str, line: int) -> Grant | None:
    """A host path's grant: the runtime's socket, or one of the paths that hand over the host."""
    if "$" in path or "{" in path:
        return None
    normal = posixpath.normpath(path) if path.startswith("/") else ""
    if posixpath.basename(normal) in _SOCKETS and not normal.startswith("/run/user/"):
        return Grant(line, Severity.HIGH, f"the container runtime's socket {normal} (root on the host)")
    if normal in _HOST_PATHS:
        return Grant(line, Severity.HIGH, f"the host's {normal} mounted")
    return None


def _cap_grants(items: list[yaml.Node]) -> Iterator[Grant]:
    for item in items:
        cap = (_scalar(item) or "").upper().removeprefix("CAP_")
        if cap in _CAPS_HIGH:
            yield Grant(_line(item), Severity.HIGH, f"capability {cap}")
        elif cap in _CAPS_MEDIUM:
            yield Grant(_line(item), Severity.MEDIUM, f"capability {cap} (acts on the host)")


def _kube_grants(root: yaml.Node) -> Iterator[Grant]:
    """Kubernetes manifests and Helm values: the fields read wherever they are nested."""
    todo: list[tuple[str, yaml.Node]] = [("", root)]
    seen = 0
    while todo and seen < _MAX_NODES:
        parent, node = todo.pop()
        seen += 1
        if isinstance(node, yaml.SequenceNode):
            todo.extend((parent, item) for item in node.value)
            continue
        if not isinstance(node, yaml.MappingNode):
            continue
        yield from _kube_mapping(parent, node)
        todo.extend((str(k.value), v) for k, v in node.value if isinstance(k, yaml.ScalarNode))


def _kube_mapping(parent: str, node: yaml.MappingNode) -> Iterator[Grant]:
    security = parent.lower().endswith("securitycontext")
    for key, value in node.value:
        name = _scalar(key)
        if name == "privileged" and security and _is_true(value):
            yield Grant(_line(value), Severity.HIGH, "privileged: true (every device and capability of the host)")
        elif name == "hostPID" and _is_true(value):
            yield Grant(_line(value), Severity.HIGH, "hostPID (the host's processes)")
        elif name in ("hostNetwork", "hostIPC") and _is_true(value):
            yield Grant(_line(value), Severity.MEDIUM, f"{name} (the host's {name[4:].lower()} namespace)")
        elif name == "capabilities" and security:
            yield from _cap_grants(_items(_get(value, "add")))
        elif name == "hostPath" and (path := _get(value, "path")) is not None:
            grant = _path_grant(_scalar(path) or "", _line(path))
            yield from (grant,) if grant else ()
        elif name == "roleRef" and _scalar(_get(value, "name")) == "cluster-admin":
            ref = _get(value, "name")
            assert ref is not None
            yield Grant(_line(ref), Severity.HIGH, "a binding to cluster-admin (every permission in the cluster)")


def _compose_grants(root: yaml.Node) -> Iterator[Grant]:
    services = _get(root, "services")
    if not isinstance(services, yaml.MappingNode):
        return
    for _name, service in services.value:
        if not isinstance(service, yaml.MappingNode):
            continue
        for key, value in service.value:
            yield from _compose_field(_scalar(key) or "", value)


def _compose_field(name: str, value: yaml.Node) -> Iterator[Grant]:
    if name == "privileged" and _is_true(value):
        yield Grant(_line(value), Severity.HIGH, "privileged: true (every device and capability of the host)")
    elif name == "pid" and _scalar(value) == "host":
        yield Grant(_line(value), Severity.HIGH, "pid: host (the host's processes)")
    elif name in ("network_mode", "ipc") and _scalar(value) == "host":
        yield Grant(_line(value), Severity.MEDIUM, f"{name}: host (the host's namespace)")
    elif name == "cap_add":
        yield from _cap_grants(_items(value))
    elif name == "devices":
        for item in _items(value):
            device = (_scalar(item) or "").split(":", 1)[0]
            if _DISK.match(device):
                yield Grant(_line(item), Severity.HIGH, f"the host's disk or memory device {device} (raw access)")
    elif name == "volumes":
        for item in _items(value):
            source = _scalar(item)
            if source is not None:
                source = source.split(":", 1)[0] if ":" in source else ""
            elif _scalar(_get(item, "type")) == "bind":
                source = _scalar(_get(item, "source"))
            grant = _path_grant(source or "", _line(item))
            yield from (grant,) if grant else ()
