"""Credentials: detect-secrets' plugins find candidates, shipgate's allow-rules drop what is not a literal secret.

The token plugins (private keys, cloud and service tokens, basic-auth URLs, JWTs) read every line of every
text file, comments included: a key in a comment is still distributed. The keyword plugin reads config-like
files (``key = value``, YAML, ``.env``); in shell scripts the parsed assignments and options stand in for it,
so text inside ``echo``/``sed`` expressions is not taken for an assignment. Allow-rules: placeholders,
references (``$VAR``, ``${VAR}``, ``$(…)``, ``{{ … }}``, ``%(…)s``, ``<…>``), paths, and names that hold
something about a secret rather than the secret (``PASSWORD_FILE``, ``TOKEN_TTL``, ``SECRET_SHA256``,
``API_KEY_PREFIX``)."""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Iterator, Mapping, Set
from dataclasses import dataclass

from detect_secrets.plugins import keyword
from detect_secrets.plugins.artifactory import ArtifactoryDetector
from detect_secrets.plugins.aws import AWSKeyDetector
from detect_secrets.plugins.azure_storage_key import AzureStorageKeyDetector
from detect_secrets.plugins.base import BasePlugin
from detect_secrets.plugins.basic_auth import BasicAuthDetector
from detect_secrets.plugins.discord import DiscordBotTokenDetector
from detect_secrets.plugins.github_token import GitHubTokenDetector
from detect_secrets.plugins.gitlab_token import GitLabTokenDetector
from detect_secrets.plugins.jwt import JwtTokenDetector
from detect_secrets.plugins.mailchimp import MailchimpDetector
from detect_secrets.plugins.npm import NpmDetector
from detect_secrets.plugins.openai import OpenAIDetector
from detect_secrets.plugins.private_key import PrivateKeyDetector
from detect_secrets.plugins.pypi_token import PypiTokenDetector
from detect_secrets.plugins.sendgrid import SendGridDetector
from detect_secrets.plugins.slack import SlackDetector
from detect_secrets.plugins.square_oauth import SquareOAuthDetector
from detect_secrets.plugins.stripe import StripeDetector
from detect_secrets.plugins.telegram_token import TelegramBotTokenDetector
from detect_secrets.plugins.twilio import TwilioKeyDetector

from shipgate.findings import Severity
from shipgate.preflight.category_tables import category_value
from shipgate.preflight.disabled_blocks import switched_off_block, switched_off_list
from shipgate.preflight.key_lists import account_entries, listed_keys, listed_passwords, paired_keys
from shipgate.preflight.salted_digests import digest_beside_salt
from shipgate.preflight.secret_key_names import names_secret_key

