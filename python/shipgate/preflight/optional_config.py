"""Configuration a package offers but does not put in effect: what such a file names is a choice the operator may
make later, not what the upgrade changes.

- **Web-server parts kept for enabling**: a file under ``sites-available/``, ``conf-available/`` or
  ``mods-available/`` (Apache, nginx, lighttpd) is read by the server only once it is linked into the matching
  ``*-enabled/`` folder. It is in effect when the package does that itself: it ships the file under ``*-enabled/``,
  or a script of the package runs ``a2ensite``/``a2enconf``/``a2enmod``/``lighty-enable-mod`` with its name (a
  ``for`` loop's list counts) or ``ln -s`` with its path.
- **fail2ban actions and filters**: ``action.d/*.conf`` and ``filter.d/*.conf`` act only when a jail names them.
  The jails are read as fail2ban reads them (``jail.conf``, ``jail.d/*.conf``, ``jail.local``, ``jail.d/*.local``,
  later files overriding earlier ones, ``[DEFAULT]`` under every jail, ``%(name)s`` substituted): an enabled jail's
  ``filter`` (its own name when unset) and each line of its ``action`` name a file, and that file's ``[INCLUDES]``
  ``before``/``after`` files are in effect with it.
- **A sample beside the real file**: ``foo.conf.example``, ``foo.conf.sample``, ``foo.conf-sample`` when the
  package also ships ``foo.conf``: the copy a person may start from, not the file the product reads. A sample
  without the real file (``.env.example``) is the only configuration the package gives, and what it names is what
  an install built from it uses: it is read as configuration. A sample a script of the package copies is in effect.
- **Samples to choose from**: several samples named ``<name>.sample.<ext>`` in one folder (``unix.sample.conf``,
  ``samba3.sample.conf``) of which a script of the package copies one into place: the one copied is in effect,
  the others are the operator's later choices.
"""

from __future__ import annotations

import configparser
import posixpath
import re
from collections.abc import Iterable, Iterator, Mapping

from shipgate.preflight.contents import Kind, is_maintainer_script, scanned_kind
from shipgate.preflight.package_scripts import shell_text
from shipgate.preflight.shell.commands import operands
from shipgate.preflight.shell.model import Script
from shipgate.preflight.shell.reader import parse_script

_AVAILABLE = re.compile(r"(?:^|/)(sites|conf|mods|modules)-available/([^/]+)$")
_ENABLERS = frozenset({"a2ensite", "a2enconf", "a2enmod", "lighty-enable-mod", "lighttpd-enable-mod"})
_LINKERS = frozenset({"ln", "cp", "install", "mv"})
_SAMPLE = re.compile(r"^(.+?)(?:[.-](?:example|sample|dist-example))$", re.I)
# ``<name>.sample.<ext>``: a sample named before its suffix
_INFIX_SAMPLE = re.compile(r"^[^/]+\.(?:example|sample)\.\w+$", re.I)
_FAIL2BAN_PART = re.compile(r"^(.*/)?(action|filter)\.d/([^/]+?)\.(?:conf|local)$")
_JAIL_FILE = re.compile(r"^(.*/)?(?:jail\.(?:conf|local)|jail\.d/[^/]+\.(?:conf|local))$")
_INTERPOLATION = re.compile(r"%\(([^)]{1,64})\)s")
_TRUE = frozenset({"true", "yes", "1", "on", "enabled"})
# fail2ban's own substitution depth is small; a value that keeps naming others past this is not followed.
_MAX_DEPTH = 12
_MAX_JAIL_CHARS = 1 << 20
_MAX_SCRIPT = 1 << 20
_ENABLING_WORDS = (b"a2en", b"enable-mod", b"-available/")
_SHELL_SUFFIXES = (".sh", ".bash", ".in")


