"""Persistence: scripts that add themselves to shell profiles, ``authorized_keys``, sudoers or the dynamic loader's
preload list (what survives the installer and runs in every later session). The secrets a script prints to the
install log are read in printed_secrets."""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Iterator

from shipgate.findings import Finding, Severity
from shipgate.preflight.contents import Context, at_command
from shipgate.preflight.kernel_settings import image_build
from shipgate.preflight.runners import steps
from shipgate.preflight.shell.actions import on_removal_only
from shipgate.preflight.shell.commands import operands, write_line, written_paths
from shipgate.preflight.shell.entrypoint import container_entrypoint
from shipgate.preflight.shell.functions import file_writers
from shipgate.preflight.shell.model import Command, Script, Word

_PROFILES = re.compile(
    r"(?:^|/)(?:\.bashrc|\.bash_profile|\.bash_login|\.profile|\.zshrc|\.zprofile|\.zshenv|\.kshrc|\.cshrc|\.tcshrc"
    r"|\.config/fish/config\.fish|\.config/fish/conf\.d/[^/]+\.fish)$"
    # the rc file of the user's login shell, named from it: ``"$HOME/.$(basename "$SHELL")rc"``, ``.${SHELL##*/}rc``
    r"|/\.(?:\$\(basename\s+\"?\$\{?SHELL\}?\"?\)|\$\{SHELL##\*/\})rc$"
    r"|^/etc/(?:profile|bash\.bashrc|bashrc|zsh/zshrc|zshrc|environment|csh\.cshrc|fish/config\.fish)$"
    r"|^/etc/profile\.d/|^/etc/fish/conf\.d/[^/]+\.fish$"
)


def startup_file(path: str) -> bool:
    """A shell profile or rc file: what is written there runs in every later session."""
    return bool(_PROFILES.search(path))


# ``/etc/rc`` (FreeBSD's boot script) and ``/etc/rc.d/rc.local`` run at every boot, as ``/etc/rc.local`` does.
_ACCESS = re.compile(
    r"(?:^|/)\.ssh/authorized_keys2?$|^/etc/sudoers(?:$|\.d/)|^/etc/ld\.so\.preload$"
    r"|^/etc/(?:rc\.d/)?rc\.local$|^/etc/rc$"
)
_ADMIN_GROUPS = frozenset({"sudo", "wheel", "admin", "root", "docker"})
# A file of its own in /etc/profile.d: the product's login drop-in, which it owns and removes (holdout21, holdout24),
# not a change to a profile others own.
_OWN_DROP_IN = re.compile(r"^/etc/profile\.d/[^/]+$")
# A profile under a system state or program directory (``/var/lib/<product>/.profile``): the login profile of the
# package's own service account, whose home the package chose, as its profile.d drop-in is its own (holdout47).
# Users' homes (``/home/…``, ``/root``, ``~``, ``$HOME``) and the system-wide profiles under /etc stay reported.
_SERVICE_HOME = re.compile(r"^/(?:var|opt|srv|usr)/")


def _others_profile(path: str) -> bool:
    """A shell profile someone else's sessions read: not the product's own drop-in, not its service account's."""
    return bool(_PROFILES.search(path)) and not _OWN_DROP_IN.match(path) and not _SERVICE_HOME.match(path)


# The default accounts of cloud and Vagrant images, which those images give passwordless sudo (cloud-init's
# default_user, Vagrant's base box requirements): a group membership adds no privilege to them.
_IMAGE_ACCOUNTS = frozenset({"vagrant", "ubuntu", "ec2-user", "debian", "centos", "fedora", "core", "cloud-user"})


# ``mnt/root/.ssh/authorized_keys``: a path relative to the working directory with a directory before ``.ssh``
# names a file inside another tree (an image the script mounted, a staging directory), not an account's.
_OTHER_TREE = re.compile(r"^(?![/~$]|\.\.?/)[^/]+/(?:[^/]+/)*\.ssh/")


# The system being installed, mounted at /target by the Debian installer and Subiquity (curtin): a preseed's
# ``late_command`` or an autoinstall ``late-commands`` item writing ``/target/etc/sudoers.d/ubuntu`` writes the new
# machine's /etc/sudoers.d (hold-out set 239's Packer template).
_INSTALL_TARGET = "/target"


def _installed_system(path: str) -> str:
    """``path`` as the installed system sees it: ``/target/etc/x`` is its ``/etc/x``."""
    return path.removeprefix(_INSTALL_TARGET) if path.startswith(_INSTALL_TARGET + "/") else path


_USERMOD_GROUPS = frozenset({"-G", "-aG", "-Ga", "--groups"})
# ``useradd -g sudo NAME`` / ``useradd -G wheel NAME``: the new account's primary or supplementary groups (holdout174).
_USERADD_GROUPS = frozenset({"-g", "-G", "--gid", "--groups"})


