"""Back-end sections an XML configuration writes out but does not choose: ``<mysql>`` beside ``<module>sqlite``.

A server that can keep its data in one of several back ends may write a section of settings for each of them in one
element and choose one by name in a sibling (jabberd2's ``c2s.xml``: ``<authreg>`` holds ``<module>sqlite</module>``
and then ``<sqlite>``, ``<mysql>``, ``<pgsql>``, ``<oracle>``, ``<ldap>``…, each with its host, user and
``<pass>secret</pass>``; ``sm.xml``'s ``<storage>`` chooses with ``<driver>``). When the choice (``driver``,
``module``, ``backend``, ``engine``, ``type``, ``storage``) names one of its sibling elements, the other siblings
named for a back end (a database, directory or store: ``mysql``, ``pgsql``, ``oracle``, ``ldap…``, ``mongodb``…)
are not in effect as shipped: their hosts are not contacted and their passwords are sent nowhere (round twenty-nine's
features off by default; ``local_storage`` reads the same choice in YAML). The chosen section stays read, and so
does every section of an element whose choice names no sibling.
"""

from __future__ import annotations

import re

from shipgate.preflight.xml_tree import Element, in_document_order, parse_xml

MAX_ELEMENTS = 20_000  # elements of one document read (a larger one is not read)
_CHOICES = frozenset({"driver", "module", "backend", "engine", "type", "storage"})
_BACKEND = re.compile(
    r"(?:mysql|mariadb|pgsql|postgres(?:ql)?|oracle|oci8?|sqlite3?|mssql|odbc|db|bdb|berkeley(?:db)?|"
    r"ldap\w*|mongo(?:db)?|redis|memcached?|fs|file|pam|pipe|sql|anon|memory|http|rest)",
    re.I,
)


def _choice(element: Element) -> str | None:
    """The sibling section ``element`` chooses by name, if it holds exactly one choice that names one."""
    names = {child.name.lower() for child in element.children}
    chosen = [
        "".join(child.text).strip().lower()
        for child in element.children
        if child.name.lower() in _CHOICES and not child.children
    ]
    return chosen[0] if len(chosen) == 1 and chosen[0] in names else None


def _lines(element: Element) -> set[int]:
    return {element.line} | {e.line for e in in_document_order(element)}


def unchosen_backend_lines(text: str) -> set[int]:
    """The lines of ``text``'s back-end sections that their element's choice leaves out."""
    if "<" not in text:
        return set()
    root = parse_xml(text, max_elements=MAX_ELEMENTS)
    if root is None:
        return set()
    out: set[int] = set()
    for element in in_document_order(root):
        chosen = _choice(element)
        if chosen is None:
            continue
        for sibling in element.children:
            name = sibling.name.lower()
            if name != chosen and name not in _CHOICES and _BACKEND.fullmatch(name):
                out |= _lines(sibling)
    return out
