"""Code fetched at install time and what becomes of it: a file saved by curl/wget (or by a function that wraps
them), the files unpacked from it (``gunzip``, ``unzip``, ``tar -x``, also ``fetch | tar -x``), moved, copied or
linked on (``mv``, ``cp``, ``ln``), until the script runs it, makes it executable, installs it, saves it straight
into a ``bin`` directory, or names it in a line it adds to a shell profile (``source ~/.x.sh >> ~/.bashrc``). A
``git clone`` (also through a function that clones into one of its arguments) fetches its whole directory;
``make -C DIR`` (or ``cd DIR`` then ``make``, ``yarn install``, ``bundle install``; with no ``cd``, a pull into the
working directory then the tool) runs what is in it. Each fetched file is followed
to its first such step; a checksum or signature check in between clears it, and for a clone ``git verify-tag``/
``verify-commit`` or a checkout of a full commit id (``--branch <tag>`` does not: a tag can be moved). Paths are
compared as the parser spells them (values, else shapes like ``$HOME/.bun/bin``), so two spellings of one path
through different variables are not matched."""

from __future__ import annotations

import dataclasses
import fnmatch
import functools
import heapq
import itertools
import posixpath
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from shipgate.preflight.containers import container_command
from shipgate.preflight.decompressed_streams import reads_stream_of, streams_decompressed
from shipgate.preflight.go_fetch import names_module_version
from shipgate.preflight.persistence import startup_file
from shipgate.preflight.php_hash_checks import checks_hashed_file
from shipgate.preflight.runtime_files import loaded_plugin, program_archive
from shipgate.preflight.service_files import Services, started_names, stopped_names, written_services
from shipgate.preflight.shell.actions import NEVER
from shipgate.preflight.shell.arguments import bound_calls
from shipgate.preflight.shell.arms import exclusive, once_arms
from shipgate.preflight.shell.blocks import within
from shipgate.preflight.shell.call_order import bound_single_calls, in_call_order
from shipgate.preflight.shell.call_sites import CallSites
from shipgate.preflight.shell.checkout_calls import checkout_directory, defined_functions, unseen_functions_possible
from shipgate.preflight.shell.commands import (
    DB_CLIENTS,
    SHELL_RUNNERS,
    downloaded_files,
    executed_file,
    git_arguments,
    has_flag,
    operands,
    option_values,
    path_matches,
    positional_texts,
    program_given,
    requirement_lists,
    written_paths,
)
from shipgate.preflight.shell.fail_open import FailOpen
from shipgate.preflight.shell.fetched_checkout import checks_out_fetched
from shipgate.preflight.shell.functions import (
    argument_runners,
    forwarding_functions,
    forwarding_tools,
    network_functions,
    run_through,
)
from shipgate.preflight.shell.global_results import global_results
from shipgate.preflight.shell.located import (
    located_variables,
    resolved_paths,
    search_roots,
    unknown_name_directory,
)
from shipgate.preflight.shell.model import Command, Script, Word
from shipgate.preflight.shell.package_files import installed_package_files
from shipgate.preflight.shell.printed_paths import echoing_ends, path_printers, printed_by
from shipgate.preflight.shell.program_dirs import (
    anchored_on_script,
    in_program_tree,
    own_code_runs_next,
    program_directories,
    replaces_own_code,
    restarts,
    role_directory,
    settings_archive,
    updates_own_tree,
)
from shipgate.preflight.shell.project_installs import installed_projects
from shipgate.preflight.shell.shifted_runners import Runners
from shipgate.preflight.shell.shown_digests import shown_digests
from shipgate.preflight.shell.tar_create import archive_written, creates
from shipgate.preflight.shell.virtualenvs import created_environments
from shipgate.preflight.started_units import from_branch, settings_directory, started_now, unit_files
from shipgate.preflight.tls_scope import loopback_target

FETCHERS = frozenset({"curl", "wget", "fetch", "aria2c", "http", "https", "xh"})
VERIFIERS = frozenset(
    {
        "sha256sum",
        "sha224sum",
        "sha384sum",
        "sha512sum",
        "sha1sum",
        "shasum",
        "md5sum",
        "b2sum",
        "b3sum",
        "gpg",
        "gpg2",
        "gpgv",
        "cosign",
        "minisign",
        "signify",
        "openssl",
        "rpmkeys",
        "debsig-verify",
        "dpkg-sig",
    }
)
# Programs that print a file's digest, and those a pipeline compares what they print with (it fails on no match:
# ``sha1sum FILE | grep $SHA1`` checks the file as ``sha1sum -c`` does).
_DIGESTS = frozenset(
    {"sha256sum", "sha224sum", "sha384sum", "sha512sum", "sha1sum", "shasum", "md5sum", "b2sum", "b3sum"}
)
_MATCHERS = frozenset({"grep", "egrep", "fgrep"})
_DECOMPRESSORS = {"gunzip": ".gz", "unxz": ".xz", "bunzip2": ".bz2", "unzstd": ".zst"}
# A program saved straight into a bin directory (not an archive or a checksum next to it).
_BIN_FILE = re.compile(r"(?:^|/)s?bin/[^/]+$")
# A program moved or copied into a folder of its own in a bin directory (``mv duti bin/duti/duti``): installed there
# as into the bin directory itself (holdout81's duti-prebuilt, an npm install script).
_BIN_FOLDER_FILE = re.compile(r"(?:^|/)s?bin/[^/.][^/]*/[^/]+$")
# Files every new (interactive) shell sources: bash-completion's directories, the login profile's drop-ins.
_SOURCED = re.compile(r"^/etc/(?:bash_completion\.d|profile\.d)/[^/]+$|/share/bash-completion/completions/[^/]+$")
_NOT_PROGRAM = (".gz", ".tgz", ".zip", ".tar", ".xz", ".bz2", ".zst", ".sha256", ".sha512", ".asc", ".sig", ".part")
# A staging name a download is saved under before it is checked and renamed (``tool.tmp.$$``, ``tool.$$``,
# ``tool.download``): not yet the program's name, so a save into a bin directory under it installs nothing; the file is
# followed to the ``mv``/``chmod`` that makes it the program (holdout129's Strayfiles Ping).
_STAGED = re.compile(r"(?:\.(?:tmp|temp|download|partial)(?:\.[^/]*)?|\.\$\$)$")
_SENDS = ("-d", "--data", "--data-raw", "--data-binary", "--json", "-F", "--form", "--post-data")


def _sends(command: Command) -> bool:
    """A request that sends data (an API call such as an IMDS token PUT), not a download of code."""
    methods = [w.text.upper() for w in option_values(command, "-X", "--request", "--method")]
    return any(m != "GET" for m in methods) or has_flag(command, *_SENDS)


_ARGUMENT_PATH = re.compile(r"^\$\{?[1-9@*]")
# A program's own install directory by convention, ``/opt/NAME/`` or a container's ``/app/``: a file with no
# extension saved straight there (``wget -O /app/server``) is the program the product runs from it.
_PROGRAM_FILE = re.compile(r"^/(?:opt|app)/[^/]+(?:/[^/]+)?$")
_SYSTEM_DIR = re.compile(r"^/(?:usr|opt|etc|bin|sbin|lib|lib64)(?:/|$)")
# The directories a product runs from by convention besides the system's: a container's ``/app``, and the web
# server's document root (``/var/www``, ``/srv/www``), whose PHP the server runs on each request. An archive
# unpacked, or a fetched tree moved or copied, into one of them (or a system directory) installs what it holds.
_PRODUCT_DIR = re.compile(r"^/(?:usr|opt|etc|bin|sbin|lib|lib64|app|var/www|srv/www)(?:/|$)")
_WEB_ROOT = re.compile(r"^/(?:var|srv)/www(?:/|$)")
# The official database images' init directory (MariaDB, MySQL, PostgreSQL, MongoDB): their entrypoint runs the
# ``*.sql``, ``*.sql.gz``, ``*.sh`` and ``*.js`` files there against the new database, as its superuser, at first start.
_DB_INIT_DIR = re.compile(r"^/docker-entrypoint-initdb\.d(?:/|$)")
_DB_INIT_HOW = "puts it where the database image's entrypoint runs it at first start:"
# A system directory itself, one or two components (``/opt``, ``/usr/local``): what is moved into it lands below.
_SYSTEM_TOP = re.compile(r"^/(?:usr|opt|etc|app)(?:/local|/share|/lib)?/?$")
# The root directory itself (``tar -C / -xf overlay.tar.xz``): the tree lands in the system's directories.
_ROOT_DIR = re.compile(r"^/+$")


@dataclass(frozen=True)
class Run:
    """Fetched code put to use: ``command`` (on ``line``) runs or installs ``target``, fetched by ``fetch``."""

    command: Command
    line: int
    fetch: Command
    target: str
    how: str


@dataclass
class _Taint:
    path: str
    fetch: Command
    directory: bool = False  # everything below ``path`` comes from the fetch
    # A path that is a function's argument (``wget -O "$1"``) names that call's file only inside that function.
    scope: str | None = None
    # The directory as written (``$FULL_PATH``) when its value is known where it was filled but another branch
    # assigns the variable again: a later ``"$FULL_PATH/x.sh"`` can then only be matched by its spelling.
    spelled: str | None = None
    # The command that made this file (an unpack, a move); None: the fetch itself. One in a sibling ``case`` item
    # or ``if`` branch of the command that reads it never ran before it (shell.arms).
    origin: Command | None = None
    # A git checkout (a clone or a pull): only a signed tag or commit, or a full commit id, vouches for it.
    checkout: bool = False
    # The function whose output is this file's path (shell.printed_paths): a ``$(printer …)`` word names it.
    printer: str | None = None
    # An archive unpacked with no target directory while the working directory is ``/`` (an image stage's default):
    # it keeps its own top directory, so the tree is what lies below a top directory the system does not have.
    own_top: bool = False

    def seen_by(self, command: Command) -> bool:
        if self.scope is not None and self.scope != command.function:
            return False
        return not exclusive((self.origin or self.fetch).arms, command.arms)

    @functools.cached_property
    def file_name(self) -> str:
        return _file_name(self.path)

    def covers(self, path: str) -> bool:
        if self.printer is not None:
            return printed_by(path, self.printer)
        if self.directory and not self.checkout and _ROOT_DIR.match(self.path):  # an archive over ``/``: unknown
            return self.own_top and _below_own_top(path)
        if self.directory and self.path in (".", "./"):  # unpacked into the working directory: any relative path
            return not path.startswith(("/", "~", "$"))
        if self.directory:
            path = path.removeprefix("./")
            return any(path == base or path.startswith(below) for base, below in self._bases)
        return path_matches(self.path, path) or _globbed_file(self.path, path)

    @functools.cached_property
    def _bases(self) -> tuple[tuple[str, str], ...]:
        """The tree's directory as written and as spelled, each with the prefix of what is below it."""
        bases = [b.rstrip("/").removeprefix("./") for b in (self.path, self.spelled) if b]
        return tuple((base, base + "/") for base in bases)


# The system's own top directories (the FHS's, and a container's conventional ``/app``): no archive's own.
_SYSTEM_TOPS = frozenset(
    {"bin", "boot", "dev", "etc", "home", "lib", "lib32", "lib64", "libx32", "media", "mnt", "opt", "proc", "root"}
    | {"run", "sbin", "srv", "sys", "tmp", "usr", "var", "app"}
)


def _below_own_top(path: str) -> bool:
    """``/libmaxminddb-1.7.1/configure``: a path below a top directory the system does not have, where an archive
    unpacked in ``/`` with no ``-C`` put its tree (``curl … | tar xz && cd libmaxminddb-1.7.1 && ./configure``)."""
    parts = path.split("/")
    return len(parts) > 2 and not parts[0] and parts[1] not in _SYSTEM_TOPS and not parts[1].startswith(("$", "`", "."))


def _directories_above(path: str) -> Iterator[str]:
    """``path`` and each directory above it, as a tree's base is written (``a/b/c``, ``a/b``, ``a``; ``/opt/x``,
    ``/opt``, and ```` for ``/``)."""
    path = path.removeprefix("./")
    yield path
    while "/" in path:
        path = path.rsplit("/", 1)[0]
        yield path


def _globbed_file(fetched: str, pattern: str) -> bool:
    """A glob naming the fetched file: its last component (not a bare ``*``) matches the file's name, and it is a
    bare name (a file of the working directory) or in the file's own directory (``tar zxf linux-*-casaos-*.tar.gz``
    after ``wget …/linux-arm-7-casaos-….tar.gz`` into the working directory)."""
    where, name = posixpath.split(pattern.strip().rstrip("/"))
    if not any(c in name for c in "*?[") or not name.strip("*?[]"):
        return False
    if where.removeprefix("./") not in ("", ".", posixpath.dirname(fetched.strip()).removeprefix("./")):
        return False
    return fnmatch.fnmatchcase(posixpath.basename(fetched.strip().rstrip("/")), name)


