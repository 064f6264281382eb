"""Downloaded code that runs: a file a Windows script fetches and then runs, installs, extracts into a system
directory, or saves into a directory of the PATH, with no hash or signature check in between (read in the order
the calls run); a Chocolatey helper that downloads an installer with no checksum; downloaded text handed to
``Invoke-Expression``."""

from __future__ import annotations

import bisect
import heapq
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from shipgate.preflight.runtime_files import loaded_plugin, program_archive
from shipgate.preflight.windows.command_line import cmd_program, script_file
from shipgate.preflight.windows.launchers import launched_file
from shipgate.preflight.windows.model import Call, WinScript, Word
from shipgate.preflight.windows.network import (
    CHOCO,
    CHOCO_INSTALLS,
    Fetch,
    bound_argument,
    choco_url_slots,
    choco_urls,
    content_download,
    fetch,
    package_sources,
    wrapped_fetches,
)
from shipgate.preflight.windows.setx import setx_assignment

_VERIFY = frozenset(
    {
        "get-filehash",
        "test-filesignature",
        "get-authenticodesignature",
        "get-checksumvalid",
        "gpg",
        "cosign",
        "getsha256offile",  # Inno Setup's Pascal hash of a file (``inno``)
    }
)
_RUNNERS = frozenset(
    {"start-process", "saps", "start", "invoke-expression", "iex", "msiexec", "import-module", "invoke-item", "ii", "&"}
)
_EXTRACTORS = frozenset(
    {"expand-archive", "tar", "7z", "[io.compression.zipfile]::extracttodirectory", "get-chocolateyunzip", "unzip"}
)
_RUNNABLE = (".exe", ".com", ".bat", ".cmd", ".ps1", ".msi")
_POWERSHELLS = frozenset({"powershell", "pwsh"})
_SYSTEM_DIRS = re.compile(r"program ?files|programdata|\\windows\\|system32|\$env:windir|%windir%|%programfiles", re.I)
# Windows' own temporary directory: a file saved there is staged, not installed.
_PROGRAM_DATA = re.compile(r"programdata", re.I)
_WINDOWS_TEMP = re.compile(r"(?:\\windows|\$env:windir|%windir%)\\temp(?:\\|$)", re.I)
# The current directory as an extraction target: ``.``, ``$PWD``, ``$PWD.Path``, ``$(Get-Location)``.
_CURRENT = re.compile(r"\.|\$pwd(?:\.path)?|\$?\(\s*get-location\s*\)(?:\.path)?", re.I)
COPIES = frozenset({"copy-item", "cpi", "copy", "cp", "move-item", "mi", "move", "mv", "mklink", "xcopy"})
_COPIED = "copied"  # a step that gives the fetched file a new name, followed from there
_EXTRACTED = "extracted"  # an extraction elsewhere: what later runs from under its directory is the download's
_FOUND = "found"  # a search of an extracted download whose result is stored: that variable names its file
_LISTINGS = frozenset({"get-childitem", "gci", "dir", "ls"})
_MAX_COPIES = 3  # copies of one fetched file followed
_EXECUTE = frozenset({"invoke-expression", "iex"})
_PARTS = re.compile(r"[\\/\s\"']+")
_VARIABLE = re.compile(r"\$(?:\w+:)?(\w+)")
_MAX_STEPS = 50  # calls that name one fetched file, looked at after its download
_MAX_WORK = 100_000  # such looks in one script (a generated file of thousands of downloads stops there)


@dataclass(frozen=True)
class Unverified:
    """A fetched file's first run/install step (``call``) with no check since the download (``fetch``)."""

    fetch: Fetch
    call: Call
    how: str


def system_dir(text: str) -> bool:
    """Program Files, ProgramData or Windows (not Windows' own Temp)."""
    return _SYSTEM_DIRS.search(text) is not None and _WINDOWS_TEMP.search(text) is None


def _is_current(text: str) -> bool:
    return _CURRENT.fullmatch(text.strip().strip("'\"").rstrip("\\/")) is not None


