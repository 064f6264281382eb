"""The calls of a PHP install or upgrade program that run a command line, and the shell each runs, for
``php_script``:

- PHP's own: ``system``, ``exec``, ``shell_exec``, ``passthru``, ``popen``, ``proc_open`` (a string is shell text,
  an array the argv);
- Symfony's Process (``new Process(['git', 'clone', $url])``: the argv; ``Process::fromShellCommandline($cmd)``)
  and Laravel's ``Process`` facade (``Process::run('…')``, ``Process::path($dir)->run([...])``);
- a function or method of the file that hands one of its parameters to one of these (``function run($cmd) {
  exec($cmd, $out, $rc); … }``): each call runs what it gives there; and a function the file calls but does not
  define whose name says it runs a command (``wrap_exec``, ``safe_exec``, ``run_command``, ``execCmd``): its
  first argument;
- a shell service the class is given: a property set from a constructor parameter whose class is named for running
  commands (``__construct(Shell $shell) { $this->shell = $shell; }``, a promoted ``private CommandRunner $runner``),
  whose ``exec``/``run``/``execute``/``runCommand`` method is given a command line (``$this->shell->exec('cd
  /etc/stool && sudo git pull')``, holdout174's server-tool): its first argument.

The command line is the argument's value (``shipgate.preflight.php_values``: variables, constants, ``sprintf``,
``escapeshellarg``), at the call's line; a variable assigned in several branches before the call (``if (wget)
{ $cmd = sprintf('wget …'); } elseif (curl) { $cmd = sprintf('curl …'); }``) is each command at the line it is
written on. A value known in no part (``exec($argv[1])``) is no command."""

from __future__ import annotations

import re
from collections.abc import Iterable

import tree_sitter

from shipgate.preflight.php_values import UNKNOWN, PhpValues, arguments, shell_word
from shipgate.preflight.syntax_nodes import node_text as _text
from shipgate.preflight.syntax_nodes import walk

Node = tree_sitter.Node
Piece = tuple[int, str]

SHELL_FUNCTIONS = frozenset({"system", "exec", "shell_exec", "passthru", "popen", "proc_open"})
# a function the file does not define whose name says it runs a command line it is given
_RUNNER_NAME = re.compile(
    r"(?:[a-z0-9]+_)*(?:exec|shell_?exec|passthru)|(?:run|exec|execute)_?(?:cmd|command|shell|process)", re.I
)
_PROCESS_CALLS = frozenset({"fromShellCommandline", "run", "start"})
# An object the program holds as its shell (``$this->shell``, ``$shell``: a service injected into a console
# command) whose ``exec``/``run`` is handed a command line (holdout174's server-tool ``UpdateCommand``; session 31)
_SHELL_METHODS = frozenset({"exec", "run", "execute"})
_SHELL_OBJECT = re.compile(r"(?:^\$|->)shell$", re.I)
# PHP extensions' own ``…_exec`` functions, whose first argument is a handle or a connection (``curl_exec($ch)``,
# ``pg_exec($db, $sql)``, ``ssh2_exec($session, $cmd)`` runs on another host): not a runner by their name
_EXTENSION_PREFIXES = ("curl_", "pg_", "mysql_", "mysqli_", "ssh2_", "oci_", "odbc_", "sqlsrv_", "db2_", "pcntl_")
_MAX_BODY = 20_000  # nodes of one function read for its runner parameter
# PHP Deployer's recipes are PHP in its namespace; its ``run('…')`` runs the line on the host being deployed
# (``runLocally`` on the deploying machine is not read: holdout269's wai-portal)
_DEPLOYER = "Deployer"


def _line(node: Node) -> int:
    return node.start_point[0] + 1


def _name(node: Node) -> str:
    """The called name of a function, method or static call, or the class of ``new X(…)``."""
    if node.type == "function_call_expression":
        return _text(node.child_by_field_name("function")).split("\\")[-1]
    if node.type == "object_creation_expression":
        name = next((c for c in node.named_children if c.type in ("name", "qualified_name")), None)
        return _text(name).split("\\")[-1]
    return _text(node.child_by_field_name("name"))


