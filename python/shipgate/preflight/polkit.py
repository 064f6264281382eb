"""polkit authorization rules a package installs (polkit(8)): what they grant with no authentication.

- A JavaScript rules file (``*.rules``, or a ``*.rules.in`` template, that calls ``polkit.addRule``): each
  ``polkit.Result.YES`` outside comments and strings lets the subjects the rule matches perform the action with no
  password, as a NOPASSWD sudoers rule does: ``preflight.persistence`` (high) at that line. ``AUTH_SELF``,
  ``AUTH_ADMIN`` (and their ``_KEEP`` forms), ``NO`` and ``NOT_HANDLED`` still ask or refuse: not reported.
- A local authority file (``*.pkla``, INI sections with ``Identity=``/``Action=``): each ``ResultAny``,
  ``ResultInactive`` or ``ResultActive`` set to ``yes`` is the same grant, reported at its line.

The JavaScript is tokenized only as far as comments, strings and template literals go (so a ``YES`` in a comment
or a message is not a grant); which actions and subjects a rule matches is named in the message, not judged."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from shipgate.findings import Finding, Severity
from shipgate.preflight.contents import Context, Kind, TextFile

MAX_CHARS = 200_000
_PLACE = re.compile(r"\.rules(?:\.in)?$")
# a comment, a string or template literal (skipped), or the grant
_TOKEN = re.compile(r"//[^\n]*|/\*.*?(?:\*/|$)|\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`|"
                    r"\bpolkit\s*\.\s*Result\s*\.\s*YES\b|\bpolkit\s*\.\s*addRule\b", re.S)  # fmt: skip
_ACTION = re.compile(r"""action\.id\s*(?:==|===)\s*["']([^"']+)["']""")
_PKLA_RESULT = re.compile(r"^\s*Result(?:Any|Inactive|Active)\s*=\s*yes\s*$", re.I)
_PKLA_IDENTITY = re.compile(r"^\s*Identity\s*=", re.I)
_REMEDY = (
    "Ask the vendor to drop the rule or to return AUTH_ADMIN_KEEP (the admin authenticates once) instead of YES; "
    "record the grant in the change plan with its owner and how it is removed."
)


def _grants(source: str) -> list[int]:
    """Offsets of each ``polkit.Result.YES`` in code, when the file adds a rule; [] otherwise."""
    offsets: list[int] = []
    adds_rule = False
    for token in _TOKEN.finditer(source[:MAX_CHARS]):
        word = token.group(0)
        if word.startswith("polkit"):
            if word.endswith("addRule"):
                adds_rule = True
            else:
                offsets.append(token.start())
    return offsets if adds_rule else []


def _javascript(text: TextFile) -> Iterator[Finding]:
    source = "\n".join(line.text for line in text.lines)
    actions = sorted(set(_ACTION.findall(source)))
    what = ", ".join(actions[:3]) + (" …" if len(actions) > 3 else "") if actions else "the actions it matches"
    newlines = [i for i, c in enumerate(source) if c == "\n"]
    for offset in _grants(source):
        line = text.lines[bisect.bisect_left(newlines, offset)]
        yield text.finding(
            line,
            "preflight.persistence",
            Severity.HIGH,
            message=f"the package installs a polkit rule that grants {what} with no authentication (polkit.Result.YES)",
            remedy=_REMEDY,
            target="polkit",
        )


def _pkla(text: TextFile) -> Iterator[Finding]:
    if not any(_PKLA_IDENTITY.match(line.text) for line in text.lines):
        return
    for line in text.lines:
        if _PKLA_RESULT.match(line.text):
            yield text.finding(
                line,
                "preflight.persistence",
                Severity.HIGH,
                message="the package installs a polkit local authority entry that grants its actions with no "
                f"authentication ({line.text.strip()})",
                remedy=_REMEDY,
                target="polkit",
            )


def scan(ctx: Context) -> Iterator[Finding]:
    for text in ctx.of_kind(Kind.CONFIG):
        if _PLACE.search(text.path):
            yield from _javascript(text)
        elif text.path.endswith(".pkla"):
            yield from _pkla(text)