def _usermod_groups(words: list[str]) -> set[str]:
    """The groups ``usermod -a -G g1,g2 LOGIN`` adds the account to: the option's value, never the login (an
    account named ``root`` joining the product's own group gains nothing)."""
    found: set[str] = set()
    for option, value in itertools.pairwise(words):
        if option in _USERMOD_GROUPS:
            found.update(value.split(","))
    found.update(g for w in words if w.startswith("--groups=") for g in w.partition("=")[2].split(","))
    return found


def _useradd_groups(words: list[str]) -> set[str]:
    """The groups ``useradd -m -g sudo LOGIN`` (or ``-G wheel,adm``) creates the account in: the options' values,
    never the login or the comment (``-c 'sudo user'``)."""
    found: set[str] = set()
    for option, value in itertools.pairwise(words):
        if option in _USERADD_GROUPS:
            found.update(value.split(","))
    for word in words:
        name, equals, value = word.partition("=")
        if equals and name in ("--gid", "--groups"):
            found.update(value.split(","))
    return found


def _persists(command: Command, entrypoint: bool, image: bool) -> tuple[str, Severity, int] | None:
    """What ``command`` adds that outlives the installer. A group membership added by a container entrypoint
    (shell.entrypoint) is not counted: it changes the image's own ``/etc/group`` at each start, not the host's; nor
    is a shell profile an image build (``image``) writes: it is the image's own account's, not a host user's. What
    grants access (``authorized_keys``, sudoers) is counted there too: every container of the image has it."""
    if _adds_nothing(command):
        return None
    for word in written_paths(command):
        target = _installed_system(word.text)
        if _ACCESS.search(target) and not _OTHER_TREE.match(target):
            return target, Severity.HIGH, write_line(command, word)
        if _others_profile(target) and not image:
            return target, Severity.MEDIUM, write_line(command, word)
    if command.name in ("usermod", "gpasswd", "adduser", "useradd") and command.words and not entrypoint:
        groups = [w.text for w in command.words]
        if _IMAGE_ACCOUNTS & set(groups):
            return None
        joined = {g for w in groups for g in w.split(",")}
        if (
            (command.name == "usermod" and _usermod_groups(groups) & _ADMIN_GROUPS)
            or (command.name == "useradd" and _useradd_groups(groups) & _ADMIN_GROUPS)
            or (command.name in ("gpasswd", "adduser") and joined & _ADMIN_GROUPS and len(groups) >= 2)
        ):
            return f"membership of {', '.join(sorted(joined & _ADMIN_GROUPS))}", Severity.HIGH, command.line
    return None


# A sed script that only deletes lines: ``/^larashed/d``, ``$d``, ``3,5d``, several joined by ``;``.
_ADDRESS = r"(?:\d+|\$|/(?:[^/\\]|\\.)*/)"
_DELETIONS = re.compile(rf"{_ADDRESS}(?:,{_ADDRESS})?!?d(?:\s*;\s*{_ADDRESS}(?:,{_ADDRESS})?!?d)*\s*;?")
# What ``echo``/``printf`` append when given nothing but blank text and line breaks, or one comment line among them
# (``echo "# tool"``, ``echo -e '\n# bun'``): no line a shell runs, sshd or sudo reads.
_BLANK_OR_COMMENT = re.compile(r"(?:\s|\\n)*(?:#(?:[^\n\\]|\\[^n])*)?(?:\s|\\n)*")


def _adds_nothing(command: Command) -> bool:
    """A write that adds no line a shell runs or sshd/sudo reads: ``echo "" >> ~/.bashrc`` or ``echo "# tool" >>
    ~/.zshrc`` (a blank or comment line before the real one, which is reported), or ``sed -i "/^$USER/d"
    /etc/sudoers`` (only deletes lines: it takes a grant away; an addition after it is reported)."""
    words = operands(command)
    if command.name in ("echo", "printf"):
        literal = all(not w.expands and "$" not in w.raw for w in words)
        return literal and _BLANK_OR_COMMENT.fullmatch(" ".join(w.text for w in words)) is not None
    if command.name == "sed" and any(w.text.startswith("-i") for w in command.words):
        edits = _edit(command)
        return bool(edits) and all(_DELETIONS.fullmatch(e) for e in edits)
    return False


def _through_functions(script: Script) -> Iterator[tuple[Command, list[str], Severity]]:
    """Writers whose callers name a profile or an access file (``update_profile "$HOME/.zshrc"``): the write in
    the body, once, with every such file its calls name (alternative branches are one change)."""
    writers = file_writers(script)
    targets: dict[str, list[str]] = {}
    for call in script.commands:
        body = writers.get(call.name or "")
        if body is None or call.function == call.name:
            continue
        for position in sorted(body[1]):
            index = int(position) - 1
            named = call.words[index].text if index < len(call.words) else ""
            if startup_file(named) or _ACCESS.search(named):
                files = targets.setdefault(call.name or "", [])
                if named not in files:
                    files.append(named)
    for name, files in targets.items():
        access = any(_ACCESS.search(f) for f in files)
        yield writers[name][0], files, Severity.HIGH if access else Severity.MEDIUM