MAX_LINE_CHARS = 4096  # the token plugins see each line cut here
# The keyword plugin's patterns backtrack over repeated keywords ("passwordpassword…"): an assignment of a
# secret is short, so it sees the first 512 characters of a line.
MAX_KEYWORD_LINE = 512
# Keys that encrypt or sign (``des_key``, ``ENCRYPTION_KEY``, ``signing-key``, ``APP_KEY``): secrets as much as
# a password is, though detect-secrets' keyword list does not name them.
_CIPHER_KEY = (
    r"(?:^|[_.-])(?:des|3des|aes|cipher|crypt|encrypt|encryption|signing|sign|hmac|master|app|jwt|salt)[_.-]?key"
    r"(?:$|[_.-])"
)
# Of those, the keys whose every literal is the key itself, as a password's is (``MASTER_KEY=vendor``,
# ``API_ENCRYPTION_KEY=testsecret``, LiteLLM's ``SALT_KEY`` that encrypts stored credentials): a word there encrypts or
# signs as written. ``APP_KEY`` is left to randomness (a Pusher or Algolia ``APP_KEY`` is a public id).
_KEY_NAME = re.compile(
    r"(?i)(?:^|[_.-])(?:des|3des|aes|cipher|crypt|encrypt|encryption|signing|sign|hmac|master|jwt|salt)[_.-]?key"
    r"(?:$|[_.-])"
)
# ``ADMINPASS``, ``MYSQLPASS``: an account's word glued to ``pass`` (not ``BYPASS``, ``COMPASS``, ``PASSTHROUGH``).
_GLUED_WORD = r"(?:^|_)(?:admin|root|db|user|mysql|pg|postgres|smtp|mail|ldap|ftp|ssh|rcon|vnc|redis)pass(?:$|_)"
# ``RABBITMQ_ERLANG_COOKIE``, ``RELEASE_COOKIE`` (Elixir releases): the shared secret that lets any Erlang node
# holding it run code in the node, a password by another name.
_COOKIE = r"(?:^|[_.-])(?:erlang|release)[_.-]?cookie$"
# ``IPSEC_PSK``, ``wpa_psk``, WireGuard's ``PresharedKey``, ``PRE_SHARED_KEY``: the pre-shared key of an IPsec
# tunnel or a Wi-Fi network, which lets whoever holds it join the network (a password by another name).
_PRESHARED = r"(?:^|[_.-])psk(?:$|[_.-])|pre[_.-]?shared[_.-]?key"
# ``REDIS_AUTH``, ``redisAuth``: named for Redis' ``AUTH`` command, whose one argument is the server's password (as
# ``masterauth`` is the replica's). ``REDIS_AUTH_ENABLED`` and ``SMTP_AUTH=login`` name a switch or a mechanism.
_REDIS_AUTH = r"(?:^|[_.-])redis[_.-]?auth$"
SECRET_NAME = re.compile(
    "|".join(
        (
            *keyword.DENYLIST,
            "token",
            "credential",
            "passphrase",
            r"(?:^|_)pass(?:$|_)",
            _GLUED_WORD,
            _CIPHER_KEY,
            _COOKIE,
            _PRESHARED,
            _REDIS_AUTH,
        )
    ),
    re.I,
)
_NOT_SECRET_NAME = re.compile(
    # a digest's name, unless its last word is the password it stores (``adminMD5Password``: the account's login)
    r"(?i)(?:^|[_.-])sha\d*(?:$|[_.-])(?!.*pass(?:word|wd)$)|(?:md5|hash|bcrypt|digest)(?!.*pass(?:word|wd)$)"
    r"|checksum|uuid|guid|version|commit|fingerprint|_id$|^id$"
    r"|[_.-]?(?:file|path|dir|store|ttl|header|length|len|min|max|policy|prompt|env|name|type|mode|hint|url"
    # the words that describe it (an init script's ``KPASSWDD_DESC="Heimdal password server"``, a form's
    # ``password_label``: whole packages round forty)
    r"|desc|description|label"
    # an address spelt URI as OAuth clients spell it (``token_uri``, ``token_introspection_uri`` of a
    # ``client_secrets.json``): where the token is fetched, not the token; a password inside the address is still
    # read by the URL plugin
    r"|uri"
    r"|endpoint|expir\w*|timeout|size|count|command|cmd|length|regexp?|pattern|db|field|var|param|salt_rounds"
    r"|seconds|secs|minutes|hours|days|ms|retries|delay|interval|lifetime|duration|age|cooldown|pool|quota|burst"
    r"|prefix|suffix|format|schemes?|algorithms?|alg|encoders?|hashers?|attrs?|attributes?|filter|col|column|route|query|charset|encoding"
    # whom a token is issued by or for, and what it may do (``--auth-token-audiences=app.ns.svc``, ``TOKEN_ISSUER``,
    # ``token_scopes``): names and URLs that the token is checked against, not the token
    r"|audiences?|issuers?|scopes?"
    # the mail address password mails are sent from (MediaWiki's ``$wgPasswordSender``, an image's
    # ``MW_PASSWORD_SENDER=apache@invalid``; holdout211): an address, not the password
    r"|senders?)$"
    # the same address named for where the mails come from (Retro Game's ``retro-game.password-reset-mail-from=
    # no-reply@localhost``, holdout265): a last word ``from`` after a separator
    r"|[_.-]from$"
    r"|tokeniz"
    # a unit after a separator (``rate_limiting_api_key_cooldown_ns``): a quantity about the key, not the key
    r"|[_.-](?:ns|us|nanos|micros|millis)$"
    r"|^(?:no|skip|use|enable|disable|show|require|allow|generate|gen)[_.-]"
    # the key a password is stored under in a Kubernetes Secret (``secretKeys.adminPasswordKey: admin-password``,
    # ``existingSecretPasswordKey``): a field's name, not the password
    r"|password[_.-]?key$"
    # the Kubernetes Secret a chart reads the passwords from (Helm values' ``auth.existingSecret: app-db``, an
    # ``EXISTING_SECRET`` setting): the object's name, a reference, not a secret value
    r"|(?:^|[_.-])existing[_.-]?secrets?$"
)
# ``#{…}`` is Ruby's interpolation. ``$`` starts a reference only before a name, ``{``, ``(`` or a special
# parameter: in ``…!@#$%^&*`` it is a character of the value.
# What follows a ``$`` reference in either reading: other languages' interpolation and templates' markers.
_OTHER_REFERENCES = (
    r"|#\{|`|%\(|%[A-Z_]+%|\{\{|^\{[A-Za-z_][\w.]*\}$|^<[^>]*>$|^\*+$|^x+$|^\.\.\.|^@[A-Za-z_]|^(?:env|vault|file|secret)s?:"
    # a deploy tool's substitution marker (``##SECRET:smtp.auth.password##``)
    r"|^##[^#\s]+##$"
    # an installer's field marker, a dotted setting name between single ``#`` (mm-wiki's template ``pass="#db.pass#"``,
    # filled in when the installer writes the config; holdout211)
    r"|^#[A-Za-z_]\w*(?:\.\w+)+#$"
)
_REFERENCE = re.compile(r"\$[\w{(@*#?$!-]" + _OTHER_REFERENCES, re.I)
# In a language whose string literals never expand ``$`` (Python), ``$`` is a character of the value
# (``SECRET_KEY = 'hmj#)-$smzqk…'``); a value that is wholly one ``$NAME``/``${NAME}`` is still a reference, a
# template's field (``string.Template``, a later substitution).
_LITERAL_REFERENCE = re.compile(r"^\$\{?[A-Za-z_]\w*\}?$" + _OTHER_REFERENCES, re.I)
# In a Spring settings file a placeholder is ``${…}`` (``${DB_PWD:123456}``, ``${user.dir}/files``) anywhere in the
# value; any other ``$`` is a character of the value (datart's token secret ``"d@a$t%a^r&a*t"``, holdout167). A value
# that is wholly one ``$NAME`` is still a reference, a field left for a later substitution.
_BRACE_REFERENCE = re.compile(r"\$\{|^\$[A-Za-z_]\w*$" + _OTHER_REFERENCES, re.I)
# A salt in the modular crypt format with no hash after it (bcrypt's ``$2b$12$`` and 22 characters, Psono's
# ``EMAIL_SECRET_SALT: '$2b$12$XUG.sKxC2jmkUvWQjg53.e'``; SHA-crypt's ``$6$rounds=5000$salt``; holdout176): its ``$``
# are the format's separators, not references (``$2`` is no variable anyone set). A whole hash (a salt and its digest,
# ``$2a$04$`` and 53 characters) stays unread: what a login checks, not the password.
_CRYPT_SALT = re.compile(r"\$2[abxy]?\$\d\d\$[./A-Za-z0-9]{22}|\$[56]\$(?:rounds=\d{1,9}\$)?[./A-Za-z0-9]{8,16}")
_PLACEHOLDERS = frozenset(
    [
        "none",
        "null",
        "nil",
        "true",
        "false",
        "yes",
        "no",
        "on",
        "off",
        "required",
        "optional",
        "redacted",
        "token",
        "example",
        "placeholder",
        "your_password",
        "yourpassword",
        "your-password",
        "prompt",
        "ask",
        "stdin",
        "unset",
        "empty",
        "default",
        "changeme_in_env",
        "replace_me",
        "replaceme",
        "change_me_please",
        "todo",
        "tbd",
        "fixme",
        "dummy",
        "test",
        # a word saying a value goes there (byro's ``[mail] password = something`` beside ``user = admin``)
        "something",
    ]
)
# Filler written where a value goes: ``xxx``, ``****``, ``...``.
_FILLER = re.compile(r"x+|\*+|\.\.\.", re.I)
# One character written sixteen times or more (Langfuse's ``ENCRYPTION_KEY: "000…0"`` beside the command that makes a
# real one): the shape and length of a key to generate, not a key anyone chose.
_REPEATED = re.compile(r"(.)\1{15,}")
# Text that describes what to put there rather than being it: "your-super-secret-…", "…should_be_updated",
# "fake_mail_password", "sk-proj-xxxxxxxx", "<token>", "SET_THIS_TO_SOME_RANDOM_TEXT", "generateme". Short
# conventional defaults ("admin", "changeme", "secret1234") are real credentials: deployments run with them.
_DESCRIPTION = re.compile(
    r"(?i)^(?:your|my|enter|insert|put|paste|add)[-_.]|[-_.]here$|placeholder|example|fake|dummy|sample|x{4,}"
    # "PASSWORDGOESHERE", "token-goes-here", "yourpasswordhere": the words run together or joined
    r"|goes[-_.]?here$|^your[a-z0-9]+here$"
    # the same instruction run together from its verb to "here" (PiGallery's
    # ``putsomethinginherethatyouwouldlikeasthepassword``), and a CamelCase field for the reader's own value
    # (MiroTalk's ``YourMattermostPassword``, as ``your-…`` is read); ``Yours1`` and ``putty`` are words
    r"|^(?:put|enter|insert|paste|type)[a-z0-9]*?here|(?-i:^Your[A-Z][a-z])"
    r"|should[-_]be[-_](?:changed|updated|replaced|set)|replace[-_](?:me|this|with)|<[^>]+>"
    # an instruction written where the value goes: "SET_THIS_TO_SOME_RANDOM_TEXT", "change-this" (Mobilizon's
    # run-together ``changethis``), "generateme"
    r"|(?:^|[-_.])(?:set|change)[-_.]?this(?:$|[-_.])|some[-_.]?random|^generate(?:[-_.]?(?:me|one|it|this|a|an|random)"
    r"(?:$|[-_.])|$)"
    # the kind of value to make, named where it goes (Shynet's ``DJANGO_SECRET_KEY=random_string``, 2FAuth's
    # ``SomeRandomStringOf32CharsExactly`` run together above): ``random42`` or ``randomness`` is read
    r"|^random[-_.]?(?:string|text|chars|characters|value|key|secret)$"
    # "change me" as two words (CKAN's ``CHANGE_ME``, also after its typed-value prefix ``string:``; GlitchTip's
    # ``change_me``): the instruction; ``changeme`` run together is the password deployments run with
    r"|(?:^|:)change[-_.]me$"
    # ``some_`` before the field's whole name, as ``your_password`` (Hysteria's ``password: some_password``,
    # holdout176); ``some-pass`` (OTOBO's ``DatabasePw``, holdout131) and ``some_password2`` are values
    r"|^some[-_.](?:password|passwd|passphrase|secret|token)$"
    # what is still to be done to the value (SimpleLogin's ``AWS_SECRET_ACCESS_KEY=to_fill``, ``to-be-set``,
    # ``fill_in``: holdout156): an instruction, not a value; ``tofu`` or ``fill42`` is read
    r"|^to[-_.]?(?:be[-_.]?)?(?:fill(?:ed)?|set|change[ds]?|replaced?|defined?|configured?)(?:[-_.]?in)?$"
    r"|^fill[-_.]?(?:in|it|this)$"
    # a word saying no value was given (dev_azure_pwr's ``[string]$token = 'not_token'``, ``no-password``,
    # ``not_set``: holdout191): the absence written down, not a value; ``notary`` or ``no1pass`` is read
    r"|^no(?:t)?[-_.](?:an?[-_.])?(?:token|password|passwd|secret|key|pat|set|given|provided|configured)$"
    # a key's prefix with the rest elided (Stripe's ``sk_test_...``, ``whsec_...``, ``ghp_…``): the shape of the
    # value to paste, cut short where the secret would start
    r"|(?:\.\.\.|…)$"
    # the same instructions in Chinese: 填写你的SecretKey ("fill in your SecretKey"), 请输入… ("please enter …"),
    # 你的/您的… ("your …"), 替换为… ("replace with …")
    r"|填写|请输入|请填|^(?:你的|您的)|替换为|修改为"
    # a token a build or installer substitutes: XXX_DBPASSWORD_XXX, @DB_PASS@, __SECRET__
    r"|^(?:xxx|__|@)[\w.-]+(?:xxx|__|@)$"
    # dbconfig-common's template token (``_DBC_DBPASS_``), a bracketed marker (``[SECRET]``), an instruction
    # (``please_choose_a_strong_password``)
    r"|^_[A-Z][A-Z0-9_]*[A-Z0-9]_$|^\[[A-Z][A-Z0-9 _-]*\]$|^please[-_.]|(?:^|[-_.])choose[-_.]"
    # "change me" (or "replace me") and how, run together in CamelCase, in capitals or with separators:
    # ``ChangeMeBy32KeyLengthOrGenerated``, ``changeme_to_a_random_string``, ``REPLACEMEWITHARANDOMKEY``; ``changeme``
    # alone, with digits or with a noun (``CHANGEME-PASSWORD``) is the password deployments run with
    r"|^(?:change|set|fill|update|replace)[-_.]?me[-_.]?(?:by|to|with|or|before|after|in|on|please|later|now|first|if|when)"
    r"(?=$|[-_.\d]|(?-i:[A-Z]))"
    # a sentence run together in CamelCase that ends by telling the reader to change or set it (Symfony's
    # ``ThisTokenIsNotSoSecretChangeIt``, OJS' ``YouMustSetASecretKeyHere!!``); ``changeit`` alone (Java's keystore
    # default) and ``ChangeIt`` alone are values deployments run with
    r"|(?-i:(?<=[a-z0-9])(?:Change|Replace|Update|Set)(?:It|Me|This)|(?<=[a-z0-9])Here)[!.]*$"
)
# Values shaped like no secret: a format template's field (``{self.event.orga_urls.speakers}{self.user.code}/reset``,
# ``{serverURL}/login/oauth/access_token``), an SQL column type (``hyperdb.Password: 'VARCHAR(255)'``), a call or a
# member chain's call (``RT->Config->Get('DatabasePassword')``, ``SecureRandom.hex(40)``, PowerShell's static
# ``[System.Threading.CancellationTokenSource]::new()``).
# A field begins the value or a part of a URL or path (``s3cr3t#pass{word}`` is a literal with braces in it).
_FORMAT_FIELD = re.compile(r"(?:^|[/:@=?&])\{[a-z_][\w.]*(?:\[[^]{}]*\])?(?:![rsa])?(?::[^{}]*)?\}")
# A value that is wholly one template field computed by a call (an f-string's
# ``SECRET_KEY: "{get_random_secret_key()}"`` in the settings file a setup script writes): filled in when rendered.
# An XML name in Clark notation, ``{namespace}local-name`` (WebDAV's ``"{DAV:}lock-token-submitted"``, RFC 4918's
# precondition codes): the name of an element, whatever the constant holding it is called. The namespace is a URI
# (``DAV:``, ``http://…``, ``urn:…``), so a template field (``{password}``, ``{{ secret }}``) is not one.
_CLARK_NAME = re.compile(r"^\{[A-Za-z][\w+.-]*:[^{}\s]*\}[A-Za-z_][\w.-]*$")
_CALL_FIELD = re.compile(r"^\{\s*[A-Za-z_][\w.]*\([^{}]*\)\s*\}$")
_SQL_TYPE = re.compile(
    r"(?i)^(?:var)?char(?:acter(?: varying)?)?\(\d+\)$|^n?varchar\(\d+\)$|^(?:decimal|numeric)\(\d+(?:,\s*\d+)?\)$"
)
_CALL = re.compile(r"^(?:\[[\w.]+\]|[A-Za-z_$][\w$]*)(?:(?:\.|->|::)[A-Za-z_$][\w$]*)+\(.*\)\s*;?$")
# A URL whose user and password are the names of the fields (``amqp://username:password@host``,
# ``https://username:proxypassword@proxy``, ``imaps://user:password@server/mailbox``) or whose scheme is one
# (Alembic's ``driver://user:pass@localhost/dbname``): a template, and so is one whose user, password and database
# are all the fields' names (OpenCVE's ``postgresql://user:secret@localhost:5432/dbname``). ``mariadb://user:
# password@mariadb`` and ``postgresql://user:secret@db/opencve`` are values.
_FIELD_USERINFO = re.compile(
    r"(?i)://(?:username|user_name|login):(\w*pass(?:word|wd)?|pwd|secret)@"
    r"|://(?:user|usr):(pass(?:word|wd)?)@(?:host|hostname|server)\b|\b(?:driver|dialect)(?:\+\w+)?://[^:/@\s]+:([^@\s]+)@"
    # the recipe's template, its fields prefixed with ``db_`` alike (Doctrine's ``mysql://db_user:db_password@
    # 127.0.0.1:3306/db_name``, holdout236's UVdesk): the database's name too is the field's
    r"|://(?:db_?)?(?:user|usr):((?:db_?)?pass(?:word|wd)?|pwd|secret)@[\w.-]{1,253}(?::\d{1,5})?"
    r"/(?:db_?name|database(?:_name)?)\b"
)
# In a comment, a URL whose password is the field's name documents the format (``// db://user:password@host``).
_COMMENT = ("#", ";", "//", "--", "/*", "*")
_FIELD_PASSWORDS = frozenset({"password", "passwd", "passw", "pwd", "pass", "secret"})
# A member or attribute chain (``rpFrame.fetchAccessToken``, ``self.options.password``): in code an expression.
_MEMBER_CHAIN = re.compile(r"^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+;?$")
# The same in a trailing comment after a value (``externalMongodbUrl: # mongodb://user:password@localhost/db``).
# A setting named by words with blanks between them (``api key``, ``auth token``): two to three words.
_SPACED_NAME = re.compile(r"[A-Za-z]+(?: [A-Za-z]+){1,2}")
_COMMENTED_URL = re.compile(r"\s#[^\n]*://")
# A file or a page named as the value (``url_password = edit-password.php``): where a secret is, or a form for it.
_FILE_VALUE = re.compile(
    r"^[\w.-]+\.(?:txt|pem|key|crt|conf|file|env|json|yaml|yml|p12|jks|pfx|php|html?|jsp|aspx?|cgi)$", re.I
)
# Matched against the lowercased text (two patterns: sre tries an alternation at every position, and a class
# that starts one alternative defeats its first-character filter). A URL's userinfo holds no ``/`` (RFC 3986: it is
# percent-encoded there), so its password stops at one: a line of ``://://…`` is not rescanned to its end from every
# ``://`` (quadratic on one long line).
_TRIGGER = re.compile(
    r"key|pass|pwd|secret|token|auth|cred|akia|asia|ghp_|gho_|ghs_|glpat|xox|sk_live|sk-|eyj|://[^/\s:@]*:[^@\s/]+@"
    r"|-----begin|npm_|pypi-|pw(?![a-z0-9])|cookie|psk"
)
# Perl's hash subscripts too (``$Self->{DatabasePw}``, ``$conf{'db_pw'}``): the key names the setting (holdout131).
_SUBSCRIPT = re.compile(r"""(?:\[\s*["']?|->\s*(?:\{\s*["']?)?|(?<=\w)\{\s*["']?)([\w.-]+)["']?\s*[\]}]?$""")
_LONG_TOKEN = re.compile(r"[a-z0-9+/=_-]{32,}")
# An account's ``credential`` (Sureness' ``account:`` entries, ``admin_credential``): the one secret the account logs
# in with, its password under another name. Not the plural (``KAFKA_SSL_KEYSTORE_CREDENTIALS: creds`` names a file)
# nor a reference to one (``credentialsId``, ``credential_id``).
_CREDENTIAL = r"(?:^|[_.-])credential$"
# Names that hold a password (``ES_PASS``, ``DB_PWD``): any literal under them is one, random or not.
# A password by its name, or by another name: an Erlang cookie, a pre-shared key, Redis's AUTH, an account's
# credential (``_COOKIE``, ``_PRESHARED``, ``REDIS_AUTH``, ``_CREDENTIAL``).
_PASSWORD_NAME = re.compile(
    r"(?i)(?:^|[_.-])(?:pass|passwd|pwd)(?:$|[_.-])|password|passphrase|"
    + "|".join((_COOKIE, _PRESHARED, _REDIS_AUTH, _CREDENTIAL))
)
# ``PW`` or ``Pass`` for password: a word of its own (``ROOT_PW``, ``pw``) or a camel-case word (``bindPW``,
# ``adminPw``, ``tmpPass``; not ``bypass``, ``Passive``, ``compassDir``).
# ``DB_PW``, ``bindPW``, and a capitals name that ends in PW (``DBRWPW``, ``ROOTPW``).
_PW_NAME = re.compile(r"(?i:(?:^|[_.-])pw(?:$|[_.-]))|(?<=[a-z])(?:P[Ww]|Pass)(?=$|[_.A-Z-])|(?<=[A-Z]{3})PW$")


