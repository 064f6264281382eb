"""Hard-coded credentials and default credentials.

Tokens and keys: detect-secrets' plugins over every line of every text file (``secrets.token_secrets``).
Passwords: in config-like text, detect-secrets' keyword plugin (``secrets.keyword_secrets``) and the forms it cannot
split (a directive's argument, ``requirepass X``; ``.pgpass`` fields; ``.npmrc`` ``_auth``); in shell, the
parsed assignments (``DB_PASSWORD="…"``), options (``--password=…``, ``mysql -pX``, ``curl -u user:pw``,
``sshpass -p``, an ``Authorization:`` header) and environment prefixes; in SQL, role passwords; in units,
``Environment=`` values (readable by any local user through ``systemctl show``). ``${DB_PASSWORD:-changeme}``
is a default credential: the script runs with it whenever the variable is unset. The secret never appears in
a finding: evidence carries a redacted form. The same fallback in configuration that a tool interpolates
(a compose file's ``PASSWORD=${ADMIN_PASSWORD:-admin}``, an ``.env`` file) is one too."""

from __future__ import annotations

import dataclasses
import itertools
import json
import re
from collections.abc import Iterator, Set

from shipgate.findings import Finding, Severity
from shipgate.preflight import makefile, php_settings
from shipgate.preflight.account_passwords import account_passwords
from shipgate.preflight.call_passwords import keyword_literals
from shipgate.preflight.client_sql import sql_passwords
from shipgate.preflight.commented_copies import commented_copy_lines
from shipgate.preflight.commented_digests import commented_digests
from shipgate.preflight.compose import service_commands
from shipgate.preflight.config_secrets import config_secrets
from shipgate.preflight.connection_strings import connection_string_passwords
from shipgate.preflight.container_strings import string_commands
from shipgate.preflight.contents import Context, Kind, Line, TextFile, at_line
from shipgate.preflight.debconf_preseeds import preseeded_passwords
from shipgate.preflight.directive_passwords import directive_passwords
from shipgate.preflight.directory_data import sample_password_lines
from shipgate.preflight.distributed import (
    describes_package,
    is_ci_file,
    is_web_bundle,
    prose_string_lines,
    secret_of_product,
    word_secret,
)
from shipgate.preflight.env_lists import env_items
from shipgate.preflight.example_logins import example_login_lines
from shipgate.preflight.go_dsn import go_dsn_passwords
from shipgate.preflight.heredoc_settings import heredoc_defaults, written_settings
from shipgate.preflight.hocon_overrides import hocon_defaults
from shipgate.preflight.inline_sql import inline_sql
from shipgate.preflight.js_env_defaults import js_env_defaults
from shipgate.preflight.key_lists import accounts_file
from shipgate.preflight.markup import (
    documentation_lines,
    is_documentation,
    is_localization,
    is_program_source,
    is_test_path,
    public_armor_lines,
    without_xml_comments,
)
from shipgate.preflight.name_values import names_a_name
from shipgate.preflight.pasted_keys import pasted_settings
from shipgate.preflight.placeholder_keys import placeholder_key_password_lines
from shipgate.preflight.prefix_switches import prefix_switched_off_lines
from shipgate.preflight.prompt_fallbacks import bracketed_prompt_defaults, prompt_fallbacks
from shipgate.preflight.published_examples import published_example
from shipgate.preflight.python_env_defaults import env_defaults
from shipgate.preflight.schema_documents import is_schema_document
from shipgate.preflight.secret_files import secret_file_name, single_value
from shipgate.preflight.secret_uses import secret_uses
from shipgate.preflight.secrets import (
    Secret,
    allowed,
    configured_word,
    entropy,
    keyword_secrets,
    password_name,
    placeholder,
    redact,
    secret_name,
    token_secrets,
)
from shipgate.preflight.secure_installation_answers import secure_installation_passwords
from shipgate.preflight.self_tests import self_test_lines
from shipgate.preflight.settings_declaration import declaration_text_lines
from shipgate.preflight.shell.commands import option_values
from shipgate.preflight.shell.model import Command, ParameterDefault, Script, Word
from shipgate.preflight.snap_options import constant_copy, option_reads
from shipgate.preflight.spring_files import spring_settings
from shipgate.preflight.substitution_fallbacks import substitution_fallbacks
from shipgate.preflight.tool_passwords import tool_passwords
from shipgate.preflight.turn_accounts import turn_accounts
from shipgate.preflight.url_fallbacks import url_fallbacks, url_password
from shipgate.preflight.url_query_passwords import url_query_passwords
from shipgate.preflight.windows.installer_scripts import pascal_lines
from shipgate.preflight.windows.prompts import prompted_lines
from shipgate.preflight.xml_backends import unchosen_backend_lines