def _service_program(call: Call) -> Word | None:
    """The program a service is registered to run: ``sc.exe create|config NAME binPath= PATH`` (also
    ``binPath=PATH``), ``New-Service -BinaryPathName PATH``."""
    if call.name == "new-service":
        return call.option("binarypathname")
    words = call.words
    if call.name != "sc" or not words or words[0].text.lower() not in ("create", "config"):
        return None
    for i, word in enumerate(words[:-1]):
        if word.text.lower() == "binpath=":
            return words[i + 1]
    glued = next((w for w in words if w.text.lower().startswith("binpath=") and len(w.text) > 8), None)
    return replace(glued, text=glued.text[8:]) if glued is not None else None


def base_name(text: str) -> str:
    """A path's last part, lower case, quotes and a trailing separator dropped (``C:\\x\\Tool.exe`` gives
    ``tool.exe``)."""
    return re.split(r"[\\/]", text.strip().strip("'\"").rstrip("\\/"))[-1].lower()


def _names(call: Call, fetched: Fetch) -> bool:
    """``call`` names the fetched file: its path's last part in an argument (also inside an argument list,
    ``"/i $out /qn"``), or the variable holding it."""
    base = base_name(fetched.dest) if fetched.dest else None
    text = call.text.lower()
    if fetched.var is not None and re.search(r"\$(?:\w+:)?" + re.escape(fetched.var) + r"\b", text):
        return True
    if not base:
        return False
    return any(base in _PARTS.split(w.text.lower()) for w in call.words)


def _path_dirs(script: WinScript) -> list[str]:
    """Directories the script adds to the PATH (``$env:Path += ";DIR"``, ``SetEnvironmentVariable('PATH', …)``,
    ``setx PATH``)."""
    found: list[str] = []
    for setting in script.settings:
        if setting.target in ("$env:path", "${env:path}"):
            found += [d.strip().lower() for d in setting.value.split(";") if d.strip()]
    for call in script.named("[environment]::setenvironmentvariable"):
        if len(call.args) > 1 and (call.args[0].value or "").lower() == "path":
            found += [d.strip().strip("'\"").lower() for d in call.args[1].text.split(";") if d.strip()]
            found += _bound_dirs(script, call)
    for call in script.named("setx"):  # ``setx PATH "DIR;%PATH%" /M`` (holdout196)
        name, value = setx_assignment(call) or ("", None)
        if name.lower() == "path" and value is not None:
            found += [d.strip().strip("'\"").lower() for d in value.text.split(";") if d.strip()]
    return found


def _bound_dirs(script: WinScript, call: Call) -> list[str]:
    """The PATH entries a function of the file adds through its parameter (``function Add-Path($Path) { …
    SetEnvironmentVariable("Path", $old + ";" + $Path, "Machine") }``): what each call of it binds to that
    parameter (``Add-Path $out_dir``)."""
    names = script.functions.get(call.function or "")
    if not names:
        return []
    given = {v.lower() for v in _VARIABLE.findall(call.args[1].text)}.intersection(names)
    found: list[str] = []
    for caller in script.named(call.function or ""):
        for name in given:
            word = bound_argument(caller, names, name) if caller.function != call.function else None
            if word is not None:
                found.append(word.text.strip().strip("'\"").lower())
    return found


def _directory(text: str) -> str:
    return re.split(r"[\\/](?=[^\\/]*$)", text.strip().strip("'\""))[0].lower()


def _relative(path: str) -> str:
    """A directory's text with one separator, no quotes, no trailing separator, and the current directory
    (``.``, ``.\\``) as the empty path."""
    text = path.strip().strip("'\"").replace("/", "\\").rstrip("\\")
    while text.startswith(".\\"):
        text = text[2:]
    return "" if text == "." else text


def _under(directory: str, target: str) -> bool:
    """A PATH ``directory`` holds what an extraction into ``target`` writes: it is the target or lies under it
    (extracting into ``.`` and then putting ``.\\tool`` on the PATH). An unknown target (``""``) holds nothing."""
    if not target.strip():
        return False
    inside, base = _relative(directory), _relative(target)
    if not base:  # the current directory: a relative PATH entry lies under it
        return bool(inside) and re.match(r"[a-z]:|[\\$%~]", inside) is None
    return inside == base or inside.startswith(base + "\\")