# An unquoted value's trailing comment (dotenv, YAML, INI-style): whitespace then ``#`` after the value (searched
# only when the value does not open with a quote or a ``#``; one pass, no backtracking over runs of spaces).
_TRAILING_COMMENT = re.compile(r"\s#")
# A token-named value above 3 bits/char is random enough to be a token rather than a word.
_TOKEN_ENTROPY = 3.0
# What may stand left of ``=``/``:`` as a setting's name: words, dots, subscripts, sigils, at most three words
# (``SSL Key Password``); not a regular expression or a sentence.
_SETTING_KEY = re.compile(r"""^\s*[^\s^()|*+?\\<]+(?:\s+[^\s^()|*+?\\<]+){0,2}\s*$""")
# A C-preprocessor-style or exim macro name standing for the value (``tls_privatekey = MAIN_TLS_PRIVATEKEY``).
_SECRET_WORD = re.compile(r"(?i)pass(?:word|wd)?|secret|token")
_MACRO = re.compile(r"^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+){2,}$")
# The field's own name in capitals written where its value goes (``bindCredentials: BIND_PASSWORD``, an installer's
# ``passwordSecret=ARKIME_PASSWORD`` token, ``$proxy_pass = 'PASSWORD'`` beside ``'USERNAME'``): at most one word
# before the secret word, all capitals. ``CHANGEME-PASSWORD`` (a word joined by a hyphen) and ``Password1`` are values.
_FIELD_NAME_VALUE = re.compile(r"^(?:[A-Z][A-Z0-9]*_)?(?:PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|CREDENTIALS?)$")
# A path to a key or certificate file under a directory (``CONFDIR/exim.key``, ``${ssl_dir}/server.pem``).
_KEY_FILE_PATH = re.compile(r"(?i)^[\w.${}-]+(?:/[\w.${}-]+)*/[\w.-]+\.(?:key|pem|crt|cer|p12|pfx|jks|der|pub)$")
# In code, a secret is assigned as a string literal: ``$pass = 'x'``, ``password: "x",``, ``self.key = r'x'``,
# ``$cfg['dbpass'] = "x";``, ``my $pw = "x";``, ``const token = `x` ``, Ruby's ``@@db_password = 'x'``.
_CODE_ASSIGNMENT = re.compile(
    r"""^(?:(?:my|our|local|var|let|const|final|static|private|public|protected)\s+)*"""
    r"""(?:@@|[$@%])?[\w.>\[\]'"-]+\s*(?::|=>|=|:=)\s*(?:[rbuf]{0,2}["'`])"""
)
# What separates a name from its value: ``=``, ``:``, and in code PHP/Perl/Ruby's ``=>`` and Go's ``:=`` as one
# operator (split at ``=`` alone, ``'db_password' => 'x'`` left ``> 'x'`` as the value, which no literal reading took).
_ASSIGNED = re.compile(r"\s*(?:=>|:=|[:=])")
# A Quarkus profile prefix on a key (CommaFeed's ``%dev.quarkus.http.auth.session.encryption-key``, ``%test.…``):
# the setting applies only in development mode or the test run. ``%prod.`` and custom profiles are deployed.
_DEV_PROFILE = re.compile(r"^%(?:dev|test)\.")
# A setting with its label quoted between the name and ``=`` (pyLoad's ``default.cfg``: ``type name : "Label" =
# value``, ``password password : "Password" =``): the value is what follows the ``=``, the label is text for people.
_LABELLED_VALUE = re.compile(r"""^\s*"[^"\n]*"\s*=(?![=>])(.*)$""")
# A YAML node property alone after a mapping's ``:`` (compose's ``x-database-credentials: &database-credentials``
# opening the mapping below, ``password: *db-password`` reusing one): the anchor's or alias's name, no value; a plain
# YAML scalar never starts with ``&`` or ``*`` (holdout236's Dittofeed).
_YAML_NODE_NAME = re.compile(r"[&*][\w.-]+")
_CHAINED = re.compile(r"""^(\s*[$@%]?[\w.]+\s*=\s*)(?:[$@%]?[\w.]+\s*=\s*)+(?=[rbuf]{0,2}["'])""")
# An annotated assignment (Python's ``BIND_PW: str = "admin"`` in a settings class, TypeScript's ``password: string
# = 'x'``): the annotation names a type, the literal after ``=`` is the value.
_ANNOTATED = re.compile(
    r"""^(\s*[\w.]+)\s*:\s*[\w.]+(?:\[[\w., |\[\]]*\])?(?:\s*\|\s*[\w.]+)*\s*(=\s*)(?=[rbuf]{0,2}["'])"""
)