def offered(files: Mapping[str, bytes]) -> frozenset[str]:
    """The package's configuration files that are offered, not in effect (see the module docstring). Read from the
    whole package once, before it is read in shards (a file and the script that enables it may sit in two)."""
    paths = set(files)
    web_or_sample = [p for p in paths if _AVAILABLE.search(p) or _sample_beside_real_file(p, paths)]
    choices = _sample_choices(paths)
    web_or_sample += sorted(choices)
    parts = [p for p in paths if _FAIL2BAN_PART.match(p)]
    if not web_or_sample and not parts:
        return frozenset()  # nothing a package could offer: its scripts need not be read again
    files = {p: _bytes(files[p]) for p in paths if _JAIL_FILE.match(p) or _FAIL2BAN_PART.match(p) or _shell_like(p)}
    scripts = [_parsed(path, data) for path, data in files.items() if web_or_sample and _may_enable(path, data)]
    named = _enabled_names(scripts) | _linked_words(scripts)
    jails = {p: _text(files[p]) for p in paths if _JAIL_FILE.match(p) and len(files[p]) <= _MAX_JAIL_CHARS}
    used_parts = _fail2ban_in_use(jails, files) if jails and parts else set()
    found: set[str] = set()
    for path in web_or_sample + parts:
        if m := _AVAILABLE.search(path):
            off = not _web_part_enabled(path, m.group(1), m.group(2), paths, named)
        elif m := _FAIL2BAN_PART.match(path):
            off = _fail2ban_root(m.group(1) or "", paths) and path not in used_parts
        elif path in choices:  # off when a script copies one of its siblings, not this one
            off = not _copied(path, named) and any(_copied(p, named) for p in choices[path])
        else:
            off = not _copied(path, named)
        if off:
            found.add(path)
    return frozenset(found)


def _bytes(data: bytes | str) -> bytes:
    """A file's bytes (a caller may give text)."""
    return data if isinstance(data, bytes) else data.encode()


def _shell_like(path: str) -> bool:
    """A file that may be a script: no extension, a shell one, or a maintainer script's name (content decides)."""
    name = posixpath.basename(path)
    return "." not in name or name.endswith(_SHELL_SUFFIXES) or is_maintainer_script(path)


def _text(data: bytes) -> str:
    return data.decode("utf-8", errors="replace")


def _may_enable(path: str, data: bytes) -> bool:
    """A shell script of the package that may enable a part: a maintainer script, or a script that names an
    enabler or an ``*-available/`` path (only those are parsed again here)."""
    if len(data) > _MAX_SCRIPT or scanned_kind(path, data[:8192]) is not Kind.SHELL:
        return False
    return is_maintainer_script(path) or any(word in data for word in _ENABLING_WORDS)


def _parsed(path: str, data: bytes) -> Script:
    return parse_script(shell_text(path, _text(data)), path=path)


def _copied(path: str, named: set[str]) -> bool:
    """A script of the package names the file (an enabler's operand, ``cp``/``ln``/``install``/``mv``'s word)."""
    return any(posixpath.basename(path) in w for w in named)


def _sample_choices(paths: set[str]) -> dict[str, list[str]]:
    """Each ``<name>.sample.<ext>`` that has sibling samples so named in its folder, with those siblings."""
    folders: dict[str, list[str]] = {}
    for path in paths:
        if _INFIX_SAMPLE.match(posixpath.basename(path)):
            folders.setdefault(posixpath.dirname(path), []).append(path)
    return {p: [q for q in group if q != p] for group in folders.values() if len(group) > 1 for p in group}


def _sample_beside_real_file(path: str, paths: set[str]) -> bool:
    m = _SAMPLE.match(posixpath.basename(path))
    return m is not None and posixpath.join(posixpath.dirname(path), m.group(1)) in paths


def _enabled_names(scripts: Iterable[Script]) -> set[str]:
    """The names the package's scripts give ``a2ensite``/``a2enmod``/…, a ``for`` loop's list expanded."""
    names: set[str] = set()
    for script in scripts:
        for command in script.commands:
            if command.name in _ENABLERS:
                for word in operands(command):
                    names.update(_word_values(script, word.text, word.value, word.expands))
    return names


def _word_values(script: Script, text: str, value: str | None, expands: tuple[str, ...]) -> Iterator[str]:
    """The values a word may take: its own, and every item of a ``for`` list or array it expands."""
    if value is not None:
        yield value
    for name in expands:
        for assignment in script.bindings(name):
            yield from (i for i in assignment.items if "$" not in i)
            if assignment.value is not None:
                yield assignment.value
    yield text


def _linked_words(scripts: Iterable[Script]) -> set[str]:
    """The operands of the package's ``ln``/``cp``/``install``/``mv`` commands, as written."""
    return {
        w.text for script in scripts for command in script.commands if command.name in _LINKERS for w in command.words
    }


