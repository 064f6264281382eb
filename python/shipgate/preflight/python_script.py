"""What a Python install, upgrade or maintenance script runs, read through Python's ``ast`` (the file is never run)
and written as the shell that does the same, at the file's lines, so the shell checks read it as a step.

Which file is a script (a step), by the rules the shell sets use: a Python file run as a program — an interpreter
line, an ``if __name__ == "__main__":`` block, or statements at module level that act (a call, a loop, a
``with``) — and not a test; or a module that defines a command its product's CLI runs by name (a Django
``Command(BaseCommand)``, a ``@click.command``) named for a step, the step word also glued to others
(``performupgrade``). A module of functions only (a library the installer imports) is program source: what
it would run depends on its caller. A migration module under a ``migrations/`` folder that defines ``up()``
(Submitty's migrator style) is a step too: the migrator calls ``up()`` during the upgrade. ``setup.py`` is read by
``shipgate.preflight.setup_py``.

Written as shell:

- ``def f`` is a shell function ``py_f() { … }`` over the same lines, and a call of a function of the file
  (``f()``, ``self.f()``) is a call of it, so a root check in ``__main__`` covers the functions it calls later.
  Functions a script runs only to undo its work (``down``, ``downgrade``, ``rollback``, ``uninstall``) are not
  read: they are not the upgrade's steps, as a ``purge``-only step of a ``postrm`` is not.
- Commands: ``subprocess`` (``run``, ``call``, ``check_call``, ``check_output``, ``Popen``, ``getoutput``,
  ``getstatusoutput``), ``os.system``/``os.popen``/``os.exec*``/``os.spawn*``, ``pip.main``; an argument list is
  the argv (``["apt-get", "-y", "install"] + PACKAGES``), a string under ``shell=True``/``os.system`` is shell
  text (a ``+`` join of literals and values, ``"mkdir -p " + BASE_DIR``: the literals shell code, each value one
  quoted word); a list bound to a name first (``cmd = [...]``, ``cmd.extend([...])``), or a string literal (``cmd =
  "yum install -y x"``, also filled in by ``.format(…)`` or a ``%`` template, its fields unknown words), the last one
  bound before the call, is read where it is run. A function
  of the file that hands one of its parameters to such a call is a runner too (``_call_subprocess(args)``,
  ``run_os_command({"apt-get": ["sudo apt-get update"]})``, also through another such function): its command is
  read at each call with what the call gives it, not also in its body (unless the function builds it up in a
  variable it changes on its own). A runner's ``*args`` handed on (``run_venv(venv, 'python', '-m', 'pip',
  'install', *args)``, ``[str(a) for a in args]``) are the call's arguments from that position on, and a program
  path ending in another parameter (``venv_dir / 'bin' / executable``) is named by what the call gives there: so
  ``pip_install(venv, '-U', 'pip')`` is ``python -m pip install -U pip`` at its line. A function imported under a
  runner's name (``run``, ``run_subprocess``, ``shell``…) given a literal argument list runs that list.
- Where a command runs: a ``subprocess`` call given ``cwd=DIR`` is ``( cd DIR; command )``, and ``os.chdir(DIR)``
  is ``cd DIR`` for the commands after it (a directory not known is ``${PY_VALUE}``: another than the script's); a
  runner whose call is given one of its parameters as ``cwd=`` runs each call's command in what that call gives it.
- Values: string literals, f-strings (a plain field as the value it names), ``%``/``.format`` templates,
  ``os.path.join``, ``Path / "x"``, ``os.environ.get(NAME, default)`` (``${NAME:-default}``), ``os.environ[NAME]``
  (``${NAME}``); a name assigned one of these that a command uses is a shell variable assigned at its line (one no
  command uses stays program source); anything else is ``${PY_VALUE}``. ``tempfile.mkdtemp()``/
  ``TemporaryDirectory()`` is ``$(mktemp -d)``.
- Downloads: ``urlretrieve(URL, target)``/``wget.download`` save a file (``curl -fsSL -o target URL``),
  ``urlopen``/``requests``/``httpx`` fetch one; ``exec(urlopen(URL).read())`` runs what it fetched
  (``curl … | python3``). A call of the file's digest helper on a path (``md5_file(path)``, ``sha256sum(path)``)
  is that algorithm's shell tool on the path (``md5sum path``): the download's check. A function of the file that
  saves a fetch whose URL and path are built from its parameters (``download(url, dest)``, ``download(name)`` of
  ``f"{BASE}/{name}"`` at ``f"/tmp/{name}"``) is ``curl -fsSL -o PATH URL`` at each call, and a call of a function
  whose every ``return`` gives one such value is that value (``shipgate.preflight.python_helper_values``).
  ``tarfile``/``zipfile`` archives unpacked are ``tar -xf P -C D``/``unzip -o P -d D``
  (``shipgate.preflight.python_archives``). ``shutil.rmtree``, ``os.remove``/``os.unlink`` are ``rm``.
- Output: ``print(…)`` (not to a ``file=``) of a value is ``echo`` of it, a name or attribute written as the shell
  variable of its name, so a printed secret is judged as ``echo "${token}"`` is.
- Files: ``open(path, "w"/"a"/"x")`` and ``Path.write_text`` write the file (``: >> path``), ``Path.mkdir`` of a
  path value is ``mkdir`` (``-p`` with ``parents=True``; holdout175), ``os.makedirs`` is
  ``mkdir -p``, ``os.chmod(path, 0o777)`` is ``chmod 777`` (a mode that ORs in ``stat.S_IEXEC``… ``chmod +x``),
  ``os.chown`` is ``chown``, ``shutil.copy*``/``move``,
  ``os.rename``/``symlink`` are ``cp``/``mv``/``ln -s``: writes under ``/etc``, sudoers, modes and deletes are then
  the shell checks' to judge.
- A uid check that exits (``if os.geteuid() != 0: sys.exit(…)``, the same through a function of the file that
  returns ``os.geteuid() == 0``, ``if not os.access("/etc/…", os.W_OK): sys.exit(…)``, a call of a helper named
  ``assert_running_as_root``/``require_root``…) is ``[ "$(id -u)" -ne 0 ] && exit 1``.
- An account created with a literal password (``create_superuser('admin', 'a@example.com', 'admin123')``,
  ``set_password('…')``): the account's default password (``shipgate.preflight.seeded_accounts``).

Not seen: commands whose program is computed (the first word unknown is kept as ``${PY_VALUE}``), code in other
modules, calls into a library that installs (``setup_virtualenv``, ``install_module``), Python 2 files (they do not
parse as Python 3)."""

from __future__ import annotations

import ast
import functools
import itertools
import posixpath
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TypeGuard

from shipgate.preflight.build_hooks import hook_calls
from shipgate.preflight.markup import is_test_path
from shipgate.preflight.program_deletes import removal
from shipgate.preflight.python_archives import Unpack, unpacks
from shipgate.preflight.python_checkout_updates import updates_checkout
from shipgate.preflight.python_fabric import (
    TRANSFERS,
    connection_hosts,
    connection_methods,
    fabric_operations,
    imported_modules,
    is_fabfile,
    operation_shell,
    root_connection,
    transfer_shell,
)
from shipgate.preflight.python_file_helpers import FileHelper, file_helpers
from shipgate.preflight.python_helper_values import HelperValues, helper_values, module_names
from shipgate.preflight.python_model_hub import hub_download, hub_names
from shipgate.preflight.python_saved_fetches import digested_saves, saved_fetches
from shipgate.preflight.python_secret_defaults import secret_defaults
from shipgate.preflight.python_tree import python_tree
from shipgate.preflight.python_tree import simple_name as _name
from shipgate.preflight.seeded_accounts import python_seeded
from shipgate.preflight.unit_recipes import in_unit_dir

Piece = tuple[int, str]
Function = ast.FunctionDef | ast.AsyncFunctionDef

MAX_CHARS = 1_000_000
MAX_NODES = 300_000  # syntax-tree nodes (the reader walks a function once per parameter)
MAX_DEPTH = 48  # nested blocks and expressions rendered
MAX_PIECES = 5_000
UNKNOWN = "${PY_VALUE}"
MAX_VALUE = 2_000  # characters of a value a function of the file builds and returns
MAX_IF_DEPTH = 4  # nested module-level ``if`` blocks read for a statement that acts

