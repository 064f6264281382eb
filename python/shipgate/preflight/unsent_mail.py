"""Mail relays a flat settings file names but does not send through: its mail transport writes mail elsewhere.

Django's ``EMAIL_BACKEND`` (``console``, ``file``/``filebased``, ``locmem``, ``dummy``, or the dotted class path
ending in one), Laravel's ``MAIL_MAILER``/``MAIL_DRIVER`` (``log``, ``array``), Symfony's ``MAILER_DSN=null://null``
and the like print, store or drop each message: the ``EMAIL_HOST``/``MAIL_HOST``/``SMTP_HOST`` beside them is a
relay the operator may switch to later, not one the product contacts as shipped (as a section whose own
``enabled = false`` switches it off). Only ``KEY=value`` files (``.env``, ``*.env``, ``.properties``) are read; the
transport and the host must be in the same file. ``smtp``, ``sendmail`` with a relay, ``ses`` and any other value
leave the host contacted.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Sequence

# ``.env``, ``.env.example``, ``docker.env``, ``.example.env``, ``env.sample``, ``application.properties``
_FLAT = re.compile(r"(?i)^(?:\.env(?:\.[\w.-]+)?|[\w.-]+\.env|env\.[\w.-]+|[\w.-]+\.properties)$")
_TRANSPORT = re.compile(
    r"""^\s*(?:export\s+)?(?:EMAIL_BACKEND|MAIL_MAILER|MAIL_DRIVER|MAIL_TRANSPORT|EMAIL_TRANSPORT|MAILER_DSN)\s*[=:]\s*
    ["']?([\w.:/-]*)["']?\s*(?:\#.*)?$""",
    re.I | re.X,
)
_UNSENT = re.compile(
    r"(?i)^(?:(?:[\w.]+\.)?(?:console|file|filebased|locmem|dummy)(?:\.EmailBackend)?|log|array|null(?:://null)?)$"
)
_RELAY = re.compile(r"(?i)^\s*(?:export\s+)?(?:EMAIL|MAIL|SMTP|MAILER)_(?:HOST|SERVER|SMTP_HOST|RELAY)\s*[=:]")


def unsent_mail_lines(path: str, lines: Sequence[tuple[int, str]]) -> set[int]:
    """The mail relay lines of a flat settings file whose mail transport sends nothing over the network."""
    if not _FLAT.match(posixpath.basename(path)):
        return set()
    transports = [m.group(1) for _, text in lines if (m := _TRANSPORT.match(text))]
    if not transports or not _UNSENT.match(transports[-1]):
        return set()  # no transport written, or the last one sends (smtp, ses, sendmail …)
    return {number for number, text in lines if _RELAY.match(text)}
