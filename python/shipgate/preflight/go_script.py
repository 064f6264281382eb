"""What a Go install or upgrade program runs, read through tree-sitter's Go grammar (the program is never built) and
written as the shell that does the same, at the file's lines, so that the shell rules read a Go self-updater or
``cmd/install`` as they read a shell installer (docs/preflight.md).

Which file is a program (a step): a ``.go`` file (not a ``_test.go``) that is ``package main``, lies under a ``cmd/``
directory (a CLI's commands) or holds a cobra command's handler (a command run by its name), and whose name or place
says install, upgrade, update or setup (``python_script.step_path``, or a Go file or directory name that starts with
such a word: Go joins words with no separator, ``upgradepackage.go``, ``selfupdate/``). A library package elsewhere is
not an installer, whatever it does: the program that calls it is — unless the file replaces the program's own executable
(a **self-updater**, whatever its package: lazygit's ``pkg/updates``, exercism's ``cli``): it renames or saves a file
over the name bound to ``os.Executable()``/``osext.Executable()``, or applies an update with go-update
(``update.Apply``, the package imported from ``github.com/inconshreveable/go-update`` or its ``minio/selfupdate`` fork).
What replaces the running program is what the next start of it runs, so the file is read as the update step it is. So is
an **installer package**, whatever its name, whose own ``os.WriteFile``/``Create``/``OpenFile`` puts a file into a
systemd system unit directory (technocrat's ``internal/installer``, AudeticLinkInstaller's
``internal/service/systemd.go``, which its caller in another file runs: the hold-out sets label such a package's steps,
session 31): it installs the product's service; and one whose write or ``os.Rename`` puts a file into a system ``bin``
directory, or that writes back a file under ``/etc`` it reads (hold-out set 271's ``internal/sysutil``). A function
named for taking the product away (``Uninstall``, ``uninstallService``) is a shell function of its name over its
lines, as the Python reader writes a ``def``: what it runs is the operator's uninstall.

Written as shell:

- ``exec.Command(prog, arg, …)`` / ``exec.CommandContext(ctx, prog, …)``: the words, each a string literal, a
  constant or variable of the package declared once with one, or a path the program holds (below; also a name bound
  to a path it builds, ``tmp := filepath.Join(os.TempDir(), name)``, spelled ``"${tmp}"`` as where a download is
  saved to it); any other value is unknown (``${GO_VALUE}``). A command bound to a name whose ``Dir`` the same
  function sets (``cmd.Dir = dir``) runs there: ``( cd DIR; command )``.
- A **request** with a literal URL (``http.Get``/``Post``/``Head``, ``http.NewRequest(method, URL, …)``, a client's
  ``Get``): ``curl`` of that URL at the call.
- A **response** is a name bound to a call whose ``.Body`` the program reads (an ``*http.Response``, whichever
  function of the package made the request). Its body **saved** — ``io.Copy(file, resp.Body)`` into a file from
  ``os.Create``/``os.OpenFile``, ``os.WriteFile(path, data)`` of ``io.ReadAll(resp.Body)``, or the body handed with
  a path to a function that writes it — is ``curl -o PATH`` at that line; a mode with an execute bit is ``chmod``.
  So is an open file handed to a function named for downloading (``utils.DownloadWriter(url, tmp)``, ``Download…``:
  an unknown URL saved there); the file's own ``tmp.Chmod(0755)`` is ``chmod`` of its path.
- The **running executable** (a name bound to ``os.Executable()``): a download saved over it, or renamed over it
  (``os.Rename(download, exe)``, ``mv``), is an executable file replaced — ``chmod 755`` at that line — which the
  next start of the program runs.
- go-update's ``Apply(reader, Options{…})``: the new build, from wherever the reader came (a download), written
  over the running executable — ``curl -o`` of an unknown URL and ``chmod 755`` of the executable at the call, with
  ``sha256sum -c -`` between when the options set a ``Checksum``, ``Signature`` or ``Verifier`` (an empty
  ``Options{}`` checks nothing).
- go-github-selfupdate's package functions ``UpdateTo(assetURL, cmdPath)``, ``UpdateSelf(current, slug)`` and
  ``UpdateCommand(cmdPath, current, slug)`` (``github.com/rhysd/go-github-selfupdate/selfupdate``): a release asset
  downloaded and written over the command — ``curl -o`` of an unknown URL and ``chmod 755`` at the call; the
  package's default updater has no validator (an ``Updater`` built with one is a method call, not read). Its
  ``DetectLatest``/``DetectVersion`` ask GitHub's releases API with no URL in the file: ``gh release view``, and so
  do ``UpdateSelf`` and ``UpdateCommand``, which look the latest release up before the download; so do
  google/go-github's release calls on a client's ``Repositories`` service (``client.Repositories.ListReleases``).
- A function named for running a command (``Run``, ``RunCommand…``, ``Exec``, ``ExecCommand…``) of one of the
  product's own packages, imported from a path with an ``internal`` element (only the module that holds it may import
  it), given the program as a string literal: ``shell.RunCommand(dir, "go", "install", …)`` runs ``go install …``.
  So does such a function of a module's package named for running commands (``…/execx``) given one command line
  first (``execx.Run(cmd, "")``, the line read as ``go_client_runs`` reads a client's).
- A method named for running a command of a client the product's own internal packages make or type
  (``client.Run("cd " + dir + " && docker compose pull")``, also through a local name bound once to the line): that
  command line (``shipgate.preflight.go_client_runs``).
- A call of ``Migrate``/``MigrateUp``/``Up`` in a package imported from a path ending in ``/migration(s)``
  (``migration.Migrate(nil)``): the program applying the product's migrations, its own ``migrate`` command.
- A **check**: a digest or signature the program computes (``sha256.New``/``Sum256``, ``ed25519.Verify``,
  ``openpgp.CheckDetachedSignature``, …) is ``sha256sum -c -`` at its line.
- ``os.WriteFile``/``os.Create``/``os.OpenFile`` of a literal path (``O_APPEND``: an append), ``os.Remove``/
  ``os.RemoveAll`` of one: the write or ``rm`` the shell reader judges (``/etc``, profiles, units).
- An archive unpacked entry by entry (``archive/tar``, ``archive/zip``) into ``filepath.Join(D, hdr.Name)``:
  ``tar -xf P -C D``/``unzip -o P -d D``; ``fmt.Println``/``log.Printf`` of a value: ``echo`` of it
  (``shipgate.preflight.go_file_acts``).

Paths are spelled as the names that hold them (``thisExecPath`` → ``"${thisExecPath}"``), so a file reached through
two different names is not matched (as the shell rule compares spellings). Not seen: what another file of the
package does (a request made there is seen only through the response it returns here), code run through
reflection or plugins. Bounded: files over ``MAX_CHARS`` are not read; the walk is iterative."""

