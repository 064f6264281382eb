"""Helm values that install a bundled Redis (or Valkey) with its authentication switched off.

A chart that bundles Redis as a dependency configures it under a top-level key named for the subchart (``redis:``,
``valkey:``, also an alias ending so: ``cache-redis:``). Bitnami's charts, which most products bundle, start Redis
with a password unless ``auth.enabled`` is false (``usePassword: false`` in their older releases); with it false the
server answers every pod of the cluster that reaches its Service with no password, and whoever does reads and writes
every key. Lowcoder's values ship::

    redis:
      enabled: true
      architecture: standalone
      auth:
        enabled: false

Read in a chart's values files (``values.yaml``, ``values-*.yaml``, ``values.*.yaml``; not a template), the
subchart's block at the top level only: a nested ``redis:`` is a product's client settings, not a subchart's. A block
whose own ``enabled:`` is false installs no Redis (the product uses an external one): not reported.
``preflight.authentication_disabled`` (high), at the switch's line.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator

import yaml

from shipgate.findings import Finding, Severity
from shipgate.preflight.contents import Context, TextFile
from shipgate.preflight.helm import MAX_VALUES_BYTES, is_template

CODE = "preflight.authentication_disabled"
_VALUES_FILE = re.compile(r"(?i)^values(?:[-.][\w.-]+)?\.ya?ml$")
_SUBCHART = re.compile(r"(?i)(?:^|[-_])(?:redis|valkey)$")
_TOP_KEY = re.compile(r"(?im)^[\w-]*(?:redis|valkey)\s*:")
_FALSE = frozenset({"false", "no", "off"})
_REMEDY = (
    "Keep the bundled Redis' authentication on (auth.enabled: true, with the password from an existing Secret), or "
    "restrict who reaches its Service with a NetworkPolicy."
)


def scan(ctx: Context) -> Iterator[Finding]:
    for text in ctx.texts:
        name = posixpath.basename(text.path)
        if _VALUES_FILE.match(name) and not is_template(text.path):
            yield from _switched_off(text)


def _root(text: TextFile) -> yaml.MappingNode | None:
    source = "\n".join(line.text for line in text.lines)
    if len(source) > MAX_VALUES_BYTES or not _TOP_KEY.search(source):
        return None
    try:
        root = yaml.compose(source)
    except (yaml.YAMLError, RecursionError, ValueError):
        return None
    return root if isinstance(root, yaml.MappingNode) else None


def _field(block: yaml.MappingNode, name: str) -> yaml.Node | None:
    return next((v for k, v in block.value if isinstance(k, yaml.ScalarNode) and k.value == name), None)


def _off(node: yaml.Node | None) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.value.lower() in _FALSE


def _switched_off(text: TextFile) -> Iterator[Finding]:
    root = _root(text)
    if root is None:
        return
    for key, block in root.value:
        if not (isinstance(key, yaml.ScalarNode) and _SUBCHART.search(key.value)):
            continue
        if not isinstance(block, yaml.MappingNode) or _off(_field(block, "enabled")):
            continue
        auth = _field(block, "auth")
        switch = _field(auth, "enabled") if isinstance(auth, yaml.MappingNode) else _field(block, "usePassword")
        if not _off(switch) or switch is None or switch.start_mark.line >= len(text.lines):
            continue
        yield text.finding(
            text.lines[switch.start_mark.line],
            CODE,
            Severity.HIGH,
            message=f"the bundled {key.value} is installed with authentication off: every pod that reaches its "
            "Service reads and writes every key with no password",
            remedy=_REMEDY,
        )