_INTERPRETER = re.compile(r"#!\s*\S*?(?:/env\s+(?:-S\s+)?)?\S*python")
_SUBPROCESS = frozenset({"run", "call", "check_call", "check_output", "Popen", "getoutput", "getstatusoutput"})
_OS_SHELL = frozenset({"system", "popen"})
_UNIT_WRITERS = frozenset({"open", "copy", "copy2", "copyfile", "move", "write_text"})  # a unit file put in place
_OS_EXEC = re.compile(r"^(?:exec|spawn)[lv]p?e?$")
# Imported helpers that run an argument list under these names (``zulip_tools.run``, ``utils.run_subprocess``).
_RUNNER_NAMES = frozenset(
    {"run", "run_subprocess", "run_command", "run_cmd", "runcmd", "check_call", "shell", "sh", "spawn"}
)
# The step words, and the name of the one who does the step (``installer``, ``updater``, ``upgrader``); a program
# named for pulling the product's checkout (``web/gitpull.php``, ``git-pull.py``) is its update step (session 32).
_STEP_NAME = re.compile(
    r"(?:^|[-_.])(?:install(?:er)?|upgrade(?:r)?|update(?:r)?|migrate|bootstrap|setup|deploy|provision|configure|"
    r"post-?inst(?:all)?|pre-?inst(?:all)?|start|entrypoint|maintenance|git[-_]?pull)(?:$|[-_.])"
)
# An executable's name (no extension: a command run by name) that ends in the step it performs, glued to the
# product's prefix as command names often are (``msfupdate``, ``pveupgrade``, ``fooinstall``)
_GLUED_STEP_COMMAND = re.compile(r"^[a-z][a-z0-9]*(?:install|upgrade|update)$")
# A step word inside a CLI command's name, glued to the words around it (``performupgrade``, ``initialsetup``).
_GLUED_COMMAND_STEP = re.compile(r"install|upgrade|update|setup|migrate")
_STEP_DIRS = frozenset(
    {"bin", "sbin", "scripts", "setup", "install", "installer", "installers", "bootstrap", "upgrade", "deploy"}
)
_UNDO = frozenset({"down", "downgrade", "rollback", "uninstall", "purge"})
_ROOT_HELPER = re.compile(r"^_?(?:assert|require|ensure|check|must_be|die_unless)_?(?:running_)?(?:as_)?root$")
_EXITS = frozenset({"exit", "_exit", "quit", "abort"})
# A program written out: a word or an absolute or relative path with no shell expansion (``/usr/bin/systemctl``).
_LITERAL_PROGRAM = re.compile(r"/?(?:[\w.+-]+/)*[\w.+-]+")
_FETCH = frozenset({"urlopen", "get", "post", "request", "open"})
_FETCH_OWNERS = frozenset({"request", "urllib", "urllib2", "requests", "httpx", "urllib3", "session"})


def commands(path: str, text: str) -> list[Piece] | None:
    """(line, shell) of what the Python script at ``path`` runs; None when it is not a Python script that runs."""
    if len(text) > MAX_CHARS or posixpath.basename(path) == "setup.py" or is_test_path(path):
        return None
    if not (path.endswith(".py") or _INTERPRETER.match(text[:200])):
        return None
    tree = python_tree(text)
    nodes = _nodes(tree) if tree is not None else None
    if tree is None or nodes is None:
        return None
    fabric = bool(fabric_operations(nodes) or connection_methods(nodes))
    fabfile = is_fabfile(path, fabric)  # ``fab deploy`` runs its tasks
    hooks = hook_calls(tree)
    runs = _runs(tree, text)
    step = _is_migration(path, tree) or (runs and step_path(path)) or _command_step(path, tree)
    step = step or (runs and "/systemd/system" in text and _writes_unit(nodes))
    step = step or ("pull" in text and updates_checkout(nodes))  # pulls its checkout and pip-installs it: a library too
    return _read(tree, nodes, hooks) if step or fabfile or hooks else None


def program_commands(text: str) -> list[Piece] | None:
    """(line, shell) of what a Python program given on a command line runs (``python3 -c "…urlretrieve(URL, F)…"``
    in a shell script, read by shell.inline_programs): the program as a file's body would be read, with no test of
    whether it is a script (the interpreter runs it). None when it does not parse or is over the bounds."""
    if len(text) > MAX_CHARS:
        return None
    tree = python_tree(text)
    nodes = _nodes(tree) if tree is not None else None
    return _read(tree, nodes) if tree is not None and nodes is not None else None


def _nodes(tree: ast.Module) -> list[ast.AST] | None:
    """The tree's nodes, or None over :data:`MAX_NODES`."""
    nodes = list(itertools.islice(ast.walk(tree), MAX_NODES + 1))
    return nodes if len(nodes) <= MAX_NODES else None


def _read(tree: ast.Module, nodes: list[ast.AST], called: list[Piece] | None = None) -> list[Piece]:
    """What a parsed program runs, one piece a line; ``called`` are functions something outside the file calls
    (a build hook's methods), each a call of its shell function at its line after the body is read."""
    reader = _Reader(tree, nodes)
    if reader.fabric or reader.connection_ops:
        reader.pieces.extend((line, f"ssh {host} :") for line, host in connection_hosts(tree, nodes))
    reader.block(tree.body, 0)
    reader.pieces.extend((line, f"py_{name}") for line, name in called or [])
    reader.pieces.extend(secret_defaults(nodes))  # a settings table's secrets with literal defaults
    return one_per_line(reader.pieces + _used(reader.assigned, reader.pieces))


def _used(assigned: list[tuple[int, str, str]], pieces: list[Piece]) -> list[Piece]:
    """The assignments of the variables the commands use (also through other such assignments); a value no
    command uses stays program source (its line is read as before, a URL constant as a setting)."""
    wanted = {m for _, text in pieces for m in re.findall(r"\$\{(\w+)\}", text)}
    for _ in range(8):
        more = {m for _, name, text in assigned if name in wanted for m in re.findall(r"\$\{(\w+)\}", text)}
        if more <= wanted:
            break
        wanted |= more
    return [(line, text) for line, name, text in assigned if name in wanted][:MAX_PIECES]


def one_per_line(pieces: list[Piece]) -> list[Piece]:
    """Pieces that start on a line an earlier piece already holds (the same line, or inside a multi-line shell
    string) joined to it with ``;``: the layout would move them down a line, and every later line with them."""
    out: list[list[int | str]] = []
    for line, text in sorted(pieces, key=lambda p: p[0]):  # stable: pieces of one line keep their order
        if out and line <= int(out[-1][0]) + str(out[-1][1]).count("\n"):
            out[-1][1] = f"{out[-1][1]}; {text}"
        else:
            out.append([line, text])
    return [(int(line), str(text)) for line, text in out]


def _is_migration(path: str, tree: ast.Module) -> bool:
    return "/migrations/" in f"/{path}" and any(isinstance(n, ast.FunctionDef) and n.name == "up" for n in tree.body)


def step_path(path: str) -> bool:
    """A name or place that says the file is run to install, upgrade or maintain (``install.py``,
    ``bin/pveupgrade``, ``scripts/update-x.py``, ``setup/migrate.py``, a container's ``start.py``, a command with no
    extension whose name ends in its step, ``msfupdate``), not a module of the product's own code
    (``glances/outdated.py``, ``lib/autoupdate.rb``)."""
    parts = path.lower().split("/")
    stem, extension = posixpath.splitext(parts[-1])
    if not extension and _GLUED_STEP_COMMAND.search(stem):
        return True  # a command run by its name, the product's prefix glued to the step (``msfupdate``)
    return bool(_STEP_NAME.search(stem)) or any(p in _STEP_DIRS for p in parts[:-1])


def _command_step(path: str, tree: ast.Module) -> bool:
    """A CLI command module named for a step. Its file name is the command the operator types, and command names
    glue their words (Mayan's ``performupgrade``, ``initialsetup``, Django's own ``createsuperuser``), so a step word
    anywhere in the name counts, as it does for Go's names: ``manage.py performupgrade`` is the upgrade's step."""
    if not _cli_command(tree):
        return False
    stem = posixpath.splitext(posixpath.basename(path.lower()))[0]
    return step_path(path) or bool(_GLUED_COMMAND_STEP.search(stem))


def _cli_command(tree: ast.Module) -> bool:
    """The module defines a command its product's CLI runs by name (``sentry upgrade``, ``manage.py <name>``): a
    top-level function decorated ``@click.command(…)``/``@<group>.command(…)``, or a Django ``Command(BaseCommand)``
    class. Its body is what that command runs, though nothing in the file calls it."""
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            for decorator in node.decorator_list:
                target = decorator.func if isinstance(decorator, ast.Call) else decorator
                if isinstance(target, ast.Attribute) and target.attr == "command":
                    return True
        if (
            isinstance(node, ast.ClassDef)
            and node.name == "Command"
            and any(_name(b) == "BaseCommand" for b in node.bases)
        ):
            return True
    return False


def _runs(tree: ast.Module, text: str) -> bool:
    """Run as a program: an interpreter line, a ``__main__`` block, or module-level statements that act."""
    if text.startswith("#!"):
        return True
    return _acts(tree.body)


def _acts(body: list[ast.stmt], depth: int = 0) -> bool:
    """Module-level statements that act: a call, a loop, a ``with``, a ``try``, a ``__main__`` block, or an ``if``
    whose branches act (``if confirm("Create SYSTEMD unit?"): with open(…)``; not an ``if`` that only imports or
    assigns, as a library's version switch does)."""
    for node in body:
        if isinstance(node, ast.If) and "__main__" in ast.dump(node.test):
            return True
        if isinstance(node, ast.If) and depth < MAX_IF_DEPTH and _acts(node.body, depth + 1):
            return True
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
            return True
        if isinstance(node, ast.For | ast.While | ast.With | ast.Try):
            return True
    return False


