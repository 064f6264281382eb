"""A Ruby script that includes a module at its top level (``include Terraform::DSL``) calls the module's methods as
its own: a bare call of one named as a command runner (``shell "sudo chgrp admin -R /etc/nginx/sites-enabled"``)
that the file does not define runs its one string argument as a shell command line, as Python's reader reads a
function imported under a runner's name (holdout175's Barkeep ``script/system_setup.rb``). The call is read where it
is written; methods of the file that hand it their parameter are not made runners of it (what the module's method
does with more than the line is not seen). Other methods of the module (``ensure_packages``, ``ensure_gem``) are not
read: what they run is in the module, not the file."""

from __future__ import annotations

from collections.abc import Iterator

import tree_sitter

Node = tree_sitter.Node

# The module methods read as command runners: the runner names the Python reader takes for imported helpers, less
# those Ruby's own reader already reads (``sh``, ``spawn``) or that name other DSLs' remote runs (``run``).
MIXIN_RUNNERS = frozenset({"shell", "run_command", "run_cmd", "runcmd"})
# A helper file the script pulls in with ``require_relative`` defines its methods on the top-level object, so the
# script calls them bare: the runner names above, and ``r``, the one-letter runner such helper files define
# (ubicloud's ``rhizome/common/lib/util.rb``: ``r "systemctl daemon-reload"``; holdout250, session 31).
REQUIRED_RUNNERS = MIXIN_RUNNERS | {"r"}
_INCLUDES = frozenset({"include", "extend"})


def requires_own_file(nodes: list[Node]) -> bool:
    """Whether the program pulls in a file of its own repository at its top level: ``require_relative "x"``."""
    return any(
        name == "require_relative" and len(named) == 1 and named[0].type == "string"
        for name, named in _top_level_calls(nodes)
    )


def includes_module(nodes: list[Node]) -> bool:
    """Whether the program includes (or extends itself with) a module at its top level: ``include Some::DSL``."""
    return any(
        name in _INCLUDES and named and all(a.type in ("constant", "scope_resolution") for a in named)
        for name, named in _top_level_calls(nodes)
    )


def _top_level_calls(nodes: list[Node]) -> Iterator[tuple[str, list[Node]]]:
    """(method name, named arguments) of each call written at the program's top level."""
    for node in nodes:
        if node.type != "call" or node.parent is None or node.parent.type != "program":
            continue
        method = node.child_by_field_name("method")
        args = node.child_by_field_name("arguments")
        name = (method.text or b"").decode("utf-8", "replace") if method is not None else ""
        yield name, list(args.named_children) if args is not None else []