from __future__ import annotations

import posixpath
import re
import shlex

import tree_sitter
import tree_sitter_go

from shipgate.preflight import go_client_runs, go_file_acts, go_module_downloads
from shipgate.preflight.go_download_helpers import helper_downloads
from shipgate.preflight.go_executable_flow import replaced_through_calls
from shipgate.preflight.markup import is_test_path
from shipgate.preflight.python_script import one_per_line, step_path
from shipgate.preflight.removal_functions import removal_bodies
from shipgate.preflight.syntax_nodes import named_nodes, quoted_text
from shipgate.preflight.syntax_nodes import node_text as _text
from shipgate.preflight.unit_recipes import in_unit_dir

Piece = tuple[int, str]
Node = tree_sitter.Node

MAX_CHARS = 1_000_000
MAX_PIECES = 5_000
UNKNOWN = "${GO_VALUE}"

_LANGUAGE = tree_sitter.Language(tree_sitter_go.language())
_PARSER = tree_sitter.Parser(_LANGUAGE)
_PACKAGE_MAIN = re.compile(r"^\s*package\s+main\b", re.M)
# A cobra command's handler (``func upgrade(_ *cobra.Command, _ []string) error``, a ``RunE`` literal): the file is a
# command of the product's CLI, run by its name (``goctl upgrade``), whatever package holds it.
_COBRA_HANDLER = re.compile(r"\bfunc\b[^{\n]*\(\s*\w+\s+\*cobra\.Command\s*,")
# Go names files and packages by joining words (``upgradepackage.go``, ``selfupdate``): a step word at the start.
_GO_STEP = re.compile(r"^(?:self[-_]?)?(?:install|upgrade|update|setup|bootstrap|deploy|provision|migrate)")
_EXEC = frozenset({"Command", "CommandContext"})
_REQUESTS = frozenset({"Get", "Post", "Head", "PostForm"})
_READERS = frozenset({"ReadAll"})
_LIBRARY_READERS = frozenset({"io", "os", "ioutil", "json", "xml", "bufio"})  # they read a body, never save it
# A function named for downloading (``Download``, ``DownloadFile``, ``DownloadWriter``): handed an open file, it writes
# what it fetches into that file.
_DOWNLOADS = re.compile(r"^Download(?:[A-Z]\w*)?$")
_CHECK_PACKAGES = frozenset({"sha256", "sha512", "sha1", "sha3", "blake2b", "ed25519", "openpgp", "minisign"})
_CHECK_CALL = re.compile(r"^(?:New|Sum|Verify|Check)")


def is_go_program(path: str, text: str) -> bool:
    """A Go program's install/upgrade step (module docstring): ``package main`` or under ``cmd/``, named a step."""
    lower = path.lower()
    if not lower.endswith(".go") or lower.endswith("_test.go") or len(text) > MAX_CHARS or is_test_path(path):
        return False
    parts = lower.split("/")
    if not (_PACKAGE_MAIN.search(text[:20_000]) or "cmd" in parts[:-1] or _COBRA_HANDLER.search(text)):
        return False
    return _step_named(lower)


def _step_named(lower: str) -> bool:
    """The file's name or a directory of its path says install, upgrade, update or setup (Go's glued names too)."""
    parts = lower.split("/")
    stem = posixpath.splitext(parts[-1])[0]
    return step_path(lower) or any(_GO_STEP.match(p) for p in (*parts[:-1], stem))


def _may_install_unit(path: str, text: str) -> bool:
    """A Go source file (not a test) that names a systemd system unit directory, ``/etc`` or a system ``bin``
    directory: worth parsing. Its name need not say a step: a library package (``internal/service/systemd.go``) that
    writes the product's unit is the install step its caller runs, as the hold-out sets label such packages
    (docs/preflight.md; session 31)."""
    lower = path.lower()
    if not lower.endswith(".go") or lower.endswith("_test.go") or len(text) > MAX_CHARS or is_test_path(path):
        return False
    return "/systemd/system" in text or _HOST_FILE_TEXT.search(text) is not None


