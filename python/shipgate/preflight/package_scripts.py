"""Install scripts of packaging systems whose files carry no shebang or are not shell as a whole, and that their
package manager runs as root: Alpine apk's ``*.pre-install``/``*.post-deinstall``…, Arch pacman's ``*.install``
(functions ``post_install``, ``pre_remove``… that pacman calls, never the file itself), FreeBSD pkg's
``+POST_INSTALL``/``+PRE_DEINSTALL``… (and ``pkg-install``/``pkg-deinstall`` of a port), Snap hooks
(``snap/hooks/<hook>``, run by snapd), and the two recipe formats of which only some sections run on the target:
an RPM ``.spec`` (its ``%pre``/``%post``/``%preun``/``%postun``/``%pretrans``/``%posttrans``/trigger scriptlets;
``%build``/``%install`` run on the build host) and a Gentoo ``.ebuild`` (its ``pkg_preinst``/``pkg_postinst``/
``pkg_prerm``/``pkg_postrm``/``pkg_config`` phases; ``src_*`` build in a sandbox).

``shell_text`` is what the shell reader reads of such a file: a spec's or ebuild's install-time sections, every
other line blank (line numbers stay those of the file); RPM macros in scriptlets replaced by what they expand to
where it matters (paths such as ``%{_sbindir}``, the spec's own ``%define``/``Name:`` values, and the service
macros ``%systemd_preun``/``%service_del_preun`` … as the ``systemctl`` steps they run, also braced with their
argument: ``%{systemd_preun x.service}``). Other macros on a line of their own (``%fillup_only``,
``%{?regenerate_initrd_post}``) are not read: what they expand to is not in the file. Of a spec's ``%if … %else …
%endif`` only the first branch is read (rpm builds with one; see :func:`_other_branches`)."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Sequence

from shipgate.preflight.pacman_shape import is_pacman_shaped

_APK_SUFFIXES = (
    ".pre-install",
    ".post-install",
    ".pre-upgrade",
    ".post-upgrade",
    ".pre-deinstall",
    ".post-deinstall",
    ".trigger",
)
_PKG_SCRIPTS = frozenset(
    {"+PRE_INSTALL", "+POST_INSTALL", "+PRE_DEINSTALL", "+POST_DEINSTALL", "+INSTALL", "+DEINSTALL"}
)
_PORT_SCRIPTS = frozenset({"pkg-install", "pkg-deinstall", "pkg-install.in", "pkg-deinstall.in"})
_SNAP_HOOK = re.compile(r"(?:^|/)(?:snap|meta)/hooks/[a-z0-9][a-z0-9-]*$")
_PACMAN_NAME = r"(?:pre|post)_(?:install|upgrade|remove)"
_PACMAN_FUNCTION = re.compile(rf"(?m)^[ \t]*(?:function[ \t]+{_PACMAN_NAME}\b|{_PACMAN_NAME}[ \t]*\(\))")
_SPEC_NAMES = (".spec", ".spec.in")
_EBUILD = ".ebuild"


def is_pacman_install(path: str, text: str) -> bool:
    """An Arch ``*.install`` file: it defines a function pacman calls (``post_install() {``). Debian's
    ``debian/<pkg>.install`` (a list of files) defines none. Under another name (``pacman/install.sh``), a file whose
    top level only defines functions, pacman's among them (``pacman_shape``)."""
    if not _PACMAN_FUNCTION.search(text):
        return False
    return path.lower().endswith(".install") or is_pacman_shaped(text)


# An RPM spec says so: a preamble tag or a section header (a PyInstaller ``app.spec`` is Python and has neither).
_RPM_SPEC = re.compile(
    r"(?m)^(?:(?:Name|Version|Summary|License)\s*:|%(?:package|description|prep|build|install|files)\b)"
)


def is_spec_name(path: str) -> bool:
    """Named as an RPM spec, also as a build template of one (``foo.spec.in``, which configure fills in)."""
    return path.lower().endswith(_SPEC_NAMES)


def is_recipe(path: str, text: str) -> bool:
    """An RPM spec or a Gentoo ebuild: only its install-time sections are shell that runs on the target."""
    return path.lower().endswith(_EBUILD) or (is_spec_name(path) and bool(_RPM_SPEC.search(text)))


_FORMULA = re.compile(r"(?m)^\s*(?:class\s+\w+\s*<\s*(?:Formula|AbstractPhpExtension)\b|cask\s+[\"'])")


def is_package_recipe(text_path: str, text: str) -> bool:
    """A build recipe read as text: a Homebrew formula or cask (Ruby), an Arch ``PKGBUILD``, an Alpine
    ``APKBUILD``, a Nix flake (``flake.nix``: its sources and overrides, ``url = "…"`` beside a ``hash``). The URLs
    in it are what the package manager itself fetches (sources and bottles checked against the recipe's digests)
    and the project's pages; no step of the package contacts them."""
    name = posixpath.basename(text_path)
    if name in ("PKGBUILD", "APKBUILD", "flake.nix"):
        return True
    return name.endswith(".rb") and bool(_FORMULA.search(text))


def reads_as_shell(path: str, text: str) -> bool:
    """The file is shell that a package manager runs, though it has no shebang (or is a recipe of which
    ``shell_text`` keeps the install-time sections)."""
    name = posixpath.basename(path)
    by_name = _pkg_script(name) or name.lower().endswith(_APK_SUFFIXES)
    return by_name or is_recipe(path, text) or is_pacman_install(path, text)


def _pkg_script(name: str) -> bool:
    """FreeBSD pkg's ``+POST_INSTALL`` (also a fragment an OPNsense plugin build appends to it:
    ``+POST_INSTALL.post``) and a port's ``pkg-install``."""
    return name.partition(".")[0] in _PKG_SCRIPTS or name in _PORT_SCRIPTS


def is_snap_script(path: str) -> bool:
    """A file of a snap that snapd runs: a hook (``snap/hooks/remove``, ``meta/hooks/configure``)."""
    return bool(_SNAP_HOOK.search(path.lower()))


def runs_as_root(path: str, text: str) -> bool:
    """Its package manager (apk, pacman, pkg, snapd, rpm, Portage) runs this file, or its install-time sections
    (a recipe that has none runs nothing on the target), as root."""
    if is_recipe(path, text):
        return bool(_install_time(path, text.splitlines()))
    return reads_as_shell(path, text) or is_snap_script(path)


def root_section_line(path: str, lines: Sequence[str]) -> int:
    """The line where the part the package manager runs as root begins: a spec's first scriptlet header, an
    ebuild's first ``pkg_*`` phase; 1 for a file run as a whole."""
    spans = _install_time(path, lines) if is_recipe(path, "\n".join(lines)) else []
    return spans[0][0] + 1 if spans else 1


def _install_time(path: str, lines: Sequence[str]) -> list[tuple[int, int]]:
    return _ebuild_phases(lines) if path.lower().endswith(_EBUILD) else _spec_sections(lines)


def shell_text(path: str, source: str) -> str:
    """What the shell reader reads of ``path``: the whole source, or a recipe's install-time sections with every
    other line blank."""
    if not is_recipe(path, source):
        return source
    lines = source.splitlines()
    out = [""] * len(lines)
    if path.lower().endswith(_EBUILD):
        for start, end in _install_time(path, lines):
            out[start:end] = lines[start:end]
        return "\n".join(out) + "\n"
    macros = spec_macros(lines)
    skipped = _other_branches(lines)
    for start, end in _spec_sections(lines):
        header = lines[start]
        program = _HEADER_PROGRAM.search(header)
        interpreter = posixpath.basename(program.group(1)) if program is not None else "sh"
        if program is not None and interpreter not in _SHELLS and "lua" not in interpreter:
            out[start] = expand_macros(program.group(1), macros)  # ``%post -p /sbin/ldconfig``: the program is the body
            continue
        if interpreter not in _SHELLS:
            continue  # a Lua scriptlet (``-p <lua>``) is not shell
        for i in range(start + 1, end):
            out[i] = "" if i in skipped else _scriptlet_line(lines[i], macros)
    return "\n".join(out) + "\n"


_COND_OPEN = re.compile(r"^%if(?:arch|narch|os|nos)?\b")
_COND_ELSE = re.compile(r"^%el(?:se|if)\b")
_COND_END = re.compile(r"^%endif\b")


def _other_branches(lines: Sequence[str]) -> frozenset[int]:
    """Indexes of the lines in the ``%else``/``%elif`` branches of the spec's conditionals. rpm keeps one branch when
    it builds; the reader keeps the first, so alternatives written for two distributions (each opening the same shell
    block: ``if [ "$1" = "upgrade" ]; then`` under ``%if "%{_vendor}" == "debbuild"``, ``if [ $1 -ge 2 ]; then``
    under ``%else``) are read as the one script a build makes, not as two openings of one block."""
    skipped: set[int] = set()
    stack: list[bool] = []  # per open conditional: whether its current branch is skipped
    for i, line in enumerate(lines):
        stripped = line.strip()
        if _COND_OPEN.match(stripped):
            stack.append(False)
        elif _COND_ELSE.match(stripped) and stack:
            stack[-1] = True
        elif _COND_END.match(stripped) and stack:
            stack.pop()
        elif any(stack):
            skipped.add(i)
    return frozenset(skipped)


# RPM section headers (rpm-spec(5)); scriptlets are the ones run by rpm on the target.
_SCRIPTLETS = (
    r"pre|post|preun|postun|pretrans|posttrans|preuntrans|postuntrans|verifyscript"
    r"|triggerprein|triggerin|triggerun|triggerpostun|filetriggerin|filetriggerun|filetriggerpostun"
    r"|transfiletriggerin|transfiletriggerun|transfiletriggerpostun"
)
_SCRIPTLET_HEADER = re.compile(rf"^%(?:{_SCRIPTLETS})(?:\s|$)")
_OTHER_SECTION = re.compile(
    r"^%(?:package|description|prep|generate_buildrequires|conf|build|install|check|clean|files|changelog"
    r"|sourcelist|patchlist)(?:\s|$)"
)
_HEADER_PROGRAM = re.compile(r"\s-p\s+(\S+)")
_SHELLS = frozenset({"sh", "bash", "dash", "ksh", "zsh"})


def is_spec_section_header(line: str) -> bool:
    """``line`` opens a new section of a spec (a scriptlet, ``%files``, ``%changelog``…). A file list's own directives
    (``%defattr``, ``%license``, ``%exclude``) and conditionals (``%if``/``%else``/``%endif``) do not: the section
    goes on past them."""
    return bool(_SCRIPTLET_HEADER.match(line) or _OTHER_SECTION.match(line))


def _spec_sections(lines: Sequence[str]) -> list[tuple[int, int]]:
    """(first, end) line indexes of each scriptlet section, its header included."""
    spans: list[tuple[int, int]] = []
    start: int | None = None
    for i, line in enumerate(lines):
        if _SCRIPTLET_HEADER.match(line) or _OTHER_SECTION.match(line):
            if start is not None:
                spans.append((start, i))
            start = i if _SCRIPTLET_HEADER.match(line) else None
    if start is not None:
        spans.append((start, len(lines)))
    return spans


# rpm's usual path macros (macros(5) of rpm on Fedora/openSUSE).
_PATH_MACROS = {
    "_prefix": "/usr",
    "_exec_prefix": "/usr",
    "_bindir": "/usr/bin",
    "_sbindir": "/usr/sbin",
    "_libexecdir": "/usr/libexec",
    "_datadir": "/usr/share",
    "_sysconfdir": "/etc",
    "_localstatedir": "/var",
    "_sharedstatedir": "/var/lib",
    "_var": "/var",
    "_libdir": "/usr/lib64",
    "_lib": "lib64",
    "_includedir": "/usr/include",
    "_mandir": "/usr/share/man",
    "_docdir": "/usr/share/doc",
    "_unitdir": "/usr/lib/systemd/system",
    "_initrddir": "/etc/rc.d/init.d",
    "_initddir": "/etc/rc.d/init.d",
    "_rundir": "/run",
    "_tmpfilesdir": "/usr/lib/tmpfiles.d",
    "_sysusersdir": "/usr/lib/sysusers.d",
    "_fillupdir": "/usr/share/fillup-templates",
}
_DEFINE = re.compile(r"^%(?:define|global)\s+(\w+)\s+(\S.*?)\s*$")
_TAG = re.compile(r"^(Name|Version|Release)\s*:\s*(\S+)")
_MACRO = re.compile(r"%\{[?!]*(\w+)\}|%(\w+)")
_MAX_DEPTH = 4

# Service macros (systemd-rpm-macros, openSUSE's systemd-rpm-macros) as the steps they run; the ones that only
# register or restart become ``:``. The ``%preun`` ones disable only on erase (rpm's count ``$1`` is 0), as the
# macros' own ``if [ $1 -eq 0 ]`` says.
_ERASE = "[ $1 -eq 0 ] && "
_SERVICE_MACROS = {
    "systemd_preun": _ERASE + "systemctl --no-reload disable --now",
    "service_del_preun": _ERASE + "systemctl --no-reload disable --now",
    "systemd_user_preun": _ERASE + "systemctl --global disable",
    "systemd_post": "systemctl preset",
    "service_add_post": "systemctl preset",
    "systemd_postun_with_restart": "systemctl try-restart",
    "service_del_postun": "systemctl try-restart",
}


def spec_macros(lines: Sequence[str]) -> dict[str, str]:
    """The spec's own macros (``%define``/``%global``, its Name, Version and Release) over rpm's usual paths."""
    macros = dict(_PATH_MACROS)
    for line in lines:
        if m := _DEFINE.match(line):
            macros.setdefault(m.group(1), m.group(2))
        elif (m := _TAG.match(line)) and m.group(1).lower() not in macros:
            macros[m.group(1).lower()] = m.group(2)
    return macros


def expand_macros(text: str, macros: dict[str, str], depth: int = 0) -> str:
    """Known macros replaced by their values (a few levels deep); ``%{?x}`` of an unknown one is empty, another
    unknown one keeps its name; ``%%`` is ``%``."""

    def one(m: re.Match[str]) -> str:
        name = m.group(1) or m.group(2)
        if name in macros:
            value = macros[name]
            return expand_macros(value, macros, depth + 1) if depth < _MAX_DEPTH else value
        return "" if m.group(0).startswith(("%{?", "%{!?")) else name

    parts = text.split("%%")
    return "%".join(_MACRO.sub(one, part) for part in parts)


def _scriptlet_line(line: str, macros: dict[str, str]) -> str:
    stripped = line.strip()
    if not stripped.startswith("%") or stripped.startswith(("%{_", "%%")):
        return expand_macros(line, macros)
    # ``%{systemd_preun cobblerd.service}``: a braced call with its argument inside the braces
    m = re.match(r"%\{(\w+)\s+([^{}]*)\}$", stripped) or re.match(r"%\{?(\w+)\}?(.*)$", stripped)
    name, rest = (m.group(1), m.group(2).strip()) if m else ("", "")
    if name in macros and (macros[name].startswith("/") or not rest):
        return expand_macros(line, macros)  # ``%{icinga_bin} …`` or a path macro starting a command
    step = _SERVICE_MACROS.get(name)
    return f"{step} {expand_macros(rest, macros)}" if step and rest else ""


_PHASE = re.compile(r"^(?:pkg_preinst|pkg_postinst|pkg_prerm|pkg_postrm|pkg_config)\s*\(\)")


def _ebuild_phases(lines: Sequence[str]) -> list[tuple[int, int]]:
    """(first, end) line indexes of each install-time phase function, from its ``pkg_postinst() {`` line to the
    ``}`` that closes it at the start of a line."""
    spans: list[tuple[int, int]] = []
    start: int | None = None
    for i, line in enumerate(lines):
        if start is None and _PHASE.match(line):
            start = i
        elif start is not None and line.startswith("}"):
            spans.append((start, i + 1))
            start = None
    return spans