# A settings field declared with its default (pydantic's ``fake_wallet_secret: str = Field(default="x")``, also
# ``Field("x", …)``): the literal is the value the product runs with unless configured.
_FIELD_DEFAULT = re.compile(
    r"""^(\s*[\w.]+)\s*(?::[^=]{1,128})?=\s*Field\(\s*(?:default\s*=\s*)?([rbuf]{0,2}(["'])[^"'\\]*\3)\s*[,)]"""
)


@dataclass(frozen=True)
class Secret:
    line: int
    kind: str
    secret: str
    severity: Severity


def entropy(text: str) -> float:
    """Shannon entropy of ``text`` in bits per character."""
    if not text:
        return 0.0
    counts = Counter(text)
    total = len(text)
    return -sum(n / total * math.log2(n / total) for n in counts.values())


def redact(secret: str) -> str:
    return f"{secret[:4]}…({len(secret)} chars)" if len(secret) > 6 else f"…({len(secret)} chars)"


class _PasswordOnlyAuth(BasicAuthDetector):
    """A URL's password with no user before it (``redis://:s3cr3t@redis:6379/0``, Redis' own form: AUTH with a
    password only), which detect-secrets' basic-auth pattern, asking for a user, passes over."""

    denylist = [re.compile(r"://:([^" + re.escape(":/?#[]@!$&'()*+,;=") + r"\s]+)@")]  # noqa: RUF012 (the plugin API's)


