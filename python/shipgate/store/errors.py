"""Errors of the state store. All are ``ShipgateError`` subclasses with a message a person can act on."""

from __future__ import annotations

from shipgate.errors import ShipgateError


class StoreError(ShipgateError):
    """The state store could not be opened, read or written."""


class SchemaTooNew(StoreError):
    """The database was migrated by a newer shipgate than this one."""


class StoreConflict(StoreError):
    """A write that would break a stored invariant (a feed version that does not increase...)."""
