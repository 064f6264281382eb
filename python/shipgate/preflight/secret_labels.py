"""Variables a printed message names as secrets (docs/findings.md, ``secret_printed``).

An installer that generates a password or asks a tool for a join key often keeps it in a variable whose name says
nothing (``k=$(openssl rand -hex 32)``, ``KEY=$(ctl keys create net 1 | jq -r .accessstring)``) and then tells the
operator what it is: ``echo "Your API key is: $k"``, ``echo "join key created: $KEY"``. The words right before the
expansion, in the same printed word, name the value: a password, passphrase, token, secret, credentials, or a key
with a qualifier that makes it a secret one (API, access, join, auth, master, private, …; a bare "key" may be a GPG
fingerprint or a setting's name; a licence key is the operator's own entitlement, shown back for checking). The
label is set off from the value by a colon, "=" or a verb ("is", "was created"). Only a label that ends right before
the value counts: "Password file: $F", "password length: $N", "password for $USER" name something else, and a
variable whose name says it is a file, a path, a length or a user is never the secret itself."""

from __future__ import annotations

import re

from shipgate.preflight.shell.model import Word

# What stands between a label and its value: a colon or "=", or "is", "was created", "set to"… (a label run straight
# into an expansion, ``"API key${NC}"``, is a colour code after the words, not a value).
_VERBS = r"is|was|has\s+been|will\s+be|created|generated|set(?:\s+to)?|saved|here"
_SET_OFF = rf"(?:(?:\s+(?:{_VERBS}))+\s*[:=]?|\s*[:=])\s*[\"'(\[]?$"
_LABEL = re.compile(
    r"(?i)\b(?:password|passphrase|passwd|pass\s?word|token|secret|credentials?"
    r"|(?:api|access|join|auth|authentication|enrol?ment|registration|master|admin|root|private"
    r"|signing|encryption|client|secret|cluster|bootstrap|agent)[ _-]?key)" + _SET_OFF
)
# A key of any kind named right before a value (``"Your ACME key: $KEY"``): read only for a value drawn from a
# random source (random_values), which no fingerprint or setting name is.
_KEY_LABEL = re.compile(r"(?i)\bkey" + _SET_OFF)
# Names that say the variable holds where or what the secret is, not the secret.
_NOT_THE_SECRET = re.compile(r"(?i)(?:FILE|PATH|DIR|URL|URI|LEN|LENGTH|SIZE|NAME|USER|USERNAME|ID|HASH|COUNT)$")
_EXPANSION = re.compile(r"\$\{?([A-Za-z_]\w*)")
# Only the text just before an expansion is read (a label is a few words).
_LABEL_WINDOW = 60


def not_the_secret(name: str) -> bool:
    """Whether a variable's name says it holds where or what a secret is (its file, path, length, user…)."""
    return _NOT_THE_SECRET.search(name) is not None


def labelled_secrets(word: Word, drawn: frozenset[str] = frozenset()) -> set[str]:
    """The variables ``word`` prints right after a label that names a secret; for those in ``drawn`` (random
    values), any label that names a key."""
    if "$" not in word.raw:
        return set()
    found: set[str] = set()
    for m in _EXPANSION.finditer(word.raw):
        name = m.group(1)
        if not_the_secret(name) or name.isdigit():
            continue
        before = word.raw[max(0, m.start() - _LABEL_WINDOW) : m.start()]
        if _LABEL.search(before) or (name in drawn and _KEY_LABEL.search(before)):
            found.add(name)
    return found