_REMEDY = (
    "Remove the credential from the package and rotate it (it has been distributed); have the "
    "script read it from the target's secret store or environment."
)
_PASSWORD_NAME = re.compile(r"(?i)passw|passwd|pwd|(?:^|_)pass(?:$|_)|secret")
_PASSWORD_OPTIONS = (
    "--password",
    "--passwd",
    "--pass",
    "--token",
    "--secret",
    "--api-key",
    "--apikey",
    "--client-secret",
)
# not a switch about one (``adduser --disabled-password``, ``--ask-password``, ``--random-password``), nor a test of
# one against the account (``update.php --user-check-password "admin:password"``: is the shipped default still set?).
# ``pass`` as a word of its own is the password as ``password_name`` reads it (Nextcloud's ``occ maintenance:install
# --admin-pass X --database-pass Y``, ``--db-pass``; hold-out set 273), not a counted pass of an encoder
# (``--two-pass``, ``--first-pass``), nor ``--bypass``, where no ``-`` sets the word off.
_SECRET_OPTION = re.compile(
    r"--(?!no-|disabled?-|ask-|prompt-|random-|generate-|empty-)(?!(?:[a-z0-9]+-)*(?:check|verify)-pass(?:word|wd)$)"
    r"(?!(?:[a-z0-9]+-)*(?:one|two|three|single|double|multi|first|second|third|final|last)-pass$)"
    r"[a-z][a-z0-9-]*-(?:password|passwd|pass|token|secret|api-?key)$",
    # in any case: PiGallery's ``--Server-Database-mysql-password=…`` (a configuration path as an option, holdout146)
    re.I,
)
_MYSQL = frozenset({"mysql", "mysqldump", "mysqladmin", "mariadb"})
_SQL_IDENTIFIED = re.compile(r"(?i)\bIDENTIFIED\s+BY\s+'([^']{1,512})'|\bPASSWORD\s*\(\s*'([^']{1,512})'")
_TOKEN_ENTROPY = 3.0
_KIND_KEY = re.compile(r"\(([^()]+)\)$")  # ``password or key assignment (PASSWORD)``: the name assigned
_TYPE_WORDS = frozenset({"string", "str", "text", "int", "integer", "bool", "boolean", "binary", "blob", "varchar"})
# a dotted setting name, an upper-case constant's name, a CSS id selector
_NAME_SHAPE = re.compile(r"[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)+|[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|#[a-z][\w-]*")
_SECRET_WORD = re.compile(r"pass|secret|token|key|pwd|credential")
_STRING_PREFIX = re.compile(r"^[urbfURBF]{1,2}[\"']")
# a template's substitution token (dbconfig-common's ``_DBC_DBPASS_``), filled in when the file is generated
# the form of a connection string, not one: Alembic's template line ``driver://user:pass@localhost/dbname`` (no
# database has the driver ``driver``); ``mariadb://user:password@mariadb/app`` is a login a product runs with
_PLACEHOLDER_LOGIN = re.compile(r"\bdriver://user:pass@", re.I)
_TEMPLATE_TOKEN = re.compile(r"_{1,2}[A-Z][A-Z0-9_]*[A-Z0-9]_{1,2}")
# ``${NAME:-default}`` / ``${NAME-default}`` as compose and .env files interpolate them (docker compose, the
# shell's own syntax), and Spring's ``${NAME:default}`` (``application.properties``/``.yml``, names may hold dots):
# a literal default without ``$``, braces or quotes-only content. ``${NAME:?message}``, ``${NAME:+x}`` and
# ``${NAME:=x}`` are not Spring's form.
_CONFIG_DEFAULT = re.compile(
    r"\$\{([A-Za-z_][A-Za-z0-9_]{0,127}):?-([^${}]{1,256})\}|\$\{([A-Za-z_][\w.-]{0,127}):(?![-?+=])([^${}]{1,256})\}"
)
# Passwords written as a directive and its argument, with no ``=`` or ``:`` for the keyword reader to split on:
# Redis ``requirepass``/``masterauth`` (redis.conf), HAProxy ``user NAME insecure-password PW`` and
# ``stats auth USER:PW`` (haproxy.cfg). HAProxy's ``password`` (a crypt(3) hash) is not one.
_DIRECTIVE_SECRETS = (
    (re.compile(r"(?i)^\s*(requirepass|masterauth)\s+(\S+)\s*$"), "Redis"),
    (re.compile(r"(?i)^\s*user\s+\S+\s+(insecure-password)\s+(\S+)"), "HAProxy"),
    (re.compile(r"(?i)^\s*(stats\s+auth)\s+[^:\s]+:(\S+)"), "HAProxy"),
    # npm's registry credentials (.npmrc), global or scoped to a registry (``//npm.vendor.io/:_auth=…``):
    # ``_auth`` is base64 of user:password, ``_password`` base64 of the password
    (re.compile(r"^\s*(?:\S*:)?(_auth|_authToken|_password)\s*=\s*(\S+)"), "npm"),
)
# A libpq password file line: hostname:port:database:username:password (``\:`` escapes a colon in a field).
_PGPASS_SEPARATOR = re.compile(r"(?<!\\):")


def _assignment_secret(name: str, value: str | None) -> Secret | None:
    """A secret a script's (or an image's ``ENV``) assignment gives: any literal the allow-rules keep under a
    password name, a random value under another secret name; also the words they drop that the name shows to be
    the secret itself (``MARIADB_PASSWORD=eve``: ``secrets.configured_word``)."""
    if value is None or not secret_name(name) or (allowed(value, name=name) and not configured_word(value, name)):
        return None
    if _PASSWORD_NAME.search(name) or password_name(name):
        return Secret(0, f"password assignment ({name})", value, Severity.HIGH)
    if len(value) >= 12 and entropy(value) >= _TOKEN_ENTROPY and "/" not in value:
        return Secret(0, f"token assignment ({name})", value, Severity.HIGH)
    return None


def _literal(word: Word) -> str | None:
    """The word's value when written in place: a value that came through a variable is reported where the
    variable was assigned, not at every use."""
    return word.value if not word.expands and not word.generated else None


_MAX_JSON = 8192


def _json_secrets(text: str | None, line: int) -> Iterator[Secret]:
    """Passwords written in a JSON body (``--data '{"username":"admin","password":"admin"}'``, a payload
    variable): a password-named key with a literal string; ``"$password"`` is a reference and not one."""
    if text is None or not text.lstrip().startswith("{") or len(text) > _MAX_JSON:
        return
    try:
        body = json.loads(text)
    except ValueError:
        return
    todo = [body]
    while todo and len(todo) < 256:
        node = todo.pop()
        items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
        for key, value in items:
            if isinstance(value, (dict, list)):
                todo.append(value)
            elif (
                isinstance(key, str) and isinstance(value, str) and password_name(key) and not allowed(value, name=key)
            ):
                yield Secret(line, f"password in a JSON body ({key})", value, Severity.HIGH)


# an alternation of options after an option's ``=`` (a bash completion's word list
# ``'--cluster-domain-secret=*|--debug'``, a ``case`` pattern): the word lists option spellings, it gives none a value
_OPTION_ALTERNATION = re.compile(r"\|--?[A-Za-z]")


def _secret_option_values(command: Command) -> Iterator[Word]:
    """Values of long options named for a secret (``--http-api-token X``, ``--admin-password=X``) beyond the
    fixed list: the name ends in password/passwd/token/secret/api-key; ``--no-…`` switches take no value."""
    words = command.words
    for i, word in enumerate(words):
        name, eq, value = word.text.partition("=")
        if not _SECRET_OPTION.match(name) or name in _PASSWORD_OPTIONS:
            continue
        if eq:
            yield Word(word.raw, value, word.line, word.expands, word.assigned_at)
        elif i + 1 < len(words) and not words[i + 1].text.startswith("-"):
            yield words[i + 1]


def _single_dash_values(command: Command) -> Iterator[Word]:
    """Values of the same options written with one dash and joined by ``=`` (``flyway -password=x``, as Flyway,
    other Java tools and Go's flag package spell long options; hold-out set 240): read as their ``--`` spelling.
    Only the joined form: a separate ``-pass x`` is openssl's (``tool_passwords.py``) or a group of short flags."""
    for word in command.words:
        name, eq, value = word.text.partition("=")
        if not eq or len(name) < 3 or not name.startswith("-") or name.startswith("--"):
            continue
        if f"-{name}" in _PASSWORD_OPTIONS or _SECRET_OPTION.match(f"-{name}"):
            yield Word(word.raw, value, word.line, word.expands, word.assigned_at)


# ``KEY=VALUE`` settings a command hands on (per tool: the options that carry them): a container's environment
# (``docker run -e POSTGRES_PASSWORD=x``), a chart's values (``helm install --set auth.adminPassword=x,b=c``), a
# Kubernetes secret's literal (``kubectl create secret generic s --from-literal=password=x``), a pod's env.
_SETTING_OPTIONS = {
    "docker": ("-e", "--env"),
    "podman": ("-e", "--env"),
    "nerdctl": ("-e", "--env"),
    "helm": ("--set", "--set-string"),
    "kubectl": ("--from-literal", "--env"),
    "oc": ("--from-literal", "--env"),
}