def _spelling(word: Word) -> str | None:
    """A word naming a path through variables, as written (quotes dropped, ``${X}`` as ``$X``): ``"${FULL_PATH}"``
    is ``$FULL_PATH``. Two words spelled alike name one path whichever branch assigned the variable."""
    if not word.expands or "$(" in word.raw or "`" in word.raw:
        return None
    return re.sub(r"\$\{(\w+)\}", r"$\1", word.raw.replace('"', ""))


def _file_name(path: str) -> str:
    """The last component of a path as ``path_matches`` compares it: two spellings of one file share it."""
    return posixpath.basename(path.strip().rstrip("/"))


# The fetched files' names a glob is matched against: the latest this many.
_GLOB_NAMES = 64


class _Taints(list[_Taint]):
    """The fetched files and trees so far, in the order they were made (only ever appended to), with the places
    of the files by :func:`_file_name` and of the trees: a path is compared with the taints it can match, not
    with every download of the script (a script of many downloads stays linear in them)."""

    def __init__(self) -> None:
        super().__init__()
        self._by_name: dict[str, list[int]] = {}
        self._trees: dict[str, list[int]] = {}  # a tree's directory (as written and as spelled) -> its places
        self._anywhere: list[int] = []  # trees that may hold any path: the working directory, a printed path
        self._indexed = 0

    def named(self, names: set[str], paths: Sequence[str] = ()) -> Iterator[_Taint]:
        """The files whose last component is one of ``names`` and the trees that may hold one of ``paths`` (a
        tree is found under each directory above a path, so a script of many checkouts stays linear in them),
        latest first (lazily: the caller mostly stops at the first)."""
        self._index()
        names = {found for name in names for found in self._globbed(name)}
        runs = [self._by_name[name] for name in names if name in self._by_name]
        bases = {base for path in paths for base in _directories_above(path)}
        runs += [self._trees[base] for base in bases if base in self._trees]
        runs += [self._anywhere] if self._anywhere else []
        if len(runs) == 1:
            return (self[p] for p in reversed(runs[0]))
        places = heapq.merge(*(reversed(run) for run in runs), reverse=True)
        return (self[p] for p, _ in itertools.groupby(places))  # a tree under two spellings is one taint

    def _index(self) -> None:
        for place in range(self._indexed, len(self)):
            taint = self[place]
            if taint.printer is not None or (taint.directory and taint.path in (".", "./")):
                self._anywhere.append(place)
            elif taint.directory:
                for base in {base for base, _ in taint._bases}:
                    self._trees.setdefault(base, []).append(place)
            else:
                self._by_name.setdefault(taint.file_name, []).append(place)
        self._indexed = len(self)

    def _globbed(self, name: str) -> Iterator[str]:
        """``name`` itself, or when it is a glob (``linux-*-casaos-*.tar.gz``, a loop's pattern), the fetched files'
        names it matches (the latest :data:`_GLOB_NAMES` names asked, so a script of many downloads stays linear)."""
        yield name
        if any(c in name for c in "*?["):
            latest = itertools.islice(reversed(self._by_name), _GLOB_NAMES)
            yield from (n for n in latest if fnmatch.fnmatchcase(n, name))


def _latest_cover(taints: _Taints, command: Command, paths: Sequence[str]) -> _Taint | None:
    """The latest fetched file or directory this command sees that one of ``paths`` names. A file is compared by
    its last component first, the cheap necessary condition of ``path_matches``: only the taints of those names
    (and the trees) are asked."""
    for taint in taints.named({_file_name(p) for p in paths}, paths):
        if taint.seen_by(command) and any(taint.covers(p) for p in paths):
            return taint
    return None


def _never_called(script: Script) -> frozenset[str]:
    """Functions every call of which is in a branch that never runs (``if [ "$VERIFY_CHECKSUM" = "1" ]; then
    checkHash; fi`` with ``VERIFY_CHECKSUM=0``): the check they hold is never made."""
    calls: dict[str, list[Command]] = {}
    for c in script.commands:
        if c.name in script.functions:
            calls.setdefault(c.name or "", []).append(c)
    return frozenset(name for name, sites in calls.items() if all(NEVER in s.conditions for s in sites))


# A checksum list named after the one file it lists (``app.tar.gz.sha256.txt``, ``app.tgz.sha256``): that file.
_LIST_OF_ONE = re.compile(r"^(.+?)\.(?:sha\d*|md5|b2)(?:sums?)?(?:\.txt)?$", re.IGNORECASE)


def _checks_another(command: Command, others: frozenset[str]) -> bool:
    """``sha256sum -c app.tgz.sha256.txt`` checks the file the list is named after: when that is another download
    of the script (not this one), the check says nothing of this one (DDEV checks its tarball, not the setup script
    it fetched beside it)."""
    lists = [m.group(1) for w in operands(command) if (m := _LIST_OF_ONE.match(posixpath.basename(w.text)))]
    return bool(lists) and all(listed in others for listed in lists)


def _fetched_key(command: Command, others: frozenset[str]) -> bool:
    """``openssl dgst -sha256 -verify release.pub -signature …`` with ``release.pub`` downloaded by the script too:
    whoever serves the file can serve the key it is checked with, so the check pins nothing (myNode's upgrade)."""
    if command.name != "openssl":
        return False
    keys = option_values(command, "-verify", "-prverify")
    return bool(keys) and all(posixpath.basename(k.text) in others for k in keys)


def _verified(between: Sequence[Command], taint: _Taint, others: frozenset[str] = frozenset()) -> bool:
    """A checksum or signature check among the commands run ``between`` the fetch and its use (``others``: the
    names of the files the script's other fetches saved). A checksum of one file of a git checkout (``md5sum
    composer.json`` to see whether the pull changed it) says nothing of the commits that arrived."""
    name = posixpath.basename(taint.path.rstrip("/"))
    for c in between:
        if c.name == "git" and _git_pins(c):
            return True
        if taint.checkout:
            continue
        words = " ".join(w.text for w in c.words)
        if (c.name or "").startswith("php") and checks_hashed_file(words, name):
            return True  # composer's documented check: ``php -r "echo hash_file('sha384', 'composer-setup.php');"``
        if c.name not in VERIFIERS or _checks_another(c, others - {name}) or _fetched_key(c, others - {name}):
            continue
        if name in words or "-c" in words or "--check" in words or "--verify" in words or c.piped_from:
            return True
        if c.name in _DIGESTS and _MATCHERS.intersection(c.piped_to):
            return True  # the digest printed into a grep of the pinned one: the pipeline fails on another
    return False


def _names_in_check(between: Sequence[Command], taint: _Taint) -> bool:
    """A signature or checksum check among ``between`` that names the fetched file (``gpg --verify gosu.asc gosu``)."""
    name = posixpath.basename(taint.path.rstrip("/"))
    return any(c.name in VERIFIERS and any(name in w.text for w in c.words) for c in between)


_COMMIT_ID = re.compile(r"^[0-9a-f]{40}(?:[0-9a-f]{24})?$")


def _git_pins(command: Command) -> bool:
    """``git verify-tag``/``verify-commit``, or a checkout/reset of a full commit id."""
    args = [w.text for w in git_arguments(command)]
    if args[:1] in (["verify-tag"], ["verify-commit"]):
        return True
    return args[:1] in (["checkout"], ["reset"], ["switch"]) and any(_COMMIT_ID.match(a) for a in args[1:])


# A repository on the machine itself (``git clone /var/git/app.git/ app``, ``file:///srv/git/app``): nothing is
# downloaded, the checkout holds what the host already has (holdout187's videobase fabfile).
_LOCAL_REPOSITORY = re.compile(r"^(?:/|file://)")


def _cloned_dir(command: Command) -> Word | None:
    """The directory ``git clone URL [DIR]`` fills (the URL's name without ``.git`` when DIR is not given); None for
    a clone of a repository on the machine itself."""
    if command.name != "git":
        return None
    args = git_arguments(command)
    if len(args) < 2 or args[0].text != "clone" or _LOCAL_REPOSITORY.match(args[1].text):
        return None
    if len(args) >= 3:
        return args[2]
    url = args[1]
    base = posixpath.basename(url.text.rstrip("/")).removesuffix(".git")
    return Word(url.raw, base, url.line, url.expands, url.assigned_at) if base else None


def _served_clone(command: Command, checkout: _Taint) -> list[tuple[Run, _Taint]]:
    """``cd /var/www/html; git clone URL`` (or a clone named into ``/var/www/…``): a branch's checkout made in the web
    server's document root is live as it lands, its PHP run on the next request, with no later step needed in the
    script; reported at the clone when nothing later runs it and no check follows (``git verify-tag``, a commit id
    checked out)."""
    if not _WEB_ROOT.match(checkout.path):
        return []
    how = "makes the checkout in the web server's document root (served, its code run on each request):"
    return [(Run(command, command.line, command, checkout.path, how), checkout)]


def _clone_under_cwd(cloned: str, cwd: str) -> str | None:
    """Where a clone into a relative directory lands when the last ``cd`` named a place (``cd ~`` then ``git clone
    URL`` fills ``~/<name>``, which a later ``source ~/<name>/env.sh`` names), else None; the relative spelling
    stays a name of it too."""
    if cwd in (".", "") or not cloned or cloned.startswith(("/", "~", "$", "`")) or not cwd.startswith(("/", "~")):
        return None
    return _changed_dir(cwd, cloned)


def _entered_checkout(taints: _Taints, target: str) -> list[_Taint]:
    """``git clone URL neft`` (a bare name: where it lands depends on where the script was started) and later ``cd
    /opt/neft`` (holdout250's neft deploy, ``cd "${WORK_DIR}/${PROJECT_NAME}"`` after cloning into
    ``${PROJECT_NAME}``): the absolute directory of the clone's own name is the clone, entered to install it."""
    if not target.startswith("/"):
        return []
    name = posixpath.basename(target.rstrip("/"))
    clones = [t for t in taints.named(set(), [name]) if t.checkout and t.path.rstrip("/") == name]
    return [dataclasses.replace(t, path=target.rstrip("/"), spelled=None) for t in clones[-1:]]


def _pulled_into(command: Command, cwd: str, fetched: bool = False) -> Word | None:
    """``git pull`` fills a checkout with the branch's new commits as a clone does: the directory named by ``-C``,
    else the working directory, whether the remote was just added with its URL (``git init; git remote add origin
    URL; git pull origin master``) or is the checkout's configured one (an updater's ``git reset --hard; git
    pull``): the package's signature does not cover what arrives (docs/preflight.md, ``unverified_download_exec``).
    After a ``git fetch`` (``fetched``), a checkout of a branch or tag does too (fetched_checkout.py)."""
    args = [w.text for w in git_arguments(command)]
    moved = _moves_to_fetched(args, "--hard" in command.args) or (fetched and checks_out_fetched(command, args))
    if args[:1] != ["pull"] and not moved:
        return None
    into = option_values(command, "-C")
    return Word(into[-1].text, into[-1].text, command.line) if into else Word(cwd, cwd, command.line)


# The refs a fetch fills: a remote-tracking branch (``origin/main``, also spelled through values: ``"$remote/$branch"``,
# msfupdate's ``git merge "#{remote}/#{branch}"``), FETCH_HEAD, the upstream (``@{u}``).
_FETCHED_REF = re.compile(
    r"(?:(?:[A-Za-z0-9_.-]+|\$\{?[A-Za-z_]\w*\}?)/(?:[A-Za-z0-9_./-]|\$\{?[A-Za-z_]\w*\}?)+|FETCH_HEAD|@\{(?:u|upstream)\})"
)


def _moves_to_fetched(args: list[str], hard: bool) -> bool:
    """``git reset --hard origin/main`` (or ``merge``/``rebase`` of a fetched ref) after ``git fetch`` is a pull
    written in two steps: the checkout now holds the branch's fetched commits. Not ``checkout``/``reset`` of a path
    (``git checkout conf/app.ini``, ``git reset lib/x``): a reset counts only with ``--hard`` (``args`` are git's
    words without their options)."""
    if args[:1] not in (["reset"], ["merge"], ["rebase"]) or (args[0] == "reset" and not hard):
        return False
    refs = [a for a in args[1:] if not a.startswith("-")]
    return len(refs) == 1 and bool(_FETCHED_REF.fullmatch(refs[0])) and not _COMMIT_ID.match(refs[0])


def _clone_functions(script: Script) -> dict[str, int]:
    """Functions that clone into one of their arguments (``checkout() { git clone "$1" "$2"; }``): name -> the
    argument's position."""
    out: dict[str, int] = {}
    for command in script.commands:
        if command.function is None or command.name != "git":
            continue
        into = _cloned_dir(command)
        positional = into is not None and len(into.expands) == 1 and into.expands[0].isdigit()
        if into is not None and positional and into.text.strip("${}") == into.expands[0]:
            out[command.function] = int(into.expands[0])
    return out


def _clones(command: Command, cloners: dict[str, int]) -> Word | None:
    """The directory ``command`` clones into, directly or through a cloning function."""
    position = cloners.get(command.name or "")
    if position is not None:
        return command.words[position - 1] if len(command.words) >= position else None
    return _cloned_dir(command)


