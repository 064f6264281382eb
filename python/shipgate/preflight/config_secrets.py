"""Passwords written in forms a ``key = value`` reader cannot split, in the configuration Java products ship and in
launchd jobs.

- XML: an attribute named for a password (``<user username="both" password="tomcat"/>`` in ``tomcat-users.xml``,
  ``keystorePass="…"`` on a connector) and an element of one line named for one (``<password>sa</password>`` in a
  WildFly datasource) or for a secret (``<secret>…</secret>``, ``<clientSecret>``: Apache James opens its TLS keystore
  with the ``<secret>`` of a listener's ``<tls>`` block), or for a token's PIN (``<PIN>1234</PIN>``: the SoftHSM
  token OpenDNSSEC's signer opens; a value of fewer than four characters is a hardware pin's number). A value
  written whole in braces (Jenkins' ``{AQAAAB…}``, Spring's ``{cipher}…``) is ciphertext, not the secret. Comments
  (``<!-- … -->``) are blanked first; a file is XML when its first non-blank text is markup
  (``markup.without_xml_comments`` decides the same way). A Vue directive (``v-model:password="password"``,
  ``v-bind:password="form.password"``) binds a component's property to an expression, not to a literal.
- JAAS login-module options in a file that configures a ``LoginModule`` (Kafka's ``sasl.jaas.config``, a
  ``jaas.conf``): ``user_<name>="<password>"`` defines a user of the PLAIN module's database; the module's own
  ``password="…"`` is read by the keyword reader already.
- Jetty realm files (``realm.properties``, ``*-realm.properties``: ActiveMQ's and Jetty's ``HashLoginService``):
  each ``user: password[, role …]`` line is an account; an ``OBF:``/``MD5:``/``CRYPT:`` value is not the password
  in the clear.
- Apache Shiro INI files (a ``[users]`` section beside Shiro's ``[roles]`` or ``[urls]``, or in a file that names
  Shiro's classes or its ``securityManager``; a ``[main]`` section alone is any INI file's, yum's too): each
  ``name = password[, role …]`` line under ``[users]`` is an account whose password is the first field. When
  ``[main]`` sets a ``credentialsMatcher`` the values are hashes, not passwords.
- launchd property lists: an ``EnvironmentVariables`` entry named for a secret (``<key>API_TOKEN</key>`` then
  ``<string>…</string>`` on the next line; ``launchd.environment``), reported at the value's line.

A value that is a reference or a placeholder (``secrets.allowed``) is not one.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from xml.sax.saxutils import unescape

from shipgate.findings import Severity
from shipgate.preflight import launchd
from shipgate.preflight.contents import Line
from shipgate.preflight.ini_sections import sections as ini_sections
from shipgate.preflight.markup import without_xml_comments
from shipgate.preflight.secrets import Secret, allowed, password_name, secret_name

_ATTRIBUTE = re.compile(r"""(?<![\w.:-])([A-Za-z_][\w.:-]{0,63})\s*=\s*(?:"([^"]{0,512})"|'([^']{0,512})')""")
_ELEMENT = re.compile(r"^\s*<([A-Za-z_][\w.:-]{0,63})(?:\s[^>]*)?>([^<]{1,512})</\1>\s*$")
_JAAS_USER = re.compile(r"""^\s*(user_[\w.@-]{1,64})\s*=\s*"([^"]{1,512})"\s*[\\;]?\s*$""")
_REALM_NAME = re.compile(r"(?i)(?:^|[-_.])realm\.properties$")
_REALM_LINE = re.compile(r"^\s*([^\s:=#!][^:=]{0,127}?)\s*[:=]\s*([^,\s]{1,512})\s*(?:,.*)?$")
_HASHED = ("OBF:", "MD5:", "CRYPT:")
_SHIRO_SECTIONS = frozenset({"roles", "urls"})
_SHIRO_NAMES = re.compile(r"org\.apache\.shiro\.|^\s*securityManager\.")
_SHIRO_USER = re.compile(r"^\s*([^\s=#;][^=]{0,127}?)\s*=\s*([^,\s]{1,512})\s*(?:,.*)?$")
# An element named for a secret (``<secret>``, ``<clientSecret>``, ``<shared-secret>``).
_SECRET_ELEMENT = re.compile(r"(?i)(?:^|[a-z_-])secret$")
# The PIN a token or card is opened with (``<PIN>1234</PIN>``: the SoftHSM token OpenDNSSEC's signer logs in to,
# ``<userPin>``, ``<so-pin>``); a value shorter than ``_PIN_MIN`` is a hardware pin's number (``<pin>17</pin>``).
_PIN_ELEMENT = re.compile(r"^(?:PIN|[Pp]in)$|[a-z](?:Pin|PIN)$|[_-](?:pin|PIN)$")
_PIN_MIN = 4
# Tomcat's and Jetty's camel-case attributes: ``keystorePass``, ``truststorePass``, ``keyPass``.
_CAMEL_PASS = re.compile(r"(?<=[a-z])Pass$")
_ENTITIES = {"&quot;": '"', "&apos;": "'"}