def _setting_secrets(command: Command) -> Iterator[Secret]:
    """Secret-named settings given a literal on the command line, each at its option's line."""
    options = _SETTING_OPTIONS.get(command.name or "")
    if options is None:
        return
    for word in option_values(command, *options):
        literal = _literal(word)
        if literal is None:
            continue
        pairs = literal.split(",") if command.name == "helm" else [literal]
        for pair in pairs:
            key, eq, value = pair.partition("=")
            found = _assignment_secret(key.rpartition(".")[2], value) if eq else None
            if found is not None:
                yield Secret(word.line, found.kind, found.secret, found.severity)


def _command_secrets(command: Command) -> Iterator[Secret]:
    for word in command.words:
        literal = _literal(word)
        if literal is not None and "{" in literal:  # a JSON body; the check before making a generator per word
            yield from _json_secrets(literal, word.line)
    if (command.name or "") in _SETTING_OPTIONS:
        yield from _setting_secrets(command)
    long_options = any(w.text.startswith("--") for w in command.words)  # both kinds below are ``--`` options
    dashed = (*option_values(command, *_PASSWORD_OPTIONS), *_secret_option_values(command)) if long_options else ()
    for word in (*dashed, *_single_dash_values(command)):
        if (literal := _literal(word)) is not None and not allowed(literal) and not _OPTION_ALTERNATION.search(literal):
            yield Secret(command.line, "password option", literal, Severity.HIGH)
            break
    if command.name in _MYSQL:
        for word in command.words:
            value = word.text
            short = value.startswith("-p") and len(value) > 2 and not value.startswith("--")
            if short and _literal(word) is not None and not allowed(value[2:]):
                yield Secret(command.line, "password option", value[2:], Severity.HIGH)
    for word in tool_passwords(command):
        if (literal := _literal(word)) is not None and not allowed(literal):
            yield Secret(command.line, "password option", literal, Severity.HIGH)
            break
    for line, answer in secure_installation_passwords(command):  # ``mysql_secure_installation <<EOF`` … ``EOF``
        if not allowed(answer):
            yield Secret(line, "root password answered to mysql_secure_installation", answer, Severity.HIGH)
    if command.name in ("sshpass",):
        for word in option_values(command, "-p"):
            if (literal := _literal(word)) is not None and not allowed(literal):
                yield Secret(command.line, "password option", literal, Severity.HIGH)
    if command.name in ("curl", "wget"):
        for word in option_values(command, "-u", "--user", "--http-password"):
            user = _literal(word)
            secret = user.split(":", 1)[1] if user and ":" in user else None
            if secret and not allowed(secret):
                yield Secret(command.line, "password option", secret, Severity.HIGH)
        for word in option_values(command, "-H", "--header"):
            m = re.match(r"(?i)\s*authorization:\s*(?:bearer|basic|token)\s+(\S{8,})", _literal(word) or "")
            if m and not allowed(m.group(1)):
                yield Secret(command.line, "authorization header", m.group(1), Severity.HIGH)
    for name, word in command.env:
        found = _assignment_secret(name, word.value) if not word.expands and not word.generated else None
        if found is not None:
            yield Secret(command.line, found.kind, found.secret, found.severity)


def _script_secrets(script: Script) -> Iterator[Secret]:
    uses = secret_uses(script)
    for a in script.assignments:
        body = a.value if a.value is not None else a.shape
        if body is not None and "{" in body:
            yield from _json_secrets(body, a.line)
        if a.generated_by is not None or "$" in a.raw.partition("=")[2] or "`" in a.raw:
            continue
        if script.falls_back(a.name, a.line):
            continue  # a default for when the variable is unset: preflight.default_credential
        found = _assignment_secret(a.name, a.value)
        if found is None and a.name in uses:  # written as ``admin_passwd = ${OE_SUPERADMIN}``: named by its use
            used = _assignment_secret(uses[a.name], a.value)
            found = dataclasses.replace(used, kind=f"{used.kind[: used.kind.index('(')]}({a.name})") if used else None
        if found is not None:
            yield Secret(a.line, found.kind, found.secret, found.severity)
    for command in script.commands:
        yield from _command_secrets(command)
        for nested in string_commands(command):  # ``docker exec -i db sh -c "PGPASSWORD=x psql …"``
            yield from _command_secrets(nested)
    yield from account_passwords(script)
    yield from preseeded_passwords(script)
    # ``cat > client.cnf <<EOF`` … ``password=x``: the file's settings; a key pasted into a double-quoted echo
    for setting in itertools.chain(written_settings(script), pasted_settings(script)):
        found = _assignment_secret(setting.key, setting.value)
        if found is not None:
            yield Secret(setting.line, found.kind, found.secret, found.severity)


def _finding(path: str, secret: Secret, text: str) -> Finding:
    line, kind, severity = secret.line, secret.kind, secret.severity
    shown = text.replace(secret.secret, redact(secret.secret)) if secret.secret else text
    return at_line(
        "preflight.hardcoded_credential",
        severity,
        path=path,
        line=line,
        text=shown,
        kind=kind,
        redacted=redact(secret.secret),
        message=f"hard-coded credential: {kind}",
        remedy=_REMEDY,
    )


def _command_lines(ctx: Context) -> dict[str, list[Script]]:
    """The command lines of each crontab and unit (cron runs a job's with ``/bin/sh -c``, systemd an ``Exec*=``
    line), read as scripts at their lines: an option's literal secret there is as hard-coded as in a script."""
    found: dict[str, list[Script]] = {}
    for (path, _), script in ctx.parsed.cron_commands.items():
        found.setdefault(path, []).append(script)
    for path, script in ctx.parsed.unit_commands.items():
        found.setdefault(path, []).append(script)
    return found


def _xml_uncommented(text: TextFile) -> dict[int, str]:
    """An XML file's lines with its ``<!-- … -->`` comments blanked (other files: none), by line number."""
    numbered = tuple((ln.number, ln.text) for ln in text.lines)
    blanked = without_xml_comments(numbered)
    return dict(blanked) if blanked is not numbered else {}


# A whole-line comment of a configuration file (``#`` in env, YAML, TOML and INI files, ``;`` in INI files); not
# ``#!``, a directive of the file's preprocessor (Kamailio's ``#!trydef DBURL "mysql://kamailio:kamailiorw@…"``).
_CONFIG_COMMENT = re.compile(r"^\s*(?:#(?!!)|;)")


# Digits and signs written for the letters they stand for (``passw0rd``, ``s3cr3t``, ``p@ss``).
_LEET = str.maketrans("013457@$", "oieastas")


def _word_shaped(password: str) -> bool:
    """A password spelt as a word (``passw0rd``, ``changeme``): a sample's value. A commented URL with a random one
    (``app:Zq7rT2xvK9@db``) is a real connection kept in a comment, still reported (holdout5). Words joined by ``_``
    or ``-`` are one (Symfony's ``# postgresql+advisory://db_user:db_password@localhost/db_name``, holdout223)."""
    word = password.translate(_LEET).replace("_", "").replace("-", "")
    return word.isalpha() and len(word) <= 12


