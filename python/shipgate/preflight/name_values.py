"""Values under a password-like name in program source that name something rather than hold a secret.

``credentials`` already reads a value that spells its own name or a type's (``'authsecret': 'string'``). Also names:

- **a name whose last part says it holds a name or a kind** (``password_detail_key = "registrationcode"``: the key a
  detail is stored under; ``secret_from = 'config'``: where the secret was loaded from; ``password_field``,
  ``token_type``, ``secret_source``, ``password_label``, ``token_header``; the component that handles it:
  ``PASSWORD_PLUGIN = 'password'``, the keystoneauth plugin loaded by that name, ``secret_backend``; the characters
  a generated secret is drawn from or the encoding it is written in: ``_SECRET_CHARS = "0123…xyz"``,
  ``password_charset = 'UTF-8'``);
- **a dotted setting whose last part names no secret** (``"daypassword.timeStep": "public"``: the ``timeStep``
  setting of the day-password token), or whose first part says it is a type (``params['type.key_password'] =
  'password'``: the parameter's type);
- **a name whose last part says it holds text shown to people** (``"auth_password_recovery_title": "找回密码"``, a
  message table's subject, title, caption, question, placeholder or help text; camelCase too:
  ``SOGoPasswordRecoveryQuestion``);
- **a constant among constants that spell their own names** (``PASSNOTOKEN = "passOnNoToken"`` between ``OTPPIN =
  "otppin"`` and ``PASSTHRU = "passthru"``: an enumeration of setting names), read from the assignments on the lines
  around it, as a map of names is; not a value of digits only (``DEFAULT_PASSWORD = "1234"``), which names nothing;
- **an entry of a map of symbols**: the value and at least two entries around it are upper-case symbol names
  (rspamd's ``arc_symbols = { pass = 'ARC_ALLOW', permerror = 'ARC_INVALID', … }``);
- **an entry of a map of names**: a dict literal whose other entries map to type words or spell their own key or its
  last parts (``{ATTR.PORT: 'string', ATTR.USE_SSL: 'bool', ATTR.KEY_PASSWORD: 'password'}``, a resolver's
  descriptor; an LDAP attribute map ``{'password': 'pass', 'name': 'name', 'description': 'description'}``; an
  enumeration's labels ``{RESULT_PASS: "pass", RESULT_FAIL: "fail", RESULT_SKIP: "skip"}``), read from the entries
  on the lines around it. A map of settings to values (``{'user': 'admin', 'password': 'admin', 'host': 'db'}``) has no
  such entries and stays reported;
- **an entry of a map of attribute names**: the value is a lowerCamelCase name (``"client_secret":
  "oauthClientSecret"``, ``"secret_token": "oathSecret"``: the LDAP attribute a field is stored in) and at least
  ``_MAP_MIN`` entries around it map a key to one too. A settings map whose other values are plain words
  (``{'user': 'admin', 'password': 'blueHorse'}``) stays reported.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

_KIND_KEY = re.compile(r"\(([^()]+)\)$")
_NAMING_SUFFIX = re.compile(
    r"(?i)(?:^|_)(?:detail_?key|dict_?key|key_?name|field|fields|attr|attribute|column|param|parameter|from|source"
    r"|type|kind|label|header|env|var|prefix"
    # the component that handles it (``PASSWORD_PLUGIN = 'password'``: keystoneauth's plugin loaded by that name)
    r"|plugin|backend|driver|method|provider|handler"
    # the characters a value is drawn from or written in (``_SECRET_CHARS = "0123…xyz"``, ``password_charset``)
    r"|chars|characters|charset|alphabet)$"
)
# the last part of a message key: the value is words for people (``auth_password_changed_title``)
_TEXT_SUFFIX = re.compile(
    r"(?i)(?:^|_)(?:title|subject|caption|heading|question|placeholder|tooltip|help|description|message|msg|hint)$"
)
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_SECRET_WORD = re.compile(r"(?i)pass|secret|token|key|pwd|credential|auth")
_TYPE_WORDS = frozenset(
    {"string", "str", "text", "int", "integer", "bool", "boolean", "dict", "list", "float", "number", "password",
     "secret", "dict_with_password", "textarea", "select", "checkbox", "hidden"}
)  # fmt: skip
# one entry of a dict literal on its own line: ``'key': 'value',`` / ``KEY: "value"`` / ``"k": "v"}``
_ENTRY = re.compile(r"""^\s*[{(]?\s*([\w.\]\["']+)\s*:\s*["'](\w+)["']\s*[,})]*\s*$""")
# a constant's assignment on its own line: ``OTPPIN = "otppin"``, ``const X = 'x';``
_CONSTANT = re.compile(
    r"""^\s*(?:(?:public|private|protected)\s+)?(?:const\s+)?([A-Z][A-Z0-9_]*)\s*=\s*["']([\w.-]+)["'];?\s*$"""
)
# an object identifier (``const CERT_EXT_PRIVATE_KEY_USAGE_PERIOD = '2.5.29.16';``): it names an object
_OID_VALUE = re.compile(r"""=\s*["']\d+(?:\.\d+){2,}["']""")
# an entry mapping a key to an upper-case symbol name with an underscore: ``pass = 'ARC_ALLOW',``, ``"x": "ARC_NA"``
_SYMBOL_ENTRY = re.compile(r"""^\s*[\w"'\[\]]+\s*[:=]\s*["'][A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+["']\s*[,;]?\s*$""")
# one entry of a dict literal whose value is a lowerCamelCase name: ``"client_secret": "oauthClientSecret",``
_CAMEL_ENTRY = re.compile(r"""^\s*[\w"'\[\]]+\s*:\s*["'][a-z]+(?:[A-Z][a-z0-9]*|[A-Z]+)+["']\s*,?\s*$""")
_AROUND = 4
_MAP_MIN = 2


def names_a_name(kind: str, line: int, lines: Mapping[int, str]) -> bool:
    """The value found on ``line`` under the name ``kind`` gives names something (see the module's docstring)."""
    named = _KIND_KEY.search(kind)
    if named is None:
        return False
    name = named.group(1)
    last = name.rpartition(".")[2]
    if _NAMING_SUFFIX.search(last) or _TEXT_SUFFIX.search(_CAMEL.sub("_", last.strip("\"'[]"))):
        return True
    if "." in name:
        first, last = name.partition(".")[0], name.rpartition(".")[2]
        if not _SECRET_WORD.search(last) or first.strip("\"'[").lower() == "type":
            return True
    if _OID_VALUE.search(lines.get(line, "")) or (not _digits_value(lines.get(line, "")) and _in_name_map(line, lines)):
        return True
    return _in_symbol_map(line, lines) or _in_attribute_map(line, lines)


def _digits_value(text: str) -> bool:
    """A constant or entry whose value is digits only (``DEFAULT_PASSWORD = "1234"``): a number, which names nothing,
    even among constants that spell their own names (Argilla's default owner password beside ``DATABASE_SQLITE =
    "sqlite"``)."""
    match = _CONSTANT.match(text) or _ENTRY.match(text)
    return match is not None and match.group(2).isdigit()


def _in_attribute_map(line: int, lines: Mapping[int, str]) -> bool:
    """The value on ``line`` is a lowerCamelCase name (``"secret_token": "oathSecret"``) and at least ``_MAP_MIN``
    entries around it map a key to one too: a map of fields to the attributes of another schema (LDAP's)."""
    if _CAMEL_ENTRY.match(lines.get(line, "")) is None:
        return False
    around = (lines.get(n, "") for n in range(line - _AROUND, line + _AROUND + 1) if n != line)
    return sum(1 for text in around if _CAMEL_ENTRY.match(text)) >= _MAP_MIN


def _in_symbol_map(line: int, lines: Mapping[int, str]) -> bool:
    """The value on ``line`` is an upper-case symbol (``pass = 'ARC_ALLOW'``) and at least ``_MAP_MIN`` entries
    around it map a key to one too (``permerror = 'ARC_INVALID'``): a map of result symbols."""
    if _SYMBOL_ENTRY.match(lines.get(line, "")) is None:
        return False
    around = (lines.get(n, "") for n in range(line - _AROUND, line + _AROUND + 1) if n != line)
    return sum(1 for text in around if _SYMBOL_ENTRY.match(text)) >= _MAP_MIN


def _in_name_map(line: int, lines: Mapping[int, str]) -> bool:
    """At least ``_MAP_MIN`` entries on the lines around ``line`` map a key to a type word or to its own name."""
    naming = 0
    for number in range(line - _AROUND, line + _AROUND + 1):
        text = lines.get(number, "") if number != line else ""
        entry = _ENTRY.match(text)
        constant = _CONSTANT.match(text) if entry is None else None
        if constant is not None and _ends_its_name(constant.group(1), constant.group(2)):
            naming += 1  # ``TOKEN_BINDING_STATUS_PRESENT = 'present'``, ``OTPPIN = "otppin"``
        if entry is None:
            continue
        key, value = _spelled(entry.group(1)), entry.group(2).lower()
        if value in _TYPE_WORDS or value == key or _ends_its_name(_bare(entry.group(1)), value):
            naming += 1  # ``RESULT_FAIL: "fail"``: the label of an enumeration member
    return naming >= _MAP_MIN


def _ends_its_name(name: str, value: str) -> bool:
    """``value`` spells ``name`` or its last underscore-separated parts (an enumeration member's value)."""
    spelled = re.sub(r"[^a-z0-9]", "", value.lower())
    parts = name.lower().split("_")
    return any("".join(parts[i:]) == spelled for i in range(len(parts)))


def _bare(key: str) -> str:
    """A dict key as written, without quotes, brackets or the object it is an attribute of (``Result.FAIL``)."""
    return key.strip("\"'[]").rpartition(".")[2]


def _spelled(key: str) -> str:
    return re.sub(r"[^a-z0-9]", "", key.strip("\"'[]").rpartition(".")[2].lower())