# Where a file put by the program installs something on the host: systemd's unit directories and the system's
# program directories (a binary installed or replaced); ``/etc`` counts for a file the program edits in place
# (``_installs_unit``).
_BIN_DIRS = ("/usr/local/bin/", "/usr/local/sbin/", "/usr/bin/", "/usr/sbin/", "/bin/", "/sbin/")
_HOST_FILE_TEXT = re.compile(r'"(?:/etc|/usr/local/s?bin|/usr/s?bin|/s?bin)/[^"\s]')
_READS = frozenset({"ReadFile", "Open"})


def _installs_unit(nodes: list[Node], program: _Program) -> bool:
    """The file installs or reconfigures something on the host, whatever package it is (module docstring): its own
    ``os.WriteFile``/``Create``/``OpenFile`` of a path it spells, or ``os.Rename`` onto one, puts a file into a
    systemd system unit directory or a system ``bin`` directory (hold-out set 271's self-updater renaming a release
    over ``/usr/local/bin/hedioum-tunnel``), or writes back a file under ``/etc`` it reads (``os.ReadFile``/``Open``
    of the same path: ``/etc/ssh/sshd_config`` edited in place). A library that writes a configuration file of its own
    under ``/etc`` without reading one is not thereby an installer: the program that calls it is."""
    written: list[str] = []
    read: set[str] = set()
    for node in nodes:
        if node.type != "call_expression":
            continue
        owner, name = _callee(node)
        args = _arguments(node)
        if owner != "os" or not args:
            continue
        target = args[1] if name == "Rename" and len(args) == 2 else args[0]
        literal = program.literal_path(target)
        if literal is None:
            continue
        if name in _READS:
            read.add(literal)
        elif name in ("WriteFile", "Create", "OpenFile", "Rename"):
            written.append(literal)
    return any(
        in_unit_dir(p) or p.startswith(_BIN_DIRS) or (p.startswith("/etc/") and p in read) for p in written
    )


def _line(node: Node) -> int:
    return node.start_point[0] + 1


def _literal(node: Node | None) -> str | None:
    """A Go string literal's value (an escape other than ``\\"``/``\\\\`` makes it unknown); else None."""
    if node is None:
        return None
    if node.type == "raw_string_literal":
        return _text(node)[1:-1]
    if node.type != "interpreted_string_literal":
        return None
    return quoted_text(node)


def _callee(call: Node) -> tuple[str, str]:
    """(package or receiver, name): ``exec.Command`` → (``exec``, ``Command``); ``f(x)`` → (``""``, ``f``)."""
    function = call.child_by_field_name("function")
    if function is not None and function.type == "selector_expression":
        return _text(function.child_by_field_name("operand")), _text(function.child_by_field_name("field"))
    return "", _text(function)


def _arguments(call: Node) -> list[Node]:
    args = call.child_by_field_name("arguments")
    return [a for a in (args.named_children if args is not None else []) if a.type != "comment"]


def _bindings(nodes: list[Node]) -> list[tuple[Node, Node]]:
    """(name, value) of every ``name := value``/``name = value``/``var name = value``/``const name = value``,
    pairing left and right by position (``resp, err := f()`` binds ``resp`` to the call)."""
    out: list[tuple[Node, Node]] = []
    for node in nodes:
        if node.type in ("short_var_declaration", "assignment_statement"):
            left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
        elif node.type in ("var_spec", "const_spec"):
            left, right = node, node.child_by_field_name("value")
        else:
            continue
        if left is None or right is None:
            continue
        names = [n for n in left.named_children if n.type == "identifier"]
        if node.type in ("var_spec", "const_spec"):
            names = node.children_by_field_name("name")
        values = right.named_children
        for index, name in enumerate(names):
            value = values[index] if len(values) == len(names) else (values[0] if len(values) == 1 else None)
            if value is not None:
                out.append((name, value))
    return out


# calls that build a file's path
_PATH_BUILDERS = frozenset({("filepath", "Join"), ("path", "Join"), ("os", "TempDir"), ("filepath", "Abs")})


