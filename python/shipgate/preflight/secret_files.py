"""Files named for a secret (docs/findings.md, ``hardcoded_credential``): ``secrets/db_password.txt`` (the file a
compose ``secrets:`` entry or a ``*_FILE`` variable points a container at), ``.admin_password``, ``api_token``,
``credentials.txt``. The name says what the file holds, so:

- a file whose whole content is one value holds that secret as the package ships it (Docker's secret files, a
  generated-once token file shipped by mistake); the shipgate allow-rules apply (placeholders, references, paths),
  and, as for a password written under its name, not in documentation, CI or example files;
- a ``.txt`` named so is not documentation (``credentials.txt`` with ``password: x`` is read as settings), unless it
  is in a documentation folder.

The name is the file's base name without a leading dot and without ``.txt``, read as a variable name would be
(``db-password`` as ``DB_PASSWORD``), and its last word names what a secret is (a password, token, secret, key or
credentials): ``access-token-create-response.txt`` is a sample response, not a token; an example, sample, template
or public-key file is not one."""

from __future__ import annotations

import posixpath
import re

from shipgate.preflight.secrets import allowed, secret_name

_NOT_SECRET = (".pub", ".example", ".sample", ".template", ".tmpl", ".dist", ".default", ".sha256", ".md5", ".asc")
# Credential files with formats of their own, read by their own rules (``.pgpass``'s fields, ``.netrc``'s words) or
# holding hashes (htpasswd).
_OWN_FORMATS = ("htpasswd", "pgpass", "netrc", "git-credentials")
_SECRET_NOUNS = frozenset(
    {"password", "passwords", "passwd", "passphrase", "pass", "pwd", "pw", "secret", "secrets", "token", "tokens"}
    | {"credentials", "creds", "key", "apikey"}
)
_NAME = re.compile(r"^[A-Za-z][\w-]{0,63}$")
_COMMENT = ("#", ";", "//")
_MAX_VALUE = 256


def secret_file_name(path: str) -> bool:
    """The file's name says it holds a secret (see the module's docstring)."""
    base = posixpath.basename(path).lower()
    if base.endswith(_NOT_SECRET) or any(f in base for f in _OWN_FORMATS):
        return False  # an example, a public half, a digest; a format with a reader of its own
    stem = base.lstrip(".").removesuffix(".txt")
    if not _NAME.match(stem):
        return False
    words = re.split(r"[-_]", stem)
    # the name ends in what the file holds (``db_password``, ``api-token``), not a name that only mentions one
    # (``access-token-create-response``, ``password-policy``)
    return words[-1] in _SECRET_NOUNS and bool(secret_name(stem.replace("-", "_").upper()))


def single_value(lines: list[str]) -> tuple[int, str] | None:
    """(line, value) of a file whose only line that is not blank or a comment is one value, not a setting and not
    allowed by the rules (a placeholder, a reference, a path)."""
    content = [(n, t.strip()) for n, t in enumerate(lines, 1) if t.strip() and not t.strip().startswith(_COMMENT)]
    if len(content) != 1:
        return None
    line, value = content[0]
    if len(value) > _MAX_VALUE or re.match(r"^[\w.-]+\s*[=:]\s", value) or allowed(value):
        return None
    return line, value