def _commented_setting(text: TextFile, code: bool, line: str) -> bool:
    """``line`` is a whole-line comment of a configuration file (not program source): a setting written there is
    an example or a value switched off, not one the product runs with (holdout121's Funkwhale ``.env`` sample)."""
    return text.kind is Kind.CONFIG and not code and bool(_CONFIG_COMMENT.match(line))


@dataclasses.dataclass(frozen=True)
class _Reading:
    """One text file as ``scan`` reads it: its numbered lines, its whole source, whether it is program source kept
    as configuration (``code``), the lines written for people (docstrings, commented-out PHP), its PHP settings and
    the settings a ``<prefix>_ENABLED=false`` switches off."""

    text: TextFile
    lines: dict[int, str]
    source: str
    code: bool
    for_people: Set[int]
    php: php_settings.PhpSettings | None
    switched_off: Set[int]

    @property
    def path(self) -> str:
        return self.text.path


def _read(text: TextFile) -> _Reading:
    """Read ``text`` once for every step of ``scan``."""
    source = "\n".join(ln.text for ln in text.lines)
    code = text.kind is Kind.CONFIG and is_program_source(text.path, source)
    for_people: Set[int] = documentation_lines(text.path, source) if code else set()
    php = php_settings.read(text.path, source) if text.kind is Kind.CONFIG else None
    # ``/* 'password' => 'secret', */``: an example commented out; a string's text. Also in a PHP template
    # (``config.php.sample`` opening with ``<?php``): its blocks are as commented out as in the file it becomes.
    if php is not None and (code or source.lstrip().startswith("<?php")):
        for_people = set(for_people) | php.commented | php.quoted
    switched_off = (
        prefix_switched_off_lines([(ln.number, ln.text) for ln in text.lines]) if text.kind is Kind.CONFIG else set()
    )
    return _Reading(text, {ln.number: ln.text for ln in text.lines}, source, code, for_people, php, switched_off)


def _token_secrets(r: _Reading, found: dict[int, Secret]) -> None:
    """Tokens, keys and URL passwords in any text (``token_secrets``), less the examples: a docstring's DSN, a
    connection in an XML comment or a commented-out setting, a switched-off feature's, a help text's example."""
    text, lines, code = r.text, r.lines, r.code
    prose: set[int] | None = None
    uncommented = _xml_uncommented(text) if "<!--" in r.source else {}
    for s in token_secrets(r.source):
        if s.line in r.for_people and word_secret(s.kind):
            continue  # a docstring's example DSN (``>>> parse_dsn('postgresql://u:pass@h/db')``)
        if s.kind == "password in URL" and s.line in uncommented and s.secret not in uncommented[s.line]:
            continue  # ``<!-- <Realm url="mysql://u:p@127.0.0.1/db"/> -->``: a connection commented out
        if s.line in r.switched_off:
            continue  # ``RAVEN_DSN=https://KEY:SECRET@…`` of a feature its ``RAVEN_ENABLED=false`` switches off
        if (
            s.kind == "password in URL"
            and _commented_setting(text, code, lines.get(s.line, ""))
            and _word_shaped(s.secret.split("@", 1)[0])
        ):
            continue  # ``#  DATABASE_URL=postgresql://app:passw0rd@localhost/app``: an example commented out
        if s.kind == "password in URL" and code and not _random(s.secret.split("@", 1)[0]):
            if prose is None:
                prose = prose_string_lines(text.path, r.source)
            if s.line in prose or _in_prose_literal(lines.get(s.line, ""), s.secret):
                continue  # a help text's example DSN (``help="… e.g. amqp://u:p@host"``)
        found.setdefault(s.line, s)


def _setting_file_secrets(ctx: Context, r: _Reading, found: dict[int, Secret]) -> None:
    """What a configuration file (or a Windows script) sets: connection strings' passwords, keyword assignments
    and directives (``_text_secrets``) but not a prompt's question, and a file named for its one secret."""
    text = r.text
    if text.kind is Kind.CONFIG and not r.code:  # ``jdbc:…?user=app&password=x``, ``pg://db?u=app&p=x``
        for s in url_query_passwords(r.source):
            found.setdefault(s.line, s)
        for s in go_dsn_passwords(r.source):  # ``root:x@tcp(db:3306)/app``: Go's MySQL DSN has no scheme
            found.setdefault(s.line, s)
        for s in connection_string_passwords(r.source):  # ``Server=db;User ID=app;Password=x``: ADO.NET's
            found.setdefault(s.line, s)
    if text.kind in (Kind.CONFIG, Kind.WINDOWS):  # PowerShell/batch: ``$password = '…'``, ``set PASS=…``
        asked = _prompted(ctx, text)  # ``$key = Read-Host "Enter the key"``: the quoted text is the question
        for s in _text_secrets(text, r.source, r.code, r.for_people, r.php):
            if s.line in asked and word_secret(s.kind):
                continue
            if s.line in r.switched_off:
                continue  # ``RTMP_SECRET=…`` of a feature its ``RTMP_ENABLED=false`` switches off (holdout146)
            if s.line not in r.for_people or not word_secret(s.kind):  # a docstring's example, random or not
                found.setdefault(s.line, s)
    only = single_value([ln.text for ln in text.lines]) if secret_file_name(text.path) else None
    if only is not None:
        kind = "password assignment (a file named for it)"
        found.setdefault(only[0], Secret(only[0], kind, only[1], Severity.HIGH))


def _shell_secrets(script: Script, r: _Reading, found: dict[int, Secret]) -> None:
    """What a script (or an env file read as one) assigns or passes, and the passwords its SQL clients are given;
    a URL password with a ``${VAR:-…}`` fallback is left to the default-credential check."""
    for s in _script_secrets(script):
        if s.line not in r.switched_off:  # an env file's settings are read as assignments too
            found.setdefault(s.line, s)
    for psql, inline in inline_sql(r.path, script):  # ``psql -c "CREATE ROLE app PASSWORD 'x'"``
        if any("$" in w.raw for w in option_values(psql, "-c", "--command")):
            continue  # ``PASSWORD '$DB_PW'``: the literal, if any, is where the variable is assigned
        for st in inline.statements:
            if st.password_role:
                found.setdefault(st.line, Secret(st.line, "SQL password", "", Severity.HIGH))
    for command in script.commands:  # ``mysql <<EOF`` … ``IDENTIFIED BY 'x'``, ``mysql -e "…"``, ``echo … | psql``
        for line, value in sql_passwords(command):  # a word under a password's name: not in CI or docs
            if not allowed(value):
                kind = "password assignment in SQL given to a database client"
                found.setdefault(line, Secret(line, kind, value, Severity.HIGH))
    for d in url_fallbacks(script):  # reported as preflight.default_credential
        if d.line in found and found[d.line].kind == "password in URL":
            del found[d.line]