def _writes_unit(nodes: list[ast.AST]) -> bool:
    """A call handed a literal path in a systemd system unit directory to write or copy to (``open("/etc/systemd/
    system/x.service", "w")``, ``shutil.copy(src, "/etc/systemd/system/")``): the program installs the product's
    service whatever its file is named (``systemdhelper.py``), as a Go package that writes a unit is read
    (docs/preflight.md; session 31)."""
    for node in nodes:
        if not isinstance(node, ast.Call) or _name(node.func) not in _UNIT_WRITERS:
            continue
        literals = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
        if _name(node.func) == "open" and not any(m in literals[1:2] for m in ("w", "a", "wb", "w+", "a+")):
            continue
        if any(in_unit_dir(value) for value in literals[:2]):
            return True
    return False


def _owner(node: ast.expr) -> str | None:
    return _name(node.value) if isinstance(node, ast.Attribute) else None


def _dq(text: str) -> str:
    """Literal text escaped for a shell double-quoted word."""
    return re.sub(r'([\\"$`])', r"\\\1", text)


@dataclass
class _Runner:
    """A function of the file that runs one of its parameters."""

    index: int
    name: str
    shell: bool
    template: str  # the command's words with the parameter as MARK (MARK alone: the parameter is the command)
    call: int = 0  # id() of the call in the function's body that runs it
    starred: bool = False  # the parameter is ``*args``: the call's arguments from ``index`` on are its words
    directory: tuple[int, str] | None = None  # (index, name) of the parameter the body's call is given as ``cwd=``


