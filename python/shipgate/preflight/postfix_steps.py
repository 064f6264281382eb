"""Postfix's own installation steps, root-only changes that the general rules in ``privilege.root_only`` do not
name: ``postfix set-permissions``, ``postfix upgrade-configuration`` and ``postfix post-install COMMAND``, and the
``post-install`` script they run (``/etc/postfix/post-install meta_directory=/etc/postfix create-missing``). They make
Postfix's queue directories under ``/var/spool/postfix`` and set the owners and modes of its files there, under
``/etc/postfix`` and ``/usr`` (post-install(1)), or rewrite ``main.cf``/``master.cf``: a mail image's entrypoint runs
them at every start. Quiet: ``postfix start``, ``postfix check``, ``postfix start-fg`` (the service itself, judged
as such elsewhere) and ``post-install first-install-reminder``, which only prints."""

from __future__ import annotations

from shipgate.preflight.shell.commands import positional_texts
from shipgate.preflight.shell.model import Command

# post-install(1)'s commands that change files; ``first-install-reminder`` only prints a reminder.
_POST_INSTALL_CHANGES = frozenset(
    {
        "create-missing",
        "set-permissions",
        "upgrade-permissions",
        "upgrade-configuration",
        "upgrade-source",
        "upgrade-package",
    }
)
# postfix(1)'s commands that run post-install with a changing command.
_POSTFIX_CHANGES = frozenset({"set-permissions", "upgrade-configuration"})
# postfix(1)'s options that take a value (``postfix -c /etc/postfix-out set-permissions``).
_POSTFIX_VALUED_OPTIONS = frozenset({"-c"})


def _operands(args: list[str]) -> list[str]:
    """``args`` without postfix(1)'s options (``-c DIR``, ``-D``, ``-v``)."""
    return positional_texts(args, _POSTFIX_VALUED_OPTIONS)


def _changing_post_install(args: list[str]) -> bool:
    """Whether post-install's arguments (``name=value`` settings, then commands) name a command that changes files."""
    return any(arg in _POST_INSTALL_CHANGES for arg in args if "=" not in arg)


def postfix_step(command: Command) -> str | None:
    """Why ``command`` needs root as one of Postfix's installation steps; None when it is not one."""
    name = command.name or ""
    args = [w.text for w in command.words]
    if name == "post-install" and _changing_post_install(args):
        return "Postfix's post-install changes its files and their owners under /etc, /usr and /var/spool"
    if name != "postfix":
        return None
    operands = _operands(args)
    verb = operands[0] if operands else ""
    if verb in _POSTFIX_CHANGES or (verb == "post-install" and _changing_post_install(operands[1:])):
        return f"postfix {verb} changes Postfix's files and their owners under /etc, /usr and /var/spool"
    return None
