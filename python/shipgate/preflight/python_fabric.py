"""Fabric's shell operations, for ``python_script``: ``fab deploy`` runs the task functions of a fabfile, and a task
runs command lines with Fabric 1's ``run`` (on the remote host), ``sudo`` (there, escalated) and ``local`` (here),
imported from ``fabric.api``, ``fabric.operations`` or ``fabric`` by name or with ``import *``. Each takes one
shell command line, as ``os.system`` does. An upload (``put``, ``upload_template``, also from
``fabric.contrib.files``) given ``use_sudo=True`` moves the file into place with sudo on the remote host:
``sudo cp LOCAL REMOTE``; without it, it is not read.

A ``fabfile.py`` (or a module of a ``fabfile`` package) that imports one of them is a deploy step: its functions
are what ``fab TASK`` runs, though nothing in the file calls them. Fabric 2 has no such functions: a module that
imports its ``task``, ``Connection``, ``Config`` or a group (``SerialGroup``, ``ThreadingGroup``) from ``fabric`` runs
command lines through methods, ``c.run(…)`` of the connection a task is given, ``conn.sudo(…)`` of a ``Connection`` or
of a group (a subclass of one too): a ``.run``/``.sudo``/``.local`` call of a named object that is not an imported
module (``subprocess.run`` stays a subprocess) is that operation. ``with cd(…)``'s directory is not read."""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Iterable

from shipgate.preflight.python_fabric_connections import connections

_MODULES = frozenset({"fabric.api", "fabric.operations", "fabric", "fabric.contrib.files"})
_OPERATIONS = frozenset({"run", "sudo", "local"})
TRANSFERS = frozenset({"put", "upload_template"})
# The Fabric 1 modules whose ``import *`` brings the operations in under their own names (``fabric.api``'s
# ``__all__`` and ``fabric.operations``' public names hold them; Fabric 2's top-level ``fabric`` does not)
_STAR_MODULES = frozenset({"fabric.api", "fabric.operations"})
# Fabric 2's top-level names whose import says the module drives it: its operations are the objects' methods
_FABRIC2_NAMES = frozenset({"task", "Connection", "Config", "Group", "SerialGroup", "ThreadingGroup"})
# A host name that stands for the operator's own server: its first label "my"/"your" + domain/server/host/site, or
# a bare "example"/"domain" label
_PLACEHOLDER_HOST = re.compile(r"(?:(?:my|your)[-_]?(?:domain|server|host|site)|example|domain)\.", re.IGNORECASE)


def fabric_operations(nodes: Iterable[ast.AST]) -> dict[str, str]:
    """Local name -> Fabric operation (``run``, ``sudo``, ``local``) for each one the module imports."""
    found: dict[str, str] = {}
    for node in nodes:
        if not isinstance(node, ast.ImportFrom) or node.module not in _MODULES:
            continue
        if node.module in _STAR_MODULES and any(a.name == "*" for a in node.names):
            found.update((name, name) for name in _OPERATIONS | {"put"})  # ``from fabric.api import *``
        found.update((a.asname or a.name, a.name) for a in node.names if a.name in _OPERATIONS | TRANSFERS)
    return found


def connection_methods(nodes: Iterable[ast.AST]) -> frozenset[str]:
    """The method names that run a command line (``run``, ``sudo``, ``local``) when the module imports Fabric 2's
    ``task``, ``Connection``, ``Config`` or a group from ``fabric``; none otherwise."""
    for node in nodes:
        if not (isinstance(node, ast.ImportFrom) and node.module == "fabric" and node.level == 0):
            continue
        if any(a.name in _FABRIC2_NAMES for a in node.names):
            return _OPERATIONS
    return frozenset()


def imported_modules(nodes: Iterable[ast.AST]) -> frozenset[str]:
    """The names ``import X`` / ``import X as Y`` bind (``subprocess``, ``os``): owners whose ``run`` is no
    connection's."""
    return frozenset(
        (a.asname or a.name).split(".")[0] for node in nodes if isinstance(node, ast.Import) for a in node.names
    )


def is_fabfile(path: str, reads_fabric: bool) -> bool:
    """A fabfile (``fabfile.py``, or a module of a ``fabfile`` package) that runs command lines through Fabric."""
    parts = path.lower().split("/")
    return reads_fabric and (parts[-1] == "fabfile.py" or "fabfile" in parts[:-1])


