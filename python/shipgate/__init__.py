"""shipgate: verify vendor upgrade packages before they enter an organisation or reach production."""

from shipgate._native import __version__ as native_version

__version__ = "0.1.0"

__all__ = ["__version__", "native_version"]
