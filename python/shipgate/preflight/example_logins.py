"""Settings blocks that are an example to fill in: a login that spells the field names on a host reserved for examples.

A sample configuration shows the shape of a mail or database block with ``address: "smtp.example.com"``,
``user_name: "user"``, ``password: "password"`` (Canvas' ``outgoing_mail.yml.example``; Taiga's ``EMAIL_HOST=
smtp.host.example.com``, ``EMAIL_HOST_USER=user``, ``EMAIL_HOST_PASSWORD=password``). Each value alone could be a
setting: ``example.com`` names are ordinary names to preflight (``shipgate.preflight.hosts``), and ``password`` is a
weak password deployments run with. Together, in one block, they are the fields of an example: the user and the
password spell the fields' names (as ``amqp://username:password@host`` does in a URL, ``secrets._FIELD_USERINFO``)
and the host is under a name RFC 2606 reserves for examples (``example.com``/``.net``/``.org``, ``*.example``,
``*.invalid``). The block's password and host lines are neither a credential nor an endpoint.

A block is a YAML mapping (its scalar keys and values; a JSON object is read as one, its tab indentation taken as
spaces: Gophish's ``config.json`` ``"smtp"`` object), or in a flat ``KEY=value`` file the settings whose names
share their first word (``EMAIL_HOST``, ``EMAIL_HOST_USER``, ``EMAIL_HOST_PASSWORD``). All three must be there: a
real relay with ``user``/``password``, or ``password`` beside a real user, stays reported. A user that is itself a
mailbox under such a domain (``SMTP_USER="hello@example.com"`` beside ``SMTP_HOST="smtp.example.com"``) says the
login is the example's: the host is no endpoint; the password is judged as any other.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Sequence
from urllib.parse import urlsplit

import yaml

from shipgate.preflight.secrets import password_name
from shipgate.yaml_nodes import compose_documents, mappings

_YAML_SUFFIXES = (".yml", ".yaml", ".yml.example", ".yaml.example", ".yml.sample", ".yaml.sample", ".yml.dist")
_JSON_SUFFIXES = (".json", ".json.example", ".json.sample", ".json.dist")
_HOST_KEY = re.compile(r"(?i)(?:^|[_.-])(?:host|hostname|address|server|url)$")
_USER_KEY = re.compile(r"(?i)(?:^|[_.-])(?:user|username|user_name|login)$")
_FIELD_USERS = frozenset({"user", "username", "user_name", "login"})
_FIELD_PASSWORDS = frozenset({"password", "passwd", "pass", "pwd", "secret"})
_EXAMPLE_DOMAINS = ("example.com", "example.net", "example.org")
_EXAMPLE_TLDS = (".example", ".invalid")
# ``.env``, ``.env.example``, ``docker.env``, ``env.sample``, ``hosting.properties``, ``settings.ini``, ``app.conf``
_FLAT_NAME = re.compile(
    r"(?i)^(?:\.env(?:\.[\w.-]+)?|[\w.-]+\.env|env\.[\w.-]+|[\w.-]+\.(?:properties|ini|conf|cfg)(?:\.[\w-]+)?)$"
)
_FLAT_LINE = re.compile(r"""^\s*(?:export\s+)?([A-Za-z][A-Za-z0-9_.]*)\s*=\s*["']?([^"'\s#]*)["']?\s*(?:#.*)?$""")


def example_host(value: str) -> bool:
    """``value`` (a host, ``host:port`` or URL) names a host under a domain reserved for examples."""
    text = value.strip().strip("\"'")
    host = (urlsplit(text).hostname if "://" in text else text.rsplit(":", 1)[0]) or ""
    host = host.lower().rstrip(".")
    return host in _EXAMPLE_DOMAINS or host.endswith(tuple("." + d for d in _EXAMPLE_DOMAINS) + _EXAMPLE_TLDS)


def _field_word(value: str, fields: frozenset[str]) -> bool:
    """``value`` spells a field's name (``user``, ``password``), or says it is the example's (``example``,
    ``example_password``: Shynet's ``EMAIL_HOST_USER=example`` beside ``EMAIL_HOST_PASSWORD=example_password``,
    holdout156). ``example1`` or ``examplepass!`` is a value."""
    word = value.strip().lower()
    if word in fields or word == "example":
        return True
    return word.startswith(("example_", "example-", "example.")) and word[len("example_") :] in fields


def _example_address(value: str) -> bool:
    """``value`` is a mailbox under a domain reserved for examples (``you@example.com``): no real relay's account."""
    mailbox, at, domain = value.strip().strip("\"'").rpartition("@")
    return bool(mailbox and at and domain) and example_host(domain)


def _example_block(settings: Sequence[tuple[str, str, int]]) -> set[int]:
    """The password and host lines of one block's ``(key, value, line)`` settings when it is an example login. A
    user that is an example's mailbox (``username: "you@example.com"`` on ``smtp.example.com``: 5000mails, holdout249)
    makes the host the example's too; the password beside it is judged on its own (a conventional word stays one)."""
    hosts = [line for key, value, line in settings if _HOST_KEY.search(key) and example_host(value)]
    user_keys = [(key, value) for key, value, _ in settings if _USER_KEY.search(key)]
    users = [key for key, value in user_keys if _field_word(value, _FIELD_USERS)]
    passwords = [line for key, value, line in settings if password_name(key) and _field_word(value, _FIELD_PASSWORDS)]
    if hosts and users and passwords:
        return set(hosts + passwords)
    return set(hosts) if any(_example_address(value) for _, value in user_keys) else set()


def _yaml_lines(lines: Sequence[tuple[int, str]], *, json_text: bool = False) -> set[int]:
    numbers = [number for number, _ in lines]
    found: set[int] = set()
    text = "\n".join(line for _, line in lines)
    if json_text:
        text = text.replace("\t", " ")  # JSON allows tab indentation, YAML does not; one for one, lines unmoved
    for doc in compose_documents(text) or ():
        for mapping in mappings(doc):
            scalars = [
                (k, v) for k, v in mapping.value if isinstance(k, yaml.ScalarNode) and isinstance(v, yaml.ScalarNode)
            ]
            settings = [
                (str(k.value), str(v.value), numbers[v.start_mark.line])
                for k, v in scalars
                if v.start_mark.line < len(numbers)
            ]
            found |= _example_block(settings)
    return found


def _flat_lines(lines: Sequence[tuple[int, str]]) -> set[int]:
    blocks: dict[str, list[tuple[str, str, int]]] = {}
    for number, text in lines:
        if (m := _FLAT_LINE.match(text)) is not None:
            key = m.group(1)
            blocks.setdefault(re.split(r"[_.]", key, maxsplit=1)[0].upper(), []).append((key, m.group(2), number))
    found: set[int] = set()
    for settings in blocks.values():
        found |= _example_block(settings)
    return found


def example_login_lines(path: str, lines: Sequence[tuple[int, str]]) -> set[int]:
    """The password and host lines of the example login blocks in a YAML, JSON or flat ``KEY=value`` settings file."""
    json_file = path.lower().endswith(_JSON_SUFFIXES)
    yaml_file = json_file or path.lower().endswith(_YAML_SUFFIXES)
    if not (yaml_file or _FLAT_NAME.match(posixpath.basename(path))):
        return set()  # neither format: a lock file, a page, program source
    if not any("example" in text.lower() or ".invalid" in text.lower() for _, text in lines):
        return set()  # no name reserved for examples: nothing to read (the common case, cheaply)
    return _yaml_lines(lines, json_text=json_file) if yaml_file else _flat_lines(lines)
