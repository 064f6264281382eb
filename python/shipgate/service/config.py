"""``shipgate serve`` configuration: one TOML file, read strictly (an unknown key or a wrong type is a
:class:`ServiceConfigError` naming it). Every key is optional::

    listen = "127.0.0.1:50051"              # gRPC
    http_listen = "127.0.0.1:8080"          # AdmissionReview, JSON admit, /metrics ("" = no HTTP side)
    state_url = "postgresql://..."          # default: $SHIPGATE_STATE_URL, else sqlite in the home
    trust_dir = "/etc/shipgate/trust"       # vendor trust files (default: <home>/trust)

    [policies]                              # names a Verify header may ask for; "default" when none asked
    default = "policies/default.toml"
    [environments]                          # inventories (docs/formats.md §3) a Verify header may name
    prod = "envs/prod.toml"

    [limits]
    max_archive_bytes = 8589934592          # declared size above this: RESOURCE_EXHAUSTED
    max_concurrent_uploads = 8              # one more: RESOURCE_EXHAUSTED
    uploads_per_caller = 2                  # uploads in flight for one identity (anonymous: all together)
    upload_deadline_seconds = 3600          # header to last byte: DEADLINE_EXCEEDED
    upload_idle_seconds = 30                # no message for this long: DEADLINE_EXCEEDED
    upload_min_bytes_per_second = 65536     # slower than this over a 30 s window: DEADLINE_EXCEEDED
    spool_dir = "/var/lib/shipgate/spool"   # default: a private directory the server creates (docs/deploying.md)
    spool_quota_bytes = 17179869184         # bytes received by uploads in flight above this: RESOURCE_EXHAUSTED
    spool_direct_io = true                  # O_DIRECT spool writes and reads (bypass the page cache)
    verify_while_uploading = true           # verify stored entries behind the writer on idle CPU (SHA-256)
    max_chunk_bytes = 1048576               # largest gRPC message accepted
    min_chunk_bytes = 65536                 # smaller chunks are coalesced; a stream of them is slowed, not spun on
    grpc_concurrent_calls = 128             # calls in progress on the server; one more: RESOURCE_EXHAUSTED
    grpc_connections = 4096                 # open gRPC connections; more are refused by the transport
    grpc_streams_per_connection = 32        # HTTP/2 max_concurrent_streams
    grpc_handshake_seconds = 10             # TLS + HTTP/2 handshake of a new connection
    grpc_idle_seconds = 300                 # a connection with no call for this long is closed (GOAWAY)
    http_request_seconds = 10               # HTTP: a request's first byte to its last body byte, else 408
    http_idle_seconds = 30                  # HTTP: keep-alive connections idle this long are closed
    http_connections = 512                  # HTTP: open connections; more are closed at accept
    http_connections_per_client = 64        # HTTP: open connections from one source address
    tls_handshake_seconds = 5               # HTTP: a TLS handshake not done by then is dropped
    shutdown_grace_seconds = 30             # SIGTERM: in-flight calls get this long, then are cancelled

    [tls]                                   # absent: plaintext (only loopback listeners, docs/deploying.md)
    cert = "server.pem"
    key = "server.key"
    client_ca = "clients-ca.pem"            # set: clients must present certificates from this CA (mTLS)

    [roles]                                 # identities: "CN=name", "DNS:host", "URI:...", "email:..." or "*"
    admin = ["CN=ops-admin"]
    uploader = ["DNS:artifactory.example.net"]
    admission = ["*"]                       # "*": any client with a verified certificate
    metrics = ["*"]                         # GET /metrics
    status = ["token:dashboard"]            # GET / (the status page) and its event stream
    allow_anonymous = ["admission"]         # roles of callers without a certificate (never admin)

    [admission]                             # how admission decides (shipgate/admission/settings.py)
    annotation = "shipgate.dev/package-sha256"
    fail_open = false                        # true: allow when the store fails (not advised)
    policy = "default"                       # only verdicts made under this [policies] entry count
    max_verdict_age = "30d"
    stale_feed = "deny"                      # a vendor whose advisory feed expired is failed closed

    [events]                                # webhook events (shipgate/events/settings.py)
    webhook = "https://repo.example.net/hooks/shipgate"
    secret_file = "webhook.secret"

    [advisories]                            # feed polling (shipgate/service/polling.py)
    poll_interval = "15m"

    [tokens]                                # HTTP bearer tokens; each proves the identity "token:NAME"
    dashboard = { file = "tokens/dashboard" }   # or { env = "SHIPGATE_DASHBOARD_TOKEN" }

    [gate]                                  # PUT /gate/<path> (shipgate/service/gate/settings.py)
    quarantine_dir = "/var/lib/shipgate/quarantine"
    [gate.routes."vendor-a/"]
    url = "https://nexus.example.net/repository/raw-vendor-a/"

Relative paths are relative to the configuration file.

Authentication fails closed (:meth:`ServiceConfig.check_exposure`): without a client CA nobody can prove an
identity, so anonymous callers get roles only where ``allow_anonymous`` says so, or, when it is absent, only
while every listener is on loopback (then ``uploader``, ``admission``, ``metrics`` and ``status``, for a workstation).
``require_client_cert = true`` without ``client_ca`` is an error; so is ``false`` with one (gRPC in Python
can only require a client certificate or not ask for one, and the HTTP side must map roles the same way).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from shipgate.admission.settings import AdmissionSettings
from shipgate.errors import ShipgateError
from shipgate.events.settings import EventSettings
from shipgate.inputs import InputRefused, load_toml
from shipgate.service.gate.settings import GateSettings
from shipgate.service.polling import PollSettings
from shipgate.service.secrets import SecretSource, source_in

ROLES = ("admin", "uploader", "admission", "metrics", "status")
ANONYMOUS_ROLES = ("uploader", "admission", "metrics", "status")
GiB = 1 << 30
DEFAULT_LISTEN = "127.0.0.1:50051"
_TOKEN_NAME = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
# A config file is a few hundred bytes; anything near this is a mistake.
MAX_CONFIG_BYTES = 1 << 20


class ServiceConfigError(ShipgateError):
    """The service configuration is invalid; the message names the key."""


@dataclass(frozen=True, kw_only=True)
class Limits:
    max_archive_bytes: int = 8 * GiB
    max_concurrent_uploads: int = 8
    uploads_per_caller: int = 2
    upload_deadline_seconds: float = 3600.0
    upload_idle_seconds: float = 30.0
    upload_min_bytes_per_second: int = 64 << 10
    spool_dir: Path | None = None
    spool_quota_bytes: int = 16 * GiB
    spool_direct_io: bool = True
    verify_while_uploading: bool = True
    max_chunk_bytes: int = 1 << 20
    min_chunk_bytes: int = 64 << 10
    grpc_concurrent_calls: int = 128
    grpc_connections: int = 4096
    grpc_streams_per_connection: int = 32
    grpc_handshake_seconds: float = 10.0
    grpc_idle_seconds: float = 300.0
    http_request_seconds: float = 10.0
    http_idle_seconds: float = 30.0
    http_connections: int = 512
    http_connections_per_client: int = 64
    tls_handshake_seconds: float = 5.0
    shutdown_grace_seconds: float = 30.0


@dataclass(frozen=True, kw_only=True)
class TlsConfig:
    cert: Path
    key: Path
    client_ca: Path | None = None


@dataclass(frozen=True, kw_only=True)
class RoleConfig:
    admin: tuple[str, ...] = ()
    uploader: tuple[str, ...] = ()
    admission: tuple[str, ...] = ()
    metrics: tuple[str, ...] = ()
    status: tuple[str, ...] = ()
    allow_anonymous: tuple[str, ...] | None = None
    """Roles of callers without a verified certificate; None = not said (see ``check_exposure``)."""

    def members(self, role: str) -> tuple[str, ...]:
        members: tuple[str, ...] = getattr(self, role)
        return members


@dataclass(frozen=True, kw_only=True)
class ServiceConfig:
    listen: str = DEFAULT_LISTEN
    http_listen: str = ""
    state_url: str | None = None
    trust_dir: Path | None = None
    policies: Mapping[str, Path] = field(default_factory=dict)
    environments: Mapping[str, Path] = field(default_factory=dict)
    limits: Limits = field(default_factory=Limits)
    tls: TlsConfig | None = None
    roles: RoleConfig = field(default_factory=RoleConfig)
    tokens: Mapping[str, SecretSource] = field(default_factory=dict)
    """Bearer tokens of the HTTP listener by name (the identity ``token:NAME``), read at startup."""
    gate: GateSettings = field(default_factory=GateSettings)
    admission: AdmissionSettings = field(default_factory=AdmissionSettings)
    events: EventSettings = field(default_factory=EventSettings)
    polling: PollSettings = field(default_factory=PollSettings)
    source: Path | None = None

    @property
    def annotation(self) -> str:
        return self.admission.annotation

    @property
    def fail_open(self) -> bool:
        return self.admission.fail_open

    def anonymous_roles(self) -> frozenset[str]:
        """The roles of a caller without a verified certificate."""
        if self.roles.allow_anonymous is not None:
            return frozenset(self.roles.allow_anonymous)
        if self.tls is not None and self.tls.client_ca is not None:
            return frozenset()  # mTLS: every caller has a certificate
        return frozenset(ANONYMOUS_ROLES)  # loopback only: check_exposure refuses anything else

    def check_exposure(self) -> None:
        """Refuse to serve anonymous callers beyond loopback unless ``allow_anonymous`` says so, and bearer
        tokens over plaintext HTTP beyond loopback."""
        if self.tokens and self.http_listen and not is_loopback(self.http_listen) and self.tls is None:
            raise ServiceConfigError(
                f"[tokens]: bearer tokens would cross the network in clear text on {self.http_listen}; "
                "configure [tls] (docs/service-face.md)"
            )
        if self.roles.allow_anonymous is not None or (self.tls is not None and self.tls.client_ca is not None):
            return
        exposed = [a for a in (self.listen, self.http_listen) if a and not is_loopback(a)]
        if exposed:
            raise ServiceConfigError(
                f"{', '.join(exposed)} is not a loopback address and no client CA is configured, so every caller "
                "there would be anonymous: set [tls] client_ca (mTLS), or say which roles anonymous callers "
                'get with [roles] allow_anonymous = ["admission"] (docs/deploying.md)'
            )

    @classmethod
    def load(cls, path: Path | None) -> ServiceConfig:
        if path is None:
            return cls()
        try:
            data = load_toml(path, limit=MAX_CONFIG_BYTES, what="service config")
        except InputRefused as exc:
            raise ServiceConfigError(str(exc)) from None
        return cls.from_dict(data, source=path)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, source: Path) -> ServiceConfig:
        reader = _Reader(dict(data), where=str(source), base=source.parent)
        listen = reader.string("listen", DEFAULT_LISTEN)
        http_listen = reader.string("http_listen", "")
        state_url = reader.string("state_url", "") or None
        trust = reader.string("trust_dir", "")
        policies = {k: reader.path_of(v, f"policies.{k}") for k, v in reader.table("policies").items()}
        environments = {k: reader.path_of(v, f"environments.{k}") for k, v in reader.table("environments").items()}

        limits = _limits(_Reader(reader.table("limits"), where=f"{source}: [limits]", base=source.parent))
        tls = _tls(reader.table("tls"), source)
        roles = _roles(_Reader(reader.table("roles"), where=f"{source}: [roles]", base=source.parent))

        admission = AdmissionSettings.read(
            _Reader(reader.table("admission"), where=f"{source}: [admission]", base=source.parent)
        )
        events = EventSettings.read(_Reader(reader.table("events"), where=f"{source}: [events]", base=source.parent))
        polling = PollSettings.read(
            _Reader(reader.table("advisories"), where=f"{source}: [advisories]", base=source.parent)
        )

        def sub(data: dict[str, Any], where: str) -> _Reader:
            return _Reader(data, where=where, base=source.parent)

        tokens = _tokens(reader.table("tokens"), sub, where=f"{source}: [tokens]")
        gate = GateSettings.read(sub(reader.table("gate"), f"{source}: [gate]"), sub)
        reader.done()
        return cls(
            listen=listen,
            http_listen=http_listen,
            state_url=state_url,
            trust_dir=reader.path_of(trust, "trust_dir") if trust else None,
            policies=policies,
            environments=environments,
            limits=limits,
            tls=tls,
            roles=roles,
            tokens=tokens,
            gate=gate,
            admission=admission,
            events=events,
            polling=polling,
            source=source,
        )


def _limits(lim: _Reader) -> Limits:
    spool = lim.string("spool_dir", "")
    values: dict[str, Any] = {}
    for name, kind in Limits.__annotations__.items():  # every number in [limits], read by its type
        if kind == "float":
            values[name] = lim.number(name, getattr(Limits, name))
        elif kind == "int":
            values[name] = lim.integer(name, getattr(Limits, name), minimum=1024 if "chunk" in name else 1)
    limits = Limits(
        **values,
        spool_dir=lim.path_of(spool, "spool_dir") if spool else None,
        spool_direct_io=lim.boolean("spool_direct_io", Limits.spool_direct_io),
        verify_while_uploading=lim.boolean("verify_while_uploading", Limits.verify_while_uploading),
    )
    lim.done()
    if limits.min_chunk_bytes > limits.max_chunk_bytes:
        raise ServiceConfigError(f"{lim.where}: min_chunk_bytes must not exceed max_chunk_bytes")
    return limits


def _tokens(table: dict[str, Any], sub: Any, *, where: str) -> dict[str, SecretSource]:
    tokens = {}
    for name, body in table.items():
        if not _TOKEN_NAME.match(name) or not isinstance(body, dict):
            raise ServiceConfigError(f'{where}: write each token as NAME = {{ file = "..." }} or {{ env = "..." }}')
        reader = sub(dict(body), f"{where}.{name}")
        found = source_in(reader, "")
        reader.done()
        if found is None:
            raise ServiceConfigError(f"{where}.{name}: give file or env")
        tokens[name] = found
    return tokens


def _tls(table: dict[str, Any], source: Path) -> TlsConfig | None:
    if not table:
        return None
    t = _Reader(table, where=f"{source}: [tls]", base=source.parent)
    cert, key, ca = t.string("cert", ""), t.string("key", ""), t.string("client_ca", "")
    if not cert or not key:
        raise ServiceConfigError(f"{source}: [tls] needs both cert and key")
    required = t.boolean("require_client_cert", bool(ca))
    t.done()
    if required and not ca:
        raise ServiceConfigError(
            f"{source}: [tls] require_client_cert = true needs client_ca (the CA client certificates are checked "
            "against); without one no client can authenticate"
        )
    if ca and not required:
        raise ServiceConfigError(
            f"{source}: [tls] require_client_cert = false with a client_ca: gRPC cannot ask for an optional "
            "client certificate, so certificate holders would be anonymous there and not over HTTP; drop the key "
            "(client_ca means certificates are required), or drop client_ca and use allow_anonymous"
        )
    return TlsConfig(
        cert=t.path_of(cert, "cert"), key=t.path_of(key, "key"), client_ca=t.path_of(ca, "client_ca") if ca else None
    )


def _roles(r: _Reader) -> RoleConfig:
    if "unauthenticated" in r.data:
        raise ServiceConfigError(f"{r.where}: unauthenticated is now allow_anonymous (docs/deploying.md)")
    given = "allow_anonymous" in r.data
    roles = RoleConfig(
        admin=tuple(r.strings("admin")),
        uploader=tuple(r.strings("uploader")),
        admission=tuple(r.strings("admission")),
        metrics=tuple(r.strings("metrics")),
        status=tuple(r.strings("status")),
        allow_anonymous=tuple(r.strings("allow_anonymous")) if given else None,
    )
    r.done()
    for role in roles.allow_anonymous or ():
        if role not in ANONYMOUS_ROLES:
            raise ServiceConfigError(
                f"{r.where}: allow_anonymous may hold {', '.join(ANONYMOUS_ROLES)}, not {role!r} "
                "(admin always needs a client certificate)"
            )
    return roles


def is_loopback(address: str) -> bool:
    """Whether ``HOST:PORT`` listens on loopback only (127.0.0.0/8, ::1, localhost)."""
    import ipaddress

    host = address.rpartition(":")[0].strip("[]")
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class _Reader:
    """Pops typed keys from one TOML table; ``done()`` rejects what is left."""

    def __init__(self, data: dict[str, Any], *, where: str, base: Path) -> None:
        self.data, self.where, self.base = data, where, base

    def _bad(self, key: str, want: str) -> ServiceConfigError:
        return ServiceConfigError(f"{self.where}: {key} must be {want}, not {self.data.get(key)!r}")

    def string(self, key: str, default: str) -> str:
        value = self.data.pop(key, default)
        if not isinstance(value, str):
            self.data[key] = value
            raise self._bad(key, "a string")
        return value

    def strings(self, key: str) -> list[str]:
        value = self.data.pop(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            self.data[key] = value
            raise self._bad(key, "a list of non-empty strings")
        return value

    def integer(self, key: str, default: int, *, minimum: int = 0) -> int:
        value = self.data.pop(key, default)
        if not isinstance(value, int) or isinstance(value, bool) or value < minimum:
            self.data[key] = value
            raise self._bad(key, f"an integer >= {minimum}")
        return value

    def number(self, key: str, default: float) -> float:
        value = self.data.pop(key, default)
        if not isinstance(value, int | float) or isinstance(value, bool) or value <= 0:
            self.data[key] = value
            raise self._bad(key, "a positive number of seconds")
        return float(value)

    def boolean(self, key: str, default: bool) -> bool:
        value = self.data.pop(key, default)
        if not isinstance(value, bool):
            self.data[key] = value
            raise self._bad(key, "true or false")
        return value

    def table(self, key: str) -> dict[str, Any]:
        value = self.data.pop(key, {})
        if not isinstance(value, dict):
            self.data[key] = value
            raise self._bad(key, "a table")
        return dict(value)

    def path_of(self, value: Any, key: str) -> Path:
        if not isinstance(value, str) or not value:
            raise ServiceConfigError(f"{self.where}: {key} must be a path string, not {value!r}")
        path = Path(value).expanduser()
        return path if path.is_absolute() else self.base / path

    def done(self) -> None:
        if self.data:
            raise ServiceConfigError(f"{self.where}: unknown keys {sorted(self.data)}")
