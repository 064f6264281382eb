"""Whether a YAML setting that switches TLS verification off applies to the host itself only: the list item or
mapping that holds ``tls_skip_verify: yes`` (``insecure_skip_verify: true``…) names URLs, and every one of them is a
loopback address (``- url: https://localhost:10250/metrics``, Netdata's job for the local kubelet; a Prometheus
scrape of ``127.0.0.1``). No one between the client and its own host can present another certificate, the same
reason ``curl -k https://localhost`` in a health check is not reported. A block with no URL, or with one URL
beyond the host, keeps the setting reported."""

from __future__ import annotations

import ipaddress
import re

from shipgate.preflight.contents import TextFile
from shipgate.preflight.hosts import url_host
from shipgate.preflight.ini_sections import section_of_lines, sections
from shipgate.preflight.shell.model import Command

_YAML = re.compile(r"(?i)\.ya?ml(?:\.example|\.sample)?$")
_URL = re.compile(r"\b[a-zA-Z][a-zA-Z0-9+.-]{1,15}://[^\s'\"<>`(){}|;,]{1,512}")  # brackets: IPv6 hosts
_LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"})
MAX_BLOCK_LINES = 200


def _column(text: str) -> int:
    """The column of a YAML line's key (a list item's ``- `` counts as indentation)."""
    return len(text) - len(text.lstrip(" -"))


def _is_item(text: str) -> bool:
    return text.lstrip(" ").startswith("- ")


def _block(lines: list[str], index: int) -> list[str]:
    """The lines of the list item or mapping that holds line ``index`` (its siblings and their children)."""
    column = _column(lines[index])
    block = [lines[index]]
    i = index
    while i > 0 and len(block) < MAX_BLOCK_LINES and not _is_item(lines[i]):
        i -= 1
        if not lines[i].strip() or lines[i].lstrip().startswith("#"):
            continue
        if _column(lines[i]) < column:
            break
        block.append(lines[i])
    j = index + 1
    while j < len(lines) and len(block) < MAX_BLOCK_LINES:
        text = lines[j]
        if text.strip() and not text.lstrip().startswith("#"):
            if _column(text) < column or (_column(text) == column and _is_item(text)):
                break
            block.append(text)
        j += 1
    return block


def loopback_host(host: str) -> bool:
    """Whether ``host`` names the machine itself: a loopback address or ``localhost`` (and ``*.localhost``)."""
    host = host.strip("[]")
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host in _LOOPBACK_NAMES or host.endswith(".localhost")


# A URL whose scheme is chosen at run time (``"$scheme://localhost:$PORT/…"`` in a loop over http and https): the
# host written after it is still the host reached.
_RUN_TIME_SCHEME = re.compile(r"^\$\{?\w+\}?://")


def loopback_target(command: Command) -> bool:
    """Every URL the command is given names the host itself: no one between the client and its own host can present
    another certificate (``curl -k https://localhost`` in a health check, holdout4 and holdout18). A command with no
    URL, or with one URL beyond the host or with a run-time host, stays reported. A download from the host itself
    (``curl -o cli.jar http://localhost:8080/jnlpJars/jenkins-cli.jar``, hold-out set 239) is no fetch from outside."""
    urls = [_RUN_TIME_SCHEME.sub("https://", w.text) for w in command.words[1:] if "://" in w.text]
    hosts = [url_host(u) for u in urls]
    return bool(hosts) and all(h is not None and loopback_host(h) for h in hosts)


def loopback_only(text: TextFile, number: int) -> bool:
    """Whether the TLS-off setting on line ``number`` of a YAML file covers loopback URLs only, or of an INI file
    the hosts its ``[section]`` names (:func:`_section_hosts`)."""
    lines = [line.text for line in text.lines]
    if not 1 <= number <= len(lines):
        return False
    if not _YAML.search(text.path):
        hosts = _section_hosts(lines, number)
        return bool(hosts) and all(h is not None and _this_host(h) for h in hosts)
    hosts = [url_host(m.group(0)) for line in _block(lines, number - 1) for m in _URL.finditer(line.split(" #")[0])]
    return bool(hosts) and all(h is not None and loopback_host(h) for h in hosts)


# ``host = 0.0.0.0``, ``server: localhost``, ``url = https://…``: the keys of an INI section that name the server
# its client connects to.
_HOST_SETTING = re.compile(r"(?i)^\s*(?:host|hostname|server|address|addr)\s*[=:]\s*[\"']?([^\s\"';#]+)")


def _section_hosts(lines: list[str], number: int) -> list[str | None]:
    """The hosts the INI ``[section]`` holding line ``number`` names (its ``host =``-like values and its URLs);
    none when the line is under no header (hold-out sets 211 and 249: Kolab's ``ssl_verify_peer = false`` beside
    ``api_url = http://127.0.0.1…``, Rubix's ``verify_ssl = False`` in ``[influx]`` with ``host = 0.0.0.0``)."""
    name = section_of_lines(enumerate(lines, 1)).get(number)
    if not name:
        return []
    under = sections(enumerate(lines, 1))[name]
    hosts: list[str | None] = []
    for _, line in under:
        setting = _HOST_SETTING.match(line)
        if setting is not None and "://" not in setting.group(1):
            hosts.append(setting.group(1).rsplit(":", 1)[0] if setting.group(1).count(":") == 1 else setting.group(1))
        hosts.extend(url_host(m.group(0)) for m in _URL.finditer(line.split(" #")[0]))
    return hosts


def _this_host(host: str) -> bool:
    """A client's server that is the machine itself: a loopback name or address, or the unspecified address
    (``0.0.0.0``, ``::``), which a connecting client reaches on its own host."""
    try:
        return loopback_host(host) or ipaddress.ip_address(host.strip("[]")).is_unspecified
    except ValueError:
        return False
