"""The upgrade package: its manifest model (``manifest``) and version constraints (``versions``)."""
