"""YAML node trees for the readers of YAML files, composed once per text and never by a composer that can crash.

libyaml's composer (PyYAML's ``CSafeLoader``) is several times faster than PyYAML's Python one and gives the same
node tree and marks, but it recurses in C once per nesting level with no limit: ``[`` nested some ten thousand
deep overflows the C stack and kills the process (no exception to catch). The Python composer recurses in Python
and raises ``RecursionError`` instead. :func:`loader_for` bounds the text's nesting from above by reading it
cheaply (indentation and sequence/key indicators at the start of each line; every ``[`` and ``{`` in the text) and
hands libyaml only texts that cannot nest deeper than :data:`LIBYAML_MAX_DEPTH`; other texts get the Python
composer, whose ``RecursionError`` the callers catch with ``yaml.YAMLError``.

Several preflight checks read the same YAML file (compose services, host access, env lists, embedded shell):
:func:`compose_documents` keeps the last few texts' trees, so a file is composed once. Callers must not change
the nodes they are given.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

import yaml

# Far below the depth at which libyaml's composer overflows an 8 MiB stack (between 10,000 and 30,000 levels).
LIBYAML_MAX_DEPTH = 256
# What may open a block level at the start of a line: indentation, tabs, and `-`/`?` indicators.
_LINE_PREFIX = re.compile(r"^[ \t?-]*", re.M)
_FAST = getattr(yaml, "CSafeLoader", None)


def nesting_bound(text: str) -> int:
    """An upper bound of how deep ``text``'s YAML nests. A block level needs one more character of indentation
    or an indicator than its parent, except a sequence written at its key's indentation, hence twice the longest
    line prefix; a flow level needs a bracket."""
    flow = text.count("[") + text.count("{")
    if flow > LIBYAML_MAX_DEPTH:
        return flow
    prefix = max(map(len, _LINE_PREFIX.findall(text)), default=0)
    return 2 * prefix + 2 + flow


def loader_for(text: str) -> type[yaml.SafeLoader]:
    """libyaml's safe loader when ``text`` cannot nest deeper than it safely composes, else PyYAML's."""
    if _FAST is not None and nesting_bound(text) <= LIBYAML_MAX_DEPTH:
        return _FAST  # type: ignore[no-any-return]
    return yaml.SafeLoader


@lru_cache(maxsize=8)
def compose_documents(text: str) -> tuple[yaml.Node, ...] | None:
    """Every non-empty document of ``text`` as a node tree, or None when it is not YAML (or nests too deep)."""
    try:
        return tuple(d for d in yaml.compose_all(text, Loader=loader_for(text)) if d is not None)
    except (yaml.YAMLError, RecursionError):  # the Python composer recurses once per nesting level
        return None
    except UnicodeError:  # libyaml encodes the text first: a lone surrogate (undecodable byte) is not YAML
        return None


def compose_single(text: str) -> yaml.Node | None:
    """``text``'s one document, or None when it is not YAML, empty, or holds more than one document."""
    documents = compose_documents(text)
    return documents[0] if documents is not None and len(documents) == 1 else None


# Mapping nodes :func:`mappings` yields at most: a document's aliases point at nodes already composed, and a tree
# of aliases to aliases (the "billion laughs" shape) is far larger walked than composed.
MAX_MAPPINGS = 20_000


def mappings(node: yaml.Node) -> Iterator[yaml.MappingNode]:
    """Every mapping node under ``node`` (itself included), each once, at most :data:`MAX_MAPPINGS`."""
    stack = [node]
    seen: set[int] = set()
    while stack and len(seen) < MAX_MAPPINGS:
        current = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, yaml.MappingNode):
            yield current
            stack.extend(v for _, v in current.value)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)