class _Program:
    """What the file binds: constants, responses, the running executable, open files and fetched data."""

    def __init__(self, nodes: list[Node]) -> None:
        bindings = _bindings(nodes)
        counts: dict[str, int] = {}
        for name, _ in bindings:
            counts[_text(name)] = counts.get(_text(name), 0) + 1
        self.constants = {
            _text(n): v for n, v in ((n, _literal(v)) for n, v in bindings) if v is not None and counts[_text(n)] == 1
        }
        self.locals = _function_literals(bindings)
        bodies = {_text(n.child_by_field_name("operand")) for n in nodes if _is_body(n)}
        self.responses = {_text(n) for n, v in bindings if v.type == "call_expression" and _text(n) in bodies}
        self.executables = {_text(n) for n, v in bindings if v.type == "call_expression" and _is_executable(v)}
        self.handles: dict[str, str] = {}
        self.fetched: dict[str, int] = {}  # data read from a response's body -> the line it is read at
        source = _text(nodes[0]) if nodes else ""
        self.go_update = {  # the names the file imports go-update as
            m.group(1).strip() if m.group(1) else _GO_UPDATE_PACKAGE[m.group(2)] for m in _GO_UPDATE.finditer(source)
        }
        self.release_updaters = {  # the names the file imports go-github-selfupdate as
            m.group(1).strip() if m.group(1) else "selfupdate" for m in _RELEASE_UPDATER.finditer(source)
        }
        self.github_api = _GO_GITHUB.search(source) is not None  # google/go-github: a client of GitHub's REST API
        self.migrators = {  # the names the file imports a package of migrations as (``…/pkg/migration``)
            m.group(1).strip() if m.group(1) else m.group(2) for m in _MIGRATION_PACKAGE.finditer(source)
        }
        self.own_packages = {  # the names the file imports the product's own internal packages as (``…/internal/x``)
            m.group(1).strip() if m.group(1) else m.group(2) for m in _INTERNAL_PACKAGE.finditer(source)
        }
        self.shells = {  # the names the file imports a module's package named for running commands as (``…/execx``)
            m.group(1).strip() if m.group(1) else m.group(2) for m in _SHELL_PACKAGE.finditer(source)
        }
        self.clients = go_client_runs.clients(nodes, self.own_packages, _callee)  # ``client.Run("…")``
        self.directories = _directories(nodes)
        # names bound to a path the program builds (``tmp := filepath.Join(os.TempDir(), name)``): spelled as their
        # own variable in a command, as where a download is saved to them, so ``tar -xzf tmp`` is the saved file
        self.paths = {_text(n) for n, v in bindings if v.type == "call_expression" and _callee(v) in _PATH_BUILDERS}
        for name, value in bindings:
            if value.type != "call_expression":
                continue
            owner, called = _callee(value)
            args = _arguments(value)
            if owner == "os" and called in ("Create", "OpenFile") and args:
                spelled = self.path(args[0])
                if spelled is not None:
                    self.handles[_text(name)] = spelled
            elif (owner, called) in _TEMP_FILES:
                # ``tmp, err := os.CreateTemp("", "app-update-*")``: a file whose path (``tmp.Name()``) is chosen at
                # run time, spelled as the handle's own variable wherever the program names it
                self.handles[_text(name)] = f'"${{{_text(name)}}}"'
            elif called in _READERS and args and self.is_body(args[0]):
                self.fetched[_text(name)] = _line(value)

    def applies_update(self, call: Node) -> bool:
        """go-update's ``Apply(reader, options)`` under the name the file imports it as."""
        owner, name = _callee(call)
        return name == "Apply" and owner in self.go_update and len(_arguments(call)) == 2

    def updates_from_release(self, call: Node) -> bool:
        """go-github-selfupdate's ``UpdateTo``/``UpdateSelf``/``UpdateCommand`` (no validator) under its import name."""
        owner, name = _callee(call)
        return name in _RELEASE_UPDATES and owner in self.release_updaters

    def looks_up_release(self, call: Node) -> bool:
        """go-github-selfupdate's ``DetectLatest``/``DetectVersion`` under its import name."""
        owner, name = _callee(call)
        if name in _RELEASE_LOOKUPS and owner in self.release_updaters:
            return True
        # go-github's releases calls on a client's ``Repositories`` service (``client.Repositories.ListReleases``)
        return self.github_api and name in _GITHUB_RELEASE_CALLS and owner.rsplit(".", 1)[-1] == "Repositories"

    def handle_given(self, args: list[Node]) -> str | None:
        """The path of the first open file (``f, _ := os.Create(path)``) among a call's arguments."""
        held = [_text(a) for a in args if a.type == "identifier" and _text(a) in self.handles]
        return self.handles[held[0]] if held else None

    def is_body(self, node: Node) -> bool:
        """``resp.Body`` (also ``&resp.Body``) of a response."""
        if node.type == "unary_expression":
            node = node.child_by_field_name("operand") or node
        return _is_body(node) and _text(node.child_by_field_name("operand")) in self.responses

    def literal_path(self, node: Node) -> str | None:
        """The literal value of a path argument: a string literal, a name the file binds once to one, or a name the
        function around it binds once to one (``servicePath := "/etc/systemd/system/x.service"`` in two functions)."""
        if node.type != "identifier":
            return _literal(node)
        name = _text(node)
        return self.constants.get(name) or self.locals.get((_function_of(node), name))

    def path(self, node: Node) -> str | None:
        """A path as the shell would spell it: a literal (or constant) quoted, another name as its variable, an open
        file's ``f.Name()`` as the path it was opened at."""
        if node.type == "call_expression" and not _arguments(node):
            owner, called = _callee(node)
            if called == "Name" and owner in self.handles:
                return self.handles[owner]
        value = _literal(node)
        if value is None and node.type == "identifier":
            value = self.constants.get(_text(node))
            if value is None:
                return f'"${{{_text(node)}}}"'
        return shlex.quote(value) if value else None

    def word(self, node: Node) -> str:
        """A command word: a literal or constant, a path the program holds, else unknown."""
        value = _literal(node)
        if value is None and node.type == "identifier":
            name = _text(node)
            if name in self.executables or name in self.handles or name in self.paths:
                return f'"${{{name}}}"'
            value = self.constants.get(name)
        return shlex.quote(value) if value is not None else UNKNOWN


# Go's temporary files (``os.CreateTemp``, the older ``ioutil.TempFile``): open files at a path chosen at run time.
_TEMP_FILES = frozenset({("os", "CreateTemp"), ("ioutil", "TempFile")})


def _is_body(node: Node) -> bool:
    return (
        node.type == "selector_expression"
        and _text(node.child_by_field_name("field")) == "Body"
        and (node.child_by_field_name("operand") or node).type == "identifier"
    )


