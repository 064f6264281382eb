"""The one exception hierarchy of shipgate, shared by the Python layers and the native extension.

The native module imports these classes by name (``pyo3::import_exception!``), so an error raised in
Rust is caught with ``except shipgate.errors.MalformedInput`` like one raised in Python.
"""

from __future__ import annotations


class ShipgateError(Exception):
    """Root of every error shipgate raises on purpose."""

    def diagnostics(self) -> str:
        """A text a person can act on: what went wrong and, where known, what to do."""
        return str(self)


class MalformedInput(ShipgateError, ValueError):
    """Input that does not follow its format (an archive, a manifest, a certificate, a feed)."""


class MalformedArchive(MalformedInput):
    """An archive whose structure cannot be read at all (no central directory, a corrupt one...)."""


class UnsupportedInput(ShipgateError, ValueError):
    """A well-formed request for something shipgate does not do (an unknown digest algorithm...)."""


class LimitExceeded(ShipgateError):
    """A configured bound on bytes, entries, depth or time was crossed."""


class UntrustedInput(ShipgateError):
    """Input that is well formed but not trusted (a bad signature, an unknown issuer...)."""