def _password_attribute(name: str) -> bool:
    if name.startswith("v-"):
        return False  # a Vue directive: its value is an expression (a variable), not text
    local = name.rpartition(":")[2]
    return password_name(local) or bool(_CAMEL_PASS.search(local))


def _secret_element(name: str) -> bool:
    local = name.rpartition(":")[2]
    return _password_attribute(name) or (bool(_SECRET_ELEMENT.search(local)) and secret_name(local))


def _pin_element(name: str, value: str) -> bool:
    return bool(_PIN_ELEMENT.search(name.rpartition(":")[2])) and len(value) >= _PIN_MIN


def _is_xml(lines: tuple[tuple[int, str], ...]) -> bool:
    first = next((text.lstrip() for _, text in lines if text.strip()), "")
    return first.startswith("<")


def _xml_secrets(lines: tuple[tuple[int, str], ...]) -> Iterator[Secret]:
    for number, text in without_xml_comments(lines):
        element = _ELEMENT.match(text)
        name = element.group(1) if element else ""
        value = unescape(element.group(2).strip(), _ENTITIES) if element else ""
        named = element is not None and (_secret_element(name) or _pin_element(name, value))
        if named and not value.startswith("{") and not allowed(value, name=name):
            yield Secret(number, f"password element <{name}>", value, Severity.HIGH)
            continue
        for m in _ATTRIBUTE.finditer(text):
            name = m.group(1)
            value = unescape(m.group(2) if m.group(2) is not None else m.group(3), _ENTITIES)
            if _password_attribute(name) and not allowed(value, name=name):
                yield Secret(number, f"password attribute ({name})", value, Severity.HIGH)
                break


def _jaas_secrets(lines: tuple[tuple[int, str], ...]) -> Iterator[Secret]:
    for number, text in lines:
        m = _JAAS_USER.match(text)
        if m and not allowed(m.group(2), name="password"):
            yield Secret(number, f"JAAS user password ({m.group(1)})", m.group(2), Severity.HIGH)


def _realm_secrets(lines: tuple[tuple[int, str], ...]) -> Iterator[Secret]:
    for number, text in lines:
        if text.lstrip().startswith(("#", "!")):
            continue
        m = _REALM_LINE.match(text)
        if m and not m.group(2).upper().startswith(_HASHED) and not allowed(m.group(2), name="password"):
            yield Secret(number, f"realm user password ({m.group(1).strip()})", m.group(2), Severity.HIGH)


def _shiro_secrets(lines: tuple[tuple[int, str], ...]) -> Iterator[Secret]:
    sections = ini_sections(line for line in lines if not line[1].lstrip().startswith(("#", ";")))
    if "users" not in sections:
        return
    if not _SHIRO_SECTIONS & sections.keys() and not any(_SHIRO_NAMES.search(t) for _, t in sections.get("main", [])):
        return  # a [users] section of some other INI file
    if any("credentialsmatcher" in text.lower() for _, text in sections.get("main", [])):
        return  # the [users] values are hashes the matcher compares against
    for number, text in sections["users"]:
        m = _SHIRO_USER.match(text)
        if m and not allowed(m.group(2), name="password"):
            yield Secret(number, f"Shiro user password ({m.group(1).strip()})", m.group(2), Severity.HIGH)


def _job_secrets(text: str) -> Iterator[Secret]:
    for line, name, value in launchd.environment(text):
        if (secret_name(name) or password_name(name)) and not allowed(value, name=name):
            yield Secret(line, f"launchd environment variable ({name})", value, Severity.HIGH)


def config_secrets(path: str, text_lines: tuple[Line, ...]) -> Iterator[Secret]:
    """Passwords in XML attributes and elements, launchd job environments, JAAS user options, Jetty realm files and
    Shiro ``[users]`` sections (see the module)."""
    lines = tuple((ln.number, ln.text) for ln in text_lines)
    if _is_xml(lines):
        text = "\n".join(t for _, t in lines)
        if launchd.is_property_list(path, text):
            yield from _job_secrets(text)
        yield from _xml_secrets(lines)
        return
    if _REALM_NAME.search(posixpath.basename(path)):
        yield from _realm_secrets(lines)
    if any("LoginModule" in text for _, text in lines):
        yield from _jaas_secrets(lines)
    yield from _shiro_secrets(lines)