def _extract_target(call: Call) -> str:
    words = [w.text for w in call.words]
    if call.name == "7z":  # 7-Zip's output folder is glued to its switch: ``7z x FILE -o"DIR"``
        glued = next((w[2:] for w in words if w[:2].lower() == "-o" and len(w) > 2), None)
        if glued is not None:
            return glued.strip("'\"")
    for i, word in enumerate(words[:-1]):
        if word.lower() in ("-c", "c", "-destinationpath", "-destination", "-unziplocation"):
            return words[i + 1]
    if call.name == "tar":  # no ``-C DIR``: tar writes into the current directory (holdout231)
        return next((w[len("--directory=") :] for w in words if w.startswith("--directory=")), ".")
    target = call.option("destinationpath", "destination", "unziplocation")
    return target.text if target is not None else (call.args[1].text if len(call.args) > 1 else "")


def copy_ends(call: Call) -> tuple[Word | None, Word | None]:
    """A copy's or move's source and destination: ``-Path``/``-LiteralPath`` and ``-Destination`` by name, the rest
    by position (``Copy-Item SRC DEST``, batch ``copy SRC DEST``, ``xcopy SRC DEST /E``); ``mklink [/d|/h|/j]
    LINK TARGET`` names the file again as LINK, its source last."""
    if call.name in ("mklink", "xcopy"):
        ends = [w for w in call.args if not w.text.startswith("/")]
        if call.name == "xcopy":  # ``xcopy SRC DEST /E /Y``: its switches may stand anywhere
            return (ends[0], ends[1]) if len(ends) >= 2 else (None, None)
        return (ends[1], ends[0]) if len(ends) == 2 else (None, None)
    rest = iter(call.args)
    source = call.option("path", "literalpath")
    source = source if source is not None or call.has("path", "literalpath") else next(rest, None)
    destination = call.option("destination") or next(rest, None)
    return source, destination


def _is_fetched(word: Word, fetched: Fetch) -> bool:
    """``word`` is the fetched file's path: its variable (also a property of it, ``$exe.FullName``, or that property
    in a string with what lies under it, ``"$($dir.FullName)\\*"``: a folder a search found) or its name."""
    base = base_name(fetched.dest) if fetched.dest else ""
    name = re.escape(fetched.var or "")
    if fetched.var is not None and (
        word.variable == fetched.var.lower()
        or re.fullmatch(r"\$" + name + r"(?:\.\w+)+", word.text.strip(), re.I)
        or re.fullmatch(r"\$\(\s*\$" + name + r"(?:\.\w+)+\s*\)(?:[\\/][^\\/]*)*", word.text.strip("'\" "), re.I)
    ):
        return True
    return bool(base) and base in _PARTS.split(word.text.lower())


def _copy(call: Call, fetched: Fetch, path_dirs: list[str]) -> str | None:
    """A copy or move of the fetched file: into a system directory or one of the PATH it installs the file there;
    elsewhere the copy is the fetched file under a new name (``_COPIED``)."""
    source, destination = copy_ends(call)
    if source is None or destination is None or not _is_fetched(source, fetched):
        return None
    target = destination.text
    places = {_relative(target).lower(), _relative(_directory(target)).lower()}
    if system_dir(target) or any(_relative(d) in places for d in path_dirs):
        return "copies it into a system directory or a directory of the PATH"
    return _COPIED


def _local_package(call: Call, fetched: Fetch) -> bool:
    """``choco install ID --source '.;…'`` of a fetched ``ID[.version].nupkg`` from the directory it was saved in."""
    base = base_name(fetched.dest) if fetched.dest else ""
    package = re.fullmatch(r"(.+?)(?:\.\d[\w.-]*)?\.nupkg", base)
    words = [w.text.strip("'\"").lower() for w in call.words]
    if call.name not in CHOCO or package is None or package.group(1) not in words:
        return False
    if call.name == "choco" and not {"install", "upgrade"}.intersection(words[:1]):
        return False
    assert fetched.dest is not None
    folder = _relative(_directory(fetched.dest) if re.search(r"[\\/]", fetched.dest) else ".").lower()
    return any(_relative(s.text).lower() == folder for s in package_sources(call))


