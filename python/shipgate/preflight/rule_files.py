"""Rule files: patterns a filter matches messages or requests against, and the texts it shows when one matches.

- **SpamAssassin rules** (``*.cf``/``*.pre`` with ``describe``/``tflags`` directives, as in
  ``/usr/share/spamassassin``): a rule's ``describe`` text (``Listed in Razor2 (http://razor.sf.net/)``), its
  ``uri``/``body`` regular expressions (``m,^http://si20.com/auth,``) and comments name hosts that mail links to or
  that a report links to; SpamAssassin connects to none of them.
- **Privoxy actions and filters** (``*.action`` with ``{+action}`` sections, ``*.filter`` with ``FILTER:``
  headers): host patterns the proxy matches requests against (``.login.yahoo.com``) and ``s/…/…/`` rewrites of
  the pages it passes on.

Their hosts are mentions, and they hold no credential (a ``user:pass@host`` in them is a pattern or an example).
A file is recognised by its name and at least one directive line among its first ``MAX_LINES`` lines.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Sequence

MAX_LINES = 5000
_SPAMASSASSIN = re.compile(r"^\s*(?:lang\s+[\w-]+\s+)?(?:describe|tflags)\s+[A-Z0-9_]+\s")
_PRIVOXY_ACTION = re.compile(r"^\s*\{\s*[+-][\w-]")
_PRIVOXY_FILTER = re.compile(r"^(?:FILTER|SERVER-HEADER-FILTER|CLIENT-HEADER-FILTER|CLIENT-HEADER-TAGGER"
                             r"|SERVER-HEADER-TAGGER|EXTERNAL-FILTER):\s*[\w-]+")


def is_rule_file(path: str, lines: Sequence[tuple[int, str]]) -> bool:
    """A SpamAssassin rule file or a Privoxy action/filter file (see the module docstring)."""
    name = posixpath.basename(path).lower()
    if name.endswith((".cf", ".pre")):
        pattern = _SPAMASSASSIN
    elif name.endswith(".action"):
        pattern = _PRIVOXY_ACTION
    elif name.endswith(".filter"):
        pattern = _PRIVOXY_FILTER
    else:
        return False
    return any(pattern.match(text) for _, text in lines[:MAX_LINES])