@functools.cache
def _token_plugins() -> tuple[tuple[str, BasePlugin, Severity], ...]:
    critical = (
        ("private key", PrivateKeyDetector()),
        ("AWS access key", AWSKeyDetector()),
        ("GitHub token", GitHubTokenDetector()),
        ("GitLab token", GitLabTokenDetector()),
        ("Slack token", SlackDetector()),
        ("Stripe key", StripeDetector()),
        ("Artifactory token", ArtifactoryDetector()),
        ("Azure storage key", AzureStorageKeyDetector()),
        ("npm token", NpmDetector()),
        ("PyPI token", PypiTokenDetector()),
        ("OpenAI key", OpenAIDetector()),
        ("SendGrid key", SendGridDetector()),
        ("Twilio key", TwilioKeyDetector()),
        ("Mailchimp key", MailchimpDetector()),
        ("Discord token", DiscordBotTokenDetector()),
        ("Telegram token", TelegramBotTokenDetector()),
        ("Square OAuth secret", SquareOAuthDetector()),
    )
    return (
        *((kind, plugin, Severity.CRITICAL) for kind, plugin in critical),
        ("JSON web token", JwtTokenDetector(), Severity.HIGH),
        ("password in URL", BasicAuthDetector(), Severity.HIGH),
        ("password in URL", _PasswordOnlyAuth(), Severity.HIGH),
    )


@functools.cache
def _keyword() -> keyword.KeywordDetector:
    return keyword.KeywordDetector()


def allowed(value: str, *, name: str = "", dollar_literal: bool = False, brace_references: bool = False) -> bool:
    """shipgate's allow-rules: True when ``value`` is not a literal secret worth reporting. ``dollar_literal``: the
    value is a string literal of a language that does not expand ``$`` in it (Python). ``brace_references``: the
    value is a setting whose reader expands only ``${…}`` (Spring's placeholders)."""
    value = value.strip().strip("\"'")
    pattern = _LITERAL_REFERENCE if dollar_literal else _BRACE_REFERENCE if brace_references else _REFERENCE
    reference = pattern.search(value) and not _CRYPT_SALT.fullmatch(value)
    if len(value) < 4 or reference or value.lower() in _PLACEHOLDERS or _DESCRIPTION.search(value):
        return True
    if _REPEATED.fullmatch(value):
        return True  # ``0000000000000000…``: a key's shape to fill in
    if value.lower() == "secret" and not (name and password_name(name)):
        return True  # a mount, a scope or a kind named ``secret``; under a password name it is Homestead's password
    if value.startswith(("/", "./", "~/", "../")) or _FILE_VALUE.match(value) or _KEY_FILE_PATH.match(value):
        return True
    if value.startswith("-") or _MACRO.match(value) or _FIELD_NAME_VALUE.match(value):
        return True  # an option's spelling (``"passwd": "--password"``), a macro's or a field's name
    if name and _NOT_SECRET_NAME.search(name):
        return True
    if _FORMAT_FIELD.search(value) or _CALL_FIELD.match(value) or _SQL_TYPE.match(value) or _CALL.match(value):
        return True
    if _CLARK_NAME.match(value):
        return True
    if _names_itself(value, name) or _PERCENT_FIELD.search(value) or _display_label(value, name):
        return True
    return bool(any(c.isspace() for c in value))


# A template's ``%{pass}``/``%(password)s`` field (DokuWiki's ``"pass='%{pass}'"`` SQL template): filled in later.
_PERCENT_FIELD = re.compile(r"%\{\w+\}|%\(\w+\)s")


def _display_label(value: str, name: str) -> bool:
    """The last word of the name, capitalised, as its value (phpLDAPadmin's ``'userPassword' => 'Password'``): the
    label a form shows for the field, not a password."""
    words = re.findall(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])", name)
    return bool(words) and value[:1].isupper() and value[1:].islower() and value.lower() == words[-1].lower()


def _written_value(right: str) -> str:
    """The value right of a setting's ``=``/``:``: a quoted string's text (``"mysalt" # CHANGEME`` is ``mysalt``),
    else the rest of the line without a trailing ``,``/``;`` and quotes."""
    right = right.strip()
    if right[:1] in ("'", '"') and (end := right.find(right[0], 1)) > 0:
        return right[1:end]
    return right.rstrip(",;").strip("\"'")


# A password of three letters and digits (OJS' ``password = ojs``): under the four characters ``allowed`` asks of any
# value, but under a password name in configuration it is the password. Not the technical words such a setting
# holds (``password_encryption = md5``, ``pass_scheme = pam``), switches, or metasyntactic filler.
_SHORT_PASSWORD = re.compile(r"(?=[0-9]*[A-Za-z])[A-Za-z0-9]{3}")
_SHORT_NOT_PASSWORDS = frozenset(
    {"md5", "sha", "des", "aes", "rsa", "dsa", "tls", "ssl", "pam", "sql", "yes", "off", "nil", "any", "all", "env"}
    | {"raw", "foo", "bar", "baz", "tbd", "xxx", "abc", "set", "get", "key", "pwd", "pin", "otp"}
)
# A key that signs sessions or tokens (``SECRET_KEY``, ``DJANGO_SECRET_KEY``, ``JWT_SECRET``, ``SESSION_SECRET``,
# ``SECRET_KEY_BASE``, a web framework's own ``FLASK_SECRET``/``APP_SECRET``: holdout156's SimpleLogin): the word
# ``secret`` there is the key every unedited copy signs with (Flagsmith's ``DJANGO_SECRET_KEY: secret``), where under
# another name it names a mount or a kind (``secrets_mount``, ``CLIENT_SECRET``).
_SIGNING_SECRET_NAME = re.compile(
    r"(?i)(?:^|[_.-])(?:(?:django|flask|app|rails|site)[_.-]?)?secret[_.-]?key(?:[_.-]base)?$"
    # ``JWT_TOKEN_SECRET``: the secret the tokens of that kind are signed with (erxes, holdout223)
    r"|(?:^|[_.-])(?:jwt|session|cookie|signing|django|flask|rails|app)[_.-]?(?:token[_.-]?)?secret$"
)


def configured_word(value: str, name: str) -> bool:
    """In configuration (not program source, documentation or tests), a word the allow-rules drop that the setting's
    name shows to be the secret itself: a three-character password under a password name, ``secret`` or ``token``
    under a key that signs (erxes' ``JWT_TOKEN_SECRET=token``, holdout223: every unedited copy signs its logins with
    the word; under an issued token's own name, ``API_TOKEN=token``, the word stays a fill-in). The value as written
    (quotes stripped)."""
    value = value.strip().strip("\"'")
    if password_name(name) and not _NOT_SECRET_NAME.search(name) and _SHORT_PASSWORD.fullmatch(value):
        return value.lower() not in _SHORT_NOT_PASSWORDS and value.lower() not in _PLACEHOLDERS
    return value.lower() in ("secret", "token") and bool(_SIGNING_SECRET_NAME.search(name))