@dataclass
class _Reader:
    tree: ast.Module
    nodes: list[ast.AST]  # every node of the tree, walked once
    pieces: list[Piece] = field(default_factory=list)
    variables: set[str] = field(default_factory=set)  # names written as shell variables
    lists: dict[str, str] = field(default_factory=dict)  # names bound to an argument list -> its words
    functions: dict[str, Function] = field(default_factory=dict)
    runners: dict[str, _Runner] = field(default_factory=dict)
    root_functions: set[str] = field(default_factory=set)
    temporary: set[str] = field(default_factory=set)  # names bound to a directory the script made (mkdtemp)
    values: dict[str, str] = field(default_factory=dict)  # shell variable -> its rendered value
    codes: dict[str, str] = field(default_factory=dict)  # name -> the string literal it was last bound to
    assigned: list[tuple[int, str, str]] = field(default_factory=list)  # (line, name, shell assignment)
    expanded: set[int] = field(default_factory=set)
    call_commands: set[str] = field(default_factory=set)  # Django's call_command, by the names it is imported as
    saved: dict[int, ast.expr] = field(default_factory=dict)  # id(fetch) -> the path its response is written to
    digested: dict[int, tuple[str, ast.expr]] = field(default_factory=dict)  # id(hashlib call) -> (alg, saved path)
    unpacked: dict[int, Unpack] = field(default_factory=dict)  # id(extractall call) -> the archive and directory
    helpers: dict[str, HelperValues] = field(default_factory=dict)  # function -> what it saves and returns
    file_helpers: dict[str, FileHelper] = field(default_factory=dict)  # function -> its file operations on a param
    given: dict[str, str] | None = None  # while a helper's value is read at a call: its parameters' values
    fetchers: set[str] = field(default_factory=set)  # names imported from an HTTP client (``from requests import get``)
    fabric: dict[str, str] = field(default_factory=dict)  # local name -> Fabric operation (``run``, ``sudo``…)
    connection_ops: frozenset[str] = frozenset()  # Fabric 2's methods that run a command line (``c.run``)
    root_connection: bool = False  # every Fabric connection the module makes is as root (``settings(user='root')``)
    modules: frozenset[str] = frozenset()  # names bound by ``import X``: their ``run`` is no connection's
    hub: frozenset[str] = frozenset()  # names imported for a Hugging Face Hub download (python_model_hub)

    def __post_init__(self) -> None:
        for node in self.nodes:
            if isinstance(node, ast.ImportFrom) and node.module == "django.core.management":
                self.call_commands |= {a.asname or a.name for a in node.names if a.name == "call_command"}
        for node in self.nodes:
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                self.functions.setdefault(node.name, node)
        facts = {name: _facts(f) for name, f in self.functions.items()}
        self.root_functions = {n for n, f in facts.items() if _returns_is_root(f.nodes)}
        self.runners = _find_runners(facts)
        self.expanded = {r.call for r in self.runners.values() if r.template != MARK}
        for node in self.nodes:
            if isinstance(node, ast.ImportFrom) and node.module in _FETCH_OWNERS:
                self.fetchers |= {a.asname or a.name for a in node.names if a.name in _FETCH}
        self.fabric = fabric_operations(self.nodes)
        self.connection_ops = connection_methods(self.nodes)
        self.root_connection = bool(self.fabric or self.connection_ops) and root_connection(self.tree, self.nodes)
        self.modules = imported_modules(self.nodes)
        self.hub = hub_names(self.nodes)
        self.saved = saved_fetches(self.nodes, self.is_fetch, _writes)
        self.digested = digested_saves(self.nodes, self.is_fetch, self.saved)
        self.unpacked = unpacks(self.nodes)
        self.helpers = helper_values(self.functions, module_names(self.tree), self.saved, _walk)
        self.file_helpers = file_helpers(self.functions)

    # ------------------------------------------------------------------------------------------------ statements

    def add(self, line: int, text: str) -> None:
        if len(self.pieces) < MAX_PIECES:
            self.pieces.append((line, text))

    def block(self, stmts: Iterable[ast.stmt], depth: int) -> None:
        if depth > MAX_DEPTH:
            return
        for stmt in stmts:
            self.statement(stmt, depth + 1)

    def statement(self, stmt: ast.stmt, depth: int) -> None:
        if isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef):
            self.function(stmt, depth)
        elif isinstance(stmt, ast.ClassDef):
            self.block(stmt.body, depth)
        elif isinstance(stmt, ast.If):
            if self.root_check(stmt):
                self.add(stmt.lineno, 'if [ "$(id -u)" -ne 0 ]; then exit 1; fi')
                return
            self.calls(stmt.test)
            self.block(stmt.body, depth)
            self.block(stmt.orelse, depth)
        elif isinstance(stmt, ast.For | ast.AsyncFor | ast.While):
            self.calls(stmt.iter if isinstance(stmt, ast.For | ast.AsyncFor) else stmt.test)
            self.block(stmt.body, depth)
            self.block(stmt.orelse, depth)
        elif isinstance(stmt, ast.With | ast.AsyncWith):
            for item in stmt.items:
                self.with_item(item)
            self.block(stmt.body, depth)
        elif isinstance(stmt, ast.Try):
            self.block(stmt.body, depth)
            for handler in stmt.handlers:
                self.block(handler.body, depth)
            self.block(stmt.orelse, depth)
            self.block(stmt.finalbody, depth)
        elif isinstance(stmt, ast.Assign | ast.AnnAssign):
            self.assign(stmt)
        else:
            self.calls(stmt)

    def function(self, node: Function, depth: int) -> None:
        if node.name.lower() in _UNDO:  # its lines are the script's, read as nothing: not the upgrade's steps
            self.add(node.lineno, "#" + "\n" * ((node.end_lineno or node.lineno) - node.lineno))
            return
        self.add(node.lineno, f"py_{node.name}() {{ :")
        self.block(node.body, depth)
        self.add(node.end_lineno or node.lineno, "}")

    def with_item(self, item: ast.withitem) -> None:
        target = item.optional_vars
        if isinstance(target, ast.Name) and _is_tempdir(item.context_expr):
            self.variables.add(target.id)
            self.temporary.add(target.id)
            self.assigned.append((item.context_expr.lineno, target.id, f"{target.id}=$(mktemp -d)"))
            return
        self.calls(item.context_expr)

    def assign(self, stmt: ast.Assign | ast.AnnAssign) -> None:
        targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
        value = stmt.value
        if value is None:
            return
        self.calls(value)
        for target in targets:
            if not isinstance(target, ast.Name) or target.id.startswith("__"):
                continue
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                self.codes[target.id] = value.value  # ``cmd = "yum install -y x"`` then ``os.system(cmd)``
            elif _formatted_literal(value) and (code := self.code(value, 0)) is not None:
                self.codes[target.id] = code  # ``cmd = "echo '{}' >> /etc/hosts".format(h)``: its fields unknown
            else:
                self.codes.pop(target.id, None)
            words = self.argv(value, 0)
            if words is not None and isinstance(value, ast.List | ast.Tuple | ast.BinOp):
                self.lists[target.id] = words
                continue
            if _is_tempdir(value):
                self.variables.add(target.id)
                self.temporary.add(target.id)
                self.assigned.append((stmt.lineno, target.id, f"{target.id}=$(mktemp -d)"))
                continue
            rendered = self.text(value, 0)
            if rendered is not None and rendered.replace(UNKNOWN, ""):
                self.variables.add(target.id)
                self.values[target.id] = rendered
                self.assigned.append((stmt.lineno, target.id, f'{target.id}="{rendered}"'))

    # ------------------------------------------------------------------------------------------------ calls

    def calls(self, node: ast.AST) -> None:
        found = [n for n in _walk(node) if isinstance(n, ast.Call)]
        done: set[int] = set()
        for call in sorted(found, key=lambda c: (c.lineno, c.col_offset)):
            if id(call) in done:
                continue
            before = len(self.pieces)
            self.call(call)
            if len(self.pieces) > before:  # read as a command: the calls inside it are its arguments
                done.update(id(n) for n in ast.walk(call))

    def call(self, call: ast.Call) -> None:
        name, owner = _name(call.func), _owner(call.func)
        if name is None or id(call) in self.expanded:
            return  # a runner's own command, read at each call of the runner with what the call gives it
        shell = self.command(call, name, owner)
        if shell is not None:
            self.add(call.lineno, self.in_directory(call, name, owner, shell))
            return
        if owner == "os" and name == "chdir" and call.args:  # the process's directory, for every later command
            self.add(call.lineno, f"cd {self.word(call.args[0], 0) or UNKNOWN}")
            return
        if name in ("extend", "append") and isinstance(owner, str) and owner in self.lists and call.args:
            extra = self.argv(call.args[0], 0) if name == "extend" else self.word(call.args[0], 0)
            self.lists[owner] = f"{self.lists[owner]} {extra or UNKNOWN}"
            return
        digest = _DIGEST_CALL.search(name)
        if _ROOT_HELPER.match(name):
            self.add(call.lineno, '[ "$(id -u)" -ne 0 ] && exit 1')
        elif id(call) in self.digested:  # ``hashlib.sha256(res.content)``: the check of the file the body was saved as
            algorithm, saved = self.digested[id(call)]
            path = self.word(saved, 0) or UNKNOWN
            self.add(call.lineno, f'echo "${{PY_VALUE}}  "{path} | {algorithm.partition("_")[0]}sum -c -')
        elif digest is not None and call.args and owner in (None, "self", "cls"):
            # ``md5_file(f.name) != md5sum``: a digest of the file (the script's hashlib helper) is its check
            self.add(call.lineno, f"{digest.group(1)}sum {self.word(call.args[0], 0) or UNKNOWN}")
        elif name in self.runners:
            self.runner_call(call, self.runners[name])
        elif name in self.functions and (owner is None or owner in ("self", "cls")):
            helper = self.helpers.get(name)
            for url, target in helper.saves if helper is not None else []:
                # ``download("agent.tgz")``: the file's helper saves a URL at a path it builds from what it is given
                self.add(call.lineno, self.helper_download(call, self.helpers[name], url, target))
            if name in self.file_helpers:  # ``mkdir(INSTALL_DIR)`` of ``os.makedirs(path)``: on what it is given
                self.helper_files(call, self.file_helpers[name])
            if name.lower() not in _UNDO:
                self.add(call.lineno, f"py_{name}")
        elif name in _RUNNER_NAMES and owner not in ("subprocess", "os"):
            for arg in call.args:
                if isinstance(arg, ast.List | ast.BinOp | ast.Name) and self.names_program(arg):
                    words = self.argv(arg, 0)
                    if words:
                        self.add(call.lineno, words)
                    return

    def is_fetch(self, node: ast.AST) -> bool:
        """A request: ``urlopen``, ``requests.get``…, or a name imported from an HTTP client (``get(URL)`` after
        ``from requests import get``)."""
        if _is_fetch(node):
            return True
        return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in self.fetchers

    def helper_download(self, call: ast.Call, helper: HelperValues, url: ast.expr, path: ast.expr) -> str:
        """A call of the file's download helper: ``curl -fsSL -o PATH URL`` with what the call gives them."""
        url_text, path_text = (self.helper_text(call, helper, value, 0) for value in (url, path))
        return f'curl -fsSL -o "{path_text or UNKNOWN}" "{url_text or UNKNOWN}"'

    def helper_text(self, call: ast.Call, helper: HelperValues, value: ast.expr, depth: int) -> str | None:
        """A value a function of the file builds from its parameters (python_helper_values), with what ``call``
        gives each parameter put in (a default where it gives none; rendered where the call is)."""
        outer, self.given = self.given, self.given_values(call, helper.params, helper.defaults, depth)
        try:
            return self.text(value, depth + 1)
        finally:
            self.given = outer

    def given_values(
        self, call: ast.Call, params: list[str], defaults: Mapping[str, ast.expr], depth: int
    ) -> dict[str, str]:
        """What ``call`` gives each parameter of a function of the file (a default where it gives none)."""
        given: dict[str, str] = {}
        for index, param in enumerate(params):
            node = _given(call, index, param) or defaults.get(param)
            text = self.text(node, depth + 1) if node is not None else None
            given[param] = text if text is not None and len(text) <= MAX_VALUE else UNKNOWN
        return given

    def helper_files(self, call: ast.Call, helper: FileHelper) -> None:
        """A call of the file's file helper (``mkdir(INSTALL_DIR)``): its operations on what the call gives it."""
        outer, self.given = self.given, self.given_values(call, helper.params, {}, 0)
        try:
            for operation in helper.operations:
                shell = self.files(operation, _name(operation.func) or "", _owner(operation.func))
                if shell is not None:
                    self.add(call.lineno, shell)
        finally:
            self.given = outer

    def printed(self, call: ast.Call) -> str | None:
        """``print(…)`` to the output (no ``file=`` other than ``sys.stdout``/``sys.stderr``) of a value: ``echo`` of
        the words, a name or attribute written as the shell variable of its name (``print("Token:", token)`` is
        ``echo "Token:" "${token}"``); None when it prints only literals."""
        target = next((k.value for k in call.keywords if k.arg == "file"), None)
        if target is not None and not (_owner(target) == "sys" and _name(target) in ("stdout", "stderr")):
            return None
        words = [self.shown(arg, 0) for arg in call.args if not isinstance(arg, ast.Starred)]
        if not any("${" in w.replace(UNKNOWN, "") for w in words):
            return None
        return "echo " + " ".join(f'"{w}"' for w in words)

    def shown(self, node: ast.expr, depth: int) -> str:
        """A printed value as the inside of a double-quoted word: names as variables of their names."""
        if depth > MAX_DEPTH:
            return UNKNOWN
        if isinstance(node, ast.Name):
            return f"${{{node.id}}}"
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name | ast.Attribute):
            return f"${{{node.attr}}}"
        if isinstance(node, ast.FormattedValue):
            return self.shown(node.value, depth + 1)
        if isinstance(node, ast.JoinedStr):
            return "".join(self.shown(v, depth + 1) for v in node.values)
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return _dq(node.value.replace("\n", " "))
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            return self.shown(node.left, depth + 1) + self.shown(node.right, depth + 1)
        rendered = self.text(node, depth + 1)
        return rendered if rendered is not None else UNKNOWN

    def in_directory(self, call: ast.Call, name: str, owner: str | None, shell: str) -> str:
        """A ``subprocess`` call given ``cwd=DIR`` runs its command in DIR: ``( cd DIR; command )`` (a value not
        known is ``${PY_VALUE}``, a directory other than the script's)."""
        if name not in _SUBPROCESS or owner not in ("subprocess", None):
            return shell
        where = next((k.value for k in call.keywords if k.arg == "cwd"), None)
        if where is None or (isinstance(where, ast.Constant) and where.value is None):
            return shell
        return f"( cd {self.word(where, 0) or UNKNOWN}; {shell} )"

    def command(self, call: ast.Call, name: str, owner: str | None) -> str | None:
        """The shell a direct runner, download or delete call stands for, or None."""
        args = call.args
        if owner is None and name in self.fabric and name not in self.functions and self.fabric[name] in TRANSFERS:
            return transfer_shell(call, lambda node: self.word(node, 0))  # ``put(…, use_sudo=True)``: sudo moves it
        if owner is None and name in self.fabric and name not in self.functions and args:
            code = self.code(args[0], 0)  # ``run('git pull')`` in a fabfile: a command line on the remote host
            return operation_shell(self.fabric[name], code, self.root_connection) if code else None
        if name in self.connection_ops and owner is not None and owner not in self.modules and args:
            code = self.code(args[0], 0)  # Fabric 2's ``c.sudo('apt-get update')``: on the connection's host
            return operation_shell(name, code, self.root_connection) if code else None
        direct = owner == "subprocess" or (owner is None and name not in self.functions)
        if direct and name in _SUBPROCESS and args:
            if _shell_call(call) or name in ("getoutput", "getstatusoutput"):
                return self.code(_shell_script(args[0]), 0)
            return self.argv(args[0], 0)
        if owner == "os" and args:
            if name in _OS_SHELL:
                return self.code(args[0], 0)
            if _OS_EXEC.match(name) and len(args) >= 2:
                return self.argv(args[1], 0)
        if owner == "pip" and name == "main" and args:
            words = self.argv(args[0], 0)
            return f"pip {words}" if words else None
        django = (name in self.call_commands and owner is None) or (name == "call_command" and owner == "management")
        if django and args:
            # Django's call_command("migrate", …) runs the management command as ``manage.py migrate`` would
            command = args[0].value if isinstance(args[0], ast.Constant) else None
            return f"python manage.py {command}" if isinstance(command, str) and command.strip() else None
        if name == "print" and owner is None:
            return self.printed(call)
        seeded = python_seeded(call, name)  # ``create_superuser(…, 'admin123')``: the account's default password
        if seeded is not None:
            return seeded
        model = hub_download(call, name, owner, self.hub, lambda node: self.word(node, 0))  # a model from the Hub
        return model if model is not None else self.transfer(call, name, owner)

    def transfer(self, call: ast.Call, name: str, owner: str | None) -> str | None:
        args = call.args
        if name == "exec" and owner is None and args:
            fetches = [c for c in _walk(args[0]) if isinstance(c, ast.Call) and self.is_fetch(c) and c.args]
            url = self.text(fetches[0].args[0], 0) if fetches else None
            return f'curl -fsSL "{url}" | python3' if url else None
        if name in ("urlretrieve",) or (name == "download" and owner == "wget"):
            if not args:
                return None
            url = self.text(args[0], 0)
            target = self.word(args[1], 0) if len(args) > 1 else '"${PY_DOWNLOAD}"'
            return f'curl -fsSL -o {target} "{url}"' if url else None
        if self.is_fetch(call) and args:
            url = self.text(args[0], 0)
            written = self.saved.get(id(call))  # ``open(path, "wb").write(res.content)``: saved at ``path``
            saved = self.word(written, 0) if written is not None else None
            if saved and saved != f'"{UNKNOWN}"':  # a download, wherever its URL comes from
                return f'curl -fsSL -o {saved} "{url or UNKNOWN}"'
            if not url or not ("://" in url or _known(url, self.variables, self.values)):
                return None
            return f'curl -fsSL "{url}"'
        if (owner == "shutil" and name == "rmtree") or (owner == "os" and name in ("remove", "unlink")):
            if args and isinstance(args[0], ast.Name) and args[0].id in self.temporary:
                return ":"  # the script's own temporary directory
            path = self.word(args[0], 0) if args else None
            return removal(path, recursive=name == "rmtree") if path else None
        return self.files(call, name, owner)

    def files(self, call: ast.Call, name: str, owner: str | None) -> str | None:
        """File operations as the shell commands that do the same: writes, directories, modes, copies, links."""
        unpack = self.unpacked.get(id(call))
        if unpack is not None:  # ``tar.extractall("/opt/agent")``: ``tar -xf ARCHIVE -C /opt/agent``
            archive = self.word(unpack.archive, 0) or UNKNOWN
            directory = self.word(unpack.directory, 0) if unpack.directory is not None else None
            if unpack.kind == "zip":
                return f"unzip -o {archive}" + (f" -d {directory}" if directory else "")
            return f"tar -xf {archive}" + (f" -C {directory}" if directory else "")
        args = [self.word(a, 0) for a in call.args]
        if name == "open" and owner is None and args and _writes(call):
            if any(call.args[0] is path for path in self.saved.values()):
                return ":"  # the file a fetch's response is saved to: the download's own write (its ``curl -o``)
            return f": >> {args[0]}"
        if name in ("write_text", "write_bytes") and isinstance(call.func, ast.Attribute):
            target = self.word(call.func.value, 0)
            return f": >> {target}" if target and target != f'"{UNKNOWN}"' else None
        if name == "mkdir" and owner != "os" and isinstance(call.func, ast.Attribute):
            # ``Path("/etc/app").mkdir(parents=True)``: a receiver that reads as a path (not an SFTP client's)
            target = self.word(call.func.value, 0)
            parents = any(k.arg == "parents" and _true(k.value) for k in call.keywords)
            known = target and target != f'"{UNKNOWN}"'
            return f"mkdir {'-p ' if parents else ''}-- {target}" if known else None
        if owner not in ("os", "shutil"):
            return None
        if name in ("makedirs", "mkdir") and args and args[0]:
            return f"mkdir -p -- {args[0]}"
        mode = call.args[1] if len(call.args) > 1 else None
        if name == "chmod" and args[0:1] and isinstance(mode, ast.Constant) and isinstance(mode.value, int):
            return f"chmod {mode.value:o} -- {args[0]}"
        if name == "chmod" and args[0:1] and mode is not None and _adds_execute(mode):
            return f"chmod +x -- {args[0]}"  # ``os.chmod(p, os.stat(p).st_mode | stat.S_IEXEC)``
        if name == "chown" and args[0:1]:
            return f"chown {UNKNOWN} -- {args[0]}"
        verb = {"copy": "cp", "copy2": "cp", "copyfile": "cp", "copytree": "cp -r", "move": "mv", "rename": "mv"}
        verb |= {"symlink": "ln -s"}
        if name in verb and len(args) >= 2 and args[0] and args[1]:
            return f"{verb[name]} -- {args[0]} {args[1]}"
        return None

    def runner_call(self, call: ast.Call, runner: _Runner) -> None:
        arg = call.args[runner.index] if len(call.args) > runner.index else None
        arg = arg or next((k.value for k in call.keywords if k.arg == runner.name), None)
        if runner.starred:
            arg = ast.Tuple(elts=call.args[runner.index :]) if len(call.args) > runner.index else None
        if arg is None:
            return
        if not runner.shell:
            words = self.argv(arg, 0) or self.word(arg, 0)
            if words and runner.template != MARK:
                template = _PARAM.sub(lambda m: self.param_text(call, int(m.group(1))), runner.template)
                head, _, rest = template.replace(MARK, words).partition(" ")
                words = f"{self.program(None, head)} {rest}".rstrip()
            if words and words.replace(UNKNOWN, "").replace('"', "").strip():
                self.add(call.lineno, self.runner_directory(call, runner, words))
            return
        for leaf in _string_leaves(arg):
            code = self.code(leaf, 0)
            if code and code != UNKNOWN:
                self.add(leaf.lineno, self.runner_directory(call, runner, code))

    def runner_directory(self, call: ast.Call, runner: _Runner, shell: str) -> str:
        """A runner that hands one of its parameters to its call as ``cwd=`` runs the command where the call
        says (``_git(["pull"], folder)`` → ``( cd "${folder}"; git pull )``); not given, where the script is."""
        if runner.directory is None:
            return shell
        index, name = runner.directory
        given = call.args[index] if len(call.args) > index else None
        given = given or next((k.value for k in call.keywords if k.arg == name), None)
        if given is None or isinstance(given, ast.Starred) or (isinstance(given, ast.Constant) and given.value is None):
            return shell
        return f"( cd {self.word(given, 0) or UNKNOWN}; {shell} )"

    def param_text(self, call: ast.Call, index: int) -> str:
        """What a call gives a runner's other parameter that names its program (``run_venv(venv, 'python', …)``)."""
        given = call.args[index] if len(call.args) > index and not isinstance(call.args[index], ast.Starred) else None
        return (self.text(given, 1) or UNKNOWN) if given is not None else UNKNOWN

    def root_check(self, stmt: ast.If) -> bool:
        """``if <not root>: … exit``: the branch ends the script when it does not run as root."""
        if not _not_root(stmt.test, self.root_functions):
            return False
        return any(_exits(n) for s in stmt.body for n in ast.walk(s))

    # ------------------------------------------------------------------------------------------------ values

    def names_program(self, node: ast.expr) -> bool:
        """An argument list whose program is written in the file: a string literal, a name bound to a literal
        program (``[SYSCTL, 'restart', 'sshd']`` with ``SYSCTL = '/usr/bin/systemctl'``), or a name bound to such a
        list (``migration_cmd + ['auth']``)."""
        while isinstance(node, ast.BinOp):
            node = node.left
        if isinstance(node, ast.Name) and node.id in self.lists:
            program = self.lists[node.id].split(" ", 1)[0]
            return bool(program) and "$" not in program
        if not (isinstance(node, ast.List | ast.Tuple) and node.elts):
            return False
        first = node.elts[0]
        if isinstance(first, ast.Name):
            return _LITERAL_PROGRAM.fullmatch(self.values.get(first.id, "")) is not None
        return isinstance(first, ast.Constant) and isinstance(first.value, str)

    def argv(self, node: ast.expr, depth: int) -> str | None:
        """An argument list as shell words; None when the node is not a list (or a name bound to one)."""
        if depth > MAX_DEPTH:
            return None
        if isinstance(node, ast.List | ast.Tuple):
            words = [self.word(e, depth + 1) for e in node.elts]
            if words and words[0]:
                words[0] = self.program(node.elts[0], words[0])
            return " ".join(w or UNKNOWN for w in words) if words else None
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            left, right = self.argv(node.left, depth + 1), self.argv(node.right, depth + 1)
            if left is None and right is None:
                return None
            return f"{left or UNKNOWN} {right or UNKNOWN}"
        if isinstance(node, ast.Name) and node.id in self.lists:
            return self.lists[node.id]
        if isinstance(node, ast.Starred):
            return self.argv(node.value, depth + 1)
        if _shlex_split(node):
            # ``shlex.split(NPM_INSTALL_CMD)``: the string's words, as the shell would split it (holdout208); one with
            # a shell operator is not the same command (``|`` is a word to shlex), so it stays unread
            code = self.code(node.args[0], depth + 1)
            return code if code and not _SHELL_OPERATORS.search(code) else None
        return None

    def program(self, node: ast.expr | None, word: str) -> str:
        """The program word: a path in a computed directory (``venv / "bin/python"``) is written as its name, and a
        name bound to a literal program path or word (``SYSCTL = '/usr/bin/systemctl'``) as that literal, which is how
        the shell checks know programs."""
        while isinstance(node, ast.Call) and _name(node.func) in ("str", "fspath") and len(node.args) == 1:
            node = node.args[0]
        value = self.values.get(node.id, word) if isinstance(node, ast.Name) else word
        if isinstance(node, ast.Name) and _LITERAL_PROGRAM.fullmatch(value):
            return value  # a constant that names the program (``SYSCTL = '/usr/bin/systemctl'``): the program itself
        m = re.fullmatch(r'"?\$\{[^}]+\}(?:/[^/"$]+)*/([\w.+-]+)"?', value)
        return m.group(1) if m else word

    def word(self, node: ast.expr, depth: int) -> str | None:
        if isinstance(node, ast.Starred):
            return UNKNOWN
        rendered = self.text(node, depth)
        return None if rendered is None else f'"{rendered}"'

    def text(self, node: ast.expr, depth: int) -> str | None:
        """A value as the inside of a double-quoted shell word; None only past the depth bound."""
        if depth > MAX_DEPTH:
            return None
        d = depth + 1
        if isinstance(node, ast.Constant):
            if isinstance(node.value, str):
                return _dq(node.value.replace("\n", " "))
            return UNKNOWN if node.value is None or isinstance(node.value, bool) else _dq(str(node.value))
        if isinstance(node, ast.JoinedStr):
            return "".join(self.formatted(v, d) for v in node.values)
        if isinstance(node, ast.Name):
            if self.given is not None and node.id in self.given:
                return self.given[node.id]  # a helper's parameter: what the call gives it
            return f"${{{node.id}}}" if node.id in self.variables else UNKNOWN
        if isinstance(node, ast.Attribute) and node.attr == "executable" and _name(node.value) == "sys":
            return "python3"
        if isinstance(node, ast.BinOp):
            return self.binop(node, d)
        if isinstance(node, ast.BoolOp) and isinstance(node.op, ast.Or):
            last = self.text(node.values[-1], d)
            return f"${{PY_VALUE:-{last}}}" if last and last != UNKNOWN else UNKNOWN
        if isinstance(node, ast.Call):
            return self.call_text(node, d)
        part = self.split_part(node)
        if part is not None:
            return _dq(part)  # ``server.split(":")[0]`` of a string the file binds: that part
        if isinstance(node, ast.Subscript) and _name(node.value) == "environ" and _owner(node.value) in ("os", None):
            key = node.slice.value if isinstance(node.slice, ast.Constant) else None
            if isinstance(key, str) and re.fullmatch(r"[A-Za-z_]\w*", key):
                return f"${{{key}}}"  # ``os.environ["API_URL"]``: the variable the program was started with
        return UNKNOWN

    def split_part(self, node: ast.expr) -> str | None:
        """``S.split(SEP)[N]`` (also ``rsplit``, a negative N) of a string literal, or of a name bound to one
        (holdout193's fabfile: ``ssh`` of ``server.split(':')[0]`` with ``server = "root@49.13.174.94"``): the part;
        None for anything else."""
        if not (isinstance(node, ast.Subscript) and isinstance(node.value, ast.Call)):
            return None
        call, index = node.value, node.slice
        if not (isinstance(call.func, ast.Attribute) and call.func.attr in ("split", "rsplit")):
            return None
        if call.keywords or len(call.args) != 1 or not isinstance(call.args[0], ast.Constant):
            return None
        separator, base = call.args[0].value, call.func.value
        known: object = self.codes.get(base.id) if isinstance(base, ast.Name) else None
        known = base.value if isinstance(base, ast.Constant) else known
        if not (isinstance(known, str) and isinstance(separator, str) and separator):
            return None
        negative = isinstance(index, ast.UnaryOp) and isinstance(index.op, ast.USub)
        number = index.operand if isinstance(index, ast.UnaryOp) and negative else index
        if not (isinstance(number, ast.Constant) and type(number.value) is int):
            return None
        at, parts = -number.value if negative else number.value, known.split(separator)
        return parts[at] if -len(parts) <= at < len(parts) else None

    def formatted(self, node: ast.expr, depth: int) -> str:
        """A part of an f-string: its literal text, or a plain field (``{BASE}``, no conversion or format) as the
        value it holds (a name the reader writes as a shell variable, ``${BASE}``); any other field unknown."""
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return _dq(node.value.replace("\n", " "))
        if isinstance(node, ast.FormattedValue) and node.conversion == -1 and node.format_spec is None:
            return self.text(node.value, depth) or UNKNOWN
        return UNKNOWN

    def binop(self, node: ast.BinOp, depth: int) -> str | None:
        left, right = self.text(node.left, depth), self.text(node.right, depth)
        if left is None or right is None:
            return None
        if isinstance(node.op, ast.Add):
            return left + right
        if isinstance(node.op, ast.Div):
            return f"{left}/{right}"
        if isinstance(node.op, ast.Mod) and isinstance(node.left, ast.Constant | ast.Call):
            return re.sub(r"%(?:\([^)]*\))?[-#0 +]*\d*(?:\.\d+)?[sdirf]", UNKNOWN.replace("\\", r"\\"), left)
        return UNKNOWN

    def call_text(self, node: ast.Call, depth: int) -> str | None:
        name, owner, args = _name(node.func), _owner(node.func), node.args
        helper = self.helpers.get(name or "")
        if helper is not None and helper.returned is not None and owner in (None, "self", "cls"):
            # ``archive = download("agent.tgz")``: what the file's function returns, with the call's values
            returned = self.helper_text(node, helper, helper.returned, depth)
            return returned if returned is not None and len(returned) <= MAX_VALUE else UNKNOWN
        if name == "format" and isinstance(node.func, ast.Attribute):
            base = self.text(node.func.value, depth)
            return None if base is None else self.fields(base, node, depth)
        if name == "join" and owner == "path" and args:
            parts = [self.text(a, depth) for a in args]
            if any(p is None for p in parts):
                return None
            joined = ""
            for part in parts:
                joined = part if part and part.startswith("/") else (f"{joined}/{part}" if joined else part or "")
            return re.sub(r"/{2,}", "/", joined)
        if name in ("str", "Path", "abspath", "realpath", "expanduser", "normpath", "fspath") and len(args) == 1:
            return self.text(args[0], depth)
        if name == "BytesIO" and owner in ("io", None) and len(args) == 1:
            # an archive read from memory (``zipfile.ZipFile(io.BytesIO(res.content))``): the one file both the fetch
            # saved into (python_saved_fetches) and the unpack reads (python_archives) are written as
            return f"python-memory-{node.lineno}-{node.col_offset}"
        if name in ("get", "getenv") and owner in ("environ", "os") and len(args) == 2:
            key = args[0].value if isinstance(args[0], ast.Constant) else None
            default = self.text(args[1], depth)
            if isinstance(key, str) and re.fullmatch(r"[A-Za-z_]\w*", key) and default:
                return f"${{{key}:-{default}}}"
        return UNKNOWN

    def fields(self, template: str, call: ast.Call, depth: int) -> str:
        """A ``str.format`` template with each ``{name}``/``{0}``/``{}`` replaced by the value given for it."""
        named = {k.arg: k.value for k in call.keywords if k.arg}
        position = iter(range(len(call.args)))

        def value(m: re.Match[str]) -> str:
            key = m.group(1).split(":", 1)[0].split("!", 1)[0]
            node = named.get(key) if key and not key.isdigit() else None
            if node is None and (key.isdigit() or not key):
                index = int(key) if key.isdigit() else next(position, len(call.args))
                node = call.args[index] if index < len(call.args) else None
            rendered = self.text(node, depth + 1) if node is not None else None
            return rendered if rendered is not None else UNKNOWN

        return re.sub(r"\{([^{}]*)\}", value, template)

    def code(self, node: ast.expr, depth: int) -> str | None:
        """A string run by a shell: its literal text is shell code; values in it are unknown words."""
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            span = (node.end_lineno or node.lineno) - node.lineno
            return node.value if node.value.count("\n") <= span else node.value.replace("\n", "; ")
        if isinstance(node, ast.JoinedStr):
            return "".join(self.code_part(v) for v in node.values)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod) and isinstance(node.left, ast.Constant):
            base = self.code(node.left, depth)
            return None if base is None else _printf_fields(base)
        if isinstance(node, ast.Call) and _name(node.func) == "format" and isinstance(node.func, ast.Attribute):
            base = self.code(node.func.value, depth + 1)
            return None if base is None else self.fields(base, node, depth)
        if isinstance(node, ast.Name) and node.id in self.lists:
            return self.lists[node.id]
        if isinstance(node, ast.Name) and node.id in self.codes:
            return self.codes[node.id]  # the literal the name was last bound to, as the shell the call runs
        d = depth + 1
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add) and _joins_text(node):
            # ``"mkdir -p " + BASE_DIR``: the literal parts are shell code, any other value one quoted word
            left, right = (self.code(n, d) if _is_text(n) else self.word(n, d) for n in (node.left, node.right))
            if isinstance(node.left, ast.Name) and self.codes.get(node.left.id, "").endswith(" "):
                left = f"${{{node.left.id}}} "  # ``prefix = "sudo "`` then ``prefix + "systemctl …"``: a command prefix
            return None if left is None or right is None else left + right
        words = self.argv(node, depth)
        return words

    def code_part(self, node: ast.expr) -> str:
        """A part of an f-string run by a shell: its literal text is shell code; a plain field naming a value the
        program binds (``{GITHUB_REPO}`` with ``GITHUB_REPO = "https://…"``) is that variable, ``${GITHUB_REPO}``,
        as the same name is in a ``+`` join or an argument list (holdout250's neft: ``os.system(f"git clone
        {GITHUB_REPO} {PROJECT_NAME}")``); any other field is an unknown word."""
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return node.value
        plain = isinstance(node, ast.FormattedValue) and node.conversion == -1 and node.format_spec is None
        name = node.value if isinstance(node, ast.FormattedValue) and isinstance(node.value, ast.Name) else None
        known = name is not None and name.id in self.variables and (self.given is None or name.id not in self.given)
        return f"${{{name.id}}}" if plain and known and name is not None else UNKNOWN


