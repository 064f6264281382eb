"""``shipgate serve`` configuration: one TOML file, read strictly (an unknown key or a wrong type is a
:class:`ServiceConfigError` naming it). Every key is optional::

    listen = "127.0.0.1:50051"              # gRPC
    http_listen = "127.0.0.1:8080"          # AdmissionReview, JSON admit, /metrics ("" = no HTTP side)
    state_url = "postgresql://..."          # default: $SHIPGATE_STATE_URL, else sqlite in the home
    trust_dir = "/etc/shipgate/trust"       # vendor trust files (default: <home>/trust)

    [policies]                              # names a Verify header may ask for; "default" when none asked
    default = "policies/default.toml"
    [environments]                          # inventories (FORMATS §3) a Verify header may name
    prod = "envs/prod.toml"

    [limits]
    max_archive_bytes = 8589934592          # declared size above this: RESOURCE_EXHAUSTED
    max_concurrent_uploads = 8              # one more: RESOURCE_EXHAUSTED
    upload_deadline_seconds = 3600          # header to last byte: DEADLINE_EXCEEDED
    spool_dir = "/var/lib/shipgate/spool"   # default: <home>/spool
    spool_quota_bytes = 17179869184         # declared sizes in flight above this: RESOURCE_EXHAUSTED
    spool_direct_io = true                  # O_DIRECT spool writes and reads (bypass the page cache)
    verify_while_uploading = true           # verify stored entries behind the writer on idle CPU (SHA-256)
    max_chunk_bytes = 4194304               # largest gRPC message accepted
    shutdown_grace_seconds = 30             # SIGTERM: in-flight calls get this long, then are cancelled

    [tls]                                   # absent: plaintext (loopback and tests only)
    cert = "server.pem"
    key = "server.key"
    client_ca = "clients-ca.pem"            # set: clients present certificates from this CA (mTLS)
    require_client_cert = true

    [roles]                                 # identities: "CN=name", "DNS:host", "URI:...", "email:..." or "*"
    admin = ["CN=ops-admin"]
    uploader = ["CN=artifactory"]
    admission = ["*"]                       # "*": any client with a verified certificate
    unauthenticated = ["uploader", "admission"]   # callers without a certificate (never admin)

    [admission]
    annotation = "shipgate.dev/package-sha256"
    fail_open = false                        # true: allow when no verdict / the store fails (not advised)

Relative paths are relative to the configuration file.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from shipgate.errors import ShipgateError

ROLES = ("admin", "uploader", "admission")
GiB = 1 << 30
DEFAULT_LISTEN = "127.0.0.1:50051"
DEFAULT_ANNOTATION = "shipgate.dev/package-sha256"
# A config file is a few hundred bytes; anything near this is a mistake.
MAX_CONFIG_BYTES = 1 << 20


class ServiceConfigError(ShipgateError):
    """The service configuration is invalid; the message names the key."""


@dataclass(frozen=True, kw_only=True)
class Limits:
    max_archive_bytes: int = 8 * GiB
    max_concurrent_uploads: int = 8
    upload_deadline_seconds: float = 3600.0
    spool_dir: Path | None = None
    spool_quota_bytes: int = 16 * GiB
    spool_direct_io: bool = True
    verify_while_uploading: bool = True
    max_chunk_bytes: int = 4 << 20
    shutdown_grace_seconds: float = 30.0


@dataclass(frozen=True, kw_only=True)
class TlsConfig:
    cert: Path
    key: Path
    client_ca: Path | None = None
    require_client_cert: bool = True


@dataclass(frozen=True, kw_only=True)
class RoleConfig:
    admin: tuple[str, ...] = ()
    uploader: tuple[str, ...] = ()
    admission: tuple[str, ...] = ()
    unauthenticated: tuple[str, ...] | None = None
    """Roles of callers without a verified certificate; None = uploader and admission unless mTLS is
    required."""

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
    annotation: str = DEFAULT_ANNOTATION
    fail_open: bool = False
    source: Path | None = None

    def unauthenticated_roles(self) -> frozenset[str]:
        if self.roles.unauthenticated is not None:
            return frozenset(self.roles.unauthenticated)
        if self.tls is not None and self.tls.client_ca is not None and self.tls.require_client_cert:
            return frozenset()
        return frozenset({"uploader", "admission"})

    @classmethod
    def load(cls, path: Path | None) -> ServiceConfig:
        if path is None:
            return cls()
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise ServiceConfigError(f"cannot read the service config {path}: {exc.strerror}") from None
        if len(raw) > MAX_CONFIG_BYTES:
            raise ServiceConfigError(f"{path} is larger than {MAX_CONFIG_BYTES} bytes")
        try:
            data = tomllib.loads(raw.decode("utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ServiceConfigError(f"{path}: not valid TOML: {exc}") from None
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

        lim = _Reader(reader.table("limits"), where=f"{source}: [limits]", base=source.parent)
        spool = lim.string("spool_dir", "")
        limits = Limits(
            max_archive_bytes=lim.integer("max_archive_bytes", Limits.max_archive_bytes, minimum=1),
            max_concurrent_uploads=lim.integer("max_concurrent_uploads", Limits.max_concurrent_uploads, minimum=1),
            upload_deadline_seconds=lim.number("upload_deadline_seconds", Limits.upload_deadline_seconds),
            spool_dir=lim.path_of(spool, "spool_dir") if spool else None,
            spool_quota_bytes=lim.integer("spool_quota_bytes", Limits.spool_quota_bytes, minimum=1),
            spool_direct_io=lim.boolean("spool_direct_io", Limits.spool_direct_io),
            verify_while_uploading=lim.boolean("verify_while_uploading", Limits.verify_while_uploading),
            max_chunk_bytes=lim.integer("max_chunk_bytes", Limits.max_chunk_bytes, minimum=1024),
            shutdown_grace_seconds=lim.number("shutdown_grace_seconds", Limits.shutdown_grace_seconds),
        )
        lim.done()

        tls = None
        tls_table = reader.table("tls")
        if tls_table:
            t = _Reader(tls_table, where=f"{source}: [tls]", base=source.parent)
            cert, key, ca = t.string("cert", ""), t.string("key", ""), t.string("client_ca", "")
            if not cert or not key:
                raise ServiceConfigError(f"{source}: [tls] needs both cert and key")
            tls = TlsConfig(
                cert=t.path_of(cert, "cert"),
                key=t.path_of(key, "key"),
                client_ca=t.path_of(ca, "client_ca") if ca else None,
                require_client_cert=t.boolean("require_client_cert", True),
            )
            t.done()

        r = _Reader(reader.table("roles"), where=f"{source}: [roles]", base=source.parent)
        unauth_given = "unauthenticated" in r.data
        roles = RoleConfig(
            admin=tuple(r.strings("admin")),
            uploader=tuple(r.strings("uploader")),
            admission=tuple(r.strings("admission")),
            unauthenticated=tuple(r.strings("unauthenticated")) if unauth_given else None,
        )
        r.done()
        for role in roles.unauthenticated or ():
            if role not in ("uploader", "admission"):
                raise ServiceConfigError(
                    f"{source}: [roles].unauthenticated may hold uploader and admission only, not {role!r} "
                    "(admin always needs a client certificate)"
                )

        a = _Reader(reader.table("admission"), where=f"{source}: [admission]", base=source.parent)
        annotation = a.string("annotation", DEFAULT_ANNOTATION)
        fail_open = a.boolean("fail_open", False)
        a.done()
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
            annotation=annotation,
            fail_open=fail_open,
            source=source,
        )


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