def _step(call: Call, fetched: Fetch, path_dirs: list[str]) -> str | None:
    """What ``call`` does with the fetched file: 'verified', a run/install description, ``_COPIED``, or None."""
    base = base_name(fetched.dest) if fetched.dest else ""
    stem = base.rsplit(".", 1)[0] if "." in base else base
    if call.name in _VERIFY or re.search(r"checksum|hash|signature", call.name):
        # a check inside a ``try`` whose ``catch`` goes on is one the run can go past (holdout158)
        return "verified" if _names(call, fetched) and not call.passed_over else None
    if call.name in COPIES:
        return _copy(call, fetched, path_dirs)
    if _local_package(call, fetched):
        return f"installs it ({call.name} from the directory it was saved in)"
    if (base and call.name == base) or (stem and call.name == stem):
        return f"runs it ({call.name})"
    if not _names(call, fetched):
        return None
    if call.name in _RUNNERS or call.text.lstrip().startswith(("&", ". ")):
        return f"runs it ({call.name})"
    run_by_cmd = cmd_program([w.text for w in call.words]) if call.name == "cmd" else None
    if run_by_cmd is not None and base and base_name(run_by_cmd) == base:  # ``cmd /c "tool.exe register > log"``
        return f"runs it ({call.name} /c)"
    launched = launched_file(call)
    if launched is not None and base and base_name(launched) == base:  # ``pm2 start start.sh``, ``java -jar x.jar``
        return f"runs it ({call.name})"
    script = script_file(call.name, " ".join(w.text for w in call.words)) if call.name in _POWERSHELLS else None
    if script is not None and base and base_name(script) == base:  # ``powershell -File C:\x\install.ps1``
        return f"runs it ({call.name} -File)"
    if _service_program(call) is not None:
        return f"registers it as a service ({call.name})"
    if call.name in _EXTRACTORS or call.name.startswith("expand-") or "unzip" in call.name:
        target = _extract_target(call).lower()
        if system_dir(target) or any(_under(d, target) for d in path_dirs):
            return "extracts it into a system directory"
        return _EXTRACTED if _relative(target) or _is_current(target) else None
    return None


def _tree_step(call: Call, tree: Fetch, path_dirs: list[str]) -> str | None:
    """A call that runs a program from under the directory an archive was extracted into (``.$exe`` with ``$exe =
    "C:\\agent\\bin\\agent.exe"``, ``Start-Process -FilePath DIR\\setup.exe``) or copies files from under it into a
    directory the script puts on the PATH, Program Files or Windows (``Copy-Item "$tmp\\x-main\\bin\\*" $binDir``;
    not ProgramData, where what is copied may be settings); 'verified' when a check names one of its files."""
    here = _is_current(tree.dest or "")  # extracted into the current directory: ``.\\bin\\x.exe`` lies under it
    root = "" if here else _relative(tree.dest or "").lower()

    def inside(text: str) -> bool:
        if here:
            raw = text.strip().strip("'\"").replace("/", "\\")
            return raw.startswith(".\\") and len(raw) > 2
        return _relative(text).lower().startswith(root + "\\")

    if call.name in _VERIFY or re.search(r"checksum|hash|signature", call.name):
        return "verified" if any(inside(w.text) for w in call.words) and not call.passed_over else None
    if call.name in _LISTINGS and call.assigned_to:  # ``$exe = Get-ChildItem -Path $dir -Filter *.exe …``
        listed = call.option("path", "literalpath") or next(iter(call.args), None)
        if listed is not None and (_relative(listed.text).lower() == root or inside(listed.text)):
            return _FOUND
    started = (call.option("filepath") or next(iter(call.args), None)) if call.name in _RUNNERS else None
    if (call.program and inside(call.program)) or (started is not None and inside(started.text)):
        return f"runs a file extracted from it ({call.name})"
    service = _service_program(call)
    if service is not None and inside(service.text):
        return f"registers a file extracted from it as a service ({call.name})"
    source, destination = copy_ends(call) if call.name in COPIES else (None, None)
    if source is not None and destination is not None and inside(source.text):
        target = destination.text
        places = {_relative(target).lower(), _relative(_directory(target)).lower()}
        programs = system_dir(target) and _PROGRAM_DATA.search(target) is None  # ProgramData's may be settings
        if programs or any(_relative(d) in places for d in path_dirs):
            return "copies files extracted from it into Program Files, Windows or a directory of the PATH"
        if _own_folder(target):  # an updater putting a release over its program's folder (holdout254)
            return "copies files extracted from it over the script's own folder"
        if base_name(source.text).endswith(_RUNNABLE):  # one program taken out (``Move-Item "$tmp\\x.exe" $bin``)
            return _COPIED  # followed as that file under its new name (holdout221's autotidy)
    return None