def _under(cwd: str, relative: str) -> str:
    """``relative`` named from ``cwd``, each leading ``../`` taking off one of the directory's own components
    (``$ROOT/phabricator`` and ``../arcanist/bin/arc`` is ``$ROOT/arcanist/bin/arc``); the ``..`` the directory
    is itself spelled with stay, as it names them (``$(dirname "$0")/../../x``)."""
    parts = cwd.rstrip("/").split("/")
    while relative.startswith("../") and parts and parts[-1] not in ("", ".", "..") and "$" not in parts[-1]:
        parts.pop()
        relative = relative[3:]
    return "/".join([*parts, relative]) if parts else relative


def _changed_dir(cwd: str, target: str) -> str:
    """The working directory after ``cd target`` from ``cwd``: a relative target is under ``cwd``
    (``cd /tmp`` then ``cd xapian-bindings-1.4/`` is ``/tmp/xapian-bindings-1.4``); one that starts with a
    variable or a command's output (``ROOT=`pwd` … cd $ROOT/arcanist``, spelled `` `pwd`/arcanist``) is not."""
    if target == ".." and anchored_on_script(cwd):  # ``cd "$(dirname "$0")"; cd ..``: still the script's own tree
        return f"{cwd.rstrip('/')}/.."
    literal = cwd.startswith("/") and not any(c in cwd for c in "$`") and posixpath.basename(cwd) not in ("..", ".")
    if target in ("..", "../") and literal:
        return posixpath.dirname(cwd.rstrip("/")) or "/"  # ``cd /opt/app; cd ..``: ``/opt``, where a clone of app lands
    if cwd == "." or target.startswith(("/", "~", "$", "`")) or target in ("-", ".."):
        return target
    return f"{cwd.rstrip('/')}/{target.removeprefix('./').rstrip('/')}"


# A directory named by a variable the parser left unexpanded (``$rcversion/``, ``${ver}``): not one of the
# environment's absolute directories (``$HOME``, ``$TMPDIR``), so possibly a relative name.
_UNKNOWN_NAME = re.compile(r"^\$\{?(?!HOME\b|TMPDIR\b|PWD\b|OLDPWD\b)[A-Za-z_]\w*\}?/?$")


def _unknown_name(directory: str) -> bool:
    return bool(_UNKNOWN_NAME.match(directory))


def _listed_subdirectory(command: Command, taints: _Taints, cwd: str, target: str) -> list[_Taint]:
    """``cd `ls -l | grep linux-amd64 | awk '{print $9}'``` in the tree an archive was unpacked into: the directory a
    listing of the working directory names (the archive's top directory, its version in the name) is one of the
    tree's, so what the script does there it does with the fetched files."""
    if cwd == "." or not _lists_working_directory(target):
        return []
    tree = _latest_cover(taints, command, [f"{cwd.rstrip('/')}/x"])
    if tree is None or not tree.directory:
        return []
    return [_Taint(target, tree.fetch, directory=True, origin=command, checkout=tree.checkout)]


def _lists_working_directory(target: str) -> bool:
    """A command's output whose first command lists the working directory (``ls``, ``find`` with no absolute path)."""
    for opener in ("`", "$("):
        if target.startswith(opener):
            first = re.split(r"[|`)]", target[len(opener) :], maxsplit=1)[0].split()
            return first[:1] in (["ls"], ["find"]) and not any(w.startswith(("/", "~", "$")) for w in first[1:])
    return False


def _unpacked(command: Command, source: _Taint, cwd: str) -> list[_Taint]:
    """What ``command`` makes of the fetched ``source`` (an archive or a compressed file); an archive unpacked
    without a target directory lands in ``cwd`` (the last ``cd``)."""
    name = command.name or ""
    decompresses = name in ("gzip", "xz", "bzip2", "zstd") and any(w.text == "-d" for w in command.words)
    if name in _DECOMPRESSORS or decompresses:
        if command.writes():
            return [_Taint(command.writes()[0].text, source.fetch, origin=command)]
        suffix = _DECOMPRESSORS.get(name, "." + name.replace("gzip", "gz").replace("bzip2", "bz2"))
        return [_Taint(source.path.removesuffix(suffix), source.fetch, origin=command)]
    if creates(command):  # ``tar -cf sync.tar -C tree .``: a packed copy of what it reads, nothing unpacked
        archive = archive_written(command)
        return [_Taint(archive, source.fetch, origin=command)] if archive else []
    if name in ("tar", "bsdtar", "unzip"):
        named = [w.text for w in written_paths(command)]
        into = named or [cwd]
        own_top = not named and bool(_ROOT_DIR.match(cwd))  # in an image stage's default ``/``: see _below_own_top
        # ``cd /tmp; tar xzf x.tgz -C deephunter``: the tree is ``/tmp/deephunter``, also spelled as written
        trees = [
            _Taint(_changed_dir(cwd, d), source.fetch, directory=True, origin=command, spelled=d, own_top=own_top)
            for d in into
        ]
        # ``cd $INSTALL_DIR; tar xf x.tgz -C $rcversion/``: a variable of no known value may hold a relative name,
        # so the tree may also be below the working directory (``$INSTALL_DIR/$rcversion/bundle/*``)
        below = [_under(cwd, d) for d in into if cwd not in (".", d) and _unknown_name(d)]
        return trees + [_Taint(p, source.fetch, directory=True, origin=command) for p in below]
    return []


def _moved(command: Command, source: _Taint) -> list[_Taint]:
    """Where ``mv``/``cp``/``ln`` puts the fetched file. A directory written with its slash (``mv ~/EasyRSA-3.0.7/
    /etc/openvpn/server/``) lands in the target, or becomes it when the target does not exist yet: everything below
    either comes from the fetch."""
    ops = operands(command)
    into = ops[-1].text
    if source.directory:
        return _tree_moved(command, source)
    moved_dirs = [w.text.rstrip("/") for w in ops[:-1] if w.text.endswith("/") and len(w.text) > 1]
    if not moved_dirs and into.endswith("/") and len(into) > 1:  # ``cp ./kustomize "$where/"``: into that directory
        return [_Taint(into + posixpath.basename(w.text), source.fetch, origin=command) for w in ops[:-1]]
    if not moved_dirs:
        return [_Taint(into, source.fetch, origin=command)]
    inside = [f"{into.rstrip('/')}/{posixpath.basename(d)}" for d in moved_dirs]
    return [_Taint(p, source.fetch, directory=True, origin=command) for p in (into, *inside)]


def _tree_moved(command: Command, source: _Taint) -> list[_Taint]:
    """Where ``mv``/``cp``/``rsync`` puts a path of a fetched tree (an unpacked archive, a checkout): it may be a
    directory, so everything below where it lands comes from the fetch (``mv go /opt/go``; ``cp -R /tmp/app
    $APP_PATH``, which also lands in ``$APP_PATH/app`` when that exists). A bare system directory (``mv x /opt``)
    is not taken whole: only the moved name under it."""
    ops = operands(command)
    into = ops[-1].text.rstrip("/") or "/"
    out = [
        _Taint(f"{into.rstrip('/')}/{_file_name(w.text)}", source.fetch, directory=True, origin=command)
        for w in ops[:-1]
    ]
    # ``mv blesta/* /home/blesta/public_html/``: every name of the tree lands in the target, so what is below it
    # (any name) may come from the fetch, as when the target is written without its slash
    # (so does ``rsync -a nextcloud/ $DIR``: rsync copies what a source written with its slash holds, not the name)
    everything = any(_file_name(w.text) == "*" for w in ops[:-1]) or (
        command.name == "rsync" and any(len(w.text) > 1 and w.text.endswith("/") for w in ops[:-1])
    )
    if not ((ops[-1].text.endswith("/") and not everything) or _SYSTEM_TOP.match(into)):
        out.append(_Taint(into, source.fetch, directory=True, spelled=_spelling(ops[-1]), origin=command))
    return out


def _source(command: Command, taints: _Taints, last_fetch: Command | None, cwd: str = ".") -> _Taint | None:
    """The fetched file this command reads: an operand (a relative one also under the last ``cd``), or a fetch
    piped into it."""
    if command.piped_from and last_fetch is not None and command.piped_from[-1] == last_fetch.name:
        return _Taint("-", last_fetch)
    if not taints:  # nothing fetched yet: no operand can name a fetched file
        return None
    for word in _read_operands(command) + option_values(command, "-f", "--file"):
        names = [word.text] + ([f"{cwd.rstrip('/')}/{word.text}"] if cwd != "." and word.text[:1] not in "/~$" else [])
        found = _latest_cover(taints, command, names)
        spelled = _spelling(word)
        if found is None and spelled is not None and spelled != word.text:
            found = _spelled_alike(_latest_cover(taints, command, [spelled]))
        if found is not None:
            return found
    return None


def _spelled_alike(taint: _Taint | None) -> _Taint | None:
    """The taint a word's spelling (``"${INSTALL_DIR}/dc-agent"``) matched, when the taint is itself known by a
    spelling through variables: read as a relative path, a spelling matches any fetched file of that base name
    (``/tmp/dc-agent``), which names another file when the word's value is known (holdout138's dc-agent)."""
    if taint is None or not (taint.spelled or "$" in taint.path):
        return None
    return taint


# Commands that create the files they name empty (``rm version.json; touch version.json``): the script fills them
# itself, whatever a fetch left under that name.
_REPLACES = frozenset({"touch", "truncate"})


# tar's keys written old-style, without a dash, as its first word (``tar zxf FILE``, ``tar xvf FILE``).
_TAR_KEYS = re.compile(r"^[A-Za-z]*[xtcru][A-Za-z]*$")


def _read_operands(command: Command) -> list[Word]:
    """The operands that may name a file the command reads: for ``tar``, not the old-style keys (``zxf``), which
    under a ``cd`` into an unpacked tree would read as a file in it; for a copy, move or link, not its destination
    (``cp /tmp/saved.env "$APP/.env"`` writes into the pulled tree, it reads nothing of it), unless ``-t`` names
    the destination directory and every operand is a source."""
    found = operands(command)
    if command.name in ("tar", "bsdtar") and found and command.words[0] is found[0] and _TAR_KEYS.match(found[0].text):
        return found[1:]
    if command.name in _COPIES and len(found) >= 2 and not option_values(command, "-t", "--target-directory"):
        return found[:-1]
    return found


# Commands whose last operand is where they write (``cp SRC… DEST``).
_COPIES = frozenset({"cp", "mv", "ln", "install", "rsync"})


# Where a copied file becomes part of the system: a job, unit or config it runs (``cp x.conf /etc/init/``).
_INSTALLED_INTO = re.compile(r"^/(?:etc|usr|opt|bin|sbin|lib|lib64)/")
# The system's read-only data (fonts, dictionaries, models a program reads: ``/usr/share/tessdata``): not a place
# code runs from (the files every shell sources there are judged by their own directories).
_SHARED_DATA = re.compile(r"^/usr/(?:local/)?share/")


# Tools that run what a directory holds when started in it (install hooks, build scripts, Makefiles; a Gemfile and
# a Rakefile are Ruby, a migration tool runs the directory's migration files).
_BUILDS_HERE = {
    "npm": frozenset({"install", "i", "ci", "run", "run-script"}),
    "yarn": frozenset({"install", "run", "build"}),
    "pnpm": frozenset({"install", "i", "run"}),
    "composer": frozenset({"install", "update", "run-script"}),
    "make": frozenset(),
    "gmake": frozenset(),
    "bundle": frozenset({"install", "update", "check", "exec"}),
    # uv builds and installs the project it is started in (its pyproject's build backend), and runs its commands
    "uv": frozenset({"sync", "run"}),
    "rake": frozenset(),
    # Cargo compiles and runs the crate's build script and proc macros before it builds (``cargo build --release``)
    "cargo": frozenset({"build", "b", "run", "r", "test", "t", "check", "c", "bench"}),
    "phinx": frozenset({"migrate", "rollback", "seed:run"}),
    # a .NET build runs the projects' MSBuild targets and tasks (``dotnet publish Jellyfin.Server``); Go runs the
    # directory's program (``go run build.go``), its ``//go:generate`` commands and its tests (hold-out set 280)
    "dotnet": frozenset({"build", "publish", "run", "test", "pack", "msbuild"}),
    "go": frozenset({"run", "generate", "test"}),
}
# Of those, the tools that only print their usage when given no verb (a bare ``make`` builds, a bare ``go`` does not).
_VERB_NEEDED = frozenset({"dotnet", "go"})


# Options that make a build tool print its version or usage and stop (``composer -V``, ``npm --version``, ``make
# --help``): asked alone, the tool reads nothing of the directory it is started in.
_ONLY_PRINTS = frozenset({"-V", "--version", "-h", "--help"})


