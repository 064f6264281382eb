"""The running executable handed on, for ``go_script``: a self-updater outside ``cmd/`` often binds
``os.Executable()`` in one function and replaces the file in another it calls (holdout193's kk-install:
``replaceBinary(binaryPath, newBinaryPath)``, whose ``moveOrCopyFile(oldPath, newPath)`` renames over ``dst`` through
``osRenameFn`` — a package variable bound to ``os.Rename`` — and whose ``replaceBinaryWithSudo`` runs ``sudo mv
newPath oldPath``). A parameter of the file's own function that a call hands the executable's name (positionally,
also through another such function, up to :data:`MAX_DEPTH` calls deep) holds the executable too; a rename over
it (``os.Rename`` or a name bound to it) or an ``exec.Command`` that moves a file onto it (``mv … OLD``) replaces
the running program, which is what makes the file a self-updater whatever its package. Names are matched as
written, file-wide (the reader's other path rules do the same)."""

from __future__ import annotations

from collections.abc import Callable

import tree_sitter

Node = tree_sitter.Node
Callee = Callable[[Node], tuple[str, str]]

MAX_DEPTH = 4  # calls between the function that binds the executable and the one that replaces it
_EXEC = frozenset({"Command", "CommandContext"})


def _text(node: Node | None) -> str:
    return (node.text or b"").decode("utf-8", "surrogateescape") if node is not None else ""


def replaced_through_calls(
    nodes: list[Node], executables: set[str], bindings: list[tuple[Node, Node]], callee: Callee
) -> bool:
    """The file renames or moves a file over the running executable inside a function it hands the executable to."""
    held = _holders(nodes, executables, callee)
    renames = {"os.Rename"} | {
        _text(n) for n, v in bindings if v.type == "selector_expression" and _text(v) == "os.Rename"
    }
    for node in nodes:
        if node.type != "call_expression":
            continue
        owner, name = callee(node)
        args = _arguments(node)
        called = f"{owner}.{name}" if owner else name
        if called in renames and len(args) == 2 and _text(args[1]) in held:
            return True
        if owner == "exec" and name in _EXEC and _moves_onto(args[1:] if name == "CommandContext" else args, held):
            return True
    return False


def _holders(nodes: list[Node], executables: set[str], callee: Callee) -> set[str]:
    """The executable's names and the parameters of the file's functions that calls hand it to."""
    parameters = {
        _text(n.child_by_field_name("name")): _parameter_names(n) for n in nodes if n.type == "function_declaration"
    }
    held = set(executables)
    for _ in range(MAX_DEPTH):
        found = set(held)
        for node in nodes:
            if node.type != "call_expression":
                continue
            owner, name = callee(node)
            names = parameters.get(name, []) if not owner else []
            found |= {names[i] for i, arg in enumerate(_arguments(node)[: len(names)]) if _text(arg) in held}
        if found == held:
            break
        held = found
    return held


def _parameter_names(function: Node) -> list[str]:
    listed = function.child_by_field_name("parameters")
    names: list[str] = []
    for declaration in listed.named_children if listed is not None else []:
        if declaration.type == "parameter_declaration":
            names += [_text(n) for n in declaration.children_by_field_name("name")]
    return names


def _moves_onto(words: list[Node], held: set[str]) -> bool:
    """``exec.Command("sudo", "mv", NEW, OLD)``/``("mv", NEW, OLD)``: a move whose target holds the executable."""
    literal = [_text(w).strip('"`') for w in words[:-1]]
    return len(words) >= 3 and "mv" in literal[:2] and _text(words[-1]) in held


def _arguments(call: Node) -> list[Node]:
    args = call.child_by_field_name("arguments")
    return [a for a in (args.named_children if args is not None else []) if a.type != "comment"]
