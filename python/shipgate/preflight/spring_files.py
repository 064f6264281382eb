"""Settings files a Spring application reads, by name: ``application.yml``, ``application-<profile>.properties``,
``bootstrap.yaml`` and the templates a deployment copies to them (``application-config.yml.example``, datart's,
holdout167).

Spring resolves ``${name}`` and ``${name:fallback}`` placeholders in these files and nothing else: a ``$`` not
followed by ``{`` is a character of the value (``secret: "d@a$t%a^r&a*t"``), where a shell, compose or a Makefile
would read ``$t`` as a variable. Micronaut and Quarkus read ``application.*`` with the same placeholder syntax.
"""

from __future__ import annotations

import posixpath
import re

_SPRING_NAME = re.compile(
    r"(?i)^(?:application|bootstrap)(?:-[\w.-]+)?\.(?:ya?ml|properties)(?:\.(?:example|sample|dist|template|tmpl))?$"
)


def spring_settings(path: str) -> bool:
    """``path`` is named as a Spring settings file (or its template)."""
    return bool(_SPRING_NAME.match(posixpath.basename(path)))