def root_connection(tree: ast.Module, nodes: list[ast.AST]) -> bool:
    """Every connection user the module sets is root (``env.user = 'root'``, ``with settings(user='root')``,
    ``@with_settings(user='root')``, Fabric 2's ``Connection("root@HOST")`` or ``Connection(HOST, user="root")``),
    and it sets one (holdout174: ``with settings(user='root'): execute(create_user, hosts=…)``; holdout193:
    ``Connection(host=server)`` with ``server = "root@…"``). A module that also connects as another user, or
    as one not written (a ``Connection`` with no user: the local login), or names none, is not."""
    users: list[str | None] = []
    for node in nodes:
        if isinstance(node, ast.Assign) and any(_is_env_user(t) for t in node.targets):
            users.append(_literal(node.value))
        elif isinstance(node, ast.Call) and _called_name(node.func) in ("settings", "with_settings"):
            users += [_literal(k.value) for k in node.keywords if k.arg == "user"]
    users += [made.user for made in connections(tree, nodes)]
    return bool(users) and all(user == "root" for user in users)


def _literal(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _is_env_user(target: ast.expr) -> bool:
    return isinstance(target, ast.Attribute) and target.attr == "user" and _called_name(target.value) == "env"


def _called_name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    return node.attr if isinstance(node, ast.Attribute) else None


# A ``cd`` among an operation's commands (at its start or after ``;``, ``&&``, ``||``).
_CHANGES_DIRECTORY = re.compile(r"(?:^|[;&|]\s*)cd\s")


def operation_shell(operation: str, code: str, as_root: bool = False) -> str:
    """The shell an operation given the command line ``code`` stands for: ``sudo`` runs it escalated; ``run`` over a
    connection made as root (``as_root``) runs as root there, said as the shell's root branch, and so does ``sudo``
    over it: root's sudo gains nothing, and with ``sudo_user`` it drops to that account (holdout187's
    ``env.user = 'root'`` with ``settings(sudo_user="postgres")``). Each operation is a shell of its own: a ``cd``
    in its line (``run('cd videobase_test; git pull')``) ends with it, so the line is a subshell."""
    if operation in ("run", "sudo") and _CHANGES_DIRECTORY.search(code):
        code = f"( {code} )"
    if operation in ("run", "sudo") and as_root:
        return f'if [ "$(id -u)" = 0 ]; then {code}; fi'
    if operation != "sudo":
        return code
    return "sudo sh -c '" + code.replace("'", "'\\''") + "'"


def transfer_shell(call: ast.Call, word: Callable[[ast.expr], str | None]) -> str | None:
    """``put(LOCAL, REMOTE, use_sudo=True)``: ``sudo cp LOCAL REMOTE`` (an unknown path is ``${PY_VALUE}``)."""
    flag = next((k.value for k in call.keywords if k.arg == "use_sudo"), None)
    if not (isinstance(flag, ast.Constant) and flag.value is True):
        return None
    given = {k.arg: k.value for k in call.keywords if k.arg in ("local_path", "remote_path", "filename", "destination")}
    paths = [*call.args[:2]]
    paths += [given[k] for k in ("local_path", "filename", "remote_path", "destination") if k in given]
    if len(paths) != 2:
        return None
    return "sudo cp " + " ".join(word(p) or "${PY_VALUE}" for p in paths)


def connection_hosts(tree: ast.Module, nodes: list[ast.AST]) -> list[tuple[int, str]]:
    """(line, host) of each host a fabfile connects its tasks to, written as literals: Fabric 1's top-level
    ``env.hosts = ['188.226.191.166', 'deploy@web1.example.org:2222']`` (a list or tuple) and ``env.host_string =
    '…'``, and Fabric 2's ``Connection("root@HOST")`` (also through a module-level name bound to the literal,
    holdout193). The user and port are taken off; each connection is the shell's ``ssh HOST :`` at the literal's
    line, so a public host is an ``external_endpoint`` (holdout187's videobase). A host built at run time is not
    read, nor a name written as a placeholder for the operator's own server (``mydomain.com``, ``your-server.org``,
    ``example.com``: holdout134's setup-web-server)."""
    literals: list[ast.expr] = []
    for stmt in tree.body:
        if isinstance(stmt, ast.Assign) and any(_is_env_hosts(t) for t in stmt.targets):
            value = stmt.value
            literals += value.elts if isinstance(value, ast.List | ast.Tuple) else [value]
    literals += [made.host for made in connections(tree, nodes) if made.host is not None]
    found: list[tuple[int, str]] = []
    for item in literals:
        if isinstance(item, ast.Constant) and isinstance(item.value, str):
            host = item.value.rpartition("@")[2].partition(":")[0].strip()
            if host and all(c.isalnum() or c in ".-" for c in host) and not _PLACEHOLDER_HOST.match(host):
                found.append((item.lineno, host))
    return sorted(set(found))


def _is_env_hosts(target: ast.expr) -> bool:
    return (
        isinstance(target, ast.Attribute)
        and target.attr in ("hosts", "host_string")
        and _called_name(target.value) == "env"
    )