def _builds_in(command: Command, cwd: str) -> list[tuple[str, str]]:
    """``cd DIR; yarn install`` (also a bare ``yarn``, ``make``, ``bundle exec rake db:migrate``): the tool runs
    what DIR holds; DIR is ``.`` when the script never changed directory (``git pull`` then ``bundle install``).
    Not a probe of the tool itself (``composer -V | grep version``: is it installed)."""
    verbs = _BUILDS_HERE.get(command.name or "")
    if verbs is None or option_values(command, "-C", "--directory", "--cwd", "--prefix"):
        return []
    if command.words and all(w.text in _ONLY_PRINTS for w in command.words):
        return []
    ops = [w.text for w in operands(command)]
    if len(ops) > 1 and _global_install(command):
        return []  # ``npm install -g npm@latest``: the named packages from the registry, not the directory's
    if command.name == "go" and any(names_module_version(o) for o in ops[1:]):
        return []  # ``go run golang.org/x/tools/cmd/stringer@v0.1.0``: a module from the proxy, not the directory's
    if not ops:
        return [] if command.name in _VERB_NEEDED else [(cwd, "builds and runs what is in it")]
    return [(cwd, "builds and runs what is in it")] if not verbs or ops[0] in verbs else []


# The cluster clients' verbs that create or change what a manifest declares (not ``get``/``diff``/``delete``).
_CLUSTER_APPLIES = frozenset({"apply", "create", "replace"})
_APPLIED = "has the cluster run what its manifests declare (workloads, operators, their images)"


def _applied_manifests(command: Command, cwd: str) -> list[tuple[str, str]]:
    """``git clone …/rook.git`` then ``kubectl apply -f rook/deploy/examples/operator.yaml`` (also ``-k``, ``oc``):
    the cluster runs what the fetched manifests declare. A URL given to ``-f`` is a fetch of its own
    (``cluster_fetches``), not a file of the script's."""
    ops = operands(command)
    if command.name not in ("kubectl", "oc") or not ops or ops[0].text not in _CLUSTER_APPLIES:
        return []
    given = [w.text for w in option_values(command, "-f", "--filename", "-k", "--kustomize")]
    paths = [p for p in given if "://" not in p and p != "-"]
    return [(p if p.startswith(("/", "~", "$")) or cwd == "." else _under(cwd, p), _APPLIED) for p in paths]


# C compilers and linkers: ``-L DIR -lNAME`` links ``DIR/libNAME.so`` (or ``.a``) into the program they build.
_LINKERS = frozenset({"cc", "c++", "gcc", "g++", "clang", "clang++", "ld", "ld.lld", "ld.gold"})
_LINKED = "links it into the programs it builds (every one of them loads or holds its code)"


def _linked(command: Command) -> list[tuple[str, str]]:
    """``cc -L DIR -lNAME``: the shared or static library the linker takes from DIR, which every program built
    with it runs (a Cargo build script's ``rustc-link-lib`` as ``shipgate.preflight.rust_script`` writes it)."""
    if command.name not in _LINKERS:
        return []
    names = [w.text for w in option_values(command, "-l")]
    dirs = [w.text.rstrip("/") for w in option_values(command, "-L")]
    return [(f"{d}/lib{n}{suffix}", _LINKED) for d in dirs for n in names for suffix in (".so", ".a")]


# npm's and pnpm's switches that install into the global prefix rather than the project in the working directory.
_GLOBAL = ("-g", "--global", "--location=global")


def _global_install(command: Command) -> bool:
    """``npm install -g pm2`` (also ``pnpm add -g``, ``npm i --location=global``): the packages it names go into
    the global prefix; the project in the working directory is not built (a bare ``npm install -g`` is: it
    installs that project)."""
    return command.name in ("npm", "pnpm") and any(w.text in _GLOBAL for w in command.words)


# The running script's own mode (``OCTAL_MODE=$(stat -c '%a' "$0")``): the mode of a program, execute bits and all.
_OWN_MODE = re.compile(r"""^\$\(\s*stat\s+(?:-c|-f|--format)\s*['"]?%[aAp]['"]?\s+["']?\$\{?0\}?["']?\s*\)$""")


def _sets_execute(mode: str) -> bool:
    """A chmod mode that lets someone execute the file: symbolic with ``x`` (``+x``, ``u+rwx``), octal with an
    execute bit (``755``, ``0750``), or the running script's own mode (a self-updater's new copy of itself)."""
    if _OWN_MODE.match(mode):
        return True
    if mode.startswith("-"):
        return False
    if mode.isdigit() and len(mode) <= 4 and all(d in "01234567" for d in mode):
        return any(int(d) % 2 for d in mode[-3:])
    return "x" in mode


# An image build's options that take a value (docker/podman/nerdctl build, buildah bud): the context is the operand.
_BUILD_VALUES = frozenset(
    {
        "-t", "--tag", "-f", "--file", "--build-arg", "--target", "--platform", "--label", "--secret", "--ssh",
        "--cache-from", "--cache-to", "--network", "--iidfile", "-o", "--output", "--progress", "--authfile",
        "--format", "--creds", "--build-context", "--add-host", "--cgroup-parent", "--shm-size", "--ulimit",
    }
)  # fmt: skip


# Compose's global options that take a value; a compose file or project directory named elsewhere moves the builds.
_COMPOSE_VALUES = frozenset({"-p", "--project-name", "--env-file", "--profile", "--ansi", "--progress", "-f", "--file"})
_COMPOSE_ELSEWHERE = ("-f", "--file", "--project-directory")


def _compose_build(command: Command) -> bool:
    """``docker compose build``, ``docker-compose up -d --build`` with the project in the working directory: the
    compose file's build contexts (its Dockerfiles) are read from there."""
    if not _compose_here(command):
        return False
    texts = [w.text for w in command.words]
    texts = texts[1:] if command.name in ("docker", "podman") else texts
    verbs = positional_texts(texts, _COMPOSE_VALUES)
    return verbs[:1] == ["build"] or (verbs[:1] == ["up"] and "--build" in texts)


def _compose_up(command: Command) -> bool:
    """``docker-compose up -d`` (``run SERVICE …``) with the project in the working directory: its compose file (a
    fetched checkout's, after a clone or pull of a branch) names the images, the commands, the mounts and the builds
    the start runs."""
    if not _compose_here(command):
        return False
    texts = [w.text for w in command.words]
    texts = texts[1:] if command.name in ("docker", "podman") else texts
    return positional_texts(texts, _COMPOSE_VALUES)[:1] in (["up"], ["run"])


def _builds_in_service(command: Command, cwd: str) -> list[tuple[str, str]]:
    """``docker compose exec -T web composer install`` with the project in the working directory: the project's
    service runs the tool on the project's code (the tree its services are built from and mount), as ``composer
    install`` started in the directory would. Not a container of another project (``-f``, ``--project-directory``)
    nor ``docker exec`` of a container named alone."""
    inner = container_command(command)
    if inner is None or not _compose_here(command):
        return []
    return [(cwd, f"{how} (in the compose project's service)") for _, how in _builds_in(inner, cwd)]


def _compose_here(command: Command) -> bool:
    """A compose command of the project in the working directory (no compose file or project directory named)."""
    texts = [w.text for w in command.words]
    if command.name in ("docker", "podman") and texts[:1] == ["compose"]:
        texts = texts[1:]
    elif command.name not in ("docker-compose", "podman-compose"):
        return False
    for at, t in enumerate(texts):
        option, joined, value = t.partition("=")
        if option not in _COMPOSE_ELSEWHERE:
            continue
        named = value if joined else (texts[at + 1] if at + 1 < len(texts) else "")
        if option == "--project-directory" or not _file_in_working_directory(named):
            return False
    return True


def _file_in_working_directory(name: str) -> bool:
    """``-f docker-compose.prod.yml`` (``./compose.yml``): a compose file of the project in the working directory,
    its build contexts read from there; a path elsewhere (``-f /srv/app/compose.yml``, ``-f ../x.yml``) is not."""
    bare = name[2:] if name.startswith("./") else name
    return bool(bare) and "/" not in bare and "$" not in bare


def _build_context(command: Command, cwd: str) -> str | None:
    """The directory an image build reads (``cd DIR; podman build -t x .``, a compose build of the project there):
    its Dockerfile's steps run what the directory holds."""
    if _compose_build(command):
        return cwd
    if command.name not in ("docker", "podman", "nerdctl", "buildah"):
        return None
    words = [w.text for w in command.words]
    verbs = [w for w in words if not w.startswith("-")][:2]
    if verbs[:1] not in (["build"], ["bud"]) and verbs not in (["image", "build"], ["buildx", "build"]):
        return None
    operands_ = positional_texts(words[len(verbs) if verbs[:1] in (["image"], ["buildx"]) else 1 :], _BUILD_VALUES)
    context = operands_[-1] if operands_ else None
    if context is None or "://" in context:
        return None
    if context in (".", "./"):
        return cwd
    return context if context.startswith(("/", "~", "$")) else f"{cwd.rstrip('/')}/{context}"


def _use(
    command: Command, taints: _Taints, cwd: str = ".", fed: Sequence[Word] = ()
) -> tuple[_Taint, str, str] | None:
    """(taint, target, how) when ``command`` runs, installs or makes executable a fetched file (``fed``: the files
    ``cat`` pipes into it as its program, :func:`_catted_into`)."""
    if not taints:  # nothing fetched yet: every candidate below is looked up among the taints
        return None
    executed = executed_file(command)
    candidates: list[tuple[str, str]] = []
    if executed is not None:
        spelled = _spelling(executed)  # ``"$FULL_PATH/x.sh"`` after another branch reassigned the variable
        candidates += [(executed.text, "runs")] + ([(spelled, "runs")] if spelled not in (None, executed.text) else [])
    if executed is None and command.program is not None and command.program.value == command.name:
        # ``curl -o nodesource_setup.sh URL`` then ``nodesource_setup.sh``: the file saved under that bare name
        same = reversed(list(taints.named({command.name or ""})))  # in the order fetched, as the scan of all was
        candidates += [(t.path, "runs") for t in same if not t.directory and t.path == command.name]
    context = _build_context(command, cwd)
    if context is not None:
        candidates.append((context, "builds an image from it (the Dockerfile's steps run what it holds)"))
    elif _compose_up(command):
        candidates.append((cwd, "starts the compose project it holds (its compose file says what runs, and how)"))
    candidates += _builds_in(command, cwd) + _builds_in_service(command, cwd) + _linked(command)
    candidates += _applied_manifests(command, cwd)
    if cwd != "." and executed is not None and not executed.text.startswith(("/", "~", "$")):
        # ``cd DIR; src/configure``; ``cd $ROOT/phabricator; ../arcanist/bin/arc``: the sibling checkout's file
        candidates.append((_under(cwd, executed.text.removeprefix("./")), "runs"))
    if command.name == "chmod" and any(_sets_execute(w.text) for w in command.words[:1]):
        candidates += [(w.text, "makes executable") for w in operands(command)[1:]]
    if command.name == "install" and len(operands(command)) >= 2:
        # as written and as spelled (``NEW_BIN=$(find . -name app)``, ``install "$NEW_BIN" …``: shell.located)
        sources = operands(command)[:-1]
        candidates += [(t, "installs") for w in sources for t in dict.fromkeys((w.text, _spelling(w))) if t]
    candidates += [(w.text, "has a client run, on its standard input,") for w in _fed_to_runner(command)]
    candidates += [(w.text, "runs") for w in fed]
    if command.name in ("make", "gmake"):
        candidates += [(w.text, "builds and runs what is in it") for w in option_values(command, "-C", "--directory")]
    installs = "installs the package (its maintainer scripts run)"
    candidates += [(w.text, installs) for w in installed_package_files(command)]
    listed = [w.text for w in requirement_lists(command)]
    candidates += [(p, _LISTED) for w in listed for p in dict.fromkeys((w, _in_cwd(cwd, w)))]  # as written, from cwd
    candidates += [(_in_cwd(cwd, w.text), _BUILT) for w in installed_projects(command)]
    if any(startup_file(w.text) for w in written_paths(command)):
        # ``echo 'source ~/.x.sh' >> ~/.bashrc``: every new shell runs the fetched file
        texts = [w.text for w in command.words] + [r.body for r in command.redirects if r.body is not None]
        candidates += [
            (t.path, "has every new shell run it")
            for t in taints
            if not t.directory and any(t.path in text for text in texts)
        ]
    for target, how in candidates:
        found = _latest_cover(taints, command, [target])
        if found is not None:
            return found, target, how
    return None


# ``pip install -r FILE`` of a fetched requirements file, by itself or in a fetched tree (a branch's checkout): the
# list chooses what pip installs, and is the first step that installs from the tree (the corpus rule's first use).
_LISTED = "installs the packages it lists (pip takes whatever the fetched list names)"
# ``pip install .``, ``cpanm --installdeps .`` in a fetched tree: the project's build code runs (project_installs)
_BUILT = "builds and installs the project in it (its setup.py, build backend or Makefile.PL runs)"


def _in_cwd(cwd: str, path: str) -> str:
    """``path`` as named from the working directory: ``.`` is ``cwd``, a relative path is under it."""
    if path.rstrip("/") in (".", ""):
        return cwd
    if cwd == "." or path.startswith(("/", "~", "$", "`")):
        return path.removeprefix("./")
    return _under(cwd, path.removeprefix("./"))


def _fed_to_runner(command: Command) -> list[Word]:
    """The file on the standard input of a database client or a shell, which runs what it reads: ``mariadb app <
    init.sql``, also in a container (``docker exec -i db mariadb app < init.sql``, ``docker exec -i db sh -c "psql
    …" < schema.sql``: the shell's stdin is its command's), ``bash < install.sh`` (holdout138)."""
    inner = container_command(command) or command
    if inner.name not in DB_CLIENTS and inner.name not in SHELL_RUNNERS:
        return []
    return [r.target for r in command.redirects if r.op == "<" and r.target is not None]