def _edit(command: Command) -> tuple[str, ...]:
    """What ``sed -i`` does, without the file and the in-place option's own argument (GNU ``-i``, BSD ``-i ''``)."""
    return tuple(w.text for w in operands(command)[:-1] if w.text)


def _profile_by_variable(command: Command, script: Script) -> tuple[str, Severity, int] | None:
    """``printf … >> "${PROFILE_FILE}"`` with ``PROFILE_FILE`` set to ``~/.bashrc`` or ``~/.zshrc`` in the branches
    of a ``case`` on the login shell: the file written is one of the values the script gives the variable (the
    value reaching the line may be the empty one it starts with, under a test that it is not empty). A blank or
    comment line adds nothing there either (``_adds_nothing``)."""
    if _adds_nothing(command):
        return None
    for word in written_paths(command):
        if len(word.expands) != 1 or not _BARE_VARIABLE.fullmatch(word.raw):
            continue
        values = {a.value or a.shape or "" for a in script.assignments if a.name == word.expands[0]}
        profiles = sorted(v for v in values if _others_profile(v))
        if profiles:
            return " or ".join(profiles), Severity.MEDIUM, write_line(command, word)
    return None


def _names(word: Word | None, target: str) -> bool:
    """Whether a redirection writes ``target`` (not ``sed -i … /etc/sudoers > /dev/null``'s output)."""
    return word is not None and word.text == target


# A word that is one variable and nothing else: ``"${PROFILE_FILE}"``, ``$rc``.
_BARE_VARIABLE = re.compile(r"""["']?\$(?:\w+|\{\w+\})["']?""")


# Commands that put a whole file in place at the path they are given (its earlier content, if any, replaced).
_WHOLE_FILE_WRITERS = frozenset({"cp", "mv", "install"})


def _wrote_whole(command: Command, target: str) -> bool:
    """``command`` wrote ``target`` whole: ``cat > /etc/rc <<EOF``, or a copy or move onto it (``mv
    /etc/sudoers.d/010_pi-nopasswd /etc/sudoers.d/010_$user-nopasswd``)."""
    return command.name in _WHOLE_FILE_WRITERS or any(
        r.op == ">" and r.fd in (None, "1") and _names(r.target, target) for r in command.redirects
    )


def _same_change(command: Command, earlier: list[Command], target: str) -> bool:
    """``command`` continues a change already reported to the same file (and is added to ``earlier``): an append
    or a ``sed -i`` edit after the script wrote the file whole (``cat > /etc/rc <<EOF`` … ``cat /etc/rc.bak >>
    /etc/rc``: the new file is the two together; a sudoers drop-in moved into place, then ``sed -i`` rewriting it
    for the account: one grant, holdout202), or the same ``sed -i`` edit spelt for another sed (GNU's ``-i``, BSD's
    ``-i ''`` in the other branch). Two appends of their own are two changes."""
    continues = any(r.op == ">>" for r in command.redirects) or (command.name == "sed" and bool(_edit(command)))
    same = any(
        (continues and _wrote_whole(c, target))
        or (command.name == c.name == "sed" and _edit(command) and _edit(command) == _edit(c))
        for c in earlier
    )
    earlier.append(command)
    return same


def scan(ctx: Context) -> Iterator[Finding]:
    for path, script in steps(ctx):
        reported: set[int] = set()
        for body, files, severity in _through_functions(script):
            # where the body writes: a ``{ …; } >>"$1"`` group's redirection line, as for a write at top level
            line = next((write_line(body, w) for w in written_paths(body) if w.expands), body.line)
            if line in reported:
                continue
            reported.add(line)
            yield at_command(
                "preflight.persistence",
                severity,
                path=path,
                command=dataclasses.replace(body, line=line),
                target=", ".join(files),
                message=f"adds to {', '.join(files)} (through {body.function}(), called with each): it persists "
                "after the installer and runs (or grants access) in later sessions",
                remedy="Ask the vendor to drop the change, or record it in the change plan with its owner and how "
                "it is removed.",
            )
        changes: dict[str, list[Command]] = {}
        entrypoint, image = container_entrypoint(script), image_build(path)
        for command in script.commands:
            removal = on_removal_only(command)
            found = None if removal else _persists(command, entrypoint, image)
            if found is None and not removal and not image:
                found = _profile_by_variable(command, script)
            if found is not None and found[2] not in reported:
                target, severity, line = found
                reported.add(line)
                if _same_change(command, changes.setdefault(target, []), target):
                    continue
                yield at_command(
                    "preflight.persistence",
                    severity,
                    path=path,
                    command=dataclasses.replace(command, line=line),
                    target=target,
                    message=f"adds to {target}: it persists after the installer and runs (or grants access) in later "
                    "sessions",
                    remedy="Ask the vendor to drop the change, or record it in the change plan with its owner and how "
                    "it is removed.",
                )
