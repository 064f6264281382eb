"""Java services the package starts with a management, debug or proxy port open to clients beyond the host with no
authentication, and a Jenkins configuration that lets anonymous users act: ``preflight.authentication_disabled``
(high), as a ``pg_hba.conf`` that trusts a network is.

- Remote JMX: ``com.sun.management.jmxremote.authenticate=false`` (a ``-D`` option in a launcher, ``JAVA_OPTS`` or a
  unit, or the key in a ``management.properties``) in a file that also sets ``com.sun.management.jmxremote.port``.
  With a port the JMX connector listens on every interface (``jmxremote.local.only`` governs the local connector
  only) unless ``com.sun.management.jmxremote.host`` names a loopback address; whoever reaches it can invoke MBeans
  and load code. Reported at the ``authenticate=false`` line. ``-Dcom.sun.management.jmxremote`` alone opens no
  port. The port and the switch are matched within the file, not within the branch of a script that sets them.
- JDWP: ``-agentlib:jdwp=…`` or ``-Xrunjdwp:…`` with ``server=y`` and an ``address`` of ``*:PORT``, ``0.0.0.0:PORT``
  or a bare ``PORT`` (every interface up to Java 8, loopback from Java 9: the file does not say which JVM runs it).
  JDWP has no authentication: a debugger that connects runs any code in the JVM. Not: a loopback address, an
  address from a variable, and ``JPDA_OPTS``/``JPDA_ADDRESS`` (read only by ``catalina.sh jpda start``, an
  operator's explicit debug start).
- Tomcat AJP: a ``<Connector>`` whose protocol is AJP with no ``secret``/``requiredSecret`` and no loopback
  ``address``. Before Tomcat 9.0.31, 8.5.51 and 7.0.100 such a connector listens on every interface with no
  secret, and AJP trusts its peer as the front proxy (CVE-2020-1938); later versions refuse to start it unless
  ``secretRequired="false"``, which is reported too.
- Jenkins ``config.xml``: ``<useSecurity>false</useSecurity>``, ``AuthorizationStrategy$Unsecured``,
  ``SecurityRealm$None`` with security switched on, or
  a ``<permission>`` granting ``anonymous`` a permission that acts (administer, run scripts, upload plugins, connect
  or configure agents, create, configure or build jobs). Anonymous read permissions are an authorisation choice,
  not reported.

Comments are not read (``#``, ``REM``/``::``, ``//``, ``<!-- … -->``); neither are documentation, program source
and tests. XML is read with the standard library's expat parser (element lines; a document type or entity
declaration stops the reading, so nothing expands), at most ``_MAX_ELEMENTS`` elements.
"""

from __future__ import annotations

import ipaddress
import posixpath
import re
from collections.abc import Iterator

from shipgate.findings import Finding, Severity
from shipgate.preflight.contents import Context, Kind, Line, TextFile
from shipgate.preflight.markup import is_documentation, is_program_source, is_test_path, without_xml_comments
from shipgate.preflight.tls_scope import loopback_host
from shipgate.preflight.xml_tree import Element, in_document_order, parse_xml

CODE = "preflight.authentication_disabled"
_COMMENT = re.compile(r"(?i)^\s*(?:#|//|::|rem\b|@rem\b|;)")
_JMX_OFF = re.compile(r"(?i)(?:^|[\s\"'=])(?:-D)?com\.sun\.management\.jmxremote\.authenticate\s*=\s*[\"']?false\b")
_JMX_PORT = re.compile(r"(?i)(?:^|[\s\"'=])(?:-D)?com\.sun\.management\.jmxremote\.port\s*=\s*[\"']?\S")
_JMX_HOST = re.compile(r"(?i)com\.sun\.management\.jmxremote\.host\s*=\s*[\"']?([^\s\"']+)")
_JDWP = re.compile(r"-(?:agentlib:jdwp=|Xrunjdwp:)([^\s\"']+)")
_JPDA = re.compile(r"(?i)^\s*(?:export\s+|set\s+\"?)?JPDA_(?:OPTS|ADDRESS)\s*=")
_AJP = re.compile(r"(?i)^(?:ajp/1\.3|org\.apache\.coyote\.ajp\.\w+)$")
_ACTING = re.compile(
    r"^(?:(?:USER|GROUP):)?hudson\.model\.(?:Hudson\.(?:Administer|RunScripts|UploadPlugins|ConfigureUpdateCenter)"
    r"|Computer\.(?:Connect|Create|Configure)|Item\.(?:Create|Configure|Build)):anonymous$"
)
_MAX_ELEMENTS = 100_000
_REMEDY = (
    "Require authentication on the port (JMX password and access files or TLS client certificates; an AJP secret; "
    "a Jenkins security realm and no anonymous grants that act), or bind it to loopback; keep debug agents out of "
    "the start line the package ships."
)