def _catted_into(reader: Command, before: Command | None) -> list[Word]:
    """The files ``cat`` pipes into a shell that reads its program from standard input: ``cat rvm.sh | bash -s
    stable`` runs ``rvm.sh`` as ``bash < rvm.sh`` does (holdout270); not an interpreter given its program by an
    option or module (``cat data.json | python3 -m json.tool``: the file is its data), nor ``source``."""
    if before is None or before.name != "cat" or reader.piped_from != (*before.piped_from, "cat"):
        return []
    if reader.name not in SHELL_RUNNERS or reader.name in ("source", ".") or program_given(reader):
        return []
    given = operands(reader)
    # ``bash install.sh`` runs its operand, the piped text is its input; ``bash -s ARGS`` and ``-`` read stdin
    dash_s = reader.name in _SH_FAMILY and any(_SHELL_STDIN.match(w.text) for w in reader.words)
    stdin = not given or given[0].text == "-" or dash_s
    return operands(before) if stdin else []


_SHELL_STDIN = re.compile(r"^-[a-rt-z]*s[a-z]*$")  # a shell's ``-s`` (alone or with other one-letter options)
_SH_FAMILY = frozenset({"sh", "bash", "dash", "zsh", "ksh", "ash"})


_HANDED = "hands it to a program it fetched too, which installs it"


def _handed_to_fetched(command: Command, taints: _Taints) -> list[_Taint]:
    """Fetched files named on the command line of a run of another fetched file (``"$W/install.sh" --tar
    "$W/app.tgz"``, both downloaded): the fetched installer does with the payload what it does (holdout124's
    StudioCommand). Not a run of a program the script did not fetch, which may only read its operand."""
    executed = executed_file(command)
    if executed is None or _latest_cover(taints, command, [executed.text]) is None:
        return []
    found = (_latest_cover(taints, command, [w.text]) for w in command.words if w.text != executed.text)
    return [t for t in found if t is not None and not t.directory and t.path != executed.text]


def _called_bodies(script: Script) -> dict[str, list[Command]]:
    """Function bodies by name (a call below the body runs it then, after what the script fetched above)."""
    bodies: dict[str, list[Command]] = {}
    for c in script.commands:
        if c.function is not None:
            bodies.setdefault(c.function, []).append(c)
    return bodies


def _written_after(own: list[tuple[int, str]], taint: _Taint, target: str, fetched_at: dict[int, int]) -> bool:
    """The file run or made executable is one the script wrote itself after the fetch (a start script appended into
    a cloned tree), or lies in a directory it made (a ``path/`` entry: ``python3 -m venv .venv`` in the clone, then
    ``source .venv/bin/activate``): its content is the script's, not the download's."""
    after = fetched_at.get(id(taint.fetch), 0)
    return any(
        place > after and (path.rstrip("/") == target.rstrip("/") or (path.endswith("/") and target.startswith(path)))
        for place, path in own
    )


def _runs_in_body(call: Command, body: list[Command], taints: _Taints, cwd: str) -> tuple[_Taint, str, str] | None:
    """A fetched file the called function's body runs (``get() { ( cd kubernetes; ./cluster/up.sh ) }`` called
    after the download), the body's ``cd`` followed."""
    if not taints or any(c.line >= call.line for c in body):
        return None
    for command in body:
        if command.name in ("cd", "pushd") and len(operands(command)) == 1:
            cwd = _changed_dir(cwd, operands(command)[0].text)
        used = _use(command, taints, cwd)
        if used is not None:
            return used
    return None


def _copied_over(command: Command, source: _Taint) -> bool:
    """``cp monitoring-agent "$INSTALL_DIR/"`` where the download was saved as ``$INSTALL_DIR/monitoring-agent``:
    the copy's destination is the fetched file itself, so its source, matched by base name only, is another file
    (a local fallback copied over the download's place; a file copied onto itself is an error), not the download
    (holdout171's monitoring agent)."""
    if command.name not in ("cp", "mv", "install") or source.directory or len(operands(command)) != 2:
        return False
    first, into = (w.text for w in operands(command))
    if first.startswith(("/", "$", "~")) or "/" in first.rstrip("/"):
        return False
    target = into + posixpath.basename(first) if into.endswith("/") else into
    return target.startswith("/") and target == source.path


def _moved_from_start_dir(command: Command, source: _Taint, cwd: str) -> bool:
    """``wget -O /tmp/gitea URL`` then ``mv gitea /usr/local/bin`` with no ``cd`` before it: the bare name is a file
    of the directory the script was started in, which the script does not put the download in, so it names another
    file than the one saved under its absolute path (holdout230's Gitea installer). A ``cd`` into any directory
    first, a path with a directory part, or a download saved under a relative or variable path keep the base-name
    match (``path_matches``)."""
    if command.name not in ("cp", "mv", "install", "ln") or cwd != "." or source.directory:
        return False
    sources = [w.text for w in operands(command)[:-1]]
    saved = source.path.strip()
    if not saved.startswith("/") or "$" in saved or posixpath.dirname(saved) in ("", "/"):
        return False
    return bool(sources) and all("/" not in s and "$" not in s and s == posixpath.basename(saved) for s in sources)


def _placed(command: Command, source: _Taint, reported: set[int], checked: Callable[[_Taint], bool]) -> Iterator[Run]:
    """A fetched file moved, copied or linked into a ``bin`` directory, or copied or linked under ``/etc``, ``/usr``,
    ``/opt``… or into a database image's init directory (``COPY --from=builder /tmp/dump.sql
    /docker-entrypoint-initdb.d``: run at first start), or a fetched tree copied over a web root, with no check since
    its fetch (once per fetch: ``reported`` holds the fetches' lines)."""
    into = operands(command)[-1].text
    kept = _configuration(into, source) or _data(into, source)
    placed = command.name in ("cp", "ln", "mv") and _INSTALLED_INTO.match(into) and not _SHARED_DATA.match(into)
    placed = (placed or _DB_INIT_DIR.match(into) is not None) and not kept
    # a path of an unpacked archive or a checkout moved into where the product runs from (``mv go /opt/go``)
    product = _PRODUCT_DIR.match(into) or _WEB_ROOT.match(into)
    placed = placed or (source.directory and product is not None and not kept)
    on_path = _BIN_FILE.search(into) or _bin_directory(into) or _moves_a_bin(command)
    on_path = on_path or (not source.directory and not kept and _BIN_FOLDER_FILE.search(into) is not None)
    if not (placed or on_path) or source.fetch.line in reported or checked(source):
        return
    reported.add(source.fetch.line)
    verb = {"mv": "moves", "cp": "copies", "ln": "links", "rsync": "copies"}[command.name or "cp"]
    how = "installs a fetched file as" if placed else f"{verb} it into a bin directory as"
    how = "installs part of a fetched tree into" if placed and source.directory else how
    how = _DB_INIT_HOW if _DB_INIT_DIR.match(into) else how
    yield Run(command, command.line, source.fetch, into, how)


def _over_own_code(
    script: Script, command: Command, source: _Taint, cwd: str, *, reported: set[int], checked: Callable[[_Taint], bool]
) -> Iterator[Run]:
    """An updater's ``mv``/``cp`` of a fetched file onto a program file of its working directory (``wget -O
    "$file.new" "$REPO_URL/$file"`` then ``mv "$file.new" "$file"`` for each of its ``.py`` files): the code the
    product runs next replaced with no check since the fetch (``shell.program_dirs.replaces_own_code``)."""
    if command.name not in ("mv", "cp") or source.directory or source.fetch.line in reported:
        return
    into = operands(command)[-1].text
    if not replaces_own_code(script.path, into, cwd) or checked(source):
        return
    reported.add(source.fetch.line)
    yield Run(command, command.line, source.fetch, into, "writes over the installation's own code")


# Configuration by its name: systemd units, and settings files (``maddy.conf``, ``postal.yml``): a service reads them,
# nothing runs them (docs/preflight.md, ``unverified_download_exec``). Not in an init directory, where a ``.conf``
# is an Upstart job (``/etc/init/nginx-reloader.conf``).
_CONFIG_NAME = re.compile(
    r"\.(?:service|socket|timer|path|mount|target|conf|cfg|ini|ya?ml|json|toml|properties|ovpn)$"
)  # ``.ovpn``: an OpenVPN client profile, served to the clients that read it (holdout190)
_INIT_DIRS = ("/etc/init/", "/etc/init.d/", "/etc/rc.d/")


# Data by its name: fonts, images and documents a program reads (a font cache, a viewer), none of which is run.
_DATA_NAME = re.compile(r"\.(?:ttf|otf|ttc|woff2?|pcf|png|jpe?g|gif|svg|ico|txt|md|pdf)$", re.IGNORECASE)


def _placed_name(into: str, source: _Taint) -> str:
    """The name of the file put in place: the destination's, or the fetched file's when the destination is a
    directory (a whole fetched tree copied in has no one file's name)."""
    whole_tree = into.endswith("/") and source.directory
    name = "" if whole_tree else source.path if into.endswith("/") else into
    return posixpath.basename(name.rstrip("/"))


def _configuration(into: str, source: _Taint) -> bool:
    """The file put under ``/etc``/``/usr`` is a unit or settings file, outside an init directory."""
    return _CONFIG_NAME.search(_placed_name(into, source)) is not None and not into.startswith(_INIT_DIRS)


def _data(into: str, source: _Taint) -> bool:
    """The file put under ``/usr``… is a font, an image or a document (``/usr/share/fonts/x.ttf``): read, not run."""
    return _DATA_NAME.search(_placed_name(into, source)) is not None


def _into_program_tree(
    command: Command,
    source: _Taint,
    derived: list[_Taint],
    programs: frozenset[tuple[str, str]],
    checked: Callable[[_Taint], bool],
) -> list[Run]:
    """The archive unpacked into the directory of a program the script runs, or below it (plug-ins it loads), with
    no check since its fetch; not an archive named as settings. Reported only when no later step of the script
    runs or installs what it holds (that step is the clearer one). A saved archive (not one streamed from its
    fetch, a build's source tree: holdout94's openvpn role) unpacked into a directory a play's variable names is the
    role's install (``get_url`` then ``unarchive``: session 31)."""
    if settings_archive([source.path] + [w.text for w in operands(source.fetch)]) or checked(source):
        return []
    saved = not set(command.piped_from) & FETCHERS
    trees = [
        d
        for d in derived
        if d.directory
        and any(in_program_tree(p, programs) or (saved and role_directory(p)) for p in (d.path, d.spelled) if p)
    ]
    where = "a directory the product runs from"
    return [Run(command, command.line, source.fetch, trees[0].path, f"unpacks it into {where}")] if trees else []


def _over_own_tree(
    script: Script, command: Command, source: _Taint, derived: list[_Taint], checked: Callable[[_Taint], bool]
) -> list[Run]:
    """An updater's unpack of the download into the directory it runs in: over the installation it updates, the
    code that runs next, with no run needed in the file; reported only when nothing else in the script is."""
    into = [d.spelled or d.path for d in derived if d.directory]
    if not updates_own_tree(script.path, command, into) or checked(source):
        return []
    if settings_archive([source.path] + [w.text for w in operands(source.fetch)]):
        return []
    where = next((d for d in into if anchored_on_script(d)), "the working directory")  # the script's own tree
    return [Run(command, command.line, source.fetch, where, "unpacks it over the installation in")]


def _directory_kind(path: str) -> str:
    """How a finding names the directory an archive was unpacked into."""
    if _ROOT_DIR.match(path):
        return "the root directory (its tree lands in the system's directories)"
    if _WEB_ROOT.match(path):
        return "the web server's document root"
    return "a system directory" if _SYSTEM_DIR.match(path) else "a directory the product runs from"


def _installed_tree(command: Command, derived: list[_Taint]) -> _Taint | None:
    """The unpacked tree that lands where the system or the product runs from: a system directory, ``/app``, or the
    root directory named as the target (``tar -C / -xf overlay.tar.xz`` fills ``/usr``, ``/etc``… with what the
    archive holds; an archive merely unpacked in an image stage's default ``/`` keeps its own top directory)."""
    over_root = any(_ROOT_DIR.match(w.text) for w in written_paths(command))
    landed = (
        d for d in derived if d.directory and (_PRODUCT_DIR.match(d.path) or (over_root and _ROOT_DIR.match(d.path)))
    )
    return next(landed, None)


def _bin_directory(path: str) -> bool:
    """A directory of programs on the PATH (``$HOME/bin``, ``~/.local/bin``, ``bin``): an archive unpacked there,
    with ``-C`` or into the directory of the last ``cd`` (``cd "$BIN"; tar xzf x.tgz``), installs its programs; a
    fetched tree moved or copied to one (``mv app-v1.2 bin``, the release renamed to the folder it is run from)."""
    return posixpath.basename(path.rstrip("/")) in ("bin", "sbin")


