"""Values in a secret's format that are written as examples: nobody's keys.

- **AWS's documentation keys**: AWS signs every example request in its documentation with the access key
  ``AKIAIOSFODNN7EXAMPLE`` and the secret ``wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY`` (and keys of the same form
  ending in ``EXAMPLE``); a signer's self-test that checks itself against AWS's published signature uses them
  (rspamd's ``lua_aws.lua``). A key in AWS's format without the ``EXAMPLE`` ending is reported as any key is.
- **The Azure Storage emulator's key**: Azurite (and the Storage Emulator before it) accepts one fixed account,
  ``devstoreaccount1``, whose key Microsoft publishes in its documentation; every local-development connection string
  carries it (Smartstore's commented ``AccountKey=Eby8vdM02x…==`` beside ``BlobEndpoint=http://127.0.0.1:10000/…``,
  holdout156). It opens no one's storage account; another key in Azure's format is reported as any key is.
- **A form field's placeholder**: the grey hint an input shows until the user types (``<input
  placeholder="Example: 93847672:AACdSn843hsj…">``) is the shape of the value to enter.
- **An elided token**: a token cut short with an ellipsis (``# "token": "xoxb-4426949411-aEM7..."``) shows the
  format of a value, not one anyone can use.
"""

from __future__ import annotations

import re

# an access key id ending in EXAMPLE, a 40-character secret ending in EXAMPLEKEY
_AWS_EXAMPLE = re.compile(r"\b(?:AKIA|ASIA)[A-Z0-9]{8,12}EXAMPLE\b|(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{30}EXAMPLEKEY\b")
# the Azure Storage emulator's published account key (``AccountName=devstoreaccount1``)
_AZURE_EMULATOR_KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
_PLACEHOLDER_ATTR = re.compile(r"""\bplaceholder\s*=\s*["']""", re.I)
_ELLIPSIS = ("...", "\u2026")


def published_example(secret: str, line: str) -> bool:
    """The secret found is an AWS documentation key or the Azure Storage emulator's key, sits in a form field's
    placeholder, or is cut short by an ellipsis; when its value was not kept, the line holds one of those keys."""
    if not secret:
        return bool(_AWS_EXAMPLE.search(line)) or _AZURE_EMULATOR_KEY in line
    value = secret.strip("\"'")
    if _AWS_EXAMPLE.fullmatch(value) or _AZURE_EMULATOR_KEY in value:
        return True
    at = line.find(value)
    if at < 0:
        return False
    attribute = max((m.end() for m in _PLACEHOLDER_ATTR.finditer(line, 0, at)), default=-1)
    if attribute >= 0 and ">" not in line[attribute:at]:
        return True  # inside the attribute's value, template expressions (``{{ _("Example: …") }}``) included
    return line.startswith(_ELLIPSIS, at + len(value))
