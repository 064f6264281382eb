"""Finding codes of the ``config.`` layer:
Configuration changes against the target's current config (shipgate.preflight.config).
"""

from __future__ import annotations

from shipgate.codes._model import Code
from shipgate.findings import Severity as S

CODES = (
    Code(
        "config.removed_key_set",
        S.MEDIUM,
        "the upgrade removes a key the target still sets",
        "Move the intent of the key to its replacement and delete it before upgrading.",
    ),
    Code(
        "config.renamed_key",
        S.MEDIUM,
        "the upgrade renames a key and the target sets only the old name",
        "Set the new key name to the old key's value before upgrading.",
    ),
    Code(
        "config.required_key_missing",
        S.HIGH,
        "the upgrade requires a key the target does not set",
        "Set the required key in the target configuration before upgrading.",
    ),
    Code(
        "config.required_value_mismatch",
        S.HIGH,
        "the upgrade requires a key value the target does not have (e.g. dten.hybrid.enable must be true)",
        "Set the key to the required value in the target configuration before upgrading.",
    ),
)