def _into_libraries(
    command: Command, source: _Taint, derived: list[_Taint], checked: Callable[[_Taint], bool]
) -> list[Run]:
    """The archive unpacked into a directory of native libraries (``lib``, ``libs``, ``lib64``), with no check since
    its fetch: shared objects the product loads at its next start (holdout251's piper-php unpacks libpiper and
    onnxruntime into the package's ``libs/``, loaded through FFI). Reported only when no later step of the script
    runs or installs what it holds (a ``chmod +x`` of a program unpacked there is the clearer step)."""
    if checked(source):
        return []
    into = next((d for d in derived if d.directory and posixpath.basename(d.path.rstrip("/")) in _LIBRARY_DIRS), None)
    where = "a library directory the product loads from"
    return [Run(command, command.line, source.fetch, into.path, f"unpacks it into {where}")] if into else []


_LIBRARY_DIRS = ("lib", "libs", "lib64")


# The user's install prefix, the per-user ``/usr/local`` (``$HOME/.local``, ``~/.local``; XDG puts its ``bin`` on the
# PATH): an archive unpacked there lands its programs in ``bin`` below it or a toolchain tree whose ``bin`` the
# installer adds (holdout182's Go toolchain).
_USER_PREFIX = re.compile(r"""^["']?(?:~|\$\{?HOME\}?)["']?/\.local/?$""")


def _user_prefix(tree: _Taint) -> bool:
    """The unpacked tree is the user's install prefix itself (``tar -C "$HOME/.local" -xzf go.tar.gz``)."""
    return tree.directory and _USER_PREFIX.match(tree.path) is not None


def _moves_a_bin(command: Command) -> bool:
    """``mv "$EXTRACT_DIR/pulumi/bin" "$HOME/.pulumi/"``: the unpacked ``bin`` directory itself is put in place,
    where it becomes the product's bin directory (the PATH line the installer adds names it)."""
    ops = operands(command)
    return len(ops) == 2 and posixpath.basename(ops[0].text.rstrip("/")) in ("bin", "sbin")


def _system_value(script: Script, command: Command, fetch: Command) -> _Taint | None:
    """The unpack target is a variable one of whose literal values is a system directory (``tar -C "$out_dir"``
    with ``out_dir='/opt'`` by default and ``'/Applications'`` on macOS) or a web root (``HTML=/var/www/html``):
    the archive lands there on some hosts."""
    for word in written_paths(command):
        if len(word.expands) != 1 or word.raw.strip("\"'${}") != word.expands[0]:
            continue
        values = (a.value for a in script.bindings(word.expands[0]) if a.value)
        found = next((v for v in values if _SYSTEM_DIR.match(v) or _WEB_ROOT.match(v)), None)
        if found is not None:
            return _Taint(found, fetch, directory=True, origin=command)
    return None


# The running script's own path: ``$0``, ``$(readlink -f "$0")``, ``$(realpath "$0")``.
_OWN_PATH = re.compile(r"""^(?:\$\{?0\}?|\$\((?:readlink\s+-[fem]|realpath)\s+["']?\$\{?0\}?["']?\s*\))$""")


def _reruns_itself(command: Command, taints: _Taints, own: str) -> tuple[_Taint, str, str] | None:
    """``wget URL -O update.sh`` in ``update.sh``, then ``exec "$0"`` (``exec ${THIS_SCRIPT}`` with
    ``THIS_SCRIPT=$(readlink -f "$0")``): the script replaced itself with the download and runs it."""
    ran = executed_file(command) or command.program
    if ran is None or not _OWN_PATH.match(ran.text):
        return None
    found = next((t for t in reversed(taints) if not t.directory and posixpath.basename(t.path) == own), None)
    return (found, found.path, "re-runs itself, replaced by") if found is not None else None


def _made_executable(script: Script) -> frozenset[str]:
    """The paths a ``chmod`` of the script makes executable (``chmod +x /opt/tool/tool``)."""
    return frozenset(
        w.text
        for c in script.commands
        if c.name == "chmod" and any(_sets_execute(w.text) for w in c.words[:1])
        for w in operands(c)[1:]
    )


def _saved(
    command: Command,
    taints: _Taints,
    reported: set[int],
    fetch: Command | None = None,
    files: Sequence[Word] = (),
    *,
    chmodded: frozenset[str] = frozenset(),
    checked: Callable[..., bool] | None = None,
) -> Iterator[Run]:
    """The files a fetch saves (``files`` when ``tee`` saves them from the fetch's output), added to ``taints``; one
    saved straight into a bin directory or as a program into its install directory (unless a ``chmod`` in
    ``chmodded`` makes it executable later: the program is put to use there), or where every new shell sources it,
    is put to use at once. A program saved into a bin directory that a later check names (``checked(taint,
    ahead=True)``: gosu's ``gpg --verify`` of its ``.asc`` before its ``chmod +x``) is followed to its use instead."""
    fetch = fetch or command
    for word in files or downloaded_files(command):
        scope = command.function if _ARGUMENT_PATH.match(word.text) else None
        taint = _Taint(word.text, fetch, scope=scope)
        taints.append(taint)
        if _BIN_FILE.search(word.text) and not word.text.endswith(_NOT_PROGRAM) and not _STAGED.search(word.text):
            if checked is not None and checked(taint, ahead=True):
                continue
            yield Run(command, command.line, fetch, word.text, "saves it into a bin directory")
            reported.add(fetch.line)
        elif _PROGRAM_FILE.match(word.text) and "." not in posixpath.basename(word.text) and word.text not in chmodded:
            yield Run(command, command.line, fetch, word.text, "saves it as a program in its install directory:")
            reported.add(fetch.line)
        elif loaded_plugin(word.text):
            yield Run(command, command.line, fetch, word.text, "saves it where the runtime loads code from:")
            reported.add(fetch.line)
        elif _SOURCED.search(word.text):
            yield Run(command, command.line, fetch, word.text, "saves it where every new shell sources it:")
            reported.add(fetch.line)


def _program_archives(command: Command, files: Sequence[Word]) -> Iterator[tuple[Run, _Taint]]:
    """A fetch saved as a program archive its runtime runs whole (``curl -o server/paper.jar``), or into a database
    image's init directory (``ADD URL /docker-entrypoint-initdb.d/``): what the next start runs, with no check unless
    one follows (judged once the script is read: ``ADD --checksum=`` is the check after the save)."""
    for word in files or downloaded_files(command):
        taint = _Taint(word.text, command)
        if program_archive(word.text):
            yield Run(command, command.line, command, word.text, "saves a program its runtime runs as"), taint
        elif _DB_INIT_DIR.match(word.text) and not _data(word.text, taint):
            yield Run(command, command.line, command, word.text, _DB_INIT_HOW), taint


def _service_runs(
    script: Script,
    command: Command,
    taints: _Taints,
    services: Services[_Taint],
    writer: Command | None,
) -> tuple[_Taint, str] | None:
    """A service definition the script wrote, whose program is a fetched file (an init script's ``DAEMON=`` in a
    clone), registered or started by ``command`` (service_files); notes the definitions ``command`` writes or moves."""
    if not taints:
        return None
    for path, programs in written_services(script, command, writer):
        for program in programs:
            found = _latest_cover(taints, command, [program])
            if found is not None:
                services.add(path, program, found)
    services.moved(command)
    started = services.started(command)
    return (started[1], started[0]) if started is not None else None


def _located(script: Script, command: Command, taints: _Taints, unnamed: dict[str, Command], cwd: str) -> list[_Taint]:
    """The variables a ``find`` fills when it searches a fetched tree, or the directory a fetch saved into under a
    name not known (shell.located): each names the fetched file, as its spelling (``$F``, ``$F/install.sh``)."""
    names = located_variables(script, command)
    if not names:
        return []
    for root in search_roots(command):
        where = _changed_dir(cwd, root.text) if root.text not in (".", "./") else cwd
        fetch = unnamed.get(where)
        if fetch is None:
            tree = _latest_cover(taints, command, [f"{where.rstrip('/')}/x"])
            fetch = tree.fetch if tree is not None and tree.directory else None
        if fetch is not None:
            return [_Taint(f"${name}", fetch, directory=True, spelled=f"${name}", origin=command) for name in names]
    return []


def _resolved(script: Script, command: Command, taints: _Taints, cwd: str) -> list[_Taint]:
    """The variables assigned a path ``realpath``/``readlink -f`` resolves inside a fetched tree (``BUILD_DIR=$(realpath
    -e "$TMP_DIR"/build)`` after an archive was unpacked into ``$TMP_DIR``): each is a tree of the fetch, named by its
    value as the words that use it spell it (``$(realpath …)/*.sh``) and by ``$NAME``."""
    paths, filled = resolved_paths(script, command)
    for path in paths:
        names = [f"{_changed_dir(cwd, p).rstrip('/')}/x" for p in (path.text, _spelling(path)) if p]
        tree = _latest_cover(taints, command, names)
        if tree is not None and tree.directory:
            return [
                _Taint(a.shape or f"${a.name}", tree.fetch, directory=True, spelled=f"${a.name}", origin=command)
                for a in filled
            ]
    return []


def _replaced_programs(command: Command, taints: _Taints) -> dict[str, _Taint]:
    """The programs ``cp``/``mv``/``ln`` puts in place from a fetch, by name (``cp -r "$tmp"/{static,app} .``
    gives ``app``): a service of that name started or restarted after it runs the fetched program (service_files:
    ``systemctl restart app``)."""
    found: dict[str, _Taint] = {}
    for word in operands(command)[:-1]:
        taint = _latest_cover(taints, command, [word.text])
        name = _file_name(word.text)
        if taint is not None and name and not name.endswith(_NOT_PROGRAM) and not _CONFIG_NAME.search(name):
            found[name] = taint
    return found


def _restarts_replaced(
    command: Command, replaced: dict[str, _Taint], reported: set[int], checked: Callable[[_Taint], bool]
) -> Iterator[Run]:
    """``systemctl restart app`` after a fetched ``app`` was copied over the installed one: the service runs it."""
    name = next((n for n in started_names(command) if n in replaced), None)
    if name is None or replaced[name].fetch.line in reported or checked(replaced[name]):
        return
    reported.add(replaced[name].fetch.line)
    yield Run(
        command, command.line, replaced[name].fetch, name, "(re)starts the service that runs the program it replaced,"
    )


def _restarts_stopped(
    command: Command,
    stopped: dict[str, int],
    updated: tuple[int, _Taint] | None,
    reported: set[int],
    checked: Callable[[_Taint], bool],
) -> Iterator[Run]:
    """``systemctl stop app; git pull; systemctl start app``: a service the script stopped before it cloned or
    pulled a checkout, and starts again after, runs what the update brought (it is stopped so that the update can
    replace its code). Not a service stopped only after the update, nor one never stopped."""
    if updated is None:
        return
    at, tree = updated
    name = next((n for n in started_names(command) if stopped.get(n, at) < at), None)
    if name is None or tree.fetch.line in reported or checked(tree):
        return
    reported.add(tree.fetch.line)
    yield Run(command, command.line, tree.fetch, tree.path, f"starts {name} again (stopped for the update) on")


# Web servers and proxies: restarted after a pull they serve its files or forward to its program, running none of it.
_WEB_SERVERS = frozenset({"nginx", "apache2", "httpd", "caddy", "haproxy", "lighttpd", "traefik"})
# Commands that only print, wait or test (a message before the restart, the ``id -u`` of a root test): no step
_ONLY_SAYS = frozenset({"echo", "printf", "sleep", "true", ":", "id", "whoami", "[", "test"})
_MAX_SAID = 8


def _restarts_checkout(
    command: Command,
    updated: tuple[int, _Taint] | None,
    place: int,
    reported: set[int],
    checked: Callable[[_Taint], bool],
    *,
    order: Sequence[Command],
) -> Iterator[Run]:
    """``git clone URL/VPNizator.git`` (or a pull into ``/srv/app``) then ``systemctl restart vpnizator``: a service
    named as the checkout's directory, started or restarted after the clone or pull, runs the code it brought (the
    checkout is the service's; the restart is why the script updated it). So does any service restarted or started
    as the very next step after the pull (``git pull`` then ``sudo systemctl restart hbank.service``, ``pm2 restart
    app``: the corpus README's rule for a service started on a pulled branch, session 30; in ``order``, the commands
    run since the pull, may only print or test: ``echo Restarting``, the ``id -u`` of ``if [ "$(id -u)" = 0 ]``,
    holdout193's Fabric release), not one only reloaded
    (``systemctl reload app`` re-reads its settings), nor a web server (``nginx``: it serves the files). Not a
    service of another name later on, nor one only enabled for the next boot (``place``: the command's place in the
    run order)."""
    if updated is None or not restarts(command):
        return
    tree = updated[1]
    own = posixpath.basename(tree.path.rstrip("/")).removesuffix(".git").lower()
    if tree.fetch.line in reported:
        return
    started = started_names(command)
    name = next((n for n in started if own and "$" not in own and n.lower() == own), None)
    between = range(updated[0] + 1, place)  # at most a few messages and tests: a bounded look back
    next_step = len(between) <= _MAX_SAID and all(order[j].name in _ONLY_SAYS for j in between)
    if name is None and next_step and not any(w.text == "reload" for w in command.words):
        # the step right after the pull: the restart is why the script pulled (not a web server's: it serves files)
        names = started or [w.text for w in operands(command)[1:2]]  # ``pm2 restart app``
        name = next((n for n in names if n.lower().removesuffix(".service") not in _WEB_SERVERS), None)
    if name is None or checked(tree):
        return
    reported.add(tree.fetch.line)
    yield Run(command, command.line, tree.fetch, tree.path, f"(re)starts {name}, the service of the checkout")