def _mentions(order: list[Call]) -> dict[str, list[int]]:
    """Positions in ``order`` of the calls that name each path part, command name or ``var:NAME`` (every call
    ``_step`` can act on names the fetched file one of these ways: the index keeps the reading linear)."""
    index: dict[str, list[int]] = {}
    for position, call in enumerate(order):
        keys = {call.name, *(f"var:{v.lower()}" for v in _VARIABLE.findall(call.text))}
        keys.update(p.lower() for p in _PARTS.split(call.program or "") if p)
        for word in call.words:
            keys.update(p.lower() for p in _PARTS.split(word.text) if p)
        for key in keys:
            index.setdefault(key, []).append(position)
    return index


@dataclass
class _Reading:
    """The script's calls in run order, with what ``_follow`` needs to read each fetched file's later steps."""

    order: list[Call]
    index: dict[str, list[int]]
    path_dirs: list[str]
    work: int = 0


def _follow(reading: _Reading, position: int, fetched: Fetch) -> Unverified | None:
    """The first step after ``position`` that runs or installs ``fetched`` with no check in between; a copy of it
    elsewhere (``Move-Item $tmp $dest``) is followed as the same file under its new name (3 copies). When nothing
    later runs or installs it, an archive expanded with ``-Force`` over the folder the script runs in is the step
    (an updater replacing the program's files in place)."""
    in_place: Unverified | None = None
    for _ in range(_MAX_COPIES + 1):
        base = base_name(fetched.dest) if fetched.dest else ""
        stem = base.rsplit(".", 1)[0] if "." in base else base
        keys = {k for k in (base, stem, f"var:{fetched.var}" if fetched.var else "") if k}
        runs = [reading.index.get(k, []) for k in keys]
        if fetched.tree and _is_current(fetched.dest or ""):  # ``.\\x.exe`` names no part of the directory
            runs = [list(range(position + 1, min(position + 1 + _MAX_STEPS, len(reading.order))))]
        later = heapq.merge(
            *(r[bisect.bisect_right(r, position) : bisect.bisect_right(r, position) + _MAX_STEPS] for r in runs)
        )
        copied: tuple[int, Fetch] | None = None
        for candidate in sorted(set(itertools.islice(later, _MAX_STEPS))):
            reading.work += 1
            if reading.work > _MAX_WORK:
                return None
            call = reading.order[candidate]
            step = (_tree_step if fetched.tree else _step)(call, fetched, reading.path_dirs)
            if step == "verified":
                return None
            if step == _EXTRACTED and copied is None:  # kept while the archive itself is read on
                copied = (candidate, replace(fetched, dest=_extract_target(call), var=None, tree=True))
                if in_place is None and _over_own_folder(call):
                    in_place = Unverified(fetched, call, "extracts it with -Force over the folder the script runs in")
            elif step == _FOUND:  # the file a search of the unpacked download found, followed by its variable
                copied = (candidate, replace(fetched, dest=None, var=call.assigned_to, tree=False))
                break
            elif step == _COPIED:
                destination = copy_ends(call)[1]
                assert destination is not None
                copied = (candidate, replace(fetched, dest=destination.text, var=destination.variable, tree=False))
                break
            elif step is not None and step != _EXTRACTED:
                return Unverified(fetched, call, step)
        if copied is None:
            return in_place
        position, fetched = copied
    return in_place


def _over_own_folder(call: Call) -> bool:
    """An extraction that overwrites (``-Force``) the current directory or the script's own folder."""
    target = _extract_target(call)
    return call.has("force") and (_is_current(target) or _own_folder(target))


def _own_folder(text: str) -> bool:
    """The script's own folder: PowerShell's ``$PSScriptRoot``, batch's ``%~dp0``."""
    return text.strip().strip("'\"").rstrip("\\/").lower() in ("$psscriptroot", "%~dp0")


