"""CSAF 2.0 documents: validation against the OASIS schema (offline) and a summary of each document.

    doc = parse_csaf(data, what="rhsa-2021_5186.json")          # CsafInvalid names the failing field

Schemas (CSAF 2.0 and the FIRST CVSS schemas it references) ship in ``csaf_schema/`` and are resolved with
``referencing``: nothing is fetched. Beyond the schema, the mandatory tests matching relies on are run:
every product id used is defined (§6.1.1), and only once (§6.1.2). Matching a package against a document
is :mod:`shipgate.advisories.csaf_match`.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from shipgate.advisories._json import load_json
from shipgate.advisories.errors import CSAF_INVALID, AdvisoryError, CsafInvalid
from shipgate.inputs import InputRefused, parse_time

SCHEMA_DIR = Path(__file__).resolve().parent / "csaf_schema"
CSAF_SCHEMA_ID = "https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json"
PROVIDER_SCHEMA_ID = "https://docs.oasis-open.org/csaf/csaf/v2.0/provider_json_schema.json"
_CVSS = {"cvss-v2.0": "draft4", "cvss-v3.0": "draft4", "cvss-v3.1": "draft7"}
# Red Hat's largest advisories are a few MiB; 32 MiB bounds memory per document.
MAX_CSAF_BYTES = 32 << 20
# Products and branches walked per document (the Cisco example has ~300).
MAX_PRODUCTS = 200_000
MAX_ERRORS_SHOWN = 3

# -- validation ------------------------------------------------------------------------------------------


@functools.cache
def _validators() -> tuple[Any, Any]:
    from jsonschema import Draft202012Validator  # heavy: imported only when CSAF is used
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT4, DRAFT7, DRAFT202012

    specs = {"draft4": DRAFT4, "draft7": DRAFT7}
    resources: list[tuple[str, Resource[Any]]] = []
    for name, draft in _CVSS.items():
        contents = json.loads((SCHEMA_DIR / f"{name}.json").read_text(encoding="utf-8"))
        resources.append((f"https://www.first.org/cvss/{name}.json", specs[draft].create_resource(contents)))
    schemas = {}
    for name, ident in (("csaf_json_schema", CSAF_SCHEMA_ID), ("provider_json_schema", PROVIDER_SCHEMA_ID)):
        schemas[ident] = json.loads((SCHEMA_DIR / f"{name}.json").read_text(encoding="utf-8"))
        resources.append((ident, DRAFT202012.create_resource(schemas[ident])))
    registry: Registry[Any] = Registry().with_resources(resources)
    checker = Draft202012Validator.FORMAT_CHECKER
    return (
        Draft202012Validator(schemas[CSAF_SCHEMA_ID], registry=registry, format_checker=checker),
        Draft202012Validator(schemas[PROVIDER_SCHEMA_ID], registry=registry, format_checker=checker),
    )


def _schema_errors(validator: Any, doc: Any, what: str) -> None:
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))
    if not errors:
        return
    shown = "; ".join(
        f"/{'/'.join(str(p) for p in e.absolute_path)}: {str(e.message)[:200]}" for e in errors[:MAX_ERRORS_SHOWN]
    )
    more = f" (and {len(errors) - MAX_ERRORS_SHOWN} more)" if len(errors) > MAX_ERRORS_SHOWN else ""
    raise CsafInvalid(
        f"{what} is not valid against the CSAF 2.0 schema: {shown}{more}",
        evidence={"errors": len(errors), "first_path": "/" + "/".join(str(p) for p in errors[0].absolute_path)},
    )


def validate_csaf(doc: Any, *, what: str = "CSAF document") -> None:
    """The schema, then the two mandatory tests matching depends on (CSAF 2.0 §6.1.1 missing definition
    of a product id, §6.1.2 multiple definition). Raises :class:`CsafInvalid` naming what fails."""
    _schema_errors(_validators()[0], doc, what)
    check_product_ids(doc, what=what)


_REFERENCE_LISTS = ("product_ids", "products")
_REFERENCES = ("product_reference", "relates_to_product_reference")


def check_product_ids(doc: Any, *, what: str = "CSAF document") -> None:
    """§6.1.1 and §6.1.2: every product id used is defined exactly once (walked without recursion)."""
    defined: dict[str, int] = {}
    used: list[tuple[str, str]] = []
    stack: list[tuple[Any, str]] = [(doc, "")]
    while stack:
        node, path = stack.pop()
        if isinstance(node, list):
            stack.extend((item, f"{path}/{i}") for i, item in enumerate(node))
            continue
        if not isinstance(node, dict):
            continue
        for key, value in node.items():
            here = f"{path}/{key}"
            if key == "product_id" and isinstance(value, str):
                defined[value] = defined.get(value, 0) + 1
            elif key == "product_status" and isinstance(value, dict):
                used.extend((pid, f"{here}/{k}") for k, ids in value.items() if isinstance(ids, list) for pid in ids)
            elif key in _REFERENCE_LISTS and isinstance(value, list):
                used.extend((pid, here) for pid in value if isinstance(pid, str))
            elif key in _REFERENCES and isinstance(value, str):
                used.append((value, here))
            else:
                stack.append((value, here))
    twice = sorted(pid for pid, count in defined.items() if count > 1)
    if twice:
        raise CsafInvalid(f"{what}: product id {twice[0]!r} is defined more than once (CSAF 2.0 6.1.2)")
    missing = [(pid, where) for pid, where in used if pid not in defined]
    if missing:
        pid, where = missing[0]
        raise CsafInvalid(f"{what}: product id {pid!r} used at {where} is never defined (CSAF 2.0 6.1.1)")


def validate_provider_metadata(doc: Any, *, what: str = "provider-metadata.json") -> None:
    _schema_errors(_validators()[1], doc, what)


def load_document(data: bytes, *, what: str) -> Any:
    try:
        return load_json(data, what=what, code=CSAF_INVALID, max_bytes=MAX_CSAF_BYTES)
    except AdvisoryError as exc:
        raise CsafInvalid(exc.message) from None


@dataclass(frozen=True, kw_only=True)
class CsafDocument:
    id: str  # document.tracking.id
    title: str
    publisher: str
    version: str  # document.tracking.version
    published: dt.datetime | None  # initial_release_date
    current: dt.datetime | None  # current_release_date
    vendors: tuple[str, ...]  # vendor branch names in the product tree
    document: Mapping[str, Any]

    @property
    def default_vendor(self) -> str:
        """The shipgate vendor a document is filed under when none is given: the product tree's only vendor
        branch, else the publisher."""
        return self.vendors[0] if len(self.vendors) == 1 else self.publisher


def csaf_time(value: Any) -> dt.datetime | None:
    """A CSAF date-time (RFC 3339) in UTC; None when absent or not one."""
    try:
        return parse_time(value, what="CSAF date-time", naive="utc")
    except InputRefused:
        return None


def parse_csaf(data: bytes, *, what: str = "CSAF document") -> CsafDocument:
    """Bytes → a validated :class:`CsafDocument`; raises :class:`CsafInvalid`."""
    doc = load_document(data, what=what)
    validate_csaf(doc, what=what)
    return describe_document(doc)


def describe_document(doc: Mapping[str, Any]) -> CsafDocument:
    meta = doc["document"]
    tracking = meta["tracking"]
    vendors = sorted(
        {
            str(b["name"])
            for b in (doc.get("product_tree") or {}).get("branches") or []
            if isinstance(b, Mapping) and b.get("category") == "vendor"
        }
    )
    return CsafDocument(
        id=str(tracking["id"]),
        title=str(meta.get("title", "")),
        publisher=str(meta["publisher"]["name"]),
        version=str(tracking.get("version", "")),
        published=csaf_time(tracking.get("initial_release_date")),
        current=csaf_time(tracking.get("current_release_date")),
        vendors=tuple(vendors),
        document=doc,
    )
