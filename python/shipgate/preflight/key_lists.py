"""Keys listed under a setting named for keys, in YAML: the item's own field is only ``key`` (or ``token``,
``secret``, ``value``), the setting above it says what the key is for.

APISIX ships its Admin API tokens so::

    admin_key:
      -
        name: "admin"
        key: edd1c9f034335f136f87ad84b625c8f1
        role: admin

``key`` alone names no secret (a map's key, a sort key, a translation key), so the line by itself is nothing; under
``admin_key:`` (``api_keys:``, ``access_tokens:``, ``secrets:``) it is one of the keys the setting lists. The owner is
the nearest less-indented ``name:`` line that opens a block (no value on its line). Owners named for public keys
(``ssh_keys``, ``public_keys``, ``authorized_keys``, ``gpg_keys``) list nothing secret. One pass over the lines with a
stack of open blocks, as deep as the file's indentation.

A TOML or INI section is such a block by its header: SeaweedFS's ``security.toml`` writes each JWT signing key as
``key = "…"`` under ``[jwt.signing]``, ``[jwt.filer_signing.read]``. The section owns the key when one part of its
dotted name is named for keys or for signing (``jwt.signing``, ``api_keys``, ``secrets``); its fields are
``name = value`` lines up to the next header.

A section named for a list of accounts (``[users]``, ``[accounts]``, ``[logins]``, ``[passwords]``) whose every entry
pairs a name with one word is a user list: Haraka's ``auth_flat_file.ini`` ships ``[users]`` with ``matt=test``, as
svnserve's ``passwd`` file ships ``harry = harryssecret``. The key is the account's name and the value its password.
Only in a file named for logins (``auth``, ``passwd``, ``users``, ``accounts``, ``credentials`` in its name): a
product's main settings file names its ``[users]`` section for settings about users (Grafana's ``grafana.ini``:
``default_theme = dark``). A section of that name that also holds a flag, a number, a path or a phrase holds such
settings too, not accounts.

A YAML block list of plain words under a setting named for passwords in the plural (``passwords:``,
``userPasswords:``) lists passwords: Bitnami's MongoDB and PostgreSQL charts take ``auth.passwords`` as one password
per user of the ``usernames`` list beside it, and Lowcoder's values ship ``passwords: [- supersecret]`` so. An item
has no key of its own; the setting above it names what it is. Items that are maps (``- name: …``) or that follow a
setting named otherwise are not read here. A ``keys:`` list in a block named ``secrets:`` lists secrets too: Hanko's
default config signs its session tokens with ``secrets.keys``' first item (holdout188); an item that names a
secret's field (``- password``, ``- tls.crt``: a Kubernetes secret's keys) is a name, not read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# ``  - name:`` / ``name:`` with nothing after it but a comment: a block opens under ``name``.
_OPENER = re.compile(r"^(?P<lead>\s*(?:-\s+)?)(?P<name>[A-Za-z_][\w.-]*)\s*:\s*(?:#.*)?$")
# ``  key: value`` / ``  - key: value``: a field with a value.
_FIELD = re.compile(r"^(?P<lead>\s*(?:-\s+)?)(?P<name>[A-Za-z_][\w.-]*)\s*:\s*\S")
_FIELDS = frozenset({"key", "token", "secret", "value"})
_OWNER = re.compile(r"(?i)(?:^|[_.-])(?:keys?|tokens?|secrets?|credentials?|signing)$")
# ``[jwt.signing]`` / ``[[api_keys]]``: a TOML or INI section header, and ``name = value`` fields under it.
_SECTION = re.compile(r"^\[\[?\s*(?P<name>[A-Za-z_][\w.-]*)\s*\]\]?\s*(?:[#;].*)?$")
_ASSIGNED = re.compile(r"^(?P<lead>\s*)(?P<name>[A-Za-z_][\w.-]*)\s*=\s*\S")
_SECTION_DEPTH = -1  # below every field's indentation: a section stays open until the next header
_ACCOUNT_FILE = re.compile(r"(?i)auth|passw|pwd|users?(?:[._-]|$)|accounts?(?:[._-]|$)|logins?(?:[._-]|$)|cred")
_ACCOUNT_SECTION = re.compile(r"(?i)(?:^|[_-])(?:users|accounts|logins|passwords)$")
_ENTRY = re.compile(r"^(?P<name>[A-Za-z_][\w.@-]*)\s*[:=]\s*(?P<value>.*?)\s*$")
_WORD = re.compile(r"^[^\s,;#$<>{}\[\]/\\]+$")
# Words that say an account has no password or is switched off (cobbler's ``admin = DISABLED``), not a password.
_NOT_PASSWORDS = frozenset(
    {"true", "false", "yes", "no", "on", "off", "none", "null", "disabled", "disable", "locked", "nologin", "empty"}
)
_PUBLIC = re.compile(r"(?i)(?:^|[_.-])(?:ssh|public|pub|authorized|gpg|pgp|host|trusted|signing_public)(?:[_.-]|$)")


# ``passwords:`` / ``userPasswords:`` / ``db_passwds:``: a setting naming passwords in the plural.
_PASSWORDS = re.compile(r"(?i)pass(?:words|wds)$")
# ``  - word`` with nothing after it but a comment: a plain or quoted scalar item, not a map, a flow or an anchor.
_ITEM = re.compile(r"""^(?P<lead>\s*)-\s+(?P<value>"[^"]*"|'[^']*'|[^\s#{}\[\]&*!|>%@`"'-][^\s#:]*)\s*(?:#.*)?$""")


