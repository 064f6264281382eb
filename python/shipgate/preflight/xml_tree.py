"""XML read as a bounded tree of elements with their start lines (the standard library's expat; nothing fetched).

A document type or an entity declaration is refused (no entity expansion, no external DTD), as are more elements
than the caller allows and deeper nesting; what is refused or not well-formed gives None. A caller may accept a
document type that only names its DTD (``public_doctype``: a launchd property list's ``<!DOCTYPE plist PUBLIC …>``;
expat never fetches it) while an internal subset and entity declarations stay refused. Used where preflight reads
an XML file's structure: Liquibase changelogs (``sql/changelog.py``), Java products' configuration
(``java_access.py``) and launchd property lists (``launchd.py``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from xml.parsers import expat


@dataclass
class Element:
    name: str
    attrs: dict[str, str]
    line: int
    children: list[Element] = field(default_factory=list)
    text: list[str] = field(default_factory=list)


class Refused(Exception):
    """A DTD or entity declaration, more elements than allowed, or nesting deeper than allowed."""


def parse_xml(
    text: str, *, max_elements: int, max_depth: int = 1024, local_names: bool = False, public_doctype: bool = False
) -> Element | None:
    """The document as a ``#document`` element holding the root; ``local_names`` drops namespace prefixes."""
    root = Element("#document", {}, 1)
    stack = [root]
    count = 0
    parser = expat.ParserCreate()

    def start(name: str, attrs: dict[str, str]) -> None:
        nonlocal count
        count += 1
        if count > max_elements or len(stack) > max_depth:
            raise Refused
        element = Element(name.rpartition(":")[2] if local_names else name, attrs, parser.CurrentLineNumber)
        stack[-1].children.append(element)
        stack.append(element)

    def end(_name: str) -> None:
        stack.pop()

    def data(chunk: str) -> None:
        stack[-1].text.append(chunk)

    def refuse(*_args: object) -> None:
        raise Refused

    def doctype(_name: str, _system: str | None, _public: str | None, internal_subset: int) -> None:
        if internal_subset or not public_doctype:
            raise Refused

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = data
    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = refuse
    try:
        parser.Parse(text, True)
    except (expat.ExpatError, Refused, IndexError):
        return None
    return root


def in_document_order(root: Element) -> list[Element]:
    """Every element below ``root``, in the order their start tags are written."""
    out: list[Element] = []
    todo = list(reversed(root.children))
    while todo:
        element = todo.pop()
        out.append(element)
        todo.extend(reversed(element.children))
    return out
