"""Hard-coded credentials: private keys, cloud and service tokens, passwords in URLs and assignments.

Named patterns catch the unmistakable (PEM private keys, ``AKIA…``); assignments to secret-sounding keys
are reported when the value is a literal (not ``$VAR``, ``${VAR}``, ``$(cmd)``, a template or a
placeholder), and generic tokens only when their Shannon entropy says they are random. The secret itself
never appears in a finding: evidence shows a redacted form.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterator

from shipgate.findings import Finding, Severity
from shipgate.preflight.contents import Context, Line, at_line

_NAMED: tuple[tuple[str, re.Pattern[str], Severity], ...] = (
    ("private key", re.compile(r"-----BEGIN (?:[A-Z0-9]+ )?PRIVATE KEY(?: BLOCK)?-----"), Severity.CRITICAL),
    ("AWS access key id", re.compile(r"\b((?:AKIA|ASIA)[0-9A-Z]{16})\b"), Severity.CRITICAL),
    ("GitHub token", re.compile(r"\b(gh[pousr]_[A-Za-z0-9]{36,255})\b"), Severity.CRITICAL),
    ("Slack token", re.compile(r"\b(xox[abprs]-[A-Za-z0-9-]{10,200})\b"), Severity.CRITICAL),
    ("Google API key", re.compile(r"\b(AIza[0-9A-Za-z_-]{35})\b"), Severity.CRITICAL),
    ("Stripe secret key", re.compile(r"\b(sk_live_[0-9A-Za-z]{24,99})\b"), Severity.CRITICAL),
    (
        "JSON web token",
        re.compile(r"\b(eyJ[A-Za-z0-9_-]{10,2000}\.eyJ[A-Za-z0-9_-]{10,4000}\.[A-Za-z0-9_-]{10,2000})"),
        Severity.HIGH,
    ),
)
_URL_PASSWORD = re.compile(r"\b[a-zA-Z][a-zA-Z0-9+.-]{1,15}://[^/\s:@'\"]{1,256}:([^@\s/'\"]{1,256})@")
_SECRET_NAME = re.compile(
    r"(?i)passw(?:or)?d|passwd|pwd|(?:^|[_.-])pass(?:phrase)?(?:$|[_.-])|secret|token|api[_-]?key|apikey|"
    r"access[_-]?key|"
    r"private[_-]?key|auth[_-]?key|credential"
)
# Matches start only where a name starts (the look-behind), which keeps the scan linear.
_ASSIGNMENT = re.compile(
    r"(?<![A-Za-z0-9_.-])([A-Za-z0-9_.-]{1,128})[\"']?\s*(:=|=|:)\s*"
    r"(\"[^\"]{0,512}\"|'[^']{0,512}'|[^\s\"'#;,)]{1,512})"
)
_FLAG = re.compile(
    r"(?:(?:^|\s)--(?:password|passwd|token|secret|api-key)[= ]|(?:^|\s)mysql\b[^;&|]{0,256}?\s-p)"
    r"(\"[^\"]{1,512}\"|'[^']{1,512}'|[^\s\"'$;]{1,512})"
)
_SQL_PASSWORD = re.compile(r"(?i)\b(?:PASSWORD|IDENTIFIED\s+BY)\s+'([^']{1,512})'")
_AUTH_HEADER = re.compile(r"(?i)\bauthorization:\s*(?:bearer|basic|token)\s+([A-Za-z0-9._~+/=-]{8,2048})")
_BASIC_USER = re.compile(
    r"\b(?:curl|wget)\b[^;&|]{0,256}?\s(?:-u|--user)[ =]?[\"']?[^\s:$\"']{1,128}:([^\s$\"']{1,256})"
)
_GENERIC = re.compile(r"(?<![A-Za-z0-9_.-])([A-Za-z0-9_.-]{1,64})\s*[:=]\s*[\"']?([A-Za-z0-9+/_=-]{32,512})[\"']?")
# Names that hold something about a secret (where it is, how long it lives), not the secret itself.
_NOT_SECRET_NAME = re.compile(
    r"(?i)(?:^|[_.-])sha\d*(?:$|[_.-])|md5|hash|digest|checksum|sum$|uuid|guid|id$|version|commit|fingerprint"
    r"|[_.-](?:file|path|dir|store|ttl|header|length|len|min|max|policy|prompt|env|name|type|mode|hint)$"
)
_REFERENCE = re.compile(r"^(?:\$|%\(|%[A-Z_]+%|\{\{|<[^>]*>$|\*+$|x+$|\.\.\.|@[A-Za-z_]|file:|env:|vault:)")
_PLACEHOLDERS = frozenset(
    {
        "",
        "none",
        "null",
        "nil",
        "true",
        "false",
        "yes",
        "no",
        "required",
        "optional",
        "changeme_in_env",
        "redacted",
        "secret",
        "password",
        "token",
        "example",
        "placeholder",
        "your_password",
        "yourpassword",
        "prompt",
        "ask",
        "stdin",
        "unset",
        "empty",
        "default",
        "0",
        "1",
    }
)
# Passwords can be words; tokens and keys are random. Below this entropy a token-named value is a word.
_TOKEN_ENTROPY = 3.0
_GENERIC_ENTROPY = 4.5
_DATABASES = frozenset({"passwd", "shadow", "gshadow"})
_PASSWORD_KEY = re.compile(r"(?i)passw|passwd|pwd|(?:^|[_.-])pass(?:phrase)?(?:$|[_.-])|secret")
# A secret literal in a known position, in the order tried: (kind, pattern whose group 1 is the value,
# whether comments are read too: a URL or SQL password in a comment is still a leaked password).
_QUOTED: tuple[tuple[str, re.Pattern[str], bool], ...] = (
    ("password in URL", _URL_PASSWORD, True),
    ("authorization header", _AUTH_HEADER, False),
    ("password option", _BASIC_USER, False),
    ("SQL password", _SQL_PASSWORD, True),
    ("password option", _FLAG, False),
)
_REMEDY = (
    "Remove the credential from the package and rotate it (it has been distributed); have the "
    "script read it from the target's secret store or environment."
)


def entropy(text: str) -> float:
    """Shannon entropy of ``text`` in bits per character."""
    if not text:
        return 0.0
    counts = Counter(text)
    total = len(text)
    return -sum(n / total * math.log2(n / total) for n in counts.values())


def redact(secret: str) -> str:
    return f"{secret[:4]}…({len(secret)} chars)" if len(secret) > 6 else f"…({len(secret)} chars)"


def _literal(value: str) -> str | None:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1]
    if "$" in value or "`" in value or _REFERENCE.match(value) or value.lower() in _PLACEHOLDERS:
        return None
    if value.startswith(("/", "./", "~/")):  # a path to where the secret lives
        return None
    return value


def _line_findings(path: str, line: Line) -> Iterator[tuple[str, str, Severity]]:
    """(kind, secret, severity) found on one line."""
    for kind, pattern, severity in _NAMED:
        m = pattern.search(line.text)
        if m:
            yield kind, m.group(m.lastindex or 0), severity
            return
    for kind, pattern, in_comments in _QUOTED:
        m = pattern.search(line.text if in_comments else line.code)
        if m and (secret := _literal(m.group(1))):
            yield kind, secret, Severity.HIGH
            return
    for m in _ASSIGNMENT.finditer(line.code):
        name, separator, secret = m.group(1), m.group(2), _literal(m.group(3))
        if secret is None or not _SECRET_NAME.search(name) or _NOT_SECRET_NAME.search(name):
            continue
        # "passwd: files systemd" (nsswitch) names the password database; a quoted value with spaces
        # ('getent passwd', 'cat /etc/passwd') is a command line, not a secret.
        if (separator == ":" and name.lower() in _DATABASES) or any(c.isspace() for c in secret):
            continue
        if _PASSWORD_KEY.search(name):
            if len(secret) >= 4 and not re.fullmatch(r"[\w.-]+\.(?:txt|pem|key|conf|file|env)", secret):
                yield f"password assignment ({name})", secret, Severity.HIGH
                return
        elif len(secret) >= 12 and entropy(secret) >= _TOKEN_ENTROPY and "/" not in secret:
            yield f"token assignment ({name})", secret, Severity.HIGH
            return
    for m in _GENERIC.finditer(line.code):
        name, secret = m.group(1), m.group(2)
        if _NOT_SECRET_NAME.search(name) or re.fullmatch(r"[0-9a-fA-F]+", secret):
            continue
        if entropy(secret) >= _GENERIC_ENTROPY:
            yield f"high-entropy value ({name})", secret, Severity.MEDIUM
            return


def scan(ctx: Context) -> Iterator[Finding]:
    for text in ctx.texts:
        for line in text.lines:
            for kind, secret, severity in _line_findings(text.path, line):
                shown = line.text.replace(secret, redact(secret)) if secret else line.text
                yield at_line(
                    "preflight.hardcoded_credential",
                    severity,
                    path=text.path,
                    line=line.number,
                    text=shown,
                    kind=kind,
                    redacted=redact(secret),
                    message=f"hard-coded credential: {kind}",
                    remedy=_REMEDY,
                )
