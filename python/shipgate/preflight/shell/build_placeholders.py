"""Build-time placeholders in a shell script: Maven's resource filtering (and Ant's, Gradle's ``expand``) replace
``${install.dir}`` with a value when the package is built, so a script kept in the source tree
(``src/main/filtered/bin/…``) still holds them. A dotted name is no shell expansion (bash: "bad substitution"), and
tree-sitter-bash's recovery from it can swallow the ``if`` it stands in, with the commands after it. Each one is
read as a variable the script does not set (same length, so lines and columns stay where they are)."""

from __future__ import annotations

import re

# ``${install.etc.dir}``: a name with one or more dots and nothing else inside the braces (no operator, no index).
_DOTTED = re.compile(rb"\$\{([A-Za-z_]\w*(?:\.\w+)+)\}")


def without_build_placeholders(source: bytes) -> bytes:
    """``source`` with each dotted ``${a.b.c}`` written as ``${a_b_c}``: module docstring."""
    if b"${" not in source:
        return source
    return _DOTTED.sub(lambda m: b"${" + m.group(1).replace(b".", b"_") + b"}", source)
