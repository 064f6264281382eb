"""An account an install program creates with a password written in it: Django's
``User.objects.create_superuser('admin', 'admin@example.com', 'admin123')`` (also ``create_user``,
``set_password('…')``, the password as a keyword), or a PHP row whose password field is a hash of a literal
(``'password' => Hash::make('admin123')``, ``bcrypt('…')``, ``password_hash('…', …)``, also
``$user->password = …``). Every install gets the same login until someone changes it: the account's default
password, written as the shell that sets one (``ADMIN_PASSWORD="${ADMIN_PASSWORD:-admin123}"``), which the
credential rule reports as ``default_credential`` (docs/preflight.md, "Seeded accounts").

A password the program reads (``input()``, ``getpass()``, an environment variable, a console question), generates
(``secrets.token_urlsafe()``, ``Str::random(16)``) or takes from a variable is no literal: nothing is written."""

from __future__ import annotations

import ast
import re

from shipgate.preflight.secrets import password_name

# Django's user managers and models: the method -> the position of the raw password among its arguments
_PYTHON_SETTERS = {"create_superuser": 2, "create_user": 2, "set_password": 0}
ACCOUNT_SETTERS = frozenset(_PYTHON_SETTERS)
# PHP's password hashing: (class, function) — ``Hash::make``, ``bcrypt``, ``password_hash``
PHP_HASHES = frozenset({("Hash", "make"), ("", "bcrypt"), ("", "password_hash")})
# a password that reads the same inside ``${NAME:-…}`` (no quote, space, ``$``, ``}`` or backslash)
_DEFAULT_WORD = re.compile(r"[\w@%+=:,./!#^*-]+")


def default_password(literal: str) -> str | None:
    """The shell that gives the seeded account ``literal`` as its password unless one is set."""
    if not _DEFAULT_WORD.fullmatch(literal):
        return None
    return f'ADMIN_PASSWORD="${{ADMIN_PASSWORD:-{literal}}}"'


def password_argument(call: ast.Call, name: str) -> ast.expr | None:
    """The argument a Django user-manager call named ``name`` (``create_superuser``, ``create_user``,
    ``set_password``) gives the account's raw password in, by keyword or at its position; None for other calls."""
    index = _PYTHON_SETTERS.get(name)
    if index is None:
        return None
    given = next((k.value for k in call.keywords if k.arg in ("password", "raw_password")), None)
    if given is None and len(call.args) > index:
        given = call.args[index]
    return given


def python_seeded(call: ast.Call, name: str) -> str | None:
    """A Django user-manager call that gives the account a literal password, as :func:`default_password`."""
    given = password_argument(call, name)
    if isinstance(given, ast.Constant) and isinstance(given.value, str) and given.value:
        return default_password(given.value)
    return None


def php_password_field(key: str) -> bool:
    """The array key or property a hashed literal is stored under names the account's password."""
    return password_name(key.strip("'\"$"))