def unverified(script: WinScript) -> Iterator[Unverified]:
    """Each fetched file's first step that runs or installs it with no check since its download. Downloads into
    one path whose first step is the same call are one file: a fallback fetched only when the first download failed
    (``$ok = Get-File $mirrorA $zip; if (-not $ok) { $ok = Get-File $mirrorB $zip }``) replaces it, and that step
    runs whichever was saved (holdout263)."""
    reported: set[tuple[int, str]] = set()
    for found in _first_steps(script):
        dest = (found.fetch.dest or "").lower()
        if dest and (id(found.call), dest) in reported:
            continue
        reported.add((id(found.call), dest))
        yield found


def _first_steps(script: WinScript) -> Iterator[Unverified]:
    order = list(script.order) or list(script.calls)
    reading = _Reading(order, _mentions(order), _path_dirs(script))
    wrapped = wrapped_fetches(script)
    seen: set[int] = set()
    for position, call in enumerate(order):
        fetched = wrapped.get(id(call)) or fetch(call)
        if fetched is None or fetched.content or id(call) in seen:
            continue
        seen.add(id(call))
        if call.name == "get-chocolateywebfile" and _checksum(call):
            continue  # the helper compares the file with its -Checksum before it returns (holdout246)
        base = base_name(fetched.dest) if fetched.dest else ""
        if fetched.dest and base.endswith(_RUNNABLE):
            folder = _directory(fetched.dest)
            if system_dir(folder) or folder in reading.path_dirs:
                yield Unverified(fetched, call, "saves it into a directory of the PATH or a system directory")
                continue
        found = _follow(reading, position, fetched) or _saved_for_runtime(reading, position, call, fetched)
        if found is not None:
            yield found
        if reading.work > _MAX_WORK:
            return


def _saved_for_runtime(reading: _Reading, position: int, call: Call, fetched: Fetch) -> Unverified | None:
    """A download saved as a program archive its runtime runs whole (``-OutFile 'Lavalink.jar'``) or as a plug-in in
    the folder its runtime loads (``plugins\\x.jar``), when nothing later runs or installs it: the save is its install,
    unless a later check names the file (``runtime_files``, as the shell flow reads them; holdout231's Lavalink)."""
    dest = fetched.dest or ""
    if not (program_archive(dest) or loaded_plugin(dest)):
        return None
    later = reading.order[position + 1 :]
    if any(c.name in _VERIFY or re.search(r"checksum|hash|signature", c.name) for c in later if _names(c, fetched)):
        return None
    return Unverified(fetched, call, "saves it where its runtime runs or loads it")


def _checksum(call: Call) -> bool:
    """A Chocolatey helper checks every URL it may download: ``-Checksum`` goes with ``-Url`` and ``-Checksum64``
    with a different ``-Url64bit`` (the helper switches the two together), so a 32-bit URL checked only by a
    ``-Checksum64`` is downloaded with no checksum on every machine (holdout254). A call whose URLs are not read
    counts any checksum it gives."""
    plain, wide = _given(call.option("checksum")), _given(call.option("checksum64"))
    url, url64 = choco_url_slots(call)
    if url is None and url64 is None:
        return plain or wide
    same = url is not None and url64 is not None and url.text == url64.text
    needs_plain = url is not None and (url64 is None or same)
    needs_wide = url64 is not None and not same
    return (plain or not needs_plain) and (wide or not needs_wide)


def _given(word: Word | None) -> bool:
    return word is not None and bool(word.text.strip("'\""))


def unchecked_installs(script: WinScript) -> Iterator[tuple[Call, Word]]:
    """Chocolatey helpers that download and install with no checksum: (call, the URL)."""
    for call in script.calls:
        if call.name in CHOCO_INSTALLS and not _checksum(call):
            urls = choco_urls(call)
            if urls:
                yield call, urls[0]


def piped_to_shell(script: WinScript) -> Iterator[Call]:
    """``iex (… DownloadString(URL))``, ``iwr URL | iex``, ``iex $code`` with ``$code = irm URL``."""
    content_vars = {c.assigned_to for c in script.calls if c.assigned_to and content_download(c)}
    content_names = {c.name for c in script.calls if content_download(c)}
    for call in script.calls:
        if call.name not in _EXECUTE and call.name != "[scriptblock]::create":
            continue
        if any(name in content_names for name in call.inputs) or any(
            re.search(r"\$" + re.escape(v) + r"\b", call.text, re.I) for v in content_vars if v
        ):
            yield call
