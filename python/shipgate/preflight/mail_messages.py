"""Mail message templates a product fills in and sends: their links are for the recipient.

An ``.eml`` file (RFC 5322's internet message format, also as a Jinja template ``.eml.j2``) that starts with the
header fields of a message (``Date:``, ``From:``, ``To:``, ``Subject:``, ``MIME-Version:``, ``Content-Type:``…) is
the text of a mail the product sends: ``visit https://matrix.org``, a logo's ``<img src="https://…">`` in its HTML
part, are read or loaded by the recipient's mail client, never requested by the product. Known by at least
``_MIN_FIELDS`` distinct message header fields in the header block (the lines before the first empty one); a file
with the suffix but without such a header is read as any other. A template file (``.template``, ``.tpl``, ``.tmpl``,
``.j2``) that starts with such a header is one too, its header fields filled in by the template engine (Cobbler's
``build_report_email.template``: ``From: $from_addr``, ``To: $to_addr``, ``Subject: …`` between ``#if`` lines).

A template file kept in a folder of mail templates — a ``templates`` folder and an ``email``/``emails``/``mail``/
``mails`` folder on its path, in either order (``server/email/templates/errata.tpl``, ``templates/mail/welcome.txt``)
— is the body of a message the product fills in and sends too, header or not: ``More details at https://…`` in it is
for the recipient. Program source there (a ``.py`` module that builds the mail) is read as program source.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_SUFFIXES = (".eml", ".eml.j2", ".eml.jinja", ".eml.jinja2")
_TEMPLATE_SUFFIXES = (".template", ".tpl", ".tmpl", ".j2")
_FIELD = re.compile(
    r"(?i)^(date|from|to|cc|reply-to|subject|message-id|mime-version|content-type|content-transfer-encoding):"
)
_MIN_FIELDS = 3
_MAIL_FOLDERS = frozenset({"email", "emails", "mail", "mails"})
_PROGRAM_SUFFIXES = (".py", ".pl", ".pm", ".rb", ".php", ".js", ".ts", ".go", ".java", ".sh")
_HEAD = 30


def is_mail_message(path: str, lines: Sequence[tuple[int, str]]) -> bool:
    """A mail message template (see the module docstring)."""
    if not path.lower().endswith(_SUFFIXES + _TEMPLATE_SUFFIXES):
        return False
    fields: set[str] = set()
    for _, text in lines[:_HEAD]:
        if not text.strip():
            break
        field = _FIELD.match(text)
        if field is not None:
            fields.add(field.group(1).lower())
    return len(fields) >= _MIN_FIELDS


def in_mail_templates(path: str) -> bool:
    """A template in a folder of mail templates (see the module docstring), not program source."""
    folders = {part.lower() for part in path.split("/")[:-1]}
    return "templates" in folders and bool(folders & _MAIL_FOLDERS) and not path.lower().endswith(_PROGRAM_SUFFIXES)