def _starts_fetched_unit(
    command: Command, taints: _Taints, reported: set[int], checked: Callable[[_Taint], bool]
) -> Iterator[Run]:
    """``curl -o /etc/systemd/system/app.service URL/main/app.service`` then ``systemctl start app``: the start runs,
    as root, what a branch's unit file says (``started_units``), with no check since its fetch."""
    for name in started_now(command):
        taint = _latest_cover(taints, command, unit_files(name))
        # saved into a unit directory as written (a bare name saved wherever the shell is matches any directory)
        fetched = taint is not None and not taint.directory and taint.path.startswith("/") and from_branch(taint.fetch)
        if taint is None or not fetched or taint.fetch.line in reported or checked(taint):
            continue
        reported.add(taint.fetch.line)  # reported at the download: the unit file the start (line given) runs
        how = f"saves from a moving branch, for the start on line {command.line}, the unit file"
        yield Run(taint.fetch, taint.fetch.line, taint.fetch, taint.path, how)


def _starts_on_fetched_settings(
    command: Command, taints: _Taints, reported: set[int], checked: Callable[[_Taint], bool]
) -> Iterator[Run]:
    """``curl -o /etc/squid/squid.conf URL/main/config/squid.conf`` then ``systemctl restart squid``: the start runs
    the service, as root, on the settings a moving branch serves (an ``sshd_config``, an OpenVPN server's ``up``
    script), saved straight into the service's ``/etc`` directory with no check since the fetch; reported at the
    download, as a fetched unit file is."""
    for name in started_now(command):
        where = settings_directory(name)
        saved = [t for t in taints if where and t.origin is None and not t.directory and t.path.startswith(where)]
        for taint in saved:
            if taint.fetch.line in reported or not taint.seen_by(command) or not from_branch(taint.fetch):
                continue
            if checked(taint):
                continue
            reported.add(taint.fetch.line)
            how = f"saves from a moving branch, for the start on line {command.line}, the settings file"
            yield Run(taint.fetch, taint.fetch.line, taint.fetch, taint.path, how)


def _named_by_pattern(command: Command, fetch: Command | None) -> _Taint | None:
    """A file read by a glob in the directory a fetch saved into under a name not known (``curl -sLO "$URL"`` then
    ``tar xzf ./kustomize_v*_linux_amd64.tar.gz``): the pattern names the download."""
    if fetch is None:
        return None
    listed = _urls_from_list(fetch)
    for word in _read_operands(command):
        # a relative pattern, or a bare file name pattern (``"${app^}".*.tar.gz``): a file of the working directory
        if any(c in word.text for c in "*?[") and ("/" not in word.text or not word.text.startswith(("/", "~", "$"))):
            return _Taint(word.text, fetch, origin=command)
        if listed and _BARE_NAME.match(word.text):
            return _Taint(word.text, fetch, origin=command)
    return None


# A file named alone, with no directory or expansion (``openbin``): one of the working directory's.
_BARE_NAME = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.+-]*$")


def _urls_from_list(fetch: Command) -> bool:
    """``wget -i FILE`` (``-qi -``: standard input, an API answer piped in): the URLs, and so the names the files are
    saved under, come from the list; a bare file name the script then uses in that directory is one of them
    (holdout173's openbin, ``… | wget -qi -`` then ``chmod +x openbin``)."""
    return fetch.name == "wget" and (has_flag(fetch, "-i") or bool(option_values(fetch, "-i", "--input-file")))


def _printed(fetch: Command, printers: dict[str, frozenset[str]]) -> list[_Taint]:
    """The fetched file as the output of each function that prints its path (shell.printed_paths): the fetch's
    own function, and those that end by calling it."""
    if fetch.function is None or not downloaded_files(fetch):
        return []
    return [_Taint(f"$({name}", fetch, printer=name) for name, ends in printers.items() if fetch.function in ends]


def _echoed(command: Command, taints: _Taints) -> list[_Taint]:
    """A function's closing ``echo "$dir"`` of a fetched file or a tree unpacked from one: each ``$(function …)``
    word of its callers names it."""
    for word in operands(command):
        spelled = _spelling(word)  # ``echo "$d"`` of a ``d=$(find "$tmp" …)`` the find filled: named as spelt
        found = _latest_cover(taints, command, [word.text, *([spelled] if spelled else [])])
        if found is not None and command.function is not None:
            printer = command.function
            return [_Taint(f"$({printer}", found.fetch, found.directory, origin=command, printer=printer)]
    return []


def _fetches_to_file(command: Command) -> bool:
    """A fetch that may save a file (what it saves is asked once the call's arguments are bound: ``wget "$1"``)."""
    return command.name in FETCHERS and not _sends(command)


def _saved_by_call(call: Command, saving: dict[int, list[Command]]) -> list[Word]:
    """Where a download wrapper saves what this call fetches: its body's ``-o``/``-O`` (or ``>``) target with the
    call's arguments bound (``fetch() { curl -fsSL "$1" -o "$2"; }`` called as ``fetch URL /tmp/x.tgz``)."""
    return [
        w for fetch in saving.get(id(call), ()) for w in downloaded_files(fetch) if not _ARGUMENT_PATH.match(w.text)
    ]


def wrapper_saves(script: Script, calls: list[Command]) -> dict[int, list[Command]]:
    """id of a download wrapper's call -> its body's fetches bound to the call's arguments (``bound_calls``), also
    through a wrapper that hands all its arguments to others (``http_download "$tmp/x.tgz" URL`` whose body runs
    ``http_download_curl "$@"``: the inner body's ``curl -o "$local_file"`` saves ``$tmp/x.tgz``); one such hop."""
    forwarded = forwarding_functions(script)
    handed = {
        id(call): [dataclasses.replace(call, name=inner) for inner in sorted(forwarded[call.name or ""])]
        for call in calls
        if call.name in forwarded
    }
    inner_calls = [h for hs in handed.values() for h in hs]
    saving = bound_calls(script, _fetches_to_file, calls + inner_calls)
    for key, hs in handed.items():
        through = [b for h in hs for b in saving.pop(id(h), ())]
        if through:
            saving.setdefault(key, []).extend(through)
    return saving


def fetched_code_runs(script: Script) -> Iterator[Run]:
    """Each fetch whose file (or what is unpacked from it) is run or installed with no check in between; one per
    destination across exclusive branches (``if aarch64 … mv … /usr/sbin/urbit; elif x86_64 … mv … /usr/sbin/urbit``:
    one program per host, fetched for its architecture)."""
    placed: dict[str, list[Run]] = {}  # destination -> the runs reported there
    for run in _fetched_code_runs(script):
        there = placed.setdefault(run.target, [])
        # alternative fetches (each in its own branch) of one destination; not a file fetched once before the
        # branch and fetched again in the other branch (``if [ -f x.sql ]; then run; else curl -o x.sql; run; fi``)
        if any(exclusive(run.command.arms, p.command.arms) and exclusive(run.fetch.arms, p.fetch.arms) for p in there):
            continue
        there.append(run)
        yield run


def _fetched_code_runs(script: Script) -> Iterator[Run]:
    """Each fetch followed through the script, command by command in call order, to a command that runs or installs
    what it saved with no check in between (``_Following.step``); then the runs judged only once the whole script is
    read (``_Following.judged_at_end``). A script in which nothing fetches is not followed at all."""
    wrappers = network_functions(script)
    forwards = forwarding_tools(script)
    runners = argument_runners(script)
    cloners = _clone_functions(script)
    fetching = FETCHERS | {"git"} | wrappers | set(cloners) | set(forwards) | runners
    unseen = unseen_functions_possible(script)  # a sourced file's function may check out a repository (checkout_calls)
    if not unseen and not any(c.name in fetching for c in script.commands):
        return  # nothing here fetches: there is nothing to follow
    following = _Following(
        script, wrappers=wrappers, forwards=forwards, runners=runners, cloners=cloners, fetching=fetching, unseen=unseen
    )
    for i, command in enumerate(following.order):
        yield from following.step(i, command)
    yield from following.judged_at_end()