def _web_part_enabled(path: str, kind: str, name: str, paths: set[str], named: set[str]) -> bool:
    """Whether a ``*-available/`` file is enabled by the package: shipped under ``*-enabled/``, or ``named`` (the
    words the package's scripts give ``a2en*``/``lighty-enable-mod`` and ``ln``/``cp``) names it."""
    folder = posixpath.dirname(path)
    if posixpath.join(posixpath.dirname(folder), f"{kind}-enabled", name) in paths:
        return True
    stem = name.rsplit(".", 1)[0] if "." in name else name
    bare = re.sub(r"^\d+-", "", stem)  # lighttpd's 10-fastcgi.conf is enabled as "fastcgi"
    if stem in named or bare in named or name in named:
        return True
    return any(w.endswith(f"{kind}-available/{name}") for w in named)


def _fail2ban_root(prefix: str, paths: set[str]) -> bool:
    """``action.d``/``filter.d`` belong to fail2ban: jail.conf beside them, or a fail2ban folder."""
    return f"{prefix}jail.conf" in paths or "fail2ban" in prefix.lower()


def _jail_order(path: str) -> tuple[int, str]:
    """fail2ban's reading order: jail.conf, jail.d/*.conf, jail.local, jail.d/*.local."""
    return (2 * path.endswith(".local") + ("/jail.d/" in "/" + path), path)


def _read_jails(texts: Mapping[str, str]) -> dict[str, dict[str, str]]:
    """Sections of the jail files of one fail2ban folder, merged as fail2ban merges them."""
    merged: dict[str, dict[str, str]] = {}
    for path in sorted(texts, key=_jail_order):
        text = texts[path][:_MAX_JAIL_CHARS]
        parser = configparser.RawConfigParser(strict=False, interpolation=None, default_section="\0none")
        parser.optionxform = str  # type: ignore[assignment,method-assign]
        try:
            parser.read_string(text, source=path)
        except configparser.Error:
            continue
        for section in parser.sections():
            merged.setdefault(section, {}).update(parser.items(section))
    return merged


def _resolve(value: str, own: Mapping[str, str], default: Mapping[str, str], depth: int = 0) -> str:
    if depth > _MAX_DEPTH:
        return value

    def sub(m: re.Match[str]) -> str:
        key = m.group(1)
        found = own.get(key, default.get(key))
        return _resolve(found, own, default, depth + 1) if found is not None else ""

    return _INTERPOLATION.sub(sub, value)


def _jail_parts(jails: Mapping[str, Mapping[str, str]]) -> set[tuple[str, str]]:
    """(``action``|``filter``, name) of every enabled jail."""
    default = jails.get("DEFAULT", {})
    parts: set[tuple[str, str]] = set()
    for section, own in jails.items():
        if section in ("DEFAULT", "INCLUDES", "Definition", "Init"):
            continue
        merged = {**default, **own, "__name__": section}
        if _resolve(merged.get("enabled", "false"), merged, default).strip().lower() not in _TRUE:
            continue
        filt = _resolve(merged.get("filter", section), merged, default)
        parts.add(("filter", filt.split("[", 1)[0].strip()))
        for line in _resolve(merged.get("action", ""), merged, default).splitlines():
            if line.strip():
                parts.add(("action", line.split("[", 1)[0].strip()))
    return parts


def _fail2ban_in_use(jail_texts: Mapping[str, str], files: Mapping[str, bytes]) -> set[str]:
    """The paths of the action and filter files an enabled jail uses, with the files they include."""
    by_root: dict[str, dict[str, str]] = {}
    for path, text in jail_texts.items():
        root = path.split("jail.", 1)[0] if "/jail.d/" not in "/" + path else path.rsplit("jail.d/", 1)[0]
        by_root.setdefault(root, {})[path] = text
    used: set[str] = set()
    for root, texts in by_root.items():
        parts = _jail_parts(_read_jails(texts))
        pending = [f"{root}{kind}.d/{name}.{ext}" for kind, name in parts for ext in ("conf", "local")]
        while pending:
            path = pending.pop()
            if path in used or path not in files:
                continue
            used.add(path)
            pending.extend(_includes(path, _text(files[path][:_MAX_JAIL_CHARS])))
    return used


def _includes(path: str, text: str) -> Iterator[str]:
    """The files an action or filter file's ``[INCLUDES]`` names (``before = iptables.conf``)."""
    folder = posixpath.dirname(path)
    section = ""
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("["):
            section = stripped
        elif section == "[INCLUDES]" and re.match(r"(?:before|after)\s*=", stripped):
            for name in stripped.split("=", 1)[1].split():
                yield posixpath.normpath(posixpath.join(folder, name))