# A printf-style conversion of a ``%`` template (``%s``, ``%(path)s``, ``%-5d``) or its escaped percent sign (``%%``)
_PRINTF_FIELD = re.compile(r"%%|%(?:\([^)]*\))?[-#0 +]*\d*(?:\.\d+)?[sdirf]")


def _printf_fields(template: str) -> str:
    """A ``%`` template run as shell code with each conversion an unknown value (``'mkdir -p %(path)s' % env`` is
    ``mkdir -p ${PY_VALUE}``): left as written, ``%(path)s``'s parentheses would be shell syntax, and ``%%`` is
    one percent sign."""
    return _PRINTF_FIELD.sub(lambda m: "%" if m.group(0) == "%%" else UNKNOWN, template)


def _formatted_literal(node: ast.expr) -> bool:
    """A string literal filled in by ``.format(…)`` or a ``%`` template (``'sh -c "echo {}"'.format(x)``)."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        template = node.func.value
    elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
        template = node.left
    else:
        return False
    return isinstance(template, ast.Constant) and isinstance(template.value, str)


def _is_text(node: ast.expr) -> bool:
    """A string literal, or a ``+`` join that starts or ends with one."""
    return (isinstance(node, ast.Constant) and isinstance(node.value, str)) or (
        isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add) and _joins_text(node)
    )


def _joins_text(node: ast.BinOp) -> bool:
    return _is_text(node.left) or _is_text(node.right)


# A call that digests a file: the script's own helper named for the algorithm (``md5_file``, ``sha256sum``,
# ``file_sha256``), read as the shell tool of that algorithm on its first argument.
_DIGEST_CALL = re.compile(r"(?:^|_)(md5|sha1|sha224|sha256|sha384|sha512)(?:sum)?(?:_|$)")


def _given(call: ast.Call, index: int, name: str) -> ast.expr | None:
    """What a call gives a function's parameter, by position or by keyword."""
    given = call.args[index] if len(call.args) > index else None
    if isinstance(given, ast.Starred):
        return None
    return given or next((k.value for k in call.keywords if k.arg == name), None)


