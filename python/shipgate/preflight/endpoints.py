"""External endpoints (URLs, host names, IP addresses) in scripts and config outside ``allowed_endpoints``.

Bare names are only taken where they are used as endpoints (arguments of network tools, ``host =``-style
keys, ``user@host``), never any dotted word: ``dten.hybrid.enable`` and ``config.toml`` are not hosts.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterator
from urllib.parse import urlsplit

from shipgate.findings import Finding, Severity
from shipgate.preflight.contents import Context, Kind, TextFile

_URL = re.compile(r"\b([a-zA-Z][a-zA-Z0-9+.-]{1,15})://([^\s'\"<>`()\[\]{}|;]+)")
_NAME = r"(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}"
_IPV4 = r"(?:\d{1,3}\.){3}\d{1,3}"
_HOST = rf"(?:{_NAME}|{_IPV4})"
# Network tools and the word after their options is a host.
_TOOL_HOST = re.compile(
    r"\b(?:curl|wget|nc|ncat|netcat|telnet|ftp|sftp|ping|nslookup|dig|host|traceroute|openssl\s+s_client"
    r"\s+-connect)\s+(?:-{1,2}\w[\w-]*(?:[ =](?!-)[^\s-]\S*)?\s+)*\"?(" + _HOST + r")\b"
)
_REMOTE_TOOL = re.compile(r"\b(?:ssh|scp|rsync|sftp)\b")
_USER_AT_HOST = re.compile(r"(?<![\w.-])[\w.-]{1,64}@(" + _HOST + r")\b")
_HOST_FLAG = re.compile(r"\s(?:-h|--host|--server|--endpoint)[ =]\"?(" + _HOST + r")\b")
_HOST_KEY = re.compile(r"(?<![\w.-])([\w.-]{1,128})[\"']?\s*[:=]\s*[\"']?(" + _HOST + r")(?::\d+)?[\"']?\s*(?:$|[,;#])")
_HOST_KEY_NAME = re.compile(r"(?i)host|server|endpoint|address|addr|url|uri|remote|upstream|proxy|mirror")
_IP_PORT = re.compile(r"(?<![\w.])(" + _IPV4 + r"):\d{1,5}\b")
_LOCAL_NAMES = ("localhost", "localhost.localdomain", "ip6-localhost")
_LOCAL_SUFFIXES = (".localhost", ".local", ".localdomain", ".internal", ".invalid", ".test", ".example")
# Not endpoints: dotted names that are files or code, caught by the URL-less patterns above.
_FILE_SUFFIXES = (
    ".sh",
    ".sql",
    ".conf",
    ".json",
    ".toml",
    ".yaml",
    ".yml",
    ".txt",
    ".log",
    ".service",
    ".timer",
    ".py",
    ".tar",
    ".gz",
    ".zip",
    ".pem",
    ".crt",
    ".key",
    ".pid",
    ".lock",
    ".d",
)


def _hosts(line: str) -> Iterator[tuple[str, str]]:
    """(host, what) pairs on one line of code."""
    for m in _URL.finditer(line):
        scheme = m.group(1).lower()
        if scheme == "file":
            continue
        try:
            host = urlsplit(f"{scheme}://{m.group(2)}").hostname
        except ValueError:
            continue
        if host and "$" not in host and "{" not in host:
            yield host, f"{scheme} URL"
    for pattern, what in (
        (_TOOL_HOST, "network tool argument"),
        (_HOST_FLAG, "host option"),
        (_IP_PORT, "address with port"),
    ):
        for m in pattern.finditer(line):
            yield m.group(1), what
    if _REMOTE_TOOL.search(line):
        for m in _USER_AT_HOST.finditer(line):
            yield m.group(1), "remote login"
    for m in _HOST_KEY.finditer(line):
        if _HOST_KEY_NAME.search(m.group(1)):
            yield m.group(2), "endpoint setting"


def _external(host: str) -> bool:
    host = host.lower().rstrip(".")
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        if host in _LOCAL_NAMES or host.endswith(_LOCAL_SUFFIXES) or host.endswith(_FILE_SUFFIXES):
            return False
        return "." in host
    return not (address.is_loopback or address.is_unspecified or address.is_link_local)


# Commands that open connections: a host on their line (or in a variable they use) is contacted.
# In command position only (line start, after ; & | ( ` $( or a keyword/wrapper), so "fetch them" in a
# message or the "http" of a URL is not a command.
_NETWORK_COMMAND = re.compile(
    r"(?:^|[;&|(`]|\$\(|\b(?:then|do|else|if|while|until|sudo|exec|nohup|env|time|command|xargs|!)\s)\s*"
    r"(?:[\w./-]*/)?(?:curl|wget|fetch|nc|ncat|netcat|telnet|ftp|sftp|scp|ssh|rsync|ping|dig|nslookup|psql|mysql|"
    r"redis-cli|mongo(?:sh)?|http|openssl\s+s_client|git\s+(?:clone|fetch|pull|push|remote\s+add)|"
    r"pip3?\s+install|docker\s+(?:pull|push|login)|helm\s+(?:repo\s+add|install|upgrade))(?=\s|$)"
)
_MENTION_KEY = re.compile(
    r"(?i)\s*[\w.-]{0,64}(?:documentation|docs?|homepage|help|licen[cs]e|about|support|bugs?|info)[\w.-]{0,64}\s*[=:]"
)
_URL_VARIABLE = re.compile(r"(?<![\w$])([A-Za-z_]\w{0,63})=[\"']?[a-zA-Z][a-zA-Z0-9+.-]{1,15}://")
_VARIABLE_USE = re.compile(r"\$\{?([A-Za-z_]\w{0,63})")


def _contacting_variables(text: TextFile) -> set[str]:
    """Shell variables holding a URL that a network command on some line of the file uses."""
    holders = {m.group(1) for line in text.code_lines() for m in _URL_VARIABLE.finditer(line.code)}
    if not holders:
        return set()
    used: set[str] = set()
    for line in text.code_lines():
        if _NETWORK_COMMAND.search(line.code):
            used.update(m.group(1) for m in _VARIABLE_USE.finditer(line.code))
    return holders & used


def _contacted(text: TextFile, code: str, what: str, variables: set[str]) -> bool:
    """Whether the host on this line is (likely) contacted rather than only mentioned.

    Config, unit and cron files configure what the product connects to, so a host there counts unless its
    key is documentation (``Documentation=``, ``homepage``, ``license_url``...); in a
    script a host counts when a network command is on its line or uses the variable it is assigned to;
    a URL in SQL or in a script's message text is a mention.
    """
    if text.kind in (Kind.CONFIG, Kind.SYSTEMD, Kind.CRON):
        return not _MENTION_KEY.match(code)
    if text.kind is not Kind.SHELL:
        return False
    if what != "URL" or _NETWORK_COMMAND.search(code):
        return True
    return any(m.group(1) in variables for m in _URL_VARIABLE.finditer(code))


def scan(ctx: Context) -> Iterator[Finding]:
    inventory = ctx.inventory
    for text in ctx.of_kind(Kind.SHELL, Kind.CONFIG, Kind.SYSTEMD, Kind.CRON, Kind.SQL):
        variables = _contacting_variables(text) if text.kind is Kind.SHELL else set()
        # A network command continued over "\\"-ended lines covers the continuation lines too.
        command_continues = False
        for line in text.code_lines():
            in_command = command_continues or bool(_NETWORK_COMMAND.search(line.code))
            command_continues = in_command and line.code.rstrip().endswith("\\")
            seen: set[str] = set()
            for found, what in _hosts(line.code):
                host = found.lower().rstrip(".")
                if host in seen or not _external(host):
                    continue
                seen.add(host)
                if inventory is not None and inventory.endpoint_allowed(host):
                    continue
                contacted = (text.kind is Kind.SHELL and in_command) or _contacted(
                    text, line.code, "URL" if what.endswith(" URL") else what, variables
                )
                yield text.finding(
                    line,
                    "preflight.external_endpoint",
                    Severity.MEDIUM if contacted else Severity.INFO,
                    host=host,
                    found_as=what,
                    contacted=contacted,
                    message=(
                        f"contacts {host!r}, which is not in the target's allowed endpoints"
                        if contacted
                        else f"mentions {host!r} (not in the target's allowed endpoints); nothing on the line "
                        "connects to it"
                    ),
                    remedy="Confirm the endpoint with the vendor; add it to network.allowed_endpoints if "
                    "the target may reach it, or block the step.",
                )