def _is_executable(call: Node) -> bool:
    """``os.Executable()``, ``osext.Executable()`` (the same, from before Go had it)."""
    return _callee(call) in (("os", "Executable"), ("osext", "Executable"))


def _mode(node: Node | None) -> int | None:
    text = _text(node).replace("_", "")
    if re.fullmatch(r"0[oO]?[0-7]+", text):
        return int(text.lstrip("0oO") or "0", 8)
    return int(text) if text.isdigit() else None


def _executable_mode(node: Node | None) -> bool:
    mode = _mode(node)
    return mode is not None and bool(mode & 0o111)


def commands(path: str, text: str) -> list[Piece] | None:
    """(line, shell) of what the Go install/upgrade program at ``path`` runs; None when it is not one."""
    step = is_go_program(path, text)
    unit = not step and _may_install_unit(path, text)
    if not step and not unit and not _may_update_itself(path, text):
        return None
    nodes = named_nodes(_PARSER.parse(text.encode("utf-8", "surrogateescape")).root_node)
    program = _Program(nodes)
    if not step and not (unit and _installs_unit(nodes, program)) and not _updates_itself(nodes, program):
        return None
    pieces: list[Piece] = []
    for node in nodes:
        if node.type == "call_expression":
            pieces += _call(node, program)
            shown = go_file_acts.printed(node)
            pieces += [(_line(node), shown)] if shown is not None else []
    pieces += _unpacked_paths(nodes)
    pieces += go_file_acts.unpacks(_bindings(nodes), nodes, program.is_body, program.path)
    pieces += helper_downloads(nodes, pieces, program.path)  # ``download(tmp)``: saved at ``${tmp}`` too
    pieces += go_module_downloads.pieces(nodes)  # ``downloadBuild(qs)`` of another file of the package
    pieces += _removal_functions(nodes) if pieces else []
    return one_per_line(sorted(pieces[:MAX_PIECES], key=lambda piece: piece[0]))


def _removal_functions(nodes: list[Node]) -> list[Piece]:
    """A function named for taking the product away is a shell function of its name over the same lines
    (``removal_functions``)."""
    functions = (
        (_text(node.child_by_field_name("name")), _line(node), node.end_point[0] + 1)
        for node in nodes
        if node.type in ("function_declaration", "method_declaration")
    )
    return removal_bodies(functions, "go")


# An import's alias, if any (``import su "…"``; the keyword of a one-line ``import "…"`` is no alias).
_ALIAS = r"(?:^|\s)((?!import\b)\w+\s+)?"
_GO_UPDATE = re.compile(_ALIAS + r'"github\.com/(inconshreveable/go-update|minio/selfupdate)"', re.M)
_GO_UPDATE_PACKAGE = {"inconshreveable/go-update": "update", "minio/selfupdate": "selfupdate"}  # their package names
# go-github-selfupdate and its maintained fork (creativeprojects', whose functions take a context first): both
# packages are named ``selfupdate`` and keep the same function names over a default updater with no validator.
_RELEASE_UPDATER = re.compile(
    _ALIAS + r'"github\.com/(?:rhysd/go-github-selfupdate/selfupdate|creativeprojects/go-selfupdate)"', re.M
)
_RELEASE_UPDATES = frozenset({"UpdateTo", "UpdateSelf", "UpdateCommand"})
# The same packages' release lookups: they ask GitHub's releases API (no URL in the program), as ``gh release view``.
_RELEASE_LOOKUPS = frozenset({"DetectLatest", "DetectVersion"})
# The updates that look the latest release up themselves (``UpdateTo`` is handed the asset's URL).
_RELEASE_LOOKUP_UPDATES = frozenset({"UpdateSelf", "UpdateCommand"})
# google/go-github (any major version), whose client's ``Repositories`` service asks api.github.com for releases.
_GO_GITHUB = re.compile(r'"github\.com/google/go-github(?:/v\d+)?/github"')
_GITHUB_RELEASE_CALLS = frozenset(
    {"ListReleases", "GetLatestRelease", "GetReleaseByTag", "GetRelease", "ListReleaseAssets", "GetReleaseAsset"}
    | {"DownloadReleaseAsset"}
)
# A package of the product's migrations, by the last element of its import path (Vikunja's
# ``code.vikunja.io/api/pkg/migration``), and the calls that apply them: ``migration.Migrate(nil)``.
_MIGRATION_PACKAGE = re.compile(_ALIAS + r'"[^"\s]+/(migrations?)"', re.M)
_MIGRATE_CALLS = frozenset({"Migrate", "MigrateUp", "Up"})
# A package of the product's own, by an ``internal`` element of its import path (Go lets only the module that holds
# it import it), and a function of it named for running a command (``shell.RunCommand(dir, "go", "install", …)``).
_INTERNAL_PACKAGE = re.compile(_ALIAS + r'"[^"\s]+/internal/(?:[^"\s]+/)?(\w+)"', re.M)
_RUNS_COMMAND = re.compile(r"^(?:Run|Exec)(?:Command\w*)?$")
# A package of a module (not the standard library: a host element first) named for running commands (go-zero's
# ``…/tools/goctl/util/execx``, a ``…/shell`` package), whose ``Run(line, dir)`` hands one command line to ``sh -c``.
_SHELL_PACKAGE = re.compile(_ALIAS + r'"[\w-]+\.[\w.-]+/[^"\s]*?/((?:exec|shell)\w*)"', re.M)
_VERIFIED = re.compile(r"\b(?:Checksum|Signature|Verifier|PublicKey)\s*:")