def _known(text: str, variables: set[str], values: dict[str, str]) -> bool:
    """A value that is one of the script's variables (``${JSON_URL}``), or starts with one that holds a URL
    (``${API_ROOT}projects`` of ``API_ROOT = "https://…/v2/"``)."""
    m = re.match(r"\$\{(\w+)\}", text)
    if m is None or m.group(1) not in variables:
        return False
    return m.end() == len(text) or "://" in values.get(m.group(1), "")


def _walk(node: ast.AST) -> Iterator[ast.AST]:
    """The nodes under ``node``, not entering nested functions, classes or lambdas (their code runs elsewhere)."""
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        for child in ast.iter_child_nodes(current):
            if not isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef | ast.Lambda):
                stack.append(child)


_EXECUTE_BITS = frozenset({"S_IEXEC", "S_IXUSR", "S_IXGRP", "S_IXOTH", "S_IRWXU"})


def _adds_execute(mode: ast.expr) -> bool:
    """A mode that ORs in an execute bit by name (``st.st_mode | stat.S_IEXEC``, ``stat.S_IRWXU | stat.S_IRGRP``):
    the file is made executable, as ``chmod +x`` makes it."""
    if isinstance(mode, ast.BinOp) and isinstance(mode.op, ast.BitOr):
        return _adds_execute(mode.left) or _adds_execute(mode.right)
    return _name(mode) in _EXECUTE_BITS