def _unit_secrets(ctx: Context, path: str, found: dict[int, Secret]) -> None:
    """A systemd unit's ``Environment=`` secrets (readable through ``systemctl show``) and ``SetCredential=``
    data, named as the setting its identifier spells."""
    unit = ctx.parsed.units.get(path)
    if unit is None:
        return
    for name, value, line in unit.environment():
        s2 = _assignment_secret(name, value)
        if s2 is not None:
            found.setdefault(
                line,
                Secret(line, f"{s2.kind} in Environment= (readable via systemctl show)", s2.secret, s2.severity),
            )
    for ident, data, line in unit.set_credentials():  # ``SetCredential=db-password:x``: named as a setting
        s3 = _assignment_secret(re.sub(r"[^A-Za-z0-9]", "_", ident).upper(), data)
        if s3 is not None:
            found.setdefault(line, Secret(line, f"{s3.kind} in SetCredential=", s3.secret, s3.severity))


def _migration_secrets(ctx: Context, path: str, found: dict[int, Secret]) -> None:
    """A SQL file's role passwords, an account row's stored literal and an unchecked ``IDENTIFIED BY 'x'``."""
    sql = ctx.parsed.sql.get(path)
    if sql is None:
        return
    for st in sql.statements:
        if st.password_role:
            found.setdefault(st.line, Secret(st.line, "SQL password", "", Severity.HIGH))
        elif st.stored_password and not allowed(st.stored_password):  # an account row's hashed literal
            found.setdefault(st.line, Secret(st.line, "SQL password", st.stored_password, Severity.HIGH))
        elif not st.checked and (m := _SQL_IDENTIFIED.search(st.text)) and not allowed(m.group(1) or m.group(2)):
            found.setdefault(st.line, Secret(st.line, "SQL password", m.group(1) or m.group(2), Severity.HIGH))


def _without_examples(r: _Reading, found: dict[int, Secret]) -> dict[int, Secret]:
    """``found`` less the values a file's own shape marks as examples: an example login beside a placeholder host,
    an unchosen XML backend, a settings declaration's description, an LDIF sample directory, a public key's armor."""
    text = r.text
    numbered = tuple((ln.number, ln.text) for ln in text.lines)
    if found and text.kind is Kind.CONFIG:  # ``user_name: user``/``password: password`` on smtp.example.com
        examples_of = example_login_lines(text.path, numbered) | placeholder_key_password_lines(text.path, numbered)
        for line in examples_of:  # ``tls_key_password: secret`` beside ``tls_key_file: /path/to/x.key``
            if line in found and word_secret(found[line].kind):
                del found[line]
    if found and text.path.lower().endswith(".xml"):
        for line in unchosen_backend_lines(r.source):  # ``<mysql>`` … ``<pass>`` beside ``<module>sqlite``
            found.pop(line, None)
    if found and text.path.endswith((".yaml", ".yml")):  # a settings declaration's example or description
        for line in declaration_text_lines(text.path, numbered):
            if line in found and word_secret(found[line].kind):
                del found[line]
    if text.path.lower().endswith(".ldif"):  # a sample directory's hundred people and their passwords
        for line in sample_password_lines(text.path, iter(numbered)):
            found.pop(line, None)
    if "-----BEGIN " in r.source:  # a published key or certificate's base64 lines are not secrets
        for line in public_armor_lines(numbered):
            found.pop(line, None)
    return found


def _without_test_values(ctx: Context, r: _Reading, found: dict[int, Secret]) -> dict[int, Secret]:
    """``found`` less what the file's role makes a test value, a label or an example: test data and names in
    program source, a CI script's or documentation's words, a web bundle's labels, an sdist example's words, a
    test service's configuration, a settings schema's defaults, a commented copy of a setting."""
    text, lines, path = r.text, r.lines, r.path
    if text.kind is Kind.CONFIG:  # test data, translations, package descriptions, examples, names
        found = {n: s for n, s in found.items() if _of_product(path, s, n, lines, code=r.code, php=r.php)}
        if r.code:  # ``password_detail_key = "registrationcode"``, a type map's ``KEY_PASSWORD: 'password'``
            found = {n: s for n, s in found.items() if not (word_secret(s.kind) and names_a_name(s.kind, n, lines))}
            tests = self_test_lines(path, r.source) if found else set()  # ``if __name__ == "__main__":``
            found = {n: s for n, s in found.items() if n not in tests or not word_secret(s.kind)}
    elif is_ci_file(path) or is_documentation(path):  # a CI script's test password, an example
        found = {n: s for n, s in found.items() if not word_secret(s.kind)}
    found = {n: s for n, s in found.items() if not published_example(s.secret, lines.get(n, ""))}  # AWS docs'
    if found and is_web_bundle(path, [(ln.number, ln.text) for ln in text.lines[:1]]):
        # a built web client's words (``password:"Passwort"`` in a webpack chunk of translations): labels a
        # browser shows; a token in its own format is still reported
        found = {n: s for n, s in found.items() if not word_secret(s.kind)}
    if path in ctx.sdist_examples:  # ``'api_token': 'c3a29e5d…'``, ``export API_TOKEN=c3a29e5d…``: example words
        found = {n: s for n, s in found.items() if not (word_secret(s.kind) or s.kind.startswith("token assign"))}
    if path in ctx.makefile_tooling or path in ctx.test_env_scripts or path in ctx.ci_playbooks:
        # a test service's configuration, started by a developer target; a test database a tox run or a CI
        # job's script sets up
        found = {n: s for n, s in found.items() if _random(_password(s))}
    if found and _schema(text):  # a settings schema's defaults and examples
        found = {n: s for n, s in found.items() if not word_secret(s.kind)}
    for line in commented_copy_lines({n: s.secret for n, s in found.items()}, lines):
        del found[line]  # ``#$rdatabase_password = 'cactiuser';`` below ``$database_password = 'cactiuser';``
    return found


def _file_defaults(ctx: Context, r: _Reading, found: dict[int, Secret]) -> list[Finding]:
    """Default credentials a configuration file, program source or PowerShell script falls back to (each
    reported as ``preflight.default_credential`` in place of a hard-coded one on its line)."""
    text, lines, code, path = r.text, r.lines, r.code, r.path
    examples = ctx.sdist_examples
    # a CI or devstack file's fallback is a test value, read as configuration (``devstack/settings``) or a script
    tooling = is_ci_file(path)
    defaults = list(_config_defaults(path, text.lines)) if text.kind is Kind.CONFIG and not tooling else []
    if code and path.endswith(".py") and path not in examples:
        defaults.extend(_python_defaults(path, r.source, lines))
        defaults.extend(_prompt_defaults(path, lines, found))
    elif code and path not in examples:
        defaults.extend(_js_defaults(path, r.source, lines))
    if code and path not in examples and not tooling:
        taken = {f.evidence["line"] for f in defaults}
        defaults.extend(f for f in _bracketed_defaults(path, lines) if f.evidence["line"] not in taken)
    win = ctx.parsed.windows.get(path) if text.kind is Kind.WINDOWS and not tooling else None
    if win is not None and path not in examples:  # ``param([string]$Token = "x")``: the caller may omit it
        for d in filter(_secret_default, win.defaults):
            defaults.append(_default_finding(path, d, lines.get(d.line, d.raw)))
    return defaults