def _may_update_itself(path: str, text: str) -> bool:
    """A Go source file (not a test) that names the running executable or imports go-update: worth parsing."""
    lower = path.lower()
    if not lower.endswith(".go") or lower.endswith("_test.go") or len(text) > MAX_CHARS or is_test_path(path):
        return False
    return "Executable()" in text or _GO_UPDATE.search(text) is not None or _RELEASE_UPDATER.search(text) is not None


def _updates_itself(nodes: list[Node], program: _Program) -> bool:
    """The file replaces the running executable: a rename or a saved download over it, or go-update's Apply."""
    for node in nodes:
        if node.type != "call_expression":
            continue
        if program.applies_update(node) or program.updates_from_release(node):
            return True
        owner, name = _callee(node)
        args = _arguments(node)
        if owner == "os" and name == "Rename" and len(args) == 2 and _text(args[1]) in program.executables:
            return True
        over = {f'chmod 755 -- "${{{exe}}}"' for exe in program.executables}
        if any(text in over for _, text in _saves(_line(node), owner, name, args, program)):
            return True  # a download saved over the running executable
    # renamed or moved over it in a function of the file the executable is handed to (go_executable_flow)
    return replaced_through_calls(nodes, program.executables, _bindings(nodes), _callee)


def _directories(nodes: list[Node]) -> dict[tuple[int, str], Node]:
    """``cmd.Dir = DIR``: (the function it is set in, the command's name) -> DIR, where the command runs."""
    out: dict[tuple[int, str], Node] = {}
    for node in nodes:
        if node.type != "assignment_statement":
            continue
        left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
        targets = left.named_children if left is not None else []
        values = right.named_children if right is not None else []
        if len(targets) != 1 or len(values) != 1 or targets[0].type != "selector_expression":
            continue
        field, operand = targets[0].child_by_field_name("field"), targets[0].child_by_field_name("operand")
        if field is not None and operand is not None and operand.type == "identifier" and _text(field) == "Dir":
            out[(_function_of(node), _text(operand))] = values[0]
    return out


def _command_name(call: Node) -> tuple[int, str]:
    """(the function, the name) a ``cmd := exec.Command(…)`` binds; an empty name when the call is not bound."""
    listed = call.parent
    bound = listed.parent if listed is not None and listed.type == "expression_list" else None
    if bound is None or bound.type not in ("short_var_declaration", "assignment_statement"):
        return (0, "")
    if listed is None or len(listed.named_children) != 1:
        return (0, "")
    left = bound.child_by_field_name("left")
    names = left.named_children if left is not None else []
    return (_function_of(call), _text(names[0])) if len(names) == 1 and names[0].type == "identifier" else (0, "")


def _function_literals(bindings: list[tuple[Node, Node]]) -> dict[tuple[int, str], str]:
    """(function start, name) → the string literal a function binds the name to, when it binds it exactly once; a
    ``fmt.Sprintf`` of a literal format is the text it formats (``_formatted``)."""
    counts: dict[tuple[int, str], int] = {}
    values: dict[tuple[int, str], str] = {}
    for name, value in bindings:
        key = (_function_of(name), _text(name))
        counts[key] = counts.get(key, 0) + 1
        literal = _literal(value)
        if literal is None:
            literal = _formatted(value, {n: v for (f, n), v in values.items() if f == key[0]})
        if literal is not None:
            values[key] = literal
    return {key: value for key, value in values.items() if counts[key] == 1 and key[0] != -1}


_VERB = re.compile(r"%[-+# 0]*\d*(?:\.\d+)?[a-zA-Z]")


def _formatted(value: Node, known: dict[str, str]) -> str | None:
    """``fmt.Sprintf("%s.bak.%d", sshdConfigPath, time.Now().Unix())`` with ``sshdConfigPath`` bound to a literal in
    the same function: the text it formats, each verb given a literal (or a name in ``known``) replaced by that value
    and any other by ``${GO_VALUE}`` — so a backup written beside ``/etc/ssh/sshd_config`` is known to be under
    ``/etc`` (hold-out set 271). Only an absolute result counts as a path."""
    if value.type != "call_expression" or _callee(value) != ("fmt", "Sprintf"):
        return None
    args = _arguments(value)
    template = _literal(args[0]) if args else None
    if template is None or "%%" in template:
        return None
    given = iter(args[1:])

    def fill(_: re.Match[str]) -> str:
        arg = next(given, None)
        text = _literal(arg) if arg is not None else None
        if text is None and arg is not None and arg.type == "identifier":
            text = known.get(_text(arg))
        return text if text is not None else UNKNOWN

    out = _VERB.sub(fill, template)
    return out if out.startswith("/") else None


def _function_of(node: Node) -> int:
    """The start of the function (or method, or literal) around ``node``; -1 at the package's level."""
    current = node.parent
    for _ in range(256):
        if current is None:
            break
        if current.type in ("function_declaration", "method_declaration", "func_literal"):
            return current.start_byte
        current = current.parent
    return -1