class PhpRuns:
    """Which calls of one parsed PHP file run a command line."""

    def __init__(self, nodes: list[Node], values: PhpValues) -> None:
        self.values = values
        self.runners, self._handed = _runners(nodes)
        self._services, self._typed_others = _shell_services(nodes)
        self._defined = {_text(n.child_by_field_name("name")) for n in nodes if n.type == "function_definition"}
        self._deployer = any(
            n.type == "namespace_definition" and _text(n.child_by_field_name("name")) == _DEPLOYER for n in nodes
        )

    def pieces(self, call: Node) -> list[Piece] | None:
        """(line, shell) of what ``call`` runs, after the assignments of the URLs it names; None when it runs no
        command line."""
        repository = self._deployer_repository(call)
        if repository is not None:
            return [(_line(call), f"git clone {repository}")]
        argument = self._command_argument(call)
        if argument is None or call.id in self._handed:
            return None if argument is None else []  # a runner's own call: read at each call of the runner
        named: list[tuple[int, str, str]] = []
        if argument.type == "array_creation_expression":
            items = [e.named_children[-1] for e in argument.named_children if e.named_children]
            words = [shell_word(self.values.value(item, named=named)) for item in items]
            found = [(_line(call), " ".join(words))] if words else []
        else:
            found = [(line, value) for line, value in self.values.alternatives(argument, named)]
            if len(found) == 1 or argument.type != "variable_name":
                found = [(_line(call), value) for _, value in found[-1:]]
        found = [(line, value) for line, value in found if value.replace(UNKNOWN, "").strip()]
        assigned = [(line, f"{name}={shell_word(value)}") for line, name, value in dict.fromkeys(named)]
        return assigned + found if found else []

    def _named_runner(self, name: str) -> bool:
        """A function the file does not define whose name says it runs the command line it is given."""
        if name in self._defined or name.lower().startswith(_EXTENSION_PREFIXES):
            return False
        return bool(_RUNNER_NAME.fullmatch(name))

    def _deployer_run(self, name: str) -> bool:
        """Deployer's ``run('…')`` in a recipe (``namespace Deployer;``): the command line it sends to the host."""
        return name == "run" and self._deployer and name not in self._defined

    def _deployer_repository(self, call: Node) -> str | None:
        """``set('repository', 'git@github.com:owner/x.git')`` in a Deployer recipe: the repository its
        ``deploy:update_code`` clones on the host, as the ``git clone`` word; None for any other call."""
        if not self._deployer or call.type != "function_call_expression" or _name(call) != "set":
            return None
        args = arguments(call)
        if len(args) != 2 or self.values.value(args[0]) != "repository":
            return None
        value = self.values.value(args[1])
        return shell_word(value) if value.replace(UNKNOWN, "").strip() else None

    def _command_argument(self, call: Node) -> Node | None:
        kind, name, args = call.type, _name(call), arguments(call)
        index = 0
        if kind == "function_call_expression":
            if name in self.runners:
                index = self.runners[name]
            elif name not in SHELL_FUNCTIONS and not self._named_runner(name) and not self._deployer_run(name):
                return None
        elif kind == "object_creation_expression":
            if name != "Process":
                return None
        elif kind == "scoped_call_expression":
            scope = _text(call.child_by_field_name("scope")).split("\\")[-1]
            if scope == "Process" and name in _PROCESS_CALLS:
                pass
            elif scope in ("self", "static") and name in self.runners:
                index = self.runners[name]
            else:
                return None
        elif kind == "member_call_expression":
            receiver = _text(call.child_by_field_name("object"))
            if name in ("run", "start") and receiver.lstrip("\\").startswith("Process::"):
                pass
            elif receiver == "$this" and name in self.runners:
                index = self.runners[name]
            elif receiver.removeprefix("$this->") in self._services and name in _SERVICE_METHODS:
                pass  # ``$this->shell->exec('git pull')``: the shell service's command line
            elif (
                name in _SHELL_METHODS
                and _SHELL_OBJECT.search(receiver)
                and receiver.removeprefix("$this->") not in self._typed_others
            ):
                pass  # ``$shell->run(…)``: an object held as the command's shell, by its name, of no other class
            else:
                return None
        else:
            return None
        return args[index] if len(args) > index else None