def _names_itself(value: str, name: str) -> bool:
    """The value is the setting's own name (PasteDeploy's ``get trace_errors.smtp_password = smtp_password`` takes
    the global setting of that name): a reference. A one-word value (``password = password``) is a weak password.
    Also the own name after one word that says whose it is (``oidc.fedora.client_secret = oidc-client_secret``: the
    field's name standing where its value goes). Not under a key that signs (MiroTalk's ``JWT_SECRET =
    mirotalksfu_jwt_secret``, holdout146): the product's name before the field's is the key every unedited copy
    signs its tokens with."""
    own = re.split(r"[.\s]", name.strip())[-1].lower()
    if "_" not in own:
        return False
    lowered = value.lower()
    if lowered == own:
        return True
    whose = re.fullmatch(r"[a-z0-9]+[-_.]" + re.escape(own), lowered)
    return bool(whose) and not _SIGNING_SECRET_NAME.search(name)


def placeholder(value: str) -> bool:
    """Whether ``value`` stands for a value to be filled in (``xxx``, ``replace_me``, ``your-password``), not a
    value anyone runs with."""
    value = value.strip().strip("\"'")
    return value.lower() in _PLACEHOLDERS or bool(_DESCRIPTION.search(value) or _FILLER.fullmatch(value))


def secret_name(name: str) -> bool:
    return bool(SECRET_NAME.search(name) or _PW_NAME.search(name)) and not _NOT_SECRET_NAME.search(name)


def password_name(name: str) -> bool:
    """Whether ``name`` holds a password (``ES_PASS``, ``DB_PWD``, ``bindPW``): any literal under it is one."""
    return bool(_PASSWORD_NAME.search(name) or _PW_NAME.search(name))


def candidate_lines(text: str) -> set[int]:
    """Line numbers worth giving to the plugins: C regexes over the lowercased text (a keyword or token
    prefix; a run of 32 token characters). Lowercasing can only add candidates (a few non-ASCII letters
    lowercase to ASCII ones); the plugins decide."""
    lines: set[int] = set()
    lowered = text.lower()  # "\n" stays where it was: line numbers are counted the same
    count = lowered.count
    for trigger in (_TRIGGER, _LONG_TOKEN):
        line, last = 1, 0
        for m in trigger.finditer(lowered):
            line += count("\n", last, m.start())
            last = m.start()
            lines.add(line)
    return lines


def _plugins_in(sample: str) -> tuple[tuple[str, BasePlugin, Severity], ...]:
    """The token plugins whose patterns occur somewhere in ``sample`` (the candidate lines): a plugin finds
    nothing on a line unless one of its patterns matches there, so the others need not see any line."""
    return tuple(p for p in _token_plugins() if any(r.search(sample) for r in p[1].denylist))  # type: ignore[attr-defined]


def _field(m: re.Match[str]) -> str:
    """The password of a :data:`_FIELD_USERINFO` match (whichever of its alternatives matched), lowercased."""
    return next(g for g in m.groups() if g).lower()


# The field a URL's userinfo password stands in: a password by where it is written, so a conventional word there
# (``postgres://postgres:secret@db/app``) is one, as under a password name (``allowed``'s ``secret`` exception
# is for a mount, scope or kind named so, which a userinfo never is).
_USERINFO_FIELD = "password"


def _url_allowed(password: str) -> bool:
    return allowed(password, name=_USERINFO_FIELD)


def token_secrets(text: str) -> Iterator[Secret]:
    """Tokens, keys and URL passwords anywhere in ``text`` (comments included)."""
    lines = text.splitlines()
    numbers = [n for n in sorted(candidate_lines(text)) if n <= len(lines)]
    plugins = _plugins_in("\n".join(lines[n - 1][:MAX_LINE_CHARS] for n in numbers))
    if not plugins:
        return
    for number in numbers:
        line = lines[number - 1][:MAX_LINE_CHARS]
        for kind, plugin, severity in plugins:
            # Only a URL's password can be a reference or a placeholder; the token formats are unmistakable.
            url = kind == "password in URL"
            template = {_field(m) for m in _FIELD_USERINFO.finditer(line)} if url else set()
            if url and line.lstrip().startswith(_COMMENT):
                template |= _FIELD_PASSWORDS
            elif (
                url
                and (comment := _COMMENTED_URL.search(line))
                and not any(plugin.analyze_string(line[: comment.start()]))
            ):
                template |= _FIELD_PASSWORDS  # the only URL with a password is in the trailing comment
            found = next(
                (s for s in plugin.analyze_string(line) if not url or not (_url_allowed(s) or s.lower() in template)),
                None,
            )
            if found is not None and kind == "private key" and not _key_body_follows(lines, number):
                continue  # a header alone (``-----BEGIN RSA PRIVATE KEY-----`` in a docstring): the format, no key
            if found is not None and kind == "AWS access key" and _presigned_key_id(line, found):
                continue  # the key id of a pre-signed URL: the URL carries a signature, never the secret key
            if found is not None:
                yield Secret(number, kind, _whole_token(line, found), severity)
                break


# The query parameters that carry an access key id in a pre-signed S3 URL (SigV4 ``X-Amz-Credential=AKIA…%2F…``,
# SigV2 ``AWSAccessKeyId=AKIA…``): an identifier beside a signature, not the secret key that made it.
_PRESIGNED_KEY_ID = re.compile(r"[?&](?:X-Amz-Credential|AWSAccessKeyId)=(A[KS]IA[0-9A-Z]{16})\b")


def _presigned_key_id(line: str, found: str) -> bool:
    """``found`` occurs on ``line`` only as the key id of pre-signed URLs."""
    ids = {m.group(1) for m in _PRESIGNED_KEY_ID.finditer(line)}
    return found in ids and line.count(found) == sum(1 for m in _PRESIGNED_KEY_ID.finditer(line) if m.group(1) == found)


_KEY_BODY = re.compile(r"^[A-Za-z0-9+/]+={0,2}$|^[\w-]+: ")  # base64, or an encrypted PEM's ``Proc-Type:`` headers
_MAX_KEY_LINES = 200
_ONE_LINE_BODY = re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----(?:\\[rn]|\s)*[A-Za-z0-9+/]{40}")


def _key_body_follows(lines: list[str], number: int) -> bool:
    """A whole private key follows its header: base64 lines (and PEM headers) up to its ``-----END`` line. A line
    of anything else inside (``...``, ``<key data>``) makes it an example of the format, not a key. A key written
    on one line (``\\n`` escaped, in JSON or YAML) is taken as it is."""
    if len(lines[number - 1]) > 120:  # a key on one line: base64 after its header (not a quoted header alone)
        return bool(_ONE_LINE_BODY.search(lines[number - 1]))
    body = 0
    for line in lines[number : number + _MAX_KEY_LINES]:
        text = line.strip().strip("\"',")
        if "-----END" in text:
            return body > 0
        if not text:
            continue
        if not _KEY_BODY.match(text):
            return False
        body += 1
    return body > 0


def _whole_token(line: str, found: str) -> str:
    """Some plugins return only their pattern's first group (``ghp``): the word around it is the secret."""
    if len(found) >= 8 or found not in line:
        return found
    start = line.index(found)
    end = start
    while end < len(line) and not line[end].isspace() and line[end] not in "\"'`,;":
        end += 1
    return line[start:end]


def _setting_name(key: str) -> str:
    """The setting a subscript or member names (``$config['des_key']``, ``DATABASES['default']['PASSWORD']``,
    ``$CFG->dbpass``); any other key as it is."""
    m = _SUBSCRIPT.search(key)
    return m.group(1) if m else key


