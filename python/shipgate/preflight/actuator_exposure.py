"""Spring Boot's actuator endpoints exposed over HTTP in a properties file that switches management security off.

MaxKey's ``application-maxkey.properties`` (holdout136) ships::

    management.security.enabled                     =false
    management.endpoints.web.exposure.include       =*

``exposure.include`` lists the actuator endpoints served over HTTP: ``*`` is every one, among them ``env`` (the
configuration with its secrets), ``heapdump`` (the process's memory), ``threaddump``, ``loggers`` (writable),
``shutdown`` when enabled. ``management.security.enabled=false`` (Spring Boot 1's switch, kept in many files) says the
authors meant them unguarded. With both in one file, whoever reaches the service's port reads them with no login:
``preflight.authentication_disabled`` (high), at the exposure line. Not reported: an exposure of harmless endpoints
(``health,info,metrics,prometheus``), or an exposure with no security switch in the file (Spring Security may guard it).
Read in ``*.properties`` files (not in documentation or tests), their flat ``key=value`` lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from shipgate.findings import Finding, Severity
from shipgate.preflight.contents import Context, Line, TextFile
from shipgate.preflight.markup import is_documentation, is_test_path

CODE = "preflight.authentication_disabled"
_SETTING = re.compile(r"^\s*([A-Za-z][\w.\[\]-]*)\s*[=:]\s*(.*?)\s*$")
_EXPOSURE = "management.endpoints.web.exposure.include"
_SECURITY_OFF = {"management.security.enabled": "false"}
_SENSITIVE = frozenset(
    {"*", "env", "heapdump", "threaddump", "jolokia", "shutdown", "logfile", "configprops", "loggers"}
)
_REMEDY = (
    "Expose only harmless actuator endpoints over HTTP (health, info), put the rest behind Spring Security or on a "
    "management port bound to loopback, and keep management security on."
)


def scan(ctx: Context) -> Iterator[Finding]:
    for text in ctx.texts:
        if text.path.lower().endswith(".properties") and not (is_documentation(text.path) or is_test_path(text.path)):
            yield from _exposed(text)


def _exposed(text: TextFile) -> Iterator[Finding]:
    exposure: Line | None = None
    security_off = False
    for line in text.lines:
        setting = _SETTING.match(line.text)
        if setting is None:
            continue
        name, value = setting.group(1).lower(), setting.group(2).lower()
        if name == _EXPOSURE and _SENSITIVE.intersection(v.strip() for v in value.split(",")):
            exposure = line
        elif _SECURITY_OFF.get(name) == value:
            security_off = True
    if exposure is not None and security_off:
        yield text.finding(
            exposure,
            CODE,
            Severity.HIGH,
            message="Spring Boot actuator endpoints (env, heapdump…) are exposed over HTTP with management security "
            "switched off: whoever reaches the port reads the configuration and memory with no login",
            remedy=_REMEDY,
        )
