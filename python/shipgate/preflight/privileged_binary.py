"""Privilege bits granted: an install step that makes a program setuid or setgid, or gives it file capabilities.

Such a program runs with privileges any local user who may run it can invoke, long after the install: a security
team lists each one (file, line, the program, the bits). Read from the parsed shell of each step
(:func:`shipgate.preflight.runners.steps`; a system package's payload tools and documentation are not steps):

- ``chmod`` with a mode that sets the setuid or setgid bit (``u+s``, ``+s``, ``g+s``, ``4755``, ``2755``, ``06755``);
  ``-s`` removes, ``o+s`` sets nothing, ``--reference`` copies a mode it does not show;
- ``install -m 4755 SRC DST`` (not ``install -d``: a directory);
- ``dpkg-statoverride --add USER GROUP MODE PATH`` with such a mode;
- ``setcap CAPS FILE`` with a capability set that raises (``cap_net_raw,cap_net_admin+ep``, ``=ep``, clauses
  separated by whitespace, ``'cap_net_raw+ep cap_net_admin+ep'``), also when the program is held in a variable
  (``setcap_cmd=$(type -p setcap)``) or run through ``eval``; ``setcap -r`` removes and ``setcap -v`` only verifies;
- an RPM spec's ``%attr(4755,root,root) /usr/bin/x`` and ``%caps(cap_net_raw+ep) /usr/bin/x`` in its ``%files``
  lists (``%caps`` is rpm's ``setcap``: the file is installed with those capabilities).

A setgid (or setuid) bit on a directory grants nothing to a program (new files inherit the directory's group;
Linux ignores setuid on directories): a directory made by ``install -d``/``mkdir`` in the script, a path under
``/var``, ``/run``, ``/etc``, ``/srv``, ``/home`` or ``/tmp``, a variable named like one (``$STATE_DIR``,
``$logdir``), a spec's ``%dir``/``%ghost`` entry there, is not reported; a setgid bit alone, which is mostly a shared
directory's (``chmod 2775 /opt/app/data``), is reported only on a program's place (``bin/``, ``sbin/``, ``libexec/``,
``cgi-bin/``, ``plugins.d/``). Nor is an image build (a Dockerfile's
``RUN``): the bits are the image's, given to no local user of the host.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator

from shipgate.findings import Finding, Severity
from shipgate.preflight.contents import Context, at_command
from shipgate.preflight.kernel_settings import image_build
from shipgate.preflight.markup import is_documentation
from shipgate.preflight.package_scripts import is_spec_name, is_spec_section_header
from shipgate.preflight.privilege import elsewhere
from shipgate.preflight.runners import steps
from shipgate.preflight.shell.actions import on_removal_only
from shipgate.preflight.shell.commands import has_flag, operands, option_values
from shipgate.preflight.shell.model import Command, Script, Word

CODE = "preflight.privileged_binary"
_REMEDY = (
    "Ask the vendor why the program needs the privilege and for the narrowest grant (a capability instead of setuid "
    "root, a group that limits who may run it); record the program in the change plan, reviewed on each upgrade."
)
_NUMERIC = re.compile(r"^0*([0-7]{3,4})$")
_SYMBOLIC_CLAUSE = re.compile(r"^([ugoa]*)((?:[-+=][rwxXstugo]*)+)$")
# A capability set (cap_from_text(3)): clauses separated by whitespace (``'cap_a+ep cap_b+ep'``), each
# ``cap_a,cap_b+ep``, ``cap_a=+ep`` or ``=ep`` (all); it grants when a flag follows + or = in any clause (``cap_a=``
# and ``cap_a-ep`` clear). libcap also takes a capability's number where it takes its name (``13,21+ep`` is
# ``cap_net_raw,cap_sys_admin+ep``; below its 64-bit limit).
_CAPABILITY = r"(?:cap_[a-z_]+|[0-9]{1,2})"
_CAPABILITIES = re.compile(rf"^(?:(?:{_CAPABILITY}|all)(?:,{_CAPABILITY})*)?(?:[-+=][eip]*)+$", re.I)
_GRANTS = re.compile(r"[+=][eip]*[eip]", re.I)


def grants_capabilities(text: str) -> bool:
    """Whether ``text`` is a capability set that raises a capability (``cap_net_raw+ep``, ``=ep``,
    ``'cap_net_raw+ep cap_net_admin+ep'``): every whitespace-separated clause is one, and one of them raises."""
    clauses = text.split()
    return (
        bool(clauses)
        and all(_CAPABILITIES.match(clause) for clause in clauses)
        and any(_GRANTS.search(clause) for clause in clauses)
    )


_DATA_DIRS = ("/var/", "/run/", "/etc/", "/srv/", "/home/", "/tmp/")  # noqa: S108 (paths compared, not used)
_DIR_VARIABLE = re.compile(r"(?:dir|directory|folder|_home|_root)$", re.I)
# Where programs live: a setgid bit alone is a program's only there (``/usr/bin/dotlockfile``, a CGI).
_PROGRAM_PLACE = re.compile(r"(?:^|/)(?:s?bin|libexec|cgi-bin|plugins?(?:\.d)?)/[^/]+$|\.(?:cgi|plugin)$")
_ALONE = re.compile(r"""^["']?\$\{?(\w+)\}?["']?$""")


def mode_bits(mode: str) -> frozenset[str]:
    """``setuid``/``setgid`` that ``mode`` (octal or symbolic, as chmod takes it) sets; empty when none."""
    numeric = _NUMERIC.match(mode)
    if numeric is not None:
        digits = numeric.group(1)
        special = int(digits[0]) if len(digits) == 4 else 0
        return frozenset(name for bit, name in ((4, "setuid"), (2, "setgid")) if special & bit)
    found: set[str] = set()
    for clause in mode.split(","):
        m = _SYMBOLIC_CLAUSE.match(clause)
        if m is None:
            return frozenset()
        who = m.group(1) or "a"
        for op in re.findall(r"[-+=][rwxXstugo]*", m.group(2)):
            if op[0] in "+=" and "s" in op:
                found.update(name for letter, name in (("u", "setuid"), ("g", "setgid")) if letter in who or "a" in who)
    return frozenset(found)


def _directory(word: Word, made: frozenset[str]) -> bool:
    text = word.text.rstrip("/")
    if word.text.endswith("/") or text in made:
        return True
    if text.startswith(_DATA_DIRS) or any(f"/{d.strip('/')}/" in text for d in ("log", "run", "spool")):
        return True
    # a variable alone named like a directory (``"${STATE_DIR}"``); not a path under one (``${Ddir}/bin/x``)
    alone = _ALONE.match(word.raw)
    return alone is not None and bool(_DIR_VARIABLE.search(alone.group(1)))


def _made_directories(script: Script) -> frozenset[str]:
    made: set[str] = set()
    for command in script.commands:
        if command.name == "mkdir" or (command.name == "install" and has_flag(command, "-d", "--directory")):
            made.update(w.text.rstrip("/") for w in operands(command))
    return frozenset(made)


def _tool(command: Command, script: Script) -> str | None:
    """The command's tool: its name, or the tool a variable holds (``setCap=$(command -v setcap)``, ``$setcap_cmd``
    set from ``type -p setcap``)."""
    if command.name is not None:
        return command.name
    program = command.program
    if program is None or len(program.expands) != 1:
        return None
    for binding in script.bindings(program.expands[0]):
        said = (binding.value or binding.shape or "").split()
        if said and said[-1].rsplit("/", 1)[-1].rstrip(")") == "setcap":
            return "setcap"
    return None


def _granted(command: Command, script: Script, made: frozenset[str]) -> tuple[str, str] | None:
    """(program, what it is given) when ``command`` grants privilege bits; None otherwise."""
    tool = _tool(command, script)
    words = list(command.words)
    if command.via == "eval" and command.program is not None:
        # ``eval "$setCap caps FILE"`` read with the variable empty: the capability set is left as the program word
        # (``cap_a,cap_b+ep``), or as an assignment before FILE (``CAP_SYS_PTRACE=+ep``)
        if grants_capabilities(command.program.text):
            tool, words = "setcap", [command.program, *words]
        for name, value in command.env:
            if name.lower().startswith("cap_") and grants_capabilities(f"{name}={value.text}"):
                return command.program.text, f"file capabilities {name}={value.text}"
    if tool == "setcap":
        return _capabilities([w for w in words if not w.text.startswith("-")], words)
    if tool == "chmod" and not has_flag(command, "--reference"):
        ops = operands(command)
        return _bits(ops[0].text, ops[1:], made) if len(ops) >= 2 else None
    if tool == "install" and not has_flag(command, "-d", "--directory"):
        modes = option_values(command, "-m", "--mode")
        ops = [w for w in operands(command) if not any(w is m for m in modes)]
        if not modes or len(ops) < 2:
            return None
        if len(ops) > 2 or ops[-1].text.endswith("/") or _directory(ops[-1], made):
            # ``install -m 4755 SRC… DIR``: the mode is the installed files', each DIR/basename(SRC)
            into = ops[-1].text.rstrip("/")
            return _bits(modes[0].text, [], made, tuple(f"{into}/{posixpath.basename(w.text)}" for w in ops[:-1]))
        return _bits(modes[0].text, ops[-1:], made)
    if tool == "dpkg-statoverride" and has_flag(command, "--add"):
        ops = operands(command)
        return _bits(ops[2].text, ops[3:4], made) if len(ops) >= 4 else None
    return None


def _capabilities(plain: list[Word], words: list[Word]) -> tuple[str, str] | None:
    """The programs one ``setcap`` gives capabilities to and what they get: setcap(8) takes any number of
    ``capabilities file`` pairs, and each file is a program the security team lists."""
    if any(w.text in ("-r", "-v", "--verify") for w in words):
        return None  # removes, or only compares
    pairs: list[tuple[str, str]] = []  # (program, capabilities)
    index = 0
    while index + 1 < len(plain):
        caps, target = plain[index].text, plain[index + 1].text
        if grants_capabilities(caps):
            pairs.append((target, caps))
            index += 2
        else:
            index += 1  # an option's value (``-n 1000``) or a word before the first pair
    if not pairs:
        return None
    programs = ", ".join(program for program, _ in pairs)
    if len({caps for _, caps in pairs}) == 1:
        return programs, f"file capabilities {pairs[0][1]}"
    return programs, "file capabilities " + ", ".join(f"{caps} on {program}" for program, caps in pairs)


def _bits(mode: str, targets: list[Word], made: frozenset[str], files: tuple[str, ...] = ()) -> tuple[str, str] | None:
    """The bits ``mode`` grants to the programs among ``targets`` (directories left out) and ``files`` (known to be
    files)."""
    bits = mode_bits(mode)
    programs = [t.text for t in targets if not _directory(t, made)] + list(files)
    if bits == {"setgid"}:  # mostly a shared directory (``chmod 2775 /opt/app/data``): only a program's place counts
        programs = [p for p in programs if _PROGRAM_PLACE.search(p)]
    if not bits or not programs:
        return None
    return ", ".join(programs), f"the {' and '.join(sorted(bits))} bit{'s' if len(bits) > 1 else ''} ({mode})"


# ``%attr(4755, root, root) /usr/bin/x``; ``%attr(-,…)`` keeps the mode the build gave.
_SPEC_ATTR = re.compile(r"^\s*((?:%(?:config|ghost|dir|verify|doc)\S*\s+)*)%attr\(\s*([0-7]{3,5})\s*,[^)]*\)\s*(.*)$")


# ``%caps(cap_net_bind_service,cap_setgid+p) /usr/bin/x``: rpm installs the file with those capabilities.
_SPEC_CAPS = re.compile(r"%caps\(\s*([^)]*?)\s*\)")


def _spec_grants(ctx: Context) -> Iterator[Finding]:
    for text in ctx.texts:
        if not is_spec_name(text.path) or is_documentation(text.path):
            continue  # a ``.spec.in`` template is the spec it becomes, as the scriptlet reader takes it
        in_files = False
        for line in text.lines:
            stripped = line.text.strip()
            if is_spec_section_header(stripped):  # ``%defattr``, ``%if``… inside ``%files`` keep the list going
                in_files = stripped.startswith("%files")
                continue
            granted = _files_entry_grant(line.text) if in_files else None
            if granted is None:
                continue
            target, what, bits = granted
            yield text.finding(
                line,
                CODE,
                Severity.MEDIUM,
                message=f"the package installs {target} with {what}: it runs with those privileges for every local "
                "user who runs it",
                remedy=_REMEDY,
                program=target,
                bits=bits,
            )


def _files_entry_grant(line: str) -> tuple[str, str, str] | None:
    """What one ``%files`` entry grants its program: (program, what, bits), from ``%attr``'s mode or ``%caps``."""
    m = _SPEC_ATTR.match(line) if "%attr(" in line else None
    if m is not None:
        target = m.group(3).split()[-1] if m.group(3).split() else ""
        if _mode_grants(m.group(2), m.group(1) + " " + m.group(3), target):
            bits = mode_bits(m.group(2))
            return target, f"the {' and '.join(sorted(bits))} bit (%attr({m.group(2)},…))", m.group(2)
    caps = _SPEC_CAPS.search(line)
    if caps is None or not grants_capabilities(caps.group(1)):
        return None
    words = _SPEC_CAPS.sub(" ", line).split()
    paths = [w for w in words if not w.startswith("%") or w.startswith("%{")]  # ``%attr(…)``, ``%config`` are not
    target = paths[-1] if paths else ""
    if not target or "%dir" in words or "%ghost" in words or target.endswith("/"):
        return None
    return target, f"file capabilities {caps.group(1)} (%caps)", caps.group(1)


def _mode_grants(mode: str, qualifiers: str, target: str) -> bool:
    """Whether ``%attr(mode,…) target`` makes a program setuid or setgid (not a directory, not a data path)."""
    bits = mode_bits(mode)
    if not bits or "%dir" in qualifiers or "%ghost" in qualifiers or not target:
        return False
    if target.startswith(_DATA_DIRS) or "_localstatedir" in target or target.endswith("/"):
        return False
    return bits != {"setgid"} or bool(_PROGRAM_PLACE.search(target))


def scan(ctx: Context) -> Iterator[Finding]:
    image_builds = {p for p in ctx.parsed.root_scripts if image_build(p)}
    for path, script in steps(ctx):
        if path in image_builds or not _may_grant(script):
            continue  # an image's build gives the bits inside the image, to no local user of the host
        made = _made_directories(script)
        for command in script.commands:
            if on_removal_only(command) or elsewhere(command):
                continue
            granted = _granted(command, script, made)
            if granted is None:
                continue
            program, what = granted
            yield at_command(
                CODE,
                Severity.MEDIUM,
                path=path,
                command=command,
                program=program,
                bits=what,
                message=f"gives {program} {what}: it runs with those privileges for every local user who may run it",
                remedy=_REMEDY,
            )
    yield from _spec_grants(ctx)


_GRANTING = frozenset({"chmod", "install", "dpkg-statoverride", "setcap", None})


def _may_grant(script: Script) -> bool:
    """Whether any command could grant (a cheap skip of every other script)."""
    return any(c.name in _GRANTING or c.via == "eval" for c in script.commands)