_LITERAL_START = re.compile(r"""^\s*([rbufRBUF]{0,2})(["'`])""")
# After the literal, an operator that makes it an operand: a comparison or membership test (``'password' not in
# managed_fields``), a format (``'%s:%s' % …``, ``'{}'.format(…)``), a join or split.
_OPERAND = re.compile(r"""^\s*(?:(?:not\s+)?in\b|is\b|[=!<>]=|%\s|\.(?:format|join|split)\()""")


def _code_literal(right: str) -> tuple[str, str | None] | None:
    """The string literal a line of code assigns, as (prefix, text): text is None when the literal is part of an
    expression (``'password' not in managed_fields``) or interpolates (``f'{server}/token'``). None when the
    right side does not start with a literal or the literal does not close on the line."""
    start = _LITERAL_START.match(right)
    if start is None:
        return None
    prefix, quote = start.group(1), start.group(2)
    i = start.end()
    while i < len(right) and right[i] != quote:
        i += 2 if right[i] == "\\" else 1
    if i >= len(right):
        return None
    text = right[start.end() : i]
    interpolated = "f" in prefix.lower() and "{" in text
    return prefix, None if interpolated or _OPERAND.match(right[i + 1 :]) else text


# A user setting given the word for a user (``define('DB_USER', 'username');``, ``'user' => 'user',``).
_USER_WORD = re.compile(r"""(?i)user(?:name)?["']?\s*(?:,|=>|=|:)\s*["']user(?:name)?["']""")


def _example_login(lines: list[str], number: int, key: str, value: str) -> bool:
    """In program source, a password that is the last word of its name (``DB_PASSWORD`` given ``password``) beside a
    user given the word ``username``/``user`` (within three lines): an example login that spells its fields, as
    example_logins reads one in settings files."""
    if value.lower() != re.split(r"[_.\-]", key)[-1].lower():
        return False
    return any(_USER_WORD.search(lines[n - 1]) for n in range(max(1, number - 3), min(len(lines), number + 3) + 1))


@dataclass(frozen=True)
class _KeywordReading:
    """How :func:`keyword_secrets` reads one file: its lines, what kind of text it is (the flags documented there)
    and, in configuration, the lines its settings' lists hold (``key_lists``: a password listed under
    ``passwords:``, a key under ``admin_key:``, an API key's secret under ``keys:``, an account under ``[users]``)."""

    lines: list[str]
    code: bool
    examples: bool
    for_people: Set[int]
    dollar_literal: bool
    brace_references: bool
    constants: Mapping[int, tuple[str, int]]
    listed: dict[int, str]
    accounts: set[int]
    items: dict[int, str]
    pairs: dict[int, str]

    def allowed(self, value: str, key: str) -> bool:
        """The value under ``key`` is no literal secret, read by the rules of this file's kind (:func:`allowed`)."""
        return allowed(value, name=key, dollar_literal=self.dollar_literal, brace_references=self.brace_references)


def keyword_secrets(
    text: str,
    *,
    code: bool = False,
    examples: bool = False,
    for_people: Set[int] = frozenset(),
    dollar_literal: bool = False,
    brace_references: bool = False,
    logins: bool = False,
    constants: Mapping[int, tuple[str, int]] | None = None,
) -> Iterator[Secret]:
    """``password = …``, ``api_key: …``, ``SECRET=…`` in config-like text, any literal under a password name
    (``ES_PASS=…``), and high-entropy values under secret-sounding keys. A line with no ``=``/``:`` assigns
    nothing (a word such as ``ER_SET_PASSWORD`` or ``dopasswd(…)`` alone on its line), nor does one whose "name"
    is a pattern or a phrase (a fail2ban ``^[Bb]ad (PAM )?password attempt …`` regex). In ``code`` (program
    source) only a name given a quoted string literal is an assignment: ``$opt_password = undef`` and
    ``password = options.password`` hold no secret, and ``if 'password' in line`` names nothing. In
    ``examples`` (documentation, tests) and on ``for_people`` lines (docstrings, POD) only a random-looking value
    is taken: ``imapc_password = mastersecret`` in a wiki page or ``password = "test"`` in a test is an example.
    ``dollar_literal``: program source whose string literals never expand ``$`` (Python; see :func:`allowed`).
    ``brace_references``: a settings file whose reader expands only ``${…}`` (Spring's; see :func:`allowed`).
    ``logins``: a file named for logins, whose ``[users]`` section lists accounts (``key_lists.account_entries``).
    ``constants``: the lines a language reader found defining a constant, read as ``NAME = value`` (PHP's
    ``define('DB_PASSWORD', 'x');``, the name and the column its value starts at: ``php_settings``).

    Each candidate line is read in steps: (1) a comment is skipped, a listed password taken as listed; (2) program
    source is read as a plain ``name = value`` (:func:`_read_as_assignment`); (3) the line is split into a setting's
    name and value (:func:`_setting`), skipping one that holds no value (:func:`_holds_no_value`); (4) a line of a
    list takes its list's rules (:func:`_listed_setting`); (5) under a secret's name the value is found
    (:func:`_keyword_value`) and kept unless it is no secret where it stands (:func:`_not_a_secret`)."""
    lines = text.splitlines()
    config = not (code or examples)
    reading = _KeywordReading(
        lines=lines,
        code=code,
        examples=examples,
        for_people=for_people,
        dollar_literal=dollar_literal,
        brace_references=brace_references,
        constants=constants or {},
        listed=listed_keys(lines) if config else {},
        accounts=account_entries(lines) if logins and config else set(),
        items=listed_passwords(lines) if config else {},
        pairs=paired_keys(lines) if config else {},
    )
    for number in sorted(candidate_lines(text) | reading.accounts | reading.items.keys() | reading.pairs.keys()):
        if number > len(lines):
            break
        line = lines[number - 1][:MAX_KEYWORD_LINE]
        stripped = line.lstrip()
        if stripped.startswith(("#", ";", "//")):
            continue
        if number in reading.items:  # ``- supersecret`` under ``passwords:``: one of the passwords the setting lists
            yield from _listed_password(reading, number, stripped)
            continue
        if code:
            line = _read_as_assignment(line, number, reading.constants)
            stripped = line.lstrip()
        setting = _setting(line, stripped, code=code)
        if setting is None:
            continue
        line, stripped, parts = setting
        key = _setting_name(parts[0].strip("\"' -"))
        if _holds_no_value(key, parts, stripped, code=code):
            continue
        if _SPACED_NAME.fullmatch(key):  # ``api key = …`` (Netdata's stream.conf): the words of one name
            line = line.replace(key, key.replace(" ", "_"), 1)
            key = key.replace(" ", "_")
        if number in reading.accounts or number in reading.pairs or number in reading.listed:
            yield from _listed_setting(reading, number, key, parts[1])
            continue
        if not secret_name(key):
            continue
        found = _keyword_value(reading, number, key, line=line, stripped=stripped, right=parts[1])
        if found is not None:
            yield Secret(number, f"password or key assignment ({key})", found, Severity.HIGH)


def _listed_password(reading: _KeywordReading, number: int, stripped: str) -> Iterator[Secret]:
    """``- supersecret`` under ``passwords:``: one of the passwords the setting lists, unless it is no literal or
    the block that lists it is switched off (``disabled_blocks``)."""
    value = _written_value(stripped[1:])
    kept = not allowed(value, name=reading.items[number], brace_references=reading.brace_references)
    if kept and not switched_off_list(reading.lines, number):
        yield Secret(number, f"password or key assignment ({reading.items[number]})", value, Severity.HIGH)


