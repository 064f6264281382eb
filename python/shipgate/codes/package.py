"""Finding codes of the ``package.`` layer: the package as a whole (shipgate.package, shipgate.verifier)."""

from __future__ import annotations

from shipgate.codes._model import Code
from shipgate.findings import Severity as S

CODES = (
    Code(
        "package.digest_mismatch",
        S.CRITICAL,
        "the whole archive's digest differs from the one the caller expected (--expect-sha256)",
        "The archive is not the one you meant to verify: download it again from the vendor and compare the "
        "digest with the one the vendor publishes.",
    ),
    Code(
        "package.check_failed",
        S.CRITICAL,
        "a verification step failed on this input; the package cannot be judged",
        "Do not install; report the archive to the shipgate maintainers with this message.",
    ),
)
