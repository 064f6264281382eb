"""The stages of a multi-stage Dockerfile that only a developer's build makes.

``docker build`` without ``--target`` builds the last stage and the stages it needs: those it starts ``FROM`` and
those it copies or mounts from (``COPY --from=STAGE``, ``RUN --mount=…,from=STAGE``), followed back. A stage named
for development or testing (``development``, ``dev``, ``test``, ``ci``, as a word of its name: ``dev-tools``,
``test_runner``) that no other stage needs and that is not the last one is built only when asked for by name
(Tutor's ``FROM production AS development``, built as the ``openedx-dev`` image with ``--target=development`` for
``tutor dev``, beside its ``final`` stage): a developer's environment, as a ``Dockerfile.dev`` is
(``distributed.is_development_file``). Its steps are not the install's. A stage with another name, or one the last
stage needs, is read as before.
"""

from __future__ import annotations

import re

_FROM = re.compile(r"^\s*FROM\s+(?:--\S+\s+)*(\S+)(?:\s+AS\s+(\S+))?\s*$", re.I | re.M)
_USED = re.compile(r"(?:--from=|[,\s]from=)([^\s,]+)", re.I)
_WORD = re.compile(r"[^a-z0-9]+")
_DEVELOPMENT = frozenset({"dev", "develop", "development", "devel", "test", "tests", "testing", "ci"})


def _is_development(name: str) -> bool:
    return any(word in _DEVELOPMENT for word in _WORD.split(name))


def development_stages(text: str) -> frozenset[str]:
    """The lower-cased names of ``text``'s development stages that the last stage does not need."""
    stages = [(m.group(1).lower(), (m.group(2) or "").lower(), m.start()) for m in _FROM.finditer(text)]
    if len(stages) < 2:
        return frozenset()
    needed: set[str] = set()
    for i, (base, name, start) in enumerate(stages):
        end = stages[i + 1][2] if i + 1 < len(stages) else len(text)
        if i == len(stages) - 1 or not _is_development(name):
            needed.add(base)
            needed.update(m.group(1).lower() for m in _USED.finditer(text, start, end))
    return frozenset(
        name for _, name, _ in stages[:-1] if name and _is_development(name) and name not in needed
    )
