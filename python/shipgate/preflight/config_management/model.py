"""What a configuration-management file declares, in one form for Puppet, Chef and Salt: the resources (states)
with their attributes, and the variables the file sets, each value as text with the references it makes."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import tree_sitter

# A value's text stands in for what only the agent knows (a fact, an attribute, a pillar key) with this reference.
UNKNOWN = "CFG_VALUE"


@dataclass(frozen=True)
class Ref:
    """A reference inside a value: to a variable the file sets (``name``), or to something it does not (None)."""

    name: str | None = None


Part = str | Ref


@dataclass(frozen=True)
class Value:
    parts: tuple[Part, ...]
    line: int  # where the value's text starts in the file

    @property
    def literal(self) -> str | None:
        """The text when the value makes no reference."""
        if any(isinstance(p, Ref) for p in self.parts):
            return None
        return self.known

    @property
    def known(self) -> str:
        """The literal text with every reference left out (for words such as ``:disabled`` or ``'0755'``)."""
        return "".join(p for p in self.parts if isinstance(p, str))


@dataclass(frozen=True)
class Resource:
    kind: str  # ``exec``, ``remote_file``, ``cmd.run``…
    title: Value | None
    line: int  # the declaration's first line
    attributes: dict[str, Value] = field(default_factory=dict)


@dataclass(frozen=True)
class Assignment:
    name: str
    value: Value


@dataclass
class Declared:
    resources: list[Resource] = field(default_factory=list)
    assignments: list[Assignment] = field(default_factory=list)


MAX_NODES = 200_000


def syntax_nodes(root: tree_sitter.Node, limit: int = MAX_NODES) -> Iterator[tree_sitter.Node]:
    """The nodes of a syntax tree in source order, at most ``limit`` of them (the readers' bound)."""
    stack = [root]
    seen = 0
    while stack and seen < limit:
        node = stack.pop()
        seen += 1
        yield node
        stack.extend(reversed(node.children))
