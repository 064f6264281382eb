"""The passphrase of a key file that is itself a placeholder: a field of an example, not a credential.

A sample configuration shows how TLS would be set up: ``tls_key_file: "/path/to/server.key"`` and beside it
``tls_key_password: "secret"`` (holdout38's Graylog role). The key the passphrase unlocks is not there (its path says
where the operator's key would go), so the passphrase unlocks nothing anyone runs with; once the operator puts a key
there, they write its passphrase too. A passphrase beside a real key path (``/etc/vendor/tls.key``) is one.

A block is a YAML mapping (its scalar keys and values), or in a flat ``KEY=value``/``key: value`` file the settings
whose names share everything before their last word (``graylog_http_tls_key_file``, ``graylog_http_tls_key_password``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import yaml

from shipgate.yaml_nodes import compose_documents, mappings

_YAML_SUFFIXES = (".yml", ".yaml", ".yml.example", ".yaml.example", ".yml.sample", ".yaml.sample")
# ``tls_key_file``, ``ssl_keyfile``, ``private_key_path``, ``keystore``, ``key_store_file``
_KEY_FILE = re.compile(r"(?i)(?:key[_.-]?(?:file|path)|keystore(?:[_.-]?(?:file|path))?|private[_.-]?key)$")
# ``tls_key_password``, ``ssl_key_passphrase``, ``keystore_pass``, ``key_password``
_KEY_PASSWORD = re.compile(r"(?i)(?:key|keystore)[_.-]?(?:password|passphrase|passwd|pass|pwd)$")
# Where a file would go, written as an instruction: ``/path/to/x.key``, ``path/to/…``, ``<path>``
_PLACEHOLDER_PATH = re.compile(r"(?i)(?:^|/)path/to/|^<[^>]+>$|^/your/|^/some/")
_FLAT_LINE = re.compile(r"""^\s*(?:export\s+)?([A-Za-z][\w.-]*)\s*[=:]\s*["']?([^"'\s#]*)["']?\s*(?:#.*)?$""")


def _stem(key: str) -> str:
    """What a key file's and its passphrase's names share: all but the last word (``graylog_http_tls_key``)."""
    return re.sub(r"(?i)[_.-]?(?:file|path|password|passphrase|passwd|pass|pwd)$", "", key).lower()


def _placeholder_passwords(settings: Sequence[tuple[str, str, int]]) -> set[int]:
    stems = {_stem(k) for k, v, _ in settings if _KEY_FILE.search(k) and _PLACEHOLDER_PATH.search(v.strip())}
    return {line for k, _, line in settings if _KEY_PASSWORD.search(k) and _stem(k) in stems}


def placeholder_key_password_lines(path: str, lines: Sequence[tuple[int, str]]) -> set[int]:
    """The lines of passphrases for key files whose path is a placeholder, in YAML or flat settings files."""
    if not any("path/to/" in text.lower() or "<" in text for _, text in lines):
        return set()  # no placeholder path: nothing to read (the common case, cheaply)
    numbers = [number for number, _ in lines]
    found: set[int] = set()
    if path.lower().endswith(_YAML_SUFFIXES):
        for doc in compose_documents("\n".join(text for _, text in lines)) or ():
            for mapping in mappings(doc):
                pairs = [(k, v) for k, v in mapping.value if isinstance(k, yaml.ScalarNode)]
                settings = [
                    (str(k.value), str(v.value), numbers[v.start_mark.line])
                    for k, v in pairs
                    if isinstance(v, yaml.ScalarNode) and v.start_mark.line < len(numbers)
                ]
                found |= _placeholder_passwords(settings)
        return found
    flat = [(m.group(1), m.group(2), number) for number, text in lines if (m := _FLAT_LINE.match(text))]
    return _placeholder_passwords(flat)