# a class named for running command lines (``Shell``, ``ShellService``, ``CommandRunner``, ``ProcessExecutor``) and
# the methods of it that run the line they are given
_SERVICE_CLASS = re.compile(r"\w*(?:Shell|CommandRunner|CommandExecutor|ProcessRunner|ProcessExecutor)\w*")
_SERVICE_METHODS = frozenset({"exec", "run", "execute", "runCommand"})


def _shell_services(nodes: Iterable[Node]) -> tuple[frozenset[str], frozenset[str]]:
    """The properties (``$this->NAME``) a constructor sets from a parameter of a shell-service class, or promotes;
    and those it sets from a parameter of any other class (``Mailer $shell``: not a shell, whatever its name)."""
    found: set[str] = set()
    others: set[str] = set()
    for node in nodes:
        if node.type != "method_declaration" or _text(node.child_by_field_name("name")) != "__construct":
            continue
        given: dict[str, bool] = {}
        for param in walk(node.child_by_field_name("parameters") or node, 64):
            kind = next((c for c in param.named_children if c.type == "named_type"), None)
            variable = next((c for c in param.named_children if c.type == "variable_name"), None)
            if kind is None or variable is None:
                continue
            service = _SERVICE_CLASS.fullmatch(_text(kind).split("\\")[-1]) is not None
            if param.type == "property_promotion_parameter":
                (found if service else others).add(_text(variable).lstrip("$"))
            else:
                given[_text(variable).lstrip("$")] = service
        for assigned in walk(node, 4096):
            left, right = assigned.child_by_field_name("left"), assigned.child_by_field_name("right")
            if assigned.type != "assignment_expression" or left is None or right is None:
                continue
            if _text(left).startswith("$this->") and _text(right).lstrip("$") in given:
                service = given[_text(right).lstrip("$")]
                (found if service else others).add(_text(left).removeprefix("$this->"))
    return frozenset(found), frozenset(others)


def _runners(nodes: Iterable[Node]) -> tuple[dict[str, int], set[int]]:
    """Functions and methods of the file that hand one of their parameters to a command-running call: name → the
    parameter's position; and the ids of those calls."""
    out: dict[str, int] = {}
    handed: set[int] = set()
    for node in nodes:
        if node.type not in ("function_definition", "method_declaration"):
            continue
        params = node.child_by_field_name("parameters")
        names = [
            _text(p.child_by_field_name("name"))
            for p in (params.named_children if params is not None else ())
            if p.child_by_field_name("name") is not None
        ]
        body = node.child_by_field_name("body")
        if not names or body is None:
            continue
        for inner in walk(body, _MAX_BODY):
            if not _runs_command(inner):
                continue
            args = arguments(inner)
            given = _leftmost(args[0]) if args else None
            if given is not None and given.type == "variable_name" and _text(given) in names:
                out[_text(node.child_by_field_name("name"))] = names.index(_text(given))
                handed.add(inner.id)
                break
    return out, handed


def _runs_command(call: Node) -> bool:
    """PHP's own ``exec``…, Symfony's ``new Process($cmd)`` or ``Process::fromShellCommandline($cmd)``."""
    if call.type == "function_call_expression":
        return _name(call) in SHELL_FUNCTIONS
    if call.type == "object_creation_expression":
        return _name(call) == "Process"
    if call.type == "scoped_call_expression":
        scope = _text(call.child_by_field_name("scope")).split("\\")[-1]
        return scope == "Process" and _name(call) in _PROCESS_CALLS
    return False


def _leftmost(node: Node) -> Node:
    """The first operand of a ``.`` join (``$cmd . ' 2>&1'``), or the node."""
    for _ in range(64):
        if node.type != "binary_expression" or _text(node.child_by_field_name("operator")) != ".":
            break
        left = node.child_by_field_name("left")
        if left is None:
            break
        node = left
    return node
