"""Names a fetched stream hands its data to, for ``js_downloads``: a self-updater often unpacks the release in memory
(hold-out set 271's site.js: ``bufferToStream(release).pipe(gunzip()).pipe(extractTar)``, then
``extractTar.on('entry', (header, stream, next) => stream.pipe(concat(executable => fs.writeFileSync(binaryPath,
executable, {mode: 0o755}))))``), so the bytes written are the download's, with no file saved between
(docs/preflight.md, ``unverified_download_exec``).

Given the test of whether an expression is fetched data, the names it flows into through streams:

- a name a fetched stream is piped into (``fetched.pipe(gunzip()).pipe(extractTar)``: ``extractTar``);
- the parameters of a callback that a fetched stream's ``on``/``once`` is given (``extractTar.on('entry', (header,
  stream) => …)``): the entries and chunks the stream emits;
- the parameters of a callback given to what a fetched stream is piped into (``stream.pipe(concat(executable =>
  …))``): the data collected from it.

Names are the file's, not scoped (as ``js_downloads`` reads bindings)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import tree_sitter

from shipgate.preflight.syntax_nodes import identifiers
from shipgate.preflight.syntax_nodes import node_text as _text

Node = tree_sitter.Node

_CALLBACKS = ("arrow_function", "function_expression", "function")
_LISTENERS = frozenset({"on", "once", "addListener"})


def _member_call(call: Node) -> tuple[Node | None, str]:
    """(object, property) of ``object.property(…)``; (None, "") for any other call."""
    function = call.child_by_field_name("function")
    if function is None or function.type != "member_expression":
        return None, ""
    return function.child_by_field_name("object"), _text(function.child_by_field_name("property"))


def _arguments(call: Node) -> list[Node]:
    args = call.child_by_field_name("arguments")
    return [a for a in (args.named_children if args is not None else []) if a.type != "comment"]


def _parameters(callback: Node) -> set[str]:
    params = callback.child_by_field_name("parameters") or callback.child_by_field_name("parameter")
    return identifiers(params) if params is not None else set()


def _callbacks(arg: Node) -> Iterator[Node]:
    """A callback given as ``arg`` itself, or to the call ``arg`` is (``concat(cb)``, one call deep)."""
    if arg.type in _CALLBACKS:
        yield arg
    elif arg.type == "call_expression":
        yield from (a for a in _arguments(arg) if a.type in _CALLBACKS)


def streamed_names(calls: list[Node], fetched: Callable[[Node], bool]) -> set[str]:
    """The names the fetched streams among ``calls`` hand their data to (one reading; the caller repeats it with
    the names found until none is new)."""
    names: set[str] = set()
    for call in calls:
        source, method = _member_call(call)
        if source is None or not (method == "pipe" or method in _LISTENERS) or not fetched(source):
            continue
        for arg in _arguments(call):
            if method == "pipe" and arg.type == "identifier":
                names.add(_text(arg))
            for callback in _callbacks(arg) if method == "pipe" or arg.type in _CALLBACKS else ():
                names |= _parameters(callback)
    return names