def _read_as_assignment(line: str, number: int, constants: Mapping[int, tuple[str, int]]) -> str:
    """A line of program source rewritten as the plain ``name = value`` it amounts to, so the keyword plugin reads
    it as configuration: a chained assignment, a typed field's default, an annotated assignment, a constant a
    language reader found (``constants``)."""
    stripped = line.lstrip()
    if chain := _CHAINED.match(line):  # ``a = b = 'x'``: read as ``a = 'x'``
        line = chain.group(1) + line[chain.end() :]
        stripped = line.lstrip()
    if field := _FIELD_DEFAULT.match(line):  # ``a: str = Field(default='x')``: read as ``a = 'x'``
        line = field.group(1) + " = " + field.group(2)
        stripped = line.lstrip()
    if annotated := _ANNOTATED.match(line):  # ``a: str = 'x'``: read as ``a = 'x'``
        line = annotated.group(1) + " = " + line[annotated.end() :]
        stripped = line.lstrip()
    if number in constants:  # ``define('DB_PASSWORD', 'x');``: ``DB_PASSWORD = 'x'``
        name, column = constants[number]
        line = line[: len(line) - len(stripped)] + name + " = " + line[column:]
    return line


def _setting(line: str, stripped: str, *, code: bool) -> tuple[str, str, list[str]] | None:
    """The line (as read from here on), its stripped text and its ``[name, value]`` when it assigns a setting; None
    when it assigns nothing (no ``=``/``:``, a name that is a pattern or a phrase, in program source no assignment).
    In configuration a labelled value (``name : "Label" = value``) is the value, and an unquoted value ends where a
    trailing comment starts."""
    parts = _ASSIGNED.split(stripped, maxsplit=1)
    if len(parts) < 2 or (code and not _CODE_ASSIGNMENT.match(stripped)) or not _SETTING_KEY.match(parts[0]):
        return None
    if not code and (labelled := _LABELLED_VALUE.match(parts[1])):  # ``name : "Label" = value``
        parts[1] = labelled.group(1)
        line = stripped = parts[0] + " = " + parts[1]
    if not code and parts[1].lstrip()[:1] not in ("", '"', "'", "#") and (c := _TRAILING_COMMENT.search(parts[1])):
        # ``POSTGRES_PASSWORD=taiga  # database user's password``: the value ends where the comment starts
        line = line[: len(line) - len(parts[1]) + c.start()]
        stripped, parts[1] = line.lstrip(), parts[1][: c.start()]
    return line, stripped, parts


def _holds_no_value(key: str, parts: list[str], stripped: str, *, code: bool) -> bool:
    """A setting whose value is not one in effect: a dev or test profile's, a reference, a call, a YAML anchor."""
    if _DEV_PROFILE.match(key):
        return True  # ``%dev.…password=x``: in effect only under ``quarkus dev`` or the test run, not when deployed
    written = parts[1].strip().strip("\"'")
    if written.startswith("${") and written.endswith("}"):
        return True  # a reference (Spring's ``${DB_PWD:123456}``): its fallback is preflight.default_credential
    if _CALL.match(written):
        return True  # a call (``RT->Config->Get('DatabasePassword')``): the value is computed
    # ``x-database-credentials: &database-credentials``: a YAML anchor (or alias), not a value
    mapped = stripped[len(parts[0]) :].lstrip()[:1] == ":"
    return not code and bool(_YAML_NODE_NAME.fullmatch(parts[1].strip())) and mapped


def _listed_setting(reading: _KeywordReading, number: int, key: str, right: str) -> Iterator[Secret]:
    """A setting on a line of a list (``key_lists``), whatever its name: an account's password under ``[users]``,
    the secret of the API key named on the left under ``keys:``, or a key under ``admin_key:`` when random."""
    lines, brace_references = reading.lines, reading.brace_references
    if number in reading.accounts:  # ``matt=test`` under ``[users]``: an account's password, whatever word
        yield Secret(number, f"account password ({key})", _written_value(right), Severity.HIGH)
        return
    value = _written_value(right)
    if number in reading.pairs:  # ``key1: secret1`` under ``keys:``: the secret of the API key named on the left
        if not allowed(value, brace_references=brace_references) and not switched_off_list(lines, number):
            yield Secret(number, f"password or key assignment ({reading.pairs[number]}.{key})", value, Severity.HIGH)
        return
    # ``key: …`` under ``admin_key:``: one of the keys the setting lists, when random
    random = len(value) >= 12 and entropy(value) >= _TOKEN_ENTROPY
    kept = not allowed(value, name=reading.listed[number], brace_references=brace_references)
    if random and kept and not switched_off_list(lines, number):
        yield Secret(number, f"password or key assignment ({reading.listed[number]}.{key})", value, Severity.HIGH)


def _keyword_value(
    reading: _KeywordReading, number: int, key: str, *, line: str, stripped: str, right: str
) -> str | None:
    """The secret assigned to ``key`` on the line, or None: in program source a quoted literal, else what the
    keyword plugin takes (passwords and keys), else a random value, a value under a password's or key's name, or in
    configuration a configured word (:func:`configured_word`); then dropped where it is no secret."""
    code = reading.code
    literal = _code_literal(right) if code else None
    if literal is not None and (
        literal[1] is None or allowed(literal[1], name=key, dollar_literal=reading.dollar_literal)
    ):
        return None  # an expression around a literal, an interpolated string, or a literal shaped like no secret
    table = keyword.CONFIG_DENYLIST_REGEX_TO_GROUP
    found = next(
        (
            v
            for v in (x.strip().strip("\"'") for x in _keyword().analyze_string(line, denylist_regex_to_group=table))
            if not reading.allowed(v, key)
        ),
        None,
    )
    if found is None:
        # The keyword plugin knows passwords and keys; tokens are taken when their value is random.
        rest = _ASSIGNED.split(stripped, maxsplit=1)[-1]
        # In configuration a quoted value before a trailing comment is its text; program source keeps the line's
        # rest (measured: calibre-web's ``token = 'target=…-watch_files'  # nosec`` is a constant, not a secret)
        value = rest.strip().rstrip(",;").strip("\"'") if code else _written_value(rest)
        random = len(value) >= 12 and entropy(value) >= _TOKEN_ENTROPY
        kept = not reading.allowed(value, key)
        if ((random or password_name(key) or _KEY_NAME.search(key)) and kept) or (
            not (code or reading.examples or number in reading.for_people) and configured_word(value, key)
        ):
            found = value
    if found is not None and literal is not None and literal[1] is not None:
        found = literal[1]  # the string itself, without its prefix (``b'…'``) or the code around it
    if found is None or _not_a_secret(reading, number, key, found):
        return None
    return found


def _not_a_secret(reading: _KeywordReading, number: int, key: str, found: str) -> bool:
    """The value found is no secret where it stands: an expression, an example's word, a switched-off block's,
    a login form's field, a category, a salted digest, or the key of a Secret a sibling setting names."""
    code, examples, lines = reading.code, reading.examples, reading.lines
    if (code or examples) and _MEMBER_CHAIN.match(found):
        return True  # an expression, not a literal
    if examples or number in reading.for_people:
        random = len(found) >= 12 and entropy(found) >= _TOKEN_ENTROPY and not _SECRET_WORD.search(found)
        if not random:
            return True  # ``rewind_password`` in an example names what goes there
    if not code and switched_off_block(lines, number):
        return True  # a switched-off integration's password (``ldap:`` → ``enable: false``, ``password: x``)
    if code and _example_login(lines, number, key, found):
        return True  # ``define('DB_USER', 'username'); define('DB_PASSWORD', 'password');``: fields to fill in
    if code and category_value(lines, number, found):
        return True  # ``'snmp-authpassword' => 'SNMP',`` among other names filed under ``'SNMP'``: a category
    if digest_beside_salt(lines, number, found):
        return True  # the password's salted digest (``credential: 1A67…`` above ``salt: 123``), not the password
    # a key in the Secret a sibling ``existingSecret`` names (``bindPassword: bind-password``)
    return not code and names_secret_key(lines, number, found)