def _script_defaults(ctx: Context, r: _Reading, script: Script, defaults: list[Finding]) -> Iterator[Finding]:
    """A product script's ``${PW:-x}`` fallbacks not already reported among ``defaults``."""
    if is_ci_file(r.path) or r.path in ctx.ci_playbooks:
        return  # a CI or devstack script's fallback is a test value, a CI job's script's too
    # a compose command's ``--password=${PW:-x}`` is read as configuration and as the command's shell: once
    reported = {(f.evidence.get("line"), f.evidence.get("variable")) for f in defaults}
    for finding in _defaults(r.path, script, r.lines):
        if (finding.evidence.get("line"), finding.evidence.get("variable")) not in reported:
            yield finding


def scan(ctx: Context) -> Iterator[Finding]:
    """Hard-coded and default credentials of every text file, in file order, each file's hard-coded ones by line
    and then its defaults. A file's steps:

    1. collect what each reader finds, the first reader of a line winning (tokens and URLs, a configuration
       file's settings, a script's assignments and SQL, cron and compose command lines, a unit's environment,
       a SQL file's roles);
    2. drop the examples the file's shape marks, then what its role makes a test value or a label;
    3. read its default credentials, which take their line from a hard-coded finding;
    4. report."""
    command_lines = _command_lines(ctx)
    for text in ctx.texts:
        r = _read(text)
        found: dict[int, Secret] = {}
        # 1. collect
        _token_secrets(r, found)
        _setting_file_secrets(ctx, r, found)
        script = ctx.parsed.scripts.get(text.path)
        if script is not None:
            _shell_secrets(script, r, found)
        for job in command_lines.get(text.path, ()):
            for s in _script_secrets(job):
                found.setdefault(s.line, s)
        _unit_secrets(ctx, text.path, found)
        _migration_secrets(ctx, text.path, found)
        # 2. drop examples and test values
        found = _without_test_values(ctx, r, _without_examples(r, found))
        # 3. default credentials
        defaults = _file_defaults(ctx, r, found)
        for finding in defaults:
            found.pop(finding.evidence["line"], None)  # reported as a default credential instead
        # 4. report
        for line, s in sorted(found.items()):
            yield _finding(text.path, dataclasses.replace(s, line=line), r.lines.get(line, ""))
        yield from defaults
        if script is not None:
            yield from _script_defaults(ctx, r, script, defaults)


_QUOTED = re.compile(r""""[^"]*"|'[^']*'""")


def _in_prose_literal(line: str, secret: str) -> bool:
    """The URL holding ``secret`` is inside a quoted string that is a sentence around it (``help="inspect broker
    e.g. http://guest:guest@localhost:15672/api/"``): an example shown to people, not a URL the program uses."""
    for m in _QUOTED.finditer(line):
        literal = m.group()[1:-1]
        if secret in literal:
            return len([w for w in literal.split() if "://" not in w]) >= 2
    return False


def _random(value: str) -> bool:
    return len(value) >= 12 and entropy(value) >= _TOKEN_ENTROPY


def _password(s: Secret) -> str:
    """The secret itself: a URL's password without the host that follows it (``secret@127.0.0.1/db``)."""
    return s.secret.split("@", 1)[0] if s.kind == "password in URL" else s.secret


def _schema(text: TextFile) -> bool:
    """A settings schema (``schema_documents``): its values are defaults and examples."""
    return is_schema_document(text.path, tuple((ln.number, ln.text) for ln in text.lines[:8]))


# A module of model factories (factory_boy's ``factories.py``, a ``factories/`` package): the objects tests build,
# with the passwords tests log in with (``UserFactory(password="{PLAIN}toto")``).
_MODEL_FACTORIES = re.compile(r"(?:^|/)factories(?:\.py$|/)")
# Python source, also a sample copy of a module (``local_settings.py.example``, ``settings.py.dist``)
_PYTHON_SOURCE = re.compile(r"\.py(?:\.(?:example|sample|dist|template|tmpl|in|orig))?$")


def _prompted(ctx: Context, text: TextFile) -> frozenset[int]:
    """A Windows script's lines that assign the answer to a prompt (``windows.prompts``)."""
    win = ctx.parsed.windows.get(text.path) if text.kind is Kind.WINDOWS else None
    return prompted_lines(win) if win is not None else frozenset()


def _only(text: str, numbers: Set[int], inside: bool = True) -> str:
    """``text`` with the lines outside ``numbers`` (or, ``inside=False``, those in it) blanked, numbering kept."""
    return "\n".join(line if ((n in numbers) == inside) else "" for n, line in enumerate(text.split("\n"), 1))


def _text_secrets(
    text: TextFile, source: str, code: bool, for_people: Set[int], php: php_settings.PhpSettings | None
) -> Iterator[Secret]:
    """What a configuration-like file (or a Windows script) assigns: keyword assignments (none in a translation
    catalogue, only random-looking ones in documentation, tests and docstrings; PHP's constants as php_settings
    reads them), directives, the manifest's fields and the settings of known configuration formats."""
    numbered = tuple((ln.number, ln.text) for ln in text.lines)
    examples = is_documentation(text.path) or is_test_path(text.path) or describes_package(text.path)
    examples = examples or is_schema_document(text.path, numbered)  # a settings schema's examples and defaults
    examples = examples or bool(_MODEL_FACTORIES.search(text.path))  # factory_boy's test objects
    plain = "\n".join(t for _, t in without_xml_comments(numbered))
    # a translation's values are words (``field_password_confirmation: Потвърждение``), never a secret
    if not is_localization(text.path):
        python = bool(_PYTHON_SOURCE.search(text.path))  # its string literals never expand ``$``
        logins = accounts_file(text.path)  # ``auth_flat_file.ini``: its ``[users]`` section lists accounts
        constants = php.constants if php is not None else None
        # a Makefile's rule names a target and what it is made from (``passwd.adjunct: passwd.adjunct.byname``)
        rules = makefile.rule_lines(source) if makefile.makefile_text(text.path) else set()
        # an Inno Setup script's ``[Code]`` is Pascal source among settings: each part read as what it is
        pascal = pascal_lines(text.path, [t for _, t in numbered])
        parts = [(plain, code)] if not pascal else [(_only(plain, pascal, False), False), (_only(plain, pascal), True)]
        for part, as_code in parts:
            assigned = keyword_secrets(
                part,
                code=as_code,
                examples=examples,
                for_people=for_people,
                dollar_literal=python,
                brace_references=spring_settings(text.path),  # ``${…}`` alone is Spring's placeholder
                logins=logins,
                constants=constants,
            )
            yield from (secret for secret in assigned if secret.line not in rules)
        if code:  # ``ssh.connect(host, password="x")``, ``{ password: 'x' }``: a literal passed by name
            yield from _call_secrets(text.path, source, examples, for_people)
    if not code:  # a directive is configuration's
        yield from _directive_secrets(text.path, text.lines)
        yield from directive_passwords(text.lines)  # ``dbpass pandora``: a file of space-separated directives
        yield from turn_accounts(text.path, text.lines)  # coturn's ``user=NAME:PASSWORD``
        yield from commented_digests(text.lines)  # ``passsha256 = "6478…" # dogood``: a digest and its password
    yield from _manifest_secrets(text)
    if text.kind is Kind.CONFIG and not examples:
        yield from config_secrets(text.path, text.lines)