def scan(ctx: Context) -> Iterator[Finding]:
    for text in ctx.texts:
        if text.kind is Kind.SQL or is_documentation(text.path) or is_test_path(text.path):
            continue
        source = "\n".join(ln.text for ln in text.lines)
        if is_program_source(text.path, source[:300]):
            continue
        if "jdwp" in source or "jmxremote" in source.lower():  # no line ``_jvm_options`` reports lacks both
            numbered = without_xml_comments(tuple((ln.number, ln.text) for ln in text.lines))
            lines = [Line(n, s) for n, s in numbered if not _COMMENT.match(s)]
            yield from _jvm_options(text, lines)
        if "<" in source and text.kind is Kind.CONFIG:
            yield from _xml(text, source)


def _loopback(host: str) -> bool:
    return loopback_host(host.lower())


def _jvm_options(text: TextFile, lines: list[Line]) -> Iterator[Finding]:
    visible = lines
    port = any(_JMX_PORT.search(ln.text) for ln in visible)
    host = next((m.group(1) for ln in visible if (m := _JMX_HOST.search(ln.text))), None)
    for ln in visible:
        if port and (host is None or not _loopback(host)) and _JMX_OFF.search(ln.text):
            yield text.finding(
                ln,
                CODE,
                Severity.HIGH,
                message="remote JMX is switched on with jmxremote.authenticate=false: whoever reaches the port can "
                "invoke the JVM's MBeans (and load code into it) with no password",
                remedy=_REMEDY,
                service="JMX",
            )
        if _JPDA.match(ln.text):
            continue
        for m in _JDWP.finditer(ln.text):
            address = _open_address(m.group(1))
            if address is not None:
                yield text.finding(
                    ln,
                    CODE,
                    Severity.HIGH,
                    message=f"a JDWP debug agent listens on {address}: JDWP has no authentication, so whoever "
                    "connects can run any code in the JVM (a bare port is every interface up to Java 8)",
                    remedy=_REMEDY,
                    service="JDWP",
                )
                break


def _open_address(options: str) -> str | None:
    """The address a JDWP agent listens on beyond the host, from its ``key=value,…`` options; None otherwise."""
    pairs = dict(part.partition("=")[::2] for part in options.split(","))
    address = pairs.get("address", "")
    if pairs.get("server", "n").lower() != "y" or not address or any(c in address for c in "$%{"):
        return None
    host, colon, port = address.rpartition(":")
    if not port.isdigit():
        return None
    if not colon or host in ("", "*") or _unspecified(host):
        return address
    return None if _loopback(host) else address


def _unspecified(host: str) -> bool:
    """``0.0.0.0`` or ``::``: every interface."""
    try:
        return ipaddress.ip_address(host.strip("[]")).is_unspecified
    except ValueError:
        return False


def _elements(source: str) -> list[Element]:
    """Every element with its attributes, start line and text; empty when the text is not well-formed XML."""
    root = parse_xml(source, max_elements=_MAX_ELEMENTS)
    return in_document_order(root) if root is not None else []


def _xml(text: TextFile, source: str) -> Iterator[Finding]:
    first = source.lstrip()[:1]
    if first != "<" or ("Connector" not in source and "hudson" not in source and "jenkins" not in source):
        return
    elements = _elements(source)
    lines = {ln.number: ln for ln in text.lines}
    jenkins = (
        posixpath.basename(text.path) == "config.xml" and bool(elements) and elements[0].name in ("hudson", "jenkins")
    )
    for element in elements:
        reason = _ajp(element) if element.name == "Connector" else _jenkins(element, elements) if jenkins else None
        line = lines.get(element.line)
        if reason is not None and line is not None:
            yield text.finding(line, CODE, Severity.HIGH, message=reason, remedy=_REMEDY, service=element.name)


def _ajp(element: Element) -> str | None:
    attrs = element.attrs
    if not _AJP.match(attrs.get("protocol", "")) or attrs.get("secret") or attrs.get("requiredSecret"):
        return None
    address = attrs.get("address", "")
    if address and _loopback(address):
        return None
    if attrs.get("secretRequired", "").lower() == "false":
        return (
            'an AJP connector with secretRequired="false" beyond loopback: AJP trusts its peer as the front proxy, '
            "so whoever reaches the port is served with no password"
        )
    return (
        "an AJP connector with no secret and no loopback address: Tomcat before 9.0.31/8.5.51/7.0.100 serves it on "
        "every interface, and AJP trusts its peer as the front proxy (CVE-2020-1938)"
    )


def _jenkins(element: Element, elements: list[Element]) -> str | None:
    kind = element.attrs.get("class", "")
    if element.name == "authorizationStrategy" and kind.endswith("AuthorizationStrategy$Unsecured"):
        return "Jenkins' authorisation strategy is Unsecured: anyone who reaches it can administer it"
    if element.name == "securityRealm" and kind.endswith("SecurityRealm$None"):
        use = next((e for e in elements if e.name == "useSecurity"), None)
        if use is None or "".join(use.text).strip().lower() != "false":
            return "Jenkins has no security realm: no one logs in, so every permission is anonymous"
    if element.name == "useSecurity" and "".join(element.text).strip().lower() == "false":
        return "Jenkins' security is switched off (useSecurity false): anyone who reaches it can administer it"
    if element.name == "permission" and _ACTING.match("".join(element.text).strip()):
        grant = "".join(element.text).strip()
        return f"Jenkins grants anonymous users {grant.rsplit(':', 1)[0]}: whoever reaches it acts with no login"
    return None