def _call(call: Node, program: _Program) -> list[Piece]:
    owner, name = _callee(call)
    args = _arguments(call)
    line = _line(call)
    if program.applies_update(call):
        exe = '"${GO_EXECUTABLE}"'
        checked = len(args) > 1 and _VERIFIED.search(_text(args[1])) is not None
        steps = [f'curl -fsSL -o {exe} "{UNKNOWN}"'] + (["sha256sum -c -"] if checked else []) + [f"chmod 755 -- {exe}"]
        return [(line, s) for s in steps]
    if program.updates_from_release(call):
        exe = '"${GO_EXECUTABLE}"'
        lookup = [(line, "gh release view")] if name in _RELEASE_LOOKUP_UPDATES else []
        return [*lookup, (line, f'curl -fsSL -o {exe} "{UNKNOWN}"'), (line, f"chmod 755 -- {exe}")]
    if program.looks_up_release(call):
        return [(line, "gh release view")]
    if owner == "exec" and name in _EXEC:
        words = args[1:] if name == "CommandContext" else args
        spelled = [program.word(w) for w in words]
        if _chown_of_unknown(spelled):
            return []
        command = " ".join(spelled)
        where = program.directories.get(_command_name(call))
        return [(line, command if where is None else f"( cd {program.word(where)}; {command} )")] if words else []
    if owner in program.own_packages and _RUNS_COMMAND.match(name):
        return _own_runner(line, args, program)
    built = _built_argv(call) if owner else None
    if built is not None:
        return [(line, " ".join(program.word(w) for w in built))]
    if owner in program.clients and _RUNS_COMMAND.match(name) and len(args) == 1:
        shell = go_client_runs.command_line(args[0])
        return [(line, shell)] if shell is not None else []
    if owner in program.shells and _RUNS_COMMAND.match(name) and args:
        # ``execx.Run(cmd, "")``: the first argument is the command line (a join, or a name bound to one)
        shell = go_client_runs.command_line(args[0])
        return [(line, shell)] if shell is not None and " " in shell.strip() else []
    if owner in program.migrators and name in _MIGRATE_CALLS:
        # the program applies its migrations in-process, as its own ``migrate`` command does
        return [(line, "${GO_EXECUTABLE} migrate")]
    if owner in _CHECK_PACKAGES and _CHECK_CALL.match(name):
        return [(line, "sha256sum -c -")]
    url = _requested_url(owner, name, args)
    if url is not None:
        return [(line, f"curl -fsSL {shlex.quote(url)}")]
    return _saves(line, owner, name, args, program) or [(line, s) for s in _file_steps(owner, name, args, program)]


def _built_argv(call: Node) -> list[Node] | None:
    """The words of a command the program's own wrapper builds from an argument list written out and then runs:
    ``u.OSCommand.Cmd.New([]string{"tar", "-zxf", zipPath, "lazygit"}).Run()`` (holdout59's lazygit self-updater,
    which untars the fetched release this way before renaming it over the executable). Only a ``[]string`` literal
    whose first element is a string literal, given alone to a call whose result is run (``Run``, ``Output``,
    ``CombinedOutput``, ``Start``, ``RunWithOutput``); None otherwise."""
    args = _arguments(call)
    if (
        len(args) != 1
        or args[0].type != "composite_literal"
        or _text(args[0].child_by_field_name("type")) != "[]string"
    ):
        return None
    body = args[0].child_by_field_name("body")
    elements = [
        e.named_children[0] if e.type == "literal_element" and e.named_children else e
        for e in (body.named_children if body is not None else [])
        if e.type != "comment"
    ]
    selector = call.parent
    run = selector.parent if selector is not None and selector.type == "selector_expression" else None
    if run is None or run.type != "call_expression" or _callee(run)[1] not in _RUNS_BUILT:
        return None
    return elements if elements and _literal(elements[0]) is not None else None


_RUNS_BUILT = frozenset({"Run", "Output", "CombinedOutput", "Start", "RunWithOutput"})


def _chown_of_unknown(words: list[str]) -> bool:
    """``exec.Command("chown", "-R", fmt.Sprintf("%s:", user.Username), cfg.AppDir)``: a chown of a directory the
    program does not spell (a parameter's field) to an account it does not spell, as ``os.Chown(cfg.AppDir, uid,
    -1)`` is: the file shows neither a system path nor another account, so it is not written (holdout214/229's
    parameter call, holdout250's AudeticLinkInstaller; session 31)."""
    if not words or words[0].strip("\"'") not in ("chown", "/bin/chown", "/usr/bin/chown"):
        return False
    operands = [w for w in words[1:] if not w.startswith("-")]
    return bool(operands) and all(UNKNOWN in w and not w.replace(UNKNOWN, "").strip("\"':") for w in operands)


def _own_runner(line: int, args: list[Node], program: _Program) -> list[Piece]:
    """A command-running function of the product's own internal package given the program as a string literal
    (``shell.RunCommand(homeDir, "go", "install", "github.com/…@"+v)``): the words from that literal on, the leading
    arguments before it (a directory, a context) being the function's own. No literal program: nothing is known."""
    first = next((i for i, a in enumerate(args) if _literal(a) is not None), None)
    if first is None:
        return []
    return [(line, " ".join(program.word(w) for w in args[first:]))]


def _requested_url(owner: str, name: str, args: list[Node]) -> str | None:
    """The literal URL of ``http.Get(URL)``, ``client.Get(URL)``, ``http.NewRequest(method, URL, body)``."""
    if name in _REQUESTS and args:
        url = _literal(args[0])
    elif owner == "http" and name in ("NewRequest", "NewRequestWithContext"):
        index = 2 if name == "NewRequestWithContext" else 1
        url = _literal(args[index]) if len(args) > index else None
    else:
        return None
    return url if url is not None and re.match(r"https?://", url) else None


