"""A setting named for a client's certificate check that switches it off, read from the words of the setting's name.

Products put their own prefix before the name (``COLLABORA_SSL_VERIFICATION=false``, ``ldap.tls.verify: 0``), so
no fixed list names them: the last two words of the name are a TLS word followed by a check word (``ssl``/``tls``/
``cert…`` then ``verify``/``verification``/``validation``/``check``), and the value is false. The client it
configures then accepts any certificate. Not a name whose last word is something else (``SSL_VERIFY_CLIENT``: a
server asking its clients for certificates), not a name with a negating word (``disable_tls_validation: false``
keeps the check), not the check word first (Ansible's ``validate_certs``, which ``ansible_tls`` reads with its
module's URL). ``INSECURE=true`` is not read: in Go configurations it as often chooses plain transport
(``grpc insecure``, an object store's ``insecure: true``) as it skips the check.

Read in settings only; the caller leaves program source to the readers of code.
"""

from __future__ import annotations

import re

# NAME = value, NAME: value, "NAME": "value" (a JSON member), with an optional trailing comment.
_SETTING = re.compile(
    r"^\s*(?:export\s+)?[\"']?([A-Za-z_][\w.-]{0,119})[\"']?\s*[:=]\s*[\"']?(\w+)[\"']?\s*,?\s*(?:[#;].*)?$"
)
_WORD = re.compile(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])")
_TLS_WORDS = frozenset({"ssl", "tls", "cert", "certs", "certificate", "certificates"})
_CHECK_WORDS = frozenset({"verify", "verification", "validation", "validate", "check", "checks"})
_NEGATING = frozenset({"disable", "disabled", "skip", "ignore", "insecure", "no", "allow", "bypass", "without"})
_FALSE = frozenset({"false", "0", "no", "off"})


def _words(name: str) -> list[str]:
    return [w.lower() for part in re.split(r"[_.\-]+", name) for w in _WORD.findall(part)]


def certificate_check_off(text: str) -> bool:
    """``…_SSL_VERIFICATION=false``: a setting named for the certificate check, set false."""
    setting = _SETTING.match(text)
    if setting is None or setting.group(2).lower() not in _FALSE:
        return False
    words = _words(setting.group(1))
    if len(words) < 2 or _NEGATING.intersection(words):
        return False
    return words[-2] in _TLS_WORDS and words[-1] in _CHECK_WORDS