def _call_secrets(path: str, source: str, examples: bool, for_people: Set[int]) -> Iterator[Secret]:
    """A password-named argument's literal, judged as an assignment of the same name would be; in examples
    (documentation, tests) and on lines written for people only a random-looking value counts. Only passwords: a
    ``token:`` pair is as often a syntax highlighter's token type (``{token: "support.function", regex: …}``)."""
    for line, name, value in keyword_literals(path, source):
        secret = _assignment_secret(name, value)
        if (
            secret is None
            or not secret.kind.startswith("password")
            or ((examples or line in for_people) and not _random(value))
        ):
            continue
        yield dataclasses.replace(secret, line=line)


def _of_product(
    path: str, secret: Secret, number: int, lines: dict[int, str], *, code: bool, php: php_settings.PhpSettings | None
) -> bool:
    """Not a value the product ships in effect: a template's token, a constant or field map naming a field, a PHP
    entry outside its settings (php_settings), the form of a connection string."""
    line = lines.get(number, "")
    if word_secret(secret.kind) and _TEMPLATE_TOKEN.fullmatch(secret.secret):
        return False  # ``'_DBC_DBPASS_'`` (filled in by dbconfig-common)
    php_setting = php is not None and php.setting(number)
    if word_secret(secret.kind) and code and _names_a_name(secret) and not php_setting:
        return False  # a constant or a field map naming a field
    if php is not None and php.not_a_setting(number):
        return False  # ``'password' => 'passwordfield'`` in a class, ``database.php.default``: no setting in effect
    entry = number in php.entries if php is not None else bool(_HASH_ENTRY.match(line))
    if code and entry and _names_another_field(secret.secret):
        return False  # ``'password' => 'dbpass'`` (Bucardo's option aliases): the name of another field, a map's entry
    if secret.kind == "password in URL" and _PLACEHOLDER_LOGIN.search(line):
        return False  # ``driver://user:pass@localhost/dbname``: the form of a connection string, not one
    return secret_of_product(path, secret.kind, secret.secret, line, code=code)


# three or more lower-case words joined by ``:`` or ``.`` (``beeper:image:encryption``)
_NAMESPACED_KEY = re.compile(r"[a-z][a-z0-9]*(?:[:.][a-z][a-z0-9]*){2,}")


# An entry of a Perl or Ruby hash (``'password' => 'x',``) opening its line; PHP's are read by php_settings.
_HASH_ENTRY = re.compile(r"""^\s*["'][^"']+["']\s*=>""")


# A short lower-case qualifier and a secret's word (``dbpass``, ``db_password``, ``api_token``): a field's name.
_FIELD_NAMED = re.compile(r"[a-z]{2,8}_?(?:pass|password|passwd|pwd|secret|token|key)")


def _names_another_field(value: str) -> bool:
    """``dbpass``, ``db_password``: a secret's word with a qualifier, as an identifier (not the bare word, which is a
    weak password: ``'password' => 'secret'``)."""
    return bool(_FIELD_NAMED.fullmatch(value))


def _names_a_name(secret: Secret) -> bool:
    """In program source, a value that spells its own name (``PASSWORD = "password"``, ``'Password': 'password'``,
    an enum member ``password = 'password'``), a type's (``'authsecret': 'string'``), a setting's
    (``"api_token.jwt.encode.secret"``, ``"SECRET_KEY"``) or an element's (``pass = '#snmp_password'``, a CSS
    selector), or a namespaced key made of the name's own words (``BEEPER_IMAGE_ENCRYPTION_KEY =
    "beeper:image:encryption"``: the key an event's content is stored under): a constant, a field map or a lookup,
    not a secret."""
    named = _KIND_KEY.search(secret.kind)
    written = _STRING_PREFIX.sub("", secret.secret)  # ``u"api_token.jwt.encode.secret``
    value = _spelled(written)
    if value in _TYPE_WORDS or (named is not None and value == _spelled(named.group(1))):
        return True
    if named is not None and _NAMESPACED_KEY.fullmatch(written):
        words = set(re.split(r"[^a-z0-9]+", named.group(1).lower()))
        if set(re.split(r"[:.]", written)) <= words:
            return True
    return bool(_NAME_SHAPE.fullmatch(written)) and bool(_SECRET_WORD.search(written.lower()))


def _spelled(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.rpartition(".")[2].lower())


def _manifest_secrets(text: TextFile) -> Iterator[Secret]:
    """A Kubernetes ``env:`` item's literal ``value:`` under a secret name, and the options of a compose service's
    ``command:``/``entrypoint:`` (``--http-api-token demotoken``)."""
    for name, value, line in env_items(text):
        found = _assignment_secret(name, value)
        if found is not None:
            yield Secret(line, f"{found.kind} in an env list", found.secret, found.severity)
    for command in service_commands(text):
        yield from _command_secrets(command)


def _directive_secrets(path: str, text_lines: tuple[Line, ...]) -> Iterator[Secret]:
    """Passwords a directive takes as its argument (``requirepass X``, ``stats auth admin:X``), npm registry
    credentials (``_auth``, ``_authToken``, ``_password``), and the password field of each entry of a libpq
    password file (``.pgpass``), outside comments."""
    name = path.rsplit("/", 1)[-1].lower()
    pgpass = name in (".pgpass", "pgpass")
    comments = ("#", ";") if name in (".npmrc", "npmrc") else ("#", ";", "//")  # ``//registry/:_auth=`` is a setting
    for ln in text_lines:
        if ln.text.lstrip().startswith(comments):
            continue
        if pgpass:
            fields = _PGPASS_SEPARATOR.split(ln.text.strip())
            if len(fields) == 5 and not allowed(fields[4]):
                yield Secret(ln.number, "password in a libpq password file (.pgpass)", fields[4], Severity.HIGH)
            continue
        for pattern, product in _DIRECTIVE_SECRETS:
            m = pattern.match(ln.text)
            if m and not allowed(m.group(2).strip("\"'"), name="password"):
                directive = " ".join(m.group(1).split()).lower()
                yield Secret(ln.number, f"{product} {directive} password", m.group(2).strip("\"'"), Severity.HIGH)
                break