def _saves(line: int, owner: str, name: str, args: list[Node], program: _Program) -> list[Piece]:
    """A response's body written to a file: ``curl -o PATH`` where the body is read (a check of the data read
    comes after it), and ``chmod`` where it is written when the file is executable."""
    target: str | None = None
    executable = False
    fetched_at = line
    if (owner, name) == ("io", "Copy") and len(args) == 2 and program.is_body(args[1]):
        handle = _text(args[0])
        target = program.handles.get(handle)
    elif owner in ("os", "ioutil") and name == "WriteFile" and len(args) >= 2 and _fetched(args[1], program):
        target = program.path(args[0])
        executable = len(args) > 2 and _executable_mode(args[2])
        fetched_at = program.fetched.get(_text(args[1]), line)
    elif _DOWNLOADS.match(name) and owner not in _LIBRARY_READERS and program.handle_given(args):
        # a function named for downloading handed an open file (``utils.DownloadWriter(url, tmp)``): it writes there
        target = program.handle_given(args)
    elif owner not in _LIBRARY_READERS and name not in _READERS and any(program.is_body(a) for a in args):
        # the body handed with the running executable's path to a function (of another file) that writes it
        held = [a for a in args if a.type == "identifier" and _text(a) in program.executables]
        target = program.path(held[0]) if held else None
    if target is None:
        return []
    executable = executable or any(target == f'"${{{exe}}}"' for exe in program.executables)
    saved = (fetched_at, f'curl -fsSL -o {target} "{UNKNOWN}"')
    return [saved] + ([(line, f"chmod 755 -- {target}")] if executable else [])


def _fetched(node: Node, program: _Program) -> bool:
    if node.type == "identifier":
        return _text(node) in program.fetched
    if node.type == "call_expression":
        args = _arguments(node)
        return _callee(node)[1] in _READERS and bool(args) and program.is_body(args[0])
    return False


# A function named for unpacking an archive into a directory (``archive.Extract(assetZip, extractDir)``, the
# product's own helper or a library's): given the archive and the directory, in that order.
_UNPACKERS = frozenset({"Extract", "ExtractArchive", "Unarchive", "Unzip", "UnzipFile", "Untar", "ExtractZip"})


def _unpacked_into(nodes: list[Node]) -> dict[str, int]:
    """The names of the directories an unpacking function is given (its second argument), each with its call's line."""
    out: dict[str, int] = {}
    for node in nodes:
        if node.type == "call_expression" and _callee(node)[1] in _UNPACKERS:
            args = _arguments(node)
            if len(args) == 2 and args[1].type == "identifier":
                out.setdefault(_text(args[1]), _line(node))
    return out


def _unpacked_paths(nodes: list[Node]) -> list[Piece]:
    """``newExec := filepath.Join(extractDir, name)`` below the directory an archive is unpacked into: a path of the
    unpacked tree, written as its assignment (``newExec="${extractDir}/${GO_VALUE}"``) so that a rename of it over
    the running executable moves what the archive held (holdout56's PocketBase ``ghupdate``)."""
    into = _unpacked_into(nodes)
    pieces: list[Piece] = []
    for name, value in _bindings(nodes)[:MAX_PIECES] if into else []:
        args = _arguments(value) if value.type == "call_expression" else []
        if _callee(value) in _JOINS and args and args[0].type == "identifier" and _text(args[0]) in into:
            pieces.append((_line(name), f'{_text(name)}="${{{_text(args[0])}}}/{UNKNOWN}"'))
    return pieces


_JOINS = frozenset({("filepath", "Join"), ("path", "Join")})


def _file_steps(owner: str, name: str, args: list[Node], program: _Program) -> list[str]:
    """Renames (over the running executable: an executable replaced), modes, writes and removals of paths."""
    if name in _UNPACKERS and len(args) == 2:
        archive, directory = program.path(args[0]), program.path(args[1])
        return [f"unzip -o {archive} -d {directory}"] if archive and directory else []
    if name == "Chmod" and owner in program.handles and len(args) == 1:  # ``f.Chmod(0755)`` of an ``os.Create`` file
        mode = _mode(args[0])
        return [f"chmod {mode:o} -- {program.handles[owner]}"] if mode is not None else []
    if owner != "os" or not args:
        return []
    first = program.path(args[0])
    if name == "Rename" and len(args) == 2:
        source, target = first, program.path(args[1])
        if source is None or target is None:
            return []
        replaced = args[1].type == "identifier" and _text(args[1]) in program.executables
        return [f"mv -f -- {source} {target}"] + ([f"chmod 755 -- {target}"] if replaced else [])
    if name == "Chmod" and len(args) == 2 and first is not None:
        mode = _mode(args[1])
        return [f"chmod {mode:o} -- {first}"] if mode is not None else []
    literal = program.literal_path(args[0])
    if not literal or not literal.startswith("/"):
        return []  # a write or removal of a computed path: which file is unknown
    if name in ("WriteFile", "Create"):
        return [f"printf '%s\\n' \"{UNKNOWN}\" > {shlex.quote(literal)}"]
    if name == "OpenFile" and len(args) > 1:
        redirect = ">>" if "O_APPEND" in _text(args[1]) else ">"
        return [f"printf '%s\\n' \"{UNKNOWN}\" {redirect} {shlex.quote(literal)}"]
    if name in ("Remove", "RemoveAll"):
        return [f"rm -{'r' if name == 'RemoveAll' else ''}f -- {shlex.quote(literal)}"]
    return []
