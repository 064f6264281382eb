"""Passwords well-known tools take on their command line, by each tool's own grammar: a short option
(``docker login -p X``, ``redis-cli -a X``, ``mongosh -p X``, keytool's ``-storepass X``), an operand in a fixed place
(``mysqladmin … password X``, ``htpasswd -b FILE USER X``, ``rabbitmqctl add_user USER X``), openssl's ``pass:X``
pass phrase argument, and wp-cli's ``--admin_password=X``/``--user_pass=X``/``--dbpass=X``. Each is readable by
anyone who lists the host's processes while it runs and lands in the shell's history; a literal one is a hard-coded
credential (credentials.py judges the value with its allow-rules). Not keytool on the JDK's own trust store
(``-cacerts``), whose ``changeit`` is the JDK's published default."""

from __future__ import annotations

from collections.abc import Iterator

from shipgate.preflight.shell.commands import operands, option_values
from shipgate.preflight.shell.model import Command, Word

# tool -> the verbs that log in, and the short options that carry the password there (None: any verb)
_LOGIN_OPTIONS: dict[str, tuple[frozenset[str] | None, tuple[str, ...]]] = {
    "docker": (frozenset({"login"}), ("-p",)),
    "podman": (frozenset({"login"}), ("-p",)),
    "nerdctl": (frozenset({"login"}), ("-p",)),
    "buildah": (frozenset({"login"}), ("-p",)),
    "skopeo": (frozenset({"login"}), ("-p",)),
    "oras": (frozenset({"login"}), ("-p",)),
    "redis-cli": (None, ("-a",)),
    "valkey-cli": (None, ("-a",)),
    # MongoDB's shells and tools: ``-p X`` (``-p`` alone, or before another option, asks for it)
    "mongosh": (None, ("-p",)),
    "mongo": (None, ("-p",)),
    "mongodump": (None, ("-p",)),
    "mongorestore": (None, ("-p",)),
    "mongoexport": (None, ("-p",)),
    "mongoimport": (None, ("-p",)),
    "keytool": (None, ("-storepass", "-keypass", "-srcstorepass", "-deststorepass", "-srckeypass", "-destkeypass")),
}
# wp-cli's options that take an account's or the database's password
_WP_OPTIONS = ("--admin_password", "--user_pass", "--dbpass", "--password")
# openssl's pass phrase arguments (``-passout pass:X``); ``env:``, ``file:``, ``fd:`` and ``stdin`` name a source
_OPENSSL_OPTIONS = ("-passin", "-passout", "-pass", "-password", "-kpass")
# rabbitmqctl's commands whose second operand is the password
_RABBIT_COMMANDS = frozenset({"add_user", "change_password"})


def tool_passwords(command: Command) -> Iterator[Word]:
    """The words of ``command`` that are a password by its tool's grammar."""
    name = command.name or ""
    if name in _LOGIN_OPTIONS:
        verbs, options = _LOGIN_OPTIONS[name]
        first = next((w.text for w in command.words if not w.text.startswith("-")), "")
        if (verbs is None or first in verbs) and not _jdk_trust_store(command):
            # the option's value, not the next option when the password is left to the prompt (``mongosh -p --quiet``)
            yield from (w for w in option_values(command, *options) if not w.text.startswith("-"))
    elif name == "wp":
        yield from option_values(command, *_WP_OPTIONS)
    elif name == "openssl":
        for word in option_values(command, *_OPENSSL_OPTIONS):
            if word.text.startswith("pass:"):
                yield Word(word.raw, word.text[5:], word.line, word.expands, word.assigned_at)
    else:
        yield from _operand_passwords(command, name)


def _jdk_trust_store(command: Command) -> bool:
    """keytool working on the JDK's own trust store (``-cacerts``, ``…/lib/security/cacerts``), whose password is
    the JDK's published default, not a secret of the package's."""
    if command.name != "keytool":
        return False
    stores = option_values(command, "-keystore")
    return any(w.text == "-cacerts" for w in command.words) or any(w.text.endswith("cacerts") for w in stores)


def _operand_passwords(command: Command, name: str) -> Iterator[Word]:
    """Passwords given as operands: ``mysqladmin password X``, ``htpasswd -b[c] FILE USER X`` (``-n`` writes to
    standard output: ``htpasswd -nb USER X``), ``rabbitmqctl add_user USER X``."""
    args = operands(command)
    texts = [w.text for w in args]
    if name == "mysqladmin" and "password" in texts:
        at = texts.index("password")
        yield from args[at + 1 : at + 2]
    elif name == "htpasswd" and any(w.text.startswith("-") and "b" in w.text for w in command.words):
        yield from args[-1:] if len(args) >= 2 else ()
    elif name == "rabbitmqctl" and texts[:1] and texts[0] in _RABBIT_COMMANDS and len(args) >= 3:
        yield args[2]
