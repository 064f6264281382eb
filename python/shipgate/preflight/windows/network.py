"""What a Windows script fetches: the hosts its downloads contact, the files they save, and the code it runs
straight from the network. Downloaders: ``Invoke-WebRequest``/``iwr``/``Invoke-RestMethod``/``irm``,
``curl``/``wget`` (PowerShell's aliases and the native programs), ``Start-BitsTransfer``, ``bitsadmin``,
``certutil -urlcache``, ``WebClient.DownloadFile/DownloadString/DownloadData``, Chocolatey's helpers
(``Install-ChocolateyPackage``, ``Install-ChocolateyZipPackage``, ``Get-ChocolateyWebFile``…), any command
named for downloading (``Start-DownloadWithRetry -Url …``, a script's own ``DownloadFile DEST URL``), and a call of
a function of the file whose body downloads the URL it is given (``Copy-File URL DEST``, ``Get-Msi -Url $u``), and
the feed URLs ``choco install … --source`` names, and the repository ``git clone``/``fetch``/``pull``/``ls-remote``
names by URL."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from shipgate.preflight.hosts import bare_host, url_host
from shipgate.preflight.windows.model import Call, WinScript, Word

_WEB = frozenset({"invoke-webrequest", "iwr", "invoke-restmethod", "irm", "curl", "wget"})
_CMDLETS = frozenset({"invoke-webrequest", "iwr", "invoke-restmethod", "irm"})
_CONTENT_METHODS = frozenset({".downloadstring", ".downloaddata", ".getstringasync", ".openread"})
_FILE_METHODS = frozenset({".downloadfile", ".downloadfileasync"})
# Chocolatey helpers: (url, url64) positions when called positionally (Chocolatey's helper reference).
CHOCO_INSTALLS = {
    "install-chocolateypackage": (3, 4),
    "install-chocolateyzippackage": (1, 3),
    "install-chocolateyvsixpackage": (1, -1),
    "install-chocolateypowershellcommand": (2, -1),
}
_CHOCO_WEBFILE = {"get-chocolateywebfile": (2, 3)}
# NSIS download plug-ins, read by ``nsis`` as (URL, saved file): named for downloading in their own way
_INSTALLER_DOWNLOADS = frozenset({"inetc::get", "nscurl::http"})
_PINGS = frozenset({"ping", "test-connection", "test-netconnection", "tnc"})
CHOCO = frozenset({"choco", "cinst", "cup"})
_SOURCE_OPTIONS = ("--source", "-source", "-s")
_URL = re.compile(r"^[a-z][a-z0-9+.-]*://", re.I)
_GIT_REMOTE_VERBS = frozenset({"clone", "fetch", "pull", "ls-remote"})
_GIT_FETCH_VERBS = frozenset({"fetch", "pull"})
_GIT_OPTIONS_WITH_VALUE = frozenset({"-c", "-C", "--git-dir", "--work-tree", "--namespace"})
_SCP_REMOTE = re.compile(r"^[\w.-]+@([a-z0-9][\w.-]*\.[a-z]{2,}):", re.I)  # ``git@github.com:o/r.git``


@dataclass(frozen=True)
class Fetch:
    """A download: the call, the URL, and what names the saved file (``dest``: its path as written; ``var``: the
    variable holding the path the call returns); ``content`` when the call returns the body, not a file; ``tree``
    when ``dest`` is a directory the downloaded archive was extracted into (what runs from under it is the
    download's)."""

    call: Call
    url: Word | None
    dest: str | None
    var: str | None
    content: bool
    tree: bool = False


def _urls(words: tuple[Word, ...]) -> list[Word]:
    return [w for w in words if _URL.match(w.text.strip("'\""))]


def _positional(call: Call, index: int) -> Word | None:
    return call.args[index] if 0 <= index < len(call.args) else None


def choco_url_slots(call: Call) -> tuple[Word | None, Word | None]:
    """A Chocolatey helper's 32-bit and 64-bit URL (named, splatted or positional); an empty one is None."""
    spec = CHOCO_INSTALLS.get(call.name) or _CHOCO_WEBFILE.get(call.name)
    if spec is None:
        return None, None
    found = (call.option("url"), call.option("url64bit", "url64"))
    if not call.has("url", "url64bit", "url64"):
        found = (_positional(call, spec[0]), _positional(call, spec[1]))
    url, url64 = (w if w is not None and w.text.strip("'\"") else None for w in found)
    return url, url64


def choco_urls(call: Call) -> list[Word]:
    """The URLs a Chocolatey helper downloads (named, splatted or positional)."""
    return [w for w in choco_url_slots(call) if w is not None]


def _prefix_option(call: Call, name: str) -> Word | None:
    """``name`` written as PowerShell accepts it, by a prefix (``-Out FILE`` for ``-OutFile``: no other parameter
    of the web cmdlets begins so, and a common parameter gives way to the cmdlet's own)."""
    return next(
        (w for key, w in call.options.items() if w is not None and len(key) >= 3 and name.startswith(key)), None
    )


def _native_output(call: Call) -> str | None:
    """curl's ``-o FILE``/``-Lo FILE``/``--output FILE``; wget's ``-O FILE``/``-OutFile``."""
    words = [w.text for w in call.words]
    for i, word in enumerate(words[:-1]):
        low = word.lower()
        if low in ("--output", "-outfile", "-o") or re.fullmatch(r"-[a-z]*o", low):
            return words[i + 1]
    return None


def fetch(call: Call) -> Fetch | None:
    """The download ``call`` makes, if it makes one."""
    name = call.name
    if name in _FILE_METHODS and call.args:
        return Fetch(call, call.args[0], call.args[1].text if len(call.args) > 1 else None, None, False)
    if name in _CONTENT_METHODS and call.args:
        return Fetch(call, call.args[0], None, None, True)
    if name in _WEB:
        url = call.option("uri", "url") or next(iter(_urls(call.words)), None)
        if url is None and name in _CMDLETS:  # ``Invoke-WebRequest $url -OutFile F``: -Uri is the first position
            url = _positional(call, 0)
        out = call.option("outfile", "o") or _prefix_option(call, "outfile")
        saved = out.text if out is not None else _native_output(call)
        var = out.variable if out is not None else None  # ``-OutFile $archive``: later ``$archive`` is the file
        return Fetch(call, url, saved, var, saved is None) if url is not None else None
    if name == "start-bitstransfer":
        url = call.option("source") or _positional(call, 0)
        target = call.option("destination") or _positional(call, 1)
        return Fetch(call, url, target.text if target else None, call.assigned_to, False) if url else None
    if name in ("bitsadmin", "certutil"):
        urls = _urls(call.words)
        last = call.words[-1].text if call.words else None
        if urls and last != urls[0].text:
            return Fetch(call, urls[0], last, None, False)
        return _transfer(call)
    if name in _CHOCO_WEBFILE:
        urls = choco_urls(call)
        file = call.option("filefullpath") or _positional(call, 1)
        return Fetch(call, urls[0], file.text if file else None, call.assigned_to, False) if urls else None
    if ("download" in name or name in _INSTALLER_DOWNLOADS) and not name.startswith((".", "[")):
        url = call.option("url", "uri", "source") or next(iter(_urls(call.words)), None)
        if url is None:
            return None
        named = call.option("outfile", "destination", "path", "dest", "targetpath", "filepath")
        others = [w for w in call.args if w is not url and not _URL.match(w.text)]
        text = named.text if named is not None else (others[0].text if others else None)
        return Fetch(call, url, text, call.assigned_to, False)
    return None


# The verb that makes bitsadmin/certutil copy a remote file to a local one: ``bitsadmin /transfer NAME … REMOTE LOCAL``,
# ``certutil -urlcache -split -f REMOTE LOCAL``.
_TRANSFER_VERBS = {"bitsadmin": "/transfer", "certutil": "-urlcache"}


def _transfer(call: Call) -> Fetch | None:
    """A bitsadmin/certutil transfer whose remote is not written as a URL (the script's argument, ``%1``, or a
    variable): the last two words are the remote and the local file, as the programs take them."""
    words = call.words
    if len(words) < 3 or _TRANSFER_VERBS[call.name] not in (w.text.lower() for w in words[:-2]):
        return None
    remote, local = words[-2], words[-1]
    if remote.text.startswith(("/", "-")) or local.text.startswith(("/", "-")):
        return None
    return Fetch(call, remote, local.text, None, False)


def _parameter(text: str | None, names: tuple[str, ...]) -> str | None:
    """The parameter of ``names`` that ``text`` is written as (``$SourcePath``, ``"$Url"``), if any."""
    m = re.fullmatch(r"\$\{?(\w+)\}?", (text or "").strip().strip("'\""))
    return m.group(1).lower() if m and m.group(1).lower() in names else None


def bound_argument(call: Call, names: tuple[str, ...], name: str) -> Word | None:
    """The argument ``call`` gives parameter ``name``: by name, or by position among the parameters it does not
    name (PowerShell's binding of a function's positional arguments)."""
    if call.options.get(name) is not None:
        return call.options[name]
    unnamed = [n for n in names if n not in call.options]
    index = unnamed.index(name) if name in unnamed else -1
    return call.args[index] if 0 <= index < len(call.args) else None


def wrapped_fetches(script: WinScript) -> dict[int, Fetch]:
    """The downloads made through functions of the file (keyed by ``id`` of the calling ``Call``): a function whose
    body downloads its own parameter (``Invoke-WebRequest -Uri $SourcePath -OutFile $DestinationPath``) fetches,
    at each call, the URL the call binds to that parameter, saved where it binds the destination parameter."""
    downloads: dict[str, tuple[str, str | None, bool]] = {}
    for call in script.calls:
        names = script.functions.get(call.function or "")
        found = fetch(call) if names else None
        if names and found is not None and found.url is not None:
            given = _parameter(found.url.text, names)
            if given is not None and call.function not in downloads:
                downloads[call.function or ""] = (given, _parameter(found.dest, names), found.content)
    wrapped: dict[int, Fetch] = {}
    for call in script.calls:
        spec = downloads.get(call.name)
        if spec is None or call.function == call.name:
            continue
        names = script.functions[call.name]
        url = bound_argument(call, names, spec[0])
        dest = bound_argument(call, names, spec[1]) if spec[1] is not None else None
        if url is not None and url_host(url.text.strip("'\"")):
            saved = dest.text if dest is not None else None
            wrapped[id(call)] = Fetch(call, url, saved, dest.variable if dest else call.assigned_to, spec[2])
    return wrapped


def package_sources(call: Call) -> list[Word]:
    """The feeds ``choco install ID --source '.;https://feed/'`` installs from (``--source X``, ``-s X``,
    ``--source=X``; several joined by ``;`` or ``,``): local directories and URLs as written."""
    if call.name not in CHOCO:
        return []
    texts = [w.text for w in call.words]
    found: list[Word] = []
    for i, word in enumerate(call.words):
        low = word.text.lower()
        value: str | None = None
        if low in _SOURCE_OPTIONS and i + 1 < len(texts):
            value, line = texts[i + 1], call.words[i + 1]
        elif low.startswith("--source="):
            value, line = word.text.split("=", 1)[1], word
        if value is None:
            continue
        for text in (i.strip().strip("'\"") for i in re.split(r"[;,]", value.strip("'\""))):
            if text:
                found.append(Word(text, text if line.value is not None else None, line.line, line.assigned_line))
    return found


def git_remote(call: Call) -> tuple[Word, str] | None:
    """The repository ``git clone``/``fetch``/``pull``/``ls-remote`` contacts and its host: the first argument
    after the verb that is a URL (``https://github.com/o/r.git``) or an scp-style address (``git@host:o/r.git``);
    a remote's name (``git pull origin``) or a local path names none."""
    after = git_verb_arguments(call, _GIT_REMOTE_VERBS)
    for word in after or ():
        text = word.text.strip("'\"")
        scp = _SCP_REMOTE.match(text)
        host = url_host(text) if _URL.match(text) else scp.group(1).lower() if scp else None
        if host:
            return word, host
    return None


def git_verb_arguments(call: Call, verbs: frozenset[str]) -> tuple[Word, ...] | None:
    """The words after git's verb when the verb is one of ``verbs`` (git's own options before it skipped)."""
    if call.name != "git":
        return None
    words = call.words
    index = 0
    while index < len(words) and words[index].text.startswith("-"):  # git's own options before the verb
        index += 2 if words[index].text in _GIT_OPTIONS_WITH_VALUE else 1
    if index >= len(words) or words[index].text.lower() not in verbs:
        return None
    return words[index + 1 :]


def configured_remote_fetches(script: WinScript) -> Iterator[Call]:
    """``git fetch``/``git pull`` of a remote by its name (``git pull origin main``) or of none: the host is in the
    checkout's configuration, not in the script, as the shell reader's ``git pull`` (holdout254). Not a remote
    named by URL (``git_remote``'s contact), nor in a script that clones or adds a remote itself, whose pull may
    be of that URL."""
    if any(_sets_remote(c) for c in script.calls):
        return
    for call in script.calls:
        after = git_verb_arguments(call, _GIT_FETCH_VERBS)
        if after is not None and git_remote(call) is None:
            yield call


def _sets_remote(call: Call) -> bool:
    """``git clone …`` or ``git remote add``/``set-url``: the script gives a checkout its remote."""
    if git_verb_arguments(call, frozenset({"clone"})) is not None:
        return True
    after = git_verb_arguments(call, frozenset({"remote"}))
    return after is not None and len(after) > 0 and after[0].text.lower() in ("add", "set-url")


@dataclass(frozen=True)
class Contact:
    call: Call
    host: str
    word: Word


def contacts(script: WinScript) -> Iterator[Contact]:
    """Every host a call of the script contacts: a download's URL (also through a function of the file), a
    Chocolatey helper's URLs, ``ping HOST``."""
    wrapped = wrapped_fetches(script)
    for call in script.calls:
        found = wrapped.get(id(call)) or fetch(call)
        words = [found.url] if found is not None and found.url is not None else []
        words += [w for w in choco_urls(call) if w not in words]
        words += [w for w in package_sources(call) if _URL.match(w.text)]
        for word in words:
            host = url_host(word.text.strip("'\""))
            if host:
                yield Contact(call, host, word)
        remote = git_remote(call)
        if remote is not None:
            yield Contact(call, remote[1], remote[0])
        if call.name in _PINGS:
            values = [w for w in call.args if not w.text.startswith(("-", "/"))]
            # ``ping -n 3 HOST``: the host is the last word (the option values come before it)
            target = call.option("computername", "targetname") or (values[-1] if values else None)
            host = bare_host(target.text) if target is not None else None
            if host:
                yield Contact(call, host, target)  # type: ignore[arg-type]


def content_download(call: Call) -> bool:
    """The call returns what it downloads (not a saved file): ``DownloadString``, ``iwr``/``irm`` without
    ``-OutFile``."""
    found = fetch(call)
    return found is not None and found.content
