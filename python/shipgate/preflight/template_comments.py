"""Comments of web and configuration templates: text for the template's maintainers, never output.

A package's templates carry licence headers and notes in their engine's comment syntax, not in the syntax of the
file they render (HTML, an INI file, a Python script). Read as that file, their URLs look like settings. The
comments recognised here:

- line comments: HTML::Mason's ``%#`` (Request Tracker's components), and a line that renders as a comment of the
  generated file behind an empty engine comment or escape: Jinja's ``{##}# …`` (Trac's ``deploy_trac.cgi``) and
  Mako's ``<%text>##</%text> …`` (Kallithea's ``template.ini.mako``);
- block comments that open at the start of a line: Jinja/Twig/Django ``{# … #}``, Template Toolkit ``[%# … %]``,
  Mason ``<%doc> … </%doc>``, ERB/EJS ``<%# … %>``, Handlebars ``{{!-- … --}}``, Smarty ``{* … *}``. A block runs at
  most ``MAX_BLOCK`` lines; past that (an unclosed opener) nothing more is taken as comment.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

MAX_BLOCK = 400
_LINE_COMMENT = re.compile(r"%#|\{##\}\s*#|<%text>\s*##\s*</%text>")
_OPENING = frozenset("%{[<")  # the first character of every comment form below
_BLOCKS: tuple[tuple[str, str], ...] = (
    ("{#", "#}"),
    ("[%#", "%]"),
    ("<%doc>", "</%doc>"),
    ("<%#", "%>"),
    ("{{!--", "--}}"),
    ("{*", "*}"),
)


def template_comment_lines(lines: Sequence[tuple[int, str]]) -> set[int]:
    """The numbers of the lines that are template comments (see the module docstring)."""
    inside: set[int] = set()
    closer: str | None = None
    opened = 0
    for index, (number, text) in enumerate(lines):
        stripped = text.lstrip()
        if closer is not None:
            inside.add(number)
            if closer in stripped or index - opened >= MAX_BLOCK:
                closer = None
            continue
        if stripped[:1] not in _OPENING:
            continue
        if _LINE_COMMENT.match(stripped):
            inside.add(number)
            continue
        for opener, close in _BLOCKS:
            if stripped.startswith(opener) and not stripped.startswith("{##}"):
                inside.add(number)
                if close not in stripped[len(opener) :]:
                    closer, opened = close, index
                break
    return inside
