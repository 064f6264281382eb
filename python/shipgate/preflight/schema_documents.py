"""Files that define a vocabulary or a settings schema rather than configure anything: an XML Schema or DTD
(``.xsd``, ``.dtd``) and a JSON Schema written in YAML or JSON (a top-level ``$schema`` naming json-schema.org).

Their URLs are namespace names, specification references and documentation links (SimpleSAMLphp's OASIS SAML
schemas: ``Location: http://docs.oasis-open.org/…``), and their values are descriptions, defaults and examples
of settings the product reads elsewhere (Nautobot's ``core/settings.yaml``: ``NAPALM_PASSWORD = 'MySecretPassword'``
in an example). A file named as a JSON Schema (``*schema.json``) is already documentation (``markup``)."""

from __future__ import annotations

import re
from collections.abc import Sequence

_XML_SCHEMA_SUFFIXES = (".xsd", ".dtd")
_JSON_SCHEMA_SUFFIXES = (".yaml", ".yml", ".json")
# ``"$schema": "https://json-schema.org/draft/2020-12/schema"`` at the document's top (YAML or JSON)
_SCHEMA_KEY = re.compile(r"""^\s{0,2}["']?\$schema["']?\s*:\s*["']?https?://json-schema\.org/""")
_HEAD = 5  # the key is among a schema's first lines


def is_schema_document(path: str, lines: Sequence[tuple[int, str]]) -> bool:
    """An XML Schema or DTD by its suffix, or a YAML/JSON document whose first lines declare a JSON Schema."""
    lower = path.lower()
    if lower.endswith(_XML_SCHEMA_SUFFIXES):
        return True
    return lower.endswith(_JSON_SCHEMA_SUFFIXES) and any(_SCHEMA_KEY.match(text) for _, text in lines[:_HEAD])
