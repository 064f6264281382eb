"""A server's own settings file that switches its authentication off with one top-level setting: Cortex's, Loki's or
Mimir's ``auth_enabled: false`` (every request is served as one tenant, with no identity), ``disable_auth: true``,
``AUTH_ENABLED=false`` in an env file, ``auth: none`` in a YAML server configuration. Whoever reaches the server's
port reads and writes what it serves without a login. Also a login switch at any depth (the RocketMQ Dashboard's
``rocketmq: config: loginRequired: false``, ``security.require-login=false``): only a server asks for a login, so the
switch is the server's own wherever the product nests it.

Read in settings files (YAML, TOML, INI, ``.properties``, env files, also as ``.example``/``.sample``/``.dist``
templates; not source code, not a documentation folder) at the top level only: a key written at the start of its
line, before any section an INI or TOML file opens. A nested key (``smtp: {auth_enabled: false}``, a compose
service's ``environment:``) is a client's or a feature's switch, not the server's. A file that also sets a listen
address on loopback (``http_listen_address: 127.0.0.1``, ``bind-addr: localhost:8080``) is not judged: only the
host reaches it. ``preflight.authentication_disabled`` (high), at the setting's line.

Also a broker's ``allow_anonymous=true`` outside a Mosquitto file (NanoMQ's ``nanomq.conf``; Mosquitto's own files
are ``mosquitto_auth``'s), an autoconf template of a settings file (``arangod.conf.in``), and a switch inside an INI
or TOML section when that same section sets a listen address on every interface: ArangoDB's ``[server]`` with
``endpoint = tcp://0.0.0.0:8529`` and ``authentication = false``, InfluxDB's ``[http]`` with ``bind-address =
":8086"`` and ``auth-enabled = false``. A section's address on every interface is one the server listens on, never
one a client connects to, so the section's switch is the server's own; a section with no such address (a client
tool's ``[server]`` naming the server it reaches, ``endpoint = tcp://127.0.0.1:8529``) stays unread.

Also access granted to the anonymous user, which is authentication switched off for what it grants: a top-level YAML
block named for the unauthenticated user (vmauth's ``unauthorized_user:`` routing ``/select/.*`` and ``/insert/.*``
to the cluster), and an entry of a user list for every user (MediaMTX's ``- user: any``, also ``anonymous`` or ``*``)
granted a write action (``action: publish``, ``write``, ``insert``, ``admin``) from any address. An entry restricted
to listed addresses (MediaMTX's second ``any`` user, ``ips: ['127.0.0.1', '::1']``) or granted reads only is not
reported.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator

from shipgate.findings import Finding, Severity
from shipgate.preflight.contents import Context, Kind, Line, TextFile
from shipgate.preflight.distributed import is_development_file
from shipgate.preflight.markup import is_documentation, is_test_path
from shipgate.preflight.mosquitto_auth import is_mosquitto_config
from shipgate.preflight.tls_scope import loopback_host

CODE = "preflight.authentication_disabled"
_TEMPLATE_SUFFIX = re.compile(r"(?i)\.(?:example|sample|dist|template|tmpl|default|defaults|orig|in)$")
_SETTINGS_SUFFIXES = (".yml", ".yaml", ".toml", ".ini", ".properties", ".conf", ".cfg", ".env")
# A top-level ``key: value`` / ``key = value`` / ``KEY=value``: the key starts the line.
_SETTING = re.compile(r"^(?P<key>[A-Za-z][\w.-]*)\s*[:=](?P<value>[^#;]*)(?:[#;].*)?$")  # value stripped by _unquoted
_SECTION = re.compile(r"^\s*\[")
# A section's listen address: ``endpoint``, ``bind-address``, ``listen_addr`` (``endpoint`` counts only with a
# wildcard host, the one value a client cannot connect to).
_SECTION_LISTEN_KEY = re.compile(r"(?i)(?:^|[_.-])(?:listen|bind|endpoint)(?:[_.-]?(?:addr|address|host|ip))?$")
_SCHEME = re.compile(r"^[A-Za-z][\w+.-]*://")
_WILDCARD_HOSTS = frozenset({"", "0.0.0.0", "::", "*"})  # noqa: S104 - hosts matched, not bound
# Keys whose false value switches the server's authentication off, and keys whose true value does.
_ON_SWITCHES = frozenset(
    {"auth_enabled", "authentication_enabled", "enable_auth", "enable_authentication", "auth_required",
     "require_auth", "require_authentication", "authentication_required", "authentication"}
)  # fmt: skip
_OFF_SWITCHES = frozenset(
    {"disable_auth", "disable_authentication", "auth_disabled", "authentication_disabled", "no_auth", "skip_auth",
     "allow_anonymous"}
)  # fmt: skip
# A login switch, its words joined (``loginRequired``, ``require_login``, ``login-required``).
_LOGIN_SWITCHES = frozenset({"loginrequired", "requirelogin"})
_FALSE = frozenset({"false", "no", "off", "0"})
_TRUE = frozenset({"true", "yes", "on", "1"})
_NO_AUTH = frozenset({"none", "false", "off", "disabled"})  # ``auth: none`` (code-server's config.yaml)
_LISTEN_KEY = re.compile(r"(?i)(?:^|[_.-])(?:listen|bind)(?:[_.-]?(?:addr|address|host|ip))?$")
# A top-level block for the unauthenticated user (``unauthorized_user:``), and a user list's entry for every user.
_ANONYMOUS_BLOCK = re.compile(
    r"(?i)^(?:unauthori[sz]ed|unauthenticated|anonymous)[_-]?(?:user|users|access)\s*:\s*(?:#.*)?$"
)
_ANY_USER = re.compile(r"""^(?P<lead>\s*-\s+)user\s*:\s*["']?(?:any|anonymous|\*)["']?\s*(?:#.*)?$""")
_WRITE_ACTION = re.compile(r"""(?i)^\s*(?:-\s+)?action\s*:\s*["']?(?:publish|write|insert|admin)["']?\s*(?:#.*)?$""")
# ``ips: ['127.0.0.1']`` or ``ips:`` opening a block list: the entry is limited to listed addresses.
_LISTED_ADDRESSES = re.compile(r"""^\s*ips\s*:\s*(?:\[\s*[^\]\s]|(?:#.*)?$)""")
_ENTRY_WINDOW = 40
_REMEDY = (
    "Ship the setting with authentication on, or bind the server to loopback and document the proxy that "
    "authenticates in front of it."
)


def _settings_file(path: str) -> bool:
    name = _TEMPLATE_SUFFIX.sub("", posixpath.basename(path).lower())
    return name.endswith(_SETTINGS_SUFFIXES) or name.startswith(".env")


def _unquoted(value: str) -> str:
    return value.strip().strip("\"'").strip().lower()


def _switched_off(key: str, value: str) -> bool:
    name = key.lower().replace("-", "_").replace(".", "_")
    if name in _ON_SWITCHES:
        return value in _FALSE
    if name in _OFF_SWITCHES:
        return value in _TRUE
    return name == "auth" and value in _NO_AUTH


def _loopback(value: str) -> bool:
    """A listen address on this host only: ``127.0.0.1``, ``[::1]:8080``, ``localhost:9009``."""
    host = value.rsplit("]", 1)[0].lstrip("[") if value.startswith("[") else value.rsplit(":", 1)[0]
    return loopback_host(host)


def _listens_on_loopback(text: TextFile) -> bool:
    for line in text.lines:
        match = _SETTING.match(line.text.strip())
        if match and _LISTEN_KEY.search(match["key"]) and _loopback(_unquoted(match["value"])):
            return True
    return False


def _login_switched_off(text: str) -> bool:
    """``loginRequired: false`` / ``login-required = false`` / ``a.b.require_login=false``, nested or not."""
    match = _SETTING.match(text.strip().removeprefix("- "))
    if match is None:
        return False
    name = re.sub(r"[_.-]", "", match["key"].rsplit(".", 1)[-1].lower())
    return name in _LOGIN_SWITCHES and _unquoted(match["value"]) in _FALSE


def _switch_off(line: Line) -> bool:
    match = _SETTING.match(line.text)
    return bool(match and _switched_off(match["key"], _unquoted(match["value"])))


def _on_every_interface(line: Line) -> bool:
    """``endpoint = tcp://0.0.0.0:8529`` / ``bind-address = ":8086"`` / ``listen = [::]:80``."""
    match = _SETTING.match(line.text.strip())
    if match is None or not _SECTION_LISTEN_KEY.search(match["key"]):
        return False
    value = _SCHEME.sub("", _unquoted(match["value"]))
    if not value:
        return False
    host = value.rsplit("]", 1)[0].lstrip("[") if value.startswith("[") else value.rsplit(":", 1)[0]
    return host in _WILDCARD_HOSTS or value in _WILDCARD_HOSTS


def _switches(text: TextFile) -> Iterator[Line]:
    section: list[Line] | None = None  # the lines of the INI/TOML section open now; ``None`` before any
    for line in [*text.lines, None]:
        if line is None or _SECTION.match(line.text):
            if section and any(_on_every_interface(other) for other in section):
                yield from (other for other in section if _switch_off(other))  # the listening server's section
            if line is None:
                return
            section = []  # an INI/TOML section opens: what follows is that section's, not the server's
            continue
        if section is not None:
            section.append(line)
        if (section is None and _switch_off(line)) or _login_switched_off(line.text):
            yield line


def _opens_block(lines: tuple[Line, ...], index: int) -> bool:
    following = (line.text for line in lines[index + 1 : index + 1 + _ENTRY_WINDOW])
    first = next((text for text in following if text.strip() and not text.lstrip().startswith("#")), "")
    return first[:1].isspace() or first.startswith("- ")


def _grants_writes(lines: tuple[Line, ...], index: int, dash: int) -> bool:
    """Whether the user-list entry opened on ``lines[index]`` (its ``-`` at column ``dash``) grants a write action
    and lists no addresses."""
    writes = False
    for line in lines[index + 1 : index + 1 + _ENTRY_WINDOW]:
        text = line.text
        if not text.strip() or text.lstrip().startswith("#"):
            continue
        if len(text) - len(text.lstrip()) <= dash:
            break  # the next entry, or the list ends
        if _LISTED_ADDRESSES.match(text):
            return False
        writes = writes or bool(_WRITE_ACTION.match(text))
    return writes


def _anonymous_grants(text: TextFile) -> Iterator[Line]:
    """``unauthorized_user:`` opening a block at the top level; ``- user: any`` granted writes from anywhere."""
    for index, line in enumerate(text.lines):
        if _ANONYMOUS_BLOCK.match(line.text) and _opens_block(text.lines, index):
            yield line
        elif (entry := _ANY_USER.match(line.text)) is not None:
            lead = entry["lead"]
            if _grants_writes(text.lines, index, len(lead) - len(lead.lstrip())):
                yield line


def _not_deployed(path: str) -> bool:
    """Documentation, tests and developer tooling (a devstack plugin's ``loki-config.yaml``, a CI service's
    settings): the servers they configure run on a developer's or a test machine, not on the target."""
    return is_documentation(path) or is_test_path(path) or is_development_file(path)


def scan(ctx: Context) -> Iterator[Finding]:
    for text in ctx.of_kind(Kind.CONFIG):
        if not _settings_file(text.path) or _not_deployed(text.path) or is_mosquitto_config(text.path):
            continue
        switches = sorted([*_switches(text), *_anonymous_grants(text)], key=lambda line: line.number)
        if not switches or _listens_on_loopback(text):
            continue
        for line in switches:
            yield text.finding(
                line,
                CODE,
                Severity.HIGH,
                setting=line.text.strip()[:80],
                message=f"the server's configuration switches its authentication off ({line.text.strip()[:60]}): "
                "whoever reaches its port is served with no login",
                remedy=_REMEDY,
            )