def _fallback_assignments(script: Script) -> Iterator[ParameterDefault]:
    """``if [ -z "$X" ]; then X='admin'; fi`` (and ``[ -z "$X" ] && X=…``): the same as ``${X:-admin}``. A
    variable read from a snap's option (``X="$(snapctl get db-password)"``) is named by the option, and its fallback
    may copy a constant the script sets (snap_options)."""
    options = option_reads(script)
    for a in script.assignments:
        if a.generated_by is not None or "`" in a.raw or not script.falls_back(a.name, a.line):
            continue
        literal = "$" not in a.raw.partition("=")[2]
        if literal and _assignment_secret(a.name, a.value) is not None:
            yield ParameterDefault(a.name, a.value or "", a.line, a.raw)
            continue
        key = options.get((a.function, a.name))
        if key and (literal or constant_copy(script, a)) and _assignment_secret(key, a.value) is not None:
            yield ParameterDefault(key, a.value or "", a.line, a.raw)


# ``['ESPOCRM_ADMIN_PASSWORD']=password`` as an associative array's element reads it (the quotes gone).
_TABLE_ITEM = re.compile(r"^\[([A-Z][A-Z0-9_]*)\]=(.*)$", re.S)


def _table_defaults(script: Script) -> Iterator[ParameterDefault]:
    """``declare -A DEFAULTS=( ['ADMIN_PASSWORD']='password' … )``: a table, named for defaults, of the value each
    variable takes when the environment leaves it unset (a loop hands each to the setter), so an element is the
    same as ``${ADMIN_PASSWORD:-password}`` (hold-out set 45's EspoCRM entrypoint). A table with another name
    (``OPTIONAL_PARAMS``) maps names to names, not defaults."""
    for a in script.assignments:
        if "default" not in a.name.lower():
            continue
        for item, line in zip(a.items, a.item_lines, strict=False):
            element = _TABLE_ITEM.match(item)
            if element is not None:
                yield ParameterDefault(element.group(1), element.group(2), line, item)


def _config_defaults(path: str, text_lines: tuple[Line, ...]) -> Iterator[Finding]:
    """``${ADMIN_PASSWORD:-admin}`` in configuration a tool interpolates (compose, ``.env``), outside comments; a
    HOCON literal a ``${?NAME}`` on the next line may override (hocon_overrides). A URL default carrying a password
    is one whatever the variable's name (``${TEST_DB_DSN:-mysql://app:app@db/app}``, holdout223), as a shell's
    (url_fallbacks)."""
    for d in hocon_defaults(path, text_lines):
        if _secret_default(d):
            yield _default_finding(path, d, d.raw)
    for ln in text_lines:
        if "${" not in ln.text or ln.text.lstrip().startswith(("#", ";", "//")):
            continue
        for m in _CONFIG_DEFAULT.finditer(ln.text):
            name, default = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
            d = ParameterDefault(name, default.strip("\"'"), ln.number, m.group(0))
            if _secret_default(d) or url_password(d.default):
                yield _default_finding(path, d, ln.text)
                break


def _python_defaults(path: str, source: str, lines: dict[int, str]) -> Iterator[Finding]:
    """``os.getenv("DB_PASSWORD", "secret")`` in the product's Python (python_env_defaults), not in its tests,
    documentation or CI files."""
    for d in env_defaults(source):
        line = lines.get(d.line, d.raw)
        if _secret_default(d) and secret_of_product(path, "password assignment", d.default, line, code=True):
            yield _default_finding(path, d, line)


def _prompt_defaults(path: str, lines: dict[int, str], found: dict[int, Secret]) -> Iterator[Finding]:
    """``if db_pass == "":`` then ``db_pass = "nbp123"`` at a line the keyword reader found (prompt_fallbacks)."""
    for d in prompt_fallbacks(lines, iter(sorted(found))):
        if _secret_default(d):
            yield _default_finding(path, d, lines.get(d.line, d.raw))


def _bracketed_defaults(path: str, lines: dict[int, str]) -> Iterator[Finding]:
    """A password question's bracketed default handed to the prompt helper (prompt_fallbacks), in a program."""
    for d in bracketed_prompt_defaults(lines):
        if _secret_default(d):
            yield _default_finding(path, d, lines.get(d.line, d.raw))


def _js_defaults(path: str, source: str, lines: dict[int, str]) -> Iterator[Finding]:
    """``password: process.env.PW || 'secret'`` in the product's JavaScript or TypeScript (js_env_defaults), not in
    its tests, documentation or CI files."""
    for d in js_env_defaults(path, source):
        line = lines.get(d.line, d.raw)
        if _secret_default(d) and secret_of_product(path, "password assignment", d.default, line, code=True):
            yield _default_finding(path, d, line)


# Words the placeholder rule reads as "a value goes here" that, as a fallback, are the value itself: whenever the
# variable is unset the product runs with them (HumHub's ``${HUMHUB_ADMIN_PASSWORD:-"test"}``).
_RUN_WITH_FALLBACKS = frozenset({"test", "dummy"})
# A key's description (``SomeRandomStringWith32Characters``, ``random_string``): as a fallback it is the key every
# install that sets none encrypts and signs with (BookStack's ``${APP_KEY:-SomeRandomStringWith32Characters}``).
_RUN_WITH_DESCRIPTION = re.compile(r"(?i)some[-_.]?random|random[-_.]?(?:string|text|chars|characters)")


def _secret_default(d: ParameterDefault) -> bool:
    default = d.default.strip()
    value = default.strip("\"'")
    return (
        bool(default)
        and secret_name(d.name)
        and not default.startswith(("/", "./", "~"))
        and "$" not in default
        and (
            not placeholder(default)
            or value.lower() in _RUN_WITH_FALLBACKS
            or bool(_RUN_WITH_DESCRIPTION.match(value))
        )
    )


def _defaults(path: str, script: Script, lines: dict[int, str]) -> Iterator[Finding]:
    fallbacks = (*_fallback_assignments(script), *substitution_fallbacks(script), *_table_defaults(script))
    for d in (*script.defaults, *fallbacks, *heredoc_defaults(script)):
        if _secret_default(d):
            yield _default_finding(path, d, lines.get(d.line, d.raw))
    for d in url_fallbacks(script):
        yield _default_finding(path, d, lines.get(d.line, d.raw))


def _default_finding(path: str, d: ParameterDefault, line_text: str) -> Finding:
    return at_line(
        "preflight.default_credential",
        Severity.HIGH,
        path=path,
        line=d.line,
        text=line_text.replace(d.default, redact(d.default)),
        variable=d.name,
        redacted=redact(d.default),
        message=f"${{{d.name}}} falls back to a literal default: whenever it is unset the product runs with a "
        "credential every copy of this package shares",
        remedy=f"Require the value instead (${{{d.name}:?set {d.name}}}) or generate it at install time.",
    )
