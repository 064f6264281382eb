"""Identity patterns: regular expressions with RE2 semantics, anchored, bounded, compiled once.

A vendor signs with per-product or per-pipeline identities (``uri:https://ci.example.net/…/release@refs/tags/v7.4.0``),
so signer rules, the pinned feed identity and ``verify-blob --identity-regexp/--issuer-regexp`` accept a
pattern. Patterns are compiled by Google's RE2 (``google-re2``), not Python's ``re``: RE2 matches in time
linear in the input and has no backreferences or lookaround, so an operator's pattern (or one copied
from a vendor's documentation) cannot make verification backtrack exponentially. A pattern RE2 refuses
— ``(a)\\1``, ``(?=…)``, ``(?<!…)`` — is a :class:`TrustConfigError` naming it.

Every pattern matches the *whole* value (as if written ``^(?:PATTERN)$``). ``cosign
--certificate-identity-regexp`` searches instead, which lets ``https://github.com/org/`` match
``https://evil.example/?https://github.com/org/``; here a prefix must be written as ``https://github\\.com/org/.*``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from shipgate.trust.errors import TrustConfigError

# A pattern is a line an operator writes; 1 KiB is far past any identity rule.
MAX_PATTERN_CHARS = 1024
# RE2's memory budget for one compiled program: bounds what a pattern can cost (RE2 refuses larger ones).
MAX_PROGRAM_BYTES = 1 << 20
# Identities longer than this (SAN URIs, subjects) are never matched: no real one comes near it.
MAX_VALUE_CHARS = 4096


@functools.cache
def _options() -> Any:
    import re2

    options = re2.Options()
    options.log_errors = False  # RE2 would print parse errors to stderr; they are raised instead
    options.max_mem = MAX_PROGRAM_BYTES
    return options


@functools.lru_cache(maxsize=1024)
def _compiled(source: str) -> Any:
    import re2

    return re2.compile(f"(?:{source})", _options())


@dataclass(frozen=True)
class Pattern:
    """One anchored RE2 pattern. Build with :func:`compile_pattern`; compiled once per distinct text."""

    source: str

    def matches(self, value: str) -> bool:
        if len(value) > MAX_VALUE_CHARS:
            return False
        return _compiled(self.source).fullmatch(value) is not None

    def __str__(self) -> str:
        return self.source


def compile_pattern(source: str, *, where: str) -> Pattern:
    """Check and compile ``source``; raises TrustConfigError naming ``where`` and RE2's reason."""
    import re2

    if not isinstance(source, str) or not source:
        raise TrustConfigError(f"{where}: a pattern must be a non-empty string")
    if len(source) > MAX_PATTERN_CHARS:
        raise TrustConfigError(f"{where}: the pattern is {len(source)} characters; at most {MAX_PATTERN_CHARS}")
    try:
        re2.compile(source, _options())  # the operator's text, so that RE2's reason quotes it
    except re2.error as exc:
        reason = exc.args[0].decode("utf-8", "replace") if exc.args and isinstance(exc.args[0], bytes) else str(exc)
        raise TrustConfigError(
            f"{where}: {source!r} is not an RE2 pattern ({reason})",
            remedy="Identity patterns use RE2 syntax (docs/trust.md): no backreferences (\\1), no lookaround "
            "((?=…), (?!…), (?<=…)), repetition counts up to 1000.",
        ) from None
    return Pattern(source)