def _true(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and node.value is True


def _writes(call: ast.Call) -> bool:
    """``open(path, "w")`` (also ``a``, ``x``, ``+``): the call writes the file."""
    mode = call.args[1] if len(call.args) > 1 else next((k.value for k in call.keywords if k.arg == "mode"), None)
    return isinstance(mode, ast.Constant) and isinstance(mode.value, str) and bool(set(mode.value) & set("wax+"))


def _is_tempdir(node: ast.expr) -> bool:
    return isinstance(node, ast.Call) and _name(node.func) in ("mkdtemp", "TemporaryDirectory")


def _is_fetch(node: ast.AST) -> bool:
    if not isinstance(node, ast.Call):
        return False
    name, owner = _name(node.func), _owner(node.func)
    return name == "urlopen" or (name in _FETCH and owner in _FETCH_OWNERS)


def _exits(node: ast.AST) -> bool:
    if isinstance(node, ast.Raise):
        return True
    return isinstance(node, ast.Call) and _name(node.func) in _EXITS


def _is_uid(node: ast.expr) -> bool:
    return isinstance(node, ast.Call) and _name(node.func) in ("geteuid", "getuid")


def _zero(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and node.value == 0 and not isinstance(node.value, bool)


def _uid_is_root(node: ast.expr) -> bool | None:
    """True for ``uid == 0``, False for ``uid != 0``/``uid > 0``, None when not a uid comparison."""
    if not (isinstance(node, ast.Compare) and len(node.ops) == 1):
        return None
    left, right, op = node.left, node.comparators[0], node.ops[0]
    if not ((_is_uid(left) and _zero(right)) or (_is_uid(right) and _zero(left))):
        return None
    if isinstance(op, ast.Eq):
        return True
    if isinstance(op, ast.NotEq | ast.Gt):
        return False
    return None


def _returns_is_root(nodes: list[ast.AST]) -> bool:
    returns = [n for n in nodes if isinstance(n, ast.Return) and n.value is not None]
    return len(returns) == 1 and _uid_is_root(returns[0].value) is True  # type: ignore[arg-type]


def _not_root(test: ast.expr, root_functions: set[str]) -> bool:
    """A test that is true when the script does not run as root."""
    if _uid_is_root(test) is False:
        return True
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        inner = test.operand
        if _uid_is_root(inner) is True:
            return True
        if isinstance(inner, ast.Call) and _name(inner.func) in root_functions and not inner.args:
            return True
        return _writes_etc(inner)
    return False


def _writes_etc(node: ast.expr) -> bool:
    """``os.access("/etc/…", os.W_OK)``: only root may write there."""
    return (
        isinstance(node, ast.Call)
        and _name(node.func) == "access"
        and len(node.args) >= 2
        and isinstance(node.args[0], ast.Constant)
        and str(node.args[0].value).startswith("/etc/")
        and _name(node.args[1]) == "W_OK"
    )


def _string_leaves(node: ast.expr) -> Iterator[ast.expr]:
    """The strings in a command argument given to a runner of shell text: dict values, list items, the string."""
    if isinstance(node, ast.Dict):
        for value in node.values:
            yield from _string_leaves(value)
    elif isinstance(node, ast.List | ast.Tuple):
        for item in node.elts:
            yield from _string_leaves(item)
    elif isinstance(node, ast.Constant | ast.JoinedStr | ast.BinOp) or (
        isinstance(node, ast.Call) and _name(node.func) == "format"
    ):
        yield node


MARK = "\x00ARG\x00"


def _command_args(call: ast.Call, runners: dict[str, _Runner]) -> list[ast.expr]:
    """The argument of ``call`` that is run as a command: a direct runner's first, or a known runner's own."""
    name, owner = _name(call.func), _owner(call.func)
    if name is None:
        return []
    direct = owner == "subprocess" or (owner is None and name in _SUBPROCESS) or (owner == "sarge" and name == "run")
    if (direct or (owner == "os" and name in _OS_SHELL)) and call.args:
        return [call.args[0]]
    runner = runners.get(name)
    if runner is not None and runner.starred and len(call.args) > runner.index:
        return [ast.Tuple(elts=call.args[runner.index :])]  # ``run_venv(venv, 'python', '-m', 'pip', *args)``
    if runner is not None and len(call.args) > runner.index:
        return [call.args[runner.index]]
    return []


_SHELL_OPERATORS = re.compile(r"[|&;<>()`\\]")


def _shlex_split(node: ast.expr) -> TypeGuard[ast.Call]:
    """``shlex.split(X)`` of one argument."""
    return (
        isinstance(node, ast.Call)
        and _name(node.func) == "split"
        and _owner(node.func) == "shlex"
        and len(node.args) == 1
        and not node.keywords
    )


def _shell_script(node: ast.expr) -> ast.expr:
    """The command string a ``shell=True`` run hands to the shell. Given a list (``call(['git pull'], shell=True)``),
    POSIX runs ``/bin/sh -c ARGS[0] ARGS[1:]``: the first item is the script, the others its ``$0``, ``$1``…"""
    if isinstance(node, ast.List | ast.Tuple) and node.elts and not isinstance(node.elts[0], ast.Starred):
        return node.elts[0]
    return node


def _shell_call(call: ast.Call) -> bool:
    name, owner = _name(call.func), _owner(call.func)
    return (owner == "os" and name in _OS_SHELL) or any(k.arg == "shell" and _true(k.value) for k in call.keywords)


@dataclass
class _Facts:
    """What ``_runner`` reads of a function, gathered once: its parameters, calls and name bindings."""

    params: list[str]
    nodes: list[ast.AST]
    calls: list[ast.Call]
    bindings: _Bindings
    callees: set[str]
    starred: str | None = None  # the ``*args`` parameter


def _facts(function: Function) -> _Facts:
    params = [a.arg for a in function.args.posonlyargs + function.args.args]
    if params and params[0] in ("self", "cls"):
        params = params[1:]
    nodes = list(ast.walk(function))
    calls = [n for n in nodes if isinstance(n, ast.Call)]
    bindings = _bindings(nodes)
    bindings.params = {p: i for i, p in enumerate(params)}
    starred = function.args.vararg.arg if function.args.vararg else None
    return _Facts(params, nodes, calls, bindings, {_name(c.func) or "" for c in calls}, starred)


def _find_runners(all_facts: dict[str, _Facts]) -> dict[str, _Runner]:
    """Functions of the file that run a parameter: as the command (``subprocess.run(args)``, each string of a
    mapping given to ``check_call(command, shell=True)``) or as its tail (``subprocess.run([PYTHON] + args)``)."""
    runners: dict[str, _Runner] = {}
    facts = {name: f for name, f in all_facts.items() if f.calls}
    pending = set(facts)
    for _ in range(6):  # runners of runners, to a bound: a later round looks only at callers of new runners
        found = {name: r for name in pending if (r := _runner(facts[name], runners)) is not None}
        if not found:
            break
        runners.update(found)
        pending = {n for n, f in facts.items() if n not in runners and f.callees & found.keys()}
    return runners


def _runner(facts: _Facts, runners: dict[str, _Runner]) -> _Runner | None:
    params = facts.params + ([facts.starred] if facts.starred else [])
    for index, param in enumerate(params):
        for call in facts.calls:
            for arg in _command_args(call, runners):
                inner = runners.get(_name(call.func) or "")
                template = _template(arg, param, facts.bindings, 0)
                if template is None or MARK not in template:
                    continue
                if inner is not None and inner.template != MARK:
                    # the inner runner's program named by another of its parameters: what this call gives it
                    given = _PARAM.sub(functools.partial(_literal_arg, call), inner.template)
                    template = given.replace(MARK, template)
                shell = inner.shell if inner is not None else _shell_call(call)
                if shell and template != MARK:
                    continue  # a value inside a command line: the function's own command is read where it stands
                # the body's own command is read at each call instead, unless it is built up in a variable the
                # function changes on its own (``command = ["sudo"] + command``): then it is read where it runs too
                starred = param == facts.starred and index == len(facts.params)
                if starred and isinstance(arg, ast.Starred):
                    # ``subprocess.run(*a, **kw)``: the star spread into the run's own arguments, so what the
                    # caller gives at that position is the command itself (``process_run(['apt-get', …])``)
                    starred = False
                call_id = 0 if isinstance(arg, ast.Name) else id(call)
                name = "*" + param if starred else param
                return _Runner(index, name, shell, template, call_id, starred, _cwd_param(call, facts.params))
    return None


def _cwd_param(call: ast.Call, params: list[str]) -> tuple[int, str] | None:
    """``subprocess.run(cmd, cwd=where)`` in a runner whose parameter ``where`` is: its (index, name)."""
    where = next((k.value for k in call.keywords if k.arg == "cwd"), None)
    if isinstance(where, ast.Name) and where.id in params:
        return params.index(where.id), where.id
    return None


# Another parameter of a runner inside the path of its program (``venv_dir / subdir / executable``)
_PARAM = re.compile("\x00P(\\d+)\x00")


def _param_mark(index: int) -> str:
    return f"\x00P{index}\x00"


def _literal_arg(call: ast.Call, mark: re.Match[str]) -> str:
    """A literal string a runner-calling function gives at the marked position, as the inside of a shell word."""
    index = int(mark.group(1))
    given = call.args[index] if len(call.args) > index else None
    if isinstance(given, ast.Constant) and isinstance(given.value, str):
        return _dq(given.value)
    return UNKNOWN


@dataclass
class _Bindings:
    """Each name's value in a function: its last assignment that does not refer to itself (``values``), or the
    iterable a ``for`` takes it from (``loops``)."""

    values: dict[str, ast.expr] = field(default_factory=dict)
    loops: dict[str, ast.expr] = field(default_factory=dict)
    params: dict[str, int] = field(default_factory=dict)  # the function's positional parameters, by position


def _each_of(node: ast.ListComp, param: str) -> bool:
    """``[str(arg) for arg in args]`` / ``[arg for arg in args]``: each element of ``param`` as it is."""
    if len(node.generators) != 1 or node.generators[0].ifs:
        return False
    loop = node.generators[0]
    if not (isinstance(loop.iter, ast.Name) and loop.iter.id == param and isinstance(loop.target, ast.Name)):
        return False
    elt = node.elt
    if isinstance(elt, ast.Call) and _name(elt.func) == "str" and len(elt.args) == 1:
        elt = elt.args[0]
    return isinstance(elt, ast.Name) and elt.id == loop.target.id


def _program_path(node: ast.expr) -> bool:
    """A path joined with ``/`` (``venv_dir / subdir / executable``)."""
    return isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div)


def _bindings(nodes: list[ast.AST]) -> _Bindings:
    found = _Bindings()
    for node in sorted(nodes, key=lambda n: getattr(n, "lineno", 0)):
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            target = node.targets[0].id
            if target not in {n.id for n in ast.walk(node.value) if isinstance(n, ast.Name)}:
                found.values[target] = node.value
        elif isinstance(node, ast.For):
            for n in ast.walk(node.target):
                if isinstance(n, ast.Name):
                    found.loops[n.id] = node.iter
    return found


def _template(node: ast.expr, param: str, bindings: _Bindings, depth: int) -> str | None:
    """A command argument as words with ``param`` as MARK; None when the parameter does not reach it."""
    if depth > 12:
        return None
    d = depth + 1
    if isinstance(node, ast.Name):
        if node.id == param:
            return MARK
        if node.id in bindings.loops:  # an element of what the loop iterates
            return MARK if _template(bindings.loops[node.id], param, bindings, d) == MARK else UNKNOWN
        bound = bindings.values.get(node.id)
        return UNKNOWN if bound is None else _template(bound, param, bindings, d)
    if isinstance(node, ast.Call) and _name(node.func) in ("items", "values") and isinstance(node.func, ast.Attribute):
        return _template(node.func.value, param, bindings, d)
    if isinstance(node, ast.List | ast.Tuple):
        parts = [_template(e, param, bindings, d) for e in node.elts]
        return " ".join(p if p is not None else UNKNOWN for p in parts)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _template(node.left, param, bindings, d), _template(node.right, param, bindings, d)
        return f"{left or UNKNOWN} {right or UNKNOWN}"
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return '"' + _dq(node.value) + '"'
    if isinstance(node, ast.Starred) and isinstance(node.value, ast.Name) and node.value.id == param:
        return MARK  # ``*args`` handed on: the words the caller gave
    if isinstance(node, ast.ListComp) and _each_of(node, param):
        return MARK  # ``[str(arg) for arg in args]``: the parameter's words, one by one
    if isinstance(node, ast.Call) and _name(node.func) in ("list", "tuple") and len(node.args) == 1:
        return _template(node.args[0], param, bindings, d)  # ``list(cmd)`` of ``*cmd``: the same words
    if isinstance(node, ast.Call) and _name(node.func) == "str" and len(node.args) == 1 and _program_path(node.args[0]):
        return _template(node.args[0], param, bindings, d)
    if _program_path(node) and isinstance(node, ast.BinOp) and isinstance(node.right, ast.Name):
        index = bindings.params.get(node.right.id)
        if index is not None and node.right.id != param:
            # ``venv_dir / 'bin' / executable``: the program the caller names
            return f'"{UNKNOWN}/{_param_mark(index)}"'
    if isinstance(node, ast.Call) and _name(node.func) == "join" and _owner(node.func) == "path" and node.args:
        last = node.args[-1]
        if isinstance(last, ast.Constant) and isinstance(last.value, str):
            return f'"{UNKNOWN}/{_dq(last.value)}"'  # os.path.join(prefix, "bin", "python3"): a program by its name
    return UNKNOWN