class _Following:
    """The state of one script's reading for ``_fetched_code_runs``: what was fetched (``taints``) and where in the
    call order, the working directory, the fetches already reported, the services, programs and checkouts a fetch
    replaced, and the runs kept to be judged at the end. ``i`` and ``command`` are the place and command being read:
    ``checked`` asks about the commands between a fetch and them."""

    i: int
    command: Command

    def __init__(
        self,
        script: Script,
        *,
        wrappers: frozenset[str],
        forwards: dict[str, str],
        runners: Runners,
        cloners: dict[str, int],
        fetching: frozenset[str],
        unseen: bool,
    ) -> None:
        self.script = script
        self.wrappers = wrappers
        self.forwards = forwards
        self.cloners = cloners
        self.fetching = fetching
        self.unseen = unseen
        self.defined = defined_functions(script)
        self.taints = _Taints()
        self.reported: set[int] = set()
        self.last_fetch: Command | None = None
        self.cwd = self.raw_cwd = "."  # the working directory, and the last ``cd`` target as written (a relative one)
        self.bodies = _called_bodies(script)
        # each call read as the command it runs: ``ensure downloader "$url" "$file"`` saves what downloader saves
        order = [run_through(c, runners) for c in in_call_order(script, wrappers | frozenset(cloners))]
        order = once_arms(order, script)  # a function called twice may take a different arm each time
        # a body run as written (a download helper's) read with its function's one call's arguments (shell.call_order)
        self.order = bound_single_calls(order, script)
        self.saving = wrapper_saves(script, [c for c in self.order if c.name in wrappers]) if wrappers else {}
        self.fetched_at: dict[
            int, int
        ] = {}  # id of a fetch -> its place in ``order``: a check runs between it and a use
        self.own: list[tuple[int, str]] = []  # (place, file) the script writes itself (``echo … >> "$DIR/start.sh"``)
        self.never = _never_called(script)
        self.chmodded = _made_executable(script)  # a program file a later chmod makes executable is put to use there
        self.replaced: dict[str, _Taint] = {}  # program name -> the fetched file copied or moved in under it
        self.stopped: dict[str, int] = {}  # service name -> its place in ``order`` where the script first stopped it
        self.updated: tuple[int, _Taint] | None = None  # the latest clone or pull (its place) and the checkout it fills
        self.unnamed: dict[str, Command] = {}  # working directory -> a fetch saved there under a name not known
        self.services: Services[_Taint] = Services()
        self.heredoc: Command | None = None  # the last ``cat <<EOF`` piped on (``cat <<EOF | tee FILE``)
        self.stream: tuple[Command, _Taint] | None = None  # the last fetched file decompressed onto a pipe
        self.fail_open = FailOpen(script, lambda c: c.name in VERIFIERS, runners)
        self.shown = shown_digests(script, _DIGESTS)  # digests only printed: no check (shell.shown_digests)
        self.printers = path_printers(script)
        self.echoing = echoing_ends(script)
        self.results = global_results(script)
        self.program_dirs = program_directories(script)
        self.deferred: list[Run] = []
        self.programs: list[
            tuple[Run, _Taint]
        ] = []  # program archives saved (``-o server/paper.jar``): judged at the end
        self.own_tree: list[tuple[Run, int]] = []  # an updater's unpacks over its installation (and where in ``order``)
        self.served: list[
            tuple[Run, _Taint]
        ] = []  # checkouts made in the web server's document root: judged at the end
        self.scoped: list[tuple[Command, str, str]] = []  # a subshell's ``cd``, the cwd before it
        self.git_fetched = False  # a ``git fetch`` ran: a branch checked out after it may hold the fetched commits
        self.sites = CallSites(frozenset(self.bodies))

    def checked(self, taint: _Taint, *, ahead: bool = False) -> bool:
        """A check of ``taint`` run between its fetch and this command (``ahead``: a check naming the file anywhere
        after the fetch, when the later fetches' names are not known yet)."""
        start = self.fetched_at.get(id(taint.fetch), 0)
        between = self.order[start:] if ahead else self.order[start : self.i + 1]
        made = [
            c
            for c in between
            if NEVER not in c.conditions
            and c.function not in self.never
            and not (c.name in VERIFIERS and self.fail_open.skippable(c, self.command, taint.fetch, self.order[:start]))
            and (c.line, c.text) not in self.shown
        ]
        if ahead:
            return _names_in_check(made, taint)
        if not any(c.name in VERIFIERS for c in made):
            return _verified(made, taint)  # the other fetches' names matter only to a check among them
        others = frozenset(t.file_name for t in self.taints if t.fetch is not taint.fetch and not t.directory)
        return _verified(made, taint, others)

    def step(self, i: int, command: Command) -> Iterator[Run]:
        """One command in call order, as a numbered pipeline: (1) the working directory it runs in; (2) a checkout
        it makes, (3) a fetch, (4) a ``tee`` of a piped fetch, (5) a file it finds, resolves or writes anew — each
        of these ends its reading; (6) the services and checkouts it starts or restarts; (7) the fetched file it
        reads, unpacks, copies or moves; (8) what it writes itself; (9) the fetched file it runs or installs."""
        if command.name in self.forwards:
            command = dataclasses.replace(command, name=self.forwards[command.name or ""])
        self.i, self.command = i, command
        self._enter_directory(command)  # 1
        if self._follows_checkout(i, command):  # 2
            return
        if command.name in FETCHERS or command.name in self.wrappers:  # 3
            yield from self._fetch(i, command)
            return
        if command.name == "tee" and self.last_fetch is not None and set(command.piped_from) & FETCHERS:  # 4
            last_fetch = self.last_fetch
            if last_fetch.line == command.line and last_fetch.line not in self.reported and not _sends(last_fetch):
                saved = _saved(
                    command, self.taints, self.reported, last_fetch, operands(command), chmodded=self.chmodded
                )
                yield from saved  # ``curl URL | tee F``
            return
        if self._follows_name(i, command):  # 5
            return
        yield from self._starts(i, command)  # 6
        source = self._source(command)  # 7
        if source is not None:
            yield from self._unpacks(i, command, source)
        if source is None and not set(command.piped_from) & FETCHERS:  # 8
            self.own.extend((i, w.text) for w in command.writes())
        for made in created_environments(command):  # as written, and under the working directory
            self.own.extend(
                (i, d.rstrip("/") + "/") for d in {made, _under(self.cwd, made) if self.cwd != "." else made}
            )
        yield from self._uses(i, command)  # 9

    def _enter_directory(self, command: Command) -> None:
        """The working directory after ``command``: a subshell's ``cd`` ends with the subshell; a ``cd``/``pushd``
        into a listed subdirectory or a checkout makes what is there the fetch's."""
        self.sites.enter(command)
        scoped = self.scoped
        while scoped and not within(self.sites.site(command, scoped[-1][0].function).block, scoped[-1][0].block):
            _, self.cwd, self.raw_cwd = scoped.pop()  # ``( cd "$1"; git pull )``: the directory ends with the subshell
        if command.name in ("cd", "pushd") and len(operands(command)) == 1:
            if "subshell" in command.conditions and command.block is not None:
                scoped.append((command, self.cwd, self.raw_cwd))
            self.raw_cwd = operands(command)[0].text
            self.taints.extend(_listed_subdirectory(command, self.taints, self.cwd, self.raw_cwd))
            self.cwd = _changed_dir(self.cwd, self.raw_cwd)
            self.taints.extend(_entered_checkout(self.taints, self.cwd))

    def _follows_checkout(self, i: int, command: Command) -> bool:
        """Whether ``command`` clones or pulls a repository: its tree is followed as a fetch (a pull into a tree
        cloned above follows the clone's fetch)."""
        taints = self.taints
        cloned = _clones(command, self.cloners) if command.name == "git" or command.name in self.cloners else None
        if cloned is None and self.unseen and command.name not in self.fetching:
            cloned = checkout_directory(command, self.defined)
        if command.name == "git" and cloned is None:
            cloned = _pulled_into(command, self.cwd, self.git_fetched)
            self.git_fetched = self.git_fetched or [w.text for w in git_arguments(command)][:1] == ["fetch"]
            cover = _latest_cover(taints, command, [cloned.text]) if cloned is not None else None
            if cover is not None and cover.checkout:
                self.updated = (i, cover)
                return True  # a pull into a tree cloned above: the clone's fetch is the one followed
            # a pull into a tree another kind of fetch filled (an updater's tarball branch beside its git branch)
            # brings commits of its own: followed as a fetch of its own below
        if cloned is None:
            return False
        taints.append(_Taint(cloned.text, command, directory=True, spelled=_spelling(cloned), checkout=True))
        self.updated = (i, taints[-1])
        if (placed := _clone_under_cwd(cloned.text, self.cwd)) is not None:
            taints.append(_Taint(placed, command, directory=True, checkout=True))
        self.fetched_at[id(command)] = i
        self.served.extend(_served_clone(command, taints[-1]))
        return True

    def _fetch(self, i: int, command: Command) -> Iterator[Run]:
        """A fetch (or a download wrapper's call): the files it saves, and a directory of unknown names it saves into,
        become fetched; a saved file already run or installed is reported (``_saved``)."""
        self.last_fetch = command
        self.fetched_at[id(command)] = i
        unknown = unknown_name_directory(command)
        if unknown == ".":
            self.unnamed[self.cwd] = command
        elif unknown is not None:  # ``wget -P "$tmp" "$url"``: the files of that directory are the download's
            self.taints.append(_Taint(unknown, command, directory=True, origin=command))
        if not _sends(command) and not loopback_target(command):  # the host's own service: not from outside
            kept = _saved_by_call(command, self.saving)
            yield from _saved(
                command, self.taints, self.reported, files=kept, chmodded=self.chmodded, checked=self.checked
            )
            self.programs.extend(_program_archives(command, kept))
            self.taints.extend(_printed(command, self.printers))
            self.taints.extend(_Taint(path, command) for path in sorted(self.results.get(command.line, ())))

    def _follows_name(self, i: int, command: Command) -> bool:
        """Whether ``command`` only names files: a ``find`` or ``realpath``/``readlink`` of a fetched file makes
        its result fetched too; a ``touch`` (``_REPLACES``) makes what follows the script's own."""
        if command.name == "find":
            self.taints.extend(_located(self.script, command, self.taints, self.unnamed, self.cwd))
            return True
        if command.name in ("realpath", "readlink") and self.taints:
            self.taints.extend(_resolved(self.script, command, self.taints, self.cwd))
            return True
        if command.name in _REPLACES:  # ``touch version.json``: what follows is the script's own
            self.own.extend((i, w.text) for w in operands(command))
            return True
        return False

    def _starts(self, i: int, command: Command) -> Iterator[Run]:
        """A service registered, restarted or started on what was fetched: a definition whose program is fetched,
        a program replaced by a fetched file, a service stopped before an update, a checkout updated under it, a
        fetched unit or settings file."""
        heredoc = self.heredoc
        writer = heredoc if heredoc is not None and command.name == "tee" and heredoc.line == command.line else None
        self.heredoc = command if command.name == "cat" and command.piped_to else None
        service = _service_runs(self.script, command, self.taints, self.services, writer)
        if service is not None and service[0].fetch.line not in self.reported and not self.checked(service[0]):
            self.reported.add(service[0].fetch.line)
            yield Run(
                command,
                command.line,
                service[0].fetch,
                service[1],
                "registers as a service (run at every boot) a definition whose program is",
            )
        reported, checked = self.reported, self.checked
        if self.replaced:
            yield from _restarts_replaced(command, self.replaced, reported, checked)
        for name in stopped_names(command):
            self.stopped.setdefault(name, i)
        yield from _restarts_stopped(command, self.stopped, self.updated, reported, checked)
        yield from _restarts_checkout(command, self.updated, i, reported, checked, order=self.order)
        yield from _starts_fetched_unit(command, self.taints, reported, checked)
        yield from _starts_on_fetched_settings(command, self.taints, reported, checked)
        if (command.function, command.line) in self.echoing and self.taints:
            self.taints.extend(_echoed(command, self.taints))

    def _source(self, command: Command) -> _Taint | None:
        """The fetched file ``command`` reads (by name, by a pattern over a download of unknown name, or as a
        decompressed stream), None when it copies over it or moves it out of the start directory."""
        taints, last_fetch, cwd = self.taints, self.last_fetch, self.cwd
        source = _source(command, taints, last_fetch, cwd) or _source(command, taints, last_fetch, self.raw_cwd)
        if source is None and (named := _named_by_pattern(command, self.unnamed.get(cwd))) is not None:
            source = named
            taints.append(named)  # the file so named is the download for what this command does with it (``chmod``)
        if source is None and self.stream is not None and reads_stream_of(command, self.stream[0]):
            source = self.stream[1]  # ``gzip -d -c "$out" | tar x``: tar reads the fetched archive's contents
        if source is not None and streams_decompressed(command):
            self.stream = (command, source)
        if source is not None and (_copied_over(command, source) or _moved_from_start_dir(command, source, cwd)):
            source = None
        return source

    def _unpacks(self, i: int, command: Command, source: _Taint) -> Iterator[Run]:
        """What ``command`` makes of a fetched file: copies and moves (placed over a program or the script's own
        code), and unpacks into a system or bin directory or the user's prefix; unpacks into a program's tree, its
        libraries or an updater's own tree are kept to be judged at the end."""
        script, cwd, reported, checked = self.script, self.cwd, self.reported, self.checked
        derived = _unpacked(command, source, cwd)
        if command.name in ("mv", "cp", "ln", "rsync") and len(operands(command)) >= 2:
            derived = _moved(command, source)
            yield from _placed(command, source, reported, checked)
            yield from _over_own_code(script, command, source, cwd, reported=reported, checked=checked)
            self.replaced.update(_replaced_programs(command, self.taints))
        self.taints.extend(derived)
        moved_tree = source.directory and command.name in ("mv", "cp", "ln", "rsync")  # judged by _placed
        system = None if moved_tree else _installed_tree(command, derived)
        if system is not None or command.name in ("tar", "bsdtar", "unzip"):
            system = system or _system_value(script, command, source.fetch)
        if system is None and not moved_tree and command.name in ("tar", "bsdtar", "unzip"):
            self.deferred.extend(_into_program_tree(command, source, derived, self.program_dirs, checked))
            self.deferred.extend(_into_libraries(command, source, derived, checked))
            self.own_tree.extend((run, i) for run in _over_own_tree(script, command, source, derived, checked))
        on_path = None if moved_tree else next((d for d in derived if d.directory and _bin_directory(d.path)), None)
        prefix = None if moved_tree or on_path else next((d for d in derived if _user_prefix(d)), None)
        on_path = on_path or prefix
        where = "a bin directory" if system is None else _directory_kind(system.path)
        where = "the user's install prefix" if prefix and not system else where
        unpacked = system or on_path
        if unpacked is not None and source.fetch.line not in reported and not checked(source):
            reported.add(source.fetch.line)
            yield Run(command, command.line, source.fetch, unpacked.path, f"unpacks it into {where}")

    def _uses(self, i: int, command: Command) -> Iterator[Run]:
        """A fetched file ``command`` runs or installs (itself, through a function's body, or by re-running the
        script), or hands to a program fetched too; unless checked since its fetch or written anew by the script."""
        taints, cwd, raw_cwd, reported = self.taints, self.cwd, self.raw_cwd, self.reported
        fed = _catted_into(command, self.order[i - 1] if i else None)
        used = _use(command, taints, cwd, fed) or (_use(command, taints, raw_cwd, fed) if raw_cwd != cwd else None)
        if used is None and command.function is None and command.name in self.bodies:
            used = _runs_in_body(command, self.bodies[command.name or ""], taints, cwd)
        used = used or (_reruns_itself(command, taints, posixpath.basename(self.script.path)) if taints else None)
        for payload in _handed_to_fetched(command, taints):
            if payload.fetch.line not in reported and not self.checked(payload):
                reported.add(payload.fetch.line)
                yield Run(command, command.line, payload.fetch, payload.path, _HANDED)
        if used is None:
            return
        taint, target, how = used
        if (
            taint.fetch.line in reported
            or self.checked(taint)
            or _written_after(self.own, taint, target, self.fetched_at)
        ):
            return
        reported.add(taint.fetch.line)
        yield Run(command, command.line, taint.fetch, target, how)

    def judged_at_end(self) -> Iterator[Run]:
        """The runs that depend on the whole script: archives unpacked into a program's tree, program archives saved
        and checkouts made in the web root, each when nothing reported its fetch and no check followed; an updater's
        unpack over its own tree when nothing fetched was run."""
        reported = self.reported
        # an archive unpacked into a program's tree, when nothing later in the script ran or installed what it holds
        for run in self.deferred:
            if run.fetch.line not in reported:
                reported.add(run.fetch.line)
                yield run
        # a program archive saved under its name, when no check follows anywhere in the script and nothing else used it
        for run, taint in self.programs:
            if run.fetch.line not in reported and not self.checked(taint):
                reported.add(run.fetch.line)
                yield run
        # a checkout made in the web root, when nothing later in the script ran it and no check followed anywhere
        for run, taint in self.served:
            if run.fetch.line not in reported and not self.checked(taint):
                reported.add(run.fetch.line)
                yield run
        # an updater's unpack over its own installation, when the script runs nothing fetched (the run is the clearer
        # finding: one branch's download run can stand for another's unpacked tree)
        for run, at in self.own_tree[:1] if not reported else []:
            # over the tree the script itself lies in (anchored on ``$0``), the updater's own code is what runs next
            if anchored_on_script(run.target) or own_code_runs_next(self.script.path, self.order[at + 1 :]):
                yield run