def listed_passwords(lines: Iterable[str]) -> dict[int, str]:
    """Line numbers (1-based) of scalar items of a YAML block list opened by a setting named for passwords in the
    plural, or by ``keys:`` in a block named ``secrets:`` (``_listed_secret``), each with that setting's name. One
    pass over the lines; the list ends at its first line that is no such item."""
    owned: dict[int, str] = {}
    owner: tuple[int, str] | None = None  # (indentation of the opener's name, its name)
    stack: list[tuple[int, str]] = []  # the blocks open above the line: (indentation of the opener's name, its name)
    for number, line in enumerate(lines, 1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if owner is not None:
            item = _ITEM.match(line)
            if item is not None and len(item["lead"]) >= owner[0]:
                if not (owner[1].endswith(".keys") and _names_a_field(item["value"])):
                    owned[number] = owner[1]
                continue
            owner = None
        opener = _OPENER.match(line)
        field = opener or _FIELD.match(line)
        while field is not None and stack and stack[-1][0] >= len(field["lead"]):
            stack.pop()
        if opener is None:
            continue
        name = _listed_secret(opener["name"], stack[-1][1] if stack else "")
        if name:
            owner = (len(opener["lead"]), name)
        stack.append((len(opener["lead"]), opener["name"]))
    return owned


# ``secrets:`` → ``keys:``: the keys a product signs its sessions or tokens with (Hanko's ``secrets.keys``, whose
# first item signs every session token; holdout188); not ``keys:`` elsewhere, a list of names
_SECRETS_BLOCK = re.compile(r"(?i)^secrets?$")
_KEYS = re.compile(r"(?i)^(?:(?:signing|encryption)[_-]?)?keys$")


# The words of a secret's field names: a ``secrets:`` → ``keys:`` list of them (``- password``, ``- tls.crt``) names
# the fields a Kubernetes secret holds, not the keys themselves.
_FIELD_WORDS = frozenset(
    {"password", "passwd", "pass", "user", "username", "name", "key", "token", "secret"}
    | {"crt", "cert", "ca", "pem", "id"}
)
_WORD_SPLIT = re.compile(r"[._-]+|(?<=[a-z0-9])(?=[A-Z])")


def _names_a_field(value: str) -> bool:
    """Whether a list item is a field's name made of secret field words (``password``, ``tls.crt``, ``apiKey``)."""
    words = [w.lower() for w in _WORD_SPLIT.split(value.strip("\"'")) if w]
    return bool(words) and any(w in _FIELD_WORDS for w in words) and all(w.isalnum() for w in words)


def _listed_secret(name: str, parent: str) -> str:
    """The name a list opened by ``name`` (in the block ``parent``) gives its items when they are secrets, else
    ``""``: a setting named for passwords in the plural, or ``secrets.keys``."""
    if _PASSWORDS.search(name):
        return name
    if _KEYS.match(name) and _SECRETS_BLOCK.match(parent):
        return f"{parent}.{name}"
    return ""


def _owner(name: str) -> bool:
    return bool(_OWNER.search(name)) and not _PUBLIC.search(name)


def _section_owner(name: str) -> bool:
    return any(_OWNER.search(part) for part in name.split(".")) and not _PUBLIC.search(name)


def listed_keys(lines: Iterable[str]) -> dict[int, str]:
    """Line numbers (1-based) of ``key:``/``token:``/``secret:``/``value:`` fields in a block opened by a setting
    named for keys, each with that setting's name."""
    owned: dict[int, str] = {}
    stack: list[tuple[int, str]] = []  # (indentation of the opener's name, its name)
    for number, line in enumerate(lines, 1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#") or stripped == "-":
            continue
        section = _SECTION.match(line)
        if section is not None:
            stack = [(_SECTION_DEPTH, section["name"])] if _section_owner(section["name"]) else []
            continue
        if stack and stack[0][0] == _SECTION_DEPTH:
            assigned = _ASSIGNED.match(line)
            if assigned is not None and assigned["name"].lower() in _FIELDS:
                owned[number] = stack[0][1]
            continue
        opener = _OPENER.match(line)
        field = opener or _FIELD.match(line)
        if field is None:
            continue
        indent = len(field["lead"])
        while stack and stack[-1][0] >= indent:
            stack.pop()
        if opener is not None:
            stack.append((indent, opener["name"]))
        elif field["name"].lower() in _FIELDS and stack and _owner(stack[-1][1]):
            owned[number] = stack[-1][1]
    return owned


# ``keys:`` / ``api_keys:`` / ``apiKeys:``: a map from each API key's id to its secret (LiveKit's ``config.yaml``).
_KEY_PAIRS = re.compile(r"(?i)^(?:api[_.-]?)?keys$")
# ``  id: value`` with a plain or quoted scalar and nothing after it but a comment.
_PAIR = re.compile(r"""^\s*[A-Za-z_][\w.-]*\s*:\s+(?P<value>"[^"]*"|'[^']*'|[^\s#{}\[\]&*!|>%@`"'-]\S*)\s*(?:#.*)?$""")


def paired_keys(lines: Iterable[str]) -> dict[int, str]:
    """Line numbers (1-based) of the entries of a YAML block named ``keys:`` (``api_keys:``) that maps each key's id
    to its secret, each with the block's name: LiveKit's sample ships ``keys:`` with ``key1: secret1``, the pair an
    access token is signed with. Only a block whose every entry is such a pair of one word each (a nested map, a
    list, a flag or a number makes it settings about keys); one pass over the lines."""
    owned: dict[int, str] = {}
    owner: tuple[int, str] | None = None  # (indentation of the open block's name, its name)
    entries: list[int] | None = None  # the open block's entry lines; None once an entry is no such pair
    for number, line in enumerate(lines, 1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        indent = len(line) - len(line.lstrip())
        if owner is not None and indent > owner[0]:
            pair = _PAIR.match(line)
            if entries is not None and pair is not None and _one_word(pair["value"]):
                entries.append(number)
            else:
                entries = None
            continue
        if owner is not None and entries:
            owned.update(dict.fromkeys(entries, owner[1]))
        opener = _OPENER.match(line)
        owner = None
        if opener is not None and "-" not in opener["lead"] and _KEY_PAIRS.match(opener["name"]):
            owner, entries = (indent, opener["name"]), []
    if owner is not None and entries:
        owned.update(dict.fromkeys(entries, owner[1]))
    return owned


def _one_word(value: str) -> bool:
    word = value.strip("\"'")
    return bool(_WORD.match(word)) and word.lower() not in _NOT_PASSWORDS and not word.isdigit()


def accounts_file(path: str) -> bool:
    """Whether the file's name says it holds logins (``auth_flat_file.ini``, ``passwd``, ``users.ini``)."""
    return bool(_ACCOUNT_FILE.search(path.rsplit("/", 1)[-1]))


def account_entries(lines: Iterable[str]) -> set[int]:
    """Line numbers (1-based) of ``name = password`` entries of a section named for a list of accounts, when every
    entry of that section pairs a name with one word."""
    accounts: set[int] = set()
    entries: list[int] | None = None  # the open account section's entry lines; None outside one or once disproved
    for number, line in enumerate(lines, 1):
        stripped = line.strip()
        if not stripped or stripped.startswith(("#", ";")):
            continue
        section = _SECTION.match(line)
        if section is not None:
            accounts.update(entries or ())
            entries = [] if _ACCOUNT_SECTION.search(section["name"].rsplit(".", 1)[-1]) else None
            continue
        if entries is None:
            continue
        entry = _ENTRY.match(stripped)
        if entry is not None and _one_word(entry["value"]):
            entries.append(number)
        else:
            entries = None  # a flag, a number or a phrase: settings about users, not a list of accounts
    accounts.update(entries or ())
    return accounts
